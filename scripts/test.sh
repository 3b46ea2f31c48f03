#!/usr/bin/env bash
# Install isnad with its test extras into .venv and run the whole test suite.
# Tests that evaluate on ../shared/data skip with a message when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
exec .venv/bin/python -m pytest -q "$@"
