"""One page source, two engines: the same rows under MkDocs as under Sphinx with MyST."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sitebuild import EXAMPLE, LIST, ROOT, build, make_site

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

PAGES = ["optimization.md", "highlights.md", "llm-training.md"]
EXTRA = "# Filters\n\n```{awesome-papers}\n:year: 2023-2024\n:kind: paper\n:sort: oldest\n```\n"


def _rows(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [row.get("id", "") for row in soup.select("tr.awesome-row")]


@pytest.mark.parametrize("name", PAGES)
def test_example_pages_are_the_same_text(name: str) -> None:
    sphinx = (ROOT / "examples" / "sphinx" / name).read_text("utf-8")
    assert (EXAMPLE / "docs" / name).read_text("utf-8") == sphinx


def test_same_rows_under_mkdocs_and_sphinx(tmp_path: Path) -> None:
    pages = {name: (ROOT / "examples" / "sphinx" / name).read_text("utf-8") for name in PAGES}
    pages["filters.md"] = EXTRA
    sphinx_src = tmp_path / "sphinx"
    sphinx_src.mkdir()
    for name, text in pages.items():
        (sphinx_src / name).write_text(text, encoding="utf-8")
    (sphinx_src / "index.md").write_text(
        "# Index\n\n```{toctree}\n" + "\n".join(n[:-3] for n in pages) + "\n```\n", "utf-8")
    (sphinx_src / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_awesome"]\nawesome_sources = [{str(LIST)!r}]\n',
        "utf-8")
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(sphinx_src),
                    str(tmp_path / "sphinx-out")], check=True, capture_output=True)

    config = f"site_name: t\nplugins:\n  - awesome-papers:\n      sources: [{LIST}]\n"
    built = build(make_site(tmp_path / "mk", config, pages), tmp_path / "mk-out")
    assert built.returncode == 0, built.log

    for name in pages:
        stem = name[:-3]
        sphinx_rows = _rows((tmp_path / "sphinx-out" / f"{stem}.html").read_text("utf-8"))
        mkdocs_rows = _rows((tmp_path / "mk-out" / stem / "index.html").read_text("utf-8"))
        assert sphinx_rows, name
        assert mkdocs_rows == sphinx_rows, name
