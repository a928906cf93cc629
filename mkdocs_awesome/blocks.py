"""Find the MyST-style fenced blocks in a page's Markdown lines.

The block syntax is MyST's, so one page source renders under Sphinx+MyST and MkDocs::

    ```{awesome-papers}
    :section: optimization
    :year: 2024-
    ```

Other fenced code blocks are skipped whole (by CommonMark's fence rules), so a block
shown as an example inside a longer fence is left alone. The same scanner serves the
Markdown extension (to replace blocks) and the plugin (to learn which page shows which
rows before any page renders), so both always agree on what a page contains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

NAMES = ("awesome-papers", "awesome-bibliography", "awesome-intro")
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_DIRECTIVE = re.compile(r"^\s*\{(?P<name>[\w-]+)\}\s*(?P<argument>.*?)\s*$")
_OPTION = re.compile(r"^:(?P<name>[\w-]+):(?:\s+(?P<value>.*?))?\s*$")


@dataclass(frozen=True)
class Block:
    """One ``{awesome-papers}``, ``{awesome-bibliography}`` or ``{awesome-intro}`` fence."""

    name: str
    #: ``:option: value`` lines in order; a bare ``:flag:`` has the value ``None``.
    options: dict[str, str | None]
    #: An argument after the name and lines that are not options: blocks take neither.
    stray: tuple[str, ...]
    #: 0-based index of the opening fence and one past the closing fence.
    start: int
    end: int
    #: Leading whitespace of the opening fence (blocks nest in admonitions and tabs).
    indent: str


def _closes(line: str, fence: str) -> bool:
    stripped = line.strip()
    return len(stripped) >= len(fence) and stripped == fence[0] * len(stripped)


def _block(name: str, argument: str, lines: Sequence[str], start: int, end: int,
           indent: str) -> Block:
    options: dict[str, str | None] = {}
    stray: list[str] = [argument] if argument else []
    for line in lines[start + 1:end]:
        text = line.strip()
        match = _OPTION.match(text)
        if match:
            options[match["name"]] = match["value"]
        elif text:
            stray.append(text)
    close = end + 1 if end < len(lines) else end
    return Block(name, options, tuple(stray), start, close, indent)


def find_blocks(lines: Sequence[str]) -> list[Block]:
    """The awesome blocks among ``lines``, in order, skipping every other fenced block."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        index += 1
        if not match or (match["fence"][0] == "`" and "`" in match["info"]):
            continue
        start, fence = index - 1, match["fence"]
        while index < len(lines) and not _closes(lines[index], fence):
            index += 1
        directive = _DIRECTIVE.match(match["info"])
        if directive and directive["name"] in NAMES:
            blocks.append(_block(directive["name"], directive["argument"], lines, start,
                                 index, match["indent"]))
        index += 1
    return blocks
