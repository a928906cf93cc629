"""Split a long list at headings so its token stream never has to exist all at once.

markdown-it-py's tokens for a 100k-entry list take over a gigabyte; parsed a few
thousand lines at a time, peak memory stays near the size of the records. A split is
made only where it cannot change the parse: before an ATX heading that follows a blank
line, outside fenced code and HTML comments, and never in a document with link
reference definitions (a reference may be used far from where it is defined).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

CHUNK_LINES = 3000
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:", re.M)


def chunks(text: str, size: int = CHUNK_LINES) -> Iterator[tuple[int, str]]:
    """``(first line offset, text)`` pieces that parse as the whole text would."""
    if text.count("\n") < 2 * size or _REFERENCE.search(text):
        yield 0, text
        return
    lines = text.splitlines(keepends=True)
    start = 0
    fence = ""
    in_comment = False
    for n, line in enumerate(lines):
        if fence:
            if line.lstrip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            continue
        if "<!--" in line and "-->" not in line.split("<!--", 1)[1]:
            in_comment = True
            continue
        if n - start >= size and _HEADING.match(line) and not lines[n - 1].strip():
            yield start, "".join(lines[start:n])
            start = n
    yield start, "".join(lines[start:])
