"""How faithfully real lists are read: one row per list, from an independent walk of it.

Each list is walked with markdown-it on its own (not with the parser's code) to find
its items: list items, table rows and top-level paragraphs that carry a link or an
arXiv id; items whose links are all in-page anchors are a table of contents. Then:

  ids       arXiv ids written in an item's first paragraph (links to arxiv.org
            abs/pdf/html, ``arXiv:ID`` and ``arXiv, ID`` text) that are some entry's id
  authors   papers with authors / papers (read it where the list writes authors)
  titles    entries whose title no reader would give, and that no diagnostic reports
  dropped   items with no entry and no diagnostic on their lines, and links no entry holds
  toc       entries or diagnostics on table-of-contents lines

Run: python benchmarks/bench_fidelity.py LIST_OR_DIR...   (directories give their *.md)
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from awesome_papers import parse_text
from awesome_papers.parse.checks import suspicious_title

_ID = r"(\d{4}\.\d{4,5}|[a-z][a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?!\d)"
_ID_IN_URL = re.compile(r"arxiv\.org/(?:abs|pdf|html)/" + _ID, re.I)
_ID_IN_TEXT = re.compile(r"\barxiv[:,]? ?`?" + _ID, re.I)
_MD = MarkdownIt("commonmark").enable("table")


@dataclass
class Item:
    first: int
    last: int
    ids: set[str] = field(default_factory=set)
    toc: bool = False
    hrefs: list[str] = field(default_factory=list)


def _ids(inline: Token) -> tuple[set[str], list[str]]:
    """arXiv ids and link targets of one inline token."""
    hrefs = [str(t.attrs.get("href", "")) for t in inline.children or ()
             if t.type == "link_open"]
    found = {m[1] for href in hrefs for m in _ID_IN_URL.finditer(href)}
    found |= {m[1] for m in _ID_IN_TEXT.finditer(inline.content)}
    return found, hrefs


def items(text: str) -> list[Item]:
    """The list's items, by an independent walk of markdown-it's tokens."""
    tokens = _MD.parse(text)
    out: list[Item] = []
    for n, tok in enumerate(tokens):
        opens_item = tok.type in ("list_item_open", "tr_open") or (
            tok.type == "paragraph_open" and tok.level == 0)
        if not opens_item or not tok.map:
            continue
        if tok.type == "tr_open":  # a row: all its cells
            end = next(k for k in range(n, len(tokens)) if tokens[k].type == "tr_close")
            inlines = [t for t in tokens[n:end] if t.type == "inline"]
        else:  # an item or a paragraph: its first paragraph, the head
            inlines = [t for t in tokens[n:n + 12] if t.type == "inline"][:1]
        if not inlines:
            continue
        ids, hrefs = set(), []
        for inline in inlines:
            more_ids, more_hrefs = _ids(inline)
            ids |= more_ids
            hrefs += more_hrefs
        if not (ids or hrefs) or (tok.type == "tr_open" and tokens[n - 1].type == "thead_open"):
            continue
        if tok.type == "paragraph_open" and not ids:
            continue  # prose with a link: not counted as an item
        anchors = all(h.startswith(("#", "./#")) for h in hrefs)
        out.append(Item(tok.map[0] + 1, tok.map[1], ids, bool(hrefs) and anchors, hrefs))
    return out


def row(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    collection = parse_text(text, str(path))
    found = items(text)
    entry_lines = {e.line for e in collection.entries}
    told = {d.line for d in collection.diagnostics}
    reported = {d.line for d in collection.diagnostics if d.code == "suspicious-title"}
    arxiv = {e.arxiv for e in collection.entries if e.arxiv}
    written = set().union(*(i.ids for i in found if not i.toc)) if found else set()
    papers = [e for e in collection.entries if e.kind == "paper"]
    urls = {u for e in collection.entries
            for u in (e.url, e.pdf, *e.code, *(link.url for link in e.links)) if u}

    def accounted(item: Item) -> bool:
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
    print(f"{'list':<58}{'items':>6}{'entries':>8}{'ids':>18}{'authors':>18}"
          f"{'titles':>7}{'dropped':>8}{'toc':>5}")
    total: dict[str, object] = {"list": "TOTAL", "items": 0, "entries": 0, "ids": (0, 0),
                                "authors": (0, 0), "titles": 0, "dropped": 0, "toc": 0}
    for r in [row(path) for path in lists] + [total]:
        print(f"{r['list']:<58}{r['items']:>6}{r['entries']:>8}{_pct(r['ids']):>18}"
              f"{_pct(r['authors']):>18}{r['titles']:>7}{r['dropped']:>8}{r['toc']:>5}")
        if r is not total:
            for name in ("items", "entries", "titles", "dropped", "toc"):
                total[name] += r[name]  # type: ignore[operator]
            for name in ("ids", "authors"):
                total[name] = tuple(a + b for a, b in zip(total[name], r[name], strict=True))  # type: ignore[call-overload]


if __name__ == "__main__":
    main(sys.argv[1:] or ["examples"])
