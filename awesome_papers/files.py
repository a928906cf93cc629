"""Reading list files with one-line errors, and atomic writes that leave nothing behind.

Every reader of a list (the CLI, Sphinx, MkDocs) goes through :func:`read_list`, so a
directory, a missing file, a binary file or text that is not UTF-8 is one sentence that
names the file, never a traceback. Every writer of an output file (``references.bib``,
exports, the enrichment cache, the parse cache) goes through :func:`atomic_writer`: a
reader sees the old file or the new one, never half of one, and no temp file survives
the writer, whether it finishes, fails or is interrupted.
"""

from __future__ import annotations

import contextlib
import glob
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

PathLike = str | os.PathLike[str]
#: The diagnostic code of a list that cannot be read, where a build goes on without it.
UNREADABLE = "unreadable-list"
#: How much of a file is looked at for NUL bytes before calling it binary.
_SNIFF = 8192


class FileProblem(Exception):
    """A file that cannot be used, and why, in words: ``path: is a directory``."""

    def __init__(self, path: PathLike, reason: str, line: int = 0) -> None:
        super().__init__(f"{os.fspath(path)}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason
        #: 1-based line the problem is on, 0 when it is about the whole file.
        self.line = line


def read_problem(path: PathLike, error: OSError) -> FileProblem:
    """What an ``OSError`` from reading says, in words and without Python's repr."""
    if isinstance(error, FileNotFoundError):
        return FileProblem(path, "not found")
    if isinstance(error, IsADirectoryError):
        return FileProblem(path, "is a directory, not a file")
    if isinstance(error, PermissionError):
        return FileProblem(path, "not readable (permission denied)")
    return FileProblem(path, f"cannot be read ({error.strerror or error})")


def read_bytes(path: PathLike) -> bytes:
    """The file's bytes; a missing file, a directory or an unreadable one is a FileProblem."""
    if os.path.isdir(path):
        raise FileProblem(path, "is a directory, not a file")
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as error:
        raise read_problem(path, error) from None


def decode(data: bytes, path: PathLike) -> str:
    """UTF-8 text (a byte-order mark is dropped); other encodings and binary data are a
    FileProblem that says where the first bad byte is."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileProblem(path, "is UTF-16 (it starts with a UTF-16 byte-order mark); "
                                "save it as UTF-8")
    nul = data.find(b"\0", 0, _SNIFF)
    sample = data[:_SNIFF]
    if nul >= 0 and max(sample[0::2].count(0), sample[1::2].count(0)) * 4 > len(sample) * 1.8:
        raise FileProblem(path, "looks like UTF-16 (every other byte is NUL); save it as "
                                "UTF-8")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise FileProblem(path, f"looks binary (a NUL byte at line {line}, byte offset "
                                f"{nul}), not a Markdown text file", line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        offset = error.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        raise FileProblem(path, f"is not UTF-8: byte 0x{data[offset]:02x} at line {line}, "
                                f"column {column} (byte offset {offset}); save it as UTF-8",
                          line) from None


def read_list(path: PathLike) -> str:
    """A text file's content as :func:`read_bytes` and :func:`decode` accept it."""
    return decode(read_bytes(path), path)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but another user's
        return True
    return True


def _remove_orphans(folder: Path, name: str) -> None:
    """Delete temp files of ``name`` left by writers that were killed (``SIGKILL``, power
    loss), which no ``finally`` can clean up; the writer's pid is part of the name."""
    for tmp in folder.glob(f".{glob.escape(name)}.*.tmp"):
        pid = tmp.name[len(name) + 2:].partition(".")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _pid_alive(int(pid)):
            tmp.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make a rename durable; not every system can open a folder, so a failure is fine."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def _cannot_write(target: Path, error: OSError) -> FileProblem:
    return FileProblem(target, f"cannot be written ({error.strerror or error})")


@contextlib.contextmanager
def _write_problem(target: Path) -> Iterator[None]:
    """An ``OSError`` of the final steps as a :class:`FileProblem` naming the target."""
    try:
        yield
    except OSError as error:
        raise _cannot_write(target, error) from None


@contextlib.contextmanager
def atomic_writer(path: PathLike) -> Iterator[TextIO]:
    """A UTF-8 text handle (``\\n`` newlines) whose content replaces ``path`` on success.

    The text goes to ``.NAME.PID.RANDOM.tmp`` beside the target, is ``fsync``-ed, and
    is renamed over the target; the folder is ``fsync``-ed so the rename survives a
    crash. On any exit the temp file is gone: removed by ``finally`` on an error,
    ``KeyboardInterrupt`` or ``SystemExit`` (the CLI turns ``SIGTERM`` into one), and by
    the next write to the same file after a ``SIGKILL``. A target that is a directory,
    or a folder that cannot be made or written, is a :class:`FileProblem`.
    """
    target = Path(path)
    if target.is_dir():
        raise FileProblem(target, "is a directory; give a file name")
    folder = next((p for p in target.parents if p.exists()), None)
    if folder is not None and not folder.is_dir():
        raise FileProblem(target, f"cannot be written: {folder} is a file, not a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        _remove_orphans(target.parent, target.name)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp",
                                   dir=target.parent)
    except OSError as error:
        raise _cannot_write(target, error) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            # mkstemp makes the file private (0600); a published .bib must stay readable.
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(handle.fileno(), 0o666 & ~umask)
            yield handle
            with _write_problem(target):
                handle.flush()
                os.fsync(handle.fileno())
        with _write_problem(target):
            os.replace(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    _sync_folder(target.parent)


def write_atomic(path: PathLike, text: str) -> None:
    """Write ``text`` through :func:`atomic_writer`: the old file stays until it is done."""
    with atomic_writer(path) as handle:
        handle.write(text)
