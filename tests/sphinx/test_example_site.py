"""The example site under every builder, as a user would build and read it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import bibtexparser
import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    from .conftest import Build


pytestmark = pytest.mark.slow
SPHINX_BUILD = Path(sys.executable).with_name("sphinx-build")


def section_items(listing: Path, heading: str) -> int:
    """List items under a ``## heading`` of a list, counted in the Markdown."""
    text = listing.read_text(encoding="utf-8")
    body = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return len(re.findall(r"^- ", body, flags=re.MULTILINE))


@pytest.mark.parametrize("builder", ["html", "dirhtml", "singlehtml", "latex", "text", "epub"])
def test_builds_without_warnings(example_site: Path, builder: str) -> None:
    out = example_site / "_build" / builder
    doctrees = example_site / "_build" / f"doctrees-{builder}"
    run = subprocess.run([str(SPHINX_BUILD), "-W", "-q", "-b", builder, "-d", str(doctrees),
                          str(example_site), str(out)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert (out / "references.bib").is_file()
    if builder in ("latex", "text", "epub"):  # no scripts there: no data blocks, no script
        written = [p for p in out.rglob("*") if p.suffix in (".tex", ".txt", ".xhtml", ".js")]
        assert written and not list(out.rglob("awesome-papers.*"))
        for path in written:
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "awesome-papers-data" not in text and "awesome-papers.js" not in text, path
    if builder == "latex":
        tex = next(out.glob("*.tex")).read_text(encoding="utf-8")
        assert r"\label{\detokenize{optimization:takase2023spike}}" in tex
        assert r"\label{\detokenize{index:takase2023spike}}" in tex
        assert r"\hyperref[\detokenize{index:takase2023spike}]" in tex  # the first to show it
    if builder == "text":
        assert "Diao et al. 2025" in (out / "reading-notes.txt").read_text(encoding="utf-8")
    if builder == "singlehtml":  # highlights repeat rows of the section pages
        page = (out / "index.html").read_text(encoding="utf-8")
        ids = re.findall(r'<tr class="awesome-row[^"]*" id="([^"]+)"', page)
        assert "diao2025climb" in ids and len(ids) == len(set(ids))


def test_html_tables_citations_and_bib(example_site: Path, sphinx_build: Callable[..., Build],
                                      ) -> None:
    result = sphinx_build(example_site, warningiserror=True)
    optimization = result.page("optimization.html")
    rows = re.findall(r'<tr class="awesome-row awesome-(\w+)[^"]*" id="([^"]+)"', optimization)
    assert len(rows) == section_items(example_site.parent / "llm-training.md", "Optimization")
    assert {kind for kind, _ in rows} == {"paper", "repo", "link"}
    assert "<caption" not in optimization  # the page's heading names the table already
    assert re.search(r'<div class="awesome-scroll[^"]*">\s*<table class="awesome-papers',
                     optimization)
    assert '<col style="width: 41.3%" />' in optimization  # the title gets the room
    assert "img.shields.io" not in optimization  # no badges unless a site turns them on
    assert optimization.count('<script type="application/json" class="awesome-papers-data">') == 1
    assert "_static/awesome-papers.js" in optimization
    assert "awesome-papers.js" not in result.page("reading-notes.html")  # no table, no script

    notes = result.page("reading-notes.html")
    link = re.search(r'<span class="awesome-cite awesome-cite-cite"><a class="reference internal" '
                     r'href="([^"]+)" title="([^"]+)">Diao et al. 2025</a></span>', notes)
    # The home page's table of every entry is the first in toctree order to show the row.
    assert link and link[1] == "index.html#diao2025climb"
    assert link[2].startswith("CLIMB: CLustering-based")
    assert 'id="diao2025climb"' in result.page("index.html")
    assert 'id="diao2025climb"' in result.page("llm-training-1.html")
    assert "Cautious optimizers</a>" in notes  # explicit text
    assert 'class="awesome-bibliography' in notes and notes.count("awesome-reference") == 7
    assert 'href="references.bib"' in result.page("index.html")

    library = bibtexparser.parse_file(str(result.outdir / "references.bib"))
    assert not library.failed_blocks
    assert {"diao2025climb", "takase2023spike"} <= {e.key for e in library.entries}


def test_parallel_build_gives_the_same_html(example_site: Path,
                                            sphinx_build: Callable[..., Build]) -> None:
    serial = sphinx_build(example_site)
    pages = {p.name: p.read_text(encoding="utf-8") for p in serial.outdir.glob("*.html")}
    shutil.rmtree(example_site / "_build")
    parallel = sphinx_build(example_site, parallel=2)
    assert sorted(pages) == sorted(p.name for p in parallel.outdir.glob("*.html"))
    for name, html in pages.items():
        assert parallel.page(name) == html, name
