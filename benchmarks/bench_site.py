"""Time ``awesome-papers site`` and the build of the site it writes, per engine.

    python benchmarks/bench_site.py [--size 1000] [--per-section 50] [--repeat 3]

The list comes from ``../shared/tools/make_corpus.py``. For each engine: the ``site``
command on a fresh folder, a second ``site`` run (nothing to write), the full build of
the generated site (``mkdocs build --strict``, ``sphinx-build -W``; fresh processes, the
parse cache off), and, as the yardstick, the full build of a one-page site with one table
of every entry. The generated site shows every entry twice (the home page's table and its
section's), so about twice the yardstick's table work is expected.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from common import OUT, best_of, corpus

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILD = {
    "mkdocs": lambda src, out: [sys.executable, "-m", "mkdocs", "build", "-q", "--strict",
                                "-f", str(src / "mkdocs.yml"), "-d", str(out)],
    "sphinx": lambda src, out: [sys.executable, "-m", "sphinx", "-q", "-W", "-E", "-b",
                                "html", str(src), str(out)],
}


def _run(command: list[str]) -> None:
    subprocess.run(command, check=True, env=ENV, capture_output=True)


def _one_page(engine: str, listed: Path, folder: Path) -> Path:
    """The yardstick: the generated site's configuration, one page with one table."""
    shutil.rmtree(folder, ignore_errors=True)
    _run([sys.executable, "-m", "awesome_papers.cli", "site", str(listed), "--engine", engine,
          "-o", str(folder)])
    pages = folder / "docs" if engine == "mkdocs" else folder
    for page in pages.glob("*.md"):
        if page.name not in ("index.md", "README.md"):
            page.unlink()
    (pages / "index.md").write_text("# Papers\n\n```{awesome-papers}\n```\n", "utf-8")
    if engine == "mkdocs":
        config = folder / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").split("\nnav:")[0] + "\n", "utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--per-section", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["AWESOME_PAPERS_CACHE"] = str(OUT / "no-cache")
    ENV["AWESOME_PAPERS_CACHE"] = str(OUT / "no-cache")
    listed, _ = corpus(args.size, args.per_section)
    print(f"{args.size} entries, {args.per_section} per section")
    print("| engine | site (fresh) | site (again) | generated site build | one-table build "
          "| ratio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for engine in ("mkdocs", "sphinx"):
        work = OUT / f"site-{engine}"
        command = [sys.executable, "-m", "awesome_papers.cli", "site", str(listed),
                   "--engine", engine, "-o", str(work / "src")]

        def fresh(command: list[str] = command, work: Path = work) -> None:
            shutil.rmtree(work / "src", ignore_errors=True)
            _run(command)

        first = best_of(fresh, args.repeat)
        again = best_of(lambda command=command: _run(command), args.repeat)
        site = best_of(lambda engine=engine, work=work: _run(
            BUILD[engine](work / "src", work / "out")), args.repeat)
        one = _one_page(engine, listed, work / "one")
        table = best_of(lambda engine=engine, one=one, work=work: _run(
            BUILD[engine](one, work / "one-out")), args.repeat)
        print(f"| {engine} | {first:.2f} s | {again:.2f} s | {site:.2f} s | {table:.2f} s | "
              f"{site / table:.2f} |")


if __name__ == "__main__":
    main()
