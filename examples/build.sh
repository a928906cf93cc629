#!/usr/bin/env bash
# Build the example Sphinx and MkDocs sites from the bundled list, and references.bib.
# Makes .venv on first use. Output: examples/build/{sphinx,mkdocs,references.bib}.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[sphinx,mkdocs]' mkdocs-material

out=examples/build
.venv/bin/awesome-papers check examples/llm-training.md || true   # the list's known problems
.venv/bin/awesome-papers export examples/llm-training.md -o "$out/references.bib"
.venv/bin/sphinx-build -q -W -b html examples/sphinx "$out/sphinx"
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build -q --strict -f examples/mkdocs/mkdocs.yml -d "$PWD/$out/mkdocs"

echo
echo "Sphinx site:    $out/sphinx/index.html"
echo "MkDocs site:    $out/mkdocs/index.html"
echo "references.bib: $out/references.bib (also in both sites)"
