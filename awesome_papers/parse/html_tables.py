"""HTML in tables, read through BeautifulSoup: cells with ``<br>``, ``<a href>``, ``<img>``,
``<details>``, ``<sub>``, and whole ``<table>`` blocks.

A Markdown cell that holds raw HTML is rendered to HTML (markdown-it) and the whole cell
parsed once, so ``**Title**<br><sub>summary</sub>`` reads as the segments the entry
readers know: a bold run, a break, text. Cells without HTML never come here.
"""

from __future__ import annotations

from typing import Protocol

from bs4 import BeautifulSoup, Comment, Tag
from bs4.element import NavigableString
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .columns import map_columns
from .draft import Draft, Problem
from .rows import Cell, Row, read_rows
from .segments import Seg, segments
from .shapes.item import recover_unsafe

_MD = MarkdownIt("commonmark")
#: Tags that start a line of their own, as a browser lays them out.
_BLOCKS = frozenset(("p", "div", "li", "ul", "ol", "tr", "table", "blockquote", "hr",
                     "h1", "h2", "h3", "h4", "h5", "h6", "center", "section"))
_SKIP = frozenset(("script", "style", "template", "head", "title"))
#: Tags whose meaning is more than layout: a cell holding one is read through the soup.
_CONTENT = frozenset(("a", "img", "details", "summary", "b", "strong", "i", "em", "code",
                      "table", "tr", "td", "th", *_SKIP))
#: Tags after which a cell's text goes on on a new line.
_BREAKS = _BLOCKS | {"br"}
#: ``<summary>`` words that only say the details can be opened.
_DETAILS_LABELS = frozenset(("abstract", "summary", "tl;dr", "tldr", "details", "more",
                             "show more", "click to expand", "expand", "bibtex", "摘要"))
#: Deeper nesting is read as plain text: hostile input cannot exhaust the stack.
_MAX_DEPTH = 40


class _Rows(Protocol):
    source: list[str]

    def add_draft(self, draft: Draft, line: int, end: int) -> None: ...

    def note(self, line: int, column: int, severity: str, code: str,
             message: str) -> None: ...

    def locate(self, line: int, end: int, near: str) -> tuple[int, int]: ...


def cell_segments(inline: Token) -> tuple[list[Seg], list[Problem]]:
    """A Markdown table cell's segments; through BeautifulSoup when its HTML says more
    than where lines break (a link, an image, bold, ``<details>``)."""
    children = inline.children or []
    if _needs_soup(children):
        html: str = _MD.renderer.render(children, _MD.options, {})  # the inline run alone
        return _read(BeautifulSoup(html, "html.parser"))
    segs: list[Seg] = []
    for seg in segments(children):
        if seg.kind != "html":
            segs.append(seg)
        elif _tag_name(seg.text) in _BREAKS:
            segs.append(Seg("break"))
    return recover_unsafe(segs)


def _needs_soup(children: list[Token]) -> bool:
    """HTML that carries content, or any HTML inside a link or emphasis (``M<sup>3</sup>``).

    Layout tags alone (``<br>``, ``<span>``, ``<sub>``, ``<div>``) only break lines or
    style text: the cell is read without parsing its HTML, which keeps tables of
    thousands of ``<br>`` rows as fast as plain ones.
    """
    inside = 0
    for child in children:
        if child.type in ("link_open", "strong_open", "em_open"):
            inside += 1
        elif child.type in ("link_close", "strong_close", "em_close"):
            inside -= 1
        elif child.type == "html_inline" and (inside or _tag_name(child.content) in _CONTENT):
            return True
    return False


def _tag_name(html: str) -> str:
    """``br`` of ``<br/>``, ``sub`` of ``</sub>``, ``!--`` of a comment."""
    name = html.lstrip("<").lstrip("/").lstrip()
    end = next((k for k, c in enumerate(name) if c in " \t\n/>"), len(name))
    return name[:end].lower()


def _read(node: Tag) -> tuple[list[Seg], list[Problem]]:
    """Segments of a parsed fragment, and the unsafe links dropped from it (``<a
    href="javascript:…">``, and Markdown left as text inside HTML)."""
    reader = _Reader()
    reader.walk(node, "", 0)
    return recover_unsafe(reader.out)


class _Reader:
    """Walks a parsed fragment into segments, with the style (bold, italic) in force."""

    def __init__(self) -> None:
        self.out: list[Seg] = []

    def add(self, kind: str, text: str) -> None:
        if self.out and self.out[-1].kind == kind and kind in ("text", "strong", "em", "code"):
            self.out[-1].text += text
        elif text:
            self.out.append(Seg(kind, text))

    def brk(self) -> None:
        if self.out and self.out[-1].kind != "break":
            self.out.append(Seg("break"))

    def walk(self, node: Tag, style: str, depth: int) -> None:
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                self.add(style or "text", str(child).replace("\n", " "))
            elif isinstance(child, Tag):
                self.tag(child, style, depth + 1)

    def tag(self, tag: Tag, style: str, depth: int) -> None:
        name = tag.name.lower()
        if name in _SKIP:
            return
        if depth > _MAX_DEPTH:
            self.add(style or "text", tag.get_text())
        elif name == "br":
            self.brk()
        elif name == "a":
            self.link(tag, style)
        elif name == "img":
            self.out.append(Seg("image", str(tag.get("alt") or ""), str(tag.get("src") or "")))
        elif name == "details":
            self.details(tag, style, depth)
        elif name in ("strong", "b", "em", "i", "code"):
            inner = {"b": "strong", "i": "em"}.get(name, name)
            self.walk(tag, "strong" if style == "strong" else inner, depth)
        elif name in _BLOCKS:
            self.brk()
            self.walk(tag, style, depth)
            self.brk()
        else:  # span, sub, sup, font and unknown tags: their text, inline
            self.walk(tag, style, depth)

    def link(self, tag: Tag, style: str) -> None:
        """A link as a segment; an unsafe target is dropped by :func:`_read`."""
        image = tag.find("img")
        self.out.append(Seg("link", tag.get_text(), str(tag.get("href") or ""),
                            bold=style == "strong" or tag.find(("b", "strong")) is not None,
                            image=str(image.get("src") or "") if isinstance(image, Tag) else ""))

    def details(self, tag: Tag, style: str, depth: int) -> None:
        """``<details><summary>Abstract</summary>text</details>``: the text on its own line."""
        self.brk()
        summary = tag.find("summary")
        if isinstance(summary, Tag) and summary.get_text().strip().lower() not in _DETAILS_LABELS:
            self.walk(summary, style, depth)
            self.brk()
        for child in tag.children:
            if child is summary:
                continue
            if isinstance(child, Tag):
                self.tag(child, style, depth + 1)
            elif isinstance(child, NavigableString) and not isinstance(child, Comment):
                self.add(style or "text", str(child).replace("\n", " "))
        self.brk()


def read_html_table(tokens: list[Token], i: int, rows_to: _Rows) -> int:
    """Read the ``<table>`` that the HTML block at ``tokens[i]`` opens; return the next index.

    A table broken by blank lines comes as several HTML blocks in a row: they are read
    as one. A table whose first row names no title column is not a table of papers and
    is left alone, as all other HTML is.
    """
    start, end = tokens[i].map or (0, 0)
    j = i + 1
    content = tokens[i].content.lower()
    while "</table" not in content and j < len(tokens) and tokens[j].type == "html_block":
        content = tokens[j].content.lower()
        end = (tokens[j].map or (start, end))[1]
        j += 1
    soup = BeautifulSoup("\n".join(rows_to.source[start:end]), "html.parser")
    table = soup.find("table")
    if not isinstance(table, Tag):
        return j
    trs = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    if not trs:
        return j
    columns = map_columns([cell.text() for cell in _cells(trs[0])])
    if not columns.title_columns or trs[0].find("a") is not None:
        return j
    rows: list[Row] = []
    for tr in trs[1:]:
        line = start + (tr.sourceline or 1)
        rows.append(Row(_cells(tr), line, line))
    read_rows(columns, rows, start + (trs[0].sourceline or 1), rows_to)
    return j


def _cells(tr: Tag) -> list[Cell]:
    return [Cell(*_read(cell)) for cell in tr.find_all(("td", "th"), recursive=False)
            if isinstance(cell, Tag)]
