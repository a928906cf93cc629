"""The one renderer from entries to docutils nodes, shared by Sphinx and MkDocs.

Only plain docutils nodes come out (``table``, ``reference``, ``math``, ``image``,
``Text``, and ``raw`` HTML that other writers skip), so every docutils writer and every
Sphinx builder can render them, and no text ever reaches output unescaped. Classes on rows
name facets
(kind, highlight, code) for stylesheets; :func:`table_data` gives the browser script the
rest, as one JSON block per table that only HTML writers write.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING

from docutils import nodes

from .arxiv import abs_url
from .citations import label as cite_label
from .mathsafe import math_spans
from .messages import DEFAULT, browser_messages, header
from .query import DEFAULT_COLUMNS
from .urls import is_safe

if TYPE_CHECKING:
    from collections.abc import Callable, Container, Sequence

    from .model import Entry

#: Relative column widths, written as ``<col>`` widths in HTML and used by LaTeX: the title
#: gets the room, short values (year, key) little.
WIDTHS = {"title": 38, "authors": 20, "description": 30, "section": 12, "links": 12,
          "code": 16, "venue": 10, "year": 6}
#: Author lists longer than this show their first ``SHORT_AUTHORS`` names and "…", with the
#: full list a click away.
LONG_AUTHORS = 4
SHORT_AUTHORS = 3
BADGE = "https://img.shields.io/github/stars/{repo}.svg?style=social&label=Star"

_GITHUB = re.compile(r"^https?://github\.com/([\w.-]+/[\w.-]+?)(?:\.git)?/?$")


def safe_url(url: str | None) -> str | None:
    """The URL if a browser would follow it harmlessly (http(s), mailto, relative), else None."""
    return url.strip() if url and is_safe(url) else None


def _link(text: str, url: str | None, **attributes: str) -> nodes.Node:
    """A reference when the URL is safe, the bare text otherwise."""
    target = safe_url(url)
    if target is None:
        return nodes.Text(text)
    return nodes.reference(text, text, refuri=target, **attributes)


def title_nodes(entry: Entry) -> list[nodes.Node]:
    """The title as Text and ``math`` nodes, so ``$O(n)$`` renders as math in every writer.

    Only formulas :mod:`~awesome_papers.mathsafe` allows become ``math`` nodes (which
    Sphinx's LaTeX writer copies into the ``.tex`` and MathJax typesets); the rest stay
    text, dollars and all, as in ``references.bib``.
    """
    parts: list[nodes.Node] = []
    title = entry.title
    position = 0
    for span in math_spans(title):
        if not span.safe:
            continue
        if span.start > position:
            parts.append(nodes.Text(title[position:span.start]))
        parts.append(nodes.math(span.tex, span.tex))
        position = span.end
    if position < len(title):
        parts.append(nodes.Text(title[position:]))
    return parts


def linked_title(entry: Entry) -> nodes.Element:
    """The title linked to the entry's page; 🌟 marks highlights outside the link."""
    para = nodes.inline(classes=["awesome-title"])
    if entry.highlight:
        para += nodes.inline("🌟 ", "🌟 ", classes=["awesome-star"])
    url = safe_url(entry.url)
    if url is None:
        para.extend(title_nodes(entry))
    else:
        para += nodes.reference(entry.title, "", *title_nodes(entry), refuri=url)
    return para


def _authors(entry: Entry) -> list[nodes.Node]:
    if not entry.authors:
        return [nodes.Text(entry.owner)] if entry.kind == "repo" and entry.owner else []
    names = list(entry.authors)
    if entry.authors_truncated:
        cut = len(names) if entry.authors_cut is None else entry.authors_cut
        names = [*names[:cut], "…" if cut < len(names) else "et al.", *names[cut:]]
    return [nodes.Text(", ".join(names))]


def _authors_cell(entry: Entry) -> list[nodes.Node]:
    """A long author list folds into ``<details>``: the first names and "…" as its summary.

    The ``<details>`` tags are ``raw`` HTML, so the browser opens the full list without a
    script and writers other than HTML (LaTeX, text) show the full list only.
    """
    full = _authors(entry)
    if len(entry.authors) <= LONG_AUTHORS:
        return full
    short = html.escape(", ".join([*entry.authors[:SHORT_AUTHORS], "…"]))
    return [nodes.raw("", '<details class="awesome-authors"><summary>'
                          f'<span class="awesome-authors-short">{short}</span></summary>',
                      format="html"),
            nodes.paragraph("", "", *full),
            nodes.raw("", "</details>", format="html")]


def _code(entry: Entry, badges: bool) -> list[nodes.Node]:
    cell: list[nodes.Node] = []
    for url in entry.code:
        if cell:
            cell.append(nodes.Text(" "))
        github = _GITHUB.match(url)
        label = github[1] if github else url.split("://", 1)[-1].rstrip("/")
        cell.append(_link(label, url))
        if badges and github and safe_url(url):
            # Lazy: a third-party image per row should not load for rows nobody scrolls to.
            cell += [nodes.Text(" "), nodes.image(uri=BADGE.format(repo=github[1]),
                                                 alt="GitHub stars", classes=["awesome-badge"],
                                                 loading="lazy")]
    return cell


def _links(entry: Entry) -> list[nodes.Node]:
    pairs = ([("pdf", entry.pdf)] if entry.pdf else []) + [(k.label, k.url) for k in entry.links]
    cell: list[nodes.Node] = []
    for label, url in pairs:
        if cell:
            cell.append(nodes.Text(" · "))
        cell.append(_link(label, url))
    return cell


def _plain(value: object) -> list[nodes.Node]:
    return [] if value is None or value == "" else [nodes.Text(str(value))]


_CELLS: dict[str, Callable[[Entry, bool], list[nodes.Node]]] = {
    "title": lambda e, _b: [linked_title(e)],
    "authors": lambda e, _b: _authors_cell(e),
    "year": lambda e, _b: _plain(e.year),
    "venue": lambda e, _b: _plain(e.venue),
    "section": lambda e, _b: _plain(e.section[-1] if e.section else None),
    "kind": lambda e, _b: _plain(e.kind),
    "code": _code,
    "links": lambda e, _b: _links(e),
    "description": lambda e, _b: _plain(e.description),
    "citations": lambda e, _b: _plain(e.citations),
    "key": lambda e, _b: [nodes.literal(e.key, e.key)],
    "arxiv": lambda e, _b: [_link(e.arxiv, abs_url(e.arxiv))] if e.arxiv else [],
}


def _entry(children: Sequence[nodes.Node], column: str) -> nodes.entry:
    cell = nodes.entry(classes=[f"awesome-col-{column}"])
    if any(isinstance(child, nodes.paragraph) for child in children):
        cell.extend(children)  # already laid out in blocks (a folded author list)
    elif children:
        cell += nodes.paragraph("", "", *children)
    return cell


def row_classes(entry: Entry) -> list[str]:
    """Facets for the browser script: kind, highlight, has code."""
    classes = ["awesome-row", f"awesome-{entry.kind}"]
    if entry.highlight:
        classes.append("awesome-highlight")
    if entry.code:
        classes.append("awesome-has-code")
    return classes


def paper_table(
    entries: Sequence[Entry],
    columns: Sequence[str] = DEFAULT_COLUMNS,
    *,
    badges: bool = False,
    caption: str | None = None,
    classes: Sequence[str] = (),
    anchored: Container[str] = (),
    language: str = DEFAULT,
) -> nodes.table:
    """A plain docutils table, one row per entry; each row's id is the entry's key.

    A column that no row fills is left out (a table with no rows keeps them all), so a list
    without authors gets no empty Authors column. The columns' :data:`WIDTHS` are given
    (``colwidths-given``), so HTML writers write them and the title gets the room. Rows
    whose key is in ``anchored`` (shown by an earlier table on the same page) get no id, so
    every id on a page stays unique. Headers are in ``language``, a code
    :func:`~awesome_papers.messages.pick` returned.
    """
    columns = [c for c in columns if c in _CELLS]
    cells = [[_CELLS[column](paper, badges) for column in columns] for paper in entries]
    if cells:
        filled = [i for i in range(len(columns)) if any(row[i] for row in cells)]
        columns = [columns[i] for i in filled]
        cells = [[row[i] for i in filled] for row in cells]
    table = nodes.table(classes=["awesome-papers", "colwidths-given", *classes])
    if caption:
        table += nodes.title(caption, caption)
    group = nodes.tgroup(cols=len(columns))
    table += group
    for column in columns:
        group += nodes.colspec(colwidth=WIDTHS.get(column, 8))
    head = nodes.row()
    for column in columns:
        head += _entry([nodes.Text(header(column, language))], column)
    group += nodes.thead("", head)
    body = nodes.tbody()
    for paper, row_cells in zip(entries, cells, strict=True):
        row = nodes.row(ids=[] if paper.key in anchored else [paper.key],
                        classes=row_classes(paper))
        for column, children in zip(columns, row_cells, strict=True):
            row += _entry(children, column)
        body += row
    group += body
    return table


def scroll_box(table: nodes.table) -> nodes.container:
    """The table in a box of its own that scrolls sideways when the table cannot fit, so a
    wide table never overflows the page's column; the browser script puts its controls
    before the box."""
    return nodes.container("", table, classes=["awesome-scroll"])


DATA_START = '<script type="application/json" class="awesome-papers-data">'


def _row_data(entry: Entry, bibtex: Callable[[Entry], str]) -> dict[str, object]:
    return {
        "key": entry.key,
        "title": entry.title,
        "authors": ", ".join(entry.authors) or entry.owner or "",
        "text": entry.description or "",
        "year": entry.year,
        "section": entry.section_slugs[-1] if entry.section_slugs else "",
        "star": entry.highlight,
        "code": bool(entry.code) or entry.kind == "repo",
        "bibtex": bibtex(entry),
    }


def table_json(entries: Sequence[Entry],
               bibtex: Callable[[Entry], str] | None = None, *,
               language: str = DEFAULT) -> str:
    """What the browser script needs about a table's rows, and its words, as JSON.

    ``{"sections": {slug: title}, "rows": [...], "language": code, "messages": {...}}``:
    one item per row in row order (by position, because a row that an earlier table on
    the page already shows has no id), and the script's messages in ``language``
    (:func:`~awesome_papers.messages.browser_messages`).
    Why not classes or data attributes on the rows: search needs free text (authors,
    description) even when those columns are hidden, and the BibTeX button needs each
    entry's ``.bib`` block. ``<``, ``>`` and ``&`` are escaped, so the text can sit inside
    a script element without closing it. ``bibtex`` gives an entry's ``.bib`` block, for
    callers that already made them for ``references.bib``; by default
    :func:`~awesome_papers.bibtex.entry_bibtex`.
    """
    if bibtex is None:
        from .bibtex import entry_bibtex  # bibtexparser only for builds that show tables

        bibtex = entry_bibtex
    sections = {e.section_slugs[-1]: e.section[-1] for e in entries
                if e.section_slugs and e.section}
    data = {"sections": sections, "rows": [_row_data(e, bibtex) for e in entries],
            "language": language, "messages": browser_messages(language)}
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def table_data(entries: Sequence[Entry], language: str = DEFAULT,
               bibtex: Callable[[Entry], str] | None = None) -> nodes.raw:
    """:func:`table_json` as a ``<script type="application/json"
    class="awesome-papers-data">`` block, to follow the table in the doctree.

    docutils writes no data attributes without a visitor per engine, so the data is a
    ``raw`` node in the "html" format: HTML writers write it, LaTeX, text and the others
    skip it. ``bibtex`` is as for :func:`table_json`.
    """
    # No classes on the node: HTML writers would wrap it in a <div>.
    data = table_json(entries, bibtex, language=language)
    return nodes.raw("", f"{DATA_START}{data}</script>", format="html")


def is_table_data(node: nodes.Node) -> bool:
    """Whether ``node`` is a :func:`table_data` block (builders without scripts drop it)."""
    return isinstance(node, nodes.raw) and node.astext().startswith(DATA_START)


def reference_item(entry: Entry) -> nodes.paragraph:
    """One bibliography line: label, linked title, venue or arXiv id, year. Without
    authors the label would be the title again, so the line starts with the title."""
    para = nodes.paragraph(classes=["awesome-reference"])
    if entry.authors:
        text = cite_label(entry)
        para += nodes.strong(text, text)
        para += nodes.Text(". ")
    para += linked_title(entry)
    where = entry.venue or (f"arXiv:{entry.arxiv}" if entry.arxiv else None)
    tail = ", ".join(str(p) for p in (where, entry.year) if p)
    para += nodes.Text(f". {tail}." if tail else ".")
    return para


def reference_list(entries: Sequence[Entry], classes: Sequence[str] = ()) -> nodes.bullet_list:
    """A bibliography: one :func:`reference_item` per entry, in the given order."""
    items = nodes.bullet_list(classes=list(classes))
    for entry in entries:
        items += nodes.list_item("", reference_item(entry))
    return items
