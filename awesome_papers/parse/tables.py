"""Markdown tables: each body row is one entry, read by what its header says each column
holds (:mod:`~awesome_papers.parse.columns`, :mod:`~awesome_papers.parse.rows`).

A table whose header names no title column (a table of tools, a comparison matrix) is
not a table of papers: each of its rows is read as a list item, its first cell first.
"""

from __future__ import annotations

from typing import Protocol

from markdown_it.token import Token

from .columns import Columns, map_columns
from .draft import Draft
from .html_tables import cell_segments
from .rows import Cell, Row, read_rows
from .segments import Seg, plain, segments


class _Walker(Protocol):
    source: list[str]

    def item(self, lines: list[list[Seg]], line: int, end: int) -> None: ...

    def add_draft(self, draft: Draft, line: int, end: int) -> None: ...

    def note(self, line: int, column: int, severity: str, code: str,
             message: str) -> None: ...

    def locate(self, line: int, end: int, near: str) -> tuple[int, int]: ...


def read_table(tokens: list[Token], i: int, walker: _Walker) -> int:
    """Read the table at ``tokens[i]`` into the walker; return the index after it."""
    columns: Columns | None = None
    header_line = 0
    rows: list[Row] = []
    while tokens[i].type != "table_close":
        if tokens[i].type != "tr_open":
            i += 1
            continue
        line = (tokens[i].map or (0, 0))[0] + 1
        inlines, i = _inlines(tokens, i)
        if columns is None:
            header_line = line
            columns = map_columns([plain(s for s in segments(t.children or ())
                                         if s.kind != "html").strip() for t in inlines])
            continue
        papers = bool(columns.title_columns)
        cells = [Cell(*cell_segments(t)) if papers else Cell(segments(t.children or ()))
                 for t in inlines]
        if rows and (joined := _continued(rows[-1].cells, cells, walker.source[line - 1])):
            rows[-1] = Row(joined, rows[-1].line, line)
        else:
            rows.append(Row(cells, line, line))
    if columns is not None and columns.title_columns:
        read_rows(columns, rows, header_line, walker)
    elif columns is not None:
        for row in rows:
            walker.item(_row_lines(columns.headers, row.cells), row.line, row.end)
    return i + 1


def _inlines(tokens: list[Token], i: int) -> tuple[list[Token], int]:
    """The inline tokens of the row opening at ``tokens[i]``, and the index after it."""
    inlines: list[Token] = []
    i += 1
    while tokens[i].type != "tr_close":
        if tokens[i].type == "inline":
            inlines.append(tokens[i])
        i += 1
    return inlines, i + 1


def _row_lines(headers: tuple[str, ...], cells: list[Cell]) -> list[list[Seg]]:
    """A row of a table of no papers as an item: its first cell, then its links."""
    lines: list[list[Seg]] = []
    if cells:
        first = [s for s in cells[0].segs if not (s.kind == "link" and s.image)]
        pieces: list[list[Seg]] = [[]]
        for seg in first:
            if seg.kind == "html" and seg.text.lower().startswith("<br"):
                pieces.append([])
            elif seg.kind != "html":
                pieces[-1].append(seg)
        pieces = [p for p in pieces if plain(p).strip()]
        if pieces:
            lines.append(pieces[0])
            if len(pieces) > 1 and all(s.kind == "text" for s in pieces[-1]):
                lines.append([Seg("em", plain(pieces[-1]))])
        lines.append([s for s in cells[0].segs if s.kind == "link" and s.image])
    for n, cell in enumerate(cells[1:], start=1):
        header = headers[n].lower() if n < len(headers) else ""
        text = plain(cell.segs).strip()
        if ("venue" in header or "conference" in header) and text and text != "N/A":
            lines.append([Seg("strong", text)])
        else:
            lines.append([s for s in cell.segs if s.kind in ("link", "code")])
    return [line for line in lines if line]


def _continued(previous: list[Cell], cells: list[Cell], text: str) -> list[Cell] | None:
    """The previous row with this line added, when this line only finishes it; else None.

    A row broken over two lines ends with empty cells, and the next line fills no more
    than those: ``...|Title\\n|N/A|`` puts ``N/A`` in the first empty cell; without a
    leading ``|`` (``...|Title begins\\nand ends|N/A|``) the first cell is the rest of the
    last filled one.
    """
    filled = [n for n, cell in enumerate(previous) if plain(cell.segs).strip()]
    given = [n for n, cell in enumerate(cells) if plain(cell.segs).strip()]
    if len(cells) < 2 or not filled or not given:
        return None
    free = len(previous) - 1 - filled[-1]
    joins = not text.lstrip().startswith("|")
    if free < 1 or given[-1] + 1 - joins > free:
        return None
    row = list(previous)
    if joins:
        last = row[filled[-1]]
        row[filled[-1]] = Cell([*last.segs, Seg("text", " "), *cells[0].segs],
                               last.problems + cells[0].problems)
    for n, cell in enumerate(cells[joins:given[-1] + 1]):
        row[filled[-1] + 1 + n] = cell
    return row
