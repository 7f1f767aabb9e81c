#!/usr/bin/env bash
# The test command of README.md (and of .ci/run): every Rust test of the workspace's
# default members, then the Python package's tests, which compare the package with the
# `gazette` command. Arguments go to `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --locked "$@"
tools/python-env.sh
cargo build --locked --release --bin gazette --bin gazette-dev
# The Spark tests run executors on the venv's Python (gazette installed there).
PYSPARK_PYTHON="$PWD/target/py-venv/bin/python" GAZETTE_REQUIRE_CHROMIUM=1 \
    GAZETTE_BIN="$PWD/target/release/gazette" GAZETTE_DEV_BIN="$PWD/target/release/gazette-dev" \
    target/py-venv/bin/python -m pytest -q python/tests
