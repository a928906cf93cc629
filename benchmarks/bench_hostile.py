"""Parse (and BibTeX) time of hostile lines at 1k, 10k and 100k characters.

The lines are those of ``tests/core/test_linear_time.py``, which checks the growth on
every test run; this prints the times, so a slow-down that stays linear shows too.
Run: python benchmarks/bench_hostile.py
"""

from __future__ import annotations

import runpy
import time
from pathlib import Path

from awesome_papers import parse_text
from awesome_papers.bibtex import bibtex_string

TEST = Path(__file__).resolve().parents[1] / "tests" / "core" / "test_linear_time.py"
SIZES = (1_000, 10_000, 100_000)


def seconds(text: str) -> float:
    start = time.process_time()
    bibtex_string(parse_text(text, "hostile.md").entries)
    return time.process_time() - start


def main() -> None:
    hostile = runpy.run_path(str(TEST))["HOSTILE"]
    print(f"{'line':<28}" + "".join(f"{size:>10,}" for size in SIZES) + "   growth 10k→100k")
    for name, make in sorted(hostile.items()):
        times = [seconds(make(size)) for size in SIZES]
        growth = times[2] / max(times[1], 1e-4)
        print(f"{name:<28}" + "".join(f"{t:>9.3f}s" for t in times) + f"   {growth:>6.1f}x")


if __name__ == "__main__":
    main()
