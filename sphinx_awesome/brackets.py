"""``[@key]`` and ``[@a; @b]`` in MyST pages: the MkDocs spelling of ``{paper:p}``.

MyST leaves ``[@key]`` as text (no link, no reference definition), so a read-time
transform finds it in the page's text nodes and puts the same citation node there as the
``paper:p`` role would. Text the page shows as code, math, raw markup, links or a table
of papers (whose text comes from the list, not the page) is left alone, and so is an
escaped ``\\[@key]``: MyST drops the backslash from the text, but keeps it in each
paragraph's raw Markdown, which is checked. reStructuredText pages keep ``[@key]`` as
text: they have roles.
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from awesome_papers.citations import BRACKETED, bracketed_refs

from .domain import paper_domain
from .roles import citation_node

if TYPE_CHECKING:
    import re
    from collections.abc import Iterator

_VERBATIM = (nodes.FixedTextElement, nodes.literal, nodes.raw, nodes.math, nodes.comment,
             nodes.reference, nodes.target, addnodes.pending_xref)


def _is_prose(text: nodes.Text) -> bool:
    """Whether the page's author wrote ``text`` as prose (not code, a link or list data)."""
    parent = text.parent
    while parent is not None:
        if isinstance(parent, _VERBATIM) or "awesome-papers" in parent.get("classes", ()):
            return False
        parent = parent.parent
    return True


def _owner(text: nodes.Text) -> nodes.Element | None:
    """The block holding ``text`` (a paragraph), if it keeps its Markdown (MyST headings
    do not)."""
    parent: nodes.Element | None = text.parent
    while isinstance(parent, nodes.Inline):
        parent = parent.parent
    return parent if parent is not None and parent.rawsource else None


def _escapes(raw: str) -> dict[str, deque[bool]]:
    """For each citation text in ``raw``, whether each of its occurrences is escaped."""
    found: dict[str, deque[bool]] = {}
    for match in BRACKETED.finditer(raw):
        before = match.start()
        while before and raw[before - 1] == "\\":
            before -= 1
        found.setdefault(match[0], deque()).append((match.start() - before) % 2 == 1)
    return found


def _line(text: nodes.Text) -> int | None:
    """The line of the nearest enclosing element that knows its line."""
    parent = text.parent
    while parent is not None and parent.line is None:
        parent = parent.parent
    return None if parent is None else parent.line


class BracketedCitations(SphinxTransform):
    """``[@a; @b]`` in the text of a Markdown page -> a parenthetical citation."""

    default_priority = 400  # before smart quotes (750) change the text

    def _citations(self) -> Iterator[tuple[nodes.Text, list[re.Match[str]]]]:
        """Each prose text with its unescaped citations. Every text (code too) consumes its
        matches' occurrences in the paragraph's Markdown, in order, to learn which are
        escaped."""
        escapes: dict[int, dict[str, deque[bool]]] = {}
        for text in list(self.document.findall(nodes.Text)):
            if "[@" not in text:
                continue
            owner = _owner(text)
            if owner is not None and id(owner) not in escapes:
                escapes[id(owner)] = _escapes(owner.rawsource)
            flags = escapes.get(id(owner), {})
            matches = [m for m in BRACKETED.finditer(text)
                       if not (flags.get(m[0]) and flags[m[0]].popleft())]
            if matches and _is_prose(text):
                yield text, matches

    def apply(self, **kwargs: Any) -> None:
        suffix = self.env.doc2path(self.env.docname).suffix
        if self.config.source_suffix.get(suffix) != "markdown":
            return
        found = False
        for text, matches in self._citations():
            found = True
            value = str(text)
            parts: list[nodes.Node] = []
            position = 0
            for match in matches:
                if match.start() > position:
                    parts.append(nodes.Text(value[position:match.start()]))
                location = (self.env.docname, _line(text))
                parts.append(citation_node(self.env, "p", bracketed_refs(match), location,
                                           match[0]))
                position = match.end()
            if position < len(value):
                parts.append(nodes.Text(value[position:]))
            text.parent.replace(text, parts)
        if found:
            self._cites_in_page_order()

    def _cites_in_page_order(self) -> None:
        """Roles noted their keys while the page was parsed, before this transform: put
        the keys back in page order, the order the page's bibliography lists them in."""
        cites = paper_domain(self.env).data["cites"]
        noted = cites.get(self.env.docname, {})
        order = [xref["reftarget"] for xref in self.document.findall(addnodes.pending_xref)
                 if xref.get("refdomain") == "paper" and xref["reftarget"] in noted]
        cites[self.env.docname] = {ref: noted[ref] for ref in [*order, *noted]}
