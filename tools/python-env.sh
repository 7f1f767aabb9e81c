#!/usr/bin/env bash
# Makes the Python environment of the tests: a venv at target/py-venv with
# python/requirements-dev.txt installed, and the gazette package built into it from this
# checkout (maturin develop --release). Prints nothing but errors; safe to run again (pip
# and cargo only redo what changed). Needs python3 ≥ 3.10 with venv, and the package
# registry (PyPI) for the first install (python/requirements-spark.txt too: pyspark). Installs
# a JDK 17 (Debian package openjdk-17-jdk-headless; Spark runs on it) when `java` is absent,
# and Chromium and its driver (Debian packages
# chromium, chromium-driver; for the browser test of the HTML report) when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    apt() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@" >/dev/null; }
    # The package lists may be stale: update them only when the install fails.
    apt install chromium chromium-driver || { apt update && apt install chromium chromium-driver; }
fi
if ! command -v java >/dev/null 2>&1; then
    # Spark (python/requirements-spark.txt) runs on a JDK 17.
    sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    apt() { $sudo env DEBIAN_FRONTEND=noninteractive apt-get -y -q "$@" >/dev/null; }
    apt install openjdk-17-jdk-headless || { apt update && apt install openjdk-17-jdk-headless; }
fi
venv=target/py-venv
stamp=$venv/.requirements
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
# `python -m pip`, not bin/pip: a venv copied with its target directory keeps the old
# path in bin/pip's first line.
requirements=$(cat python/requirements-dev.txt python/requirements-spark.txt)
if [ "$requirements" != "$(cat "$stamp" 2>/dev/null)" ]; then
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check \
        -r python/requirements-dev.txt -r python/requirements-spark.txt
    printf '%s' "$requirements" > "$stamp"
fi
# maturin develop needs VIRTUAL_ENV (or a venv it can find) to install into.
VIRTUAL_ENV="$PWD/$venv" PATH="$PWD/$venv/bin:$PATH" \
    "$venv/bin/maturin" develop --quiet --release --locked -m python/Cargo.toml >&2
