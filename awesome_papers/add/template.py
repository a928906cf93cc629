"""Item templates: a section's entries with their own values taken out, and the commonest.

Each entry of the section's main shape is turned back into the text it was read from
with slots where its title, authors, arXiv id, year, date, venue, number and links were,
and with what a new paper cannot have (its other links, its code unless ``--code`` is
given, its description, a highlight mark) cut out. Lines and table cells without a slot
that fewer than half of the entries share are dropped, and the template most entries
share is the section's style: bullet, bold or linked title, author line, venue text and
badges, as the list writes them.
"""

from __future__ import annotations

import calendar
import re
import urllib.parse
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Entry
from .locate import find_loose
from .names import Observed, observe

#: Slots are ``\0name\0``: a list cannot hold NUL (it would be read as binary).
_SLOT = re.compile(r"\x00([^\x00\n]*)\x00")
_CUT = "\x00cut\x00"
_NUMBER = re.compile(r"([ \t>]*)([0-9]{1,6})([.)][ \t])")
#: Characters that would end or start Markdown markup inside a title or a name.
_ESCAPE = re.compile(r"[\\`*\[\]<>]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
_CELL = re.compile(r"(?<!\\)\|")
_WORD = re.compile(r"[^\W\d_]{2,}")
_SEPARATORS = ",;·-–—:"
_HIGHLIGHT = re.compile("🌟[ \t]?")
#: Month names and their three-letter forms (``August``, ``Aug``) -> number.
MONTHS = {name: number for number in range(1, 13)
          for name in (calendar.month_name[number], calendar.month_abbr[number])}
_NAMED_DATE = re.compile(r"\b(?P<mon>[A-Z][a-z]{2,8}) (?P<d>[0-9]{1,2}), "
                         r"(?P<y>(?:19|20)[0-9]{2})\b")


def slot(name: str) -> str:
    return f"\x00{name}\x00"


@dataclass(frozen=True)
class Learned:
    """One entry as a template, and how it writes its authors."""

    text: str
    authors: Observed | None


def _separated(text: str, start: int) -> int:
    """Where the separator before ``start`` (``, `` `` - `` ``: ``, blanks) begins; it is
    kept (``start`` comes back) at the start of a line or a table cell."""
    at = start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    if at > 0 and text[at - 1] in _SEPARATORS:
        at -= 1
        while at > 0 and text[at - 1] in " \t":
            at -= 1
    return start if at == 0 or text[at - 1] in "\n|" else at


def _replace(text: str, span: tuple[int, int], by: str) -> str:
    return text[:span[0]] + by + text[span[1]:]


def _link_start(text: str, at: int) -> int | None:
    """Where the ``[`` opening the link whose ``](`` is at ``at`` is, on the same line."""
    depth = 0
    for index in range(at, -1, -1):
        ch = text[index]
        if ch == "\n":
            return None
        depth += (ch == "]") - (ch == "[")
        if depth == 0:
            return index
    return None


def _cut_url(text: str, url: str) -> str:
    """``text`` without the links to ``url``: ``[[code](url)]``, a star badge linking it,
    ``, [blog](url)``, with the separator before them; a bare URL goes alone."""
    at = text.find(url)
    while at >= 0:
        start, end = at, at + len(url)
        if text[start - 2:start] == "](" and text[end:end + 1] == ")":
            opening = _link_start(text, start - 2)
            if opening is not None:
                start, end = opening, end + 1
        while start > 0 and text[start - 1] == "[" and text[end:end + 1] == "]":
            start, end = start - 1, end + 1
        start, end = _parenthesised(text, start, end)
        separated = _separated(text, start)
        if separated == start and text[end:end + 4].lower() == "<br>":
            end += 4
        start = separated
        text = text[:start] + _CUT + text[end:]
        at = text.find(url)
    return text


def _parenthesised(text: str, start: int, end: int) -> tuple[int, int]:
    """``([Citation](…): 1,235)``: a link that opens a parenthesis takes the rest of it."""
    if start == 0 or text[start - 1] != "(":
        return start, end
    close = text.find(")", end)
    inside = text[end:close]
    if close < 0 or "\n" in inside or "(" in inside or "\x00" in inside:
        return start, end
    return start - 1, close + 1


def _code_slots(text: str, url: str) -> str:
    """The given code URL's place (and its repository path in star badges) as slots."""
    text = text.replace(url, slot("code"))
    path = "/".join(urllib.parse.urlsplit(url).path.strip("/").split("/")[:2])
    return text.replace(f"/{path}", "/" + slot("repo")) if path.count("/") == 1 else text


def _named_date(match: re.Match[str], entry: Entry) -> str:
    """``August 06, 2024`` (or ``Aug 6, 2024``) of the entry's month and year as a slot."""
    name = match["mon"]
    month = MONTHS.get(name)
    if month is None or month != entry.month or match["y"] != str(entry.year):
        return match.group()
    padded = "0" if len(match["d"]) == 2 else ""
    short = name != calendar.month_name[month]
    return slot(f"dateM{'a' if short else ''}{padded}")


def _dates(text: str, entry: Entry) -> str:
    if entry.year is None:
        return text
    year = str(entry.year)

    def date(match: re.Match[str]) -> str:
        if match["y"] != year or (entry.month and int(match["m"]) != entry.month):
            return match.group()
        pad = "" if len(match["m"]) == 2 else "n"
        return slot(f"date{match['sep']}{'d' if match['d'] else ''}{pad}")

    text = re.sub(r"(?<![\w/.\-])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[-./])(?P<m>[0-9]{1,2})"
                  r"(?:(?P=sep)(?P<d>[0-9]{1,2}))?(?![\w/\-]|\.[0-9])", date, text)
    text = _NAMED_DATE.sub(lambda m: _named_date(m, entry), text)
    text = re.sub(rf"(?<![\w/.\-]){year}(?![\w/\-]|\.[0-9])", slot("year"), text)
    return re.sub(rf"(?<=['’]){year[2:]}(?![0-9])", slot("yy"), text)


def _arxiv(text: str, arxiv: str) -> str:
    return re.sub(re.escape(arxiv) + r"(v[0-9]{1,3})?(?![0-9])",
                  lambda m: slot("arxiv") + (slot("version") if m[1] else ""), text)


def _tidy(text: str) -> str:
    """A line that lost something and holds no slot goes (``- 📖 TLDR: …`` without its
    text, ``[[code](…)]``); the cut marks go."""
    return "\n".join(line.replace(_CUT, "") for line in text.split("\n")
                     if _CUT not in line or len(_SLOT.findall(line.replace(_CUT, ""))) > 0)


def learn(entry: Entry, block: str, code: str | None) -> Learned | None:
    """``block`` (the item's source) as a template, or ``None`` when the entry's title or
    authors cannot be found in it as read."""
    found = find_loose(block, entry.title)
    if found is None:
        return None
    text = _replace(block, found, slot("title"))
    authors = None
    if entry.authors:
        authors = observe(entry, text)
        if authors is None:
            return None
        text = _replace(text, (authors.start, authors.end), slot("authors"))
    if entry.arxiv:
        text = _arxiv(text, entry.arxiv)
    for value, name in ((entry.url, "url"), (entry.pdf, "pdf")):
        if value and value in text:
            text = text.replace(value, slot(name))
    for index, url in enumerate(entry.code):
        text = _code_slots(text, url) if code and index == 0 else _cut_url(text, url)
    for link in entry.links:
        text = _cut_url(text, link.url)
    if entry.description:
        described = find_loose(text, entry.description)
        if described:
            text = _replace(text, (_separated(text, described[0]), described[1]), _CUT)
    if entry.venue:
        venue = find_loose(text, entry.venue)
        if venue is None:
            return None  # written otherwise (``NIPS'17`` read as NeurIPS): it would stay
        text = _replace(text, venue, slot("venue"))
    text = _dates(text, entry)
    number = _NUMBER.match(text)
    if number:
        text = _replace(text, number.span(2), slot("number"))
    if entry.highlight:
        text = _HIGHLIGHT.sub(_CUT, text)
    return Learned(_tidy(text), authors)


def _cells(line: str) -> list[str]:
    return _CELL.split(line)


def _common_parts(texts: Sequence[str], table: bool) -> list[str]:
    """Each template without the lines (table: the cells) that have no slot and that
    fewer than half of the entries share: one paper's keywords, date or summary."""
    if len(texts) < 2:
        return list(texts)
    if table:
        seen = Counter((i, c) for t in texts for i, c in enumerate(_cells(t)))
        return ["|".join(c if "\x00" in c or seen[i, c] * 2 >= len(texts) else "" for i, c in
                         enumerate(_cells(t))) for t in texts]
    lines = Counter(line for t in texts for line in set(t.split("\n")))
    return ["\n".join(line for line in t.split("\n")
                      if "\x00" in line or lines[line] * 2 >= len(texts)) for t in texts]


def _words(template: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(_SLOT.sub(" ", template))}


def choose(learned: Sequence[Learned], table: bool, code: bool) -> str:
    """The template most entries share: one that names no venue (a new arXiv paper has
    none) before one that does, one with a code link when ``code`` is given, one without
    words that fewer than half of the templates have (a journal the parser does not know
    as a venue) before one with, then the commonest, then the latest in the section."""
    texts = _common_parts([item.text for item in learned], table)
    votes = Counter(texts)
    last = {text: index for index, text in enumerate(texts)}
    spread = Counter(word for text in texts for word in _words(text))

    def rank(text: str) -> tuple[bool, bool, bool, int, int]:
        common = all(spread[word] * 2 >= len(texts) for word in _words(text))
        return (slot("venue") not in text, (slot("code") in text) == code, common,
                votes[text], last[text])

    return max(votes, key=rank)


def escape(text: str, table: bool) -> str:
    """Title or name text that stays text: Markdown's markup characters backslashed."""
    text = _ESCAPE.sub(lambda m: "\\" + m.group(), " ".join(text.split()))
    return text.replace("|", "\\|") if table else text


def fill(template: str, values: Mapping[str, str]) -> str:
    """The template with its slots filled; a slot with no value is left empty."""
    return _SLOT.sub(lambda m: values.get(m[1], ""), template)
