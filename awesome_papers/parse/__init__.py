"""Read Markdown awesome lists into a :class:`~awesome_papers.model.Collection`.

The flow, one module a step: :mod:`.chunks` cuts a long list where a cut cannot change
the parse; :mod:`.blocks` walks markdown-it's tokens (headings, lists, tables,
paragraphs) into items; :mod:`.segments` flattens an item's inline tokens;
:mod:`.shapes` reads each item by the first entry shape that fits, with the field
readers of :mod:`.fields`, :mod:`.authors` and :mod:`.venues`; :mod:`.assemble` merges
duplicates, assigns keys and freezes the records.

Reading a parse back from the disk cache needs only :mod:`.assemble`, so markdown-it is
imported with :mod:`.blocks`, when a list is parsed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Collection
from .assemble import finish

if TYPE_CHECKING:
    from .draft import Parsed


def parse_file(text: str, path: str) -> Parsed:
    """Drafts, sections and diagnostics of one list, keys not yet assigned."""
    from .blocks import read_list

    return read_list(text, path)


def parse_text(text: str, path: str = "<text>") -> Collection:
    """Parse one list's text; ``path`` is what diagnostics and entries name."""
    return finish([parse_file(text, path)])


__all__ = ["finish", "parse_file", "parse_text"]
