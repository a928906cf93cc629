"""Generate sites with ``awesome-papers site`` and build them with the real engines (helpers)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.cmd.build import build_main

from awesome_papers.cli import main

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "examples" / "llm-training.md"


@dataclass
class Run:
    """One ``awesome-papers`` run: its exit code and what it printed."""

    code: int
    out: str
    err: str


def site(*args: str | Path) -> Run:
    """``awesome-papers site ARGS`` in-process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["site", *map(str, args)])
    return Run(code, out.getvalue(), err.getvalue())


def build_mkdocs(folder: Path, out: Path) -> str:
    """``mkdocs build --strict`` of a generated site; fails the test with its log."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=folder, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stderr


def build_sphinx(folder: Path, out: Path) -> str:
    """``sphinx-build -W -b html`` of a generated site; fails the test with its log."""
    warnings = io.StringIO()
    with contextlib.redirect_stderr(warnings):
        code = build_main(["-q", "-W", "-b", "html", "-d", str(out.parent / "doctrees"),
                           str(folder), str(out)])
    assert code == 0, warnings.getvalue()
    return warnings.getvalue()


def row_ids(html: Path) -> list[str]:
    """The ids of the paper-table rows of a built page."""
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return [row["id"] for row in soup.select("tr.awesome-row[id]")]


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of a folder with its mtime (ns) and bytes."""
    return {path.relative_to(folder).as_posix(): (path.stat().st_mtime_ns, path.read_bytes())
            for path in sorted(folder.rglob("*")) if path.is_file()}
