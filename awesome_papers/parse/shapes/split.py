"""Where one list item holds more than one entry."""

from __future__ import annotations

import re

from ... import arxiv
from ..segments import Seg

_GLUE = re.compile(r"^\)?\s*-\s*(?:🌟\s*)?$")


def split_records(lines: list[list[Seg]]) -> list[list[list[Seg]]]:
    """Split an item's lines where a second entry starts inside it.

    A later line with a paper head (``arXiv, ID`` or ``cication:``) after an entry that
    is complete (a paper with its own head, or a repository or link) is an entry whose
    first title line was lost; ``...](url)- [**name**](url)`` is two entries glued on
    one line.
    """
    records: list[list[list[Seg]]] = []
    for line in lines:
        for part in _split_glued(line):
            if not records or part is not line or (
                    is_paper_head(part) and _is_complete(records[-1])):
                records.append([part])
            else:
                records[-1].append(part)
    return records


def _split_glued(line: list[Seg]) -> list[list[Seg]]:
    parts: list[list[Seg]] = [[]]
    for i, seg in enumerate(line):
        nxt = line[i + 1] if i + 1 < len(line) else None
        if (seg.kind == "text" and _GLUE.match(seg.text) and i > 0 and line[i - 1].kind == "link"
                and nxt is not None and nxt.kind == "link" and nxt.bold):
            parts.append([Seg("text", "🌟 ")] if "🌟" in seg.text else [])
            continue
        parts[-1].append(seg)
    return parts if len(parts) > 1 else [line]


def is_paper_head(line: list[Seg]) -> bool:
    return any((s.kind == "code" and arxiv.from_text(s.text)) or
               (s.kind == "text" and is_citation_label(s.text)) for s in line)


def _is_complete(record: list[list[Seg]]) -> bool:
    """A record that a paper-head line cannot continue: it has one, or it is a link entry."""
    first = next((s for s in record[0] if s.kind != "text" or s.text.strip(" 🌟")), None)
    return any(is_paper_head(line) for line in record) or (
        first is not None and first.kind == "link")


def is_citation_label(text: str) -> bool:
    """The seed format's ``cication:`` (sic) before a citation-count link."""
    return text.rstrip().lower().endswith(("cication:", "citation:", "citations:"))
