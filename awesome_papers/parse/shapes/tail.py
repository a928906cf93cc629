"""The fields after an entry's head: ids, venues, authors, links, media markers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ... import arxiv, urls
from .. import venues
from ..draft import Draft
from ..fields import (
    code_fields,
    em_field,
    image_field,
    link_field,
    names_after_break,
    paper_link,
    text_fields,
    venue_tag,
)
from ..segments import Seg
from .item import MEDIA
from .split import is_citation_label

#: ``(CVPR 2016) Cityscapes Dataset``: a venue and year before the title.
_VENUE_PREFIX = re.compile(
    r"\((?P<venue>[A-Za-z][\w&.\- ]{0,40}?)\s*['’]?(?P<year>(?:19|20)\d{2})\)\s*(?P<title>\S.*)",
    re.S)


def read_tail(draft: Draft, tail: list[Seg], markers: list[str]) -> None:
    """Fill the draft from the segments after its head, then settle its kind and dates."""
    _venue_before_title(draft)
    paper_link(draft, tail)
    prev_text, prev_kind = "", ""
    for seg in tail:
        text = seg.text
        if seg.kind == "text":
            markers += [m for m in MEDIA if m in text]
            if prev_kind == "break" or (prev_kind == "html" and prev_text.startswith("<br")):
                names_after_break(draft, text)
            text_fields(draft, text)
        elif seg.kind == "code":
            code_fields(draft, text)
        elif seg.kind == "strong":
            venue_tag(draft, text)
        elif seg.kind == "em":
            em_field(draft, text)
        elif seg.kind == "image":
            image_field(draft, seg)
        elif seg.kind == "link":
            if is_citation_label(prev_text):
                count = text.strip("* ")
                draft.citations = int(count) if count.isdigit() else None
            else:
                link_field(draft, seg)
        prev_text = text if seg.kind in ("text", "html") else ""
        prev_kind = seg.kind
    settle(draft, markers)


def settle(draft: Draft, markers: Sequence[str] = ()) -> None:
    """What the fields read imply: the arXiv page as URL, the kind, the id's date."""
    if not draft.url and draft.arxiv:
        draft.url = arxiv.abs_url(draft.arxiv, draft.arxiv_version)
    if draft.owner is None and markers and draft.kind == "link":
        draft.owner = MEDIA[markers[0]]
    known_venue = bool(draft.venue and venues.is_known(draft.venue.split(" ", 1)[0]))
    if draft.kind == "link" and (draft.arxiv or draft.authors or known_venue):
        draft.kind = "paper"
    if draft.arxiv:
        ym = arxiv.year_month(draft.arxiv)
        if ym and (draft.year is None or (draft.month is None and draft.year == ym[0])):
            draft.year, draft.month = ym


def not_a_paper(draft: Draft) -> None:
    """``CS231n, Convolutional Neural Networks, Stanford University [[web]](…)``: a text
    title with no id, PDF, authors, venue or year is a course, a tool or a page, not a
    paper; its first link is where it is."""
    if draft.kind != "paper" or any((draft.arxiv, draft.pdf, draft.authors, draft.venue,
                                     draft.year, draft.citations)):
        return
    first = draft.url or next(iter(draft.code), None) or next(
        (link.url for link in draft.links), None)
    if first is None:
        return
    draft.kind = "repo" if urls.is_code(first) else "link"
    draft.url = first
    draft.links = [link for link in draft.links if link.url != first]


def _venue_before_title(draft: Draft) -> None:
    """``[(CVPR 2016) Cityscapes Dataset](url)``: the venue and year, then the title."""
    prefix = _VENUE_PREFIX.fullmatch(draft.title)
    if prefix is None or draft.venue is not None:
        return
    draft.title = prefix["title"]
    if prefix["venue"].lower() != "arxiv":
        draft.venue = f"{prefix['venue']} {prefix['year']}"
    draft.year = int(prefix["year"])
