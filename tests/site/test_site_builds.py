"""Generated sites build with the engines' strict modes and show every entry where it belongs.

One site per engine and list (the reference list and five corpus lists of different
shapes), each generated and built once for all the tests of this module.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitegen import REFERENCE, ROOT, build_mkdocs, build_sphinx, row_ids, site

from awesome_papers import load

pytestmark = pytest.mark.slow
SHARED = Path(os.environ.get("AWESOME_SHARED", ROOT.parent / "shared"))
#: Corpus lists of different shapes: flat CJK headings with label sub-bullets, tables under
#: an intro, deep nesting under a long intro, numbered entries under three top headings,
#: one section holding an HTML table.
LISTS = {
    "reference": REFERENCE,
    "zh-labels": SHARED / "corpus/more/label-subbullets-zh-cvpr2023.md",
    "tables": SHARED / "corpus/table-open-vocab-detection.md",
    "nested": SHARED / "corpus/more/numbered-boldwrapped-link-llm-reasoning.md",
    "numbered": SHARED / "corpus/more/citation-first-numbered-stars-dl-roadmap.md",
    "html-table": SHARED / "corpus/table-html-efficient-moe.md",
}


@dataclass
class Built:
    """A generated and built site."""

    engine: str
    list: Path
    folder: Path
    out: Path

    def html(self, page: str) -> Path:
        """The built HTML of a page source (``docs/x.md`` or ``x.md``)."""
        stem = page.removeprefix("docs/").removesuffix(".md")
        if self.engine == "sphinx":
            return self.out / f"{stem}.html"
        return self.out / ("index.html" if stem == "index" else f"{stem}/index.html")

    def section_pages(self) -> list[str]:
        manifest = json.loads((self.folder / ".awesome-papers-site.json").read_text("utf-8"))
        return [path for path, page in manifest["pages"].items() if not page.get("moved")]


@pytest.fixture(scope="module", params=[(engine, name) for name in LISTS
                                        for engine in ("mkdocs", "sphinx")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    engine, name = request.param
    path = LISTS[name]
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"corpus list missing: {path}")
        pytest.skip(f"corpus list not found: {path} (set AWESOME_SHARED)")
    root = tmp_path_factory.mktemp(f"{engine}-{name}")
    run = site(path, "--engine", engine, "-o", root / "src")
    assert run.code == 0, run.err
    result = Built(engine, path, root / "src", root / "html")
    (build_mkdocs if engine == "mkdocs" else build_sphinx)(result.folder, result.out)
    return result


def test_every_entry_is_in_exactly_one_section_table_and_all_in_the_index(built: Built,
                                                                          ) -> None:
    keys = {entry.key for entry in load(built.list).entries}
    pages = built.section_pages()
    assert pages
    shown = Counter(key for page in pages for key in row_ids(built.html(page)))
    assert set(shown) == keys
    assert set(shown.values()) == {1}, [key for key, n in shown.items() if n > 1]
    index = row_ids(built.html("index.md"))
    assert sorted(index) == sorted(keys)


def test_the_index_shows_the_lists_introduction_without_its_markup(built: Built) -> None:
    soup = BeautifulSoup(built.html("index.md").read_text("utf-8"), "html.parser")
    intro = soup.select_one("div.awesome-intro")
    if built.list == REFERENCE:  # its introduction is a table of contents, one item a line
        text = built.list.read_text("utf-8").split("\n## ")[0]
        items = [line for line in text.splitlines() if line.lstrip().startswith("- [")]
        assert intro is not None
        assert len(intro.select("li")) == len(items) == 13
    if intro is not None:
        assert not intro.select("script, style, img, iframe")
        assert all(a["href"].startswith(("http://", "https://", "mailto:", "#"))
                   for a in intro.select("a[href]"))


def test_pages_link_references_bib_and_use_the_theme(built: Built) -> None:
    page = built.section_pages()[0]
    soup = BeautifulSoup(built.html(page).read_text("utf-8"), "html.parser")
    bib = [a for a in soup.select("a[href]") if a["href"].endswith("references.bib")]
    assert bib
    assert (built.out / "references.bib").is_file()
    if built.engine == "mkdocs":  # Material: light and dark palettes, search
        schemes = [i["data-md-color-scheme"] for i in soup.select("input[data-md-color-scheme]")]
        assert schemes == ["default", "slate"]
        assert soup.select_one("input[data-md-component=search-query]") is not None
    else:  # Furo: a light/dark toggle, search
        assert soup.select_one("button.theme-toggle") is not None
        assert (built.out / "searchindex.js").is_file()
    headings = soup.select("h1")
    assert headings and not re.search(r"[\\`]", headings[0].get_text())
