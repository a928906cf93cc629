#!/usr/bin/env bash
# Build the example Sphinx and MkDocs sites from the bundled list, and references.bib.
# Makes .venv on first use. Output: examples/build/{sphinx,mkdocs,references.bib}.
#
# `awesome-papers site` wrote the sites' pages and navigation (examples/sphinx,
# examples/mkdocs); run here, it brings them up to date with the list and writes nothing
# when the list has not changed. optimization.md, reading-notes.md and the Sphinx conf.py
# are written by hand and left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[sphinx,mkdocs]' mkdocs-material

out=examples/build
list=examples/llm-training.md
.venv/bin/awesome-papers check "$list" || true   # the list's known problems
for engine in sphinx mkdocs; do
  .venv/bin/awesome-papers site "$list" --engine "$engine" -o "examples/$engine" \
    --title "LLM Training papers"
done
.venv/bin/awesome-papers export "$list" -o "$out/references.bib"
.venv/bin/sphinx-build -q -W -b html examples/sphinx "$out/sphinx"
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build -q --strict -f examples/mkdocs/mkdocs.yml -d "$PWD/$out/mkdocs"

echo
echo "Sphinx site:    $out/sphinx/index.html"
echo "MkDocs site:    $out/mkdocs/index.html"
echo "references.bib: $out/references.bib (also in both sites)"
