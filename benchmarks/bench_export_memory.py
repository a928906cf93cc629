"""Peak memory of ``awesome-papers export`` (JSON) against loading the list alone.

Each row runs two fresh processes under ``/usr/bin/time -v`` and reads their maximum
resident set size: ``load`` parses the generated list and exits (the floor: what the
entries themselves take), ``export`` writes the JSON export to a file. The JSON is
written entry by entry, so ``export`` should stay close to ``load``; issue 16 asks for
under 1 GB at 100k entries (it was 1.2 GB when the whole text was built in memory).
Run: python benchmarks/bench_export_memory.py [SIZES...]   (default 10000 100000)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT, corpus

TIME = "/usr/bin/time"
LOAD = "import sys; from awesome_papers import load; load(sys.argv[1])"


def peak_mb(args: list[str], cache: str) -> float:
    """Maximum resident set size of one process, in MB."""
    env = {**os.environ, "AWESOME_PAPERS_CACHE": cache, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([TIME, "-v", *args], capture_output=True, text=True, env=env,
                            check=True)
    kilobytes = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
    assert kilobytes, result.stderr
    return int(kilobytes[1]) / 1024


def main(sizes: list[int]) -> None:
    if not Path(TIME).is_file():
        sys.exit(f"{TIME} (GNU time) is needed to read the peak memory")
    print(f"{'entries':>8} {'load MB':>9} {'export MB':>10} {'json MB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            md, _ = corpus(size)
            out = Path(folder, "out.json")
            load = peak_mb([sys.executable, "-c", LOAD, str(md)], folder)
            export = peak_mb([sys.executable, "-m", "awesome_papers.cli", "export", str(md),
                              "-o", str(out)], folder)
            print(f"{size:>8} {load:>9.0f} {export:>10.0f} "
                  f"{out.stat().st_size / 2**20:>8.0f}", flush=True)


if __name__ == "__main__":
    main([int(s) for s in sys.argv[1:]] or [10_000, 100_000])
