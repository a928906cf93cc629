"""From a block's options to the rows it shows: the core's query, nothing of our own.

The filter words go to :func:`awesome_papers.parse_query` and :func:`~awesome_papers.select`
unchanged; only ``caption``, ``class`` and ``name`` (how the table looks, as in the Sphinx
directive) are taken out first. The plugin calls :func:`locate_rows` before any page
renders and the extension calls :func:`resolve` while it renders, so both see the same
rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from awesome_papers.query import DISPLAY_OPTIONS, QueryProblem, select_table

from .blocks import find_blocks

if TYPE_CHECKING:
    from collections.abc import Iterable

    from awesome_papers.model import Entry

    from .blocks import Block
    from .site import Site



@dataclass(frozen=True)
class Table:
    """What one ``{awesome-papers}`` block shows, and what was wrong with its options."""

    entries: list[Entry]
    columns: tuple[str, ...]
    caption: str | None
    classes: tuple[str, ...]
    name: str | None
    problems: list[QueryProblem]


def stray_problems(block: Block) -> list[QueryProblem]:
    return [QueryProblem("bad-option", "", text,
                         f"unexpected text {text!r} in {{{block.name}}} "
                         "(it takes only ':option: value' lines)")
            for text in block.stray]


def resolve(block: Block, site: Site) -> Table:
    """The entries a block selects, in order, with its display options and problems."""
    display = {name: (block.options.get(name) or "").strip() for name in DISPLAY_OPTIONS}
    entries, columns, problems = select_table(site.collection, block.options,
                                              columns=site.columns)
    return Table(entries, columns, display["caption"] or None,
                 tuple(display["class"].split()), display["name"] or None,
                 [*problems, *stray_problems(block)])


def bibliography_problems(block: Block) -> list[QueryProblem]:
    """``{awesome-bibliography}`` takes only ``:class:``."""
    return [*(QueryProblem("bad-option", name, value or "",
                           f"unknown option {name!r} for {{awesome-bibliography}} (valid: class)")
              for name, value in block.options.items() if name != "class"),
            *stray_problems(block)]


def locate_rows(pages: Iterable[tuple[str, str]], site: Site) -> dict[str, str]:
    """Entry key -> the first of ``pages`` (``(path, Markdown source)``) whose tables show it."""
    rows: dict[str, str] = {}
    for path, text in pages:
        for block in find_blocks(text.splitlines()):
            if block.name == "awesome-papers":
                for entry in resolve(block, site).entries:
                    rows.setdefault(entry.key, path)
    return rows
