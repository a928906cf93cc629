"""What a citation says, the same under Sphinx and MkDocs: labels, forms, several keys.

Three forms, named as MyST roles so one page source works in both engines:

========================  ===================  ==========================
role                      one key              two keys
========================  ===================  ==========================
``{paper}`a```            Diao et al. 2025     Diao et al. 2025; Kumar 2025
``{paper:t}`a```          Diao et al. (2025)   Diao et al. (2025); Kumar (2025)
``{paper:p}`a```          (Diao et al. 2025)   (Diao et al. 2025; Kumar 2025)
========================  ===================  ==========================

``[@a]`` and ``[@a; @b]`` are the parenthetical form. Keys in one citation are separated
by ``;`` (as in ``[@a; @b]``); BibTeX keys cannot contain it. Each entry's label is one
link; the parentheses of the ``p`` form and the separators sit between the links. The
adapters build their own nodes or elements from :func:`label`, :func:`enclosure` and
:data:`SEPARATOR`, so the text is the same in both.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from .query import did_you_mean

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import Entry

#: ``cite``: "Diao et al. 2025"; ``t``: narrative; ``p``: parenthetical; ``title``: the title.
Form = Literal["cite", "t", "p", "title"]
#: Role name -> form.
ROLES: dict[str, Form] = {"paper": "cite", "paper:cite": "cite", "paper:t": "t",
                          "paper:p": "p", "paper:title": "title"}
_REF = r"@[^\s;@\[\]()]+"
#: ``[@a]``, ``[@a; @b]``: the parenthetical form in Pandoc's spelling. Not before ``(``,
#: ``[`` or ``:``, so ``[@handle](url)`` links and reference definitions stay links. A
#: reference cannot contain ``[``, so a failed match never scans past the next ``[``.
BRACKETED = re.compile(rf"\[\s*({_REF}(?:\s*;\s*{_REF})*)\s*\](?![(\[:])")
#: Between the labels of several keys, in every form.
SEPARATOR = "; "
#: Words an authorless entry's short title keeps before "…".
SHORT_TITLE_WORDS = 5

_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "da", "di",
                        "du", "le", "la", "dos", "das", "ter", "ten", "bin", "al"})


def split_refs(text: str) -> list[str]:
    """``"a; b"`` -> ``["a", "b"]``: the keys (or ``arXiv:ID``\\ s) of one citation."""
    return [ref.strip() for ref in text.split(";") if ref.strip()]


def bracketed_refs(match: re.Match[str]) -> list[str]:
    """The keys of a :data:`BRACKETED` match, without their ``@``."""
    return [ref.strip()[1:] for ref in match[1].split(";")]


def unknown_key(ref: str, keys: Iterable[str]) -> str:
    """The warning for a citation of a key no list has, with a hint or a did-you-mean."""
    if "," in ref:
        return f"unknown key {ref!r} (keys in one citation are separated by ';')"
    return f"unknown key {ref!r}{did_you_mean(ref, keys)}"


def unknown_role(name: str) -> str:
    """The warning for ``{name}`` that is no citation role."""
    return f"unknown citation role {{{name}}}{did_you_mean(name, ROLES)}"


def _surname(name: str) -> str:
    """``Anton van den Hengel`` -> ``van den Hengel``; ``Dragan, Anca`` -> ``Dragan``."""
    if "," in name:
        return name.split(",", 1)[0].strip()
    words = name.split()
    start = len(words) - 1
    while start > 0 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def short_title(title: str) -> str:
    """A title short enough to cite by: the part before a colon (``CLIMB: Clustering…`` ->
    ``CLIMB``), else the first five words and "…"."""
    head, colon, _ = title.partition(":")
    words = (head if colon and head.strip() else title).split()
    if len(words) > SHORT_TITLE_WORDS:
        return " ".join(words[:SHORT_TITLE_WORDS]) + "…"
    return " ".join(words)


def who(entry: Entry) -> str:
    """"Diao et al.", "Kumar", "Hong and Dragan"; a short title for entries without authors."""
    if not entry.authors:
        return short_title(entry.title) or entry.owner or entry.key
    names = [_surname(a) for a in entry.authors]
    if len(names) == 1 and not entry.authors_truncated:
        return names[0]
    if len(names) == 2 and not entry.authors_truncated:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def label(entry: Entry, form: Form = "cite") -> str:
    """One entry's linked text: "Diao et al. 2025", "Diao et al. (2025)" narrative, or the
    title."""
    if form == "title":
        return entry.title
    name = who(entry)
    if entry.year is None:
        return name
    return f"{name} ({entry.year})" if form == "t" else f"{name} {entry.year}"


def enclosure(form: Form) -> tuple[str, str]:
    """What goes before the first and after the last label: parentheses for ``p``."""
    return ("(", ")") if form == "p" else ("", "")
