#!/usr/bin/env bash
# Make .venv with the package and its test extras, then run ruff, mypy, tsc (the browser
# script's types, once `npm ci` has installed it) and pytest (extra args go to pytest).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[sphinx,mkdocs,test]'
.venv/bin/python -m ruff check .
.venv/bin/python -m mypy  # what and how strictly: [tool.mypy] in pyproject.toml
if [ ! -x node_modules/.bin/tsc ] && command -v npm >/dev/null 2>&1; then
  npm ci --no-audit --no-fund --loglevel=error  # TypeScript, pinned in package-lock.json
fi
if [ -x node_modules/.bin/tsc ]; then
  node_modules/.bin/tsc -p tsconfig.json
elif [ "${CI:-}" = true ]; then
  echo "scripts/test.sh: tsc is missing: install npm, then run this again" >&2
  exit 1
else
  echo "scripts/test.sh: tsc skipped (with npm installed, this script installs it to type-check the browser script)" >&2
fi
.venv/bin/python -m pytest "$@"
