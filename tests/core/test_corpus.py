"""The integration test: every real list of ../shared/corpus and ../shared/corpus/more.

How each shape is read is pinned by the fixtures of ``tests/core/shapes/``; here each
whole list is checked against an independent walk of it (``corpus_walk.py``), per list:
the arXiv ids its items write are read, no title is one no reader would give unless a
diagnostic says so, no item is lost, tables of contents make no noise, and where the
list writes authors they are read. A failure names the list and shows the misses.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from corpus_walk import Item, items

from awesome_papers import arxiv, load
from awesome_papers.model import Collection
from awesome_papers.parse.checks import suspicious_title

#: Share of the arXiv ids written in a list's items that must be read (or reported).
IDS_READ = 0.99
#: A list writes authors when this share of its papers has them ...
WRITES_AUTHORS = 0.30
#: ... and then this share must have them.
AUTHORS_READ = 0.97
SHOWN = 8  # misses shown per list


@dataclass(frozen=True)
class Read:
    """A list, the parser's reading of it and the independent walk of it."""

    path: Path
    lines: list[str]
    collection: Collection
    items: list[Item]

    def quote(self, line: int) -> str:
        return f"{line}: {self.lines[line - 1].strip()[:120]}"


@pytest.fixture(scope="module")
def lists(all_corpus_files: list[Path]) -> list[Read]:
    reads = []
    for path in all_corpus_files:
        text = path.read_text(encoding="utf-8")
        reads.append(Read(path, text.splitlines(), load(path), items(text)))
    return reads


def _failures(lists: list[Read], check: Callable[[Read], str | None]) -> str:
    """One paragraph per list that fails ``check``, for the assertion message."""
    return "\n\n".join(f"{r.path.name}: {why}" for r in lists if (why := check(r)))


def test_every_list_parses_into_entries(lists: list[Read]) -> None:
    failures = _failures(lists, lambda r: None if r.collection.entries else "no entries")
    assert not failures, failures


def _id_misses(read: Read) -> tuple[list[str], int]:
    """The ids written in items that no entry holds as ``arxiv`` and no diagnostic reports
    (a malformed id, or a second paper glued into an item)."""
    held = {e.arxiv for e in read.collection.entries if e.arxiv}
    reports = [d for d in read.collection.diagnostics
               if d.code in ("bad-arxiv-id", "glued-entries")]
    misses, total = [], 0
    for item in read.items:
        if item.toc:
            continue
        for written in sorted(item.ids):
            total += 1
            found = (arxiv.is_well_formed(written) and written in held) or any(
                item.covers(d.line) and written in d.message for d in reports)
            if not found:
                misses.append(f"{written} at {read.quote(item.first)}")
    return misses, total


def test_every_arxiv_id_written_in_an_item_is_read_or_reported(lists: list[Read]) -> None:
    def check(read: Read) -> str | None:
        misses, total = _id_misses(read)
        if total and (total - len(misses)) / total < IDS_READ:
            return (f"{total - len(misses)}/{total} ids read; missed:\n  "
                    + "\n  ".join(misses[:SHOWN]))
        return None

    failures = _failures(lists, check)
    assert not failures, failures


def test_no_suspicious_title_goes_unreported(lists: list[Read]) -> None:
    def check(read: Read) -> str | None:
        told = {d.line for d in read.collection.diagnostics}
        bad = [f"{e.title!r} ({suspicious_title(e.title)}) at {read.quote(e.line)}"
               for e in read.collection.entries
               if suspicious_title(e.title) and e.line not in told]
        return "unreported suspicious titles:\n  " + "\n  ".join(bad[:SHOWN]) if bad else None

    failures = _failures(lists, check)
    assert not failures, failures


def test_no_item_is_lost_and_tables_of_contents_are_silent(lists: list[Read]) -> None:
    def check(read: Read) -> str | None:
        starts = {e.line for e in read.collection.entries}
        told = {d.line for d in read.collection.diagnostics}
        held = {url for e in read.collection.entries
                for url in (e.url, e.pdf, *e.code, *(link.url for link in e.links)) if url}

        def accounted(item: Item) -> bool:
            """An entry or a diagnostic on its lines, or all its links read into entries."""
            return any(line in starts or line in told
                       for line in range(item.first, item.last + 1)) or (
                bool(item.hrefs) and all(h in held for h in item.hrefs))

        # List items and rows (not prose paragraphs); a sub-item read into its parent's
        # entry is accounted for by the parent.
        shown = [i for i in read.items if not i.paragraph and not i.toc]
        lost = [i for i in shown if not accounted(i) and not any(
            o.first < i.first and o.last >= i.last and accounted(o) for o in shown)]
        noisy = [i for i in read.items if i.toc and any(
            line in starts or line in told for line in range(i.first, i.head_last + 1))]
        found = [f"lost {read.quote(i.first)}" for i in lost]
        found += [f"table of contents read at {read.quote(i.first)}" for i in noisy]
        return "\n  ".join(["", *found[:SHOWN]]) if found else None

    failures = _failures(lists, check)
    assert not failures, failures


def test_authors_are_read_where_the_list_writes_them(lists: list[Read]) -> None:
    def check(read: Read) -> str | None:
        papers = [e for e in read.collection.entries if e.kind == "paper"]
        without = [e for e in papers if not e.authors]
        share = 1 - len(without) / len(papers) if papers else 0
        if share < WRITES_AUTHORS or share >= AUTHORS_READ:
            return None
        return (f"{len(papers) - len(without)}/{len(papers)} papers have authors; without:\n  "
                + "\n  ".join(read.quote(e.line) for e in without[:SHOWN]))

    failures = _failures(lists, check)
    assert not failures, failures
