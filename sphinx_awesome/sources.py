"""The configured lists as one Collection, their fingerprint, and the shared warning helper."""

from __future__ import annotations

import hashlib
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

import awesome_papers
from awesome_papers import Entry
from awesome_papers.files import UNREADABLE
from awesome_papers.report import summaries
from awesome_papers.settings import for_file

from .config import cache_path, source_paths

if TYPE_CHECKING:
    from collections.abc import Iterable

    from docutils.nodes import Node
    from sphinx.config import Config

    from awesome_papers import Collection

logger = logging.getLogger(__name__)
#: Entry fields that can change what a page shows (all but the source line).
_SHOWN_FIELDS = tuple(f.name for f in fields(Entry) if f.name != "line")


def warn(message: str, location: str | tuple[str | None, int | None] | Node | None,
         subtype: str) -> None:
    """Every warning of the extension: ``type="awesome"``, a documented subtype, a place."""
    logger.warning(message, location=location, type="awesome", subtype=subtype)


def collection(config: Config) -> Collection:
    """The entries of every configured list, enriched from the cache when configured.

    Called by every directive and citation; the core hands back the same collection
    until a list or the cache changes, so a call costs a few file stats. A list that
    cannot be read is left out, and is among the diagnostics (see ``report_diagnostics``).
    Diagnostics are silenced by the lists' ignore comments and by ``awesome_ignore``, else
    by the config file nearest each list.
    """
    cache = cache_path(config)
    return awesome_papers.load(source_paths(config), cache=cache, skip_unreadable=True,
                               ignore=config.awesome_ignore)


def digest(entries: Iterable[Entry | None], *extra: object) -> str:
    """A stable digest of what a page shows. Entries count without their source line, so
    an edit above them in the list does not rebuild their pages."""
    shown = [e and tuple(getattr(e, name) for name in _SHOWN_FIELDS) for e in entries]
    return hashlib.sha256(repr((shown, extra)).encode()).hexdigest()


def fingerprint(config: Config) -> str:
    """A digest of the list files, the cache and the config files that silence their
    diagnostics: equal digests mean equal entries and equal diagnostics."""
    hasher = hashlib.sha256()
    cache = cache_path(config)
    hasher.update(repr(config.awesome_ignore).encode())
    settings = {for_file(path).path for path in source_paths(config)}
    for path in [*source_paths(config), *([cache] if cache else []),
                 *(Path(s) for s in sorted(filter(None, settings)))]:
        hasher.update(str(path).encode() + b"\0")
        try:
            hasher.update(path.read_bytes())
        except OSError as error:  # missing, a directory, unreadable: reported once parsed
            hasher.update(type(error).__name__.encode())
    return hasher.hexdigest()


def report_summary(config: Config) -> None:
    """With ``awesome_list_diagnostics = "summary"`` (the default), the lists' problems as
    one line per list, at the end of a build in which a list changed."""
    if config.awesome_list_diagnostics == "summary":
        for line in summaries(collection(config).diagnostics):
            logger.info(line)


def report_diagnostics(config: Config) -> None:
    """The lists' own problems, once per build in which a list changed: with
    ``awesome_list_diagnostics = "all"`` each as a warning at the list's ``path:line``
    (else see :func:`report_summary`). A list that cannot be read is always one
    ``unreadable-list`` warning naming it and what is wrong."""
    for diagnostic in collection(config).diagnostics:
        if diagnostic.severity == "info":
            continue
        if config.awesome_list_diagnostics != "all" and diagnostic.code != UNREADABLE:
            continue
        where = f"{diagnostic.path}:{diagnostic.line}" if diagnostic.line else diagnostic.path
        if diagnostic.code == UNREADABLE:  # a location without a line would be a docname
            warn(f"list file {diagnostic.message}" if diagnostic.line
                 else f"{diagnostic.path}: list file {diagnostic.message}",
                 where if diagnostic.line else None, UNREADABLE)
            continue
        subtype = "duplicate" if diagnostic.code == "duplicate" else "parse"
        warn(f"{diagnostic.code}: {diagnostic.message}", where, subtype)
