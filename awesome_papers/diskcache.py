"""Parsed lists kept on disk between builds, for engines that keep nothing themselves.

Sphinx pickles its environment, so a rebuild never re-parses; a fresh ``mkdocs build``
starts from nothing, and parsing is most of what the plugin costs. A parsed file is
stored under a name made of its path, its content hash and a hash of the parser's own
source, so an edited list or a changed parser never reads a stale entry. Files unused
for 30 days are removed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .draft import Parsed

_MAX_AGE = 30 * 24 * 3600


def folder() -> Path:
    """``$AWESOME_PAPERS_CACHE``, else ``$XDG_CACHE_HOME/awesome-papers`` (``~/.cache``)."""
    if os.environ.get("AWESOME_PAPERS_CACHE"):
        return Path(os.environ["AWESOME_PAPERS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "awesome-papers"


@cache
def _code_version() -> str:
    """A hash of the package's modules: any change to the code retires every stored parse."""
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


def _file(path: str, content_digest: str) -> Path:
    name = hashlib.sha256(f"{path}\0{content_digest}\0{_code_version()}".encode()).hexdigest()
    return folder() / f"{name[:32]}.pickle"


def read(path: str, content_digest: str) -> Parsed | None:
    """The stored parse of this file content, or ``None``."""
    target = _file(path, content_digest)
    try:
        with target.open("rb") as handle:
            parsed: Parsed = pickle.load(handle)
        os.utime(target)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return parsed


def write(path: str, content_digest: str, parsed: Parsed) -> None:
    """Store a parse; a cache that cannot be written is skipped, never an error."""
    target = _file(path, content_digest)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(parsed, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        _prune(target.parent)
    except OSError:
        return


def _prune(where: Path) -> None:
    cutoff = time.time() - _MAX_AGE
    for old in where.glob("*.pickle"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            continue
