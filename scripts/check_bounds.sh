#!/usr/bin/env bash
# Install the package with the lowest (default) or the newest versions pyproject.toml allows
# for its dependencies and its sphinx and mkdocs extras, in a fresh virtual environment, and
# run a fast subset of the tests there, so that a bound that no longer holds shows up.
#
#   bash scripts/check_bounds.sh [lowest|newest]    # PYTHON=python3.10 picks the interpreter
#
# pip has no "lowest versions" resolution, so `lowest` pins every `>=` bound of those
# requirements to exactly that version through a constraints file. The test tools (pytest,
# hypothesis, pybtex, mkdocs-material) are not the package's dependencies: they come at
# the newest versions that fit.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-lowest}
case $mode in lowest|newest) ;; *) echo "usage: $0 [lowest|newest]" >&2; exit 2 ;; esac
python=${PYTHON:-python3}
work=${TMPDIR:-/tmp}/awesome-papers-bounds-$mode
rm -rf "$work"
"$python" -m venv "$work/venv"
py=$work/venv/bin/python
"$py" -m pip install -q --upgrade pip

constraints=()
if [ "$mode" = lowest ]; then
  "$py" -c 'import tomllib' 2>/dev/null || "$py" -m pip install -q tomli
  "$py" - pyproject.toml >"$work/lowest.txt" <<'EOF'
"""Print name==version for every `>=` bound of the dependencies and the sphinx/mkdocs extras."""
import re
import sys

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

with open(sys.argv[1], "rb") as file:
    project = tomllib.load(file)["project"]
extras = project["optional-dependencies"]
for requirement in project["dependencies"] + extras["sphinx"] + extras["mkdocs"]:
    bound = re.match(r"\s*([A-Za-z0-9._-]+)(?:\[[^\]]*\])?\s*>=\s*([^,;\s]+)", requirement)
    if bound is None:
        sys.exit(f"check_bounds: {requirement!r} has no >= bound to test")
    print(f"{bound[1]}=={bound[2]}")
EOF
  constraints=(-c "$work/lowest.txt")
  echo "lowest versions allowed:" $(cat "$work/lowest.txt")
fi

"$py" -m pip install -q "${constraints[@]}" ".[sphinx,mkdocs]" pytest hypothesis pybtex mkdocs-material
"$py" -m pip list --format=freeze | grep -i -E \
  '^(docutils|markdown-it-py|bibtexparser|beautifulsoup4|pylatexenc|defusedxml|sphinx|myst-parser|mkdocs|markdown)=='

# Core, BibTeX, arXiv client, and a few real Sphinx and MkDocs builds. The tests import the
# installed package (pytest, not `python -m pytest`, keeps the checkout off sys.path).
"$work/venv/bin/pytest" -q -p no:cacheprovider -m "not browser and not latex" \
  tests/core --ignore=tests/core/test_corpus.py --ignore=tests/core/test_linear_time.py \
  tests/bibtex/test_bibtex_export.py tests/bibtex/test_bibtex_cli.py tests/enrich \
  tests/sphinx/test_warnings.py tests/sphinx/test_files.py \
  tests/mkdocs/test_mkdocs_plugin.py tests/mkdocs/test_mkdocs_syntax.py
