"""An independent walk of a real list: its items and the arXiv ids they write.

The integration test must not judge the parser with the parser's own reading, so the
list is walked with markdown-it alone (as ``benchmarks/bench_fidelity.py`` does): list
items, table rows and top-level paragraphs that carry a link or an arXiv id are items;
an item whose links are all in-page anchors is a table of contents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

# A new-style id with any number of digits after the dot (so that a malformed
# ``2307.092881`` is seen and must be reported), or an old-style ``archive/YYMMNNN``.
_ID = r"([0-9]{4}\.[0-9]+|[a-z][a-z\-]+(?:\.[A-Z]{2})?/[0-9]{7})(?![0-9])"
_ID_IN_URL = re.compile(r"arxiv\.org/(?:abs|pdf|html)/" + _ID, re.I)
# In text the id needs four digits after the dot: ``arxiv 2022.11`` is a date.
_ID_IN_TEXT = re.compile(
    r"\barxiv[:,]? ?`?([0-9]{4}\.[0-9]{4,}|[a-z][a-z\-]+(?:\.[A-Z]{2})?/[0-9]{7})(?![0-9])",
    re.I)
_MD = MarkdownIt("commonmark").enable("table")


@dataclass
class Item:
    """A list item, table row or paper paragraph: its lines (1-based) and what it cites."""

    first: int
    last: int
    #: Last line of its head (the first paragraph of an item; a row is all head).
    head_last: int
    paragraph: bool
    ids: set[str] = field(default_factory=set)
    hrefs: list[str] = field(default_factory=list)

    @property
    def toc(self) -> bool:
        """All its links are anchors into the page: a table of contents."""
        return bool(self.hrefs) and all(h.startswith(("#", "./#")) for h in self.hrefs)

    def covers(self, line: int) -> bool:
        return self.first <= line <= self.last


def _cited(inline: Token) -> tuple[set[str], list[str]]:
    """arXiv ids and link targets of one inline token."""
    hrefs = [str(t.attrs.get("href", "")) for t in inline.children or ()
             if t.type == "link_open"]
    found = {m[1] for href in hrefs for m in _ID_IN_URL.finditer(href)}
    found |= {m[1] for m in _ID_IN_TEXT.finditer(inline.content)}
    return found, hrefs


def items(text: str) -> list[Item]:
    """The list's items, in order; an item's head is its first paragraph, a row all cells."""
    tokens = _MD.parse(text)
    out: list[Item] = []
    for n, tok in enumerate(tokens):
        opens_item = tok.type in ("list_item_open", "tr_open") or (
            tok.type == "paragraph_open" and tok.level == 0)
        if not opens_item or not tok.map:
            continue
        if tok.type == "tr_open":
            if tokens[n - 1].type == "thead_open":
                continue  # the header row
            end = next(k for k in range(n, len(tokens)) if tokens[k].type == "tr_close")
            inlines = [t for t in tokens[n:end] if t.type == "inline"]
        else:
            inlines = [t for t in tokens[n:n + 12] if t.type == "inline"][:1]
        ids: set[str] = set()
        hrefs: list[str] = []
        for inline in inlines:
            more_ids, more_hrefs = _cited(inline)
            ids |= more_ids
            hrefs += more_hrefs
        if not ids and (not hrefs or tok.type == "paragraph_open"):
            continue  # no paper cited; a paragraph with only links is prose
        head = inlines[0].map if tok.type != "tr_open" and inlines[0].map else tok.map
        out.append(Item(tok.map[0] + 1, tok.map[1], head[1], tok.type == "paragraph_open",
                        ids, hrefs))
    return out
