"""Citations ``[@key]``, ``[@arXiv:2504.13161]``, ``[@a; @b]`` as links, by an inline pattern.

Registered below ``backtick`` and ``escape``, so code spans, code blocks and ``\\[@x]`` never
reach it; the pattern needs the ``[@`` opener, so e-mail addresses never match; and it steps
aside for ``[@handle](url)`` links. Labels come from the core (``Diao et al. 2025``), the
paper's title is the tooltip, and the target is the entry's row (see
:meth:`PageState.href <mkdocs_awesome.page.PageState.href>`).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.inlinepatterns import InlineProcessor
from markdown.util import AtomicString

from awesome_papers.nodes import citation_label
from awesome_papers.query import did_you_mean

if TYPE_CHECKING:
    import re

    from .page import PageState

_REF = r"@[^\s;@\[\]()]+"
CITATION = rf"\[\s*({_REF}(?:\s*;\s*{_REF})*)\s*\](?![(\[:])"
#: Above ``reference`` (170) and ``link`` (160), below ``escape`` (180) and ``backtick`` (190).
PRIORITY = 172


class CitationProcessor(InlineProcessor):
    """Turns a citation into ``(<a title=...>Label</a>; ...)`` inside ``span.awesome-cite``."""

    def __init__(self, page: PageState) -> None:
        super().__init__(CITATION)
        self.page = page

    def _cite(self, ref: str) -> etree.Element:
        entry = self.page.site.collection.get(ref)
        if entry is None:
            keys = (e.key for e in self.page.site.collection.entries)
            self.page.site.warn(self.page.line_of(f"@{ref}"), "unknown-key",
                                f"unknown key {ref!r}{did_you_mean(ref, keys)}")
            element = etree.Element("span", {"class": "awesome-cite-unknown"})
            element.text = AtomicString(f"@{ref}")
            return element
        self.page.cited.setdefault(entry.key, entry)
        href = self.page.href(entry)
        element = etree.Element("a" if href else "span", {"title": entry.title})
        if href:
            element.set("href", href)
        element.text = AtomicString(citation_label(entry))
        return element

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        span = etree.Element("span", {"class": "awesome-cite"})
        span.text = AtomicString("(")
        refs = [ref.strip()[1:] for ref in m[1].split(";")]
        for number, ref in enumerate(refs, 1):
            child = self._cite(ref)
            child.tail = AtomicString(")" if number == len(refs) else "; ")
            span.append(child)
        return span, m.start(0), m.end(0)
