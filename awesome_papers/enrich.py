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
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .arxiv import MAX_VERSION, is_category, is_well_formed
from .arxiv_api import ArxivClient, Batch, Record, fetch, is_doi, is_timestamp, printable
from .files import write_atomic
from .model import Collection, Diagnostic, Entry, Severity
from .text import normalise_title

#: Bumped when the file's layout changes incompatibly.
CACHE_FORMAT = 1

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: What an id the API was asked about looks like, well-formed or not.
_ID_LIKE = re.compile(r"[A-Za-z0-9.\-/]{1,64}")


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
    def from_json(cls, data: object) -> CachedPaper:
        """The record ``data`` describes; :class:`ValueError` names the first bad field.

        A hand edit or a hostile file must not reach BibTeX in another shape than the
        API's: ``"authors": "abc"`` would otherwise become three authors a, b and c.
        """
        if not isinstance(data, dict):
            raise ValueError("not an object")
        versions = data.get("versions", [])
        if not isinstance(versions, list) or not all(
                isinstance(v, dict) and type(v.get("version")) is int for v in versions):
            raise ValueError("'versions' is not a list of {version, submitted}")
        versions = sorted(versions, key=lambda v: v["version"])
        if [v["version"] for v in versions] != list(range(1, len(versions) + 1)) or (
                len(versions) > MAX_VERSION):
            raise ValueError(f"'versions' are not numbered 1, 2, ... up to {MAX_VERSION}")
        submitted = [v.get("submitted", "") for v in versions]
        if not all(isinstance(d, str) and (not d or is_timestamp(d)) for d in submitted):
            raise ValueError("a version's 'submitted' is not an ISO 8601 date")
        authors = data.get("authors")
        if not isinstance(authors, list) or not all(_is_text(a) for a in authors):
            raise ValueError("'authors' is not a list of names")
        optional = {k: data.get(k) for k in ("primary_class", "doi", "journal_ref")}
        if not all(v is None or _is_text(v) for v in optional.values()):
            raise ValueError("'primary_class', 'doi' or 'journal_ref' is not a string")
        primary, doi = optional["primary_class"], optional["doi"]
        if primary is not None and not is_category(primary):
            raise ValueError(f"'primary_class' {printable(primary, 40)!r} is no arXiv category")
        if doi is not None and not is_doi(doi):
            raise ValueError(f"'doi' {printable(doi, 60)!r} is not a DOI")
        if not _is_text(data.get("title")):
            raise ValueError("'title' is not a string")
        abstract = data.get("abstract", "")
        if not (abstract == "" or _is_text(abstract)):
            raise ValueError("'abstract' is not a string")
        return cls(
            title=data["title"],
            authors=tuple(authors),
            abstract=abstract,
            primary_class=primary,
            versions=tuple(submitted),
            doi=doi,
            journal_ref=optional["journal_ref"],
        )


def _is_text(value: object) -> bool:
    """A non-empty string with no control characters (they have no place in a record)."""
    return isinstance(value, str) and bool(value.strip()) and not _CONTROL.search(value)


@dataclass
class Cache:
    """Papers by arXiv id, and the ids the API said it does not know (with its reason)."""

    papers: dict[str, CachedPaper] = field(default_factory=dict)
    unknown: dict[str, str] = field(default_factory=dict)
    #: Records dropped when the file was read, one message each (file, id, what is wrong).
    problems: list[str] = field(default_factory=list)

    def add(self, batch: Batch) -> None:
        """Record a batch. A cached paper is never turned unknown: arXiv removes no paper,
        so an answer that lost one is the server's fault, not news to keep."""
        for arxiv_id, record in batch.records.items():
            self.papers[arxiv_id] = CachedPaper.from_record(record, batch.versions[arxiv_id])
            self.unknown.pop(arxiv_id, None)
        for arxiv_id, reason in batch.unknown.items():
            if arxiv_id not in self.papers:
                self.unknown[arxiv_id] = reason


def read_cache(path: str | os.PathLike[str]) -> Cache:
    """The cache at ``path``; an empty one if there is no file yet.

    The file is JSON and only ever read as JSON (never unpickled or evaluated). A file
    that is not a cache raises :class:`CacheError`; a bad record in a good file is dropped
    and named in :attr:`Cache.problems`, so one hand edit does not lose the rest.
    """
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Cache()
    except UnicodeDecodeError as error:
        where = f"{error.reason} at byte {error.start}"
        raise CacheError(f"{path}: not UTF-8 text ({where})") from error
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise CacheError(f"{path}: not JSON ({str(error)[:100]})") from error
    if not isinstance(data, dict) or type(data.get("format")) is not int or (
            data["format"] != CACHE_FORMAT):
        raise CacheError(f"{path}: not an awesome-papers arXiv cache of format {CACHE_FORMAT}")
    papers, unknown = data.get("papers", {}), data.get("unknown", {})
    if not isinstance(papers, dict) or not isinstance(unknown, dict):
        raise CacheError(f"{path}: 'papers' and 'unknown' must be JSON objects")
    cache = Cache()
    for arxiv_id, record in sorted(papers.items()):
        try:
            if not is_well_formed(arxiv_id):
                raise ValueError("not an arXiv id without version")
            cache.papers[arxiv_id] = CachedPaper.from_json(record)
        except ValueError as error:
            cache.problems.append(f"{path}: record {printable(arxiv_id, 40)!r} dropped: {error}")
    for arxiv_id, reason in sorted(unknown.items()):
        # Malformed ids are kept: "incorrect id format" is what the API said of them.
        if _ID_LIKE.fullmatch(arxiv_id) and _is_text(reason) and arxiv_id not in cache.papers:
            cache.unknown[arxiv_id] = reason
        else:
            cache.problems.append(
                f"{path}: unknown id {printable(arxiv_id, 40)!r} dropped: not an id with a "
                "reason, or also a paper")
    return cache


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
    #: Bad records dropped from the cache file when it was read (they are fetched again).
    dropped: tuple[str, ...] = ()


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
    return EnrichReport(tuple(fetched), skipped, unknown, failed, tuple(cache.problems))


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
        dropped = [
            Diagnostic(str(cache_path), 0, 0, "warning", "cache-bad-record", problem)
            for problem in cache.problems
        ]
        diagnostics = (
            *collection.diagnostics, *dropped,
            *cache_diagnostics(collection.entries, cache, cache_path),
        )
    return replace(collection, entries=entries, diagnostics=diagnostics)
