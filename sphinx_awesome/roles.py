"""``{paper}`key```, ``{paper:t}``, ``{paper:p}``, ``{paper:title}``: pending references the
``paper`` domain resolves at write time.

A citation is an ``inline.awesome-cite`` holding one ``pending_xref`` per key, with the
form's parentheses and separators (from :mod:`awesome_papers.citations`) between them as
text, the same text the MkDocs extension writes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from awesome_papers.citations import SEPARATOR, enclosure, split_refs, unknown_key, unknown_role

from .sources import collection, warn

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message
    from sphinx.environment import BuildEnvironment

    from awesome_papers.citations import Form


def citation_node(env: BuildEnvironment, form: Form, refs: list[str],
                  location: str | tuple[str | None, int | None], rawtext: str,
                  text: str | None = None) -> nodes.inline:
    """The citation of ``refs`` in ``form`` (``cite``, ``t``, ``p`` or ``title``).

    ``text`` replaces the label of a single key. Unknown keys are warned about here, at
    read time, with ``location``, and shown as written.
    """
    from .domain import paper_domain  # here: the domain module imports this one

    coll = collection(env.config)
    domain = paper_domain(env)
    cite = nodes.inline(rawtext, classes=["awesome-cite", f"awesome-cite-{form}"])
    opening, closing = enclosure(form)
    if opening:
        cite += nodes.Text(opening)
    if not refs:
        warn("empty paper reference", location, "unknown-key")
    elif text is not None and len(refs) > 1:
        warn(f"a citation with its own text cites one key, not {len(refs)}", location,
             "bad-option")
        text = None
    for number, ref in enumerate(refs):
        if number:
            cite += nodes.Text(SEPARATOR)
        entry = coll.get(ref)
        if entry is None:
            warn(unknown_key(ref, (e.key for e in coll.entries)), location, "unknown-key")
        domain.note_cite(env.current_document.docname, ref, entry is not None)
        shown = ref if text is None else text
        cite += addnodes.pending_xref(
            rawtext, nodes.inline(shown, shown, classes=["awesome-cite-unknown"]),
            refdomain="paper", reftype=form, reftarget=ref, refexplicit=text is not None,
            refwarn=False, awesome_text=shown,
        )
    if closing:
        cite += nodes.Text(closing)
    return cite


class PaperRole(SphinxRole):
    """Cite entries by key or ``arXiv:ID``, several separated by ``;``, in one ``form``.
    ``{paper}`text <key>``` shows the given text instead of the label."""

    def __init__(self, form: Form, name: str = "") -> None:
        self.form = form
        #: A role name the domain does not know: warned about, cited in the plain form.
        self.unknown = name

    def run(self) -> tuple[list[Node], list[system_message]]:
        if self.unknown:
            warn(unknown_role(self.unknown), self.get_location(), "unknown-role")
        explicit, text, target = split_explicit_title(self.text)
        node = citation_node(self.env, self.form, split_refs(target), self.get_location(),
                             self.rawtext, text if explicit else None)
        for xref in node.findall(addnodes.pending_xref):
            self.set_source_info(xref)
        return [node], []


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
