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
from dataclasses import replace
from pathlib import Path

from . import diskcache
from .files import UNREADABLE, FileProblem, decode, read_bytes, read_problem
from .gc_pause import collector_paused
from .model import Collection, Diagnostic
from .parse import finish
from .parse.draft import Parsed

PathLike = str | os.PathLike[str]
#: Path -> (size and mtime, content hash, the parse or why the file cannot be read).
_PARSED: dict[str, tuple[tuple[int, int], str, Parsed | FileProblem]] = {}
_LOADED: dict[tuple[tuple[str, ...], str | None, bool],
              tuple[tuple[object, ...], Collection]] = {}


def _parsed(path: Path, disk_cache: bool = False) -> Parsed | FileProblem:
    """Parse a file once per process; re-parse only when its size, mtime and hash change.

    A file that cannot be read or decoded gives its :class:`FileProblem`, kept like a
    parse, so asking again costs a ``stat`` until the file changes. With ``disk_cache``,
    a parse of the same content from an earlier process is reused (see
    :mod:`awesome_papers.diskcache`).
    """
    try:
        stat = path.stat()
    except OSError as error:
        return read_problem(path, error)
    stamp = (stat.st_size, stat.st_mtime_ns)
    key = str(path)
    cached = _PARSED.get(key)
    if cached and cached[0] == stamp:
        return cached[2]
    try:
        data = read_bytes(path)
    except FileProblem as problem:
        return problem
    digest = hashlib.sha256(data).hexdigest()
    if cached and cached[1] == digest:
        _PARSED[key] = (stamp, digest, cached[2])
        return cached[2]
    parsed: Parsed | FileProblem | None = (
        diskcache.read(key, digest, Parsed) if disk_cache else None)
    if parsed is None:
        try:
            text = decode(data, path)
        except FileProblem as problem:
            parsed = problem
        else:
            from .parse import parse_file  # markdown-it only when a list is parsed

            with collector_paused():  # tens of thousands of small objects, no cycles to free
                parsed = parse_file(text, os.fspath(path))
            if disk_cache:
                diskcache.write(key, digest, parsed)
    _PARSED[key] = (stamp, digest, parsed)
    return parsed


def _cache_stamp(cache: PathLike | None) -> tuple[int, int] | None:
    if cache is None or not os.path.isfile(cache):
        return None
    stat = os.stat(cache)
    return stat.st_size, stat.st_mtime_ns


def _unreadable(problem: FileProblem) -> Diagnostic:
    return Diagnostic(problem.path, problem.line, 0, "error", UNREADABLE, problem.reason)


def load(paths: PathLike | Sequence[PathLike], *, cache: PathLike | None = None,
         disk_cache: bool = False, skip_unreadable: bool = False) -> Collection:
    """One collection from one or more list files, keys unique across them.

    With ``cache`` (a file written by ``awesome-papers enrich``), entries get the full
    arXiv records; see :func:`awesome_papers.enrich.apply_cache`. While no file changes,
    every call returns the same object. ``disk_cache`` keeps parsed files between
    processes, for engines whose builds start from nothing (MkDocs).

    A list that is missing, a directory, binary or not UTF-8 raises a
    :class:`~awesome_papers.files.FileProblem` naming it (the CLI stops). With
    ``skip_unreadable`` (documentation builds, which go on) it is left out and becomes
    an ``unreadable-list`` error among the diagnostics instead.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    results = [_parsed(Path(p), disk_cache) for p in paths]
    problems = [r for r in results if isinstance(r, FileProblem)]
    if problems and not skip_unreadable:
        raise problems[0]
    key = (tuple(str(Path(p)) for p in paths), os.fspath(cache) if cache else None,
           skip_unreadable)
    stamp = (*(id(r) for r in results), _cache_stamp(cache))
    kept = _LOADED.get(key)
    if kept and kept[0] == stamp:
        return kept[1]
    collection = finish([r for r in results if not isinstance(r, FileProblem)])
    if problems:
        collection = replace(
            collection, sources=tuple(os.fspath(Path(p)) for p in paths),
            diagnostics=(*map(_unreadable, problems), *collection.diagnostics))
    if cache is not None:
        from .enrich import apply_cache  # the HTTP client is not needed without a cache

        collection = apply_cache(collection, cache)
    _LOADED[key] = (stamp, collection)
    return collection
