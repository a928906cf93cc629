"""Silencing findings: ignore comments in a list, and choosing codes the way linters do.

The comments follow markdownlint's and awesome-lint's forms, with this package's codes::

    <!-- awesome-papers-disable-next-line bad-url, prose-item -->
    <!-- awesome-papers-disable-line bad-url -->      (at the end of the line it silences)
    <!-- awesome-papers-disable unrecognised-item -->
    ...
    <!-- awesome-papers-enable unrecognised-item -->

Without codes a comment names every code. A comment silences exactly the codes it names,
on exactly the lines it names: the next non-blank line (comment lines skipped), its own
line, or every line from ``disable`` to the matching ``enable`` (or the end of the file).
Comments are found by one pass over the source lines: an HTML comment on one line,
outside fenced code blocks and code spans, so a list that documents the syntax in a
code block silences nothing. A comment that names an unknown code or is no known
directive is itself a warning, at the comment, and is not silenced by other comments.

Code selection (``--select``/``--ignore`` and the config files) follows ruff and flake8:
``select`` narrows what is reported, ``ignore`` removes from it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .codes import CODES
from .model import Diagnostic
from .query import did_you_mean

#: Every ignore comment contains this; a list without it is not scanned.
MARKER = "awesome-papers-"
UNKNOWN_CODE = "unknown-ignore-code"
BAD_COMMENT = "bad-ignore-comment"
DIRECTIVES = ("disable-next-line", "disable-line", "disable", "enable")

_DIRECTIVE = re.compile(r"\s*awesome-papers-([A-Za-z-]*)")
_FENCE = re.compile(r"[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?(`{3,}|~{3,})(.*)")
_LINES = re.compile(r"\r\n?|\n")  # markdown-it's line ends, so line numbers agree
_CODE = re.compile(r"[^\s,]+")


@dataclass(frozen=True, slots=True)
class Silence:
    """Which codes are silenced: every code but ``codes`` when ``every``, else ``codes``."""

    every: bool = False
    codes: frozenset[str] = frozenset()

    def covers(self, code: str) -> bool:
        return (code not in self.codes) if self.every else (code in self.codes)

    def disable(self, codes: frozenset[str] | None) -> Silence:
        """Also silence ``codes`` (``None``: all of them)."""
        if codes is None:
            return Silence(every=True)
        return Silence(self.every, self.codes - codes if self.every else self.codes | codes)

    def enable(self, codes: frozenset[str] | None) -> Silence:
        """Report ``codes`` again (``None``: all of them)."""
        if codes is None:
            return Silence()
        return Silence(self.every, self.codes | codes if self.every else self.codes - codes)

    def union(self, other: Silence) -> Silence:
        """What either silences (two next-line comments before one line)."""
        if self.every and other.every:
            return Silence(True, self.codes & other.codes)
        if self.every or other.every:
            everything, some = (self, other) if self.every else (other, self)
            return Silence(True, everything.codes - some.codes)
        return Silence(False, self.codes | other.codes)


@dataclass(frozen=True, slots=True)
class Comments:
    """The ignore comments of one list: where each silence holds, and their own problems."""

    path: str
    #: Line -> what ``disable-next-line`` and ``disable-line`` silence on it.
    lines: dict[int, Silence] = field(default_factory=dict)
    #: Lines where a ``disable``/``enable`` changes what is silenced, and what then is.
    starts: tuple[int, ...] = ()
    states: tuple[Silence, ...] = ()
    #: ``unknown-ignore-code`` and ``bad-ignore-comment`` warnings, at the comments.
    problems: tuple[Diagnostic, ...] = ()

    def silences(self, diagnostic: Diagnostic) -> bool:
        """Whether a comment of this list silences ``diagnostic`` (its path must match)."""
        if diagnostic.path != self.path or diagnostic.line <= 0:
            return False
        single = self.lines.get(diagnostic.line)
        if single is not None and single.covers(diagnostic.code):
            return True
        index = bisect_right(self.starts, diagnostic.line) - 1
        return index >= 0 and self.states[index].covers(diagnostic.code)


class Suppressed(NamedTuple):
    """What :func:`suppress` keeps and silences, and the comments' own warnings."""

    kept: list[Diagnostic]
    ignored: list[Diagnostic]
    problems: list[Diagnostic]


def unknown_codes(codes: Iterable[str]) -> list[str]:
    """One message per code that is not a diagnostic code, with a did-you-mean."""
    return [f"unknown code {code!r}{did_you_mean(code, CODES)}"
            for code in codes if code not in CODES]


def split_codes(value: str) -> list[str]:
    """``"bad-url, prose-item"`` (commas and/or spaces) as a list of codes."""
    return _CODE.findall(value)


def _comments(line: str) -> Iterator[tuple[int, int]]:
    """Start and end of each HTML comment on the line outside code spans (an odd number
    of backticks before it), in one pass: every ``find`` starts where the last ended."""
    position = ticks = 0
    while (start := line.find("<!--", position)) >= 0:
        end = line.find("-->", start + 4)
        if end < 0:
            return
        ticks += line.count("`", position, start)
        if ticks % 2 == 0:
            yield start, end + 3
        ticks += line.count("`", start, end + 3)
        position = end + 3


class _Scanner:
    """One pass over a list's lines, collecting silences as it goes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.lines: dict[int, Silence] = {}
        self.starts: list[int] = []
        self.states: list[Silence] = []
        self.block = Silence()
        self.pending: Silence | None = None
        self.problems: list[Diagnostic] = []

    def _codes(self, text: str, number: int, offset: int) -> frozenset[str] | None:
        """The codes a comment names (``None``: none written, so all); unknown ones warn."""
        found = list(_CODE.finditer(text))
        if not found:
            return None
        for match in found:
            if match[0] not in CODES:
                self.problems.append(Diagnostic(
                    self.path, number, offset + match.start() + 1, "warning", UNKNOWN_CODE,
                    f"ignore comment names unknown code {match[0]!r}"
                    f"{did_you_mean(match[0], CODES)}; it silences nothing"))
        return frozenset(m[0] for m in found if m[0] in CODES)

    def _silence_line(self, number: int, silence: Silence) -> None:
        known = self.lines.get(number)
        self.lines[number] = silence if known is None else known.union(silence)

    def _set_block(self, number: int, silence: Silence) -> None:
        self.block = silence
        if self.starts and self.starts[-1] == number:
            self.states[-1] = silence
        else:
            self.starts.append(number)
            self.states.append(silence)

    def line(self, number: int, line: str, *, code: bool = False) -> None:
        """Read one non-blank line; in a code block (``code``) it holds no comments."""
        rest = line
        if not code and MARKER in line:
            pieces: list[str] = []
            position = 0
            for start, end in _comments(line):
                found = _DIRECTIVE.match(line, start + 4, end - 3)
                if found:
                    pieces.append(line[position:start])
                    position = end
                    self._directive(number, found, end - 3)
            rest = "".join(pieces) + line[position:]
        if rest.strip() and self.pending is not None:
            self._silence_line(number, self.pending)
            self.pending = None

    def _directive(self, number: int, match: re.Match[str], end: int) -> None:
        """A comment ``awesome-papers-NAME CODES`` (the codes run to ``end``)."""
        name = match[1]
        if name not in DIRECTIVES:
            self.problems.append(Diagnostic(
                self.path, number, match.start() - 3, "warning", BAD_COMMENT,
                f"'awesome-papers-{name}' is no ignore comment"
                f"{did_you_mean(MARKER + name, [MARKER + d for d in DIRECTIVES])}; "
                "it silences nothing"))
            return
        codes = self._codes(match.string[match.end():end], number, match.end())
        if name == "disable-next-line":
            silence = Silence().disable(codes)
            self.pending = silence if self.pending is None else self.pending.union(silence)
        elif name == "disable-line":
            self._silence_line(number, Silence().disable(codes))
        elif name == "disable":
            self._set_block(number, self.block.disable(codes))
        else:
            self._set_block(number, self.block.enable(codes))

    def comments(self) -> Comments:
        return Comments(self.path, self.lines, tuple(self.starts), tuple(self.states),
                        tuple(self.problems))


def scan(text: str, path: str) -> Comments:
    """The ignore comments of a list's text; ``path`` is what its diagnostics name."""
    scanner = _Scanner(path)
    if MARKER not in text:
        return scanner.comments()
    fence: tuple[str, int] | None = None  # the open fence's character and length
    for number, line in enumerate(_LINES.split(text), start=1):
        if not line.strip():
            continue
        found = _FENCE.match(line)
        if fence is not None:
            if (found and found[1][0] == fence[0] and len(found[1]) >= fence[1]
                    and not found[2].strip()):
                fence = None
            scanner.line(number, line, code=True)
        elif found and not (found[1][0] == "`" and "`" in found[2]):
            fence = (found[1][0], len(found[1]))
            scanner.line(number, line, code=True)
        else:
            scanner.line(number, line)
    return scanner.comments()


def suppress(text: str, path: str, diagnostics: Iterable[Diagnostic]) -> Suppressed:
    """Split ``diagnostics`` of the list ``text`` (at ``path``) by its ignore comments."""
    comments = scan(text, path)
    kept: list[Diagnostic] = []
    ignored: list[Diagnostic] = []
    for diagnostic in diagnostics:
        (ignored if comments.silences(diagnostic) else kept).append(diagnostic)
    return Suppressed(kept, ignored, list(comments.problems))


def chosen(code: str, select: Sequence[str] | None, ignore: Sequence[str]) -> bool:
    """ruff's and flake8's rule: reported if ``select`` (when given) names it and
    ``ignore`` does not."""
    return (select is None or code in select) and code not in ignore
