"""Each section's own convention: a list is consistent with itself.

When most papers of a section write their authors, a paper there without any is
probably an item the reader could not read as its neighbours, or a list slip: the
maintainer is told, where a generic rule would have said nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..model import Diagnostic

if TYPE_CHECKING:
    from .draft import Draft, Parsed

#: A convention needs this many papers, and this share of them following it.
MIN_PAPERS = 4
SHARE = 0.75


def authors_missing(parsed: Parsed) -> list[Diagnostic]:
    """``authors-missing`` for each paper of a section whose papers mostly name authors."""
    sections: dict[tuple[str, ...], list[Draft]] = defaultdict(list)
    for draft, _titles, slugs in parsed.drafts:
        if draft.kind == "paper" and draft.shape != "news-line":
            sections[slugs].append(draft)
    found = []
    for papers in sections.values():
        if not _writes_authors(papers):
            continue
        found += [Diagnostic(parsed.path, d.line, 1, "warning", "authors-missing",
                             f"{_short(d.title)!r} has no authors, unlike the other papers "
                             "of its section") for d in papers if not d.authors]
    return found


def _writes_authors(papers: Sequence[Draft]) -> bool:
    with_authors = sum(1 for d in papers if d.authors)
    return len(papers) >= MIN_PAPERS and with_authors >= SHARE * len(papers)


def _short(title: str) -> str:
    return title if len(title) <= 50 else title[:50].rsplit(" ", 1)[0] + "…"
