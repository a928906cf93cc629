"""Lists of labelled fields that describe papers: ``- **Paper**: *Title* (1998) by X``.

Some lists give each model a heading and, under it, one bullet per field: a ``Paper``
bullet per paper and one ``Link`` bullet with a link per paper. Each ``Paper`` (or
``Title``) bullet becomes an entry; the ``Link`` bullet's links go to the papers in
order (all to the first when the counts differ); a summary field describes the only
paper; other fields are left out.

Entries also carry labelled sub-bullets (``- 📅 Date: …``, ``- Code: https://…``):
:func:`label_field` and :func:`read_label` read them into links and :class:`Notes`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .segments import Seg, plain

if TYPE_CHECKING:
    from .items import RawItem

_TITLE_FIELDS = ("paper", "title")
_LINK_FIELDS = ("link", "links", "url", "code")


def _field(item: RawItem) -> tuple[str, list[Seg]] | None:
    """``(label, body)`` of a ``**Label**: body`` bullet, else ``None``."""
    first = [s for s in (item.lines[0] if item.lines else [])
             if s.kind != "text" or s.text.strip()]
    if len(first) < 2 or first[0].kind != "strong" or first[1].kind != "text":
        return None
    if not first[1].text.lstrip().startswith(":"):
        return None
    body = [Seg("text", first[1].text.lstrip()[1:]), *first[2:]]
    return first[0].text.strip().lower(), body


def is_field_list(items: Sequence[RawItem]) -> bool:
    """Every bullet is a labelled field, and one of them names a paper."""
    fields = [_field(item) for item in items]
    return (len(items) >= 2 and all(fields)
            and any(f[0] in _TITLE_FIELDS for f in fields if f))


def _as_lead_text(body: list[Seg]) -> list[Seg]:
    """``*Title* (1998) by X`` read as plain leading text: title, year, authors."""
    return [Seg("text", "".join(s.text for s in body if s.kind in ("text", "em", "strong")))]


def field_records(items: Sequence[RawItem]) -> list[tuple[list[list[Seg]], int, int, Notes]]:
    """``(lines, first line, last line, notes)`` of each paper the field list describes.

    Summary fields (``**Significance**``) go to the description of a list's only paper;
    with several papers they cannot be told apart, and are left out.
    """
    papers: list[tuple[list[list[Seg]], int, int]] = []
    links: list[Seg] = []
    notes = Notes()
    for item in items:
        label, body = _field(item) or ("", [])
        if label in _TITLE_FIELDS:
            papers.append(([_as_lead_text(body)], item.line, item.end))
        elif label in _LINK_FIELDS:
            links += [s for s in body if s.kind == "link"]
        elif label in _SUMMARY_LABELS:
            notes.add(read_label(label, label, body)[1])
    if len(papers) != 1:
        notes = Notes()
    if len(links) == len(papers):
        return [([*lines, [link]], first, last, notes)
                for (lines, first, last), link in zip(papers, links, strict=True)]
    if papers and links:
        first_lines, first, last = papers[0]
        papers[0] = ([*first_lines, links], first, last)
    return [(lines, first, last, notes) for lines, first, last in papers]


@dataclass
class Notes:
    """What labelled sub-bullets say that no segment carries: date, venue, summary.

    ``- 📅 Date: August 10, 2026``, ``- 📑 Publisher: NeurIPS``, ``- 📖 TLDR: …``: given to
    the entry only where its own head gives nothing (an arXiv id dates a paper better).
    """

    year: int | None = None
    month: int | None = None
    venue: str | None = None
    description: str | None = None

    def add(self, other: Notes) -> None:
        self.year = self.year or other.year
        self.month = self.month or other.month
        self.venue = self.venue or other.venue
        self.description = self.description or other.description


_DATE_LABELS = {"date", "published", "publication date", "release date", "released",
                "submitted", "time", "year"}
_VENUE_LABELS = {"publisher", "venue", "conference", "journal", "published in",
                 "publication", "conf"}
_SUMMARY_LABELS = {"tldr", "tl;dr", "tl:dr", "summary", "abstract", "description",
                   "significance", "note", "notes", "comment", "comments", "highlight",
                   "highlights", "contribution", "contributions", "key idea", "overview",
                   "motivation", "insight", "insights", "takeaway"}
_AUTHOR_LABELS = {"author", "authors", "by"}
#: Labels of a paper's own links: their links go where the label says (``Code``).
_LINK_LABELS = {"paper", "pdf", "arxiv", "code", "github", "project", "project page",
                "homepage", "home", "website", "page"}
_KNOWN_LABELS = (_DATE_LABELS | _VENUE_LABELS | _SUMMARY_LABELS | _AUTHOR_LABELS
                 | _LINK_LABELS | {"demo", "video", "blog", "dataset", "data", "slides",
                                   "poster", "model", "models", "weights", "openreview",
                                   "doi", "institution", "institutions", "affiliation",
                                   "affiliations", "keywords", "tags", "key", "env"})
#: Link texts that say nothing of the link: the field's label names it instead.
_GENERIC_TEXTS = {"", "link", "here", "url", "official", "click", "this", "pdf", "paper",
                  "code"}
_MONTHS = {name[:3]: n for n, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"), start=1)}
#: Characters that end a bare URL, besides whitespace.
_URL_STOP = "<>[]()\"'`，。；、"


def label_field(line: list[Seg]) -> tuple[str, str, list[Seg]] | None:
    """``(label folded, label as written, value)`` of ``📅 Date: …`` or ``**Paper**: …``.

    A label is one to three words before a colon that a space (or nothing) follows, so
    ``https://…`` is none. It must also read as one: a field name lists use (``Paper``,
    ``Code``, ``TLDR``), a name marked by an emoji (``🔑 Key``), or any name whose value
    is only links or ``None`` — so ``Merlin: A Vision–Language Model [[paper](…)]``,
    a title with a subtitle, is not a label.
    """
    segs = [s for s in line if s.kind != "text" or s.text.strip()]
    if not segs:
        return None
    first = segs[0]
    if first.kind == "strong" and len(segs) > 1 and segs[1].kind == "text":
        label, after = first.text.strip(), segs[1].text.lstrip()
        if label.endswith((":", "：")):
            label, rest = label[:-1], after
        elif after.startswith((":", "：")):
            rest = after[1:]
        else:
            return None
        value = [Seg("text", rest), *segs[2:]]
    elif first.kind == "strong" and first.text.strip().endswith((":", "：")):
        label, value = first.text.strip()[:-1], segs[1:]
    elif first.kind == "text":
        text = first.text
        colon = _label_colon(text)
        if colon < 0:
            return None
        label, value = text[:colon], [Seg("text", text[colon + 1:]), *segs[1:]]
    else:
        return None
    marked = first.kind == "text" and not label.lstrip()[:1].isalnum()
    label = _strip_marks(label)
    if not label or len(label) > 24 or len(label.split()) > 3 or label[0].isdigit():
        return None
    folded = label.lower()
    if not (folded in _KNOWN_LABELS or marked or _only_links(value)):
        return None
    return folded, label, value


def _only_links(value: list[Seg]) -> bool:
    """A value of links (or bare URLs) and separators only, or ``None``."""
    rest = "".join(s.text for s in value if s.kind == "text" and "://" not in s.text)
    words = rest.replace("|", " ").replace(",", " ").split()
    has_url = any(s.kind == "link" or (s.kind == "text" and bare_urls(s.text)) for s in value)
    return (has_url and not words) or (not has_url and words in (["None"], ["none"], ["N/A"]))


def _label_colon(text: str) -> int:
    """Index of the colon ending a label in the first 30 characters, else -1."""
    for n, ch in enumerate(text[:30]):
        if ch == "：":
            return n
        if ch == ":":
            nxt = text[n + 1:n + 2]
            return n if nxt in ("", " ", "\t", "\xa0") else -1
    return -1


def _strip_marks(label: str) -> str:
    """``📅 Date`` -> ``Date``: emoji and symbols a list puts before its labels."""
    start = 0
    while start < len(label) and not label[start].isalnum():
        start += 1
    return label[start:].strip()


def bare_urls(text: str) -> list[str]:
    """``http(s)://…`` written as plain text (markdown-it's linkify is off), in order.

    A hand scan, linear in the text: each URL runs to whitespace or a bracket, and loses
    the sentence punctuation after it.
    """
    found: list[str] = []
    pos = 0
    while True:
        start = text.find("http", pos)
        if start < 0:
            return found
        rest = text[start:start + 8].lower()
        if not (rest.startswith("https://") or rest.startswith("http://")):
            pos = start + 4
            continue
        end = start
        while end < len(text) and not text[end].isspace() and text[end] not in _URL_STOP:
            end += 1
        url = text[start:end].rstrip(".,;:!?")
        if len(url) > len("https://"):
            found.append(url)
        pos = max(end, start + 4)


def links_in(segs: list[Seg], label: str = "") -> list[Seg]:
    """The links of segments, bare URLs in text included.

    A field's ``label`` names bare URLs, and links whose own text says nothing or whose
    field decides where they go (``Code: [official](…)``); ``Dataset: [DROP](…)`` keeps
    its name.
    """
    out: list[Seg] = []
    for seg in segs:
        if seg.kind == "link":
            own = seg.text.strip(" []").lower()
            named = label if label and (own in _GENERIC_TEXTS
                                        or label.lower() in _LINK_LABELS) else seg.text
            out.append(Seg("link", named, seg.href, seg.bold, seg.image))
        elif seg.kind == "text" and "http" in seg.text:
            out += [Seg("link", label, url) for url in bare_urls(seg.text)]
    return out


def read_label(label: str, written: str, value: list[Seg]) -> tuple[list[Seg], Notes]:
    """The segments and notes one labelled field gives its entry.

    Links (bare or written) become links labelled with the field (``Code``, ``Homepage``);
    authors an italic run; dates, venues and summaries notes; anything else (``Key``,
    ``Institutions``, ``Env``) is read and left out, quietly.
    """
    notes = Notes()
    text = " ".join(plain(value).split())
    if label in _AUTHOR_LABELS:
        return ([Seg("em", text)] if text else []), notes
    if label in _DATE_LABELS:
        notes.year, notes.month = read_date(text)
    elif label in _VENUE_LABELS:
        notes.venue = text if text and text.lower() not in ("arxiv", "none", "n/a") else None
    elif label in _SUMMARY_LABELS:
        notes.description = text or None
    return links_in(value, written), notes


def read_date(text: str) -> tuple[int | None, int | None]:
    """``August 10, 2026``, ``2024-03-12``, ``2024.03``, ``Mar 2024``: year and month."""
    year_at = next((n for n in range(len(text) - 3) if text[n:n + 4].isdigit()
                    and text[n:n + 2] in ("19", "20")
                    and not text[n + 4:n + 5].isdigit()
                    and not (n and text[n - 1].isdigit())), -1)
    if year_at < 0:
        return None, None
    year = int(text[year_at:year_at + 4])
    after = text[year_at + 4:year_at + 7]
    month: int | None = None
    if after[:1] in ("-", ".", "/", "年") and after[1:2].isdigit():
        digits = after[1:3] if after[2:3].isdigit() else after[1:2]
        month = int(digits)
    else:
        names = (_MONTHS.get(w[:3].lower()) for w in text.replace(",", " ").split()
                 if w.isalpha() and len(w) >= 3)
        month = next((m for m in names if m), None)
    return year, month if month and 1 <= month <= 12 else None
