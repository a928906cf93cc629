#!/usr/bin/env bash
# Make .venv with the package and its test extras, then run ruff, mypy and pytest (extra args
# go to pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[sphinx,mkdocs,test]'
.venv/bin/python -m ruff check .
.venv/bin/python -m mypy  # what and how strictly: [tool.mypy] in pyproject.toml
.venv/bin/python -m pytest "$@"
