"""Load list files, once per process: the entry point both adapters and the CLI use.

Documentation builds ask for the same lists from every page. A file is parsed again
only when its size, mtime and content hash say it changed, and the merged (and
enriched) collection is handed back as the same object until a list or the arXiv cache
changes, so asking is a few ``stat`` calls.

Every consumer gets the diagnostics after silencing (see :mod:`awesome_papers.suppress`):
the list's ignore comments, then ``select``/``ignore`` from the caller or else from the
nearest config file (:mod:`awesome_papers.settings`). The comments are read from the
list's text, so a parse from the disk cache is silenced the same way.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from . import diskcache, settings, suppress
from .files import UNREADABLE, FileProblem, decode, read_bytes, read_problem
from .gc_pause import collector_paused
from .model import Collection, Diagnostic
from .parse import finish
from .parse.draft import Parsed
from .settings import Settings
from .suppress import Comments

PathLike = str | os.PathLike[str]
#: A file's parse (or why it cannot be read) and its ignore comments.
Read = tuple[Parsed | FileProblem, Comments]
#: Path -> (size and mtime, content hash, what reading it gave).
_PARSED: dict[str, tuple[tuple[int, int], str, Read]] = {}
_LOADED: dict[tuple[object, ...], tuple[tuple[object, ...], Collection]] = {}


def _parsed(path: Path, disk_cache: bool = False) -> Read:
    """Parse a file once per process; re-parse only when its size, mtime and hash change.

    A file that cannot be read or decoded gives its :class:`FileProblem`, kept like a
    parse, so asking again costs a ``stat`` until the file changes. With ``disk_cache``,
    a parse of the same content from an earlier process is reused (see
    :mod:`awesome_papers.diskcache`).
    """
    key = str(path)
    none = Comments(key)
    try:
        stat = path.stat()
    except OSError as error:
        return read_problem(path, error), none
    stamp = (stat.st_size, stat.st_mtime_ns)
    cached = _PARSED.get(key)
    if cached and cached[0] == stamp:
        return cached[2]
    try:
        data = read_bytes(path)
    except FileProblem as problem:
        return problem, none
    digest = hashlib.sha256(data).hexdigest()
    if cached and cached[1] == digest:
        _PARSED[key] = (stamp, digest, cached[2])
        return cached[2]
    parsed: Parsed | FileProblem | None = (
        diskcache.read(key, digest, Parsed) if disk_cache else None)
    text: str | None = None
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
    comments = none
    if not isinstance(parsed, FileProblem) and suppress.MARKER.encode() in data:
        comments = suppress.scan(decode(data, path) if text is None else text, key)
    _PARSED[key] = (stamp, digest, (parsed, comments))
    return parsed, comments


def _cache_stamp(cache: PathLike | None) -> tuple[int, int] | None:
    if cache is None or not os.path.isfile(cache):
        return None
    stat = os.stat(cache)
    return stat.st_size, stat.st_mtime_ns


def _unreadable(problem: FileProblem) -> Diagnostic:
    return Diagnostic(problem.path, problem.line, 0, "error", UNREADABLE, problem.reason)


def _by_code(diagnostic: Diagnostic, found: Settings, select: Sequence[str] | None,
             ignore: Sequence[str] | None) -> bool:
    """Whether the code selection reports ``diagnostic``: the caller's, else the file's."""
    return suppress.chosen(diagnostic.code, found.select if select is None else select,
                           found.ignore if ignore is None else ignore)


def _silenced(collection: Collection, comments: Sequence[Comments],
              found: dict[str, Settings], select: Sequence[str] | None,
              ignore: Sequence[str] | None) -> Collection:
    """The diagnostics the comments and the code selection leave, and the rest as ignored.

    The comments' own warnings are placed among the list's diagnostics in line order;
    other comments do not silence them, the code selection can.
    """
    own = {d for c in comments for d in c.problems}
    by_path = {c.path: c for c in comments if c.starts or c.lines}
    kept: list[Diagnostic] = []
    ignored: list[Diagnostic] = []
    for diagnostic in collection.diagnostics:
        where = by_path.get(diagnostic.path)
        quiet = diagnostic not in own and where is not None and where.silences(diagnostic)
        if not quiet:
            if diagnostic.path not in found:  # the arXiv cache's, a config file's
                found[diagnostic.path] = settings.for_file(diagnostic.path)
            quiet = not _by_code(diagnostic, found[diagnostic.path], select, ignore)
        (ignored if quiet else kept).append(diagnostic)
    if not ignored:
        return collection
    return replace(collection, diagnostics=tuple(kept), ignored=tuple(ignored))


def _with_own(collection: Collection, comments: Sequence[Comments],
              configs: Sequence[Settings]) -> Collection:
    """The config files' and the comments' own warnings added to a fresh collection."""
    own = [d for c in comments for d in c.problems]
    config_problems = list(dict.fromkeys(d for s in configs for d in s.problems))
    if not own and not config_problems:
        return collection
    listed = sorted([*collection.diagnostics, *own],
                    key=lambda d: (d.path, d.line, d.column, d.code))
    return replace(collection, diagnostics=(*config_problems, *listed))


def load(paths: PathLike | Sequence[PathLike], *, cache: PathLike | None = None,
         disk_cache: bool = False, skip_unreadable: bool = False,
         select: Sequence[str] | None = None,
         ignore: Sequence[str] | None = None) -> Collection:
    """One collection from one or more list files, keys unique across them.

    With ``cache`` (a file written by ``awesome-papers enrich``), entries get the full
    arXiv records; see :func:`awesome_papers.enrich.apply_cache`. While no file changes,
    every call returns the same object. ``disk_cache`` keeps parsed files between
    processes, for engines whose builds start from nothing (MkDocs).

    A list that is missing, a directory, binary or not UTF-8 raises a
    :class:`~awesome_papers.files.FileProblem` naming it (the CLI stops). With
    ``skip_unreadable`` (documentation builds, which go on) it is left out and becomes
    an ``unreadable-list`` error among the diagnostics instead.

    ``select`` and ``ignore`` (codes; see :func:`awesome_papers.suppress.chosen`) replace
    those of the config file nearest each list; ``None`` keeps the file's. Callers check
    the codes with :func:`awesome_papers.suppress.unknown_codes`. What they and the
    list's ignore comments silence is in ``Collection.ignored``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    reads = [_parsed(Path(p), disk_cache) for p in paths]
    results = [parsed for parsed, _ in reads]
    comments = [c for _, c in reads]
    problems = [r for r in results if isinstance(r, FileProblem)]
    if problems and not skip_unreadable:
        raise problems[0]
    key = (tuple(str(Path(p)) for p in paths), os.fspath(cache) if cache else None,
           skip_unreadable, None if select is None else tuple(select),
           None if ignore is None else tuple(ignore))
    found = {str(Path(p)): settings.for_file(p) for p in [*paths, *([cache] if cache else [])]}
    stamp = (*(id(r) for r in results), _cache_stamp(cache), *found.values())
    kept = _LOADED.get(key)
    if kept and kept[0] == stamp:
        return kept[1]
    collection = finish([r for r in results if not isinstance(r, FileProblem)])
    collection = _with_own(collection, comments, list(found.values()))
    if problems:
        collection = replace(
            collection, sources=tuple(os.fspath(Path(p)) for p in paths),
            diagnostics=(*map(_unreadable, problems), *collection.diagnostics))
    if cache is not None:
        from .enrich import apply_cache  # the HTTP client is not needed without a cache

        collection = apply_cache(collection, cache)
    collection = _silenced(collection, comments, found, select, ignore)
    _LOADED[key] = (stamp, collection)
    return collection
