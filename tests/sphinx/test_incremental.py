"""Incremental builds: a list change rebuilds exactly the pages that show or cite what changed."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .conftest import Build

pytestmark = pytest.mark.slow
OLD = "**Spike No More: Stabilizing the Pre-training of Large Language Models**"
NEW = "**Spike No More, Revisited: Why Pre-training Loss Spikes**"


def edit_list(site: Path, old: str, new: str) -> None:
    listing = site.parent / "llm-training.md"
    text = listing.read_text(encoding="utf-8")
    assert old in text
    listing.write_text(text.replace(old, new), encoding="utf-8")


def test_no_change_rebuild_reads_and_writes_nothing(
        example_site: Path, sphinx_build: Callable[..., Build]) -> None:
    first = sphinx_build(example_site)
    again = sphinx_build(example_site)
    assert again.read == []
    assert again.written == []
    assert "configuration has changed" not in again.status
    assert "no targets are out of date" in again.status
    # The script ships without a configured static path, and before the pages are
    # written: they link it with its checksum, as Sphinx links its own static files.
    assert (first.outdir / "_static" / "awesome-papers.js").is_file()
    assert re.search(r'src="_static/awesome-papers\.js\?v=[0-9a-f]{8}"',
                     first.page("optimization.html"))


def test_title_change_rebuilds_the_pages_that_show_or_cite_it(
        example_site: Path, sphinx_build: Callable[..., Build]) -> None:
    sphinx_build(example_site)
    edit_list(example_site, OLD, NEW)
    changed = sphinx_build(example_site)

    # The tables that show the entry (the home page's, of every entry, and the section's)
    # are re-read; the page that only cites it (reading-notes, with :paper:title: and a
    # bibliography) is re-written. No other page, though every page has an awesome-intro.
    assert changed.read == ["index", "optimization"]
    assert {"index", "optimization", "reading-notes"} <= set(changed.written)
    assert set(changed.written) <= {"optimization", "reading-notes", "index"}
    notes = changed.page("reading-notes.html")
    assert "Spike No More, Revisited: Why Pre-training Loss Spikes" in notes
    assert "Stabilizing the Pre-training" not in notes
    assert "Spike No More, Revisited" in changed.page("optimization.html")

    assert sphinx_build(example_site).read == []


def test_entry_moving_to_another_section_rebuilds_both_pages_and_relinks_citations(
        example_site: Path, sphinx_build: Callable[..., Build]) -> None:
    index = example_site / "index.md"  # without the home page's table of every entry,
    index.write_text(index.read_text("utf-8").replace("```{awesome-papers}\n```\n", ""),
                     "utf-8")  # a citation links to the section page that shows the row
    first = sphinx_build(example_site)
    assert 'href="optimization.html#takase2023spike"' in first.page("reading-notes.html")
    listing = example_site.parent / "llm-training.md"
    lines = listing.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("- " + OLD))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(("- ", "#")))
    item, rest = lines[start:end], lines[:start] + lines[end:]
    merge = rest.index("## Merge\n") + 2
    listing.write_text("".join(rest[:merge] + item + rest[merge:]), encoding="utf-8")

    moved = sphinx_build(example_site)
    assert moved.read == ["merge", "optimization"]
    assert "reading-notes" in moved.written
    assert 'href="merge.html#takase2023spike"' in moved.page("reading-notes.html")


def test_a_list_change_no_page_shows_is_taken_in_once(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    """Editing list text that no table or citation uses re-reads nothing, reports the
    list's problems once, and leaves later builds with nothing to do."""
    listing = ("# Papers\n\nIntro.\n\n## A\n\n"
               "- **Alpha**, [arXiv](https://arxiv.org/abs/2401.00001), "
               "[code](https://github.com/a/alpha.)\n")
    site = make_site({"index.md": "# Home\n\n```{awesome-papers}\n:section: a\n```\n"},
                     listing, conf='awesome_list_diagnostics = "all"\n')
    first = sphinx_build(site)
    assert "ends with '.'" in first.warnings
    (site / "list.md").write_text(listing.replace("Intro.", "A new intro."), "utf-8")
    changed = sphinx_build(site)
    assert changed.read == [] and "ends with '.'" in changed.warnings
    again = sphinx_build(site)
    assert again.read == [] and again.written == [] and "ends with '.'" not in again.warnings


def test_an_intro_edit_rereads_only_the_page_that_shows_that_text(
        example_site: Path, sphinx_build: Callable[..., Build]) -> None:
    sphinx_build(example_site)
    edit_list(example_site, "\t- [Survey](#survey)\n", "\t- [Surveys of the field](#survey)\n")
    changed = sphinx_build(example_site)
    assert changed.read == ["index"]  # every page has an awesome-intro; one shows this text
    assert "Surveys of the field" in changed.page("index.html")
