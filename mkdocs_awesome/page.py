"""Per-page state shared by the block preprocessor, the citation pattern and the bibliography.

Python-Markdown runs preprocessors over the whole page before any inline pattern, so by
the time a citation is seen, every table on its page is known, wherever it sits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from awesome_papers.nodes import safe_url

if TYPE_CHECKING:
    from awesome_papers.model import Entry

    from .site import Site


@dataclass
class PageState:
    """What one conversion has seen; :meth:`start` clears it for the next page."""

    site: Site
    lines: list[str] = field(default_factory=list)
    #: Keys of the rows this page's own tables show.
    shown: set[str] = field(default_factory=set)
    #: Ids of the page's tables that have a ``:name:``.
    names: set[str] = field(default_factory=set)
    #: Entries cited on the page, in first-cited order.
    cited: dict[str, Entry] = field(default_factory=dict)
    #: ``htmlStash`` indexes of ``{awesome-bibliography}`` blocks, with their classes.
    bibliographies: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)

    def start(self, lines: list[str]) -> None:
        self.lines = list(lines)
        self.shown = set()
        self.names = set()
        self.cited.clear()
        self.bibliographies.clear()

    def line_of(self, text: str) -> int | None:
        """1-based line of the first occurrence of ``text`` in the page, for warnings."""
        return next((n for n, line in enumerate(self.lines, 1) if text in line), None)

    def href(self, entry: Entry) -> str | None:
        """Row on this page, else row on another page, else the paper's own URL."""
        if entry.key in self.shown:
            return f"#{entry.key}"
        return self.site.row_link(entry.key) or safe_url(entry.url)
