"""A one-line progress bar on stderr: done / total and the time left.

Enrichment of a long list takes minutes (arXiv allows one request every 3 seconds), so
the user needs to see it moving; a dozen lines here avoid a dependency for it.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


def _duration(seconds: float) -> str:
    minutes, seconds = divmod(round(seconds), 60)
    return f"{minutes}m{seconds:02d}s" if minutes else f"{seconds}s"


class ProgressBar:
    """Call it with ``(done, total)``; on a terminal it redraws one line, else prints lines."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 30) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.width = width
        self._start = time.monotonic()
        self._tty = self.stream.isatty()
        self._done = self._total = 0

    def _line(self, done: int, total: int) -> str:
        filled = self.width * done // total if total else self.width
        bar = "#" * filled + "-" * (self.width - filled)
        return f"{self.label} [{bar}] {done}/{total} ids"

    def __call__(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        elapsed = time.monotonic() - self._start
        left = elapsed / done * (total - done) if done else None
        eta = "" if left is None else f"  {_duration(left)} left"
        line = self._line(done, total) + eta
        if self._tty:
            end = "\n" if done >= total else ""
            self.stream.write(f"\r{line}\033[K{end}")
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def note(self, message: str) -> None:
        """Say on the bar's line why it is not moving (a retry, a wait the server asked for)."""
        if self._tty:
            self.stream.write(f"\r{self._line(self._done, self._total)}  {message}\033[K")
        else:
            self.stream.write(f"{self.label}: {message}\n")
        self.stream.flush()
