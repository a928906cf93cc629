"""Author lists the way a section writes them: separators, the cut (``et al.``,
``A, B, ..., Z``), initials or surnames, a citation's inverted first author."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..model import Entry
from .locate import find_loose

#: The mark after a cut list: ``et al.``, ``et.al.``, ``...``.
_TRAILING_CUT = re.compile(r"[,;]?[ \t]*+(?:et\.?[ \t]?al\.?|\.\.\.|…)")
_INITIAL = re.compile(r"[A-Z][a-z]?\.(?:-?[A-Z]\.)*")
#: Longest text between two names that is still a separator (``, and ``).
_MAX_GAP = 12


@dataclass(frozen=True)
class Observed:
    """What one entry shows of its author list, and where it is in the item's text."""

    start: int
    end: int
    #: Separators between names, the one before the last name apart.
    seps: tuple[str, ...]
    last_sep: str | None
    pair_sep: str | None
    #: ``(mark, names before it, names after it)`` when the list is cut.
    cut: tuple[str, int, int] | None
    forms: tuple[str, ...]
    inverted_first: bool


def name_form(name: str) -> str:
    """``last`` (``Hinton``), ``initial`` (``G. Hinton``) or ``full``."""
    words = name.split()
    if len(words) == 1:
        return "last"
    return "initial" if _INITIAL.fullmatch(words[0]) else "full"


def _spans(text: str, names: Sequence[str], start: int) -> tuple[list[tuple[int, int]], bool]:
    spans: list[tuple[int, int]] = []
    inverted = False
    at = start
    for index, name in enumerate(names):
        found = find_loose(text, name, at)
        words = name.split()
        if found is None and index == 0 and len(words) > 1:
            found = find_loose(text, f"{words[-1]}, {' '.join(words[:-1])}", at)
            inverted = found is not None
        if found is None:
            return [], False
        spans.append(found)
        at = found[1]
    return spans, inverted


def observe(entry: Entry, text: str, start: int = 0) -> Observed | None:
    """How ``entry``'s authors are written in ``text`` (searched from ``start``), or
    ``None`` when they cannot all be found close together."""
    names = entry.authors
    spans, inverted = _spans(text, names, start)
    if not spans:
        return None
    gaps = [text[a[1]:b[0]] for a, b in pairwise(spans)]
    if any(len(g) > _MAX_GAP or "\n" in g for g in gaps):
        return None
    end = spans[-1][1]
    cut: tuple[str, int, int] | None = None
    count = len(names)
    if entry.authors_truncated and entry.authors_cut and 0 < entry.authors_cut < count:
        cut = (gaps[entry.authors_cut - 1], entry.authors_cut, count - entry.authors_cut)
        gaps = gaps[:entry.authors_cut - 1] + gaps[entry.authors_cut:]
    elif entry.authors_truncated:
        mark = _TRAILING_CUT.match(text, end)
        if mark is None:
            return None
        cut, end = (mark.group(), count, 0), mark.end()
    whole = cut is None
    return Observed(
        start=spans[0][0], end=end,
        seps=tuple(gaps[:-1] if whole and count >= 3 else gaps),
        last_sep=gaps[-1] if whole and count >= 3 else None,
        pair_sep=gaps[0] if whole and count == 2 else None,
        cut=cut, forms=tuple(name_form(n) for n in names), inverted_first=inverted)


def _common(values: Sequence[str | None], default: str) -> str:
    counted = Counter(v for v in values if v is not None)
    return counted.most_common(1)[0][0] if counted else default


@dataclass(frozen=True)
class AuthorStyle:
    """The section's way of writing an author list, by majority of its entries."""

    sep: str = ", "
    last_sep: str = ", "
    pair_sep: str = ", "
    cut: tuple[str, int, int] | None = None
    form: str = "full"
    inverted_first: bool = False

    @classmethod
    def learn(cls, observed: Sequence[Observed]) -> AuthorStyle:
        sep = _common([s for o in observed for s in o.seps], ", ")
        last_sep = _common([o.last_sep for o in observed], sep)
        default_pair = " and " if "and" in last_sep else sep
        cuts = Counter(o.cut for o in observed if o.cut)
        inverted = Counter(o.inverted_first for o in observed)
        return cls(sep=sep, last_sep=last_sep,
                   pair_sep=_common([o.pair_sep for o in observed], default_pair),
                   cut=cuts.most_common(1)[0][0] if cuts else None,
                   form=_common([f for o in observed for f in o.forms], "full"),
                   inverted_first=inverted[True] > inverted[False])

    def name(self, full: str) -> str:
        """An arXiv name (``Geoffrey E. Hinton``) in the section's form."""
        words = full.split()
        if len(words) < 2 or self.form == "full":
            return full
        return words[-1] if self.form == "last" else f"{words[0][0]}. {words[-1]}"

    def write(self, authors: Sequence[str]) -> str:
        """The author list as the section writes it."""
        names = [self.name(a) for a in authors]
        if self.cut and len(names) > self.cut[1] + self.cut[2] + 1:
            mark, head, tail = self.cut
            shown = names[:head] + (names[-tail:] if tail else [])
            text = self.sep.join(names[:head]) + mark + self.sep.join(names[-tail:] if tail
                                                                      else [])
        else:
            shown = names
            text = self._join(names)
        if self.inverted_first and shown and len(shown[0].split()) > 1:
            words = shown[0].split()
            first = f"{words[-1]}, {' '.join(words[:-1])}"
            text = first + text[len(shown[0]):]
        return text

    def _join(self, names: Sequence[str]) -> str:
        if len(names) < 3:
            return self.pair_sep.join(names)
        return self.sep.join(names[:-1]) + self.last_sep + names[-1]
