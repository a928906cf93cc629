"""Which files of a site folder ``awesome-papers site`` wrote, so a re-run updates only those.

``.awesome-papers-site.json`` holds a SHA-256 of each file as it was written and, for each
section page, the section's title and entry keys (so a renamed section is found again). A
file is rewritten only when it is ours, unchanged since we wrote it, and due to change; a
file someone edited, or that we never wrote, is left alone and reported. Nothing is
written, not even the manifest, when nothing changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..files import write_atomic

NAME = ".awesome-papers-site.json"


def digest(data: bytes) -> str:
    """The SHA-256 a file is recorded with."""
    return hashlib.sha256(data).hexdigest()


@dataclass
class Manifest:
    """What the last run wrote."""

    engine: str = ""
    #: Path relative to the site folder -> digest of the bytes written there.
    files: dict[str, str] = field(default_factory=dict)
    #: Section page path -> ``{"title": ..., "keys": [...], "moved": bool}``.
    pages: dict[str, dict[str, Any]] = field(default_factory=dict)

    def text(self) -> str:
        """The manifest as written: sorted JSON, so equal manifests are equal bytes."""
        return json.dumps({"engine": self.engine, "files": self.files, "pages": self.pages},
                          indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def read_manifest(folder: Path) -> tuple[Manifest, str | None]:
    """The folder's manifest (empty when there is none), and a problem with it, if any."""
    path = folder / NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Manifest(), None
    except (OSError, ValueError) as error:
        return Manifest(), f"{path}: unreadable, so no file counts as written by site ({error})"
    if not isinstance(data, dict):
        return Manifest(), f"{path}: not a manifest object; ignored"
    files = data.get("files")
    pages = data.get("pages")
    return Manifest(str(data.get("engine", "")),
                    {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {},
                    {str(k): v for k, v in pages.items() if isinstance(v, dict)}
                    if isinstance(pages, dict) else {}), None


@dataclass
class Outcome:
    """What a run did (or, with ``--check``, would do), path by path."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    #: Ours once, since edited: left alone.
    edited: list[str] = field(default_factory=list)
    #: There before us and never ours: left alone.
    foreign: list[str] = field(default_factory=list)

    @property
    def changes(self) -> int:
        return len(self.created) + len(self.updated) + len(self.removed)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def apply(folder: Path, files: dict[str, str], old: Manifest, new: Manifest, *,
          check: bool) -> Outcome:
    """Bring ``folder`` to ``files`` where it is ours to change; fill ``new.files``."""
    outcome = Outcome()
    for name in sorted(files):
        want = files[name].encode()
        current = _read(folder / name)
        if current == want:
            new.files[name] = digest(want)
        elif current is None or old.files.get(name) == digest(current):
            (outcome.created if current is None else outcome.updated).append(name)
            new.files[name] = digest(want)
            if not check:
                (folder / name).parent.mkdir(parents=True, exist_ok=True)
                write_atomic(folder / name, files[name])
        elif name in old.files:
            outcome.edited.append(name)
            new.files[name] = old.files[name]
        else:
            outcome.foreign.append(name)
    for name in sorted(set(old.files) - set(files)):
        current = _read(folder / name)
        if current is None:
            continue
        if digest(current) != old.files[name]:
            outcome.edited.append(name)  # no longer planned: it is the user's now
            continue
        outcome.removed.append(name)
        if not check:
            (folder / name).unlink()
    manifest = new.text()
    if _read(folder / NAME) != manifest.encode():
        (outcome.updated if (folder / NAME).exists() else outcome.created).append(NAME)
        if not check:
            write_atomic(folder / NAME, manifest)
    return outcome
