"""What the page work needs from the whole site, and the one way it reports problems.

The Markdown extension renders one page at a time and cannot see other pages. A
:class:`Site` carries what it needs from outside: the parsed lists, the default columns,
and, when the plugin runs, which page shows which row and which page is being rendered.
Used on its own (``markdown_extensions:`` only), the extension makes a Site from its own
options, with no row locations: citations then link to rows on the same page or to the
paper itself.
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from awesome_papers.bibtex import entry_bibtex
from awesome_papers.messages import DEFAULT, pick
from awesome_papers.query import DEFAULT_COLUMNS

if TYPE_CHECKING:
    from mkdocs.theme import Theme

    from awesome_papers.model import Collection, Entry

#: Under ``mkdocs.`` so ``mkdocs build --strict`` (and ProperDocs) count its warnings.
logger = logging.getLogger("mkdocs.plugins.awesome_papers")


@dataclass
class Site:
    """The lists, the defaults, and where each entry's row is shown across the site."""

    collection: Collection
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    badges: bool = False
    #: The language of table headers and the browser script's words (a catalogue code).
    language: str = DEFAULT
    #: Entry key -> source path (relative to ``docs_dir``) of the page whose table shows it.
    rows: dict[str, str] = field(default_factory=dict)
    #: Page source path -> the ids its tables carry. The tables are stashed HTML that MkDocs
    #: does not read, so the plugin adds these to the page's anchors for link validation.
    anchors: dict[str | None, set[str]] = field(default_factory=dict)
    #: Source path of the page being rendered; ``None`` when the extension runs alone.
    page: str | None = None
    #: Lines before the Markdown MkDocs hands over (front matter), so warnings cite file lines.
    line_offset: int = 0
    #: Entry key -> its ``.bib`` block, made once for ``references.bib`` and reused by the
    #: tables' BibTeX buttons.
    bibtex: dict[str, str] = field(default_factory=dict)

    def entry_bibtex(self, entry: Entry) -> str:
        """The entry's ``.bib`` block: the one in ``references.bib`` when the plugin made it."""
        text = self.bibtex.get(entry.key)
        return entry_bibtex(entry) if text is None else text

    def row_link(self, key: str) -> str | None:
        """A link to the page showing the row, as ``other.md#key``; MkDocs makes it a URL."""
        target = self.rows.get(key)
        if target is None or self.page is None:
            return None
        if target == self.page:
            return f"#{key}"
        relative = posixpath.relpath(target, posixpath.dirname(self.page) or ".")
        return f"{relative}#{key}"

    def warn(self, line: int | None, code: str, message: str) -> None:
        """``page.md:12: message [awesome.code]``, the line counted in the page's file."""
        where = self.page or "awesome-papers"
        if line is not None:
            where += f":{line + self.line_offset}"
        logger.warning("%s: %s [awesome.%s]", where, message, code)


def theme_language(theme: Theme) -> str:
    """The catalogue for the theme's language: Material's ``theme.language``, else the
    ``theme.locale`` of MkDocs' own themes (``zh_CN`` and the like fall back to ``zh``)."""
    return pick(theme.get("language") or str(theme.locale))
