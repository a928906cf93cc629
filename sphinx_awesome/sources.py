"""The configured lists as one Collection, their fingerprint, and the shared warning helper."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from sphinx.util import logging

import awesome_papers
from awesome_papers import Entry

from .config import cache_path, source_paths

if TYPE_CHECKING:
    from collections.abc import Iterable

    from sphinx.config import Config

    from awesome_papers import Collection

logger = logging.getLogger(__name__)
#: The last raw collection, cache stamp and enriched result (the core memoises parsing).
_enriched: list[tuple[Collection, tuple[str, int, int], Collection]] = []


def warn(message: str, location: object, subtype: str) -> None:
    """Every warning of the extension: ``type="awesome"``, a documented subtype, a place."""
    logger.warning(message, location=location, type="awesome", subtype=subtype)


def collection(config: Config) -> Collection:
    """The entries of every configured list (enriched from the cache when configured).

    ``awesome_papers.load`` parses a list once per process and re-parses only when its
    size, mtime or content changes, so calling this per directive costs a few stats.
    """
    raw = awesome_papers.load(source_paths(config))
    cache = cache_path(config)
    if cache is None:
        return raw
    stat = cache.stat() if cache.is_file() else None
    stamp = (str(cache), stat.st_size if stat else -1, stat.st_mtime_ns if stat else -1)
    if not _enriched or _enriched[0][0] is not raw or _enriched[0][1] != stamp:
        from awesome_papers.enrich import apply_cache

        _enriched[:] = [(raw, stamp, apply_cache(raw, cache))]
    return _enriched[0][2]


def digest(entries: Iterable[Entry | None], *extra: object) -> str:
    """A stable digest of what a page shows. Entries count without their source line, so
    an edit above them in the list does not rebuild their pages."""
    shown = [e and {k: v for k, v in vars(e).items() if k != "line"} for e in entries]
    return hashlib.sha256(repr((shown, extra)).encode()).hexdigest()


def fingerprint(config: Config) -> str:
    """A digest of the list files and the cache: equal digests mean equal entries."""
    digest = hashlib.sha256()
    cache = cache_path(config)
    for path in [*source_paths(config), *([cache] if cache else [])]:
        digest.update(str(path).encode() + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"")
    return digest.hexdigest()


def report_diagnostics(config: Config) -> None:
    """The lists' own problems, once per build, at the list's ``path:line``."""
    for diagnostic in collection(config).diagnostics:
        if diagnostic.severity == "info":
            continue
        subtype = "duplicate" if diagnostic.code == "duplicate" else "parse"
        warn(f"{diagnostic.code}: {diagnostic.message}",
             f"{diagnostic.path}:{diagnostic.line}", subtype)
