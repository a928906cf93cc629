"""``awesome_cache``: full author lists from an arXiv cache, and cache edits rebuild pages."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .conftest import Build

LISTING = """\
# Test list

## Papers

- **Scaling Things**, `arXiv, 2501.00001`, [arxiv](http://arxiv.org/abs/2501.00001v1)

\t *Ada Lovelace, Alan Turing, ..., Grace Hopper*
"""
PAGES = {"index.md": "# T\n\n```{awesome-papers}\n```\n\n```{toctree}\nnotes\n```\n",
         "notes.md": "# Notes\n\nSee {paper}`arXiv:2501.00001`.\n"}


def write_cache(site: Path, authors: list[str]) -> None:
    paper = {"title": "Scaling Things", "authors": authors, "primary_class": "cs.LG",
             "versions": [{"version": 1, "submitted": "2025-01-02T00:00:00Z"}]}
    (site / "arxiv.json").write_text(json.dumps({"format": 1, "papers": {"2501.00001": paper}}),
                                     encoding="utf-8")


def test_cache_fills_authors_and_its_changes_rebuild_the_pages(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    site = make_site(PAGES, LISTING, conf='awesome_cache = "arxiv.json"\n')
    write_cache(site, ["Ada Lovelace", "Alan Turing", "Edsger Dijkstra", "Grace Hopper"])
    first = sphinx_build(site, warningiserror=True)
    index = first.page("index.html")
    assert "Ada Lovelace, Alan Turing, Edsger Dijkstra, Grace Hopper</p>" in index
    assert "author = {Ada Lovelace and Alan Turing and Edsger Dijkstra and Grace Hopper}" in (
        first.page("references.bib"))

    write_cache(site, ["Ada Lovelace", "Barbara Liskov"])
    second = sphinx_build(site, warningiserror=True)
    assert second.read == ["index"]
    assert "Ada Lovelace, Barbara Liskov</p>" in second.page("index.html")
    assert "Lovelace and Liskov 2025" in second.page("notes.html")
