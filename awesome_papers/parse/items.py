"""List items as the walker reads them: each item's lines of segments and its nested
items; which lists are tables of contents, group labels or navigation; and what a
sub-bullet adds to its parent (authors, links, labelled notes)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it.token import Token

from .authors import person_names
from .labelled import Notes, bare_urls, label_field, links_in, read_label
from .segments import Seg, plain, segments

#: Labels of a paper's own links, in ``- Paper: https://…`` bullets.
_PAPER_FIELDS = ("paper", "pdf", "arxiv", "code", "github")


#: markdown-it's container depth limit (CommonMark preset: 20, a list ten deep); deeper
#: lines are read as a flat list (see :func:`awesome_papers.parse.blocks._recover`).
MAX_NESTING = 100


@dataclass
class RawItem:
    """A list item: its paragraphs as lines of segments, and its nested items."""

    line: int
    end: int
    lines: list[list[Seg]] = field(default_factory=list)
    children: list[RawItem] = field(default_factory=list)
    #: Opened at markdown-it's nesting limit: its lines are read by :func:`_recover`.
    cut: bool = False


def lines_of(inline: Token) -> list[list[Seg]]:
    lines: list[list[Seg]] = [[]]
    for seg in segments(inline.children or ()):
        if seg.kind == "break":
            lines.append([])
        else:
            lines[-1].append(seg)
    return [line for line in lines if line]


def read_items(tokens: list[Token], i: int) -> tuple[list[RawItem], int]:
    """Items of the list opening at ``tokens[i]``; returns the index after its close."""
    close = tokens[i].type.replace("_open", "_close")
    depth = tokens[i].level
    items: list[RawItem] = []
    i += 1
    while i < len(tokens) and not (tokens[i].type == close and tokens[i].level == depth):
        tok = tokens[i]
        if tok.type == "list_item_open":
            start, end = tok.map or (0, 0)
            items.append(RawItem(start + 1, end, cut=tok.level >= MAX_NESTING - 1))
        elif tok.type in ("bullet_list_open", "ordered_list_open") and items:
            children, i = read_items(tokens, i)
            items[-1].children.extend(children)
            continue
        elif tok.type == "inline" and items:
            items[-1].lines.extend(lines_of(tok))
        i += 1
    return items, i + 1


def is_toc(items: Sequence[RawItem]) -> bool:
    """A table of contents: every item (nested too) is one in-page ``#anchor`` link."""
    def anchors(item: RawItem) -> bool:
        links = [s for line in item.lines for s in line if s.kind == "link"]
        texts = plain(s for line in item.lines for s in line if s.kind == "text").strip()
        return (len(links) == 1 and links[0].href.startswith("#") and not texts
                and all(anchors(c) for c in item.children))
    return bool(items) and all(anchors(item) for item in items)


def child_lines(child: RawItem, notes: Notes) -> list[list[Seg]]:
    """A sub-bullet as extra lines of its parent.

    A bare name list reads as authors; ``- Code: https://…`` or a bare URL as a link;
    ``- 📅 Date: …``, ``- 📑 Publisher: …``, ``- 📖 TLDR: …`` as ``notes``; other labelled
    notes (``- 🔑 Key: …``, ``- **Significance**: …``) are read and kept out of the fields.
    """
    lines = [list(line) for line in child.lines]
    found = label_field(lines[0]) if lines else None
    if found is not None:
        label, written, value = found
        rest = [s for line in lines[1:] for s in (Seg("text", " "), *line)]
        segs, got = read_label(label, written, [*value, *rest])
        notes.add(got)
        lines = [segs]
    elif lines and all(s.kind == "text" for line in lines for s in line):
        text = plain(s for line in lines for s in line).strip()
        if bare_urls(text):
            lines = [links_in([Seg("text", text)])]
        elif ":" not in text[:20] and (
                "," in text or " et al" in text or " and " in text or person_names(text)):
            lines = [[Seg("em", text)]]  # "- Jian Hu" under a linked title: its author
    for grandchild in child.children:
        lines.extend(child_lines(grandchild, notes))
    return [line for line in lines if line]


def is_field(item: RawItem) -> bool:
    """``- Paper: https://…``, ``- 📅 Date: …``, or a bare URL: a field of an entry."""
    if not item.lines:
        return False
    first = item.lines[0]
    return label_field(first) is not None or (
        all(s.kind == "text" for s in first) and bool(bare_urls(plain(first))))


def orphan_fields(items: list[RawItem]) -> bool:
    """``- Paper: https://…`` / ``- Code: …`` bullets whose title paragraph is missing."""
    fields = [label_field(raw.lines[0]) if raw.lines else None for raw in items]
    return all(fields) and any(
        f[0] in _PAPER_FIELDS and bare_urls(plain(f[2])) for f in fields if f)


def is_group(item: RawItem) -> bool:
    """A plain-text parent bullet (``- Agent Skills``) whose children are the entries.

    Not a title whose children are its fields (``- **Title**`` over ``- Paper: …``).
    """
    has_link = any(s.kind == "link" for line in item.lines for s in line)
    return bool(item.children) and not has_link and all(
        len(plain(line).split()) <= 6 for line in item.lines) and not all(
        is_field(child) for child in item.children)


def is_nav(item: RawItem) -> bool:
    """A table-of-contents line: links only to ``#anchors`` (``./#anchor``), text allowed."""
    links = [s.href for line in item.lines for s in line if s.kind == "link"]
    return bool(links) and all(h.startswith(("#", "./#")) for h in links)


def group_title(item: RawItem) -> str:
    text = plain(s for line in item.lines for s in line if s.kind != "html")
    return " ".join(text.split()).strip(" *:：")
