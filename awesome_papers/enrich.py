"""The arXiv metadata cache: filled once from the API, then read offline by every build.

Lists cut author lists short (``A, B, ..., Y, Z``), so BibTeX would end in ``and others``.
:func:`enrich` looks the list's arXiv ids up and keeps the full records in a plain,
sorted JSON file meant to be committed next to the list; :func:`apply_cache` merges that
file into a parsed :class:`~awesome_papers.model.Collection` without touching the network,
so documentation builds stay offline and reproducible.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .arxiv_api import ArxivClient, Batch, Record, fetch
from .files import write_atomic
from .model import Collection, Diagnostic, Entry, Severity
from .text import normalise_title

#: Bumped when the file's layout changes incompatibly.
CACHE_FORMAT = 1


class CacheError(ValueError):
    """The cache file exists but is not a cache this version can read."""


@dataclass(frozen=True)
class CachedPaper:
    """What the cache keeps for one arXiv id."""

    title: str
    authors: tuple[str, ...]
    abstract: str = ""
    primary_class: str | None = None
    #: Submission date of each version, version 1 first (ISO 8601; "" if unknown).
    versions: tuple[str, ...] = ()
    doi: str | None = None
    journal_ref: str | None = None

    @property
    def latest_version(self) -> int:
        return len(self.versions)

    @classmethod
    def from_record(cls, record: Record, versions: tuple[str, ...]) -> CachedPaper:
        return cls(
            title=record.title, authors=record.authors, abstract=record.abstract,
            primary_class=record.primary_class, versions=versions, doi=record.doi,
            journal_ref=record.journal_ref,
        )

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "title": self.title,
            "authors": list(self.authors),
            "abstract": self.abstract,
            "primary_class": self.primary_class,
            "versions": [{"version": n, "submitted": d} for n, d in enumerate(self.versions, 1)],
            "doi": self.doi,
            "journal_ref": self.journal_ref,
        }
        return {k: v for k, v in data.items() if v is not None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CachedPaper:
        versions = sorted(data.get("versions", []), key=lambda v: v["version"])
        return cls(
            title=data["title"],
            authors=tuple(data["authors"]),
            abstract=data.get("abstract", ""),
            primary_class=data.get("primary_class"),
            versions=tuple(v["submitted"] for v in versions),
            doi=data.get("doi"),
            journal_ref=data.get("journal_ref"),
        )


@dataclass
class Cache:
    """Papers by arXiv id, and the ids the API said it does not know (with its reason)."""

    papers: dict[str, CachedPaper] = field(default_factory=dict)
    unknown: dict[str, str] = field(default_factory=dict)

    def add(self, batch: Batch) -> None:
        for arxiv_id, record in batch.records.items():
            self.papers[arxiv_id] = CachedPaper.from_record(record, batch.versions[arxiv_id])
            self.unknown.pop(arxiv_id, None)
        for arxiv_id, reason in batch.unknown.items():
            self.unknown[arxiv_id] = reason
            self.papers.pop(arxiv_id, None)


def read_cache(path: str | os.PathLike[str]) -> Cache:
    """The cache at ``path``; an empty one if there is no file yet."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Cache()
    try:
        data = json.loads(text)
    except ValueError as error:
        raise CacheError(f"{path}: not JSON ({error})") from error
    if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
        raise CacheError(f"{path}: not an awesome-papers arXiv cache of format {CACHE_FORMAT}")
    try:
        papers = {k: CachedPaper.from_json(v) for k, v in data.get("papers", {}).items()}
    except (KeyError, TypeError, AttributeError) as error:
        raise CacheError(f"{path}: malformed paper record ({error!r})") from error
    return Cache(papers, dict(data.get("unknown", {})))


def write_cache(cache: Cache, path: str | os.PathLike[str]) -> None:
    """Write sorted, indented JSON atomically: an interrupted run never leaves half a file."""
    data = {
        "format": CACHE_FORMAT,
        "papers": {k: v.to_json() for k, v in cache.papers.items()},
        "unknown": cache.unknown,
    }
    write_atomic(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


def arxiv_ids(entries: Iterable[Entry]) -> list[str]:
    """The distinct arXiv ids of ``entries``, sorted so runs and batches are repeatable."""
    return sorted({e.arxiv for e in entries if e.arxiv})


@dataclass(frozen=True)
class EnrichReport:
    """What one run did: ids fetched, ids already cached, and ids that came to nothing."""

    fetched: tuple[str, ...]
    skipped: tuple[str, ...]
    unknown: dict[str, str]
    failed: dict[str, str]


def enrich(
    ids: Sequence[str],
    cache_path: str | os.PathLike[str],
    *,
    refresh: bool = False,
    client: ArxivClient | None = None,
    batch_size: int = 100,
    progress: Callable[[int, int], None] | None = None,
) -> EnrichReport:
    """Fetch the ids the cache lacks (all with ``refresh``), saving after every batch.

    The cache is rewritten after each batch, so an interrupted run (Ctrl-C) keeps what it
    fetched and the next run asks only for the rest.
    """
    client = client or ArxivClient()
    cache = read_cache(cache_path)
    ids = sorted(set(ids))
    known = set() if refresh else cache.papers.keys() | cache.unknown.keys()
    skipped = tuple(i for i in ids if i in known)
    todo = [i for i in ids if i not in known]
    fetched: list[str] = []
    unknown: dict[str, str] = {}
    failed: dict[str, str] = {}
    if progress and todo:
        progress(0, len(todo))
    for batch in fetch(client, todo, batch_size):
        cache.add(batch)
        if batch.records or batch.unknown:
            write_cache(cache, cache_path)
        fetched += batch.records
        unknown |= batch.unknown
        failed |= batch.failed
        if progress:
            progress(len(fetched) + len(unknown) + len(failed), len(todo))
    return EnrichReport(tuple(fetched), skipped, unknown, failed)


def _diagnostic(entry: Entry, severity: Severity, code: str, message: str) -> Diagnostic:
    return Diagnostic(entry.source, entry.line, 1, severity, code, message)


def cache_diagnostics(
    entries: Iterable[Entry], cache: Cache, cache_path: str | os.PathLike[str]
) -> list[Diagnostic]:
    """What the cache says is wrong with the list: unknown ids, other titles, old versions."""
    found: list[Diagnostic] = []
    for entry in entries:
        if not entry.arxiv:
            continue
        if entry.arxiv in cache.unknown:
            found.append(_diagnostic(
                entry, "error", "arxiv-unknown",
                f"arXiv does not know {entry.arxiv}: {cache.unknown[entry.arxiv]}"))
            continue
        paper = cache.papers.get(entry.arxiv)
        if paper is None:
            found.append(_diagnostic(
                entry, "info", "arxiv-uncached",
                f"arXiv {entry.arxiv} is not in {cache_path}; run `awesome-papers enrich`"))
            continue
        if normalise_title(entry.title) != normalise_title(paper.title):
            found.append(_diagnostic(
                entry, "warning", "arxiv-title-mismatch",
                f"title differs from arXiv {entry.arxiv}: {paper.title!r} "
                "(the list's title is used)"))
        if entry.arxiv_version and entry.arxiv_version < paper.latest_version:
            date = paper.versions[-1][:10]
            found.append(_diagnostic(
                entry, "info", "arxiv-outdated",
                f"links {entry.arxiv}v{entry.arxiv_version}, but v{paper.latest_version} "
                f"is the latest ({date})"))
    return found


def enriched(entry: Entry, paper: CachedPaper) -> Entry:
    """``entry`` with the cached record's authors, category, DOI and journal reference.

    The list keeps its own title, venue, year and month where it has them: the list is
    what its maintainer curates, the cache only fills in.
    """
    first = paper.versions[0] if paper.versions else ""
    return replace(
        entry,
        authors=paper.authors or entry.authors,
        authors_truncated=entry.authors_truncated and not paper.authors,
        authors_cut=None if paper.authors else entry.authors_cut,
        primary_class=paper.primary_class or entry.primary_class,
        doi=paper.doi or entry.doi,
        journal_ref=paper.journal_ref or entry.journal_ref,
        venue=entry.venue or paper.journal_ref,
        year=entry.year or (int(first[:4]) if first[:4].isdigit() else None),
        month=entry.month or (int(first[5:7]) if first[5:7].isdigit() else None),
    )


def apply_cache(collection: Collection, cache_path: str | os.PathLike[str]) -> Collection:
    """``collection`` with cached arXiv metadata merged in, plus the cache's diagnostics.

    Never touches the network. A missing or unreadable cache is a warning diagnostic and
    the collection comes back otherwise unchanged, so a documentation build goes on.
    """
    try:
        if not Path(cache_path).is_file():
            raise CacheError(f"{cache_path}: no such file; run `awesome-papers enrich`")
        cache = read_cache(cache_path)
    except (CacheError, OSError) as error:
        problem = Diagnostic(str(cache_path), 0, 0, "warning", "cache-unreadable", str(error))
        diagnostics = (*collection.diagnostics, problem)
        entries = collection.entries
    else:
        entries = tuple(
            enriched(e, cache.papers[e.arxiv]) if e.arxiv in cache.papers else e
            for e in collection.entries
        )
        diagnostics = (
            *collection.diagnostics, *cache_diagnostics(collection.entries, cache, cache_path)
        )
    return replace(collection, entries=entries, diagnostics=diagnostics)
