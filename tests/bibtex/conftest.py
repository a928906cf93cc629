"""Fixtures for the BibTeX tests: the reference list's entries and a LaTeX-to-text decoder."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from awesome_papers import Collection, load

_UNKNOWN = re.compile(r"⟨U\+([0-9A-F]{4,6})⟩")
_MATH = re.compile(r"(\$[^$]*\$)")
_LIGATURES = (("---", "—"), ("--", "–"), ("``", "“"), ("''", "”"))


@pytest.fixture(scope="session")
def reference(example_list: Path) -> Collection:
    return load([str(example_list)])


def _typeset(text: str) -> str:
    parts = _MATH.split(text)
    for i in range(0, len(parts), 2):
        for ascii_form, glyph in _LIGATURES:
            parts[i] = parts[i].replace(ascii_form, glyph)
    return "".join(parts)


@pytest.fixture(scope="session")
def typeset() -> Callable[[str], str]:
    """What LaTeX prints for list text outside math: its dash and quote ligatures applied."""
    return _typeset


@pytest.fixture(scope="session")
def decode() -> Callable[..., str]:
    """Field text back to plain text, read by pylatexenc (not by our own code).

    pylatexenc lacks a few text commands the export uses; they are added here. Math is
    read verbatim, or with ``math=True`` as text between the dollars (so ``$\\beta$`` and
    ``$β$`` read alike); the ``⟨U+XXXX⟩`` stand-in for characters no 8-bit font has is
    turned back into the character.
    """
    db = get_default_latex_context_db()
    db.add_context_category(
        "awesome-papers",
        prepend=True,
        macros=[
            MacroTextSpec("textbraceleft", "{"),
            MacroTextSpec("textbraceright", "}"),
            MacroTextSpec("textless", "<"),
            MacroTextSpec("textgreater", ">"),
            MacroTextSpec("textbar", "|"),
            MacroTextSpec("textasciicircum", "^"),
            MacroTextSpec("textasciitilde", "~"),
            MacroTextSpec("textbackslash", "\\"),
            MacroTextSpec("texttt", "%(1)s"),
        ],
    )
    readers = {
        math: LatexNodes2Text(latex_context=db, math_mode=mode, strict_latex_spaces=True)
        for math, mode in ((False, "verbatim"), (True, "with-delimiters"))
    }

    def to_text(value: str, math: bool = False) -> str:
        text = readers[math].latex_to_text(value)
        return _UNKNOWN.sub(lambda m: chr(int(m[1], 16)), text)

    return to_text
