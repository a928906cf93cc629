"""Shared benchmark helpers: generated lists, and the best of several timed runs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AWESOME_SHARED", ROOT.parent / "shared"))
OUT = ROOT / "build" / "bench"


def corpus(size: int, per_section: int = 50) -> tuple[Path, Path]:
    """The generated list and equivalent .bib with ``size`` papers (made once, then reused)."""
    folder = OUT / f"corpus-{per_section}"
    md, bib = folder / f"awesome_{size}.md", folder / f"refs_{size}.bib"
    if not md.exists():
        subprocess.run([sys.executable, str(SHARED / "tools" / "make_corpus.py"), "--out",
                        str(folder), "--per-section", str(per_section), str(size)], check=True,
                       stdout=subprocess.DEVNULL)
    return md, bib


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    """Seconds of the fastest of ``repeat`` runs: the least disturbed by a noisy machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
