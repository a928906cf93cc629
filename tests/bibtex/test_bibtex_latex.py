"""Field text: special characters, math, capitals and names, and the property that any
title, author and URL comes back from the file as it went in."""

from __future__ import annotations

import functools
from collections.abc import Callable
from urllib.parse import unquote

import bibtexparser
import pytest
from bibtexparser.middlewares import SeparateCoAuthors
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pylatexenc.latexencode import UnicodeToLatexEncoder

from awesome_papers import Entry
from awesome_papers.bibtex import bibtex_string
from awesome_papers.latex import clean, name, title, verbatim


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("CLIMB: CLustering-based Data Mixture for Language Model Pre-training",
         "{CLIMB}: {CLustering-based} Data Mixture for Language Model Pre-training"),
        ("scaling laws", "scaling laws"),
        ("Top-$nσ$: Not All Logits", "{Top-$nσ$}: Not All Logits"),
        # what a person protects: inner capitals, a lone capital; punctuation stays out
        ("Stable-SPAM: How to Train in 4-Bit", "{Stable-SPAM}: How to Train in 4-Bit"),
        ("Plan A: (LLMs) and GPT-4 V Report", "Plan {A}: ({LLMs}) and {GPT-4 V} Report"),
        ("A Survey", "A Survey"),
        ("a $O(n \\log n)$ bound", "a {$O(n \\log n)$} bound"),
        ("costs $5 and $10", "costs \\$5 and \\$10"),
        ("50% & #1 in_a {set} \\ @ ~ ^", "50\\% \\& \\#1 in\\_a \\textbraceleft{}set"
         "\\textbraceright{} \\textbackslash{} @ \\textasciitilde{} \\textasciicircum{}"),
        ("&CO", "{{\\&CO}}"),  # a group starting with \ would be a BibTeX "special character"
        ("unsafe $50%$ math", "unsafe \\$50\\%\\$ math"),
        ("why?`", "why?{}`"),
        ("  spaced\n\tout  ", "spaced out"),
    ],
)
def test_title(text: str, latex: str) -> None:
    assert title(text) == latex


def test_title_latex_escapes() -> None:
    assert title("Güra über ADOPT $β_2$ 关", latex_escapes=True) == (
        r'G{\"u}ra {\"u}ber {ADOPT ${\ensuremath{\beta}}_2$} '
        r"{{\ensuremath{\langle}\texttt{U+5173}\ensuremath{\rangle}}}"
    )


@pytest.mark.parametrize(
    ("person", "latex"),
    [
        ("Anton van den Hengel", "Anton van den Hengel"),
        ("Smith, Jr.", "{Smith, Jr.}"),
        ("Tom and Jerry", "{Tom and Jerry}"),
        ("others", "{others}"),
        ("Marc'Aurelio Ranzato", "Marc'Aurelio Ranzato"),
    ],
)
def test_name(person: str, latex: str) -> None:
    assert name(person) == latex


def test_urls() -> None:
    assert verbatim("https://x.org/a b{c}") == "https://x.org/a%20b%7Bc%7D"
    assert verbatim("https://x.org/é") == "https://x.org/é"
    assert verbatim("https://x.org/é", latex_escapes=True) == "https://x.org/%C3%A9"


_PYLATEXENC = UnicodeToLatexEncoder(
    non_ascii_only=True, replacement_latex_protection="braces-all",
    unknown_char_policy="keep", unknown_char_warning=False,
)
_TEXT = st.text(min_size=1).filter(lambda s: clean(s) != "")


def _read_back(text: str) -> dict[str, object]:
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors()])
    assert library.failed_blocks == []
    (entry,) = library.entries
    return {field.key: field.value for field in entry.fields}


@settings(max_examples=300, deadline=None)
@given(
    title_text=_TEXT,
    authors=st.lists(_TEXT, min_size=1, max_size=4),
    url=st.text(),
)
@example(title_text="0", authors=["0\x85&", "0"], url="")  # a bare \& ending a name
def test_any_text_reads_back_the_same(
    decode: Callable[..., str], typeset: Callable[[str], str],
    title_text: str, authors: list[str], url: str,
) -> None:
    entry = Entry(key="k", kind="link", title=title_text, authors=tuple(authors),
                  url="https://example.org/" + url)
    fields = _read_back(bibtex_string([entry]))
    assert decode(fields["title"]) == typeset(clean(title_text))
    assert [decode(n) for n in fields["author"]] == [typeset(clean(a)) for a in authors]
    assert unquote(fields["url"]) == unquote(("https://example.org/" + url).strip())


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_any_text_reads_back_the_same_with_latex_escapes(
    decode: Callable[..., str], typeset: Callable[[str], str], data: st.DataObject
) -> None:
    """ASCII out, same text in, for every character pylatexenc itself writes and reads back.

    (Its tables are not one-to-one: it writes ``·`` as ``\\textperiodcentered`` and reads
    that as ``˙``.) Math is left out: ``$β$`` is written ``$\\beta$`` on purpose.
    """

    @functools.cache
    def pylatexenc_round_trips(char: str) -> bool:
        latex = _PYLATEXENC.unicode_to_latex(char)
        return latex == char or decode(latex) == char

    alphabet = st.characters(exclude_characters="$").filter(pylatexenc_round_trips)
    text = st.text(alphabet, min_size=1).filter(lambda s: clean(s) != "")
    title_text = data.draw(text)
    authors = data.draw(st.lists(text, min_size=1, max_size=4))
    url = "https://example.org/" + data.draw(st.text())
    entry = Entry(key="k", kind="link", title=title_text, authors=tuple(authors), url=url)
    bib = bibtex_string([entry], latex_escapes=True)
    assert bib.isascii()
    fields = _read_back(bib)
    assert decode(fields["title"]) == typeset(clean(title_text))
    assert [decode(n) for n in fields["author"]] == [typeset(clean(a)) for a in authors]
    assert unquote(fields["url"]) == unquote(url.strip())
