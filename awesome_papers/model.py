"""The records a parsed list is made of: plain frozen dataclasses, no behaviour.

Everything downstream (query, BibTeX, docutils nodes, JSON) reads these; nothing
downstream mutates them (use :func:`dataclasses.replace`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["paper", "repo", "link"]
Severity = Literal["error", "warning", "info"]
KINDS: tuple[Kind, ...] = ("paper", "repo", "link")


@dataclass(frozen=True, slots=True)
class Link:
    """A labelled URL attached to an entry (a blog post, a tweet, a video, ...)."""

    label: str
    url: str


@dataclass(frozen=True, slots=True)
class Section:
    """One heading of the list; sections nest by heading level."""

    title: str
    #: GitHub's anchor for the heading (``llm-training-1`` for the second "LLM Training").
    slug: str
    level: int
    #: 1-based source line of the heading.
    line: int
    #: Slug of the enclosing section, ``None`` at the top.
    parent: str | None = None
    #: The list file the heading is in.
    source: str = ""


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in a list, with a stable ``code`` (see ``awesome_papers.codes``)."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str

    def format(self) -> str:
        """``path:line:col: severity code message``, the form editors and CI read."""
        return f"{self.path}:{self.line}:{self.column}: {self.severity} {self.code} {self.message}"


@dataclass(frozen=True, slots=True)
class Entry:
    """One list item: a paper, a code repository or a plain link."""

    #: Citation key, Google-Scholar style (``diao2025climb``): ASCII, unique, stable.
    key: str
    kind: Kind
    #: Plain text; ``$...$`` math kept as written.
    title: str
    authors: tuple[str, ...] = ()
    #: The list cut the author list short with ``...``; ``authors`` holds what it shows.
    authors_truncated: bool = False
    #: How many of ``authors`` come before the cut (``A, B, ..., Y, Z`` -> 2).
    authors_cut: int | None = None
    #: arXiv identifier without version (``2504.13161``, ``hep-th/9901001``).
    arxiv: str | None = None
    #: Version the list pins (``1`` for ``2504.13161v1``), if any.
    arxiv_version: int | None = None
    year: int | None = None
    month: int | None = None
    #: Venue as written (``NeurIPS 2024``, ``ICLR'24``); ``None`` for bare arXiv.
    venue: str | None = None
    #: The entry's main page (the arXiv abstract page for papers, the repository, the link).
    url: str | None = None
    pdf: str | None = None
    #: Code repositories (GitHub, GitLab, Hugging Face, gists).
    code: tuple[str, ...] = ()
    #: Every other link, in list order.
    links: tuple[Link, ...] = ()
    description: str | None = None
    #: Marked with 🌟 in the list.
    highlight: bool = False
    #: Citation count the list gives; ``None`` when unknown (``-1`` in the seed format).
    citations: int | None = None
    #: Repository or gist owner; for links, the media marker site (``x``, ``youtube``).
    owner: str | None = None
    #: Heading titles from the top of the document down to the entry's section.
    section: tuple[str, ...] = ()
    #: Slugs of the same headings, so section filters take in subsections.
    section_slugs: tuple[str, ...] = ()
    #: The list file and 1-based line of the item.
    source: str = ""
    line: int = 0
    #: The entry shape that read the item (see ``docs/formats.md``).
    shape: str = ""
    #: Filled by arXiv enrichment (``awesome-papers enrich``), never by the parser.
    doi: str | None = None
    primary_class: str | None = None
    journal_ref: str | None = None


@dataclass(frozen=True, slots=True)
class Collection:
    """The entries, sections and diagnostics of one or more parsed lists."""

    entries: tuple[Entry, ...] = ()
    sections: tuple[Section, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    sources: tuple[str, ...] = ()
    #: Diagnostics an ignore comment or the code selection silenced (counted, not shown).
    ignored: tuple[Diagnostic, ...] = ()
    _by_key: dict[str, Entry] = field(default_factory=dict, init=False, compare=False,
                                      repr=False)
    _by_arxiv: dict[str, Entry] = field(default_factory=dict, init=False, compare=False,
                                        repr=False)

    def __post_init__(self) -> None:
        for entry in self.entries:
            self._by_key[entry.key] = entry
            if entry.arxiv:
                self._by_arxiv.setdefault(entry.arxiv, entry)

    def get(self, ref: str) -> Entry | None:
        """The entry a citation names: a key, or ``arXiv:ID`` (any version suffix)."""
        ref = ref.strip()
        if ref[:6].lower() == "arxiv:":
            arxiv_id = ref[6:].strip()
            base, _, version = arxiv_id.rpartition("v")
            if base and version.isdigit() and base[-1:].isdigit():
                arxiv_id = base
            return self._by_arxiv.get(arxiv_id)
        return self._by_key.get(ref)

    def __len__(self) -> int:
        return len(self.entries)
