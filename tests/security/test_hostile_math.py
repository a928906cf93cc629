"""Math from a list is data: hostile formulas stay text in the .bib, the .tex and MathJax.

The list is ``hostile-math.md`` (see ``hostile_formulas.py``): formulas that would write
files, read ``/etc/hostname``, end the document early or reach the page, next to real
formulas that must stay math.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from docutils import nodes
from growth import growth
from hostile_formulas import HARMLESS, HOSTILE, LIST, SECRET, markdown, title
from hypothesis import example, given, settings
from hypothesis import strategies as st
from latex_tools import END_MARKER, compile_bib, need

from awesome_papers import Collection, Entry, load
from awesome_papers.bibtex import bibtex_string, write_bibtex
from awesome_papers.latex import title as bib_title
from awesome_papers.mathsafe import COMMANDS, MATH_SYMBOLS, disallowed, math_spans
from awesome_papers.nodes import title_nodes

ROOT = Path(__file__).resolve().parents[2]
# Control words latex.py writes for escaped text, on top of the math allowlist.
ESCAPE_COMMANDS = {r"\textbackslash", r"\textbraceleft", r"\textbraceright", r"\textless",
                   r"\textgreater", r"\textbar", r"\textasciitilde", r"\textasciicircum"}
_CONTROL = re.compile(r"\\(?:[A-Za-z]+|.)", re.S)


# -- the allowlist -------------------------------------------------------------------


@pytest.mark.parametrize("tex", HOSTILE)
def test_hostile_formula_is_not_math(tex: str) -> None:
    assert disallowed(tex)
    assert disallowed(tex)


def test_every_formula_of_the_reference_list_stays_math(example_list: Path) -> None:
    spans = [span for entry in load(example_list).entries for span in math_spans(entry.title)]
    assert spans, "the reference list has math"
    assert [span.tex for span in spans if not span.safe] == []
    assert [tex for tex in HARMLESS if disallowed(tex)] == []


def test_disallowed_names_the_commands() -> None:
    assert disallowed(HOSTILE[0]) == [r"\immediate", r"\openout", r"\write", r"\closeout"]
    assert disallowed(r"\frac{a}") == ["a missing argument"]
    assert disallowed("x}{") == ["unbalanced braces"]


def test_the_list_file_is_the_generated_list(hostile: Collection) -> None:
    assert LIST.read_text(encoding="utf-8") == markdown()
    titles = {entry.title for entry in hostile.entries}
    assert {title(i, tex) for i, tex in enumerate([*HOSTILE, *HARMLESS], 1)} <= titles


def test_nodes_make_math_only_of_allowed_formulas(hostile: Collection) -> None:
    maths = [node.astext() for entry in hostile.entries for node in title_nodes(entry)
             if isinstance(node, nodes.math)]
    assert maths == HARMLESS
    texts = "".join(node.astext() for entry in hostile.entries for node in title_nodes(entry)
                    if isinstance(node, nodes.Text))
    assert all(f"${tex}$" in texts for tex in HOSTILE)


@pytest.mark.parametrize("make", [
    lambda n: "$" + "\\$" * n,  # each $ would rescan the rest
    lambda n: "$ " * n,
    lambda n: "$a" * n,
    lambda n: "$" + "{" * n + "$",
    lambda n: "$" + "\\left(" * n + "$",
    lambda n: "$" + "\\frac" * n + "$",
    lambda n: "$x$ " * n,
])
def test_scanning_grows_linearly(make: Callable[[int], str]) -> None:
    """Ten times the input costs about ten times the work (not a hundred)."""

    def scan(text: str) -> None:
        bib_title(text)
        math_spans(text)

    assert growth(make, scan, 10_000, 100_000, repeat=3, floor=1e-3) < 30


# -- references.bib in the real tools --------------------------------------------------

_OUTPUTS = {"doc.aux", "doc.log", "doc.pdf", "doc.fls", "doc.bbl", "doc.blg", "doc.bcf",
            "doc.run.xml"}


@pytest.mark.latex
@pytest.mark.parametrize("backend", ["bibtex", "biber"])
def test_hostile_bib_compiles_and_touches_no_file(tmp_path: Path, hostile: Collection,
                                                  backend: str) -> None:
    need("pdflatex", backend)
    write_bibtex(tmp_path / "references.bib", hostile.entries, sources=["hostile-math.md"],
                 latex_escapes=True)
    before = {p.name for p in tmp_path.iterdir()} | {"doc.tex"}
    compile_bib(tmp_path, "pdflatex", backend, "-recorder",
                biblatex_options="backend=biber,giveninits=true")

    assert not (tmp_path / "pwned.txt").exists()
    assert {p.name for p in tmp_path.iterdir()} - before <= _OUTPUTS
    # pdflatex's own record of every file it opened: none but its own and TeX's
    recorded = (tmp_path / "doc.fls").read_text(errors="replace").splitlines()
    written = {line.split(" ", 1)[1] for line in recorded if line.startswith("OUTPUT ")}
    assert {Path(name).name for name in written} <= _OUTPUTS
    read = [line for line in recorded if line.startswith("INPUT ") and SECRET in line]
    assert read == []
    log = (tmp_path / "doc.log").read_text(errors="replace")
    assert f"({SECRET}" not in log  # how TeX logs a file it opens (the title's text is there)
    assert END_MARKER in log, "the document ended early"
    assert not re.findall(r"^!.*$", log, re.M)
    bbl = (tmp_path / "doc.bbl").read_text(errors="replace")
    items = bbl.count(r"\bibitem") if backend == "bibtex" else bbl.count(r"\entry{")
    assert items == len(hostile.entries)


def test_bib_keeps_harmless_math_and_escapes_hostile(hostile: Collection) -> None:
    bib = bibtex_string(hostile.entries)
    for tex in HARMLESS:
        assert f"${tex}$" in bib
    assert r"\immediate" not in bib
    assert r"\textbackslash{}immediate" in bib
    assert r"\input{" not in bib
    # the stray brace of '*Ann } Lee*' is math biber cannot turn into a bare "}"
    assert r"author = {{Ann {\ensuremath{\rbrace}}} Lee}" in bib


# Text with the characters and commands that matter, and anything else.
_PIECES = st.sampled_from([
    "$", "\\", "{", "}", "^", "^^", "_", "%", "#", "&", "~", " ", "a", "1", "\\input",
    "\\immediate", "\\write", "\\end{document}", "\\alpha", "\\text{", "\\left(", "\\right)",
    "\\frac", "\\{", "\\}", "\\$", "\\csname", "\\href", "\\mathrm{", "é", "β",
])
_FORMULAS = st.lists(_PIECES, min_size=1, max_size=8).map(lambda p: "$" + "".join(p) + "$")
_TITLES = st.lists(st.one_of(_PIECES, st.text(max_size=3), _FORMULAS), max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_TITLES, latex_escapes=st.booleans())
@example(text=f"Reads ${HOSTILE[1]}$", latex_escapes=False)
def test_no_command_outside_the_allowlist_reaches_the_bib(text: str,
                                                         latex_escapes: bool) -> None:
    """Every control sequence in a title field is allowed math or one of latex.py's escapes.

    (With ``latex_escapes`` only ASCII is drawn: pylatexenc's own commands for other
    characters are not ours to list.)
    """
    if latex_escapes:
        text = text.encode("ascii", "ignore").decode()
    field = bib_title(text, latex_escapes=latex_escapes)
    commands = set(_CONTROL.findall(field))
    symbols = {"\\" + char for char in MATH_SYMBOLS}
    assert commands <= COMMANDS | ESCAPE_COMMANDS | symbols
    assert "^^" not in field
    assert not re.search(r"(?<!\\)[%#&~]", _CONTROL.sub("", field))


# -- Sphinx ------------------------------------------------------------------------------


def test_sphinx_latex_writes_hostile_math_as_text(build_site: Callable[..., Path]) -> None:
    out = build_site("latex")
    (tex_file,) = out.glob("*.tex")
    tex = tex_file.read_text(encoding="utf-8")
    for live in (r"\immediate", r"\openout", r"\write9", r"\input{/etc/hostname}",
                 r"\csname", r"\def\x", r"\href{javascript", r"\style{", "^^5c"):
        assert live not in tex, live
    assert tex.count(r"\end{document}") == 1
    assert r"\textbackslash{}immediate" in tex
    assert r"\(\text{Transformer}^2\)" in tex


def _mathjax_config(html: str) -> dict[str, object]:
    soup = BeautifulSoup(html, "html.parser")
    (script,) = [s for s in soup.find_all("script") if s.string and "window.MathJax" in s.string]
    return json.loads(script.string.split("=", 1)[1])


def test_sphinx_html_loads_mathjax_with_the_safe_extension(
        build_site: Callable[..., Path]) -> None:
    out = build_site("html", 'mathjax3_config = {"tex": {"macros": {"RR": "\\\\mathbb{R}"}}}\n')
    html = (out / "index.html").read_text(encoding="utf-8")
    config = _mathjax_config(html)
    assert config["tex"]["macros"] == {"RR": "\\mathbb{R}"}  # the user's own is kept
    assert "ui/safe" in config["loader"]["load"]
    assert {"html", "unicode", "require"} <= set(config["tex"]["packages"]["[-]"])
    assert config["tex"]["autoload"]["html"] == config["tex"]["autoload"]["unicode"] == []
    assert "awesome-papers" in config["options"]["ignoreHtmlClass"].split("|")
    soup = BeautifulSoup(html, "html.parser")
    maths = [span.get_text() for span in soup.select(".awesome-title .math")]
    assert maths == [f"\\({tex}\\)" for tex in HARMLESS]


def test_sphinx_html_configures_mathjax_2(build_site: Callable[..., Path]) -> None:
    out = build_site("html", mathjax_path="mathjax/MathJax.js?config=TeX-AMS_SVG-full")
    html = (out / "index.html").read_text(encoding="utf-8")
    (script,) = BeautifulSoup(html, "html.parser").select('script[type="text/x-mathjax-config"]')
    config = json.loads(script.string.removeprefix("MathJax.Hub.Config(").removesuffix(")"))
    assert "Safe.js" in config["extensions"]
    assert config["Safe"]["allow"]["require"] == "none"
    assert set(config["TeX"]["Macros"]) == {"href", "class", "style", "cssId", "unicode"}
    assert "window.MathJax" not in html


def test_sphinx_default_mathjax_4(build_site: Callable[..., Path]) -> None:
    html = (build_site("html") / "index.html").read_text(encoding="utf-8")
    assert "ui/safe" in _mathjax_config(html)["loader"]["load"]
    assert "mathjax@4" in html


def test_entry_without_math_is_unchanged() -> None:
    entry = Entry(key="k", kind="paper", title="Plain $5 and $10 title")
    assert [node.astext() for node in title_nodes(entry)] == ["Plain $5 and $10 title"]
