"""JSON and CSV exports: the documented, stable record format of the command line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from . import urls
from .model import Collection, Diagnostic, Entry, Section

#: Fields of an entry in the JSON export, in order.
ENTRY_FIELDS = (
    "key", "kind", "title", "authors", "authors_truncated", "authors_cut",
    "arxiv", "arxiv_version",
    "year", "month", "venue", "url", "pdf", "code", "links", "description", "highlight",
    "citations", "owner", "doi", "primary_class", "journal_ref", "section", "source", "line",
    "shape",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def entry_record(entry: Entry) -> dict[str, Any]:
    """An entry as JSON-ready values, without URLs that fail :func:`urls.is_safe`."""
    entry = urls.scrubbed(entry)
    record: dict[str, Any] = {}
    for name in ENTRY_FIELDS:
        value = getattr(entry, name)
        if name == "links":
            value = [{"label": link.label, "url": link.url} for link in value]
        elif isinstance(value, tuple):
            value = list(value)
        record[name] = value
    return record


def section_record(section: Section) -> dict[str, Any]:
    return {"title": section.title, "slug": section.slug, "level": section.level,
            "line": section.line, "parent": section.parent, "source": section.source}


def diagnostic_record(diagnostic: Diagnostic) -> dict[str, Any]:
    return {"path": diagnostic.path, "line": diagnostic.line, "column": diagnostic.column,
            "severity": diagnostic.severity, "code": diagnostic.code,
            "message": diagnostic.message}


def _json_list(out: TextIO, records: Iterable[dict[str, Any]]) -> None:
    """A list at the second level of :func:`to_json`'s document, one record at a time,
    byte for byte what ``json.dumps(..., indent=2)`` writes for the whole document."""
    separator = "["
    for record in records:
        # json.dumps escapes newlines inside strings: every "\n" here is between lines.
        out.write(separator + "\n    "
                  + json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n    "))
        separator = ","
    out.write("[]" if separator == "[" else "\n  ]")


def write_json(out: TextIO, collection: Collection,
               entries: Iterable[Entry] | None = None) -> None:
    """Write :func:`to_json`'s document entry by entry: memory stays that of one record,
    not of the whole text (100k entries: hundreds of MB less)."""
    out.write('{\n  "entries": ')
    _json_list(out, map(entry_record, collection.entries if entries is None else entries))
    out.write(',\n  "sections": ')
    _json_list(out, map(section_record, collection.sections))
    out.write(',\n  "diagnostics": ')
    _json_list(out, map(diagnostic_record, collection.diagnostics))
    out.write("\n}\n")


def to_json(collection: Collection, entries: Sequence[Entry] | None = None) -> str:
    """``{"entries": [...], "sections": [...], "diagnostics": [...]}``, byte-stable."""
    out = io.StringIO()
    write_json(out, collection, entries)
    return out.getvalue()


def _cell(value: Any) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if text.startswith(_FORMULA) and not text.lstrip("-").isdigit():
        return "'" + text
    return text


def to_csv(entries: Sequence[Entry], fields: Sequence[str] = ENTRY_FIELDS) -> str:
    """One row per entry, ``fields`` in order (``--columns`` picks them); lists joined
    with ``; `` (authors, code), `` > `` (section)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for entry in map(urls.scrubbed, entries):
        record = entry_record(entry)
        record["authors"] = "; ".join(entry.authors)
        record["code"] = " ".join(entry.code)
        record["links"] = " ".join(f"[{link.label}]({link.url})" for link in entry.links)
        record["section"] = " > ".join(entry.section)
        writer.writerow([_cell(record[name]) for name in fields])
    return out.getvalue()
