"""The core's docutils nodes as HTML fragments, for engines that place HTML in pages.

MkDocs (and anything else that runs Python-Markdown) has no docutils writer of its own,
so tables and bibliographies are rendered here with docutils' HTML5 translator: the same
nodes as under Sphinx, escaped by docutils. The table itself carries no class attribute,
because Material for MkDocs styles only class-less tables; the classes go on a wrapping
``<div>``.
Math is written as MathML, which browsers render natively: no script, no CDN, and a
site that loads MathJax anyway shows it the same.

The browser script's data (:func:`~awesome_papers.nodes.table_json`) goes in the
``<div>``'s ``data-awesome-papers`` attribute rather than in a ``<script>`` element as
under Sphinx: MkDocs' search indexes the text of scripts, and Material's instant
navigation re-runs every script in a page it swaps in, JSON ones as JavaScript.
"""

from __future__ import annotations

import html
from functools import cache
from typing import TYPE_CHECKING

from docutils import frontend, nodes, utils
from docutils.writers import html5_polyglot

from .gc_pause import collector_paused
from .messages import DEFAULT
from .nodes import paper_table, reference_list, scroll_box, table_json
from .query import DEFAULT_COLUMNS

if TYPE_CHECKING:
    from collections.abc import Callable, Container, Sequence

    from .model import Entry


#: The attribute of a container node that holds the browser script's data.
_DATA = "awesome-papers-data"


def _in_cell(paragraph: nodes.Element) -> bool:
    return isinstance(paragraph.parent, nodes.entry) and len(paragraph.parent) == 1


class _Translator(html5_polyglot.HTMLTranslator):
    """docutils' HTML5 translator, with a bare ``<div>`` for containers, cells without
    ``<p>``, and safe math."""

    def visit_container(self, node: nodes.Element) -> None:
        tag = self.starttag(node, "div")
        if data := node.get(_DATA):  # escaped here: docutils' attval is slow on this much
            end = tag.rindex(">")
            tag = f'{tag[:end]} data-awesome-papers="{html.escape(data)}"{tag[end:]}'
        self.body.append(tag)

    def depart_container(self, node: nodes.Element) -> None:
        self.body.append("</div>\n")

    def visit_paragraph(self, node: nodes.paragraph) -> None:
        """A cell's one paragraph is written bare, as Markdown tables write cells."""
        if not _in_cell(node):
            super().visit_paragraph(node)

    def depart_paragraph(self, node: nodes.paragraph) -> None:
        if not _in_cell(node):
            super().depart_paragraph(node)

    def visit_math(self, node: nodes.math) -> None:
        """MathML; docutils' converter raises on some list titles (``G$^2$``): then text."""
        try:
            super().visit_math(node)
        except nodes.TreePruningException:  # how docutils ends a visit it handled
            raise
        except Exception:
            self.body.append(f'<span class="math">{self.encode(node.astext())}</span>')
            raise nodes.SkipNode from None


@cache
def _settings() -> frontend.Values:
    settings = frontend.get_default_settings(html5_polyglot.Writer)
    settings.math_output = "MathML"
    settings.report_level = 5
    return settings


def render(node: nodes.Node) -> str:
    """One node tree as an HTML fragment, written by docutils' HTML5 translator."""
    document = utils.new_document("<awesome-papers>", _settings())
    document += node
    translator = _Translator(document)
    node.walkabout(translator)
    _dismantle(document)
    return "".join(translator.body)


def _dismantle(document: nodes.document) -> None:
    """Unlink a rendered tree so reference counting frees it at once.

    Parent links put every node in a cycle, so a table's tens of thousands of nodes
    would wait for the cyclic collector, which walks them again in every collection
    until a full one, and once more at interpreter exit.
    """
    for node in document.findall():
        node.parent = None
    document.children = []


def anchor(name: str) -> str:
    """The id a table's ``name`` becomes (docutils' rule, as under Sphinx)."""
    return nodes.make_id(name)


def _wrapped(children: Sequence[nodes.Node], classes: Sequence[str], name: str | None,
             data: str | None = None) -> str:
    box = nodes.container(classes=list(dict.fromkeys(classes)))
    if name:
        box["ids"] = [anchor(name)]
    if data:
        box[_DATA] = data
    box.extend(children)
    return render(box)


def papers_html(
    entries: Sequence[Entry],
    columns: Sequence[str] = DEFAULT_COLUMNS,
    *,
    badges: bool = False,
    caption: str | None = None,
    classes: Sequence[str] = (),
    name: str | None = None,
    anchored: Container[str] = (),
    bibtex: Callable[[Entry], str] | None = None,
    language: str = DEFAULT,
) -> str:
    """A paper table inside ``<div class="awesome-papers">``; each row's id is its key.

    The ``<div>``'s ``data-awesome-papers`` attribute holds
    :func:`~awesome_papers.nodes.table_json`, for the browser script. ``anchored`` and
    ``language`` are as for :func:`~awesome_papers.nodes.paper_table`, ``bibtex`` as for
    ``table_json``.
    """
    with collector_paused():
        table = paper_table(entries, columns, badges=badges, caption=caption, classes=classes,
                            anchored=anchored, language=language)
        # colwidths-given stays: the writer reads it (for <col> widths) and does not write it.
        moved = [c for c in table["classes"] if c != "colwidths-given"]
        table["classes"] = ["colwidths-given"]
        return _wrapped([scroll_box(table)], moved, name,
                        table_json(entries, bibtex, language=language))


def references_html(entries: Sequence[Entry], *, classes: Sequence[str] = ()) -> str:
    """A bibliography: one reference line per entry, in the given order."""
    return _wrapped([reference_list(entries)], ["awesome-bibliography", *classes], None)
