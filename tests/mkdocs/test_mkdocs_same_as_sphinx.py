"""One page source, two engines: the same rows under MkDocs as under Sphinx with MyST."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from sitebuild import EXAMPLE, LIST, ROOT, build, make_site

if TYPE_CHECKING:
    from collections.abc import Callable

pytestmark = pytest.mark.slow

PAGES = ["optimization.md", "highlights.md", "llm-training-1.md"]
#: The one line where the engines' pages differ: how they link references.bib.
BIBTEX_LINE = "Every entry as BibTeX: "
EXTRA = "# Filters\n\n```{awesome-papers}\n:year: 2023-2024\n:kind: paper\n:sort: oldest\n```\n"


def _without_bibtex_line(path: Path) -> list[str]:
    return [line for line in path.read_text("utf-8").splitlines()
            if not line.startswith(BIBTEX_LINE)]


def _rows(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [row.get("id", "") for row in soup.select("tr.awesome-row")]


@pytest.mark.parametrize("name", [*PAGES, "reading-notes.md"])
def test_example_pages_are_the_same_text(name: str) -> None:
    assert _without_bibtex_line(EXAMPLE / "docs" / name) == \
        _without_bibtex_line(ROOT / "examples" / "sphinx" / name)


def test_same_rows_under_mkdocs_and_sphinx(tmp_path: Path) -> None:
    pages = {name: "\n".join(_without_bibtex_line(ROOT / "examples" / "sphinx" / name))
             for name in PAGES}  # the Sphinx pages' {awesome-bibtex} is Sphinx's only
    pages["filters.md"] = EXTRA
    sphinx_src = tmp_path / "sphinx"
    sphinx_src.mkdir()
    for name, text in pages.items():
        (sphinx_src / name).write_text(text, encoding="utf-8")
    (sphinx_src / "index.md").write_text(
        "# Index\n\n```{toctree}\n" + "\n".join(n[:-3] for n in pages) + "\n```\n", "utf-8")
    (sphinx_src / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_awesome"]\nawesome_sources = [{str(LIST)!r}]\n',
        "utf-8")
    subprocess.run([sys.executable, "-m", "sphinx", "-q", "-b", "html", str(sphinx_src),
                    str(tmp_path / "sphinx-out")], check=True, capture_output=True)

    config = f"site_name: t\nplugins:\n  - awesome-papers:\n      sources: [{LIST}]\n"
    built = build(make_site(tmp_path / "mk", config, pages), tmp_path / "mk-out")
    assert built.returncode == 0, built.log

    for name in pages:
        stem = name[:-3]
        sphinx_rows = _rows((tmp_path / "sphinx-out" / f"{stem}.html").read_text("utf-8"))
        mkdocs_rows = _rows((tmp_path / "mk-out" / stem / "index.html").read_text("utf-8"))
        assert sphinx_rows, name
        assert mkdocs_rows == sphinx_rows, name


#: The rows the citations link to; Wang et al. (arXiv:2501.17116) has none: its paper.
TABLE_PAGE = ("# Optimization\n\n```{awesome-papers}\n:keys: diao2025climb kumar2025zclip "
              "takase2023spike liang2024cautious hong2024qsft huggingface-ultrascale\n```\n")
#: One citation paragraph a line, so both engines name the same line in warnings.
CITING = """# Notes

Plain {paper}`diao2025climb`, narrative {paper:t}`kumar2025zclip`, {paper:p}`takase2023spike`.

Several {paper:p}`takase2023spike; liang2024cautious` and {paper:t}`kumar2025zclip;hong2024qsft`.

Bracketed [@diao2025climb; @arXiv:2501.17116] and [@takase2023spike].

No authors: {paper:t}`huggingface-ultrascale` [@huggingface-ultrascale].

Own text {paper}`the CLIMB paper <diao2025climb>`, title {paper:title}`liang2024cautious`.

Unknown [@nosuchkey] and {paper:p}`diao2025climb; nosuchkey`.

Unknown form {paper:x}`diao2025climb`.

Misspelt {papr}`diao2025climb`.

Code `[@diao2025climb]` and `` {paper}`diao2025climb` `` stay.
"""
_WARNING = re.compile(r"notes\.md:(\d+): (?:WARNING: )?(.*)$", re.M)


def _citations(html: str, target: Callable[[str], str],
               ) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Each citation's text and link targets, and the text of the paragraphs around them."""
    soup = BeautifulSoup(html, "html.parser")
    cites = [(span.get_text(), [target(a["href"]) for a in span.select("a")])
             for span in soup.select("span.awesome-cite")]
    # Not the {papr} line: MyST drops an unknown role, MkDocs prints what it cannot read.
    paragraphs = [" ".join(p.get_text().split()) for p in soup.select("p")
                  if p.select("span.awesome-cite, code") and "papr" not in p.get_text()]
    return cites, paragraphs


def _sphinx_target(href: str) -> str:
    """``optimization.html#key`` -> ``optimization#key``; ``#key`` is on ``notes``."""
    if href.startswith("http"):
        return href
    path, _, key = href.partition("#")
    return f"{path.removesuffix('.html') or 'notes'}#{key}"


def _mkdocs_target(href: str) -> str:
    """``../optimization/#key`` -> ``optimization#key``, as seen from ``/notes/``."""
    if href.startswith("http"):
        return href
    parts = urlsplit(urljoin("/notes/", href))
    return f"{parts.path.strip('/')}#{parts.fragment}"


def test_same_citations_and_warnings_under_mkdocs_and_sphinx(tmp_path: Path) -> None:
    """The three forms, several keys, an authorless entry, unknown keys and roles: the
    same text, the same link targets (the rows' pages) and the same warnings."""
    pages = {"optimization.md": TABLE_PAGE, "notes.md": CITING}
    sphinx_src = tmp_path / "sphinx"
    sphinx_src.mkdir()
    for name, text in pages.items():
        (sphinx_src / name).write_text(text, encoding="utf-8")
    (sphinx_src / "index.md").write_text(
        "# Index\n\n```{toctree}\noptimization\nnotes\n```\n", "utf-8")
    (sphinx_src / "conf.py").write_text(
        f'extensions = ["myst_parser", "sphinx_awesome"]\nawesome_sources = [{str(LIST)!r}]\n',
        "utf-8")
    sphinx = subprocess.run([sys.executable, "-m", "sphinx", "-q", "-N", "-b", "html",
                             str(sphinx_src), str(tmp_path / "sphinx-out")],
                            check=True, capture_output=True, text=True)
    config = f"site_name: t\nplugins:\n  - awesome-papers:\n      sources: [{LIST}]\n"
    mkdocs = build(make_site(tmp_path / "mk", config, pages), tmp_path / "mk-out")

    sphinx_seen = _citations((tmp_path / "sphinx-out" / "notes.html").read_text("utf-8"),
                             _sphinx_target)
    mkdocs_seen = _citations((tmp_path / "mk-out" / "notes" / "index.html").read_text("utf-8"),
                             _mkdocs_target)
    assert mkdocs_seen == sphinx_seen
    cites = dict(sphinx_seen[0])
    assert cites["Kumar et al. (2025)"] == ["optimization#kumar2025zclip"]
    assert cites["(Takase et al. 2023; Liang et al. 2024)"] == [
        "optimization#takase2023spike", "optimization#liang2024cautious"]
    assert cites["The Ultra-Scale Playbook"] == ["optimization#huggingface-ultrascale"]
    assert cites["(Diao et al. 2025; Wang et al. 2025)"] == [
        "optimization#diao2025climb", "http://arxiv.org/abs/2501.17116v1"]
    assert cites["(Diao et al. 2025; nosuchkey)"] == ["optimization#diao2025climb"]

    def ours(log: str) -> set[tuple[int, str]]:
        return {(int(line), message) for line, message in _WARNING.findall(log)
                if "[awesome." in message and "papr" not in message}

    assert ours(sphinx.stderr) == ours(mkdocs.log)
    assert {line for line, _ in ours(mkdocs.log)} == {13, 15}
    assert any("{paper:x}" in message for _, message in ours(mkdocs.log))
    # {papr} is no role of ours: MyST reports it; MkDocs, which reads no MyST roles, too.
    assert {int(n) for n, m in _WARNING.findall(sphinx.stderr) if "papr" in m} == {17}
    assert {int(n) for n, m in _WARNING.findall(mkdocs.log) if "papr" in m} == {17}
