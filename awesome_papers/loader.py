"""Load list files, once per process: the entry point both adapters and the CLI use.

Documentation builds ask for the same lists from every page. A file is parsed again
only when its size, mtime and content hash say it changed, and the merged (and
enriched) collection is handed back as the same object until a list or the arXiv cache
changes, so asking is a few ``stat`` calls.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from . import diskcache
from .draft import Parsed
from .gc_pause import collector_paused
from .model import Collection
from .parse import finish

PathLike = str | os.PathLike[str]
_PARSED: dict[str, tuple[tuple[int, int], str, Parsed]] = {}
_LOADED: dict[tuple[tuple[str, ...], str | None], tuple[tuple[object, ...], Collection]] = {}


def _parsed(path: Path, disk_cache: bool = False) -> Parsed:
    """Parse a file once per process; re-parse only when its size, mtime and hash change.

    With ``disk_cache``, a parse of the same content from an earlier process is reused
    (see :mod:`awesome_papers.diskcache`).
    """
    stat = path.stat()
    stamp = (stat.st_size, stat.st_mtime_ns)
    key = str(path)
    cached = _PARSED.get(key)
    if cached and cached[0] == stamp:
        return cached[2]
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if cached and cached[1] == digest:
        _PARSED[key] = (stamp, digest, cached[2])
        return cached[2]
    parsed = diskcache.read(key, digest) if disk_cache else None
    if parsed is None:
        from .parse import parse_file  # markdown-it only when a list is parsed, not read back

        with collector_paused():  # tens of thousands of small objects, no cycles to free
            parsed = parse_file(data.decode("utf-8-sig"), os.fspath(path))
        if disk_cache:
            diskcache.write(key, digest, parsed)
    _PARSED[key] = (stamp, digest, parsed)
    return parsed


def _cache_stamp(cache: PathLike | None) -> tuple[int, int] | None:
    if cache is None or not os.path.isfile(cache):
        return None
    stat = os.stat(cache)
    return stat.st_size, stat.st_mtime_ns


def load(paths: PathLike | Sequence[PathLike], *, cache: PathLike | None = None,
         disk_cache: bool = False) -> Collection:
    """One collection from one or more list files, keys unique across them.

    With ``cache`` (a file written by ``awesome-papers enrich``), entries get the full
    arXiv records; see :func:`awesome_papers.enrich.apply_cache`. While no file changes,
    every call returns the same object. ``disk_cache`` keeps parsed files between
    processes, for engines whose builds start from nothing (MkDocs). A missing list
    raises ``FileNotFoundError``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    missing = [os.fspath(p) for p in paths if not Path(p).is_file()]
    if missing:
        raise FileNotFoundError(f"awesome list not found: {', '.join(missing)}")
    parsed = [_parsed(Path(p), disk_cache) for p in paths]
    key = (tuple(str(Path(p)) for p in paths), os.fspath(cache) if cache else None)
    stamp = (*(id(p) for p in parsed), _cache_stamp(cache))
    kept = _LOADED.get(key)
    if kept and kept[0] == stamp:
        return kept[1]
    collection = finish(parsed)
    if cache is not None:
        from .enrich import apply_cache  # the HTTP client is not needed without a cache

        collection = apply_cache(collection, cache)
    _LOADED[key] = (stamp, collection)
    return collection
