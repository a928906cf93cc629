"""Build the same Sphinx site four ways and compare full and no-op rebuild times.

    python benchmarks/bench_sphinx.py [--shapes 1k,10k,4kx40] [--repeat 3] [--ways ...]

Ways: ``extension`` (``awesome-papers`` tables), ``list-table`` (the same rows and columns
written out by hand in reST: what Sphinx itself costs for that content, the floor),
``bibtex`` (sphinxcontrib-bibtex rendering the same entries from the equivalent ``.bib``)
and ``none`` (the same pages with headings only). Shapes: 1k and 10k entries on one page
(sphinxcontrib-bibtex: ``:all:``); 4k entries in 40 sections with a page per section
(sphinxcontrib-bibtex: the section's keys listed in its directive). Lists and .bib files
come from ``../shared/tools/make_corpus.py``. Each build is a fresh ``sphinx-build``
process, timed as its CPU time (user + system): on a shared machine that is what one
build costs, where wall-clock time also counts the other jobs. The ways take turns within
each of the ``--repeat`` rounds, so a busy spell falls on all of them; the figure is the
fastest round. Wall-clock seconds are printed too.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import bibtexparser
from common import OUT, corpus

import awesome_papers
from awesome_papers.query import parse_query, select

SPHINX_BUILD = Path(sys.executable).with_name("sphinx-build")
SHAPES = {"1k": (1000, None), "10k": (10000, None), "4kx40": (4000, 100)}
WAYS = ("extension", "list-table", "bibtex", "none")
COLUMNS = "title, authors, year, code"


def _cell(text: str) -> str:
    """Text safe inside a reST list-table cell."""
    return text.replace("\\", "\\\\").replace("`", "\\`").replace("*", "\\*").replace("|", "\\|")


def list_table(entries: list[awesome_papers.Entry]) -> str:
    """The hand-written equivalent of the extension's table, as a ``list-table``."""
    rows = [".. list-table::", "   :header-rows: 1", "", "   * - Title", "     - Authors",
            "     - Year", "     - Code"]
    for e in entries:
        title = f"`{_cell(e.title)} <{e.url}>`__" if e.url else _cell(e.title)
        authors = _cell(", ".join(e.authors) + (", et al." if e.authors_truncated else ""))
        code = " ".join(f"`{c.split('github.com/')[-1]} <{c}>`__" for c in e.code)
        rows += [f"   * - {title}", f"     - {authors}", f"     - {e.year or ''}",
                 f"     - {code}"]
    return "\n".join(rows) + "\n"


def pages(md: Path, bib: Path, sectioned: bool) -> dict[str, dict[str, str]]:
    """Page sources for each way: {way: {file name: reST}}."""
    collection = awesome_papers.load([md])
    if sectioned:
        parts = [(s.slug, s.title, {"section": s.slug}) for s in collection.sections
                 if s.level == 2]
    else:
        parts = [("papers", "Papers", {})]
    by_arxiv = {e.fields_dict["eprint"].value: e.key
                for e in bibtexparser.parse_file(str(bib)).entries}
    ways: dict[str, dict[str, str]] = {way: {} for way in WAYS}
    for slug, title, options in parts:
        head = f"{title}\n{'=' * len(title)}\n\n"
        entries, _ = select(collection, parse_query({**options, "columns": COLUMNS})[0])
        directive = "".join(f"   :{k}: {v}\n" for k, v in {**options, "columns": COLUMNS}.items())
        keys = "".join(f"   {by_arxiv[e.arxiv]}\n" for e in entries if e.arxiv in by_arxiv)
        ways["extension"][f"{slug}.rst"] = f"{head}.. awesome-papers::\n{directive}"
        ways["list-table"][f"{slug}.rst"] = head + list_table(entries)
        ways["bibtex"][f"{slug}.rst"] = head + (
            f".. bibliography::\n   :filter: False\n\n{keys}" if sectioned
            else ".. bibliography::\n   :all:\n")
        ways["none"][f"{slug}.rst"] = head
    return ways


def write_site(root: Path, way: str, docs: dict[str, str], md: Path, bib: Path) -> None:
    """One way's site: conf.py, an index with a toctree, and the pages."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for name, text in docs.items():
        (root / name).write_text(text, encoding="utf-8")
    toctree = "".join(f"   {Path(name).stem}\n" for name in docs)
    (root / "index.rst").write_text(f"Bench\n=====\n\n.. toctree::\n\n{toctree}",
                                    encoding="utf-8")
    conf = {"extension": f'extensions = ["sphinx_awesome"]\nawesome_sources = ["{md}"]\n'
                         'suppress_warnings = ["awesome"]\n',
            "bibtex": f'extensions = ["sphinxcontrib.bibtex"]\nbibtex_bibfiles = ["{bib}"]\n',
            }.get(way, "")
    (root / "conf.py").write_text(f'project = "bench"\nexclude_patterns = ["_html", "_dt"]\n'
                                  f"{conf}", encoding="utf-8")


@dataclass(frozen=True)
class Times:
    """One way's fastest cold build and no-op rebuild, CPU and wall-clock seconds."""

    cold_cpu: float
    noop_cpu: float
    cold_wall: float
    noop_wall: float


def build(root: Path) -> tuple[float, float]:
    """CPU seconds (user + system) and wall-clock seconds of one ``sphinx-build -b html``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([str(SPHINX_BUILD), "-q", "-b", "html", "-d", str(root / "_dt"), str(root),
                    str(root / "_html")], check=True, capture_output=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime, wall


def measure(sites: dict[str, Path], repeat: int) -> dict[str, Times]:
    """Each way's fastest cold build (from nothing) and no-op rebuild, ways taking turns."""
    runs: dict[str, list[tuple[float, float, float, float]]] = {way: [] for way in sites}
    for _ in range(repeat):
        for way, root in sites.items():
            shutil.rmtree(root / "_html", ignore_errors=True)
            shutil.rmtree(root / "_dt", ignore_errors=True)
            cold, noop = build(root), build(root)
            runs[way].append((cold[0], noop[0], cold[1], noop[1]))
    return {way: Times(*(min(column) for column in zip(*rounds, strict=True)))
            for way, rounds in runs.items()}


def _ratio(value: float, base: float | None) -> str:
    """``value / base`` to two places, or a dash when that way was not built."""
    return "-" if base is None else f"{value / base:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", default="1k,10k,4kx40")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=OUT / "sphinx")
    parser.add_argument("--ways", default=",".join(WAYS),
                        help="which ways to build, e.g. extension,list-table for more rounds "
                             "of the two without sphinxcontrib-bibtex's long builds")
    args = parser.parse_args()
    ways = args.ways.split(",")
    print(f"{'shape':7} {'way':11} {'cold cpu':>8} {'no-op cpu':>9} {'cold wall':>9} "
          f"{'no-op wall':>10} {'cold/table':>10} {'cold/bibtex':>11} {'no-op/table':>11}")
    for shape in args.shapes.split(","):
        size, per_section = SHAPES[shape]
        md, bib = corpus(size, per_section or 50)
        sites = {}
        for way, docs in pages(md, bib, per_section is not None).items():
            if way in ways:
                sites[way] = args.work / shape / way
                write_site(sites[way], way, docs, md, bib)
        times = measure(sites, args.repeat)
        table, bibtex = times.get("list-table"), times.get("bibtex")
        for way, t in times.items():
            ratios = (_ratio(t.cold_cpu, table.cold_cpu if table else None),
                      _ratio(t.cold_cpu, bibtex.cold_cpu if bibtex else None),
                      _ratio(t.noop_cpu, table.noop_cpu if table else None))
            print(f"{shape:7} {way:11} {t.cold_cpu:8.2f} {t.noop_cpu:9.2f} {t.cold_wall:9.2f} "
                  f"{t.noop_wall:10.2f} {ratios[0]:>10} {ratios[1]:>11} {ratios[2]:>11}",
                  flush=True)

if __name__ == "__main__":
    main()
