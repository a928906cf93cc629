"""What ``list`` and ``sections`` print: plain-text tables sized to the terminal."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from . import urls
from .model import Collection, Entry
from .query import section_name, visible_slug

#: What ``list`` shows when ``--columns`` names nothing.
LIST_COLUMNS = ("key", "year", "title", "authors")
#: The widest a column gets; ``title`` and ``description`` share what the others leave.
_CAPS = {"authors": 28, "venue": 20, "section": 30, "code": 40, "links": 30, "arxiv": 16}
_FLEXIBLE = ("title", "description")
_STAR = 3  # "🌟 " before a highlight's title: the emoji takes two cells


def counted(count: int, one: str, many: str) -> str:
    """``1 warning``, ``2 warnings``: the count and the noun that agrees with it."""
    return f"{count} {one if count == 1 else many}"


def _cell(entry: Entry, column: str) -> str:
    """One entry's text for a column, on one line."""
    if column == "authors":
        more = len(entry.authors) > 2 or entry.authors_truncated
        return ", ".join(entry.authors[:2]) + (" et al." if more else "")
    if column == "section":
        return " > ".join(entry.section)
    if column == "code":
        return " ".join(entry.code)
    if column == "links":
        return " ".join(link.label for link in entry.links)
    value = getattr(entry, column)
    return " ".join(str(value).split()) if value is not None else ""


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def entry_lines(entries: Sequence[Entry], columns: Sequence[str], width: int) -> list[str]:
    """One line per entry: fixed columns as wide as their longest cell (up to a cap),
    titles and descriptions sharing the rest of ``width``, cut with ``…``."""
    rows = [[_cell(entry, c) for c in columns] for entry in map(urls.scrubbed, entries)]
    widths = [min(max((len(row[i]) for row in rows), default=1), _CAPS.get(c, width))
              for i, c in enumerate(columns)]
    flexible = [i for i, c in enumerate(columns) if c in _FLEXIBLE]
    if flexible:
        spare = width - 2 * (len(columns) - 1) - _STAR * ("title" in columns) \
            - sum(w for i, w in enumerate(widths) if i not in flexible)
        for i in flexible:
            widths[i] = max(spare // len(flexible), 20)
    lines = []
    for entry, row in zip(entries, rows, strict=True):
        cells = []
        for column, text, w in zip(columns, row, widths, strict=True):
            cell = _fit(text, w).ljust(w)
            if column == "title":
                cell = ("🌟 " if entry.highlight else " " * _STAR) + cell
            cells.append(cell)
        lines.append("  ".join(cells).rstrip())
    return lines


def section_lines(collection: Collection) -> list[str]:
    """Each section's entry counts (its own, and with its subsections), its slug indented
    by level (untypeable characters percent-encoded, as in a link) and its heading; where
    the slug is not what a person types, the name that finds it."""
    own: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    for entry in collection.entries:
        if entry.section_slugs:
            own[entry.source, entry.section_slugs[-1]] += 1
        for slug in set(entry.section_slugs):
            total[entry.source, slug] += 1
    top: dict[str, int] = {}
    for s in collection.sections:
        top[s.source] = min(top.get(s.source, s.level), s.level)
    slugs = ["  " * (s.level - top[s.source]) + (visible_slug(s.slug) or "''")
             for s in collection.sections]
    width = max([len(slug) for slug in slugs] + [4])
    several = len({s.source for s in collection.sections}) > 1
    lines = [f"{'own':>5} {'all':>5}  {'slug':<{width}}  heading"]
    source = None
    for section, slug in zip(collection.sections, slugs, strict=True):
        if several and section.source != source:
            source = section.source
            lines.append(source)
        name = section_name(section)
        hint = "" if name == section.slug else (
            f"  (type: {name})" if name else "  (no typeable name)")
        where = section.source, section.slug
        lines.append(f"{own[where]:>5} {total[where]:>5}  {slug:<{width}}  "
                     f"{section.title}{hint}".rstrip())
    return lines
