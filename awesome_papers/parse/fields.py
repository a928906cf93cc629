"""The fields of an entry, read from the pieces that follow its head.

Each reader takes one kind of segment (text, code span, bold, italics, link, image) and
fills what it recognises into the draft: arXiv id and version, venue and year, authors,
citation count, PDF, code repositories and other links.
"""

from __future__ import annotations

import re

from .. import arxiv, urls
from ..model import Link
from . import venues
from .authors import clean, looks_like_names, set_authors, set_citation_authors
from .draft import Draft, Problem
from .segments import Seg

_YEAR = re.compile(r"\((?P<year>(?:19|20)\d{2})\)")
_PAPER_LABELS = ("paper", "pdf", "abs", "arxiv", "arxiv link", "preprint")
#: Hugging Face's page of an arXiv paper, and the DOI arXiv gives it.
_HF_PAPER = re.compile(r"huggingface\.co/papers/(?P<id>\d{4}\.\d{4,5})(?!\d)"
                       r"|doi\.org/10\.48550/arxiv\.(?P<doi>\d{4}\.\d{4,5})(?!\d)", re.I)
#: What lists write between a title and its authors.
_NAME_SEPARATORS = ".-–—:;"
_BY = re.compile(r"(?:^|[\s,.;(])by\s+(?=[A-Z])")
#: Text made of these alone holds no field: no letter or digit, no name separator.
_INERT = " \t\n,(["

__all__ = ["clean", "set_authors", "set_citation_authors"]


def link_text(text: str) -> str:
    """Link text without the brackets of ``[[pdf]](url)``, but ``[a] b`` kept."""
    text = clean(text)
    while text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    return text


def arxiv_of_url(url: str) -> tuple[str, int | None] | None:
    """The arXiv id an arXiv or Hugging Face paper page names."""
    cited = arxiv.from_url(url)
    if cited:
        return cited
    match = _HF_PAPER.search(url)
    return (match["id"] or match["doi"], None) if match else None


def venue_tag(draft: Draft, text: str) -> bool:
    """``(**ICLR'24**)``, ``**NeurIPS 2023**``: a venue and its year."""
    found = venues.tag(text)
    if found is None:
        return False
    if draft.venue is None and not venues.is_preprint(found[0]):
        draft.venue = venues.canonical(clean(text.strip("()[] .,;")))
    if draft.year is None:
        draft.year = found[1]
    return True


def text_fields(draft: Draft, text: str) -> None:
    if not text.strip(_INERT):
        return  # ", " between two links, most text of an item: no id, year, venue or name
    if draft.arxiv is None:
        cited = arxiv.from_text(text)
        if cited:
            _set_arxiv(draft, *cited, near=cited[0])
    stripped = text.strip()
    if draft.kind == "paper" and not draft.authors:
        stripped = _venue_in_parentheses(draft, stripped)
        by = _BY.search(stripped)
        if by and by.start() < 3:  # "[Title](arXiv page) (NeurIPS'22) by John Aslanides"
            set_authors(draft, _up_to_link_text(stripped[by.end():]))
            return
        if stripped.startswith(("(", ",")):
            _authors_after_year(draft, stripped)
        elif stripped[:1] in _NAME_SEPARATORS:
            _authors_after_separator(draft, stripped)
    if draft.year is None:
        year = _YEAR.search(text)
        if year:
            draft.year = int(year["year"])
    _venue_in_text(draft, text)


def _venue_in_text(draft: Draft, text: str) -> None:
    """``NeurIPS 2023.``, ``Proceedings of EMNLP 2019``: a known venue and its year."""
    if draft.venue is not None or draft.kind != "paper" or not any(map(str.isdigit, text)):
        return  # no year, no venue: most text between links is ", " or " · "
    named = venues.in_text(text)
    if named:
        if named[0] != "arXiv":
            draft.venue = venues.canonical(f"{named[0]} {named[1]}")
        draft.year = draft.year or named[1]


def _up_to_link_text(text: str) -> str:
    """Names after ``by`` end at a code-span marker or an opening bracket."""
    for stop in ("`", "(", "["):
        text = text.split(stop, 1)[0]
    return text


def _venue_in_parentheses(draft: Draft, stripped: str) -> str:
    """``(NeurIPS 2023) - Timo Schick``: the venue, and the text after it."""
    if not stripped.startswith("("):
        return stripped
    inner, close, after = stripped[1:].partition(")")
    if close and venues.tag(inner) and venue_tag(draft, inner):
        return after.strip()
    return stripped


def _authors_after_separator(draft: Draft, stripped: str) -> None:
    """``**Title** - Rafael Rafailov, Archit Sharma.``, ``**Title**. A, B, et al.``: names
    after a dash, colon or period, when they read as names (not a description)."""
    found = separator_names(stripped)
    if found is not None:
        names, venue = found
        set_authors(draft, names)
        if venue:
            _venue_in_text(draft, venue)


def separator_names(text: str) -> tuple[str, str] | None:
    """``- Haotian Liu et al., NeurIPS 2023``: the names after a separator, and a venue
    that ends them; ``None`` when the text is no name list (a description)."""
    names = text.strip().lstrip(_NAME_SEPARATORS + " ")
    for stop in (". ", "[", "(", "`", " - ", " – ", " — "):
        names = names.split(stop, 1)[0]
    venue = ""
    head, comma, last = names.rpartition(", ")
    if comma and (venues.tag(last.strip(" .")) or venues.in_text(last)):
        names, venue = head, last
    return (names, venue) if names.strip(" .") and looks_like_names(names) else None


def names_after_break(draft: Draft, text: str) -> None:
    """``**Title**<br>Zhiliang Peng, Wenhui Wang<br>``: a line of names under a title."""
    if draft.kind == "paper" and not draft.authors and looks_like_names(text):
        set_authors(draft, text)


def _authors_after_year(draft: Draft, stripped: str) -> None:
    """``**Title** (2015), A. Author et al. [``: authors after the year."""
    rest = _YEAR.sub("", stripped).strip(" ,([")
    # "**Title**, AAAI, 2023, [arxiv](…)": the seed style's venue without backticks.
    one_comma = "," not in rest.partition(",")[2]
    if (rest and not arxiv.from_text(rest) and "cication" not in rest and "://" not in rest
            and not venues.tag(rest) and not (one_comma and _venue_year(draft, rest))):
        set_authors(draft, rest)


def code_fields(draft: Draft, text: str) -> None:
    cited = arxiv.from_text(text)
    if cited and draft.arxiv is None:
        _set_arxiv(draft, *cited, near=cited[0])
        return
    if cited:
        return
    if _venue_year(draft, text):
        return
    if text.lower().startswith("arxiv") and draft.arxiv is None:
        draft.problems.append(Problem(
            "bad-arxiv-id", "error", f"malformed arXiv id in {text!r}", text))


def _venue_year(draft: Draft, text: str) -> bool:
    """``NeurIPS, 2024``: a venue and its year, as the seed style writes them."""
    venue, comma, year = text.rpartition(",")
    venue, year = venue.strip(), year.strip()
    if not (comma and venue and len(year) == 4 and year[:2] in ("19", "20") and year.isdigit()):
        return False
    if venue.lower() == "arxiv":
        return False
    draft.venue = clean(venue.replace("\u2026", "").replace("\xa0", " "))
    draft.year = int(year)
    return True


def em_field(draft: Draft, text: str) -> None:
    cited = arxiv.from_text(text) if draft.arxiv is None else None
    if cited:  # "*arXiv preprint arXiv:1609.08144*"
        _set_arxiv(draft, *cited, near=cited[0])
        return
    if draft.kind == "paper" and not draft.authors and not _is_venue(text):
        set_authors(draft, text)
    elif draft.kind == "paper":
        if clean(text).strip(" .") != ", ".join(draft.authors) and "..." not in text:
            _venue_in_text(draft, text)  # "In *Proceedings of EMNLP 2019*."
            return
        draft.problems.append(Problem(
            "duplicate-authors", "info", "author line repeated", text[:20]))
    elif draft.kind == "link" and looks_like_names(text):  # a linked title, then its authors
        draft.kind = "paper"
        set_authors(draft, text)
    elif draft.description is None:
        draft.description = clean(text)


def _is_venue(text: str) -> bool:
    """``*NeurIPS 2023*`` after a title is its venue, not an author."""
    return bool(venues.tag(text.strip(" .,"))) or (
        venues.in_text(text) is not None and not looks_like_names(text))


def image_field(draft: Draft, seg: Seg) -> None:
    """A ``Conference-ICML'24`` badge gives the venue."""
    found = venues.badge(seg.href)
    if found and draft.venue is None and not venues.is_preprint(found[0]):
        draft.venue = venues.canonical(f"{found[0]} {found[1]}")
        draft.year = draft.year or found[1]


def _set_arxiv(draft: Draft, arxiv_id: str, version: int | None, *, near: str) -> None:
    if not arxiv.is_well_formed(arxiv_id):
        if not any(p.code == "bad-arxiv-id" and p.near == arxiv_id for p in draft.problems):
            draft.problems.append(Problem(
                "bad-arxiv-id", "error",
                f"malformed arXiv id {arxiv_id!r} (expected YYMM.NNNNN)", arxiv_id))
        return
    draft.arxiv, draft.kind = arxiv_id, "paper"
    if version and draft.arxiv_version is None:
        draft.arxiv_version = version


def check_url(draft: Draft, url: str) -> None:
    why = urls.problem(url)
    if why:
        draft.problems.append(Problem("bad-url", "warning", f"URL {url!r} {why}", url))


def head_link(draft: Draft, href: str) -> None:
    """A title that links to an arXiv (or Hugging Face paper) page names the paper."""
    cited = arxiv_of_url(href)
    if cited is None:
        return
    _set_arxiv(draft, *cited, near=href)
    if draft.arxiv and (href.lower().endswith(".pdf") or "/pdf/" in href):
        draft.pdf = href


def paper_link(draft: Draft, segs: list[Seg]) -> None:
    """``[Agent Zoo](site) by A ([paper](arXiv page))``: a linked page and its paper.

    Read before the other fields, so that the authors after the title are read as a
    paper's.
    """
    if draft.kind != "link" or draft.arxiv is not None:
        return
    for seg in segs:
        cited = arxiv_of_url(seg.href) if seg.kind == "link" else None
        if cited and link_text(seg.text).lower() in _PAPER_LABELS:
            _set_arxiv(draft, *cited, near=seg.href)
            return


def link_field(draft: Draft, seg: Seg) -> None:
    label, href = link_text(seg.text), seg.href.strip()
    if not href or href == "None":
        return
    check_url(draft, href)
    if seg.image:
        image_field(draft, Seg("image", href=seg.image))
    cited = arxiv_of_url(href)
    if cited and (draft.kind != "paper" or draft.arxiv not in (None, cited[0])):
        if draft.arxiv and len(label.split()) >= 3:
            draft.problems.append(Problem(
                "glued-entries", "warning",
                f"a second paper ({label[:40]!r}, arXiv {cited[0]}) runs into this item; "
                "start it on a line of its own", href))
        draft.links.append(Link(label or "arXiv", href))
        return
    if cited:
        if draft.arxiv is None:
            _set_arxiv(draft, *cited, near=href)
        elif draft.arxiv_version is None:
            draft.arxiv_version = cited[1]
        if href.lower().endswith(".pdf") or "/pdf/" in href or label.lower() == "pdf":
            draft.pdf = draft.pdf or href
        elif "huggingface.co" in href:
            draft.links.append(Link(label or "Hugging Face", href))
        else:
            draft.url = draft.url or href
        return
    lowered = label.lower()
    if lowered in ("pdf", "[pdf]") or href.lower().endswith(".pdf"):
        draft.pdf = draft.pdf or href
        draft.url = draft.url or (href if draft.kind == "paper" else None)
        return
    if urls.is_code(href):
        if href not in draft.code:
            draft.code.append(href)
        return
    if lowered.rstrip("0123456789 ") in _PAPER_LABELS and draft.url is None:  # "Paper2"
        draft.url = href
        return
    draft.links.append(Link(label or urls.host(href), href))
