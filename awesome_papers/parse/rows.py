"""A row of a table of papers, read cell by cell by what its column holds.

The title cell gives the title (and, when it holds more, a summary, authors, badges);
every other cell is read by its column's field: authors, venue, date, the paper's
links, code, description. Each row becomes one :class:`~awesome_papers.parse.draft.Draft` of
shape ``table-row``, handed to the walker as list items are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from .. import arxiv, urls
from . import venues
from .checks import check
from .columns import Columns, is_date, read_date
from .draft import Draft, Problem
from .fields import (
    arxiv_of_url,
    check_url,
    clean,
    code_fields,
    head_link,
    image_field,
    link_field,
    link_text,
    set_authors,
    venue_tag,
)
from .segments import Seg, plain
from .shapes.item import MARKERS
from .shapes.lead import unquote
from .shapes.tail import settle

SHAPE = "table-row"
#: What a cell writes when it has nothing to give.
_EMPTY = frozenset(("", "-", "–", "—", "n/a", "na", "null", "none", "tbd", "todo", "?", "/",
                    "coming soon", "...", "…", "×", "✗"))
#: Cell text that names a link, never a paper's title.
_LABELS = frozenset(("paper", "papers", "pdf", "code", "link", "links", "arxiv", "github",
                     "project", "project page", "website", "homepage", "demo", "blog",
                     "video", "html", "abs", "abstract", "here", "official", "repo",
                     "huggingface", "model", "dataset", "论文", "代码", "链接"))
_NUMBERING = re.compile(r"(?:\(\d{1,4}\)|\[\d{1,4}\]|\d{1,4}[.)])\s")
_SHORTCODE = re.compile(r":[a-z0-9_+\-]{1,30}:")
#: What separates a title from the summary written after it in the same cell.
_SEPARATORS = (" - ", " – ", " — ", "  ")
#: A summary after a title is a sentence or more; fewer words belong to the title.
_SUMMARY_WORDS = 6
_AUTHOR_LABELS = ("authors:", "author:", "by:", "作者：", "作者:")


@dataclass
class Cell:
    """One cell's segments, and the problems met reading them (unsafe links)."""

    segs: list[Seg]
    problems: list[Problem] = field(default_factory=list)

    def text(self) -> str:
        """Visible text, images left out, lines joined."""
        return clean(plain(s for s in self.segs if s.kind != "html"))


@dataclass
class Row:
    """A body row: its cells and the source lines it spans."""

    cells: list[Cell]
    line: int
    end: int


class Rows(Protocol):
    """What a table hands its rows to: the walker."""

    def add_draft(self, draft: Draft, line: int, end: int) -> None: ...

    def note(self, line: int, column: int, severity: str, code: str,
             message: str) -> None: ...

    def locate(self, line: int, end: int, near: str) -> tuple[int, int]: ...


def read_rows(columns: Columns, rows: list[Row], header_line: int, walker: Rows) -> None:
    """Each row as an entry; each column that no field reads reported once, at its header."""
    for n in columns.unread():
        if any(n < len(row.cells) and not _is_empty(row.cells[n].text()) for row in rows):
            header = columns.headers[n]
            name = repr(header) if header else f"{n + 1} (no header)"
            walker.note(*walker.locate(header_line, header_line, header), "info",
                        "unread-column",
                        f"column {name} names no field this reader knows; its text is not "
                        "read (links in it are)")
    for row in rows:
        walker.add_draft(read_row(columns, row), row.line, row.end)


def read_row(columns: Columns, row: Row) -> Draft:
    """One row's entry: the title cell first, then every other cell by its field."""
    draft = Draft(kind="paper", line=row.line, shape=SHAPE)
    for cell in row.cells:
        draft.problems.extend(cell.problems)
    title_at = next((n for n in columns.title_columns
                     if n < len(row.cells) and _read_title(draft, row.cells[n], columns)),
                    None)
    linked = title_at is None or draft.url is not None
    for n, cell in enumerate(row.cells[:len(columns.fields)]):
        if n != title_at:
            kind = columns.fields[n]
            _read_cell(draft, "paper" if kind == "title" else kind, cell)
    _settle_kind(draft, linked)
    settle(draft)
    check(draft)
    return draft


@dataclass
class _TitleCell:
    """A title cell taken apart: its title, the link it is, what follows it."""

    title: str
    head: Seg | None
    tail: list[Seg]
    more: list[list[Seg]]
    badges: list[Seg]


def _read_title(draft: Draft, cell: Cell, columns: Columns) -> bool:
    """Fill the draft from a title cell; ``False`` (nothing read) if it holds no title."""
    parts = split_title(cell.segs)
    if parts is None or not plausible_title(parts.title):
        return False
    draft.title = parts.title
    draft.highlight = "🌟" in plain(cell.segs)
    if parts.head is not None and parts.head.kind == "link" and parts.head.href:
        draft.url = parts.head.href
        check_url(draft, parts.head.href)
        head_link(draft, parts.head.href)
        if draft.pdf is None and parts.head.href.lower().endswith(".pdf"):
            draft.pdf = parts.head.href  # a title that opens the paper's PDF
    for badge in parts.badges:
        if badge.kind == "image":
            image_field(draft, badge)
        else:
            _read_link(draft, badge, "links")
    summary: list[str] = []
    _read_tail(draft, parts.tail, summary)
    for n, line in enumerate(parts.more):
        _read_more(draft, line, summary, authors=n == 0 and columns.title_has_authors)
    if summary:
        draft.description = _joined(summary)
    return True


def split_title(segs: list[Seg]) -> _TitleCell | None:
    """The title of a cell: its bold run or link, else its text up to a summary.

    ``(1) **Title** - This paper …``, ``4) Title  This paper …``, ``![Star](…) <br>
    [**Title**](url) <br>``, ``**Title**<br><sub>summary</sub>``: numbering, markers and
    badges go; what follows the title on its line and the lines after it are returned.
    """
    lines: list[list[Seg]] = [[]]
    badges: list[Seg] = []
    for seg in segs:
        if seg.kind == "break":
            lines.append([])
        elif seg.kind == "image" or (seg.kind == "link" and seg.image and not seg.text.strip()):
            badges.append(seg)
        elif seg.kind != "html":
            lines[-1].append(seg)
    lines = [line for line in lines if plain(line).strip()]
    if not lines:
        return None
    first, more = lines[0], lines[1:]
    at = next((k for k, s in enumerate(first) if s.kind != "text"), len(first))
    lead = _unmarked("".join(s.text for s in first[:at]))
    if not lead and at < len(first) and first[at].kind in ("strong", "link", "em", "code"):
        head = first[at]
        title = link_text(head.text) if head.kind == "link" else clean(head.text)
        return _TitleCell(unquote(title), head, first[at + 1:], more, badges)
    title, summary = split_summary(lead)
    tail = [Seg("text", summary)] if summary else []
    return _TitleCell(title, None, tail + first[at:], more, badges)


def split_summary(text: str) -> tuple[str, str]:
    """``Title - This paper presents …`` -> ``(title, summary)``; a short rest is the title's."""
    cuts = [(text.find(sep), sep) for sep in _SEPARATORS if sep in text]
    if cuts:
        pos, sep = min(cuts)
        rest = text[pos + len(sep):].strip()
        if pos > 0 and len(rest.split()) >= _SUMMARY_WORDS:
            return clean(text[:pos]), clean(rest)
    sentence = text.find(". ")
    if sentence > 0 and len(text[:sentence].split()) >= 3:
        rest = text[sentence + 2:].strip()
        if rest[:1].isupper() and len(rest.split()) >= 2 * _SUMMARY_WORDS:
            return clean(text[:sentence]), clean(rest)
    return clean(text), ""


def plausible_title(title: str) -> bool:
    """A title, not a label, a date, a URL or a lone symbol."""
    text = title.strip(" []()*")
    if len(text) < 2 or not any(c.isalpha() for c in text):
        return False
    lowered = text.lower()
    return (lowered not in _LABELS and lowered not in _EMPTY and not is_date(text)
            and not lowered.startswith(("http://", "https://", "www.")))


def _unmarked(lead: str) -> str:
    """Lead text without highlight markers, shortcodes and list numbering."""
    text = _SHORTCODE.sub(" ", lead)
    for marker in MARKERS:
        text = text.replace(marker, "")
    text = text.strip() + " "  # inner runs of spaces kept: two spaces end a title
    numbering = _NUMBERING.match(text)
    return (text[numbering.end():] if numbering else text).strip(" -–—|:\t\n")


def _read_tail(draft: Draft, tail: list[Seg], summary: list[str]) -> None:
    """What follows the title on its line: `` - summary``, a venue tag, links."""
    for seg in tail:
        if seg.kind == "link":
            _read_link(draft, seg, "links")
        elif seg.kind == "code":
            code_fields(draft, seg.text)
        elif seg.kind in ("text", "strong", "em"):
            text = clean(seg.text).strip(" -–—:|,")
            if not text:
                continue
            if not (venues.tag(text) and venue_tag(draft, text)):
                summary.append(text)


def _read_more(draft: Draft, line: list[Seg], summary: list[str], *, authors: bool) -> None:
    """A later line of the title cell: authors (``Title & Authors``, ``Authors:``, an
    italic name line), else summary."""
    text = clean(plain(s for s in line if s.kind != "link"))
    links = [s for s in line if s.kind == "link"]
    labelled = text.lower().startswith(_AUTHOR_LABELS)
    by = text.startswith("by ") and text[3:4].isupper()
    italic = bool(line) and all(s.kind == "em" or not s.text.strip() for s in line
                                if s.kind != "link")
    if not draft.authors and text and (authors or labelled or italic or by):
        set_authors(draft, text.split(":", 1)[1] if labelled else text)
    elif text:
        summary.append(text)
    for seg in links:
        _read_link(draft, seg, "links")


def _read_cell(draft: Draft, kind: str, cell: Cell) -> None:
    """A cell other than the title's, read as its column's field; links always read."""
    for seg in cell.segs:
        if seg.kind == "image":
            image_field(draft, seg)
        elif seg.kind == "link":
            _read_link(draft, seg, kind)
    text = cell.text()
    if _is_empty(text) or kind in ("number", "stars"):
        return
    if kind == "authors":
        lines = [plain(s for s in line if s.kind != "image") for line in _lines(cell.segs)]
        set_authors(draft, ", ".join(line for line in lines if line.strip()))
    elif kind == "venue":
        _read_venue(draft, text)
    elif kind == "date":
        year, month = read_date(text)
        if year and draft.year is None:
            draft.year, draft.month = year, month
    elif kind == "description":
        texts = [clean(plain(line)) for line in _lines(cell.segs)]
        draft.description = _joined([draft.description or "", *texts])
    else:
        _read_loose(draft, cell)


def _read_link(draft: Draft, seg: Seg, kind: str) -> None:
    """A link by where it stands: a code column's link is code, a paper column's the URL."""
    if seg.image:
        image_field(draft, Seg("image", href=seg.image))
    href = seg.href.strip()
    if not href:
        return
    if kind == "code" and not arxiv_of_url(href):
        check_url(draft, href)
        if href not in draft.code:
            draft.code.append(href)
    elif (kind == "paper" and draft.url is None and not arxiv_of_url(href)
          and not urls.is_code(href) and not href.lower().endswith(".pdf")
          and link_text(seg.text).lower() != "pdf"):
        check_url(draft, href)
        draft.url = href
    else:
        link_field(draft, seg)


def _read_loose(draft: Draft, cell: Cell) -> None:
    """Text of a links, code or unread column: an arXiv id or a bare URL in it."""
    for seg in cell.segs:
        if seg.kind != "text":
            continue
        if arxiv.from_text(seg.text):
            code_fields(draft, seg.text)
        for word in seg.text.split():
            if word.startswith(("http://", "https://")):
                link_field(draft, Seg("link", "", word))


def _read_venue(draft: Draft, text: str) -> None:
    """``CVPR'23``, ``NeurIPS 2023``, ``ICLR``, ``Blog``: the venue as the column writes it
    (known names spelt one way), and the year a tag gives."""
    if is_date(text):
        year, month = read_date(text)
        draft.year, draft.month = draft.year or year, draft.month or month
        return
    if text.lower().startswith(("arxiv", "preprint")):
        return
    if not venue_tag(draft, text) and draft.venue is None:
        draft.venue = venues.canonical(text)


def _settle_kind(draft: Draft, linked: bool) -> None:
    """A paper when the row names one (arXiv id, authors, PDF, a known venue) or its title
    is plain text, as a title before its links is in a list; else a repository or a link,
    by where its title points (a blog post, a project page)."""
    known = draft.venue is not None and (
        venues.is_known(draft.venue.split()[0]) or venues.tag(draft.venue) is not None)
    if draft.arxiv or draft.authors or draft.pdf or known or not linked:
        return
    draft.kind = "repo" if draft.url and urls.is_code(draft.url) else "link"


def _lines(segs: list[Seg]) -> list[list[Seg]]:
    lines: list[list[Seg]] = [[]]
    for seg in segs:
        if seg.kind == "break":
            lines.append([])
        else:
            lines[-1].append(seg)
    return lines


def _joined(parts: list[str]) -> str | None:
    """Lines of a summary as one text: a line that ends without a stop gets one."""
    parts = [p for p in parts if p]
    if not parts:
        return None
    last = len(parts) - 1
    return " ".join(p if n == last or p.endswith((".", "!", "?", "。", ":", ";")) else f"{p}."
                    for n, p in enumerate(parts))


def _is_empty(text: str) -> bool:
    return text.lower().strip(" .*") in _EMPTY
