"""Build the same MkDocs site four ways and report what each way adds to the build time.

    python benchmarks/bench_mkdocs.py [--repeat 3] [--shapes 1k,10k,4kx40] [--work DIR]

Ways: this plugin (``{awesome-papers}`` tables), once with its on-disk parse cache
(``parse_cache``, the default: warm after the first run) and once without it (every
build parses the list: the cold figure), mkdocs-bibtex rendering the same entries
from the equivalent ``.bib`` (``pip install mkdocs-bibtex``; it needs no pandoc without a
CSL file), and neither (the same pages with headings only). Shapes: 1k and 10k entries on
one page (mkdocs-bibtex: its ``\\full_bibliography``), and 4k entries in 40 sections with a
page per section (mkdocs-bibtex: each page cites its section's entries and lists them).
Lists and .bib files come from ``../shared/tools/make_corpus.py``. Every build is a fresh
``mkdocs build`` process (default theme, search on); the ways take turns and the figure
is the fastest of ``--repeat`` runs. Overhead is a way's time minus the plain site's.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import bibtexparser

import awesome_papers

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AWESOME_SHARED", ROOT.parent / "shared"))
SHAPES = {"1k": (1000, None), "10k": (10000, None), "4kx40": (4000, 100)}


def corpus(work: Path, size: int, per_section: int | None) -> tuple[Path, Path]:
    """The generated list and .bib for a shape (made once, kept in ``work``)."""
    out = work / f"corpus-{size}-{per_section or 'all'}"
    md, bib = out / f"awesome_{size}.md", out / f"refs_{size}.bib"
    if not md.is_file():
        extra = ["--per-section", str(per_section)] if per_section else []
        subprocess.run([sys.executable, str(SHARED / "tools" / "make_corpus.py"), "--out",
                        str(out), str(size), *extra], check=True, capture_output=True)
    return md, bib


def pages(md: Path, bib: Path, sectioned: bool) -> dict[str, dict[str, str]]:
    """Page sources for each way: {way: {file name: Markdown}}."""
    if not sectioned:
        table = {"index.md": "# Papers\n\n```{awesome-papers}\n```\n"}
        return {"neither": {"index.md": "# Papers\n"}, "plugin": table, "plugin-cold": table,
                "mkdocs-bibtex": {"index.md": "# Papers\n\n\\full_bibliography\n"}}
    collection = awesome_papers.load(md)
    by_arxiv = {e.fields_dict["eprint"].value: e.key
                for e in bibtexparser.parse_file(str(bib)).entries}
    sections = [s for s in collection.sections if s.level == 2]
    ways: dict[str, dict[str, str]] = {"neither": {}, "plugin": {}, "mkdocs-bibtex": {}}
    for section in sections:
        name, head = f"{section.slug}.md", f"# {section.title}\n"
        keys = [by_arxiv[e.arxiv] for e in collection.entries
                if section.slug in e.section_slugs and e.arxiv in by_arxiv]
        ways["neither"][name] = head
        ways["plugin"][name] = f"{head}\n```{{awesome-papers}}\n:section: {section.slug}\n```\n"
        ways["mkdocs-bibtex"][name] = (head + "\n" + " ".join(f"[@{k}]" for k in keys)
                                       + "\n\n\\bibliography\n")
    ways["plugin-cold"] = ways["plugin"]
    return ways


def site(root: Path, way: str, docs: dict[str, str], md: Path, bib: Path) -> Path:
    """Write one way's site; returns its mkdocs.yml."""
    for name, text in docs.items():
        (root / "docs").mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    plugins = {"neither": "",
               "plugin": f"  - awesome-papers:\n      sources: [{md}]\n",
               "plugin-cold": f"  - awesome-papers:\n      sources: [{md}]\n"
                              "      parse_cache: false\n",
               "mkdocs-bibtex": f"  - bibtex:\n      bib_file: {bib}\n"}[way]
    yml = root / "mkdocs.yml"
    yml.write_text(f"site_name: bench\ntheme: mkdocs\nplugins:\n  - search\n{plugins}"
                   "markdown_extensions: [footnotes]\n", encoding="utf-8")
    return yml


def timed_builds(ymls: dict[str, Path], repeat: int) -> dict[str, float]:
    """Fastest wall time of ``repeat`` fresh ``mkdocs build`` processes per site.

    The sites take turns, so a busy spell on a shared machine slows all ways alike.
    Python writes and reuses bytecode caches as on any installed site (some sandboxes set
    ``PYTHONDONTWRITEBYTECODE``, which would recompile an editable checkout every run).
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    best = dict.fromkeys(ymls, float("inf"))
    for _ in range(repeat):
        for way, yml in ymls.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(yml)],
                           check=True, capture_output=True, env=env)
            best[way] = min(best[way], time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bench-mkdocs")
    args = parser.parse_args()
    print("| shape | neither | plugin, parsed list cached / cold | mkdocs-bibtex | "
          "plugin overhead, cached / cold | mkdocs-bibtex overhead | ratio, cached / cold |\n"
          "| --- | --- | --- | --- | --- | --- | --- |")
    for shape in args.shapes.split(","):
        size, per_section = SHAPES[shape]
        md, bib = corpus(args.work, size, per_section)
        times = timed_builds({way: site(args.work / shape / way, way, docs, md, bib)
                              for way, docs in pages(md, bib, per_section is not None).items()},
                             args.repeat)
        ours, cold, theirs = (times[w] - times["neither"]
                              for w in ("plugin", "plugin-cold", "mkdocs-bibtex"))
        print(f"| {shape} | {times['neither']:.2f} s | {times['plugin']:.2f} s / "
              f"{times['plugin-cold']:.2f} s | {times['mkdocs-bibtex']:.2f} s | "
              f"{ours:.2f} s / {cold:.2f} s | {theirs:.2f} s | "
              f"{ours / theirs:.3f} / {cold / theirs:.3f} |", flush=True)


if __name__ == "__main__":
    main()
