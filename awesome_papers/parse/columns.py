"""What each column of a table of papers holds, read from its header words.

``|Publish Date|Title|Authors|PDF|Code|``, ``| Title & Authors | Introduction | Links |``,
``| 标题 | 作者 | 摘要 |``: a header word names the field a column gives. A table whose
header names no title column is not a table of papers; its rows are read as list items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Field a header word names. Latin words match whole words; CJK words match inside
#: the header, which writes no spaces (``论文标题``).
_WORDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "titles", "标题", "题目"),
    "authors": ("author", "authors", "作者"),
    "date": ("date", "year", "time", "released", "release", "日期", "时间", "年份"),
    "venue": ("venue", "venues", "conference", "publication", "journal", "published",
              "会议", "期刊", "发表"),
    "code": ("code", "codes", "github", "repo", "repository", "implementation", "代码"),
    "pdf": ("pdf", "arxiv"),
    "links": ("link", "links", "url", "project", "page", "homepage", "website", "demo",
              "链接", "主页", "项目"),
    "description": ("summary", "description", "tldr", "abstract", "notes", "note",
                    "introduction", "comment", "comments", "remarks", "highlights",
                    "摘要", "简介", "描述", "总结", "备注", "说明"),
    "stars": ("star", "stars", "⭐"),
    "number": ("no", "index", "rank", "序号", "编号"),
    "name": ("name", "名称"),
    "paper": ("paper", "papers", "论文"),
}
#: A column's field is its first role in this order: ``Paper Title`` is the title,
#: ``Paper Link`` the links, ``Publication Date`` the date.
_PRIORITY = ("title", "authors", "date", "venue", "code", "pdf", "links", "description",
             "stars", "number", "name", "paper")
#: Columns that may hold the title, in order of preference.
_TITLE_ROLES = ("title", "paper", "name")
_WORD = re.compile(r"[^\W_]+|[#⭐]")


def roles(header: str) -> list[str]:
    """The fields a header names, in :data:`_PRIORITY` order (``Title & Authors``)."""
    text = header.lower().replace("tl;dr", "tldr")
    words = set(_WORD.findall(text))
    found = {role for role, names in _WORDS.items()
             for name in names if name in words or (not name.isascii() and name in text)}
    if "#" in words and not found:
        found.add("number")
    return [role for role in _PRIORITY if role in found]


@dataclass(frozen=True)
class Columns:
    """A table's columns by field: where the title is, and what every other column gives."""

    headers: tuple[str, ...]
    #: Each column's field (``""`` when its header names none).
    fields: tuple[str, ...]
    #: Columns that may hold a row's title, best first; empty for a table of no papers.
    title_columns: tuple[int, ...]
    #: The title column also holds the authors (``Title & Authors``).
    title_has_authors: bool

    def unread(self) -> list[int]:
        """Columns whose header names no field this reader knows."""
        return [n for n, f in enumerate(self.fields) if not f]


def map_columns(headers: list[str]) -> Columns:
    """Fields of a table's columns from its header row."""
    found = [roles(h) for h in headers]
    primary = [r[0] if r else "" for r in found]
    title_columns = tuple(n for role in _TITLE_ROLES
                          for n, p in enumerate(primary) if p == role)
    fields: list[str] = []
    for n, role in enumerate(primary):
        if title_columns and n == title_columns[0]:
            fields.append("title")
        elif role in ("paper", "pdf"):
            fields.append("paper")  # "Paper Abbr" beside "Paper Title": the paper's link
        elif role == "name":
            fields.append("")  # a model or dataset name beside the paper's title
        else:
            fields.append(role)
    return Columns(tuple(headers), tuple(fields), title_columns,
                   bool(title_columns) and "authors" in found[title_columns[0]])


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
           "dec")
_DATE_TOKEN = re.compile(r"[A-Za-z]+|\d+|[-./年月]")
_DATE_CHARS = re.compile(r"[A-Za-z0-9\-./年月日 ,*\[\]()]*")


def read_date(text: str) -> tuple[int | None, int | None]:
    """``(year, month)`` of ``2024-03-12``, ``2024.03``, ``Mar 2024``, ``July 3, 2024``, ``2023``.

    A date without a year (``01-09``) gives ``(None, None)``; a day-first or month-first
    date (``12/03/2024``) gives only its year.
    """
    tokens = _DATE_TOKEN.findall(text)
    year_at = next((k for k, t in enumerate(tokens)
                    if len(t) == 4 and t.isdigit() and t[:2] in ("19", "20")), None)
    if year_at is None:
        return None, None
    year = int(tokens[year_at])
    named = next((_MONTHS.index(t[:3].lower()) + 1 for t in tokens
                  if t.isalpha() and t[:3].lower() in _MONTHS and len(t) >= 3), None)
    if named:
        return year, named
    after = tokens[year_at + 1:year_at + 3]
    if (year_at == 0 and len(after) == 2 and after[0] in "-./年" and after[1].isdigit()
            and 1 <= int(after[1]) <= 12):
        return year, int(after[1])
    return year, None


def is_date(text: str) -> bool:
    """Nothing but a date: ``2024-03-12``, ``July 3, 2024``, ``01-09``, ``2023``."""
    if len(text) > 40 or not _DATE_CHARS.fullmatch(text):
        return False
    tokens = _DATE_TOKEN.findall(text)
    return (any(t.isdigit() for t in tokens)
            and all(not t.isalpha() or t[:3].lower() in _MONTHS for t in tokens))
