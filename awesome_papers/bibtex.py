"""Entries as a ``references.bib`` that BibTeX, biber and sphinxcontrib-bibtex accept.

Built with bibtexparser 2's model and writer. arXiv papers look like arXiv's own export
(``@misc`` with ``eprint``/``archiveprefix``/``primaryclass``), with a ``howpublished``
line that plain BibTeX styles print; a venue we can place becomes ``booktitle`` or
``journal``. A URL is in ``url`` only, which natbib's and biblatex's styles and
sphinxcontrib-bibtex print (a ``\\url`` in ``howpublished`` too would print it twice,
and mkdocs-bibtex would show the ``\\url`` itself). Field text comes from
:mod:`awesome_papers.latex`. Output is a function of the input only, so rebuilding an
unchanged list gives a byte-identical file.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Iterable, Sequence
from functools import partial

import bibtexparser
from bibtexparser import BibtexFormat, Library
from bibtexparser.middlewares.enclosing import AddEnclosingMiddleware
from bibtexparser.model import Block, Field, ImplicitComment, Preamble, String
from bibtexparser.model import Entry as BibEntry

from . import latex, urls
from .arxiv import abs_url
from .files import write_atomic
from .gc_pause import collector_paused
from .model import Entry

__all__ = ["bibtex_file", "bibtex_string", "entry_bibtex", "read_bib", "write_bibtex"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# First word of a venue (year and a trailing workshop "W" cut off) -> which field holds it.
_CONFERENCES = frozenset({
    "aaai", "accv", "acl", "aistats", "bmvc", "chi", "cikm", "colm", "coling", "colt", "corl",
    "cvpr", "eacl", "eccv", "emnlp", "gcpr", "icassp", "iccv", "icde", "icdm", "iclr", "icml",
    "icpr", "icra", "ijcai", "interspeech", "iros", "isbi", "kdd", "miccai", "mm", "naacl",
    "neurips", "nips", "prcv", "rss", "sigir", "siggraph", "uai", "uist", "wacv", "wsdm",
    "www",
})
_JOURNALS = frozenset({
    "eswa", "ijcv", "jmlr", "nature", "neurocomputing", "pami", "pnas", "science", "tcsvt",
    "tip", "tmlr", "tmm", "tnnls", "tpami", "tvcg",
})
_CONFERENCE_WORDS = frozenset({"conference", "workshop", "proceedings", "symposium", "findings"})
_JOURNAL_WORDS = frozenset(
    {"journal", "transactions", "review", "reviews", "letters", "surveys", "magazine"}
)
_NOT_VENUES = frozenset({"arxiv", "github", "preprint"})
_FIRST_WORD = re.compile(r"[A-Za-z]+")
_ARXIV_VERSION = re.compile(r"v\d+$")
_FORMAT = BibtexFormat()
_FORMAT.indent = "  "
_FORMAT.block_separator = "\n"


def _venue(entry: Entry) -> tuple[str | None, str | None]:
    """``(field, text)``: ``booktitle``/``journal``/``None`` (unplaced), the venue minus its year.

    ``ICLR'24`` is ``("booktitle", "ICLR")``; an arXiv or GitHub "venue" is no venue.
    """
    venue = latex.clean(entry.venue or "")
    first = _FIRST_WORD.match(venue)
    if not first or first[0].lower() in _NOT_VENUES:
        return None, None
    if entry.year:
        year = re.escape(str(entry.year))
        venue = re.sub(rf"\s*(?:['’]{year[-2:]}|{year})\b", "", venue, count=1).strip(" ,")
    word = first[0].lower()
    words = set(venue.lower().split())
    if word in _JOURNALS or words & _JOURNAL_WORDS:
        return "journal", venue
    if word in _CONFERENCES or word.removesuffix("w") in _CONFERENCES or words & _CONFERENCE_WORDS:
        return "booktitle", venue
    return None, venue


def _authors(entry: Entry, latex_escapes: bool) -> str:
    """``A and B and others``: for a cut list (``A, B, ..., Y, Z``) the names before the cut.

    The names after the cut stay in the JSON; BibTeX has no way to say "and then, after
    a gap, Y and Z", so they are not guessed into the author field.
    """
    names = list(entry.authors)
    if entry.authors_truncated:
        names = names[: entry.authors_cut if entry.authors_cut is not None else 1]
    names = [name for name in names if latex.clean(name)]
    parts = [latex.name(name, latex_escapes=latex_escapes) for name in names]
    if not parts and entry.kind == "repo" and entry.owner:
        parts = [latex.name(entry.owner, latex_escapes=latex_escapes, corporate=True)]
    if parts and entry.authors_truncated:
        parts.append("others")
    return " and ".join(parts)


def _fields(entry: Entry, latex_escapes: bool) -> tuple[str, list[Field]]:
    """The entry type and fields, values already BibTeX text (the writer adds braces)."""
    text = partial(latex.escape, latex_escapes=latex_escapes)
    authors = _authors(entry, latex_escapes)
    where, venue = _venue(entry)
    title = latex.title(entry.title, latex_escapes=latex_escapes)
    placed = bool(entry.kind == "paper" and where and authors and title and entry.year)
    entry_type = ("inproceedings" if where == "booktitle" else "article") if placed else "misc"
    arxiv_id = entry.arxiv
    url = urls.safe(entry.url)  # the list's own policy again: entries also come from caches
    if arxiv_id:
        # arXiv's form of its own abstract page; a version only where the list pins one.
        url = abs_url(arxiv_id, entry.arxiv_version)

    fields: list[Field] = []

    def add(key: str, value: str | None, enclosing: str | None = None) -> None:
        if value:
            fields.append(Field(key, value, enclosing=enclosing))

    add("title", title)
    add("author", authors)
    if placed and where and venue:
        add(where, text(venue))
    notes = [venue] if venue and not placed else []
    if entry.journal_ref and latex.clean(entry.journal_ref) != latex.clean(entry.venue or ""):
        notes.append(entry.journal_ref)
    add("year", str(entry.year) if entry.year else None)
    if entry.month and 1 <= entry.month <= 12:
        add("month", _MONTHS[entry.month - 1], enclosing="no-enclosing")
    if arxiv_id:
        add("eprint", latex.verbatim(arxiv_id))
        add("archiveprefix", "arXiv")
        add("primaryclass", latex.verbatim(entry.primary_class or ""))
    add("url", latex.verbatim(url or "", latex_escapes=latex_escapes))
    add("doi", latex.verbatim(entry.doi or "", latex_escapes=latex_escapes))
    if entry_type == "misc" and arxiv_id:
        add("howpublished", f"arXiv preprint arXiv:{arxiv_id}")
    add("note", text(". ".join(notes)))
    if not authors:
        # plain.bst sorts by author, else by ``key``: without one it warns.
        add("key", text(entry.title))
    return entry_type, fields


def _block(entry: Entry, latex_escapes: bool) -> BibEntry:
    entry_type, fields = _fields(entry, latex_escapes)
    return BibEntry(entry_type, entry.key, fields)


def _header(sources: Sequence[str]) -> ImplicitComment:
    """``% Generated ...`` naming the lists; an ``@`` would start an entry, so it is spelt out."""
    names = ", ".join(source.replace("@", "(at)") for source in sources) or "an awesome list"
    return ImplicitComment(
        f"% Generated by awesome-papers from {' '.join(names.split())}.\n"
        "% Edit the list (or the hand-kept .bib merged into this file), not this file."
    )


def _normal_eprint(value: str) -> str:
    value = value.strip().lower().removeprefix("arxiv:")
    return _ARXIV_VERSION.sub("", value)


def _normal_doi(value: str) -> str:
    value = value.strip().lower()
    for prefix in ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"):
        value = value.removeprefix(prefix)
    return value


def _field_value(block: BibEntry, key: str) -> str:
    field = block.get(key)
    return field.value if field is not None and isinstance(field.value, str) else ""


def _merged(ours: list[BibEntry], theirs: Library) -> list[Block]:
    """Our entries with a matching hand-kept entry's type and fields on top, then the rest.

    A match is the same key, else the same eprint, else the same DOI; each hand-kept entry
    is used once. Their ``@string`` and ``@preamble`` blocks come first, unmatched entries
    last. Our key stays (the list cites it); theirs becomes an ``ids`` alias for biblatex.
    """
    by_key = {block.key: block for block in theirs.entries}
    by_eprint: dict[str, BibEntry] = {}
    by_doi: dict[str, BibEntry] = {}
    for block in theirs.entries:
        if eprint := _field_value(block, "eprint"):
            by_eprint.setdefault(_normal_eprint(eprint), block)
        if doi := _field_value(block, "doi"):
            by_doi.setdefault(_normal_doi(doi), block)
    used: set[int] = set()
    out: list[Block] = [
        copy.deepcopy(b) for b in theirs.blocks if isinstance(b, (String, Preamble))
    ]
    for block in ours:
        eprint = _normal_eprint(_field_value(block, "eprint"))
        doi = _normal_doi(_field_value(block, "doi"))
        candidates = (
            by_key.get(block.key),
            by_eprint.get(eprint) if eprint else None,
            by_doi.get(doi) if doi else None,
        )
        match = next((c for c in candidates if c is not None and id(c) not in used), None)
        if match is None:
            out.append(block)
            continue
        used.add(id(match))
        block.entry_type = match.entry_type
        for field in match.fields:
            # field names are case-insensitive in BibTeX: ``Title`` replaces our ``title``
            mine = copy.deepcopy(field)
            mine.key = mine.key.lower()
            block.set_field(mine)
        if match.key != block.key and "ids" not in block.fields_dict:
            block.set_field(Field("ids", match.key))
        out.append(block)
    out.extend(copy.deepcopy(b) for b in theirs.entries if id(b) not in used)
    return out


def _write(blocks: Iterable[Block]) -> str:
    library = Library(list(blocks))
    stack = [
        AddEnclosingMiddleware(
            reuse_previous_enclosing=False,
            enclose_integers=True,
            default_enclosing="{",
            allow_inplace_modification=True,
        )
    ]
    return bibtexparser.write_string(library, unparse_stack=stack, bibtex_format=_FORMAT)


def bibtex_string(
    entries: Sequence[Entry],
    *,
    sources: Sequence[str] = (),
    latex_escapes: bool = False,
    merge: Library | None = None,
) -> str:
    """The ``.bib`` text of ``entries`` in the order given, headed by the source lists.

    ``latex_escapes`` writes non-ASCII as LaTeX commands (8-bit BibTeX and pdfLaTeX);
    ``merge`` is a hand-kept library (see :func:`read_bib`) whose matching entries win.
    """
    # ~12 objects an entry and no garbage cycles: full collections over the blocks and
    # the caller's parsed list made a 100k export twice as slow as the work itself.
    with collector_paused():
        if merge is None:
            return bibtex_file([entry_bibtex(e, latex_escapes=latex_escapes) for e in entries],
                               sources=sources)
        blocks = _merged([_block(entry, latex_escapes) for entry in entries], merge)
        return _write([_header(sources), *blocks])


def bibtex_file(texts: Iterable[str], *, sources: Sequence[str] = ()) -> str:
    """A ``.bib`` file made of :func:`entry_bibtex` texts: the same bytes as
    :func:`bibtex_string`, for callers that already hold the texts (a site's tables)."""
    return "\n".join([_write([_header(sources)]), *texts])


def entry_bibtex(entry: Entry, *, latex_escapes: bool = False) -> str:
    """One entry's text, the same bytes as its block in :func:`bibtex_string`'s output."""
    return _write([_block(entry, latex_escapes)])


def write_bibtex(
    path: str | os.PathLike[str],
    entries: Sequence[Entry],
    *,
    sources: Sequence[str] = (),
    latex_escapes: bool = False,
    merge: Library | None = None,
) -> None:
    """Write :func:`bibtex_string` to ``path`` atomically: a failed run keeps the old file."""
    text = bibtex_string(entries, sources=sources, latex_escapes=latex_escapes, merge=merge)
    write_atomic(path, text)


def read_bib(path: str | os.PathLike[str]) -> Library:
    """A hand-kept ``.bib`` for ``merge``; a block that does not parse is an error, not a loss."""
    library = bibtexparser.parse_file(os.fspath(path))
    if library.failed_blocks:
        lines = ", ".join(str((b.start_line or 0) + 1) for b in library.failed_blocks)
        raise ValueError(f"{os.fspath(path)}: cannot read the BibTeX block(s) at line {lines}")
    return library
