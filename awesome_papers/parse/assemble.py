"""Settle duplicates and keys, and freeze drafts into a :class:`Collection`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from typing import TYPE_CHECKING, Any

from .. import urls
from ..model import Collection, Diagnostic, Entry
from ..text import normalise_title
from .convention import authors_missing
from .draft import Draft
from .keys import assign_keys

if TYPE_CHECKING:
    from .draft import Parsed

Placed = tuple[Draft, tuple[str, ...], tuple[str, ...], str]


def _identities(draft: Draft) -> list[tuple[str, str]]:
    ids = []
    if draft.arxiv:
        ids.append(("arXiv id", draft.arxiv))
    if draft.url and not draft.arxiv:
        ids.append(("URL", urls.normalise(draft.url)))
    title = normalise_title(draft.title)
    if draft.kind == "paper" and len(title) >= 12:
        ids.append(("title", title))
    return ids


def _merge(first: Draft, other: Draft) -> None:
    """Fill what the first occurrence lacks from a duplicate."""
    for name in ("arxiv", "arxiv_version", "year", "month", "venue", "url", "pdf",
                 "description", "citations", "owner"):
        if getattr(first, name) is None and getattr(other, name) is not None:
            setattr(first, name, getattr(other, name))
    if not first.authors:
        first.authors, first.authors_truncated = other.authors, other.authors_truncated
        first.authors_cut = other.authors_cut
    first.code += [c for c in other.code if c not in first.code]
    first.links += [link for link in other.links if link not in first.links]
    first.highlight = first.highlight or other.highlight


def dedupe(placed: list[Placed]) -> tuple[list[Placed], list[Diagnostic]]:
    """Merge entries with the same arXiv id, URL or normalised title into one.

    The fuller record is kept where it stands and the other fills its gaps; a news
    line never replaces the entry in its own section. Drafts come from the per-file
    parse cache, so a draft is copied before a merge changes it.
    """
    seen: dict[tuple[str, str], int] = {}
    kept: list[Placed] = []
    copied: set[int] = set()
    diagnostics = []
    for item in placed:
        identities = _identities(item[0])
        match = next(((what, seen[(what, value)]) for what, value in identities
                      if (what, value) in seen), None)
        if match is not None and match[0] == "title" and _distinct(kept[match[1]][0], item[0]):
            match = None  # "Deep learning", the book and the Nature paper
        if match is None:
            for ident in identities:
                seen.setdefault(ident, len(kept))
            kept.append(item)
            continue
        what, index = match
        if index not in copied:
            first = kept[index][0]
            kept[index] = (replace(first, code=list(first.code), links=list(first.links)),
                           *kept[index][1:])
            copied.add(index)
        dropped = item
        if _fullness(item[0]) > _fullness(kept[index][0]):
            base = replace(item[0], code=list(item[0].code), links=list(item[0].links))
            kept[index], dropped = (base, *item[1:]), kept[index]
            for ident in identities:
                seen.setdefault(ident, index)
        _merge(kept[index][0], dropped[0])
        first_draft, first_path = kept[index][0], kept[index][3]
        diagnostics.append(Diagnostic(
            dropped[3], dropped[0].line, 1, "warning", "duplicate",
            f"duplicate of {first_draft.title[:50]!r} at {first_path}:{first_draft.line} "
            f"(same {what}); merged into it",
        ))
    return kept, diagnostics


def _distinct(one: Draft, other: Draft) -> bool:
    """Same title, yet two works: different arXiv ids, years or venues say so."""
    return any(a is not None and b is not None and a != b for a, b in (
        (one.arxiv, other.arxiv), (one.year, other.year), (one.venue, other.venue)))


def _fullness(draft: Draft) -> tuple[bool, int]:
    """How much a record says: a list's own entry beats a news line announcing it."""
    filled = sum(1 for value in (draft.arxiv, draft.year, draft.venue, draft.url, draft.pdf,
                                 draft.description, draft.authors, draft.code) if value)
    return draft.shape != "news-line", filled


#: Draft fields that become Entry fields as they are (lists become tuples).
_COPIED = tuple(f.name for f in fields(Draft) if f.name != "problems")


def _entry(draft: Draft, key: str, titles: tuple[str, ...], slugs: tuple[str, ...],
           path: str) -> Entry:
    values: dict[str, Any] = {name: getattr(draft, name) for name in _COPIED}
    # The bad-url warning stays; every output gets the address that works.
    values.update(authors=tuple(draft.authors),
                  code=tuple(urls.trimmed(url) for url in draft.code),
                  links=tuple(replace(link, url=urls.trimmed(link.url)) for link in draft.links),
                  url=draft.url and urls.trimmed(draft.url),
                  pdf=draft.pdf and urls.trimmed(draft.pdf))
    return Entry(key=key, section=titles, section_slugs=slugs, source=path, **values)


def finish(parsed: Sequence[Parsed]) -> Collection:
    """One collection from parsed files: duplicates merged, keys assigned."""
    placed: list[Placed] = [(d, t, s, p.path) for p in parsed for d, t, s in p.drafts]
    kept, dup_diagnostics = dedupe(placed)
    keys = assign_keys([item[0] for item in kept])
    entries = tuple(_entry(d, k, t, s, p) for (d, t, s, p), k in zip(kept, keys, strict=True))
    diagnostics = [d for p in parsed for d in [*p.diagnostics, *authors_missing(p)]]
    diagnostics += dup_diagnostics
    diagnostics.sort(key=lambda d: (d.path, d.line, d.column, d.code))
    return Collection(
        entries=entries,
        sections=tuple(s for p in parsed for s in p.sections),
        diagnostics=tuple(diagnostics),
        sources=tuple(p.path for p in parsed),
    )
