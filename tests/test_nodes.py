"""The docutils renderer: what a reader sees in any writer, and that nothing unsafe links."""

from __future__ import annotations

from docutils import nodes
from docutils.core import publish_from_doctree
from docutils.utils import new_document

from awesome_papers.model import Entry, Link
from awesome_papers.nodes import paper_table, safe_url

PAPER = Entry(
    key="diao2025climb", kind="paper", title="CLIMB: $O(n^2)$ mixtures",
    authors=("Shizhe Diao", "Yu Yang"), authors_truncated=True, year=2025,
    url="http://arxiv.org/abs/2504.13161v1", code=("https://github.com/NVlabs/climb",),
    links=(Link("𝕏", "https://x.com/post"),), highlight=True, arxiv="2504.13161",
)
EVIL = Entry(key="evil2024", kind="link", title="<script>alert(1)</script>",
             url="java\tscript:alert(1)", links=(Link("data", "data:text/html,x"),))


def html(*children: nodes.Node) -> str:
    document = new_document("<test>")
    document.extend(children)
    return publish_from_doctree(document, writer="html5").decode()


def test_row_per_entry_with_key_anchor_and_facets() -> None:
    table = paper_table([PAPER, EVIL])
    rows = list(table.findall(nodes.row))[1:]
    assert [r["ids"] for r in rows] == [["diao2025climb"], ["evil2024"]]
    assert {"awesome-row", "awesome-highlight", "awesome-has-code"} <= set(rows[0]["classes"])
    assert next(iter(table.findall(nodes.math))).astext() == "O(n^2)"


def test_cells_show_authors_year_code_links() -> None:
    out = html(paper_table([PAPER], badges=True, caption="Optimization"))
    assert "<caption>Optimization</caption>" in out
    assert "Shizhe Diao, Yu Yang, et al." in out
    assert 'href="https://github.com/NVlabs/climb">NVlabs/climb</a>' in out
    assert "img.shields.io/github/stars/NVlabs/climb.svg" in out
    assert "🌟" in out and ">𝕏</a>" in out
    assert "img.shields.io" not in html(paper_table([PAPER]))


def test_untrusted_text_is_escaped_and_unsafe_urls_not_linked() -> None:
    out = html(paper_table([EVIL], columns=["title", "links"]))
    assert "&lt;script&gt;" in out and "<script>alert" not in out
    assert "javascript" not in out.lower() and "data:text" not in out
    assert safe_url("https://a.org") == "https://a.org"
    assert safe_url("/relative/page.html") == "/relative/page.html"
    assert safe_url("mailto:a@b.org") == "mailto:a@b.org"
    assert safe_url(" JaVa\nScRiPt:alert(1)") is None


def test_long_author_lists_fold_and_empty_columns_go() -> None:
    many = Entry(key="many2024", kind="paper", title="Many hands", year=2024,
                 authors=("Ann A", "Bob B", "Cy C", "Di D", "Ed <E>"))
    table = paper_table([many, EVIL], columns=["title", "authors", "year", "venue", "code"])
    headers = [entry.astext() for entry in next(table.findall(nodes.thead)).findall(nodes.entry)]
    assert headers == ["Title", "Authors", "Year"]  # nobody has a venue or code
    out = html(table)
    assert ('<details class="awesome-authors"><summary><span class="awesome-authors-short">'
            "Ann A, Bob B, Cy C, …</span></summary>") in out
    assert "Ann A, Bob B, Cy C, Di D, Ed &lt;E&gt;</p>\n</details>" in out
    assert '<col style="width: ' in out  # the title gets its share of the width
    document = new_document("<test>")
    document += table.deepcopy()
    latex = publish_from_doctree(document, writer="latex", settings_overrides={
        "use_latex_citations": True, "legacy_column_widths": False}).decode()
    assert "Ann A, Bob B, Cy C, Di D" in latex and "Cy C, …" not in latex  # the full list only
    assert "<details" not in html(paper_table([PAPER], columns=["title", "authors"]))
