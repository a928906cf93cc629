"""The filter words: one parser for directive, block and CLI options.

:data:`FILTERS` declares each option once (its value parser, help text and example);
the Sphinx directive, the MkDocs block, the CLI flags and the docs' option tables are
made from it, so they cannot drift apart. ``parse_query`` turns option strings into a
:class:`Query`; ``select`` applies it to a :class:`~awesome_papers.model.Collection`.
Neither raises on bad input: each bad value becomes a :class:`QueryProblem` that names it
and what would have been valid, and the rest of the query still applies, so a
documentation build goes on.
"""

from __future__ import annotations

import difflib
import posixpath
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from .model import KINDS, Collection, Entry, Kind, Section
from .text import fold

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

#: What an option's value parser gives: ``Query`` fields to set, and ``(value, why)`` for
#: each bad part of the value.
Read = tuple[dict[str, Any], list[tuple[str, str]]]


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
    no_subsections: bool = False
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


def _commas(value: str) -> tuple[str, ...]:
    return tuple(s.strip() for s in value.split(",") if s.strip())


def _flag(value: str) -> bool | None:
    if value.strip().lower() in ("", "true", "yes", "1", "on"):
        return True
    if value.strip().lower() in ("false", "no", "0", "off"):
        return False
    return None


def _read_sections(value: str) -> Read:
    return {"sections": _commas(value)}, []


def _read_kinds(value: str) -> Read:
    kinds = _words(value)
    return ({"kinds": tuple(k for k in kinds if k in KINDS)},
            [(k, f"unknown kind {k!r}{did_you_mean(k, KINDS)}") for k in kinds if k not in KINDS])


def _read_year(value: str) -> Read:
    match = _YEAR.match(value)
    if not match:
        return {}, [(value, f"{value!r} is not a year, range or bound "
                            "(valid: 2024, 2023-2025, >=2024, <2023)")]
    op, a, b = match["op"], int(match["a"]), match["b"]
    if b is not None and int(b) < a:
        return {}, [(value, f"{value!r} is an empty range: {a} is after {b} "
                            f"(did you mean '{b}-{a}'?)")]
    if b is not None or value.rstrip().endswith("-"):
        return {"year_min": a, "year_max": int(b) if b else None}, []
    if op in (">=", ">"):
        return {"year_min": a + (op == ">")}, []
    if op in ("<=", "<"):
        return {"year_max": a - (op == "<")}, []
    return {"year_min": a, "year_max": a}, []


def _text(field_name: str) -> Callable[[str], Read]:
    """A free-text option; empty means no filter."""
    return lambda value: ({field_name: value or None}, [])


def _switch(field_name: str) -> Callable[[str], Read]:
    """A flag: bare (``:highlight:``) or true/false."""
    def read(value: str) -> Read:
        flag = _flag(value)
        if flag is None:
            return {}, [(value, f"{value!r} is not a flag (leave it empty, or true/false)")]
        return {field_name: flag}, []
    return read


def _read_keys(value: str) -> Read:
    return {"keys": tuple(_words(value))}, []


def _read_sort(value: str) -> Read:
    if value not in SORTS:
        return {}, [(value, f"unknown sort {value!r}{did_you_mean(value, SORTS)}")]
    return {"sort": value}, []


def _read_limit(value: str) -> Read:
    if not value.isdigit() or int(value) < 1:
        return {}, [(value, f"{value!r} is not a positive whole number")]
    return {"limit": int(value)}, []


def _read_columns(value: str) -> Read:
    columns = [c.lower() for c in _words(value)]
    bad = [(c, f"unknown column {c!r}{did_you_mean(c, COLUMNS)}")
           for c in columns if c not in COLUMNS]
    kept = tuple(dict.fromkeys(c for c in columns if c in COLUMNS))
    return ({"columns": kept} if kept else {}), bad


def _read_sources(value: str) -> Read:
    return {"sources": _commas(value)}, []


@dataclass(frozen=True)
class FilterOption:
    """One filter word, declared once: the query parser, the Sphinx directive, the MkDocs
    block, the CLI flags and the documentation's option table are all made from these."""

    name: str
    #: Reads the stripped value (``""`` for a bare option) into ``Query`` fields.
    read: Callable[[str], Read]
    #: What the value may be, as the docs and ``--help`` say it (Markdown code spans).
    value: str
    #: What the option selects.
    help: str
    #: A value that works in every adapter and a shell: no spaces, no ``>`` (MyST reads
    #: ``>=2024`` as YAML; ``2024-`` works everywhere).
    example: str
    #: Takes no value: a bare ``:highlight:`` option, a ``--highlight`` switch.
    flag: bool = False


def _code(words: Iterable[str]) -> str:
    return ", ".join(f"`{w}`" for w in words)


FILTERS: tuple[FilterOption, ...] = (
    FilterOption("section", _read_sections, "slugs or titles, comma separated",
                 "entries in those sections and their subsections; a slug is GitHub's "
                 "anchor (`llm-training-1` is the second \"LLM Training\"), and a slug or "
                 "title without its emoji works too", "optimization"),
    FilterOption("no-subsections", _switch("no_subsections"), "flag",
                 "with `section`: only the entries of those sections themselves, not of "
                 "their subsections", "", flag=True),
    FilterOption("kind", _read_kinds, _code(KINDS),
                 "only these kinds; without it, all kinds show", "paper"),
    FilterOption("year", _read_year, "`2024`, `2023-2025`, `2024-`, `>=2024`, `<2023`",
                 "year range", "2024-"),
    FilterOption("author", _text("author"), "text",
                 "an author's name contains it (accent- and case-insensitive)", "Lee"),
    FilterOption("match", _text("match"), "text",
                 "the title or description contains it", "muon"),
    FilterOption("highlight", _switch("highlight"), "flag", "only the 🌟 entries", "",
                 flag=True),
    FilterOption("has-code", _switch("has_code"), "flag",
                 "only entries with a code repository", "", flag=True),
    FilterOption("keys", _read_keys, "keys or `arXiv:ID`s",
                 "exactly these entries, in this order", "wijmans2024cut,arXiv:2504.13161"),
    FilterOption("sort", _read_sort, _code(SORTS).replace("`list`", "`list` (default)", 1),
                 "row order", "newest"),
    FilterOption("limit", _read_limit, "number", "at most this many entries", "5"),
    FilterOption("columns", _read_columns, "from " + _code(COLUMNS),
                 "which columns, in which order", "key,title,year"),
    FilterOption("source", _read_sources, "list paths, comma separated",
                 "only entries from those lists (a path, or the end of one: `list.md`)",
                 "llm-training.md"),
)
FILTER_OPTIONS = tuple(option.name for option in FILTERS)
_FILTERS = {option.name: option for option in FILTERS}


def parse_query(options: Mapping[str, str | None]) -> tuple[Query, list[QueryProblem]]:
    """Read option strings (``{"year": ">=2024", "highlight": None}``) into a Query."""
    values: dict[str, Any] = {}
    problems: list[QueryProblem] = []
    for raw_name, raw_value in options.items():
        name = raw_name.strip().lower().replace("_", "-")
        value = "" if raw_value is None else str(raw_value).strip()
        option = _FILTERS.get(name)
        if option is None:
            problems.append(QueryProblem(
                "bad-option", name, value,
                f"unknown option {name!r}{did_you_mean(name, FILTER_OPTIONS)}",
            ))
            continue
        read, bad = option.read(value)
        values.update(read)
        problems += [QueryProblem("bad-option", name, part, f"{name}: {why}")
                     for part, why in bad]
    return Query(**values), problems


def _typeable_chars(text: str) -> Iterator[tuple[str, bool]]:
    """Each character of ``text``, and whether a keyboard types it: emoji and other
    pictographs, skin tones, variation selectors (U+FE0F), joiners and format characters,
    and marks that follow no letter (an emoji's keycap) are not."""
    kept = False
    for ch in text:
        category = unicodedata.category(ch)
        if category == "So" or category[0] == "C" or "\ufe00" <= ch <= "\ufe0f" \
                or "\U0001f3fb" <= ch <= "\U0001f3ff" or "\U000e0100" <= ch <= "\U000e01ef":
            kept = False
        elif category[0] == "M":
            kept = kept and ch != "\u20e3"
        else:
            kept = True
        yield ch, kept


def typed_form(text: str) -> str:
    """How a person types a slug or heading: without emoji and invisible characters,
    case-folded, spaces as ``-``, no runs of ``-`` and none at the ends."""
    typed = "".join(ch for ch, kept in _typeable_chars(text) if kept).casefold()
    return "-".join(w for w in re.split(r"[-\s]+", typed) if w)


def visible_slug(slug: str) -> str:
    """The slug with its untypeable characters percent-encoded, as a browser shows a link:
    ``planning-%EF%B8%8F``."""
    return "".join(ch if kept else quote(ch) for ch, kept in _typeable_chars(slug))


def section_name(section: Section) -> str | None:
    """The name a person can type for a section: its slug when that is plain, else the
    slug's (or the heading's) typed form; ``None`` for an emoji-only heading."""
    slug = section.slug
    if slug and all(kept for _, kept in _typeable_chars(slug)) \
            and not slug.startswith("-") and not slug.endswith("-"):
        return slug
    for text in (slug, section.title):
        typed = typed_form(text)
        if any(ch.isalnum() for ch in typed):
            return typed
    return None


def matching_sections(sections: Iterable[Section], name: str) -> list[Section]:
    """The sections ``name`` means: those whose slug it is, else those whose heading it is
    (case-insensitive; ``survey`` is not also the second "Survey", ``survey-1``), else
    those whose slug or heading it is once emoji and invisible characters are gone."""
    sections = list(sections)
    folded = name.casefold()
    exact = [s for s in sections if s.slug == folded] \
        or [s for s in sections if s.title.casefold() == folded]
    typed = typed_form(name)
    if exact or not typed:
        return exact
    return [s for s in sections if typed in (typed_form(s.slug), typed_form(s.title))]


def _section_slugs(collection: Collection, wanted: Sequence[str],
                   problems: list[QueryProblem]) -> set[str]:
    slugs: set[str] = set()
    for name in wanted:
        found = {s.slug for s in matching_sections(collection.sections, name)}
        if not found:
            names = (section_name(s) for s in collection.sections)
            problems.append(QueryProblem(
                "unknown-section", "section", name,
                f"unknown section {name!r}{did_you_mean(name, (n for n in names if n))}",
            ))
        slugs |= found
    return slugs


def is_source(path: str, wanted: str) -> bool:
    """``:source: list.md`` names a list by its path or by the end of it."""
    return path == wanted or path.endswith("/" + wanted.lstrip("./"))


def _unknown_sources(collection: Collection, wanted: Sequence[str]) -> list[QueryProblem]:
    names = [posixpath.basename(p.replace("\\", "/")) for p in collection.sources]
    return [QueryProblem("unknown-source", "source", name,
                         f"unknown source {name!r}{did_you_mean(name, names)}")
            for name in wanted if not any(is_source(p, name) for p in collection.sources)]


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
        entries = [e for e in entries if any(is_source(e.source, s) for s in query.sources)]
    if query.sections:
        slugs = _section_slugs(collection, query.sections, problems)
        entries = [e for e in entries if slugs.intersection(
            e.section_slugs[-1:] if query.no_subsections else e.section_slugs)]
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
