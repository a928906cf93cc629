"""The entry shapes: an ordered table of named recognisers, as markdown-it-py's rules are.

An item reaches the table as a :class:`~awesome_papers.parse.shapes.item.Item` (its
segments, the text before its first link or bold run, where that head is). Each
recogniser either declines (returns ``None``) or sets the title and kind of the item's
draft and returns the segments left for the field readers (authors, ids, venues,
links). The first recogniser that accepts names the entry's ``shape``.

Adding a list format is one recogniser here and one fixture file in
``tests/core/shapes/`` (see ``docs/contributing.md``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..checks import check
from ..draft import Draft
from ..segments import Seg
from . import heads
from .item import Item, make_item
from .split import split_records
from .tail import not_a_paper, read_tail


@dataclass(frozen=True)
class Shape:
    """A named recogniser; its docstring's first example line is its documentation."""

    name: str
    read: Callable[[Item], list[Seg] | None]

    @property
    def doc(self) -> str:
        return (self.read.__doc__ or "").strip()


#: Tried in order; the first that accepts reads the item.
SHAPES: tuple[Shape, ...] = (
    Shape("lost-first-line", heads.lost_first_line),
    Shape("news-line", heads.news_line),
    Shape("citation-first", heads.citation_first),
    Shape("authors-first", heads.authors_first),
    Shape("leading-text", heads.leading_text),
    Shape("bold-title", heads.bold_title),
    Shape("bold-link-citation", heads.bold_link_citation),
    Shape("repository", heads.repository),
    Shape("title-link", heads.title_link),
    Shape("italic-title", heads.italic_title),
)


#: Shapes whose title is plain text, and so a paper only by what follows it (see
#: :func:`~.tail.not_a_paper`, applied once the item's context is known).
TEXT_TITLES = ("leading-text", "italic-title")


def read_record(lines: list[list[Seg]], line_no: int, *, continued: bool = False) -> Draft:
    """One entry from its lines of segments; ``continued`` marks a split-off record."""
    item = make_item(lines, line_no, continued=continued)
    for shape in SHAPES:
        tail = shape.read(item)
        if tail is not None:
            item.draft.shape = shape.name
            read_tail(item.draft, tail, item.markers)
            break
    check(item.draft)
    return item.draft


__all__ = ["SHAPES", "TEXT_TITLES", "Shape", "not_a_paper", "read_record", "split_records"]
