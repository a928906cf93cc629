"""Build the same Sphinx site four ways and compare full and no-op rebuild times.

    python benchmarks/bench_sphinx.py [--shapes 1k,10k,4kx40] [--repeat 3]

Ways: ``extension`` (``awesome-papers`` tables), ``list-table`` (the same rows and columns
written out by hand in reST: what Sphinx itself costs for that content, the floor),
``bibtex`` (sphinxcontrib-bibtex rendering the same entries from the equivalent ``.bib``)
and ``none`` (the same pages with headings only). Shapes: 1k and 10k entries on one page
(sphinxcontrib-bibtex: ``:all:``); 4k entries in 40 sections with a page per section
(sphinxcontrib-bibtex: the section's keys listed in its directive). Lists and .bib files
come from ``../shared/tools/make_corpus.py``. Each build is a fresh ``sphinx-build``
process; the figure is the fastest of ``--repeat`` runs, as the machine may be busy.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
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


def build(root: Path) -> float:
    """Seconds for one ``sphinx-build -b html`` process."""
    start = time.perf_counter()
    subprocess.run([str(SPHINX_BUILD), "-q", "-b", "html", "-d", str(root / "_dt"), str(root),
                    str(root / "_html")], check=True, capture_output=True)
    return time.perf_counter() - start


def measure(root: Path, repeat: int) -> tuple[float, float]:
    """Fastest full build (from nothing) and fastest no-op rebuild."""
    full, noop = [], []
    for _ in range(repeat):
        shutil.rmtree(root / "_html", ignore_errors=True)
        shutil.rmtree(root / "_dt", ignore_errors=True)
        full.append(build(root))
        noop.append(build(root))
    return min(full), min(noop)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", default="1k,10k,4kx40")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--work", type=Path, default=OUT / "sphinx")
    args = parser.parse_args()
    print(f"{'shape':7} {'way':11} {'full s':>8} {'no-op s':>8} {'full/table':>10} "
          f"{'full/bibtex':>11} {'no-op/table':>11}")
    for shape in args.shapes.split(","):
        size, per_section = SHAPES[shape]
        md, bib = corpus(size, per_section or 50)
        times = {}
        for way, docs in pages(md, bib, per_section is not None).items():
            write_site(args.work / shape / way, way, docs, md, bib)
            times[way] = measure(args.work / shape / way, args.repeat)
        table, bibtex = times["list-table"], times["bibtex"]
        for way, (full, noop) in times.items():
            print(f"{shape:7} {way:11} {full:8.2f} {noop:8.2f} {full / table[0]:10.2f} "
                  f"{full / bibtex[0]:11.2f} {noop / table[1]:11.2f}", flush=True)


if __name__ == "__main__":
    main()
