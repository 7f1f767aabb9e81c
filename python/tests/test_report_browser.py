"""The HTML batch report of the shipped examples, opened in headless Chromium: it loads
with no console error, every chart is drawn (its <svg> has drawn paths and a non-empty
box), and a screenshot of the whole page is saved under the test's tmp_path (its path is
printed; see it with ``pytest -s``).

Chromium and chromedriver are the Debian packages ``chromium`` and ``chromium-driver``,
installed by tools/python-env.sh when absent; without them this test is skipped with a
notice — or fails when GAZETTE_REQUIRE_CHROMIUM is set (tools/test.sh sets it: it has just
run tools/python-env.sh, so a missing browser there is a set-up bug, not a skip).
"""

from __future__ import annotations

import os
import re
import shutil
import sys

import pytest

from conftest import report

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def driver():
    webdriver = pytest.importorskip("selenium.webdriver")
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        if os.environ.get("GAZETTE_REQUIRE_CHROMIUM"):
            pytest.fail("chromium / chromedriver absent but GAZETTE_REQUIRE_CHROMIUM is set")
        pytest.skip("chromium / chromedriver absent: run tools/python-env.sh to install them")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield d
    d.quit()


def test_html_report_renders_in_chromium(examples_output, tmp_path, driver):
    page = tmp_path / "report.html"
    done = report(str(examples_output), "--html", str(page))
    assert done.returncode == 0, done.stderr
    text = page.read_text(encoding="utf-8")
    # Offline: nothing for the browser to fetch (no script, stylesheet link, image source or
    # CSS url() but the SVGs' own #clip-path ids; the only "http" strings are the SVG
    # namespaces).
    for needle in ("<script", "<link", " src=", "<img", "@import"):
        assert needle not in text, needle
    assert not re.search(r"url\((?!#)", text), "a url() that is not a reference inside the page"

    driver.get(page.as_uri())
    assert driver.title.startswith("gazette batch report")
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == [], errors

    charts = driver.execute_script(
        """return Array.from(document.querySelectorAll('figure.chart')).map(f => {
             const svg = f.querySelector('svg');
             const box = svg ? svg.getBoundingClientRect() : {width: 0, height: 0};
             // Data artists carry ids data-<chart>-<n> (charts.py); axes alone do not count.
             const drawn = svg ? Array.from(svg.querySelectorAll('[id^="data-"]')).filter(g => {
                 const b = g.getBBox(); return b.width > 0 || b.height > 0; }).length : 0;
             return {chart: f.dataset.chart, width: box.width, height: box.height, drawn: drawn};
           });"""
    )
    names = [c["chart"] for c in charts]
    # The examples have no reject: that chart is replaced by a "none" note; every other is drawn.
    empty = driver.execute_script(
        "return Array.from(document.querySelectorAll('[data-empty-chart]')).map(e => e.dataset.emptyChart);"
    )
    assert set(names) | set(empty) == {"rejects", "clusters", "languages", "date_sources",
                                       "publication_dates", "quotes_per_language", "speakers", "drift"}
    assert empty == ["rejects"]
    for c in charts:
        assert c["width"] > 0 and c["height"] > 0, c
        assert c["drawn"] > 0, c

    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(height + 40, 12000))
    shot = tmp_path / "report.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    print(f"\nscreenshot of the HTML report: {shot}", file=sys.stderr)
