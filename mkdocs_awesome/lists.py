"""The configured lists as one Collection, and whether it changed since the last call.

The core keeps the parsed lists and hands back the same collection while no list and
no cache changes; the extension runs once per page when used alone and the plugin once
per ``mkdocs serve`` rebuild, and both log a list's diagnostics only when it changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from awesome_papers import load
from awesome_papers.files import UNREADABLE
from awesome_papers.report import summaries

from .site import logger

if TYPE_CHECKING:
    from collections.abc import Sequence

    from awesome_papers.model import Collection

_last: dict[tuple[tuple[str, ...], str | None, tuple[str, ...] | None], Collection] = {}


def load_lists(paths: Sequence[str], cache: str | None = None, *, parse_cache: bool = True,
               ignore: Sequence[str] | None = None) -> tuple[Collection, bool]:
    """The lists (enriched from ``cache`` if given), and whether they changed since last time.

    ``parse_cache`` keeps parsed lists on disk between builds. A list that is missing or
    cannot be read is left out, and is an ``unreadable-list`` diagnostic (see
    :func:`log_diagnostics`). Diagnostics the lists' ignore comments or ``ignore`` (else
    the nearest config file's) silence are left out too.
    """
    collection = load(paths, cache=cache or None, disk_cache=parse_cache,
                      skip_unreadable=True, ignore=ignore)
    key = (tuple(paths), cache, None if ignore is None else tuple(ignore))
    fresh = _last.get(key) is not collection
    _last[key] = collection
    return collection, fresh


def log_diagnostics(collection: Collection, mode: str = "summary") -> None:
    """The lists' own problems: one INFO line per list (``summary``), each one as a
    WARNING, so that ``--strict`` fails on them (``all``), or none. A list that cannot be
    read is always an ERROR naming it, so ``mkdocs build --strict`` fails on it while a
    plain build goes on."""
    for diagnostic in collection.diagnostics:
        if diagnostic.code == UNREADABLE:
            line = f":{diagnostic.line}" if diagnostic.line else ""
            logger.error("%s%s: list file %s [awesome.%s]", diagnostic.path, line,
                         diagnostic.message, UNREADABLE)
        elif mode == "all" and diagnostic.severity != "info":
            logger.warning("%s", diagnostic.format())
    if mode == "summary":
        for line in summaries(collection.diagnostics):
            logger.info("%s", line)
