"""A paper written into a section: its main shape's commonest template, filled, after
the section's last entry, and read back before anything is written."""

from __future__ import annotations

import calendar
import re
import urllib.parse
from collections import Counter
from dataclasses import dataclass

from ..arxiv import abs_url
from ..model import Collection, Entry, Section
from ..parse import parse_text
from ..text import normalise_title
from .listfile import ListFile
from .metadata import Paper
from .names import AuthorStyle
from .template import choose, escape, fill, learn

#: The shapes ``add`` writes: those that read a paper from one item or table row.
WRITABLE = ("bold-title", "bold-link-citation", "title-link", "italic-title", "leading-text",
            "authors-first", "citation-first", "table-row")
_SLOT_NAMES = re.compile(r"\x00(date[^\x00]*)\x00")
_NUMBERED = re.compile(r"[ \t>]*([0-9]{1,6})[.)][ \t]")


class CannotAdd(Exception):
    """The section gives no style to follow, or the item would not read back."""


@dataclass(frozen=True)
class Added:
    """The changed file and what the new item says, as the parser reads it back."""

    listfile: ListFile
    line: int
    shape: str
    entry: Entry


def direct_entries(collection: Collection, section: Section) -> list[Entry]:
    """The entries right under ``section``'s heading (not in its subsections)."""
    return [e for e in collection.entries
            if e.section_slugs[-1:] == (section.slug,) and e.source == section.source]


def _trimmed_end(listfile: ListFile, first: int, ends: dict[int, int]) -> int:
    end = ends.get(first, first)
    while end > first and not listfile.lines[end - 1].strip():
        end -= 1
    return end


def _gap(listfile: ListFile, entries: list[Entry], ends: dict[int, int]) -> int:
    """Blank lines between the section's last two entries, which the new one keeps."""
    if len(entries) < 2:
        return 0
    between = listfile.lines[_trimmed_end(listfile, entries[-2].line, ends):entries[-1].line - 1]
    return len(between) if all(not line.strip() for line in between) else 0


def _number(listfile: ListFile, entries: list[Entry]) -> int:
    numbers = [int(m[1]) for e in entries if (m := _NUMBERED.match(listfile.lines[e.line - 1]))]
    return max(numbers, default=len(entries)) + 1


def _date(name: str, submitted: str) -> str:
    """``date-d`` -> ``2024-05-17``, ``date.`` -> ``2024.05``, ``date/n`` -> ``2024/5``,
    ``dateM0`` -> ``May 07, 2024``, ``dateMa`` -> ``May 7, 2024``."""
    sep, flags = name[4:5], name[5:]
    year, month, day = submitted[:4], submitted[5:7], submitted[8:10]
    if sep == "M":
        names = calendar.month_abbr if "a" in flags else calendar.month_name
        return f"{names[int(month)]} {day if '0' in flags else day.lstrip('0')}, {year}"
    if "n" in flags:
        month = month.lstrip("0")
    return sep.join([year, month, day] if "d" in flags else [year, month])


def _values(paper: Paper, authors: str, number: int, template: str,
            table: bool) -> dict[str, str]:
    year = str(paper.year or "")
    repo = urllib.parse.urlsplit(paper.code or "").path.strip("/").split("/")[:2]
    values = {
        "title": escape(paper.title, table), "authors": escape(authors, table),
        "arxiv": paper.arxiv, "version": f"v{paper.version}" if paper.version else "",
        "url": abs_url(paper.arxiv), "pdf": f"https://arxiv.org/pdf/{paper.arxiv}",
        "code": paper.code or "", "repo": "/".join(repo), "venue": "arXiv",
        "year": year, "yy": year[2:], "number": str(number),
    }
    for name in _SLOT_NAMES.findall(template):
        values[name] = _date(name, paper.submitted) if paper.submitted else year
    return values


def _read_back(new: ListFile, line: int, shape: str, paper: Paper) -> Entry:
    """The new item as the parser reads it; :class:`CannotAdd` if it reads otherwise."""
    entry = next((e for e in parse_text(new.text(), new.path).entries if e.line == line), None)
    item = new.content(line, line + 1).split("\n")[0][:120]
    if entry is None:
        raise CannotAdd(f"the new item would not be read as an entry: {item!r}")
    if entry.shape != shape or entry.arxiv != paper.arxiv or (
            normalise_title(entry.title) != normalise_title(paper.title)):
        raise CannotAdd(f"the new item would be read as {entry.shape!r} with title "
                        f"{entry.title[:60]!r} and arXiv {entry.arxiv}, not as written: "
                        f"{item!r}")
    return entry


def add_paper(listfile: ListFile, collection: Collection, section: Section,
              paper: Paper) -> Added:
    """``listfile`` with ``paper`` after the last entry of ``section``, written as most of
    the section's entries of its commonest shape are."""
    entries = direct_entries(collection, section)
    papers = [e for e in entries if e.kind == "paper"]
    if not papers:
        raise CannotAdd(f"section {section.title!r} (line {section.line}) has no papers "
                        "of its own to take a style from")
    shape = Counter(e.shape for e in papers).most_common(1)[0][0]
    if shape not in WRITABLE:
        raise CannotAdd(f"the papers of section {section.title!r} are written as {shape!r}, "
                        f"which add cannot write (it writes {', '.join(WRITABLE)})")
    ends = listfile.block_ends()
    learned = [t for e in papers if e.shape == shape and e.line in ends
               if (t := learn(e, listfile.content(e.line, ends[e.line]), paper.code))]
    if not learned:
        raise CannotAdd(f"no {shape!r} entry of section {section.title!r} could be "
                        "taken apart into a template")
    table = shape == "table-row"
    template = choose(learned, table, paper.code is not None)
    style = AuthorStyle.learn([t.authors for t in learned if t.authors])
    authors = style.write(paper.authors)
    block = fill(template, _values(paper, authors, _number(listfile, entries), template, table))
    after = _trimmed_end(listfile, entries[-1].line, ends)
    gap = 0 if table else _gap(listfile, entries, ends)
    new = listfile.insert(after, "\n" * gap + block)
    line = after + gap + 1
    return Added(new, line, shape, _read_back(new, line, shape, paper))
