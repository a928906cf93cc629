"""Lists of labelled fields that describe papers: ``- **Paper**: *Title* (1998) by X``.

Some lists give each model a heading and, under it, one bullet per field: a ``Paper``
bullet per paper and one ``Link`` bullet with a link per paper. Each ``Paper`` (or
``Title``) bullet becomes an entry; the ``Link`` bullet's links go to the papers in
order (all to the first when the counts differ); other fields are left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .segments import Seg

if TYPE_CHECKING:
    from .blocks import RawItem

_TITLE_FIELDS = ("paper", "title")
_LINK_FIELDS = ("link", "links", "url", "code")


def _field(item: RawItem) -> tuple[str, list[Seg]] | None:
    """``(label, body)`` of a ``**Label**: body`` bullet, else ``None``."""
    first = [s for s in (item.lines[0] if item.lines else [])
             if s.kind != "text" or s.text.strip()]
    if len(first) < 2 or first[0].kind != "strong" or first[1].kind != "text":
        return None
    if not first[1].text.lstrip().startswith(":"):
        return None
    body = [Seg("text", first[1].text.lstrip()[1:]), *first[2:]]
    return first[0].text.strip().lower(), body


def is_field_list(items: Sequence[RawItem]) -> bool:
    """Every bullet is a labelled field, and one of them names a paper."""
    fields = [_field(item) for item in items]
    return (len(items) >= 2 and all(fields)
            and any(f[0] in _TITLE_FIELDS for f in fields if f))


def _as_lead_text(body: list[Seg]) -> list[Seg]:
    """``*Title* (1998) by X`` read as plain leading text: title, year, authors."""
    return [Seg("text", "".join(s.text for s in body if s.kind in ("text", "em", "strong")))]


def field_records(items: Sequence[RawItem]) -> list[tuple[list[list[Seg]], int, int]]:
    """``(lines, first line, last line)`` of each paper the field list describes."""
    papers: list[tuple[list[list[Seg]], int, int]] = []
    links: list[Seg] = []
    for item in items:
        label, body = _field(item) or ("", [])
        if label in _TITLE_FIELDS:
            papers.append(([_as_lead_text(body)], item.line, item.end))
        elif label in _LINK_FIELDS:
            links += [s for s in body if s.kind == "link"]
    if len(links) == len(papers):
        return [([*lines, [link]], first, last)
                for (lines, first, last), link in zip(papers, links, strict=True)]
    if papers and links:
        first_lines, first, last = papers[0]
        papers[0] = ([*first_lines, links], first, last)
    return papers
