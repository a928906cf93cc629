"""Author lists as lists write them: ``A, B, and C``, ``A et al.``, ``by A, B``,
``Last, First, B. Other`` (citation-first order), cut lists (``...``)."""

from __future__ import annotations

import re

from .draft import Draft

_SPLIT = re.compile(r"\s*(?:,|，|;|、|\band\b|&)\s*")
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_INITIAL = re.compile(r"\b[A-Z]\.")
_ET_AL = re.compile(r"\bet\.?\s?al\b\.?", re.I)
#: Words of titles that are never names, so "Title by Task Interactions" keeps its words.
_TITLE_WORDS = frozenset((
    "learning", "model", "models", "network", "networks", "task", "tasks", "data",
    "language", "neural", "deep", "image", "images", "vision", "visual", "text", "graph",
    "graphs", "generation", "reasoning", "training", "attention", "agent", "agents",
    "large", "using", "via", "towards", "consistency", "interactions", "error", "errors",
    "counts", "impressions", "findings", "detection", "segmentation", "recognition",
    "representation", "representations", "knowledge", "analysis", "framework",
    "benchmark", "evaluation", "prediction", "predicting", "improving", "enhancing",
    "policy", "policies", "search", "optimization", "inference", "transformer",
    "transformers", "captions", "feedback", "reward", "rewards", "method", "methods",
    "retrieval", "object", "objects",
))
_NOUN_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism")
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


_PARTICLES = frozenset(("and", "de", "van", "von", "der", "den", "da", "di", "du", "le", "la",
                        "del", "dos", "das", "bin", "al", "et", "al.", "y", "ter", "zu"))


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


def trailing_names(text: str) -> int:
    """Where ``Title, G. Hinton and R. Salakhutdinov`` starts its names, else -1.

    The names after a comma must say they are names: initials, ``et al.``, or several
    full names (``Stanford University`` alone is not, nor ``What, How, When, Why``).
    """
    start = text.find(", ")
    while start != -1:
        names = text[start + 2:].strip(" .")
        parts = [p for p in _SPLIT.split(names) if p]
        full_names = len(parts) > 1 and all(len(p.split()) >= 2 for p in parts)
        if person_names(names) and (_INITIAL.search(names) or _ET_AL.search(names)
                                    or full_names):
            return start
        start = text.find(", ", start + 2)
    return -1


def person_names(text: str, *, cited: bool = False) -> bool:
    """Names of people, not title words: ``Legg and Veness``, ``Jeffrey L. Elman``,
    ``Hafner et al.``; not ``Cooperative Task Interactions and Sample-graph Consistency``.

    One to four words a name, capitalised, none that titles use (``Task``, ``Selection``,
    ``Leveraging``); a single name has two words at least unless ``et al.`` follows. In
    a citation (``cited``: the names come before the year) names may also be written in
    lower case or with a lower-case hyphen part (``Jun xie``, ``Hung-yi Lee``).
    """
    text = clean(text).strip(" .,")
    parts: list[str] = [p.strip() for p in _SPLIT.split(text) if p.strip()]
    if not parts or any(len(p.split()) > (5 if cited else 4) for p in parts):
        return False
    words = [w for p in parts for w in p.split() if w not in ("et", "al", "al.")]
    if len(parts) == 1 and len(words) < 2 and "et al" not in text:
        return False
    if cited:
        return sum(w[:1].isupper() for w in words) * 2 >= len(words)
    return all(_name_word(w) for w in words)


def _name_word(word: str) -> bool:
    lowered = word.lower().strip(".")
    return (lowered in _PARTICLES or word[:1].isupper()) and not (
        lowered in _TITLE_WORDS or lowered.endswith(_NOUN_ENDINGS)
        or (lowered.endswith("ing") and len(lowered) >= 9)
        or ("-" in word and not word.split("-")[1][:1].isupper()))


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
