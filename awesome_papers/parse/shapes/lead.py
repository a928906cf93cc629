"""A title written as plain text before the first link, and what follows it in the lead:
markers and numbering dropped, labels told apart, authors and venue tags split off."""

from __future__ import annotations

import re

from ... import arxiv
from .. import venues
from ..authors import clean, looks_like_names, person_names, set_authors, trailing_names
from .item import MARKERS, Item

_YEAR = re.compile(r"\((?P<year>(?:19|20)\d{2})\)")
_SHORTCODE = re.compile(r":[a-z0-9_+\-]{1,30}:")
#: ``Paper:``, ``📄 Title:`` before the link: a label, not a title.
_LABEL = re.compile(r"[^\w]{0,8}\w+(?: \w+)?\s?[:：]")
_NUMBERING = re.compile(r"(?:\[\d{1,4}\]|\(\d{1,4}\)|\d{1,4}[.)])\s?")
QUOTES = "\"“”'‘’"
_CLOSING = {'"': '"', "“": "”", "'": "'", "‘": "’"}
#: What follows a quoted title: its authors, venue or links, not more of the title.
_AFTER_QUOTE = ("—", "–", "-", ",", ".", "(", "[", ":", ";", "by ")


def unquote(text: str) -> str:
    """``"Title"`` -> ``Title``; a title that only starts with a quotation
    (``"Paraphrasing The Original Text" Makes …``) keeps its quotes."""
    text = text.strip()
    close = _CLOSING.get(text[:1])
    if close and len(text) > 2 and text.endswith(close) and close not in text[1:-1]:
        return text[1:-1].strip()
    return text


def unmarked(lead: str) -> str:
    """The lead without markers, shortcodes and list numbering."""
    text = _SHORTCODE.sub(" ", lead)
    for marker in MARKERS:
        text = text.replace(marker, "")
    text = clean(text)
    numbering = _NUMBERING.match(text)
    return text[numbering.end():] if numbering else text


def lead_title(lead: str) -> str:
    """The lead text as a title: markers, shortcodes, numbering and labels removed."""
    text = unmarked(lead).strip(" \t-–—·|:*[]()0123456789.、")
    if _LABEL.fullmatch(lead.strip()) and len(text.split()) <= 2:
        return ""  # "Paper:" before the link
    return text


def split_lead(text: str) -> tuple[str, str]:
    """A plain-text lead as its title and the text after it (authors, venue, ids).

    ``"Title" — A. Author (ICLR 2023)``; ``Title. A. Author, B. Author. NeurIPS 2023.``;
    ``Title, arXiv 2023.``; ``Title [NeurIPS 2022] [arXiv:2201.11903]``.
    """
    text = text.rstrip(" ([（【")  # the bracket that opens the first link: "Title [[pdf](…)]"
    if text[:1] in QUOTES:
        close = next((n for n in range(1, len(text)) if text[n] in QUOTES), -1)
        after = text[close + 1:].lstrip().lower()
        if close > 3 and (not after or after.startswith(_AFTER_QUOTE)):
            return text[1:close], text[close + 1:]
    title, rest = text, ""
    parts = title.split(". ")
    for k in range(1, len(parts)):
        initial = len((parts[k - 1].rsplit(None, 1) or [""])[-1].strip(",")) == 1  # "R. Name"
        if not initial and looks_like_names(parts[k]):
            title, rest = ". ".join(parts[:k]), ". " + ". ".join(parts[k:])
            break
    while True:  # trailing tags: "[NeurIPS 2022]", "(ICLR 2023)", "[arXiv:2201.11903]"
        stripped = title.rstrip(" .")
        opener = {"]": "[", ")": "(", "】": "【"}.get(stripped[-1:])
        start = stripped.rfind(opener) if opener else -1
        inner = stripped[start + 1:-1] if start >= 0 else ""
        if start <= 0 or not (venues.tag(inner) or arxiv.from_text(inner)):
            break
        title, rest = stripped[:start], f" {stripped[start:]}{rest}"
    head, comma, last = title.rstrip(" .").rpartition(", ")
    if comma and len(last.split()) <= 4 and (venues.tag(last) or venues.in_text(last)):
        title, rest = head, f", {last}.{rest}"  # "Title, arXiv 2023."
    return title, rest


def title_from_text(text: str, item: Item) -> str:
    """Leading-text titles: ``Title (2017) by A et al.,`` or ``Title (``."""
    draft = item.draft
    year = _YEAR.search(text)
    if year:
        draft.year = int(year["year"])
        rest = text[year.end():].strip()
        text = text[:year.start()]
        if rest.lower().startswith("by "):
            set_authors(draft, rest[3:])
        elif rest.startswith(","):  # "Title (2017), Andrew G. Howard et al. [[pdf]]"
            set_authors(draft, rest.strip(" ,"))
    if not draft.authors and " by " in text:
        title, _, names = text.rpartition(" by ")
        if person_names(names):  # not "Betrayed by Captions"
            text = title
            set_authors(draft, names)
    start = -1 if draft.authors else trailing_names(text)
    if start != -1:  # "Torch7: A matlab-like environment, R. Collobert et al."
        set_authors(draft, text[start + 2:])
        text = text[:start]
    head, paren, tail = text.rstrip().rpartition(" (")
    if paren and len(tail) == 4 and tail.isdigit() and tail[:2] in ("19", "20"):
        text, draft.year = head, draft.year or int(tail)  # "Title (2014, C. Dong et al." unclosed
    return unquote(clean(text.strip(" \t-–—:,([")))
