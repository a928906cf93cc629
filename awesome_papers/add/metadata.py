"""The paper to add: its arXiv record, from the metadata cache or else the arXiv API."""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..arxiv import from_text, from_url, is_well_formed
from ..arxiv_api import ArxivClient, fetch
from ..enrich import Cache, CachedPaper, CacheError, read_cache, write_cache


class MetadataMissing(Exception):
    """The record cannot be had: offline, unknown to arXiv, or a bad cache; the message
    says what is needed."""


@dataclass(frozen=True)
class Paper:
    """What an added item says about its paper."""

    arxiv: str
    title: str
    authors: tuple[str, ...]
    #: Latest version (``0`` when the record does not say).
    version: int
    #: Submission date of version 1, ``YYYY-MM-DD`` (``""`` if unknown).
    submitted: str
    #: Code repository given with ``--code``.
    code: str | None = None

    @property
    def year(self) -> int | None:
        return int(self.submitted[:4]) if self.submitted[:4].isdigit() else None

    @property
    def month(self) -> int | None:
        return int(self.submitted[5:7]) if self.submitted[5:7].isdigit() else None


def arxiv_id(text: str) -> str | None:
    """The id without version that ``text`` names: ``2405.10938``, ``2405.10938v2``,
    ``arXiv:2405.10938`` or an arxiv.org abs/pdf/html URL; ``None`` if none."""
    text = text.strip()
    found = from_url(text) or from_text(text) or from_text(f"arXiv:{text}")
    return found[0] if found and is_well_formed(found[0]) else None


def _paper(arxiv: str, cached: CachedPaper, code: str | None) -> Paper:
    return Paper(arxiv=arxiv, title=" ".join(cached.title.split()),
                 authors=tuple(" ".join(a.split()) for a in cached.authors),
                 version=cached.latest_version,
                 submitted=(cached.versions[0][:10] if cached.versions else ""), code=code)


def _read(cache_path: str | os.PathLike[str] | None) -> Cache:
    try:
        return read_cache(cache_path) if cache_path else Cache()
    except CacheError as error:
        raise MetadataMissing(str(error)) from error


def find_paper(arxiv: str, *, cache_path: str | os.PathLike[str] | None,
               client: ArxivClient | None, code: str | None = None) -> Paper:
    """The cached record, else the API's (then kept in the cache, when one is named).

    ``client=None`` means offline: a paper the cache lacks is :class:`MetadataMissing`.
    """
    cache = _read(cache_path)
    if arxiv in cache.papers:
        return _paper(arxiv, cache.papers[arxiv], code)
    dropped = [p for p in cache.problems if f"record {arxiv!r} dropped" in p]
    if dropped:
        raise MetadataMissing(f"{dropped[0]}; run `awesome-papers enrich --refresh` to fetch "
                              "it again, or mend the record")
    if client is None:
        where = (f"is not in the cache {os.fspath(cache_path)}" if cache_path
                 else "needs a metadata cache (--cache), and none was given")
        raise MetadataMissing(
            f"arXiv {arxiv} {where}; --offline forbids asking the arXiv API: run "
            "`awesome-papers enrich LIST --cache FILE` to fill a cache, or drop --offline")
    batch = next(fetch(client, [arxiv]))
    if arxiv in batch.unknown:
        raise MetadataMissing(f"arXiv does not know {arxiv}: {batch.unknown[arxiv]}")
    if arxiv not in batch.records:
        reason = batch.failed.get(arxiv, "no answer")
        raise MetadataMissing(
            f"the arXiv API could not be asked about {arxiv} ({reason}), and "
            f"{'the cache holds' if cache_path else 'no cache (--cache) was given with'} no "
            "record of it: give --cache FILE with one (`awesome-papers enrich` writes it) or "
            "try again with network access")
    cache.add(batch)
    if cache_path:
        write_cache(cache, cache_path)
    return _paper(arxiv, cache.papers[arxiv], code)


__all__ = ["MetadataMissing", "Paper", "arxiv_id", "find_paper"]
