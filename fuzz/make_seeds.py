#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/seeds/<target>/: the small files
of tests/fixtures and a few generated pages, WARC files and compressed streams (each a
few KB at most). Run from anywhere; rerun after a fixture changes and commit the result."""
import gzip
import os
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "tests", "fixtures")
SEEDS = os.path.join(HERE, "seeds")
MAX_SEED = 4096


def fixture_files(ext):
    out = []
    for scenario in sorted(os.listdir(FIXTURES)):
        d = os.path.join(FIXTURES, scenario, "input")
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            path = os.path.join(d, name)
            if name.endswith(ext) and os.path.isfile(path):
                with open(os.path.join(d, name), "rb") as f:
                    out.append((f"{scenario}_{name}", f.read()))
    return out


def zstd(data):
    return subprocess.run(["zstd", "-q", "-c"], input=data, stdout=subprocess.PIPE, check=True).stdout


ARTICLE = (
    "Sciopero dei trasporti a Roma\n\n"
    "ROMA, 5 maggio (ANSA) - I sindacati hanno proclamato uno sciopero di 24 ore per venerdì 10 maggio. "
    "\u00abNon possiamo aspettare ancora\u00bb, ha detto Maria Rossi, segretaria della Filt-Cgil.\n\n"
    "Il ministro dei Trasporti ha convocato le parti per lunedì prossimo.\n"
)

PAGES = {
    "meta_and_article.html": """<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">
<title>Grève à Paris | Le Journal</title>
<meta property="og:title" content="Grève à Paris">
<meta property="og:site_name" content="Le Journal">
<meta property="article:published_time" content="2024-05-06T08:00:00+02:00">
<link rel="canonical" href="https://journal.example/greve">
</head><body><nav><a href="/">Accueil</a> &gt; <a href="/societe">Société</a></nav>
<article><h1>Grève à Paris</h1><time datetime="2024-05-06">6 mai 2024</time>
<p>PARIS (AFP) - Les conducteurs de bus ont cessé le travail lundi matin, a annoncé le syndicat.</p>
<p>« Nous demandons des horaires décents », a déclaré Jean Dupont, porte-parole du syndicat, mardi.</p>
<figure><img src="a.jpg"><figcaption>Photo : un dépôt de bus (AFP)</figcaption></figure>
<!-- a comment <p>hidden</p> --></article>
<aside>Lire aussi : les transports en Île-de-France</aside>
<footer>© 2024 Le Journal. Tous droits réservés.</footer><script>var x = "<p>";</script></body></html>
""",
    "json_ld.html": """<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Storm hits coast",
"datePublished":"2024-03-02T10:00:00Z","dateModified":"2024-03-03","publisher":{"name":"Daily Wire"}}
</script><meta name="sw-pubdate" content="2024-03-02"></head>
<body><div class="content"><div class="story-body">
<p>LONDON (Reuters) - A storm hit the southern coast on Saturday, cutting power to 20,000 homes.</p>
<p>"It was the worst night in years," said John Smith, a resident of Brighton, on Sunday.</p>
<p>Published 2 March 2024. Updated 3 March 2024.</p></div>
<div class="related"><ul><li><a href="/a">Related story one</a></li><li><a href="/b">Two</a></li></ul></div>
</div></body></html>
""",
    "itemprop_and_tables.html": """<html><body><div itemscope itemtype="http://schema.org/NewsArticle">
<span itemprop="datePublished">2023-11-20</span><h2 itemprop="headline">Wahl in Berlin</h2>
<div itemprop="articleBody"><p>BERLIN (dpa) - Die Wahl in Berlin muss am 12. Februar wiederholt werden, entschied das Gericht am Mittwoch.</p>
<table><tr><td>Partei</td><td>Stimmen</td></tr><tr><td>A</td><td>30 %</td></tr></table>
<p>„Das ist ein klares Urteil“, sagte die Präsidentin des Gerichts.</p><br><br>
<p>Mehr zum Thema: <a href="/x">Berlin</a> | <a href="/y">Wahlen</a></p></div></div></body></html>
""",
    "fragments.html": """<html><head><meta name="date" content="12/03/2022"><title>x</title></head><body>
<div><div><div><p>Corto.</p><p>Muy corto</p></div></div></div><pre>a&amp;b &lt; c &#x263A; &bogus; &#99999999;</pre>
<p>MADRID, 3 mar (EFE).- El Gobierno aprobó ayer el decreto, según fuentes del ministerio, "sin cambios".</p>
<noscript>Activa JavaScript</noscript><style>p{}</style><template><p>t</p></template><svg><text>s</text></svg>
</body></html>
""",
    "broken.html": "<html><body><p>Unclosed <b>bold <i>italic <p>next paragraph of text that is long enough to be an article body, maybe, or not at all</div></span><td>cell<body attr='x' attr='y' attr=z>",
}


def warc_record(kind, uri, block, date="2024-05-06T07:08:09Z"):
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def http(status, ctype, body):
    return f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n\r\n".encode() + body


def warcs():
    page = PAGES["meta_and_article.html"].encode()
    info = warc_record("warcinfo", "", b"software: make_seeds\r\n")
    req = warc_record("request", "https://journal.example/greve", b"GET /greve HTTP/1.1\r\n\r\n")
    ok = warc_record("response", "<https://journal.example/greve>", http("200 OK", "text/html; charset=utf-8", page))
    gone = warc_record("response", "https://journal.example/gone", http("404 Not Found", "text/html", b"<p>missing</p>"))
    png = warc_record("response", "https://journal.example/logo.png", http("200 OK", "image/png", b"\x89PNG\r\n"))
    latin1 = warc_record("response", "https://x.example/l", http("200 OK", "text/html; charset=iso-8859-1", "<p>caf\xe9 cr\xe8me</p>".encode("latin-1")))
    lf_only = b"WARC/1.0\nWARC-Type: response\nContent-Length: 40\n\nHTTP/1.1 200 OK\n\n<p>bare line feeds</p>\n\n"
    return {
        "crawl.warc": info + req + ok + gone + png,
        "latin1.warc": latin1,
        "lf_only.warc": lf_only,
        "truncated.warc": (info + ok)[:-200],
        "bad_length.warc": b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>",
    }


def jsonls():
    out = {}
    for name, data in fixture_files(".jsonl"):
        lines = data.splitlines(keepends=True)
        out[name] = b"".join(lines[:3])[:MAX_SEED]
    out["bom_blank.jsonl"] = (
        b"\xef\xbb\xbf" + b'{"id":"a","url":"https://x.example/a","title":"T","published":"2024-05-06","text":"Body text"}\n'
        b"\n   \r\n"
        b'{"id":"b","language":"it","source_name":"ANSA","crawled":"2024-05-07T10:00:00Z","html":"<p>ciao</p>"}\r\n'
        b'{"text":"lone \\ud800 surrogate","published":"not a date"}\n'
        b'[1,2,3]\n{"text": 5}\n\xff\xfe\n{"text":"no newline at end"}'
    )
    return out


def write(target, name, data):
    d = os.path.join(SEEDS, target)
    os.makedirs(d, exist_ok=True)
    if len(data) > MAX_SEED:
        data = data[:MAX_SEED]
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def main():
    shutil.rmtree(SEEDS, ignore_errors=True)
    texts = [(n, d) for n, d in fixture_files(".txt") if len(d) <= MAX_SEED]
    texts.append(("generated_article.txt", ARTICLE.encode()))
    for name, data in texts:
        write("read_text", name, data)
        write("parse_text", name, data)
    for name, data in PAGES.items():
        write("parse_html", name, data.encode())
    for name, data in jsonls().items():
        write("read_jsonl", name, data)
    for name, data in warcs().items():
        write("read_warc", name, data)
    streams = {"article.txt": ARTICLE.encode(), "page.html": PAGES["json_ld.html"].encode()}
    streams.update(jsonls())
    streams.update({k: v for k, v in warcs().items() if k == "crawl.warc"})
    for name, data in streams.items():
        write("read_gzip", name + ".gz", gzip.compress(data, mtime=0))
        write("read_zstd", name + ".zst", zstd(data))
    # A WARC of one gzip member per record, as crawlers write it.
    crawl = warcs()["crawl.warc"]
    members = crawl.split(b"\r\n\r\nWARC/1.0")
    parts = [members[0] + b"\r\n\r\n"] + [b"WARC/1.0" + m + b"\r\n\r\n" for m in members[1:-1]] + [b"WARC/1.0" + members[-1]]
    write("read_gzip", "members.warc.gz", b"".join(gzip.compress(p, mtime=0) for p in parts))
    for name, data in fixture_files(".gz"):
        write("read_gzip", name, data)
    for name, data in fixture_files(".zst"):
        write("read_zstd", name, data)
    write("read_gzip", "bomb.gz", gzip.compress(b"\0" * 200_000, mtime=0))
    write("read_zstd", "bomb.zst", zstd(b"\0" * 200_000))


if __name__ == "__main__":
    main()
