"""The export in the real tools: BibTeX and biber under LaTeX, and sphinxcontrib-bibtex."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from latex_tools import compile_bib, need

from awesome_papers import Collection
from awesome_papers.bibtex import write_bibtex

# BibTeX: "Warning--empty year in x", "I was expecting a `,'", "(There were 2 warnings)";
# biber: "[12] Utils.pm:410> WARN - ...", "ERROR - ...".
_BLG_PROBLEM = re.compile(
    r"^.*(?:Warning--|I was expecting|There w(?:as|ere) \d+ (?:warning|error)|"
    r"> (?:WARN|ERROR) - ).*$",
    re.M,
)


@pytest.mark.latex
@pytest.mark.parametrize(
    ("engine", "backend", "latex_escapes"),
    [
        # The 8-bit toolchain needs the escapes: pdfLaTeX has no fonts for CJK or Greek.
        ("pdflatex", "bibtex", True),
        ("pdflatex", "biber", True),
        # UTF-8 as it is, for a Unicode engine.
        ("lualatex", "bibtex", False),
        ("lualatex", "biber", False),
    ],
)
def test_reference_list_compiles_without_warnings(
    tmp_path: Path, reference: Collection, engine: str, backend: str, latex_escapes: bool
) -> None:
    need(engine, backend)
    write_bibtex(
        tmp_path / "references.bib", reference.entries,
        sources=["llm-training.md"], latex_escapes=latex_escapes,
    )
    compile_bib(tmp_path, engine, backend)

    blg = (tmp_path / "doc.blg").read_text(errors="replace")
    assert not _BLG_PROBLEM.findall(blg), blg
    log = (tmp_path / "doc.log").read_text(errors="replace")
    assert not re.findall(r"^!.*$", log, re.M)
    assert "undefined" not in log.lower(), "a citation or command was undefined"
    bbl = (tmp_path / "doc.bbl").read_text(errors="replace")
    items = bbl.count(r"\bibitem") if backend == "bibtex" else bbl.count(r"\entry{")
    assert items == len(reference.entries)


def test_sphinx_cites_every_key(tmp_path: Path, reference: Collection) -> None:
    """sphinxcontrib-bibtex reads the export and resolves ``:cite:p:`` for every key, with -W."""
    from sphinx.cmd.build import build_main

    src = tmp_path / "src"
    src.mkdir()
    write_bibtex(src / "references.bib", reference.entries, sources=["llm-training.md"])
    (src / "conf.py").write_text(
        "extensions = ['sphinxcontrib.bibtex']\n"
        "bibtex_bibfiles = ['references.bib']\n"
        "project = 'bib'\n"
    )
    cites = "\n".join(f"- :cite:p:`{entry.key}`" for entry in reference.entries)
    (src / "index.rst").write_text(f"Papers\n======\n\n{cites}\n\n.. bibliography::\n")
    out = tmp_path / "out"
    status = build_main(["-W", "-q", "-b", "html", str(src), str(out)])
    assert status == 0
    html = (out / "index.html").read_text()
    assert html.count('role="doc-biblioentry"') == len(reference.entries)
    # pybtex's styles set titles in sentence case; the braces keep the acronyms' capitals
    assert "CLIMB: CLustering-based iterative data mixture bootstrapping for language" in html
    assert "Stable-SPAM: how to train in 4-bit more stably than 16-bit adam" in html
