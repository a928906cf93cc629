"""Markdown tables of papers: each body row is one item."""

from __future__ import annotations

from typing import Protocol

from markdown_it.token import Token

from .segments import Seg, plain, segments

_TITLE_HEADERS = ("title", "paper", "name")


class _Items(Protocol):
    source: list[str]

    def item(self, lines: list[list[Seg]], line: int, end: int) -> None: ...


def _cells(tokens: list[Token], i: int) -> tuple[list[list[Seg]], int, int]:
    """Cells of the row opening at ``tokens[i]``, its line, and the index after it."""
    line = (tokens[i].map or (0, 0))[0] + 1
    cells: list[list[Seg]] = []
    i += 1
    while tokens[i].type != "tr_close":
        if tokens[i].type == "inline":
            cells.append(segments(tokens[i].children or ()))
        i += 1
    return cells, line, i + 1


def _row_lines(headers: list[str], cells: list[list[Seg]]) -> list[list[Seg]]:
    """Order a row's cells as an item: the title cell first, venue as a tag, the rest."""
    # "Paper Title" beats "Paper Abbr": the words are tried in order of preference.
    title_col = next((n for word in _TITLE_HEADERS
                      for n, h in enumerate(headers) if word in h), 0)
    lines: list[list[Seg]] = []
    if title_col < len(cells):
        title_cell = [s for s in cells[title_col] if not (s.kind == "link" and s.image)]
        pieces: list[list[Seg]] = [[]]
        for seg in title_cell:
            if seg.kind == "html" and seg.text.lower().startswith("<br"):
                pieces.append([])
            elif seg.kind != "html":
                pieces[-1].append(seg)
        pieces = [p for p in pieces if plain(p).strip()]
        if pieces:
            lines.append(pieces[0])
            if len(pieces) > 1 and all(s.kind == "text" for s in pieces[-1]):
                lines.append([Seg("em", plain(pieces[-1]))])
        lines.append([s for s in cells[title_col] if s.kind == "link" and s.image])
    for n, cell in enumerate(cells):
        if n == title_col:
            continue
        header = headers[n] if n < len(headers) else ""
        text = plain(cell).strip()
        if ("venue" in header or "conference" in header) and text and text != "N/A":
            lines.append([Seg("strong", text)])
        else:
            lines.append([s for s in cell if s.kind in ("link", "code")])
    return [line for line in lines if line]


def _continued(previous: list[list[Seg]], cells: list[list[Seg]],
               text: str) -> list[list[Seg]] | None:
    """The previous row with this line added, when this line only finishes it; else None.

    A row broken over two lines ends with empty cells, and the next line fills no more
    than those: ``...|Title\n|N/A|`` puts ``N/A`` in the first empty cell; without a
    leading ``|`` (``...|Title begins\nand ends|N/A|``) the first cell is the rest of the
    last filled one.
    """
    filled = [n for n, cell in enumerate(previous) if plain(cell).strip()]
    given = [n for n, cell in enumerate(cells) if plain(cell).strip()]
    if len(cells) < 2 or not filled or not given:
        return None
    free = len(previous) - 1 - filled[-1]
    joins = not text.lstrip().startswith("|")
    if free < 1 or given[-1] + 1 - joins > free:
        return None
    row = list(previous)
    if joins:
        row[filled[-1]] = [*row[filled[-1]], Seg("text", " "), *cells[0]]
    for n, cell in enumerate(cells[joins:given[-1] + 1]):
        row[filled[-1] + 1 + n] = cell
    return row


def read_table(tokens: list[Token], i: int, items: _Items) -> int:
    """Hand each body row of the table at ``tokens[i]`` to ``items``; return the next index."""
    headers: list[str] = []
    rows: list[tuple[list[list[Seg]], int, int]] = []
    while tokens[i].type != "table_close":
        if tokens[i].type != "tr_open":
            i += 1
            continue
        cells, line, i = _cells(tokens, i)
        if not headers:
            headers = [plain(c).strip().lower() for c in cells]
        elif rows and (row := _continued(rows[-1][0], cells, items.source[line - 1])):
            rows[-1] = (row, rows[-1][1], line)
        else:
            rows.append((cells, line, line))
    for cells, first, last in rows:
        items.item(_row_lines(headers, cells), first, last)
    return i + 1
