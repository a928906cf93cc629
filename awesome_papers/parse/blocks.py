"""Parse a Markdown awesome list into a :class:`~awesome_papers.model.Collection`.

markdown-it-py (CommonMark plus tables) gives the block structure and source lines;
this module walks headings (sections), lists (items) and tables (rows), hands each
item's segments to :mod:`awesome_papers.shapes`, and accounts for every item: it
becomes an entry or a diagnostic that names its line.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..draft import Draft, Parsed
from ..model import Diagnostic, Section
from ..slugs import SlugCounter, heading_text
from .chunks import chunks
from .fields import venue_tag
from .html_tables import read_html_table
from .labelled import field_records, is_field_list
from .segments import Seg, plain, segments
from .shapes import read_record, split_records
from .tables import read_table


def _as_written(url: str) -> str:
    """Keep link targets as the list writes them: renderers escape them, keys read them."""
    return url


_MD = MarkdownIt("commonmark").enable("table")
_MD.normalizeLink = _as_written  # type: ignore[method-assign]


@dataclass
class RawItem:
    """A list item: its paragraphs as lines of segments, and its nested items."""

    line: int
    end: int
    lines: list[list[Seg]] = field(default_factory=list)
    children: list[RawItem] = field(default_factory=list)


def _lines_of(inline: Token) -> list[list[Seg]]:
    lines: list[list[Seg]] = [[]]
    for seg in segments(inline.children or ()):
        if seg.kind == "break":
            lines.append([])
        else:
            lines[-1].append(seg)
    return [line for line in lines if line]


def _read_list(tokens: list[Token], i: int) -> tuple[list[RawItem], int]:
    """Items of the list opening at ``tokens[i]``; returns the index after its close."""
    close = tokens[i].type.replace("_open", "_close")
    depth = tokens[i].level
    items: list[RawItem] = []
    i += 1
    while i < len(tokens) and not (tokens[i].type == close and tokens[i].level == depth):
        tok = tokens[i]
        if tok.type == "list_item_open":
            start, end = tok.map or (0, 0)
            items.append(RawItem(start + 1, end))
        elif tok.type in ("bullet_list_open", "ordered_list_open") and items:
            children, i = _read_list(tokens, i)
            items[-1].children.extend(children)
            continue
        elif tok.type == "inline" and items:
            items[-1].lines.extend(_lines_of(tok))
        i += 1
    return items, i + 1


def _is_toc(items: Sequence[RawItem]) -> bool:
    """A table of contents: every item (nested too) is one in-page ``#anchor`` link."""
    def anchors(item: RawItem) -> bool:
        links = [s for line in item.lines for s in line if s.kind == "link"]
        texts = plain(s for line in item.lines for s in line if s.kind == "text").strip()
        return (len(links) == 1 and links[0].href.startswith("#") and not texts
                and all(anchors(c) for c in item.children))
    return bool(items) and all(anchors(item) for item in items)


def _child_lines(child: RawItem) -> list[list[Seg]]:
    """A sub-bullet as extra lines of its parent; a bare name list reads as authors."""
    lines = [list(line) for line in child.lines]
    if lines and all(s.kind == "text" for line in lines for s in line):
        text = plain(s for line in lines for s in line).strip()
        if ":" not in text[:20] and ("," in text or " et al" in text or " and " in text):
            return [[Seg("em", text)]]
    for grandchild in child.children:
        lines.extend(_child_lines(grandchild))
    return lines


def _is_group(item: RawItem) -> bool:
    """A plain-text parent bullet (``- Agent Skills``) whose children are the entries."""
    has_link = any(s.kind == "link" for line in item.lines for s in line)
    return bool(item.children) and not has_link and all(
        len(plain(line).split()) <= 6 for line in item.lines)


class _Walker:
    """Walks one document's tokens, keeping the section stack."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.source = text.splitlines()
        self.slugs = SlugCounter()
        self.stack: list[Section] = []
        self.sections: list[Section] = []
        self.drafts: list[tuple[Draft, tuple[str, ...], tuple[str, ...]]] = []
        self.diagnostics: list[Diagnostic] = []
        self.counts: dict[str, int] = {}
        #: A bold venue line (``**CVPR'26**``) heading the lists that follow it.
        self.venue = ""

    def paragraph(self, inline: Token) -> None:
        segs = [s for s in segments(inline.children or ()) if s.kind == "strong" or s.text.strip()]
        probe = Draft()
        is_tag = len(segs) == 1 and segs[0].kind == "strong" and venue_tag(probe, segs[0].text)
        self.venue = segs[0].text.strip() if is_tag else ""

    def heading(self, level: int, inline: Token, line: int) -> None:
        title = heading_text(inline)
        self.venue = ""
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        section = Section(title, self.slugs(title), level, line,
                          self.stack[-1].slug if self.stack else None, self.path)
        self.stack.append(section)
        self.sections.append(section)

    def add(self, drafts: Iterable[Draft]) -> None:
        titles = tuple(s.title for s in self.stack)
        slugs = tuple(s.slug for s in self.stack)
        for draft in drafts:
            self.drafts.append((draft, titles, slugs))
            if self.stack:
                self.counts[self.stack[-1].slug] = self.counts.get(self.stack[-1].slug, 0) + 1

    def item(self, lines: list[list[Seg]], line: int, end: int) -> None:
        if not lines:
            self.note(line, 1, "warning", "unrecognised-item", "empty list item")
            return
        drafts = []
        for n, record in enumerate(split_records(lines)):
            continued = n > 0 and not _starts_with_head(record)
            draft = read_record(record, line, continued=continued)
            if n > 0 and draft.title:  # a split-off entry starts on a line of its own
                draft.line = self.locate(line, end, draft.arxiv or draft.title)[0]
            for problem in draft.problems:
                self.note(*self.locate(line, end, problem.near), problem.severity,
                          problem.code, problem.message)
            if n > 0 and not continued:
                self.note(*self.locate(line, end, draft.title), "warning", "glued-entries",
                          f"a second entry ({draft.title[:40]!r}) runs into this item; "
                          "start it on a line of its own")
            if draft.title and not _has_substance(draft):
                self.note(*self.locate(line, end, ""), "warning", "unrecognised-item",
                          f"{draft.title[:60]!r} has no link, arXiv id, venue or year: "
                          "not read as an entry")
                continue
            if not draft.title:
                code = "no-title" if draft.url or draft.arxiv else "unrecognised-item"
                self.note(*self.locate(line, end, ""), "error" if code == "no-title"
                          else "warning", code,
                          f"no title found in {plain(record[0])[:60].strip()!r}")
                continue
            if self.venue and draft.kind == "paper":
                venue_tag(draft, self.venue)
            drafts.append(draft)
        self.add(drafts)

    def add_draft(self, draft: Draft, line: int, end: int) -> None:
        """An entry read outside a list item (a table row): its problems located in
        ``line..end``, and kept only with a title and something besides it."""
        for problem in draft.problems:
            self.note(*self.locate(line, end, problem.near), problem.severity,
                      problem.code, problem.message)
        if not draft.title:
            code = "no-title" if draft.url or draft.arxiv else "unrecognised-item"
            self.note(*self.locate(line, end, ""), "error" if code == "no-title" else "warning",
                      code, f"no title found in {self.source[line - 1][:60].strip()!r}")
        elif not _has_substance(draft):
            self.note(*self.locate(line, end, ""), "warning", "unrecognised-item",
                      f"{draft.title[:60]!r} has no link, arXiv id, venue or year: "
                      "not read as an entry")
        else:
            if self.venue and draft.kind == "paper":
                venue_tag(draft, self.venue)
            self.add([draft])

    def locate(self, line: int, end: int, near: str) -> tuple[int, int]:
        """Line and 1-based column of ``near`` in the item's source, else of the item."""
        for number in range(line, max(end, line) + 1):
            text = self.source[number - 1] if number <= len(self.source) else ""
            if near and near in text:
                return number, text.index(near) + 1
        text = self.source[line - 1] if line <= len(self.source) else ""
        return line, len(text) - len(text.lstrip()) + 1

    def note(self, line: int, column: int, severity: str, code: str, message: str) -> None:
        """Record a diagnostic at ``path:line:column``."""
        self.diagnostics.append(
            Diagnostic(self.path, line, column, severity, code, message))  # type: ignore[arg-type]

    def walk_list(self, items: list[RawItem]) -> None:
        if _is_toc(items):
            return
        if is_field_list(items):
            for lines, first, last in field_records(items):
                self.item(lines, first, last)
            return
        for raw in items:
            if _is_group(raw):
                self.walk_list(raw.children)
                continue
            lines = list(raw.lines)
            for child in raw.children:
                lines.extend(_child_lines(child))
            self.item(lines, raw.line, raw.end)


def _has_substance(draft: Draft) -> bool:
    """Something besides a title: prose bullets and news lines have nothing else.

    Authors alone do not count: in real lists, a title with an "author list" and no link,
    id, venue or year is a prose line with an *emphasised* phrase. A link dropped as
    unsafe counts: the entry stays, as text, beside its diagnostic.
    """
    return bool(draft.url or draft.arxiv or draft.pdf or draft.venue
                or draft.code or draft.links or draft.year
                or any(p.code == "unsafe-link" for p in draft.problems))


def _starts_with_head(record: list[list[Seg]]) -> bool:
    first = [s for s in record[0] if not (s.kind == "text" and not s.text.strip(" 🌟"))]
    return bool(first) and first[0].kind in ("strong", "link")


def read_list(text: str, path: str) -> Parsed:
    """Drafts, sections and diagnostics of one list, keys not yet assigned."""
    walker = _Walker(path, text)
    for offset, chunk in chunks(text):
        _walk(_MD.parse(chunk), offset, walker)
    for section in walker.sections:
        has_sub = any(s.parent == section.slug for s in walker.sections)
        if not walker.counts.get(section.slug) and not has_sub:
            walker.note(section.line, 1, "info", "empty-section",
                        f"section {section.title!r} has no entries")
    return Parsed(path, walker.drafts, walker.sections, walker.diagnostics)


def _walk(tokens: list[Token], offset: int, walker: _Walker) -> None:
    """Hand one chunk's headings, lists, tables and venue lines to the walker."""
    if offset:
        for tok in tokens:
            if tok.map:
                tok.map = [tok.map[0] + offset, tok.map[1] + offset]
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            walker.heading(int(tok.tag[1:]), tokens[i + 1], (tok.map or (0, 0))[0] + 1)
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            items, i = _read_list(tokens, i)
            walker.walk_list(items)
        elif tok.type == "table_open":
            i = read_table(tokens, i, walker)
        elif tok.type == "html_block" and "<table" in tok.content.lower():
            i = read_html_table(tokens, i, walker)
        elif tok.type == "paragraph_open" and tok.level == 0:
            walker.paragraph(tokens[i + 1])
            i += 3
        else:
            i += 1
