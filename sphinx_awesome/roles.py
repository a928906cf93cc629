"""``:paper:`key``` and friends: a pending reference the ``paper`` domain resolves at write time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from awesome_papers.query import parse_query, select

from .sources import collection, warn

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message


class PaperRole(SphinxRole):
    """Cite an entry by key or ``arXiv:ID``; ``style`` is ``cite`` (Diao et al. 2025) or
    ``title``. ``:paper:`text <key>``` shows the given text instead."""

    def __init__(self, style: str) -> None:
        self.style = style

    def run(self) -> tuple[list[Node], list[system_message]]:
        explicit, text, ref = split_explicit_title(self.text)
        ref = ref.strip()
        if ref:
            query, _ = parse_query({"keys": ref})
            entries, problems = select(collection(self.config), query)
            for problem in problems:
                warn(problem.message, self.get_location(), problem.code)
        else:
            entries = []
            warn("empty paper reference", self.get_location(), "unknown-key")
        docname = self.env.current_document.docname
        from .domain import paper_domain  # here: the domain module imports this one

        paper_domain(self.env).note_cite(docname, ref, bool(entries))
        xref = addnodes.pending_xref(
            self.rawtext, nodes.inline(text, text, classes=["awesome-cite"]),
            refdomain="paper", reftype=self.style, reftarget=ref, refexplicit=explicit,
            refwarn=False, awesome_text=text,
        )
        self.set_source_info(xref)
        return [xref], []


class BibtexRole(SphinxRole):
    """``:awesome-bibtex:`Download the BibTeX``` links to the .bib in the output folder."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        text = self.text or self.config.awesome_bibtex_file
        xref = addnodes.pending_xref(
            self.rawtext, nodes.inline(text, text, classes=["awesome-bibtex"]),
            refdomain="paper", reftype="bibtex", reftarget="", refwarn=False,
        )
        self.set_source_info(xref)
        return [xref], []
