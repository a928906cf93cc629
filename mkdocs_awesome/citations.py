"""Citations as links: MyST's roles ``{paper}`key```, ``{paper:t}``, ``{paper:p}``,
``{paper:title}``, and Pandoc's ``[@key]`` / ``[@a; @b]`` (the parenthetical form).

``[@...]`` is an inline pattern registered below ``backtick`` and ``escape``, so code
spans, code blocks and ``\\[@x]`` never reach it; the pattern needs the ``[@`` opener, so
e-mail addresses never match; and it steps aside for ``[@handle](url)`` links.

A role is Markdown text ``{paper:t}`` followed by a code span, so a tree processor finds
it after the inline patterns have made the code span a ``<code>`` element: whatever is code
to Markdown (``\\{paper}``, a role inside a longer code span, code blocks) stays as
written, and other extensions that replace the backtick pattern keep working. A ``{name}``
before a code span that is no citation role is a warning: MkDocs would print it as text.
``{paper:x}`` is also cited in the plain form, as the Sphinx extension does.

Labels, forms and separators come from :mod:`awesome_papers.citations`, as under Sphinx;
the paper's title is the tooltip, and the target is the entry's row (see
:meth:`PageState.href <mkdocs_awesome.page.PageState.href>`).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER_RE, AtomicString

from awesome_papers.citations import (
    BRACKETED,
    ROLES,
    SEPARATOR,
    bracketed_refs,
    enclosure,
    label,
    split_refs,
    unknown_key,
    unknown_role,
)

if TYPE_CHECKING:
    from markdown import Markdown

    from awesome_papers.citations import Form

    from .page import PageState

#: Above ``reference`` (170) and ``link`` (160), below ``escape`` (180) and ``backtick`` (190).
PRIORITY = 172
#: After ``inline`` (20) has made code spans, before ``unescape`` (0) restores ``\\{``.
ROLE_PRIORITY = 15
#: The element ``[@a; @b]`` becomes until the tree processor makes it a citation.
_PENDING = "awesome-bracketed-citation"
#: ``{name}`` at the end of the text before a code span; a name is short and has no space.
_ROLE = re.compile(r"\{([^{}\s`]{1,40})\}")


def citation(page: PageState, form: Form, refs: list[str], line_hint: str,
             text: str | None = None) -> etree.Element:
    """``span.awesome-cite`` with one link per entry between the form's punctuation.

    ``text`` replaces the label of a single key; unknown keys are warned about (at the
    first line holding ``line_hint``) and shown as written.
    """
    span = etree.Element("span", {"class": f"awesome-cite awesome-cite-{form}"})
    opening, closing = enclosure(form)
    span.text = AtomicString(opening)
    line = page.line_of(line_hint)
    if not refs:
        page.site.warn(line, "unknown-key", "empty paper reference")
    elif text is not None and len(refs) > 1:
        page.site.warn(line, "bad-option",
                       f"a citation with its own text cites one key, not {len(refs)}")
        text = None
    child: etree.Element | None = None
    for ref in refs:
        if child is not None:
            child.tail = AtomicString(SEPARATOR)
        child = _link(page, form, ref, text, line)
        span.append(child)
    if child is None:
        span.text = AtomicString(opening + closing)
    else:
        child.tail = AtomicString(closing)
    return span


def _link(page: PageState, form: Form, ref: str, text: str | None,
          line: int | None) -> etree.Element:
    """One entry's label linked to its row, else to the paper; an unknown key as written."""
    entry = page.site.collection.get(ref)
    if entry is None:
        page.site.warn(line, "unknown-key",
                       unknown_key(ref, (e.key for e in page.site.collection.entries)))
        element = etree.Element("span", {"class": "awesome-cite-unknown"})
        element.text = AtomicString(ref if text is None else text)
        return element
    page.cited.setdefault(entry.key, entry)
    href = page.href(entry)
    element = etree.Element("a" if href else "span", {"title": entry.title})
    if href:
        element.set("href", href)
    element.text = AtomicString(label(entry, form) if text is None else text)
    return element


def _explicit(content: str) -> tuple[str | None, str]:
    """``text <key>`` -> ``("text", "key")``, a label of one's own as in Sphinx roles;
    ``key`` -> ``(None, "key")``."""
    content = content.strip()
    start = content.rfind("<")
    if content.endswith(">") and start > 0 and content[:start].strip():
        return content[:start].strip(), content[start + 1:-1]
    return None, content


class CitationProcessor(InlineProcessor):
    """``[@a; @b]`` -> a placeholder the tree processor makes the parenthetical citation,
    in page order with the roles (the bibliography lists entries in first-cited order)."""

    def __init__(self) -> None:
        super().__init__(BRACKETED.pattern)

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        return etree.Element(_PENDING, {"refs": ";".join(bracketed_refs(m))}), m.start(0), m.end(0)


class RoleTreeprocessor(Treeprocessor):
    """``{paper:t}`` right before a ``<code>`` element, and each ``[@a; @b]`` placeholder,
    -> the citation, in page order."""

    def __init__(self, md: Markdown, page: PageState) -> None:
        super().__init__(md)
        self.page = page

    def run(self, root: etree.Element) -> None:
        """Depth first, without recursion (pages can nest deeply): one frame per open
        element, holding its children, the next index and the previous sibling."""
        frames: list[tuple[etree.Element, list[etree.Element], list[int],
                           list[etree.Element | None]]] = [(root, list(root), [0], [None])]
        while frames:
            parent, children, index, previous = frames[-1]
            if index[0] == len(children):
                frames.pop()
                continue
            child = children[index[0]]
            if child.tag == _PENDING:
                refs = child.get("refs", "").split(";")
                cite = citation(self.page, "p", refs, f"@{refs[0]}")
                cite.tail = child.tail
                parent[index[0]] = child = cite
            elif child.tag == "code" and parent.tag != "pre" and child.text is not None:
                child = self._role(parent, previous[0], child, index[0])
            else:
                frames.append((child, list(child), [0], [None]))
            index[0] += 1
            previous[0] = child

    def _code_text(self, text: str) -> str:
        """The code span as written; ``pymdownx.inlinehilite`` stashes it as escaped HTML."""
        stashed = HTML_PLACEHOLDER_RE.fullmatch(text)
        if stashed:
            blocks = self.md.htmlStash.rawHtmlBlocks
            index = int(stashed[1])
            raw = blocks[index] if index < len(blocks) else ""
            text = raw if isinstance(raw, str) and "<" not in raw else text
        return html.unescape(text)

    def _role(self, parent: etree.Element, previous: etree.Element | None,
              code: etree.Element, index: int) -> etree.Element:
        """The citation that replaced ``code`` (``parent[index]``), or ``code`` when no role
        precedes it."""
        before = (parent.text if previous is None else previous.tail) or ""
        tail = before[-42:]
        start = tail.rfind("{")
        match = _ROLE.fullmatch(tail, start) if start >= 0 else None
        if match is None:
            return code
        name, content = match[1], self._code_text(code.text or "")
        hint = f"{{{name}}}`"
        if name not in ROLES:
            self.page.site.warn(self.page.line_of(hint), "unknown-role", unknown_role(name))
            if not name.startswith("paper:"):
                return code  # another engine's role: left as MkDocs prints it
        text, target = _explicit(content)
        cite = citation(self.page, ROLES.get(name, "cite"), split_refs(target),
                        f"{hint}{content}" if content else hint, text)
        cite.tail = code.tail
        kept = before[:len(before) - len(tail) + start]
        if previous is None:
            parent.text = kept
        else:
            previous.tail = kept
        parent[index] = cite
        return cite
