"""Parsed lists kept on disk between builds, for engines that keep nothing themselves.

Sphinx pickles its environment, so a rebuild never re-parses; a fresh ``mkdocs build``
starts from nothing, and parsing is most of what the plugin costs. A parsed file is
stored under a name made of its path, its content hash and a hash of the package's own
source, so an edited list or a changed parser never reads a stale entry. Files unused
for 30 days are removed.

The format is JSON, not pickle: the cache folder is writable by whoever can write to
``~/.cache``, and loading a pickle runs whatever code it names. A stored file holds
data only, and reading it can build nothing but this package's own dataclasses, from
field values that JSON can express. Its first line is a header with the format version,
each class's field names and a SHA-256 of the body; a file whose header, checksum or
field names do not match today's code is ignored (and the list parsed again), never
an error.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import importlib
import json
import logging
import os
import time
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from .files import FileProblem, atomic_writer
from .gc_pause import collector_paused

T = TypeVar("T")
#: Bumped when the encoding below changes.
FORMAT = 1
_MAX_AGE = 30 * 24 * 3600
#: Classes may come only from this package: a stored name cannot reach other code.
_PACKAGE = __name__.rpartition(".")[0]
logger = logging.getLogger(__name__)


class _Unreadable(ValueError):
    """A stored file that is not a parse this code wrote: ignored, never an error."""


def folder() -> Path:
    """``$AWESOME_PAPERS_CACHE``, else ``$XDG_CACHE_HOME/awesome-papers`` (``~/.cache``)."""
    if os.environ.get("AWESOME_PAPERS_CACHE"):
        return Path(os.environ["AWESOME_PAPERS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "awesome-papers"


@cache
def _code_version() -> str:
    """A hash of the package's modules: any change to the code retires every stored parse."""
    digest = hashlib.sha256(str(FORMAT).encode())
    package = Path(__file__).parent
    for module in sorted(package.rglob("*.py")):
        digest.update(module.relative_to(package).as_posix().encode() + b"\0")
        digest.update(module.read_bytes())
    return digest.hexdigest()[:16]


def _file(path: str, content_digest: str) -> Path:
    name = hashlib.sha256(f"{path}\0{content_digest}\0{_code_version()}".encode()).hexdigest()
    return folder() / f"{name[:32]}.json"


def _init_fields(cls: type) -> list[str]:
    return [f.name for f in dataclasses.fields(cls) if f.init]


class _Encoder:
    """Values to JSON: a list is ``["L", ...]``, a tuple ``["T", ...]``, a dataclass
    ``[n, ...its init fields]`` with ``n`` its place in the header's class table; a dict
    (string keys) is a JSON object; ``None``, booleans, numbers and strings are themselves."""

    def __init__(self) -> None:
        self.types: dict[type, int] = {}
        self.fields: list[list[str]] = []

    def encode(self, value: object) -> Any:
        if value is None or isinstance(value, (str, bool, int, float)):
            return value
        if isinstance(value, list):
            return ["L", *map(self.encode, value)]
        if isinstance(value, tuple):
            return ["T", *map(self.encode, value)]
        if isinstance(value, dict):
            if not all(isinstance(k, str) for k in value):
                raise TypeError("a dict with keys that are not strings")
            return {k: self.encode(v) for k, v in value.items()}
        cls = type(value)
        if not dataclasses.is_dataclass(cls) or not cls.__module__.startswith(_PACKAGE):
            raise TypeError(f"cannot store a {cls.__qualname__}")
        index = self.types.get(cls)
        if index is None:
            index = self.types[cls] = len(self.fields)
            self.fields.append(_init_fields(cls))
        return [index, *(self.encode(getattr(value, name)) for name in self.fields[index])]

    def header(self, body: bytes) -> dict[str, Any]:
        return {"format": FORMAT, "sha256": hashlib.sha256(body).hexdigest(),
                "types": [[f"{cls.__module__}:{cls.__qualname__}", self.fields[index]]
                          for cls, index in self.types.items()]}


def _class(name: object, stored: object) -> type:
    """The dataclass a header names, if it is this package's and has the same fields."""
    if not isinstance(name, str) or ":" not in name:
        raise _Unreadable(f"bad class name {name!r}")
    module, _, qualname = name.partition(":")
    if module != _PACKAGE and not module.startswith(_PACKAGE + "."):
        raise _Unreadable(f"class {name!r} is not one of this package's")
    try:
        found: object = importlib.import_module(module)
        for part in qualname.split("."):
            found = getattr(found, part)
    except (ImportError, AttributeError):
        raise _Unreadable(f"no class {name!r} any more") from None
    if not isinstance(found, type) or not dataclasses.is_dataclass(found):
        raise _Unreadable(f"{name!r} is not a dataclass")
    if stored != _init_fields(found):
        raise _Unreadable(f"the fields of {name!r} changed")
    return found


class _Decoder:
    """The inverse of :class:`_Encoder`, for the classes of one file's header."""

    def __init__(self, types: object) -> None:
        if not isinstance(types, list):
            raise _Unreadable("no class table")
        self.classes: list[tuple[type, list[str]]] = []
        for item in types:
            if not isinstance(item, list) or len(item) != 2:
                raise _Unreadable("bad class table")
            self.classes.append((_class(item[0], item[1]), item[1]))

    def decode(self, value: Any) -> Any:
        if isinstance(value, list):
            if not value:
                raise _Unreadable("an empty array")
            tag, items = value[0], value[1:]
            if tag == "L":
                return [self.decode(v) for v in items]
            if tag == "T":
                return tuple(self.decode(v) for v in items)
            if type(tag) is not int or not 0 <= tag < len(self.classes):
                raise _Unreadable(f"bad tag {tag!r}")
            cls, names = self.classes[tag]
            if len(items) != len(names):
                raise _Unreadable(f"{cls.__qualname__} with {len(items)} values")
            return cls(**{name: self.decode(v) for name, v in zip(names, items, strict=True)})
        if isinstance(value, dict):
            return {k: self.decode(v) for k, v in value.items()}
        return value


def _load(data: bytes, root: type[T]) -> T:
    head, newline, body = data.partition(b"\n")
    if not newline:
        raise _Unreadable("no header line")
    header = json.loads(head)
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise _Unreadable("another format")
    if header.get("sha256") != hashlib.sha256(body).hexdigest():
        raise _Unreadable("checksum mismatch")
    value = _Decoder(header.get("types")).decode(json.loads(body))
    if not isinstance(value, root):
        raise _Unreadable(f"holds a {type(value).__qualname__}, not a {root.__qualname__}")
    return value


def read(path: str, content_digest: str, root: type[T]) -> T | None:
    """The stored parse of this file content (a ``root``), or ``None``."""
    target = _file(path, content_digest)
    try:
        data = target.read_bytes()
    except OSError:
        return None
    try:
        with collector_paused():  # as for a parse: many small objects, no cycles
            value = _load(data, root)
    except (ValueError, TypeError, RecursionError) as error:  # _Unreadable, JSON, fields
        logger.debug("parse cache: ignoring %s (%s); parsing %s again", target, error, path)
        return None
    with contextlib.suppress(OSError):
        os.utime(target)
    return value


def write(path: str, content_digest: str, value: object) -> None:
    """Store a parse; a cache that cannot be written is skipped, never an error."""
    encoder = _Encoder()
    try:
        body = json.dumps(encoder.encode(value), ensure_ascii=False, separators=(",", ":"))
        header = json.dumps(encoder.header(body.encode()), separators=(",", ":"))
    except (TypeError, ValueError, RecursionError) as error:
        logger.debug("parse cache: cannot store the parse of %s (%s)", path, error)
        return
    target = _file(path, content_digest)
    try:
        with atomic_writer(target) as handle:
            handle.write(header + "\n")
            handle.write(body)
        _prune(target.parent)
    except (FileProblem, OSError) as error:
        logger.debug("parse cache: not stored (%s)", error)


def _prune(where: Path) -> None:
    """Remove stored parses unused for 30 days, and the pickles of earlier versions."""
    cutoff = time.time() - _MAX_AGE
    for old in [*where.glob("*.json"), *where.glob("*.pickle")]:
        try:
            if old.suffix == ".pickle" or old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            continue
