"""A list file as lines that keep their own line ends, so an insertion changes nothing
else: the byte-order mark, CRLF or LF, a last line without a line end all stay."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from ..files import FileProblem, atomic_writer, read_bytes
from ..files import decode as decode_list

_BOM = b"\xef\xbb\xbf"
_BLOCKS = ("list_item_open", "tr_open", "paragraph_open")
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


@dataclass
class ListFile:
    """The file's lines, each with its line end (``\\r\\n`` or ``\\n``; none on a last
    line that has none)."""

    path: str
    bom: bool
    lines: list[str]

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> ListFile:
        data = read_bytes(path)
        text = decode_list(data, path)
        if "\r" in text.replace("\r\n", ""):
            # Markdown counts a lone CR as a line end; lines would not match the parse.
            raise FileProblem(path, "has carriage returns without line feeds (old Mac line "
                                    "ends); save it with LF or CRLF line ends to add to it")
        return cls(os.fspath(path), data.startswith(_BOM), _LINE.findall(text))

    @property
    def newline(self) -> str:
        """The line end most lines use."""
        crlf = sum(line.endswith("\r\n") for line in self.lines)
        return "\r\n" if crlf * 2 > len(self.lines) else "\n"

    def text(self) -> str:
        return "".join(self.lines)

    def block_ends(self) -> dict[int, int]:
        """1-based first line of each list item, table row and paragraph -> its last line,
        the outermost block where several start on one line."""
        tokens = MarkdownIt("commonmark").enable("table").parse(self.text())
        ends: dict[int, int] = {}
        for kind in _BLOCKS:
            for token in tokens:
                if token.type == kind and token.map and token.map[0] + 1 not in ends:
                    ends[token.map[0] + 1] = token.map[1]
        return ends

    def content(self, first: int, last: int) -> str:
        """Lines ``first`` to ``last`` (1-based, inclusive) joined by ``\\n``, blank lines
        at the end left out."""
        lines = [line.rstrip("\r\n") for line in self.lines[first - 1:last]]
        while lines and not lines[-1].strip():
            lines.pop()
        return "\n".join(lines)

    def insert(self, after: int, block: str) -> ListFile:
        """A copy with ``block`` (``\\n``-separated) after line ``after``, in the file's
        line ends."""
        newline = self.newline
        lines = list(self.lines)
        new = [line + newline for line in block.split("\n")]
        if after == len(lines) and lines and not lines[-1].endswith("\n"):
            lines[-1] += newline
            new[-1] = new[-1][:-len(newline)]
        lines[after:after] = new
        return ListFile(self.path, self.bom, lines)

    def diff(self, new: ListFile) -> str:
        """A unified diff from this file to ``new``."""
        return "".join(difflib.unified_diff(
            [line.rstrip("\r\n") + "\n" for line in self.lines],
            [line.rstrip("\r\n") + "\n" for line in new.lines],
            fromfile=self.path, tofile=self.path))

    def write(self) -> None:
        """Replace the file atomically (see :func:`~awesome_papers.files.atomic_writer`)."""
        with atomic_writer(self.path) as handle:
            handle.write(("\ufeff" if self.bom else "") + self.text())
