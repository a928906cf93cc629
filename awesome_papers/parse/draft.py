"""An entry while it is being read: mutable, and not yet keyed or de-duplicated; and a
file read into such drafts."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Diagnostic, Kind, Link, Section


@dataclass(slots=True)
class Problem:
    """A diagnostic found while reading one item; ``near`` helps find its column."""

    code: str
    severity: str
    message: str
    near: str = ""


@dataclass(slots=True)
class Draft:
    """An entry being read: the fields of :class:`~awesome_papers.model.Entry` but key."""

    kind: Kind = "link"
    title: str = ""
    authors: list[str] = field(default_factory=list)
    authors_truncated: bool = False
    authors_cut: int | None = None
    arxiv: str | None = None
    arxiv_version: int | None = None
    year: int | None = None
    month: int | None = None
    venue: str | None = None
    url: str | None = None
    pdf: str | None = None
    code: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    description: str | None = None
    highlight: bool = False
    citations: int | None = None
    owner: str | None = None
    line: int = 0
    #: The entry shape that read the item (``bold-title``, ``table-row``, ...).
    shape: str = ""
    problems: list[Problem] = field(default_factory=list)


@dataclass
class Parsed:
    """One file read into drafts, before keys and duplicates are settled."""

    path: str
    drafts: list[tuple[Draft, tuple[str, ...], tuple[str, ...]]]
    sections: list[Section]
    diagnostics: list[Diagnostic]
