"""A small, polite client for the arXiv API (the Atom feed of ``/api/query``).

``http.client``, and ``ElementTree`` behind defusedxml: the core needs exactly one
endpoint, and the available client libraries add ``requests`` and ``feedparser`` for it
without controlling what matters here (one rate limiter across retries, 429/503 backoff,
the API's error entries). arXiv asks for at most one request every 3 seconds and a
descriptive User-Agent; :class:`ArxivClient` enforces the first across every request it
sends, retries included.

The server is not trusted to be well-behaved: a request has a total deadline however
slowly the answer trickles in, an answer has a maximum size, a ``Retry-After`` longer
than :data:`MAX_RETRY_AFTER` ends the run instead of sleeping through it, and an answer
that is not an arXiv Atom feed is refused before anything is recorded from it.
"""

from __future__ import annotations

import contextlib
import email.utils
import http.client
import logging
import re
import socket
import threading
import time
import urllib.parse
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as _fromstring

from . import __version__
from .arxiv import from_url, is_category, is_well_formed

API_URL = "https://export.arxiv.org/api/query"
#: Names the tool and what it does; add a contact URL here once the project has one.
USER_AGENT = f"awesome-papers/{__version__} (arXiv metadata enrichment for awesome lists)"
#: HTTP statuses that mean "slow down or try later", not "this request is wrong".
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
#: Longest ``Retry-After`` (seconds) the client waits; asked for more, it stops asking.
MAX_RETRY_AFTER = 60.0
#: Longest one request may take, connection to last byte, however slowly bytes arrive.
DEADLINE = 120.0
#: Largest answer read: a batch of 100 records is a few hundred kB.
MAX_ANSWER_BYTES = 10_000_000

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 5
_CHUNK = 65536
_FEED = "{http://www.w3.org/2005/Atom}feed"
_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "arxiv": "http://arxiv.org/schemas/atom",
    "opensearch": "http://a9.com/-/spec/opensearch/1.1/",
}
_ERROR_ID = "arxiv.org/api/errors"
_DOI = re.compile(r"10\.[0-9]{4,9}(?:\.[0-9]+)*/[!-~]+", re.ASCII)
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?"
    r"(?:Z|[+-][0-9]{2}:[0-9]{2})?)?",
    re.ASCII,
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_log = logging.getLogger(__name__)


class FetchError(Exception):
    """A request that still failed after its retries (or that retrying cannot fix)."""


class _Transient(FetchError):
    """A failure that asking again may mend: a busy server, a dropped connection."""

    def __init__(self, problem: str, retry_after: float | None = None) -> None:
        super().__init__(problem)
        self.retry_after = retry_after


class _Unreachable(_Transient):
    """No connection could be made at all (refused, unknown host, TLS refused)."""


def is_doi(text: str) -> bool:
    """Whether ``text`` has a DOI's shape: ``10.NNNN/suffix``, printable ASCII, no braces."""
    return len(text) <= 300 and _DOI.fullmatch(text) is not None and not set("{}\\") & set(text)


def is_timestamp(text: str) -> bool:
    """Whether ``text`` is an ISO 8601 date or date-time, as the API dates versions."""
    if not _TIMESTAMP.fullmatch(text):
        return False
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def printable(text: str, limit: int = 200) -> str:
    """Server text made safe for a terminal: control characters shown escaped, cut short."""
    text = _CONTROL.sub(lambda m: repr(m[0])[1:-1], text)
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


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
    #: ``opensearch:totalResults``, when the feed gives it.
    total: int | None = None
    #: Every ``<entry>`` of the feed, empty and error ones included.
    entries: int = 0


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


def _record(entry: ET.Element, arxiv_id: str, version: int, title: str) -> Record:
    """The entry's fields; one whose shape is wrong is left out, never passed on."""
    primary = entry.find("arxiv:primary_category", _NS)
    term = primary.get("term") if primary is not None else None
    doi = _text(entry, "arxiv:doi")
    published = _text(entry, "atom:published") or ""
    updated = _text(entry, "atom:updated") or ""
    return Record(
        arxiv=arxiv_id,
        version=version,
        title=title,
        authors=tuple(
            name for a in entry.iterfind("atom:author", _NS) if (name := _text(a, "atom:name"))
        ),
        abstract=_text(entry, "atom:summary") or "",
        primary_class=term if term and is_category(term) else None,
        published=published if is_timestamp(published) else "",
        updated=updated if is_timestamp(updated) else "",
        doi=doi if doi and is_doi(doi) else None,
        journal_ref=_text(entry, "arxiv:journal_ref"),
    )


def _root(data: bytes) -> ET.Element:
    """The feed element of an answer, or :class:`FetchError` saying what came instead."""
    try:
        # arXiv's feed has no DTD, and a DTD's entities are how XML bombs expand. defusedxml
        # sees the DTD in any encoding the parser reads (UTF-16 too), where a search of the
        # raw bytes would not.
        root = _fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise FetchError("not an Atom feed: the answer declares a DTD") from error
    except ET.ParseError as error:
        # arXiv answers throttled clients with a bare "Rate exceeded." body.
        raise _Transient(f"not an Atom feed ({error}): {data[:60]!r}") from error
    if root.tag != _FEED:
        tag = printable(root.tag, 80)
        raise _Transient(f"not an Atom feed: the answer is XML with root {tag!r}")
    return root


def parse_feed(data: bytes) -> Feed:
    """Read an API response; raises :class:`FetchError` when it is not an Atom feed."""
    root = _root(data)
    total_text = root.findtext("opensearch:totalResults", None, _NS)
    total = None
    if total_text is not None:
        if not re.fullmatch(r"\s*[0-9]{1,9}\s*", total_text):
            raise _Transient(f"not an arXiv feed: totalResults is {printable(total_text, 40)!r}")
        total = int(total_text)
    records: list[Record] = []
    errors: list[str] = []
    entries = root.findall("atom:entry", _NS)
    for entry in entries:
        entry_id = _text(entry, "atom:id") or ""
        if _ERROR_ID in entry_id:
            errors.append(printable(_text(entry, "atom:summary") or entry_id))
            continue
        title = _text(entry, "atom:title")
        if not title:
            continue  # an empty entry: the API's answer for a well-formed unknown id
        arxiv_id, version = from_url(entry_id) or (None, None)
        if arxiv_id is None or version is None or not is_well_formed(arxiv_id):
            # arXiv never sends one (``v3000000``, ``v0``, no id): the whole answer is suspect.
            raise FetchError(f"not an arXiv feed: entry {printable(entry_id, 80)!r} names no "
                             "possible paper version")
        records.append(_record(entry, arxiv_id, version, title))
    return Feed(tuple(records), tuple(errors), total, len(entries))


def _retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date), if readable."""
    value = (value or "").strip()
    if re.fullmatch(r"[0-9]{1,12}", value):
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _seconds(delay: float) -> str:
    return f"{delay:.0f} s" if delay >= 10 else f"{delay:.2g} s"


def _reason(error: BaseException) -> str:
    return printable(getattr(error, "strerror", None) or str(error) or type(error).__name__)


def _cut(connection: http.client.HTTPConnection) -> None:
    """Shut the connection's socket, so a read blocked on a trickling server returns."""
    sock = connection.sock
    if sock is not None:
        with contextlib.suppress(OSError):  # already closed
            # The plain socket's shutdown, also under TLS: the TLS object stays to the reader.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)


@dataclass(frozen=True)
class _Answer:
    status: int
    reason: str
    headers: http.client.HTTPMessage
    body: bytes


class ArxivClient:
    """Sends ``id_list`` queries, never closer together than ``interval`` seconds.

    ``notify`` is told, in one line, whenever the client waits or gives up, so a progress
    display can say why nothing moves.
    """

    def __init__(
        self,
        api_url: str = API_URL,
        *,
        interval: float = 3.0,
        retries: int = 4,
        backoff: float = 5.0,
        timeout: float = 30.0,
        deadline: float = DEADLINE,
        max_retry_after: float = MAX_RETRY_AFTER,
        max_bytes: int = MAX_ANSWER_BYTES,
        user_agent: str = USER_AGENT,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self.api_url = api_url
        self.interval = interval
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.deadline = deadline
        self.max_retry_after = max_retry_after
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self.notify = notify
        #: Why the client stopped asking (a long Retry-After, no server); then every query fails.
        self.stopped: str | None = None
        self._reached = False
        self._last_request: float | None = None

    def _say(self, message: str) -> None:
        if self.notify:
            self.notify(message)

    def _wait_turn(self, at_least: float = 0.0) -> None:
        if self._last_request is not None:
            ready = self._last_request + max(self.interval, at_least)
            while (delay := ready - time.monotonic()) > 0:
                time.sleep(delay)

    def _read(self, response: http.client.HTTPResponse, deadline: float) -> bytes:
        """The body, a chunk at a time, so neither its size nor its pace goes unchecked."""
        length = response.getheader("Content-Length", "")
        if length.isascii() and length.isdigit() and int(length) > self.max_bytes:
            raise FetchError(f"answer of {int(length):,} bytes refused: the limit is "
                             f"{self.max_bytes:,} bytes")
        chunks: list[bytes] = []
        size = 0
        while chunk := response.read1(_CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"answer refused: it passed the limit of {self.max_bytes:,} "
                                 "bytes")
            if time.monotonic() >= deadline:
                break
            chunks.append(chunk)
        if time.monotonic() >= deadline:
            raise FetchError(f"no complete answer within {self.deadline:g} s")
        return b"".join(chunks)

    def _exchange(self, url: str, deadline: float) -> _Answer:
        """One GET on one connection, cut off at ``deadline`` whatever the server does."""
        parts = urllib.parse.urlsplit(url)
        try:
            port = parts.port
        except ValueError as error:
            raise FetchError(f"bad API URL {url!r}: {error}") from error
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"not an http(s) URL: {printable(url)!r}")
        https = parts.scheme == "https"
        kind = http.client.HTTPSConnection if https else http.client.HTTPConnection
        connection = kind(parts.hostname, port, timeout=min(self.timeout, self.deadline))
        watchdog = threading.Timer(max(0.0, deadline - time.monotonic()), _cut, (connection,))
        watchdog.daemon = True
        watchdog.start()
        try:
            try:
                connection.connect()
            except OSError as error:
                raise _Unreachable(f"cannot connect to {parts.netloc}: {_reason(error)}") from error
            target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
            connection.request("GET", target, headers={"User-Agent": self.user_agent})
            response = connection.getresponse()
            self._reached = True
            body = self._read(response, deadline) if response.status == 200 else b""
            return _Answer(response.status, printable(response.reason, 80), response.headers, body)
        except (OSError, http.client.HTTPException, ValueError) as error:
            if time.monotonic() >= deadline:
                raise FetchError(f"no complete answer within {self.deadline:g} s") from error
            raise _Transient(_reason(error)) from error
        finally:
            watchdog.cancel()
            connection.close()

    def _get(self, url: str) -> bytes:
        deadline = time.monotonic() + self.deadline
        try:
            for _ in range(_MAX_REDIRECTS + 1):
                answer = self._exchange(url, deadline)
                location = answer.headers.get("Location")
                if answer.status in _REDIRECTS and location:
                    url = urllib.parse.urljoin(url, location)
                    continue
                if answer.status == 200:
                    return answer.body
                problem = f"HTTP {answer.status} {answer.reason}".rstrip()
                if answer.status in RETRY_STATUSES:
                    raise _Transient(problem, _retry_after(answer.headers.get("Retry-After")))
                raise FetchError(problem)
            raise FetchError(f"more than {_MAX_REDIRECTS} redirects")
        finally:
            # Counted from the end of a request, so slow answers never bunch the next ones.
            self._last_request = time.monotonic()

    def _stop(self, why: str) -> FetchError:
        """Stop asking for the rest of the run: every later query fails with ``why``."""
        self.stopped = why + "; nothing more was asked"
        return FetchError(self.stopped)

    def _feed(self, url: str, asked: int) -> Feed:
        feed = parse_feed(self._get(url))
        if feed.total is not None and feed.entries < min(feed.total, asked):
            raise _Transient(f"incomplete feed: {feed.entries} entries of {feed.total}")
        return feed

    def query(self, id_list: Sequence[str]) -> Feed:
        """One ``id_list`` query, retried with exponential backoff on transient failures."""
        if self.stopped:
            raise FetchError(self.stopped)
        params = {"id_list": ",".join(id_list), "max_results": str(len(id_list))}
        url = f"{self.api_url}?{urllib.parse.urlencode(params)}"
        pause = 0.0
        attempts = self.retries + 1
        for attempt in range(1, attempts + 1):
            self._wait_turn(pause)
            try:
                return self._feed(url, len(id_list))
            except _Unreachable as error:
                if not self._reached:
                    # The first request finds no server: a wrong URL or no network, which
                    # no retry mends; say so at once instead of after every backoff.
                    raise self._stop(str(error)) from error
                problem, asked = str(error), None
            except _Transient as error:
                problem, asked = str(error), error.retry_after
            if asked is not None and asked > self.max_retry_after:
                refusal = self._stop(
                    f"{problem}: arXiv asks to wait {min(asked, 1e9):.0f} s (Retry-After), "
                    f"more than the {self.max_retry_after:g} s awesome-papers waits; "
                    "run the command again later")
                self._say(str(refusal))
                raise refusal
            if attempt == attempts:
                break
            pause = max(asked or 0.0, self.backoff * 2 ** (attempt - 1))
            why = "as arXiv asks (Retry-After)" if asked and asked >= pause else "before retrying"
            self._say(f"{problem}: waiting {_seconds(pause)} {why} (attempt {attempt + 1} "
                      f"of {attempts})")
        raise FetchError(f"{problem} (after {attempts} attempts)")


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
    found: dict[str, Record] = {}
    for record in feed.records:
        if record.arxiv not in pending:
            _log.debug("feed entry for %s ignored: not asked for", record.arxiv)
        elif record.arxiv not in found or record.version > found[record.arxiv].version:
            found[record.arxiv] = record
    for arxiv_id in pending:
        if arxiv_id not in found:
            batch.unknown[arxiv_id] = "arXiv has no paper with this id"
    dates = {r.arxiv: {1: r.published, r.version: r.updated} for r in found.values()}
    # The feed dates version 1 and the latest; a versioned id dates the ones between.
    between = [f"{r.arxiv}v{v}" for r in found.values() for v in range(2, r.version)]
    for start in range(0, len(between), len(ids)):
        asked = between[start : start + len(ids)]
        for record in client.query(asked).records:
            if f"{record.arxiv}v{record.version}" in asked:
                dates[record.arxiv][record.version] = record.updated
            else:
                _log.debug("feed entry for %sv%d ignored: not asked for", record.arxiv,
                           record.version)
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

