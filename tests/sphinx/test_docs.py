"""The project's own docs build cleanly with the extension (as ``sphinx-build -W``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from awesome_papers.query import FILTERS

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.slow
def test_docs_build_with_warnings_as_errors(tmp_path: Path) -> None:
    sphinx_build = Path(sys.executable).with_name("sphinx-build")
    run = subprocess.run([str(sphinx_build), "-W", "-q", "-b", "html", "-d", str(tmp_path / "dt"),
                          str(DOCS), str(tmp_path / "html")],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    page = (tmp_path / "html" / "sphinx.html").read_text(encoding="utf-8")
    assert 'class="awesome-papers' in page and 'id="huang2025stablespam"' in page
    # The filter words' tables are made from their declaration: every flag, in order.
    for name, prefix in (("sphinx", ""), ("cli", "--")):
        soup = BeautifulSoup((tmp_path / "html" / f"{name}.html").read_text("utf-8"),
                             "html.parser")
        cells = soup.select("table.filter-options tbody tr td:first-child")
        assert [c.get_text() for c in cells] == [prefix + o.name for o in FILTERS]
