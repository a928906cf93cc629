"""The example site, built for real: rows, citations, references.bib, ProperDocs."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import bibtexparser
import pytest
from sitebuild import EXAMPLE, LIST, ROOT, build, row_keys

import awesome_papers
from awesome_papers.query import parse_query, select

if TYPE_CHECKING:
    from pathlib import Path

    from sitebuild import Built

pytestmark = pytest.mark.slow
THEMES = ["material", "mkdocs"]


def _section(name: str) -> list[str]:
    entries, _ = select(awesome_papers.load(LIST), parse_query({"section": name})[0])
    return [entry.key for entry in entries]


@pytest.mark.parametrize("theme", THEMES)
def test_example_builds_strict(example_site: dict[str, Built], theme: str) -> None:
    assert example_site[theme].returncode == 0, example_site[theme].log


@pytest.mark.parametrize("theme", THEMES)
def test_optimization_page_has_one_row_per_entry(example_site: dict[str, Built],
                                                 theme: str) -> None:
    page = example_site[theme].page("optimization/")
    expected = _section("optimization")
    assert row_keys(page) == expected
    kinds = {row["class"][1] for row in page.select("tr.awesome-row")}
    assert kinds == {"awesome-paper", "awesome-repo", "awesome-link"}
    table = page.select_one("div.awesome-papers > div.awesome-scroll > table")
    assert table is not None and not table.get("class")  # Material styles class-less tables
    assert table.caption is None  # the page's heading names the table already
    assert table.select_one("colgroup > col")["style"] == "width: 41.3%"  # the title's


@pytest.mark.parametrize("theme", THEMES)
def test_citations_link_to_rows(example_site: dict[str, Built], theme: str) -> None:
    site = example_site[theme]
    cites = site.page("reading-notes/").select("span.awesome-cite a")
    assert len(cites) == 11
    for link in cites:
        url, key = site.target("/reading-notes/", link["href"])
        assert site.page(url).find(id=key) is not None, link
        assert link["title"]
    first = cites[0]
    assert first.get_text() == "Diao et al. 2025"
    # The home page's table of every entry is the first in the nav to show the row.
    assert site.target("/reading-notes/", first["href"]) == ("/", "diao2025climb")
    # [@arXiv:2501.17116] resolves to the entry with that arXiv id.
    assert site.target("/reading-notes/", cites[1]["href"])[1] == "wang2025optimizing"


@pytest.mark.parametrize("theme", THEMES)
def test_table_data_follows_each_table(example_site: dict[str, Built], theme: str) -> None:
    """The browser script's JSON is in the page, one item per row, with each row's BibTeX;
    in an attribute, where neither search nor Material's instant navigation reads it."""
    page = example_site[theme].page("optimization/")
    holder = page.select_one("div.awesome-papers[data-awesome-papers]")
    assert holder is not None and not page.select("script.awesome-papers-data")
    rows = json.loads(holder["data-awesome-papers"])["rows"]
    assert [row["key"] for row in rows] == row_keys(page)
    assert all(row["bibtex"].startswith("@") for row in rows)


def test_search_index_holds_the_table_text_not_its_data(
        example_site: dict[str, Built]) -> None:
    """MkDocs' own search indexes all text: the rows' JSON must not turn up in results."""
    index = json.loads((example_site["mkdocs"].site / "search" / "search_index.json")
                       .read_text("utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"]
                    if doc["location"].startswith("optimization/"))
    title = next(e.title for e in awesome_papers.load(LIST).entries
                 if e.key == _section("optimization")[0])
    assert title in text
    assert '"bibtex"' not in text and "@misc{" not in text and '"rows"' not in text


def test_bibliography_lists_cited_papers(example_site: dict[str, Built]) -> None:
    items = example_site["material"].page("reading-notes/").select(
        "div.awesome-bibliography li")
    assert [item.strong.get_text() if item.strong else None for item in items] == [
        "Diao et al. 2025", "Wang et al. 2025", "Kumar et al. 2025", "Takase et al. 2023",
        "Liang et al. 2024", "Hong et al. 2024", None]
    # In page order ([@huggingface-ultrascale] last); without authors, the title once.
    assert items[-1].get_text() == "🌟 The Ultra-Scale Playbook: Training LLMs on GPU Clusters."


def test_references_bib_in_site_and_parses(example_site: dict[str, Built]) -> None:
    site = example_site["material"]
    library = bibtexparser.parse_string((site.site / "references.bib").read_text("utf-8"))
    assert not library.failed_blocks
    keys = {entry.key for entry in library.entries}
    assert {e.key for e in awesome_papers.load(LIST).entries} <= keys
    link = site.page("").find("a", string="references.bib")
    assert link["href"] == "references.bib"


def test_references_bib_is_the_same_on_every_checkout(example_site: dict[str, Built]) -> None:
    """The header names the list as mkdocs.yml does, not this machine's absolute path."""
    text = (example_site["material"].site / "references.bib").read_text("utf-8")
    assert text.startswith("% Generated by awesome-papers from ../llm-training.md.\n")
    assert str(ROOT) not in text


def test_properdocs_builds_the_example(tmp_path: Path) -> None:
    built = build(EXAMPLE / "mkdocs.yml", tmp_path / "site", tool="properdocs")
    assert built.returncode == 0, built.log
    assert row_keys(built.page("optimization/")) == _section("optimization")
    assert (tmp_path / "site" / "references.bib").is_file()
