"""List text to BibTeX field text that BibTeX, biber and LaTeX all read as it was written.

BibTeX counts every brace (``\\{`` too), LaTeX gives ``% & # _ $ ~ ^ \\`` a meaning, and
BibTeX styles lower-case titles. So special characters become text commands with
balanced braces, ``$...$`` math is kept when :mod:`~awesome_papers.mathsafe` allows it
(anything else is escaped as text), capitalised words are brace-protected, and names that
BibTeX would split wrongly are braced whole.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from urllib.parse import quote

from pylatexenc.latexencode import UnicodeToLatexEncoder

from .mathsafe import math_spans

# Every replacement is brace-balanced and lower-case (BibTeX lower-cases titles outside
# braces, and counts ``\{`` as a brace).
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "$": r"\$",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}
# ``!` `` and ``?` `` are LaTeX ligatures for ¡ and ¿; nobody means them in a title.
_SPANISH_LIGATURE = re.compile(r"(?<=[!?])`")
_URL_UNSAFE = re.compile(r"[\s{}\\\x00-\x1f\x7f]")
_URL_UNSAFE_ASCII = re.compile(r"[^\x21-\x7e]|[{}\\]")


def _unknown_char(char: str) -> str:
    """Chars no 8-bit font has (CJK, emoji) as a visible code, so the build goes on."""
    code = f"U+{ord(char):04X}"
    return r"{{\ensuremath{\langle}\texttt{" + code + r"}\ensuremath{\rangle}}}"


_ENCODER = UnicodeToLatexEncoder(
    non_ascii_only=True,
    replacement_latex_protection="braces-all",
    unknown_char_policy=_unknown_char,
    unknown_char_warning=False,
)


class _Table(dict[int, str]):
    """A ``str.translate`` table that fills itself: escapes, then non-ASCII on demand."""

    def __init__(self, escapes: dict[str, str], latex_escapes: bool) -> None:
        super().__init__({ord(char): latex for char, latex in escapes.items()})
        self.latex_escapes = latex_escapes

    def __missing__(self, code: int) -> str:
        char = chr(code)
        latex = _ENCODER.unicode_to_latex(char) if self.latex_escapes and code > 127 else char
        self[code] = latex
        return latex


_TEXT = {flag: _Table(_ESCAPES, flag) for flag in (False, True)}
# In names each command is braced, ``{\&}``: BibTeX reads a braced command as one
# "special character" (its rule for names), and bibtexparser's name splitter reads it
# whole (a bare ``\&`` word before `` and `` it drops, as it drops the character after
# a ``\`` that opens a name). Braces are math there: biber reads ``\textbraceright`` as
# "}" and writes a name part's first character, unescaped, as its initial into the .bbl.
_NAME_BRACES = {"{": r"\ensuremath{\lbrace}", "}": r"\ensuremath{\rbrace}"}
_NAME = {flag: _Table({char: f"{{{latex}}}" for char, latex in (_ESCAPES | _NAME_BRACES).items()},
                      flag)
         for flag in (False, True)}
# Inside math only non-ASCII is encoded (for 8-bit toolchains); the rest is as written.
_MATH_8BIT = _Table({}, latex_escapes=True)


def clean(text: str) -> str:
    """NFC, control characters dropped, whitespace runs collapsed: one line of text."""
    text = unicodedata.normalize("NFC", text)
    if not text.isprintable():
        text = "".join(c if c.isspace() or unicodedata.category(c) != "Cc" else "" for c in text)
    return " ".join(text.split())


def _translate(text: str, latex_escapes: bool, tables: dict[bool, _Table] = _TEXT) -> str:
    latex = text.translate(tables[latex_escapes])
    return _SPANISH_LIGATURE.sub("{}`", latex) if "`" in latex else latex


def escape(text: str, *, latex_escapes: bool = False) -> str:
    """Plain text as LaTeX text (no case protection): for notes, venues, names.

    LaTeX's dash and quote ligatures (``--``, ``---``, ````` ``, ``''``) are left to LaTeX.
    """
    return _translate(clean(text), latex_escapes)


def _pieces(text: str, latex_escapes: bool) -> list[tuple[str, bool]]:
    """``(text, is_math)`` pieces of a cleaned title: math in its final form, text raw."""
    pieces: list[tuple[str, bool]] = []
    start = 0
    for span in math_spans(text):
        if span.safe:
            pieces.append((text[start:span.start], False))
            math = text[span.start:span.end]
            pieces.append((math.translate(_MATH_8BIT) if latex_escapes else math, True))
            start = span.end
    pieces.append((text[start:], False))
    return pieces


def _protect(group: str) -> str:
    """Brace a run of words; a group that starts with ``\\`` needs two braces for BibTeX."""
    return f"{{{{{group}}}}}" if group.startswith("\\") else f"{{{group}}}"


#: Punctuation around a word that stays outside its brace group: ``{Stable-SPAM}: How``.
_EDGE = ".,:;!?()[]\"'"


def _keeps_case(word: str, first: bool) -> bool:
    """Whether a lower-casing style would spoil the word: a capital after its first letter
    (``SPAM``, ``GPT-4``, ``iPhone``), or a lone capital letter inside the title
    (``Plan A``). ``Train`` is left to the style, as a person writing the entry would."""
    letters = [c for c in word if c.isalpha()]
    if any(c != c.lower() for c in letters[1:]):
        return True
    return len(letters) == 1 and letters[0] != letters[0].lower() and not first


def _split_word(pieces: list[tuple[str, bool]]) -> tuple[str, str, str, bool]:
    """``(lead, body, trail, protect)`` of one word's ``(text, is_math)`` pieces, raw."""
    first_text, last_text = not pieces[0][1], not pieces[-1][1]
    joined = "".join(text for text, _ in pieces)
    lead_len = len(pieces[0][0]) - len(pieces[0][0].lstrip(_EDGE)) if first_text else 0
    trail_len = len(pieces[-1][0]) - len(pieces[-1][0].rstrip(_EDGE)) if last_text else 0
    if lead_len + trail_len >= len(joined):  # all punctuation
        return joined, "", "", False
    body = joined[lead_len:len(joined) - trail_len]
    has_math = any(is_math for _, is_math in pieces)
    return joined[:lead_len], body, joined[len(joined) - trail_len:], has_math


def title(text: str, *, latex_escapes: bool = False) -> str:
    """A title field: escaped, math kept, and braces where a style must keep the case.

    A word with a capital after its first letter, or with math, is braced; runs of them
    share one group, and punctuation around it stays out: ``{Stable-SPAM}: How to``,
    ``{GPT-4 V} Report``, as a person writes a ``.bib`` by hand. Ordinary
    capitalised words are left to the style (sentence case lower-cases them).
    """
    # words: each a list of (raw text, is_math) pieces; math may hold spaces, so split text
    words: list[list[tuple[str, bool]]] = [[]]
    for piece, is_math in _pieces(clean(text), latex_escapes):
        if is_math:
            words[-1].append((piece, True))
            continue
        for i, word in enumerate(piece.split(" ")):
            if i:
                words.append([])
            if word:
                words[-1].append((word, False))

    def latex_of(raw: list[tuple[str, bool]]) -> str:
        return "".join(part if is_math else _translate(part, latex_escapes)
                       for part, is_math in raw)

    out: list[str] = []
    run: list[list[str]] = []

    def flush() -> None:
        if run:
            lead, run[0][0] = run[0][0], ""
            trail, run[-1][2] = run[-1][2], ""
            out.append(lead + _protect(" ".join("".join(parts) for parts in run)) + trail)
            run.clear()

    for index, pieces in enumerate(w for w in words if w):
        lead, body, trail, has_math = _split_word(pieces)
        protect = has_math or _keeps_case(body, index == 0)
        # the body is translated with its math: split the pieces' latex, not the raw text
        parts = [_translate(lead, latex_escapes), _body_latex(pieces, lead, trail, latex_of),
                 _translate(trail, latex_escapes)]
        if protect:  # punctuation ends a run: ``{CLIMB}: {CLustering-based}``
            if lead:
                flush()
            run.append(parts)
            if trail:
                flush()
            continue
        flush()
        out.append("".join(parts))
    flush()
    return " ".join(out)


def _body_latex(pieces: list[tuple[str, bool]], lead: str, trail: str,
                latex_of: Callable[[list[tuple[str, bool]]], str]) -> str:
    """The word's pieces without ``lead`` and ``trail`` (text only), as LaTeX."""
    trimmed = list(pieces)
    if lead:
        trimmed[0] = (trimmed[0][0][len(lead):], False)
    if trail:
        text = trimmed[-1][0]
        trimmed[-1] = (text[:len(text) - len(trail)], False)
    return latex_of(trimmed)


def name(person: str, *, latex_escapes: bool = False, corporate: bool = False) -> str:
    """One author for an ``and``-joined list; braced whole where BibTeX would misread it.

    A comma, a word ``and`` or the name ``others`` would change how BibTeX splits the
    list; a ``corporate`` name (an owner handle) must not be split into first/last.
    """
    person = clean(person)
    latex = _translate(person, latex_escapes, _NAME)
    words = {word.casefold() for word in latex.split()}
    if corporate or "," in latex or "and" in words or words == {"others"}:
        return f"{{{latex}}}"
    return _join_brace_words(person, latex_escapes)


def _join_brace_words(person: str, latex_escapes: bool) -> str:
    """A word that begins with a brace is braced together with the word before it.

    biber takes each name part's first character as its initial; one that begins with a
    brace would get a backslash as its initial (``Ann } Lee`` -> "A. \\. Lee").
    """
    groups: list[list[str]] = []
    for word in person.split(" "):
        latex = _translate(word, latex_escapes, _NAME)
        if groups and word[:1] in ("{", "}"):
            groups[-1].append(latex)
        else:
            groups.append([latex])
    return " ".join(group[0] if len(group) == 1 else "{" + " ".join(group) + "}"
                    for group in groups)


def verbatim(value: str, *, latex_escapes: bool = False) -> str:
    """A URL, DOI or id for a verbatim field: what would break the file is %-encoded."""
    unsafe = _URL_UNSAFE_ASCII if latex_escapes else _URL_UNSAFE
    return unsafe.sub(lambda m: quote(m[0], safe=""), value.strip())

