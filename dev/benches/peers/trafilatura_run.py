"""The peer side of dev/benches/ratio.sh: trafilatura on every page of a folder, one
process, extraction with metadata (its publication date comes from htmldate), timed from
the first page read to the last extraction. Prints `pages cpu_seconds wall_seconds dated`
on one line (CPU time: on a shared machine the wall time is the noisier figure)."""

import pathlib
import sys
import time

import trafilatura


def main() -> None:
    folder = pathlib.Path(sys.argv[1])
    paths = sorted(p for p in folder.iterdir() if p.is_file())
    start, cpu_start = time.perf_counter(), time.process_time()
    dated = 0
    for path in paths:
        # Bytes, as gazette reads them: the peer decodes the page itself.
        doc = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
        if doc is not None and getattr(doc, "date", None):
            dated += 1
    cpu = time.process_time() - cpu_start
    elapsed = time.perf_counter() - start
    print(f"{len(paths)} {cpu:.3f} {elapsed:.3f} {dated}")


if __name__ == "__main__":
    main()
