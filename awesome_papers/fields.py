"""The fields of an entry, read from the pieces that follow its head.

Each reader takes one kind of segment (text, code span, bold, italics, link) and fills
what it recognises into the draft: arXiv id and version, venue and year, authors,
citation count, PDF, code repositories and other links.
"""

from __future__ import annotations

import re

from . import arxiv, urls
from .draft import Draft, Problem
from .inline import Seg
from .model import Link

_VENUE_CODE = re.compile(r"^(?P<venue>.*\S)\s*,\s*(?P<year>(?:19|20)\d{2})$", re.S)
_VENUE_TAG = re.compile(
    r"^\(?\s*(?P<venue>[A-Za-z][A-Za-z&.\- ]{1,40}?)\s*['’]?\s*(?P<year>(?:19|20)?\d{2})\s*\)?$"
)
_YEAR = re.compile(r"\((?P<year>(?:19|20)\d{2})\)")
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|，|;|\band\b)\s*")
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_ET_AL = re.compile(r"\bet\.?\s*al\.?", re.I)
_PAPER_LABELS = ("paper", "pdf", "abs", "arxiv", "arxiv link")


def clean(text: str) -> str:
    return " ".join(text.split())


def link_text(text: str) -> str:
    """Link text without the brackets of ``[[pdf]](url)``, but ``[a] b`` kept."""
    text = clean(text)
    while text.startswith("[") and text.endswith("]"):
        text = text[1:-1].strip()
    return text


def set_authors(draft: Draft, text: str) -> None:
    text = clean(text).strip(" ,.")
    if not text:
        return
    et_al = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text)
    names: list[str] = []
    for name in _AUTHOR_SPLIT.split(text):
        if name.strip() in ("...", "…"):
            draft.authors_truncated = True
            draft.authors_cut = len(names)
            continue
        name = name.strip(" *")
        if name.endswith(".") and not _INITIAL_END.search(name):
            name = name[:-1]
        if name:
            names.append(name)
    draft.authors = names
    if et_al:
        draft.authors_truncated, draft.authors_cut = True, len(names)


def venue_tag(draft: Draft, text: str) -> bool:
    """``(**ICLR'24**)``, ``**NeurIPS 2023**``: a venue and its year."""
    tag = _VENUE_TAG.match(text.strip())
    if not tag or tag["venue"].lower() == "arxiv":
        return False
    if draft.venue is None:
        draft.venue = clean(text.strip("() "))
        if draft.year is None:
            year = tag["year"]
            draft.year = int(year) if len(year) == 4 else 2000 + int(year)
    return True


def text_fields(draft: Draft, text: str) -> None:
    if draft.arxiv is None:
        cited = arxiv.from_text(text)
        if cited:
            _set_arxiv(draft, *cited, near=cited[0])
    if draft.year is None:
        year = _YEAR.search(text)
        if year:
            draft.year = int(year["year"])
    stripped = text.strip()
    if draft.kind == "paper" and not draft.authors and stripped.startswith(("(", ",")):
        # "**Title** (2015), A. Author et al. [" : authors after the year.
        rest = _YEAR.sub("", stripped).strip(" ,([")
        # "**Title**, AAAI, 2023, [arxiv](…)": the seed style's venue without backticks.
        one_comma = "," not in rest.partition(",")[2]
        if (rest and not arxiv.from_text(rest) and "cication" not in rest and "://" not in rest
                and not (one_comma and _venue_year(draft, rest))):
            set_authors(draft, rest)


def code_fields(draft: Draft, text: str) -> None:
    cited = arxiv.from_text(text)
    if cited and draft.arxiv is None:
        _set_arxiv(draft, *cited, near=cited[0])
        return
    if _venue_year(draft, text):
        return
    if text.lower().startswith("arxiv") and draft.arxiv is None:
        draft.problems.append(Problem(
            "bad-arxiv-id", "error", f"malformed arXiv id in {text!r}", text))


def _venue_year(draft: Draft, text: str) -> bool:
    """``NeurIPS, 2024``: a venue and its year, as the seed style writes them."""
    venue = _VENUE_CODE.match(text.strip())
    if not venue or venue["venue"].lower() == "arxiv":
        return False
    draft.venue = clean(venue["venue"].replace("\u2026", "").replace("\xa0", " "))
    draft.year = int(venue["year"])
    return True


def em_field(draft: Draft, text: str) -> None:
    if draft.kind == "paper" and not draft.authors:
        set_authors(draft, text)
    elif draft.kind == "paper":
        if clean(text).strip(" .") != ", ".join(draft.authors) and "..." not in text:
            return
        draft.problems.append(Problem(
            "duplicate-authors", "info", "author line repeated", text[:20]))
    elif draft.description is None:
        draft.description = clean(text)


def _set_arxiv(draft: Draft, arxiv_id: str, version: int | None, *, near: str) -> None:
    if not arxiv.is_well_formed(arxiv_id):
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


def link_field(draft: Draft, seg: Seg) -> None:
    label, href = link_text(seg.text), seg.href.strip()
    if not href or href == "None":
        return
    check_url(draft, href)
    cited = arxiv.from_url(href)
    if cited and (draft.kind != "paper" or draft.arxiv not in (None, cited[0])):
        draft.links.append(Link(label or "arXiv", href))
        return
    if cited:
        if draft.arxiv is None:
            _set_arxiv(draft, *cited, near=href)
        elif draft.arxiv_version is None:
            draft.arxiv_version = cited[1]
        if href.lower().endswith(".pdf") or "/pdf/" in href or label.lower() == "pdf":
            draft.pdf = draft.pdf or href
        else:
            draft.url = draft.url or href
        return
    lowered = label.lower()
    if lowered in ("pdf", "[pdf]") or href.lower().endswith(".pdf"):
        draft.pdf = draft.pdf or href
        draft.url = draft.url or (href if draft.kind == "paper" else None)
        return
    if urls.is_code(href) or (seg.image and urls.is_code(href)):
        if href not in draft.code:
            draft.code.append(href)
        return
    if lowered.rstrip("0123456789 ") in _PAPER_LABELS and draft.url is None:  # "Paper2"
        draft.url = href
        return
    draft.links.append(Link(label or urls.host(href), href))
    return None
