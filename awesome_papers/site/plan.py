"""Which pages a generated site has: one per section with entries, nested as the list nests.

The plan is made from the parsed lists only, so it is the same for the same lists. A
list's lone top heading (``# Awesome X`` over everything) is its title, not a page; a
section whose subtree holds no entry gets no page. File names come from the sections'
slugs without emoji and invisible characters, so they are stable and readable.
"""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from ..intro import root_section
from ..query import typed_form

if TYPE_CHECKING:
    from ..model import Collection, Section

#: Names a section page may not take: the site's own pages and the engines' reserved ones.
RESERVED = frozenset(("index", "highlights", "references", "readme", "genindex", "search",
                      "py-modindex", "404", "assets", "search_index", "objects"))


@dataclass(frozen=True)
class SectionPage:
    """A section's page: its table shows the section's own entries, if it has any."""

    section: Section
    #: Path of the page's Markdown file, relative to the pages folder, with ``/``.
    path: str
    #: The ``:source:`` value of its blocks when the site shows several lists, else "".
    source: str
    #: How many entries the section has itself (its subsections' not counted).
    own: int
    #: Keys of those entries: a renamed section is found again by them.
    keys: tuple[str, ...]
    children: tuple[SectionPage, ...]


@dataclass(frozen=True)
class ListPlan:
    """One list of the site: its title and its top-level section pages."""

    source: str
    title: str
    #: The ``:source:`` value for its blocks when the site shows several lists, else "".
    source_option: str
    pages: tuple[SectionPage, ...]


@dataclass(frozen=True)
class SitePlan:
    """Everything the writers need: the title, the lists' pages, and the extras."""

    title: str
    lists: tuple[ListPlan, ...]
    highlights: bool
    entries: int

    def section_pages(self) -> list[SectionPage]:
        """Every section page, in nav order."""
        pages: list[SectionPage] = []

        def walk(page: SectionPage) -> None:
            pages.append(page)
            for child in page.children:
                walk(child)

        for plan in self.lists:
            for page in plan.pages:
                walk(page)
        return pages


def list_title(collection: Collection, source: str) -> str:
    """The list's title heading, else its file name without the suffix."""
    root = root_section(collection, source)
    return root.title if root else PurePath(source).stem


def _unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``: a name not in ``taken`` nor reserved."""
    name, n = base, 1
    while name.casefold() in taken or name.casefold() in RESERVED:
        n += 1
        name = f"{base}-{n}"
    taken.add(name.casefold())
    return name


def _file_name(section: Section, number: int, taken: set[str]) -> str:
    """``Mixture Of Experts 🎉`` -> ``mixture-of-experts``; ``section-3`` for an emoji-only
    heading; unique among ``taken``."""
    return _unique(typed_form(section.slug).strip("-_") or f"section-{number}", taken)


def _source_option(source: str, sources: list[str]) -> str:
    """The shortest end of ``source``'s path that names no other list."""
    parts = PurePath(source).parts
    for n in range(1, len(parts) + 1):
        tail = "/".join(parts[-n:])
        if not any(other != source and (other == tail or other.endswith("/" + tail))
                   for other in sources):
            return tail
    return source


def _list_plan(collection: Collection, source: str, folder: str, source_option: str,
               ) -> ListPlan:
    sections = [s for s in collection.sections if s.source == source]
    own = Counter(e.section_slugs[-1] for e in collection.entries
                  if e.source == source and e.section_slugs)
    keys: dict[str, list[str]] = {}
    for entry in collection.entries:
        if entry.source == source and entry.section_slugs:
            keys.setdefault(entry.section_slugs[-1], []).append(entry.key)
    root = root_section(collection, source)
    children: dict[str | None, list[tuple[int, Section]]] = {}
    for number, section in enumerate(sections, 1):
        children.setdefault(section.parent, []).append((number, section))
    taken: set[str] = set()

    def page(number: int, section: Section) -> SectionPage | None:
        kids = (page(*child) for child in children.get(section.slug, ()))
        subpages = tuple(k for k in kids if k is not None)
        if not own[section.slug] and not subpages:
            return None
        name = _file_name(section, number, taken)
        return SectionPage(section, posixpath.join(folder, f"{name}.md"), source_option,
                           own[section.slug], tuple(keys.get(section.slug, ())), subpages)

    tops = (page(*top) for top in children.get(root.slug if root else None, ()))
    pages = tuple(p for p in tops if p is not None)
    return ListPlan(source, list_title(collection, source), source_option, pages)


def plan_site(collection: Collection, title: str | None = None) -> SitePlan:
    """The pages of a site for ``collection``; with several lists, each gets a folder."""
    sources = list(collection.sources)
    several = len(sources) > 1
    lists = []
    folders: set[str] = set()
    for source in sources:
        folder = ""
        if several:
            folder = _unique(typed_form(PurePath(source).stem).strip("-_") or "list", folders)
        lists.append(_list_plan(collection, source, folder,
                                _source_option(source, sources) if several else ""))
    default = lists[0].title if len(lists) == 1 else "Papers"
    return SitePlan(title or default, tuple(lists),
                    any(e.highlight for e in collection.entries), len(collection.entries))
