#!/usr/bin/env bash
# Install isnad into .venv and analyse the bundled example (no server, no downloads).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e .
exec .venv/bin/isnad analyze --published 2022-01-27 -f pretty "$@"
