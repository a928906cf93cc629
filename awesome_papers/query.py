"""The filter words of DESIGN.md: one parser for directive, block and CLI options.

``parse_query`` turns option strings into a :class:`Query`; ``select`` applies it to a
:class:`~awesome_papers.model.Collection`. Neither raises on bad input: each bad value
becomes a :class:`QueryProblem` that names it and what would have been valid, and the
rest of the query still applies, so a documentation build goes on.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .model import KINDS, Collection, Entry, Kind
from .text import fold

FILTER_OPTIONS = (
    "section", "kind", "year", "author", "match", "highlight", "has-code",
    "keys", "sort", "limit", "columns", "source",
)
SORTS = ("list", "newest", "oldest", "title")
COLUMNS = (
    "title", "authors", "year", "venue", "section", "kind", "code", "links",
    "description", "citations", "key", "arxiv",
)
DEFAULT_COLUMNS = ("title", "authors", "year", "code", "links")
#: Options of a table that are about its display, not which entries it shows.
DISPLAY_OPTIONS = ("caption", "class", "name")

_YEAR = re.compile(r"^\s*(?:(?P<op>>=|<=|>|<|=)?\s*(?P<a>\d{4})(?:\s*-\s*(?P<b>\d{4})?)?)\s*$")
_SPLIT = re.compile(r"[,\s]+")


@dataclass(frozen=True)
class QueryProblem:
    """A bad option value: ``code`` is ``bad-option``, ``unknown-section``, ``unknown-key``
    or ``unknown-source``."""

    code: str
    option: str
    value: str
    message: str


@dataclass(frozen=True)
class Query:
    """A parsed set of filter words; the defaults select every entry in list order."""

    sections: tuple[str, ...] = ()
    kinds: tuple[Kind, ...] = ()
    year_min: int | None = None
    year_max: int | None = None
    author: str | None = None
    match: str | None = None
    highlight: bool = False
    has_code: bool = False
    keys: tuple[str, ...] = ()
    sort: str = "list"
    limit: int | None = None
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    sources: tuple[str, ...] = field(default=())


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` or a short list of what is valid."""
    choices = list(dict.fromkeys(choices))
    close = difflib.get_close_matches(value.lower(), [c.lower() for c in choices], n=3, cutoff=0.6)
    if close:
        return " (did you mean " + " or ".join(repr(c) for c in close) + "?)"
    shown = ", ".join(choices[:12]) + (", ..." if len(choices) > 12 else "")
    return f" (valid: {shown})"


def _words(value: str) -> list[str]:
    return [w for w in _SPLIT.split(value.strip()) if w]


def _flag(value: str | None) -> bool | None:
    if value is None or value.strip().lower() in ("", "true", "yes", "1", "on"):
        return True
    if value.strip().lower() in ("false", "no", "0", "off"):
        return False
    return None


def parse_query(options: Mapping[str, str | None]) -> tuple[Query, list[QueryProblem]]:
    """Read option strings (``{"year": ">=2024", "highlight": None}``) into a Query."""
    values: dict[str, object] = {}
    problems: list[QueryProblem] = []

    def bad(option: str, value: str, why: str) -> None:
        problems.append(QueryProblem("bad-option", option, value, f"{option}: {why}"))

    for raw_name, raw_value in options.items():
        name = raw_name.strip().lower().replace("_", "-")
        value = "" if raw_value is None else str(raw_value).strip()
        if name == "section":
            values["sections"] = tuple(s.strip() for s in value.split(",") if s.strip())
        elif name == "kind":
            kinds = _words(value)
            wrong = [k for k in kinds if k not in KINDS]
            for k in wrong:
                bad(name, k, f"unknown kind {k!r}{did_you_mean(k, KINDS)}")
            values["kinds"] = tuple(k for k in kinds if k in KINDS)
        elif name == "year":
            match = _YEAR.match(value)
            if not match:
                bad(name, value, f"{value!r} is not a year, range or bound "
                                 "(valid: 2024, 2023-2025, >=2024, <2023)")
                continue
            op, a, b = match["op"], int(match["a"]), match["b"]
            if b is not None and int(b) < a:
                bad(name, value, f"{value!r} is an empty range: {a} is after {b} "
                                 f"(did you mean '{b}-{a}'?)")
                continue
            if b is not None or value.rstrip().endswith("-"):
                values["year_min"], values["year_max"] = a, int(b) if b else None
            elif op in (">=", ">"):
                values["year_min"] = a + (op == ">")
            elif op in ("<=", "<"):
                values["year_max"] = a - (op == "<")
            else:
                values["year_min"] = values["year_max"] = a
        elif name in ("author", "match"):
            values[name] = value or None
        elif name in ("highlight", "has-code"):
            flag = _flag(raw_value)
            if flag is None:
                bad(name, value, f"{value!r} is not a flag (leave it empty, or true/false)")
                continue
            values[name.replace("-", "_")] = flag
        elif name == "keys":
            values["keys"] = tuple(_words(value))
        elif name == "sort":
            if value not in SORTS:
                bad(name, value, f"unknown sort {value!r}{did_you_mean(value, SORTS)}")
                continue
            values["sort"] = value
        elif name == "limit":
            if not value.isdigit() or int(value) < 1:
                bad(name, value, f"{value!r} is not a positive whole number")
                continue
            values["limit"] = int(value)
        elif name == "columns":
            columns = [c.lower() for c in _words(value)]
            for c in columns:
                if c not in COLUMNS:
                    bad(name, c, f"unknown column {c!r}{did_you_mean(c, COLUMNS)}")
            kept = tuple(dict.fromkeys(c for c in columns if c in COLUMNS))
            if kept:
                values["columns"] = kept
        elif name == "source":
            values["sources"] = tuple(s.strip() for s in value.split(",") if s.strip())
        else:
            problems.append(QueryProblem(
                "bad-option", name, value,
                f"unknown option {name!r}{did_you_mean(name, FILTER_OPTIONS)}",
            ))
    return Query(**values), problems  # type: ignore[arg-type]


def _section_slugs(collection: Collection, wanted: Sequence[str],
                   problems: list[QueryProblem]) -> set[str]:
    slugs: set[str] = set()
    for name in wanted:
        folded = name.casefold()
        found = {s.slug for s in collection.sections
                 if s.slug == folded or s.title.casefold() == folded}
        if not found:
            problems.append(QueryProblem(
                "unknown-section", "section", name,
                f"unknown section {name!r}"
                f"{did_you_mean(name, [s.slug for s in collection.sections])}",
            ))
        slugs |= found
    return slugs


def _is_source(path: str, wanted: str) -> bool:
    """``:source: list.md`` names a list by its path or by the end of it."""
    return path == wanted or path.endswith("/" + wanted.lstrip("./"))


def _unknown_sources(collection: Collection, wanted: Sequence[str]) -> list[QueryProblem]:
    names = [posixpath.basename(p.replace("\\", "/")) for p in collection.sources]
    return [QueryProblem("unknown-source", "source", name,
                         f"unknown source {name!r}{did_you_mean(name, names)}")
            for name in wanted if not any(_is_source(p, name) for p in collection.sources)]


def select(collection: Collection, query: Query) -> tuple[list[Entry], list[QueryProblem]]:
    """The entries a query picks, in its order, and the values that matched nothing."""
    problems: list[QueryProblem] = []
    if query.keys:
        entries = []
        for ref in query.keys:
            entry = collection.get(ref)
            if entry is None:
                problems.append(QueryProblem(
                    "unknown-key", "keys", ref,
                    f"unknown key {ref!r}{did_you_mean(ref, (e.key for e in collection.entries))}",
                ))
            elif entry not in entries:
                entries.append(entry)
    else:
        entries = list(collection.entries)

    if query.sources:
        problems += _unknown_sources(collection, query.sources)
        entries = [e for e in entries if any(_is_source(e.source, s) for s in query.sources)]
    if query.sections:
        slugs = _section_slugs(collection, query.sections, problems)
        entries = [e for e in entries if slugs.intersection(e.section_slugs)]
    if query.kinds:
        entries = [e for e in entries if e.kind in query.kinds]
    if query.year_min is not None:
        entries = [e for e in entries if e.year is not None and e.year >= query.year_min]
    if query.year_max is not None:
        entries = [e for e in entries if e.year is not None and e.year <= query.year_max]
    if query.author:
        needle = fold(query.author)
        entries = [e for e in entries if any(needle in fold(a) for a in e.authors)]
    if query.match:
        needle = fold(query.match)
        entries = [e for e in entries
                   if needle in fold(e.title) or needle in fold(e.description or "")]
    if query.highlight:
        entries = [e for e in entries if e.highlight]
    if query.has_code:
        entries = [e for e in entries if e.code]

    if query.sort == "newest":
        entries.sort(key=lambda e: (e.year or 0, e.month or 0, e.arxiv or ""), reverse=True)
    elif query.sort == "oldest":
        entries.sort(key=lambda e: (e.year is None, e.year or 0, e.month or 0, e.arxiv or ""))
    elif query.sort == "title":
        entries.sort(key=lambda e: fold(e.title))
    if query.limit is not None:
        entries = entries[: query.limit]
    return entries, problems


def select_table(collection: Collection, options: Mapping[str, str | None], *,
                 columns: Sequence[str] = DEFAULT_COLUMNS,
                 ) -> tuple[list[Entry], tuple[str, ...], list[QueryProblem]]:
    """The rows and columns a table directive or block shows, and its bad option values.

    Display options (``caption``, ``class``, ``name``) are left to the adapter; ``columns``
    is the site's default when the options name none.
    """
    filters = {k: v for k, v in options.items() if k not in DISPLAY_OPTIONS}
    filters.setdefault("columns", ", ".join(columns))
    query, problems = parse_query(filters)
    entries, missing = select(collection, query)
    return entries, query.columns, [*problems, *missing]
