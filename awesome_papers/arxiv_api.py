"""A small, polite client for the arXiv API (the Atom feed of ``/api/query``).

Standard library only (``urllib`` and ``ElementTree``): the core needs exactly one
endpoint, and the available client libraries add ``requests`` and ``feedparser`` for it
without controlling what matters here (one rate limiter across retries, 429/503 backoff,
the API's error entries). arXiv asks for at most one request every 3 seconds and a
descriptive User-Agent; :class:`ArxivClient` enforces the first across every request it
sends, retries included.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata

from .arxiv import from_url

try:
    _VERSION = metadata.version("awesome-papers")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    _VERSION = "dev"

API_URL = "http://export.arxiv.org/api/query"
#: Names the tool and what it does; add a contact URL here once the project has one.
USER_AGENT = f"awesome-papers/{_VERSION} (arXiv metadata enrichment for awesome lists)"
#: HTTP statuses that mean "slow down or try later", not "this request is wrong".
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

_NS = {"atom": "http://www.w3.org/2005/Atom", "arxiv": "http://arxiv.org/schemas/atom"}
_ERROR_ID = "arxiv.org/api/errors"


class FetchError(Exception):
    """A request that still failed after its retries (or that retrying cannot fix)."""


@dataclass(frozen=True)
class Record:
    """One paper as the API describes one of its versions."""

    arxiv: str
    version: int
    title: str
    authors: tuple[str, ...]
    abstract: str
    primary_class: str | None
    #: Submission date of version 1 (ISO 8601, as the API gives it).
    published: str
    #: Submission date of ``version``.
    updated: str
    doi: str | None = None
    journal_ref: str | None = None


@dataclass(frozen=True)
class Feed:
    """A parsed response: the paper entries and the messages of the API's error entries."""

    records: tuple[Record, ...]
    errors: tuple[str, ...]


@dataclass
class Batch:
    """What one batch of ids came to; every id of the batch is in exactly one dict."""

    #: Latest version of each paper found, with the dates of all its versions.
    records: dict[str, Record] = field(default_factory=dict)
    versions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Ids the API does not know (typos, withdrawn numbers), with its reason.
    unknown: dict[str, str] = field(default_factory=dict)
    #: Ids whose request failed (network, HTTP errors); asking again later may work.
    failed: dict[str, str] = field(default_factory=dict)


def _text(element: ET.Element, path: str) -> str | None:
    found = element.find(path, _NS)
    if found is None or found.text is None:
        return None
    return " ".join(found.text.split()) or None


def parse_feed(data: bytes) -> Feed:
    """Read an API response; raises :class:`FetchError` when it is not an Atom feed."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        # arXiv answers throttled clients with a bare "Rate exceeded." body.
        raise FetchError(f"not an Atom feed ({error}): {data[:60]!r}") from error
    records: list[Record] = []
    errors: list[str] = []
    for entry in root.iterfind("atom:entry", _NS):
        entry_id = _text(entry, "atom:id") or ""
        if _ERROR_ID in entry_id:
            errors.append(_text(entry, "atom:summary") or entry_id)
            continue
        arxiv_id, version = from_url(entry_id) or (None, None)
        title = _text(entry, "atom:title")
        if arxiv_id is None or version is None or not title:
            continue  # an empty entry: the API's answer for a well-formed unknown id
        primary = entry.find("arxiv:primary_category", _NS)
        records.append(
            Record(
                arxiv=arxiv_id,
                version=version,
                title=title,
                authors=tuple(
                    name for a in entry.iterfind("atom:author", _NS)
                    if (name := _text(a, "atom:name"))
                ),
                abstract=_text(entry, "atom:summary") or "",
                primary_class=primary.get("term") if primary is not None else None,
                published=_text(entry, "atom:published") or "",
                updated=_text(entry, "atom:updated") or "",
                doi=_text(entry, "arxiv:doi"),
                journal_ref=_text(entry, "arxiv:journal_ref"),
            )
        )
    return Feed(tuple(records), tuple(errors))


class ArxivClient:
    """Sends ``id_list`` queries, never closer together than ``interval`` seconds."""

    def __init__(
        self,
        api_url: str = API_URL,
        *,
        interval: float = 3.0,
        retries: int = 4,
        backoff: float = 5.0,
        timeout: float = 30.0,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.api_url = api_url
        self.interval = interval
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.user_agent = user_agent
        self._last_request: float | None = None

    def _wait_turn(self, at_least: float = 0.0) -> None:
        if self._last_request is not None:
            ready = self._last_request + max(self.interval, at_least)
            while (delay := ready - time.monotonic()) > 0:
                time.sleep(delay)

    def _get(self, url: str) -> bytes:
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body: bytes = response.read()
                return body
        finally:
            # Counted from the end of a request, so slow answers never bunch the next ones.
            self._last_request = time.monotonic()

    def query(self, id_list: Sequence[str]) -> Feed:
        """One ``id_list`` query, retried with exponential backoff on transient failures."""
        params = {"id_list": ",".join(id_list), "max_results": str(len(id_list))}
        url = f"{self.api_url}?{urllib.parse.urlencode(params)}"
        pause = 0.0
        for attempt in range(self.retries + 1):
            self._wait_turn(pause)
            try:
                return parse_feed(self._get(url))
            except urllib.error.HTTPError as error:
                if error.code not in RETRY_STATUSES:
                    raise FetchError(f"HTTP {error.code} {error.reason}") from error
                problem = f"HTTP {error.code} {error.reason}"
                retry_after = error.headers.get("Retry-After", "")
                pause = float(retry_after) if retry_after.isdigit() else 0.0
            except (OSError, http.client.HTTPException, FetchError) as error:
                problem = str(getattr(error, "reason", error))
                pause = 0.0
            pause = max(pause, self.backoff * 2**attempt)
        raise FetchError(f"{problem} (after {self.retries + 1} attempts)")


def _fetch_batch(client: ArxivClient, ids: Sequence[str], batch: Batch) -> None:
    pending = list(ids)
    while True:
        feed = client.query(pending)
        if not feed.errors:
            break
        # A malformed id makes the API answer the whole query with one error entry.
        bad = {i: e for e in feed.errors for i in pending if i in e.split()}
        if not bad:
            raise FetchError("arXiv API error: " + "; ".join(feed.errors))
        batch.unknown.update(bad)
        pending = [i for i in pending if i not in bad]
        if not pending:
            return
    found = {r.arxiv: r for r in feed.records if r.arxiv in pending}
    for arxiv_id in pending:
        if arxiv_id not in found:
            batch.unknown[arxiv_id] = "arXiv has no paper with this id"
    dates = {r.arxiv: {1: r.published, r.version: r.updated} for r in found.values()}
    # The feed dates version 1 and the latest; a versioned id dates the ones between.
    between = [f"{r.arxiv}v{v}" for r in found.values() for v in range(2, r.version)]
    for start in range(0, len(between), len(ids)):
        for record in client.query(between[start : start + len(ids)]).records:
            dates[record.arxiv][record.version] = record.updated
    for arxiv_id, record in found.items():
        batch.records[arxiv_id] = record
        batch.versions[arxiv_id] = tuple(
            dates[arxiv_id].get(v, "") for v in range(1, record.version + 1)
        )


def fetch(client: ArxivClient, ids: Sequence[str], batch_size: int = 100) -> Iterator[Batch]:
    """Look ``ids`` up ``batch_size`` at a time; a failed batch is reported, not raised."""
    for start in range(0, len(ids), batch_size):
        chunk = ids[start : start + batch_size]
        batch = Batch()
        try:
            _fetch_batch(client, chunk, batch)
        except FetchError as error:
            batch = Batch(unknown=batch.unknown)
            batch.failed = {i: str(error) for i in chunk if i not in batch.unknown}
        yield batch
