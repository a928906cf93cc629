"""Tables: light in the doctree, real nodes only when a page is written.

A table is ~150 nodes a row. Kept in the doctree, every transform of the read phase walks
them (1.1 s in a profile of a 1k-entry page's cold build) and the environment pickles and
loads them again. So the directive leaves the table's shell (classes, caption, name: what
labels and numbering need) with one :class:`awesome_rows` node in place of its body,
holding the entries; when the page is written, :class:`RealRows` puts the core's rows
there (:func:`~awesome_papers.nodes.paper_table`), for every builder alike, so each writer
gets the same nodes as before and the output is the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.utils import new_document
from sphinx.transforms import SphinxSmartQuotes
from sphinx.transforms.post_transforms import SphinxPostTransform

from awesome_papers.nodes import paper_table, table_data

from .bibfile import entry_block
from .browser import scripted

if TYPE_CHECKING:
    from collections.abc import Container, Sequence
    from typing import Any

    from awesome_papers import Entry


#: What smart quotes can change: quotes (and backticks, when configured), and dashes and
#: ellipses written as ``--`` and ``...``.
_EDUCATED = ("'", '"', "`", "--", "...")


class awesome_rows(nodes.General, nodes.Element):
    """A table's body until it is written: ``entries``, ``columns``, ``badges``,
    ``anchored`` (the keys whose row gets no id: an earlier table on the page shows them)
    and ``language`` (of the headers and the browser's words)."""


def light_table(entries: Sequence[Entry], columns: Sequence[str], *, badges: bool,
                caption: str | None, classes: Sequence[str], anchored: Container[str],
                language: str) -> nodes.table:
    """The table's shell from the core, with an :class:`awesome_rows` for its body."""
    table = paper_table((), columns, caption=caption, classes=classes, language=language)
    table[-1] = awesome_rows(entries=tuple(entries), columns=tuple(columns), badges=badges,
                             anchored=tuple(e.key for e in entries if e.key in anchored),
                             language=language)
    return table


class RealRows(SphinxPostTransform):
    """Each :class:`awesome_rows` becomes the core's rows; pages that run the browser
    script also get the table's data block after it.

    After the references are resolved (10), so that walk does not see the rows; before
    the transforms that adapt rows to a builder (50). Star badges are remote images: only
    builders that show those get them, so nothing downloads them for a PDF or an e-book.
    """

    default_priority = 11

    def run(self, **kwargs: Any) -> None:
        builder = self.env._builder_cls  # what SphinxPostTransform itself asks (no app here)
        remote_images = builder.supported_remote_images
        data = scripted(builder)
        for rows in list(self.document.findall(awesome_rows)):
            entries, language = rows["entries"], rows["language"]
            real = paper_table(entries, rows["columns"], badges=rows["badges"] and remote_images,
                               anchored=frozenset(rows["anchored"]), language=language)
            for image in real.findall(nodes.image):  # as Sphinx's image collector marks them
                image["candidates"] = {"?": image["uri"]}
            body = real[-1]
            self.smarten(body)
            box = rows.parent.parent  # the table's scroll box (nodes.scroll_box)
            rows.replace_self(body)
            if data:
                box.parent.insert(box.parent.index(box) + 1,
                                  table_data(entries, language, entry_block))

    def smarten(self, body: nodes.Node) -> None:
        """Sphinx's smart quotes, which it gives all text when a page is read (and the rows
        were not there then): ``Marc'Aurelio`` is written ``Marc’Aurelio`` where it was.

        Only the cells with something to change are walked: the transform costs more than
        making the rows. They are handed over as a document's children but keep their
        parents, so the language of the page around them still applies.
        """
        paragraphs: list[nodes.Node] = [
            paragraph for paragraph in body.findall(nodes.paragraph)
            if any(mark in paragraph.astext() for mark in _EDUCATED)]
        if paragraphs:
            document = new_document("", self.document.settings)
            document.children = paragraphs
            SphinxSmartQuotes(document, None).apply()
            document.children = []
