"""What a finished draft says about how well it was read: titles no reader would give,
and invisible characters that would reach every output.

A recogniser may still pick the wrong text as a title (a badge, a date, a label); the
entry is kept, and the maintainer is told, instead of the list silently showing
``star`` or ``2024-03-12`` as a paper.
"""

from __future__ import annotations

import re
import unicodedata

from ..mathsafe import math_spans
from .draft import Draft, Problem

#: GitHub shortcodes and labels that lists put where a title belongs.
_SHORTCODES = frozenset((
    "star", "star2", "stars", "fire", "new", "sparkles", "rocket", "tada", "boom", "zap",
    "bulb", "heart", "thumbsup", "trophy", "medal", "memo", "pushpin", "point_right",
    "white_check_mark", "heavy_check_mark",
))
_LABELS = frozenset((
    "paper", "papers", "pdf", "code", "codes", "arxiv", "abs", "link", "links", "project",
    "project page", "website", "homepage", "home page", "github", "blog", "demo", "video",
    "slides", "poster", "html", "web", "bibtex", "bib", "doi", "openreview", "model",
    "models", "dataset", "data", "official", "supp", "page", "here", "none", "n/a",
))
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
_DATE = re.compile(
    rf"\[?(?:\d{{4}}(?:[-./年]\d{{1,2}}){{1,2}}日?|\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{2,4}}"
    rf"|{_MONTH},? \d{{4}}|{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{4}})\]?", re.I)
#: ``twitter.com/user/status/1``: a host and a path.
_HOST_PATH = re.compile(r"[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,8}\.[a-z]{2,6}/")
MAX_TITLE = 250
#: Format characters (zero-width, bidi overrides), the object replacement character
#: and controls: invisible in a page, and they break pdfLaTeX and searches.
_INVISIBLE_CATEGORIES = frozenset(("Cf", "Cc", "Co", "Cs"))
_KEPT = frozenset("\t\n\u200d")  # the zero-width joiner holds emoji sequences together
_TEXT_FIELDS = ("title", "venue", "description", "owner")


def check(draft: Draft) -> None:
    """Add the problems a finished draft shows, and drop invisible characters."""
    _drop_invisible(draft)
    _unsafe_math(draft)
    why = suspicious_title(draft.title)
    # An item with no link or id is reported as unrecognised already: one problem, one
    # diagnostic.
    if why and (draft.url or draft.arxiv or draft.pdf or draft.code or draft.links):
        draft.problems.append(Problem(
            "suspicious-title", "warning",
            f"the title {_shorten(draft.title)!r} {why}: is the item written as the list's "
            "other items are?", draft.title[:30]))


def suspicious_title(title: str) -> str | None:
    """Why a title is not one a reader would give, else ``None``."""
    core = title.strip(" .:;,!?*_-–—|[](){}<>\"'`").lower()
    if len(title) > MAX_TITLE:
        return f"is {len(title)} characters long"
    if not core:
        return "has no words" if title else None
    if len(core) == 1:
        return "is one character"
    if core.strip(":") in _SHORTCODES and (title.startswith(":") or core in _SHORTCODES):
        return "is an emoji shortcode"
    if core in _LABELS:
        return "is a link label"
    if _DATE.fullmatch(core):
        return "is a date"
    if " " not in core and (core.startswith(("http://", "https://", "www."))
                            or _HOST_PATH.match(core)):
        return "is a URL"
    if not any(ch.isalnum() for ch in core):
        return "has no letters"
    return None


def _unsafe_math(draft: Draft) -> None:
    """Math outside the allowlist is written as text everywhere; the maintainer is told."""
    if "$" not in draft.title:
        return
    for span in math_spans(draft.title):
        if span.problems:
            draft.problems.append(Problem(
                "unsafe-math", "warning",
                f"formula {_shorten(span.tex, 40)!r} uses {', '.join(span.problems[:3])}: "
                "written as text", span.tex[:20]))


def _drop_invisible(draft: Draft) -> None:
    found: set[str] = set()
    for name in _TEXT_FIELDS:
        value = getattr(draft, name)
        if value:
            kept = _visible(value, found)
            if kept != value:
                setattr(draft, name, " ".join(kept.split()) if name == "title" else kept)
    draft.authors = [_visible(a, found) for a in draft.authors]
    if found:
        names = ", ".join(sorted(f"U+{ord(c):04X}" for c in found))
        draft.problems.append(Problem(
            "invisible-characters", "warning",
            f"invisible or control characters removed ({names})", draft.title[:20]))


def _visible(text: str, found: set[str]) -> str:
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        if ch not in _KEPT and (unicodedata.category(ch) in _INVISIBLE_CATEGORIES
                                or ch == "\ufffc"):
            found.add(ch)
        else:
            out.append(ch)
    return "".join(out)


def _shorten(text: str, width: int = 60) -> str:
    """A title for a message: cut at a word, with an ellipsis."""
    if len(text) <= width:
        return text
    return text[:width].rsplit(" ", 1)[0] + "…"
