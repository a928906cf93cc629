"""Project defaults from ``.awesome-papers.toml`` or ``[tool.awesome-papers]`` in
``pyproject.toml``, found as ruff finds its own: the nearest one at or above the list.

In each folder from the list's up to the root, ``.awesome-papers.toml`` is looked at
first, then ``pyproject.toml``; a ``pyproject.toml`` without the table is passed over.
The first file found holds, nothing is merged. A setting that is wrong (bad TOML, an
unknown key or code, a wrong type) is a ``bad-config`` warning at its line and is not
used; the rest of the file still is, and the build goes on.
"""

from __future__ import annotations

import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .codes import CODES
from .model import Diagnostic
from .query import did_you_mean

NAMES = (".awesome-papers.toml", "pyproject.toml")
KEYS = ("ignore", "select", "strict")
BAD_CONFIG = "bad-config"
_TABLE = "[tool.awesome-papers]"
_TOML_WHERE = re.compile(r"at line (\d+), column (\d+)")


@dataclass(frozen=True, slots=True)
class Settings:
    """The defaults that hold for lists in one folder (all off without a config file)."""

    #: The file they come from, ``None`` when there is none.
    path: str | None = None
    ignore: tuple[str, ...] = ()
    #: ``None``: every code is reported (before ``ignore``).
    select: tuple[str, ...] | None = None
    strict: bool = False
    #: ``bad-config`` warnings about the file.
    problems: tuple[Diagnostic, ...] = ()


#: Config path -> (size and mtime, its settings or ``None`` for a pyproject without ours).
_READ: dict[str, tuple[tuple[int, int], Settings | None]] = {}


def for_file(path: str | os.PathLike[str]) -> Settings:
    """The settings that hold for a list (or any file) at ``path``."""
    return find(Path(os.path.abspath(path)).parent)


def find(folder: Path) -> Settings:
    """The settings of the nearest config file at or above the absolute ``folder``.

    Costs a ``stat`` or two per folder; a file is read again only when it changes.
    """
    for where in (folder, *folder.parents):
        for name in NAMES:
            candidate = where / name
            try:
                info = candidate.stat()
            except OSError:
                continue
            if not stat.S_ISREG(info.st_mode):
                continue
            key, stamp = str(candidate), (info.st_size, info.st_mtime_ns)
            kept = _READ.get(key)
            if kept is None or kept[0] != stamp:
                kept = _READ[key] = (stamp, _read(candidate))
            if kept[1] is not None:
                return kept[1]
    return Settings()


def _line_of(lines: list[str], pattern: str, after: int = 0) -> int:
    """The 1-based line where ``pattern`` first matches from line ``after`` on (else it)."""
    compiled = re.compile(pattern)
    for number in range(after, len(lines)):
        if compiled.search(lines[number]):
            return number + 1
    return max(after, 1)


class _Reader:
    """One config file's text, and its problems as it is read."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = shown_path(path)
        self.lines = text.splitlines()
        self.start = 0
        self.problems: list[Diagnostic] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Diagnostic(self.path, line, 1, "warning", BAD_CONFIG, message))

    def key_line(self, key: str) -> int:
        return _line_of(self.lines, rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", self.start)

    def codes(self, key: str, value: object) -> tuple[str, ...] | None:
        """A list of known codes, or ``None`` (and a problem) when it is not one."""
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(self.key_line(key), f"{key} must be a list of codes, like "
                                             f'{key} = ["prose-item"]; it is not used')
            return None
        for code in value:
            if code not in CODES:
                line = _line_of(self.lines, rf"[\"']{re.escape(code)}[\"']", self.start)
                self.problem(line, f"unknown code {code!r} in {key}"
                                   f"{did_you_mean(code, CODES)}; it is not used")
        return tuple(code for code in value if code in CODES)

    def settings(self, table: dict[str, Any]) -> Settings:
        for key in table:
            if key not in KEYS:
                self.problem(self.key_line(key), f"unknown key {key!r}"
                                                 f"{did_you_mean(key, KEYS)}; it is not used")
        ignore = self.codes("ignore", table["ignore"]) if "ignore" in table else None
        select = self.codes("select", table["select"]) if "select" in table else None
        if select == () and table["select"]:  # only unknown codes: report as without it
            select = None
        strict = table.get("strict", False)
        if not isinstance(strict, bool):
            self.problem(self.key_line("strict"), "strict must be true or false; it is not used")
            strict = False
        problems = sorted(self.problems, key=lambda d: d.line)
        return Settings(self.path, ignore or (), select, strict, tuple(problems))


def shown_path(path: Path) -> str:
    """The path as messages name it: relative below the working folder, as lists are."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def _read(path: Path) -> Settings | None:
    """The settings a file holds; ``None`` for a ``pyproject.toml`` without our table."""
    own = path.name != "pyproject.toml"
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "it is not UTF-8"
        return Settings(shown_path(path), problems=(Diagnostic(
            shown_path(path), 0, 0, "warning", BAD_CONFIG,
            f"cannot be read ({reason}); its settings are not used"),))
    if not own and "awesome-papers" not in text:
        return None
    reader = _Reader(path, text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = _TOML_WHERE.search(str(error))
        reader.problem(int(where[1]) if where else 1,
                       f"is not valid TOML ({error}); its settings are not used")
        return Settings(reader.path, problems=tuple(reader.problems))
    if own:
        return reader.settings(data)
    table = data.get("tool", {}).get("awesome-papers") if isinstance(data.get("tool"),
                                                                      dict) else None
    if table is None:
        return None
    reader.start = _line_of(reader.lines, re.escape(_TABLE)) - 1
    if not isinstance(table, dict):
        reader.problem(reader.start + 1, "[tool.awesome-papers] must be a table; it is not used")
        return Settings(reader.path, problems=tuple(reader.problems))
    return reader.settings(table)
