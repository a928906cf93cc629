"""How faithfully real lists are read: one row per list, from an independent walk of it.

Each list is walked with markdown-it on its own (not with the parser's code) to find
its items: list items, table rows and top-level paragraphs that carry a link or an
arXiv id; items whose links are all in-page anchors are a table of contents. Then:

  ids       arXiv ids written in an item's first paragraph (links to arxiv.org
            abs/pdf/html, ``arXiv:ID`` and ``arXiv, ID`` text) that are some entry's id
  reported  the other ids that a diagnostic names (malformed, or a second paper glued
            into an item)
  authors   papers with authors / papers (read it where the list writes authors)
  titles    entries whose title no reader would give, and that no diagnostic reports
  dropped   items with no entry and no diagnostic on their lines, and links no entry holds
  toc       entries or diagnostics on table-of-contents lines

Run: python benchmarks/bench_fidelity.py LIST_OR_DIR...   (directories give their *.md)
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path
from typing import Any

from awesome_papers import parse_text
from awesome_papers.parse.checks import suspicious_title

#: The independent walk is the integration test's (``tests/core/corpus_walk.py``), so the
#: figures printed here are the ones the tests check.
_WALK = runpy.run_path(str(Path(__file__).resolve().parents[1] / "tests" / "core"
                           / "corpus_walk.py"))
items = _WALK["items"]


def row(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    collection = parse_text(text, str(path))
    found = items(text)
    entry_lines = {e.line for e in collection.entries}
    told = {d.line for d in collection.diagnostics}
    reported = {d.line for d in collection.diagnostics if d.code == "suspicious-title"}
    arxiv = {e.arxiv for e in collection.entries if e.arxiv}
    reports = " ".join(d.message for d in collection.diagnostics
                       if d.code in ("bad-arxiv-id", "glued-entries"))
    written = set().union(*(i.ids for i in found if not i.toc)) if found else set()
    papers = [e for e in collection.entries if e.kind == "paper"]
    urls = {u for e in collection.entries
            for u in (e.url, e.pdf, *e.code, *(link.url for link in e.links)) if u}

    def accounted(item: Any) -> bool:
        """An entry or a diagnostic on its lines, or its links read into an entry."""
        return any(line in entry_lines or line in told
                   for line in range(item.first, item.last + 1)) or (
            bool(item.hrefs) and all(h in urls for h in item.hrefs))

    # A sub-item read into its parent's entry is accounted for by the parent.
    dropped = [i for i in found if not i.toc and not accounted(i) and not any(
        o.first < i.first and o.last >= i.last and accounted(o) for o in found)]
    toc = [i for i in found if i.toc and (i.first in entry_lines or i.first in told)]
    return {
        "list": path.name, "items": len(found), "entries": len(collection.entries),
        "ids": (len(written & arxiv), len(written)),
        "reported": sum(1 for i in written - arxiv if i in reports),
        "authors": (sum(1 for e in papers if e.authors), len(papers)),
        "titles": sum(1 for e in collection.entries
                      if suspicious_title(e.title) and e.line not in reported),
        "dropped": len(dropped), "toc": len(toc),
    }


def _pct(pair: object) -> str:
    done, total = pair  # type: ignore[misc]
    return f"{done}/{total} ({100 * done // total}%)" if total else "-"


def main(paths: list[str]) -> None:
    lists = [p for arg in paths for p in (sorted(Path(arg).glob("*.md"))
                                         if Path(arg).is_dir() else [Path(arg)])
             if p.name != "MANIFEST.md"]
    print(f"{'list':<58}{'items':>6}{'entries':>8}{'ids':>18}{'reported':>9}{'authors':>18}"
          f"{'titles':>7}{'dropped':>8}{'toc':>5}")
    total: dict[str, object] = {"list": "TOTAL", "items": 0, "entries": 0, "ids": (0, 0),
                                "reported": 0, "authors": (0, 0), "titles": 0, "dropped": 0,
                                "toc": 0}
    for r in [row(path) for path in lists] + [total]:
        print(f"{r['list']:<58}{r['items']:>6}{r['entries']:>8}{_pct(r['ids']):>18}{r['reported']:>9}"
              f"{_pct(r['authors']):>18}{r['titles']:>7}{r['dropped']:>8}{r['toc']:>5}")
        if r is not total:
            for name in ("items", "entries", "reported", "titles", "dropped", "toc"):
                total[name] += r[name]  # type: ignore[operator]
            for name in ("ids", "authors"):
                total[name] = tuple(a + b for a, b in zip(total[name], r[name], strict=True))  # type: ignore[call-overload]


if __name__ == "__main__":
    main(sys.argv[1:] or ["examples"])
