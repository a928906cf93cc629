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


def title(text: str, *, latex_escapes: bool = False) -> str:
    """A title field: escaped, math kept, and every word with a capital (or math) braced.

    Runs of such words share one brace group (``{CLIMB: CLustering-based} for``), the
    way Better BibTeX keeps a title's capitals through lower-casing styles.
    """
    # words: each a list of (latex, protect) parts; math may hold spaces, so split text only
    words: list[list[tuple[str, bool]]] = [[]]
    for piece, is_math in _pieces(clean(text), latex_escapes):
        if is_math:
            words[-1].append((piece, True))
            continue
        for i, word in enumerate(piece.split(" ")):
            if i:
                words.append([])
            if word:
                # a capital is whatever lower-casing would change
                words[-1].append((_translate(word, latex_escapes), word.lower() != word))
    out: list[str] = []
    run: list[str] = []
    for parts in words:
        if not parts:
            continue
        latex = "".join(part for part, _ in parts)
        if any(protect for _, protect in parts):
            run.append(latex)
            continue
        if run:
            out.append(_protect(" ".join(run)))
            run = []
        out.append(latex)
    if run:
        out.append(_protect(" ".join(run)))
    return " ".join(out)


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


def url_command(url: str) -> str:
    """``\\url{...}`` for ``howpublished``; escaped text where ``\\url`` cannot work.

    ``\\url`` inside a field (biblatex reads fields as macro arguments) cannot take
    ``%`` or ``#``; such URLs are written as plain escaped text instead.
    """
    safe = _URL_UNSAFE_ASCII.sub(lambda m: quote(m[0], safe=""), url.strip()).replace("^", "%5E")
    if "%" in safe or "#" in safe:
        return escape(safe)
    return rf"\url{{{safe}}}"
