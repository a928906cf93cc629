"""JSON and CSV exports: the documented, stable record format of the command line."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from .model import Collection, Diagnostic, Entry, Section

#: Fields of an entry in the JSON export, in order.
ENTRY_FIELDS = (
    "key", "kind", "title", "authors", "authors_truncated", "authors_cut",
    "arxiv", "arxiv_version",
    "year", "month", "venue", "url", "pdf", "code", "links", "description", "highlight",
    "citations", "owner", "doi", "primary_class", "journal_ref", "section", "source", "line",
)
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def entry_record(entry: Entry) -> dict[str, Any]:
    """An entry as JSON-ready values."""
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


def to_json(collection: Collection, entries: Sequence[Entry] | None = None) -> str:
    """``{"entries": [...], "sections": [...], "diagnostics": [...]}``, byte-stable."""
    data = {
        "entries": [entry_record(e) for e in (collection.entries if entries is None else entries)],
        "sections": [section_record(s) for s in collection.sections],
        "diagnostics": [diagnostic_record(d) for d in collection.diagnostics],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


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


def to_csv(entries: Sequence[Entry]) -> str:
    """One row per entry; lists joined with ``; `` (authors, code), `` > `` (section)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(ENTRY_FIELDS)
    for entry in entries:
        record = entry_record(entry)
        record["authors"] = "; ".join(entry.authors)
        record["code"] = " ".join(entry.code)
        record["links"] = " ".join(f"[{link.label}]({link.url})" for link in entry.links)
        record["section"] = " > ".join(entry.section)
        writer.writerow([_cell(record[name]) for name in ENTRY_FIELDS])
    return out.getvalue()
