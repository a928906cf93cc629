"""BibTeX export speed against markdown-it-py + bibtexparser on the same data, in one run.

Ours: parse the generated list and write its .bib (``parse_text`` + ``bibtex_string``;
the ``export`` column is ``bibtex_string`` alone).
Baseline: markdown-it-py's bare CommonMark parse of the same text, plus bibtexparser 2's
``write_string`` of the equivalent library (``refs_N.bib`` from make_corpus.py, parsed
beforehand and not timed). Target (issue 3): ours <= 1.5x the baseline.
Run: python benchmarks/bench_bibtex.py [SIZES...]   (default 10000 100000)
"""

from __future__ import annotations

import logging
import sys

import bibtexparser
from common import best_of, corpus
from markdown_it import MarkdownIt

from awesome_papers import parse_text
from awesome_papers.bibtex import bibtex_string


def _row(size: int) -> str:
    md_path, bib_path = corpus(size)
    text = md_path.read_text(encoding="utf-8")
    library = bibtexparser.parse_file(str(bib_path))
    entries = parse_text(text, str(md_path)).entries
    repeat = 3 if size < 100_000 else 1
    markdown = MarkdownIt("commonmark")
    parse = best_of(lambda: markdown.parse(text), repeat)
    write = best_of(lambda: bibtexparser.write_string(library), repeat)
    export = best_of(lambda: bibtex_string(entries, sources=[md_path.name]), repeat)
    ours = best_of(
        lambda: bibtex_string(parse_text(text, str(md_path)).entries, sources=[md_path.name]),
        repeat,
    )
    baseline = parse + write
    return (f"{size:>8} {parse:>11.2f}s {write:>8.2f}s {baseline:>8.2f}s "
            f"{export:>7.2f}s {ours:>7.2f}s {ours / baseline:>6.2f}")


def main(sizes: list[int]) -> None:
    # bibtexparser logs a warning that its default writer copies libraries over 10k blocks:
    # the baseline is that default writer, as people call it.
    logging.getLogger("bibtexparser").setLevel(logging.ERROR)
    print(f"{'entries':>8} {'markdown-it':>12} {'bp write':>9} {'baseline':>9} "
          f"{'export':>8} {'ours':>8} {'ratio':>6}")
    for size in sizes:
        print(_row(size), flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
