"""Parse speed and memory against markdown-it-py's bare parse of the same text.

Target (issue 2): parse + records <= 1.3x the bare parse; 100k entries in <= 1 GB peak.
Run: python benchmarks/bench_parse.py [SIZES...]   (default 1000 10000 100000)

Times are CPU seconds of this process (``time.process_time``), the best of runs that
alternate between the two parses: on a shared machine wall time swings threefold from
one run to the next, and a burst of load then lands on one side only.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable

from common import corpus
from markdown_it import MarkdownIt

from awesome_papers.parse import finish, parse_file

_PEAK = """
import resource, sys
from awesome_papers import load
c = load(sys.argv[1])
print(len(c.entries), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def _alternating(one: Callable[[], object], other: Callable[[], object],
                 repeat: int) -> tuple[float, float]:
    """Best CPU time of each of two functions, run in turn ``repeat`` times."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for n, fn in enumerate((one, other)):
            start = time.process_time()
            fn()
            best[n] = min(best[n], time.process_time() - start)
    return best[0], best[1]


def row(size: int) -> str:
    """One line of the table: both parses of the same generated text, and peak memory.

    Peak memory is measured first, in a child process: Linux carries the parent's
    peak RSS across fork and exec, so a child started later would report the parent's.
    """
    md_path, _ = corpus(size)
    out = subprocess.run([sys.executable, "-c", _PEAK, str(md_path)], check=True,
                         capture_output=True, text=True).stdout.split()
    text = md_path.read_text(encoding="utf-8")
    bare = MarkdownIt("commonmark").enable("table")
    repeat = 3 if size < 100_000 else 1
    base, ours = _alternating(lambda: bare.parse(text),
                              lambda: finish([parse_file(text, str(md_path))]), repeat)
    return f"{size:>8} {base:>11.2f}s {ours:>9.2f}s {ours / base:>6.2f} {int(out[1]) / 1024:>8.0f}"


def main(sizes: list[int]) -> None:
    print(f"{'entries':>8} {'markdown-it':>12} {'awesome':>10} {'ratio':>6} {'peak MB':>8}")
    for size in sizes:
        print(row(size), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10_000, 100_000])
