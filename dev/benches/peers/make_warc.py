"""Builds a large .warc.gz for dev/benches/warc_scale.sh with warcio: one gzip member per
record, response records cycling over real pages (the HTML eval sets' pages, then the
repository's fixtures) and articles of a synthetic corpus (gazette-dev synth JSON lines)
set in a plain HTML page, until the file reaches the target size. Every record has a URI
of its own; real pages repeat from one cycle to the next (duplicates, as in crawls).

usage: make_warc.py OUT.warc.gz TARGET_BYTES SYNTH.jsonl PAGE_DIR [PAGE_DIR ...]
"""

import html
import io
import json
import os
import pathlib
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def synth_page(doc: dict) -> bytes:
    title = html.escape(doc.get("title") or "")
    date = html.escape(doc.get("published") or "")
    paragraphs = "".join(
        f"<p>{html.escape(p)}</p>\n" for p in (doc.get("text") or "").split("\n") if p.strip()
    )
    page = (
        f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
        f"<meta property=\"article:published_time\" content=\"{date}\"></head><body>"
        f"<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article><h1>{title}</h1>"
        f"{paragraphs}</article><footer>© Bench</footer></body></html>"
    )
    return page.encode("utf-8")


def main() -> None:
    out, target, synth = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    pages = []
    for folder in sys.argv[4:]:
        for path in sorted(pathlib.Path(folder).rglob("*.htm*")):
            pages.append(path.read_bytes())
    synth_docs = [json.loads(line) for line in open(synth, encoding="utf-8")]
    n = 0
    with open(out, "wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        while stream.tell() < target:
            for i, body in enumerate(pages):
                doc = synth_docs[(n + i) % len(synth_docs)]
                for payload in (body, synth_page(doc)):
                    n += 1
                    headers = StatusAndHeaders(
                        "200 OK",
                        [("Content-Type", "text/html; charset=utf-8")],
                        protocol="HTTP/1.1",
                    )
                    record = writer.create_warc_record(
                        f"https://bench.example/{n}",
                        "response",
                        payload=io.BytesIO(payload),
                        http_headers=headers,
                    )
                    writer.write_record(record)
                if stream.tell() >= target:
                    break
    print(f"{n} records, {os.path.getsize(out)} bytes")


if __name__ == "__main__":
    main()
