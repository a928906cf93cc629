"""Author lists as lists write them: ``A, B, and C``, ``A et al.``, ``by A, B``,
``Last, First, B. Other`` (citation-first order), cut lists (``...``)."""

from __future__ import annotations

import re

from .draft import Draft

_SPLIT = re.compile(r"\s*(?:,|，|;|、|\band\b|&)\s*")
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_ET_AL = re.compile(r"\bet\.?\s?al\b\.?", re.I)
#: What lists write instead of the rest of the names.
_CUT = ("...", "…", "(additional authors not shown)", "additional authors not shown",
        "others", "etc", "etc.")


def clean(text: str) -> str:
    return " ".join(text.split())


def set_authors(draft: Draft, text: str) -> None:
    """Authors from a name list; ``et al.``, ``...`` and the like mark it cut."""
    names = split_names(text)
    if names is None:
        return
    draft.authors, cut = names
    if cut is not None:
        draft.authors_truncated, draft.authors_cut = True, cut


def split_names(text: str) -> tuple[list[str], int | None] | None:
    """``(names, where the list was cut or None)`` of a name list, ``None`` if empty."""
    text = clean(text).strip(" ,.")
    if text.lower().startswith("by "):
        text = text[3:]
    if not text:
        return None
    cut: int | None = None
    if _ET_AL.search(text):
        text = clean(_ET_AL.sub(" ", text))  # one space a gap, so splitting stays linear
        cut = -1
    names: list[str] = []
    for name in _SPLIT.split(text):
        name = name.strip(" *")
        if name.lower().strip("() ") in _CUT or name in ("...", "…"):
            cut = len(names)
            continue
        if name.endswith(".") and not _INITIAL_END.search(name):
            name = name[:-1]
        if name:
            names.append(name)
    if cut == -1:
        cut = len(names)
    return (names, cut) if names else None


_PARTICLES = frozenset(("de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "del",
                        "dos", "das", "bin", "al", "et", "al.", "y", "ter", "zu"))


def looks_like_names(text: str) -> bool:
    """``Zichen Zhu, Hao Tang, Yansi Li``: a name list, not a description.

    At least two comma- or ``and``-separated parts (or one and ``et al.``) of one to four
    words, each word capitalised (or a particle such as ``van``); a sentence fails at its
    first verb.
    """
    text = clean(text).strip(" .")
    parts = [p for p in _SPLIT.split(text) if p]
    if len(parts) < 2 and not (parts and _ET_AL.search(text)):
        return False
    for part in parts:
        if part in ("...", "…"):
            continue
        words = part.split()
        if len(words) > 4 or not all(
                w[:1].isupper() or w.lower() in _PARTICLES or not w[:1].isalpha() for w in words):
            return False
    return True


def set_citation_authors(draft: Draft, text: str) -> None:
    """``Graves, Alex, Abdel-rahman Mohamed, and Geoffrey Hinton``: the first name inverted.

    Reference lists in MLA order write the first author ``Last, First`` and the others
    ``First Last``; the first two comma parts are then one person.
    """
    text = clean(text).rstrip(" .")
    parts = [p.strip() for p in text.split(",")]
    if (len(parts) >= 2 and len(parts[0].split()) == 1 and 1 <= len(parts[1].split()) <= 2
            and not _ET_AL.fullmatch(parts[1].strip(" ."))
            and not parts[1].startswith("and ")):
        text = ", ".join([f"{parts[1]} {parts[0]}", *parts[2:]])
    set_authors(draft, text)
