"""The JSON block that follows a table: what the browser script reads, safely embedded."""

from __future__ import annotations

import json
import re

from bs4 import BeautifulSoup
from docutils.core import publish_from_doctree
from docutils.utils import new_document
from docutils.writers import html5_polyglot, latex2e

from awesome_papers.bibtex import entry_bibtex
from awesome_papers.html import papers_html
from awesome_papers.model import Entry
from awesome_papers.nodes import is_table_data, paper_table, table_data, table_json

PAPER = Entry(key="diao2025climb", kind="paper", title="CLIMB: Clustering",
              authors=("Shizhe Diao", "Yu Yang"), year=2025, highlight=True,
              section=("Training", "Data"), section_slugs=("training", "data"))
REPO = Entry(key="nvlabs-climb", kind="repo", title="climb", owner="NVlabs",
             url="https://github.com/NVlabs/climb", description="</script><b>& more",
             section=("Training", "Code"), section_slugs=("training", "code"))


def test_one_item_per_row_in_row_order() -> None:
    node = table_data([PAPER, REPO])
    assert is_table_data(node) and node["format"] == "html"
    text = node.astext()
    payload = text[text.index(">") + 1:-len("</script>")]
    data = json.loads(payload)
    assert data["sections"] == {"data": "Data", "code": "Code"}
    first, second = data["rows"]
    assert first == {"key": "diao2025climb", "title": "CLIMB: Clustering",
                     "authors": "Shizhe Diao, Yu Yang", "text": "", "year": 2025,
                     "section": "data", "star": True, "code": False,
                     "bibtex": entry_bibtex(PAPER)}
    assert second["authors"] == "NVlabs" and second["code"] is True  # a repository is code
    assert second["text"] == "</script><b>& more"


def test_no_text_can_end_the_script_element() -> None:
    text = table_data([REPO]).astext()
    assert text.count("</script>") == 1 and text.endswith("</script>")
    assert not re.search(r"[<>&]", text[len('<script type="application/json" class="awesome'
                                             '-papers-data">'):-len("</script>")])


def test_only_html_writers_write_it() -> None:
    document = new_document("<test>")
    document += paper_table([PAPER])
    document += table_data([PAPER])
    html = publish_from_doctree(document, writer=html5_polyglot.Writer()).decode()
    assert html.count('<script type="application/json" class="awesome-papers-data">') == 1
    document = new_document("<test>")
    document += table_data([PAPER])
    latex = publish_from_doctree(document, writer=latex2e.Writer(),
                                 settings_overrides={"use_latex_citations": True,
                                                     "legacy_column_widths": False})
    assert b"awesome-papers-data" not in latex


def test_badges_load_lazily() -> None:
    coded = Entry(key="k", kind="paper", title="T", code=("https://github.com/a/b",))
    document = new_document("<test>")
    document += paper_table([coded], badges=True)
    html = publish_from_doctree(document, writer=html5_polyglot.Writer()).decode()
    assert re.search(r'<img [^>]*loading="lazy"[^>]*shields\.io|<img [^>]*shields\.io[^>]*'
                     r'loading="lazy"', html)


def test_mkdocs_html_holds_the_data_in_an_attribute_nothing_escapes() -> None:
    """MkDocs pages carry the same JSON in the wrapping ``<div>``'s attribute, which no
    text from the list can leave."""
    html = papers_html([PAPER, REPO])
    div = BeautifulSoup(html, "html.parser").select_one("div.awesome-papers")
    assert div is not None and "<script" not in html
    assert json.loads(div["data-awesome-papers"]) == json.loads(table_json([PAPER, REPO]))
    assert div.select("tr.awesome-row") and len(div.find_all(True, recursive=False)) == 1
