"""A list's own prose as HTML: its introduction, or the text under a section's heading.

A site shows the text the list's author wrote before the first section (badges, a table
of contents, a paragraph on scope) and the lines between a heading and its first entry.
Both are read from the list file when the page is built, so an edit to the list shows on
the next build, and rendered with markdown-it, the parser's own reading of Markdown, so
every item of a long list shows.

The text is untrusted: raw HTML is left out, images show as their alt text (no request to
a badge server at page view), and a link is kept only when it goes to http(s), mailto or
a ``#fragment``; other links (``javascript:``, a file of the list's repository) become
their text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml

from .files import read_list
from .parse.blocks import without_front_matter
from .parse.items import MAX_NESTING
from .query import QueryProblem, did_you_mean, is_source, matching_sections, section_name
from .urls import is_safe

if TYPE_CHECKING:
    from markdown_it.renderer import RendererHTML
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token
    from markdown_it.utils import OptionsDict

    from .model import Collection, Section

_UNDERLINE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_KEPT_SCHEMES = ("http://", "https://", "mailto:", "#")
#: The options of ``awesome-intro``.
INTRO_OPTIONS = ("section", "source")


def root_section(collection: Collection, source: str) -> Section | None:
    """The list's title heading: the first heading, when it is the only one at the top
    level (``# Awesome X`` with everything under it) and has no entries of its own."""
    sections = [s for s in collection.sections if s.source == source]
    if not sections:
        return None
    top = min(s.level for s in sections)
    tops = [s for s in sections if s.level == top]
    if len(tops) != 1 or tops[0] is not sections[0]:
        return None
    own = any(e.source == source and e.section_slugs[-1:] == (tops[0].slug,)
              for e in collection.entries)
    return None if own else tops[0]


def _own_text(lines: Sequence[str], collection: Collection, section: Section) -> list[str]:
    """The lines after ``section``'s heading, up to its next heading or first own entry."""
    ends = [s.line for s in collection.sections
            if s.source == section.source and s.line > section.line]
    ends += [e.line for e in collection.entries
             if e.source == section.source and e.section_slugs[-1:] == (section.slug,)]
    start = section.line  # 0-based index of the line after the heading
    if start < len(lines) and _UNDERLINE.match(lines[start]) and start > 0:
        start += 1  # a setext heading's underline
    return _without_table_head(list(lines[start:min(ends, default=len(lines) + 1) - 1]))


def _without_table_head(lines: list[str]) -> list[str]:
    """Cut at a table's header row: a section's tables hold its entries, not its prose."""
    for n in range(1, len(lines)):
        rule = lines[n].strip()
        if "-" in rule and "|" in rule and not rule.strip("|:- \t") and "|" in lines[n - 1]:
            return lines[:n - 1]
    return lines


def intro_markdown(collection: Collection, source: str, section: Section | None = None) -> str:
    """The Markdown of a section's own text, or (``section=None``) of the list's
    introduction: what precedes its first heading, and the title heading's own text."""
    lines = without_front_matter(read_list(source)).split("\n")
    if section is not None:
        return "\n".join(_own_text(lines, collection, section))
    first = next((s for s in collection.sections if s.source == source), None)
    head = lines if first is None else lines[:first.line - 1]
    root = root_section(collection, source)
    body = _own_text(lines, collection, root) if root else []
    return "\n".join([*head, "", *body]).strip("\n")


def _unlink(state: StateCore) -> None:
    """Turn links to anything but http(s), mailto or a fragment into their text."""
    for block in state.tokens:
        if not block.children:
            continue
        dropped: list[bool] = []
        kept: list[Token] = []
        for token in block.children:
            if token.type == "link_open":
                href = str(token.attrGet("href") or "")
                dropped.append(not (href.startswith(_KEPT_SCHEMES) and is_safe(href)))
                if dropped[-1]:
                    continue
            elif token.type == "link_close" and dropped and dropped.pop():
                continue
            kept.append(token)
        block.children = kept


def _nothing(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict,
             env: Any) -> str:
    return ""


def _alt_text(self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict,
              env: Any) -> str:
    return escapeHtml(self.renderInlineAsText(tokens[idx].children or [], options, env))


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING, "html": True}).enable("table")
    md.validateLink = is_safe  # type: ignore[method-assign]
    md.core.ruler.push("awesome_unlink", _unlink)
    for rule in ("html_block", "html_inline"):
        md.add_render_rule(rule, _nothing)
    md.add_render_rule("image", _alt_text)
    return md


_MD = _renderer()


def intro_html(markdown: str) -> str:
    """Safe HTML of a list's prose, in ``<div class="awesome-intro">``; empty for none."""
    body = _MD.render(markdown).strip()
    return f'<div class="awesome-intro">\n{body}\n</div>\n' if body else ""


def intro_for(collection: Collection, options: Mapping[str, str | None],
              ) -> tuple[str, list[QueryProblem]]:
    """The HTML an ``awesome-intro`` directive or block shows, and its bad options.

    ``source`` picks a list (default: the first), ``section`` one of its sections (by
    slug or heading, as tables name them; default: the list's introduction).
    """
    problems = [QueryProblem("bad-option", name, value or "",
                             f"unknown option {name!r}{did_you_mean(name, INTRO_OPTIONS)}")
                for name, value in options.items() if name not in INTRO_OPTIONS]
    wanted = (options.get("source") or "").strip()
    sources = [p for p in collection.sources if not wanted or is_source(p, wanted)]
    if not sources:
        if wanted:
            problems.append(QueryProblem("unknown-source", "source", wanted,
                                         f"unknown source {wanted!r}"
                                         f"{did_you_mean(wanted, collection.sources)}"))
        return "", problems
    name = (options.get("section") or "").strip()
    if not name:
        return intro_html(intro_markdown(collection, sources[0])), problems
    found = [s for s in matching_sections(collection.sections, name) if s.source in sources]
    if not found:
        names = (section_name(s) for s in collection.sections if s.source in sources)
        problems.append(QueryProblem("unknown-section", "section", name,
                                     f"unknown section {name!r}"
                                     f"{did_you_mean(name, (n for n in names if n))}"))
        return "", problems
    return intro_html(intro_markdown(collection, found[0].source, found[0])), problems
