"""Write-time work: fill bibliographies, and adapt tables to builders that need it.

What only some builders need (LaTeX labels for row anchors, unique row ids in one joined
page) happens here, after :mod:`.tables` has made the rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from awesome_papers.nodes import reference_list

from .directive import awesome_bibliography
from .domain import paper_domain
from .sources import collection

if TYPE_CHECKING:
    from typing import Any

    from awesome_papers import Entry


class FillBibliography(SphinxPostTransform):
    """Replace each ``awesome-bibliography`` with the entries its page cites, current as of
    this build (so a list change updates it without re-reading the page)."""

    default_priority = 5

    def run(self, **kwargs: Any) -> None:
        cites = paper_domain(self.env).data["cites"]
        coll = collection(self.config)
        for node in list(self.document.findall(awesome_bibliography)):
            entries: dict[str, Entry] = {}
            for ref in cites.get(node["docname"], {}):
                entry = coll.get(ref)
                if entry is not None:
                    entries.setdefault(entry.key, entry)
            if not entries:
                node.parent.remove(node)
                continue
            node.replace_self(reference_list(list(entries.values()), node["classes"]))


class LatexRowAnchors(SphinxPostTransform):
    """LaTeX writes no label for a table row's id: put a target in the row's first cell so
    citations can link to it, and draw the highlight star as math, which every engine has."""

    default_priority = 50
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        for table in self.document.findall(nodes.table):
            if "awesome-papers" not in table["classes"]:
                continue
            for row in table.findall(nodes.row):
                paragraphs = list(row.findall(nodes.paragraph))
                if row["ids"] and paragraphs:
                    paragraphs[0].insert(0, nodes.target("", "", ids=list(row["ids"])))
            for star in list(table.findall(nodes.inline)):
                if "awesome-star" in star["classes"]:
                    star.replace_self([nodes.math("\\star", "\\star"), nodes.Text(" ")])


class SingleHtmlRowIds(SphinxPostTransform):
    """singlehtml joins every page into one: a row id stays on the entry's first row only,
    as within a page, so ids stay unique and ``#key`` goes to the first table showing it."""

    default_priority = 50
    builders = ("singlehtml",)

    def run(self, **kwargs: Any) -> None:
        seen: set[str] = set()
        for row in self.document.findall(nodes.row):
            if "awesome-row" in row["classes"] and row["ids"]:
                row["ids"] = [i for i in row["ids"] if i not in seen]
                seen.update(row["ids"])
