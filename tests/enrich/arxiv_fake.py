"""A stand-in arXiv API on 127.0.0.1, so the real HTTP client is tested with no internet.

It answers ``/api/query?id_list=...&max_results=...`` with Atom feeds in the layout the
arXiv API User's Manual documents (sections 3.3 and 3.4): one ``<entry>`` per paper with
``<published>`` (v1) and ``<updated>`` (the version returned), ``arxiv:`` extension
elements, versioned ids that return that version, well-formed unknown ids left out, and a
malformed id answered with the API's single ``Error`` entry. The records are synthetic:
titles and outer authors as in ``examples/llm-training.md``, invented middle authors.

It can also misbehave on purpose (:class:`Hostile` answers, ``unasked``, ``claimed_versions``,
``claimed_total``): a huge ``Retry-After``, an answer that trickles in a byte at a time, a
body of gigabytes, XML that is not Atom, entries nobody asked for, absurd versions.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

_VALID_ID = re.compile(r"^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$")
_VERSIONED = re.compile(r"^(?P<base>.+?)(?:v(?P<v>\d+))?$")


@dataclass(frozen=True)
class Paper:
    title: str
    authors: tuple[str, ...]
    #: Submission date of each version, v1 first.
    versions: tuple[str, ...]
    primary: str = "cs.CL"
    abstract: str = "We study a problem and\n  report results that wrap across lines."
    doi: str | None = None
    journal_ref: str | None = None


PAPERS: dict[str, Paper] = {
    "2504.13161": Paper(
        "CLIMB: CLustering-based Iterative Data Mixture Bootstrapping for\n"
        "  Language Model Pre-training",
        ("Shizhe Diao", "Yu Yang", "Yonggan Fu", "Middle Author A", "Middle Author B",
         "Jan Kautz", "Pavlo Molchanov"),
        ("2025-04-17T17:58:13Z",),
    ),
    "2405.10938": Paper(
        "Observational Scaling Laws and the Predictability of Language Model Performance",
        ("Yangjun Ruan", "Chris J. Maddison", "Tatsunori Hashimoto"),
        ("2024-05-17T17:49:44Z", "2024-06-10T09:00:00Z", "2024-10-01T12:30:00Z"),
        primary="cs.LG",
        doi="10.5555/fixture.2405.10938",
        journal_ref="NeurIPS 2024",
    ),
    "2411.05193": Paper(
        "Q-SFT: Q-Learning for Language Models via Supervised Fine-Tuning",
        ("Joey Hong", "Middle Author C", "Sergey Levine"),
        ("2024-11-07T18:00:00Z", "2025-01-20T08:15:00Z"),
        primary="cs.LG",
    ),
    "2504.02507": Paper(
        "ZClip: Adaptive Spike Mitigation for LLM Pre-Training",
        ("Abhay Kumar", "Louis Owen", "Nilabhra Roy Chowdhury", "Middle Author D",
         "Fabian Güra"),
        ("2025-04-03T10:00:00Z",),
        primary="cs.LG",
    ),
    "2502.06857": Paper(
        "Gemstones: A Model Suite for Multi-Faceted Scaling Laws",
        ("Sean McLeish", "John Kirchenbauer", "David Yu Miller", "Middle Author E",
         "Ashwinee Panda", "Tom Goldstein"),
        ("2025-02-10T18:59:00Z",),
        primary="cs.LG",
    ),
    "hep-th/9901001": Paper(
        "An Old-Style Identifier", ("Old Style Author",), ("1999-01-01T00:00:00Z",),
        primary="hep-th",
    ),
}


@dataclass(frozen=True)
class Hostile:
    """A scripted answer, written raw: what a broken or hostile server sends instead."""

    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "application/atom+xml"),)
    #: Seconds between two bytes of the whole answer, status line and headers included.
    drip: float = 0.0
    #: Spaces streamed after ``body``, 64 kB at a time (a huge answer, never in memory).
    filler: int = 0
    #: Send ``Content-Length``; without it the answer ends when the connection closes.
    send_length: bool = True
    #: Drip only the body, after headers sent at once.
    drip_body_only: bool = False


def retry_after(value: str, status: int = 429) -> Hostile:
    """``429`` (or ``503``) with a ``Retry-After`` of ``value`` (seconds or an HTTP date)."""
    return Hostile(status, b"Too Many Requests", (("Retry-After", value),))


def retry_after_date(seconds_from_now: float) -> Hostile:
    """``Retry-After`` as an HTTP date, the header's other form."""
    return retry_after(formatdate(time.time() + seconds_from_now, usegmt=True))


#: An Atom feed head, to start answers that never end or trickle in.
FEED_HEAD = b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
#: XML, but RSS: a 200 that is no Atom feed.
NOT_ATOM = b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>x</title></channel></rss>\n'
#: A billion-laughs XML bomb dressed as a feed: each entity is ten of the one before.
XML_BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE feed [\n <!ENTITY a0 "lol">\n'
    + b"".join(b' <!ENTITY a%d "%s">\n' % (i, b"&a%d;" % (i - 1) * 10) for i in range(1, 9))
    + b']>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>&a8;</title></feed>\n'
)


@dataclass(frozen=True)
class Seen:
    """One request as the server saw it."""

    at: float
    ids: tuple[str, ...]
    max_results: int
    user_agent: str


@dataclass
class FakeArxiv:
    url: str
    papers: dict[str, Paper]
    requests: list[Seen] = field(default_factory=list)
    #: Answers for the next requests, before serving normally: a status (e.g. [503]) or a
    #: :class:`Hostile` answer.
    script: list[int | Hostile] = field(default_factory=list)
    #: Any request naming one of these ids gets a 503, every time.
    broken_ids: set[str] = field(default_factory=set)
    #: Papers put into every feed whether asked for or not.
    unasked: list[str] = field(default_factory=list)
    #: The version an entry claims for a paper (``{"2504.13161": 3000000}``), dated as v1.
    claimed_versions: dict[str, int] = field(default_factory=dict)
    #: ``opensearch:totalResults`` to claim instead of the number of entries.
    claimed_total: int | None = None
    #: Set when the server stops: trickling answers end.
    stopping: threading.Event = field(default_factory=threading.Event)

    def asked(self) -> list[str]:
        return [i for seen in self.requests for i in seen.ids]


def _feed(query: str, entries: list[str], total: int | None = None) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f'  <link href={quoteattr("http://arxiv.org/api/query?" + query)} rel="self"'
        ' type="application/atom+xml"/>\n'
        f"  <title type=\"html\">ArXiv Query: {escape(query)}</title>\n"
        "  <id>http://arxiv.org/api/fixture</id>\n"
        "  <updated>2025-05-01T00:00:00-04:00</updated>\n"
        '  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
        f"{len(entries) if total is None else total}</opensearch:totalResults>\n"
        '  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">'
        "0</opensearch:startIndex>\n"
        + "".join(entries)
        + "</feed>\n"
    ).encode()


def _entry(arxiv_id: str, version: int, paper: Paper, claimed: int | None = None) -> str:
    abs_url = f"http://arxiv.org/abs/{arxiv_id}v{version if claimed is None else claimed}"
    authors = "".join(
        f"    <author>\n      <name>{escape(name)}</name>\n    </author>\n"
        for name in paper.authors
    )
    extra = ""
    if paper.doi:
        extra += (
            f'    <arxiv:doi xmlns:arxiv="http://arxiv.org/schemas/atom">{paper.doi}</arxiv:doi>\n'
            f'    <link title="doi" href="http://dx.doi.org/{paper.doi}" rel="related"/>\n'
        )
    if paper.journal_ref:
        extra += (
            '    <arxiv:journal_ref xmlns:arxiv="http://arxiv.org/schemas/atom">'
            f"{escape(paper.journal_ref)}</arxiv:journal_ref>\n"
        )
    return (
        "  <entry>\n"
        f"    <id>{abs_url}</id>\n"
        f"    <updated>{paper.versions[version - 1]}</updated>\n"
        f"    <published>{paper.versions[0]}</published>\n"
        f"    <title>{escape(paper.title)}</title>\n"
        f"    <summary>  {escape(paper.abstract)}\n</summary>\n"
        f"{authors}{extra}"
        '    <arxiv:comment xmlns:arxiv="http://arxiv.org/schemas/atom">12 pages</arxiv:comment>\n'
        f'    <link href="{abs_url}" rel="alternate" type="text/html"/>\n'
        f'    <link title="pdf" href="http://arxiv.org/pdf/{arxiv_id}v{version}" rel="related"'
        ' type="application/pdf"/>\n'
        '    <arxiv:primary_category xmlns:arxiv="http://arxiv.org/schemas/atom"'
        f' term="{paper.primary}" scheme="http://arxiv.org/schemas/atom"/>\n'
        f'    <category term="{paper.primary}" scheme="http://arxiv.org/schemas/atom"/>\n'
        "  </entry>\n"
    )


def _error_entry(message: str) -> str:
    anchor = "http://arxiv.org/api/errors#" + message.replace(" ", "_")
    return (
        "  <entry>\n"
        f"    <id>{escape(anchor)}</id>\n"
        "    <title>Error</title>\n"
        f"    <summary>{escape(message)}</summary>\n"
        "    <updated>2025-05-01T00:00:00-04:00</updated>\n"
        f'    <link href="{escape(anchor)}" rel="alternate" type="text/html"/>\n'
        "    <author>\n      <name>arXiv api core</name>\n    </author>\n"
        "  </entry>\n"
    )


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # keep pytest output clean
        pass

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _hostile(self, answer: Hostile) -> None:
        """Write ``answer`` as raw bytes, trickled if asked; a client that hangs up ends it."""
        self.close_connection = True
        body_length = len(answer.body) + answer.filler
        head = f"HTTP/1.1 {answer.status} Scripted\r\n".encode() + b"".join(
            f"{name}: {value}\r\n".encode() for name, value in answer.headers)
        if answer.send_length:
            head += f"Content-Length: {body_length}\r\n".encode()
        head += b"Connection: close\r\n\r\n"
        try:
            if answer.drip:
                if answer.drip_body_only:
                    self.wfile.write(head)
                raw = answer.body if answer.drip_body_only else head + answer.body
                for byte in raw:
                    if self.server.fake.stopping.wait(answer.drip):
                        return
                    self.wfile.write(bytes([byte]))
                return
            self.wfile.write(head + answer.body)
            left = answer.filler
            while left > 0 and not self.server.fake.stopping.is_set():
                self.wfile.write(b" " * min(left, 65536))
                left -= 65536
        except OSError:
            pass  # the client hung up, as it should on such an answer

    def do_GET(self) -> None:
        fake = self.server.fake
        url = urlsplit(self.path)
        params = parse_qs(url.query)
        ids = tuple(i for i in params.get("id_list", [""])[0].split(",") if i)
        max_results = int(params.get("max_results", ["10"])[0])
        fake.requests.append(
            Seen(time.monotonic(), ids, max_results, self.headers.get("User-Agent", ""))
        )
        if url.path != "/api/query":
            self._send(404, b"not found", "text/plain")
        elif fake.script:
            answer = fake.script.pop(0)
            if isinstance(answer, Hostile):
                self._hostile(answer)
            else:
                self._send(answer, b"Service Unavailable", "text/plain")
        elif fake.broken_ids & set(ids):
            self._send(503, b"Service Unavailable", "text/plain")
        elif bad := [i for i in ids if not _VALID_ID.match(i)]:
            body = _feed(url.query, [_error_entry(f"incorrect id format for {bad[0]}")])
            self._send(200, body, "application/atom+xml")
        else:
            entries = []
            for requested in ids:
                match = _VERSIONED.match(requested)
                paper = fake.papers.get(match["base"]) if match else None
                if paper is None:
                    continue  # a well-formed id arXiv does not have: no entry
                number = int(match["v"] or len(paper.versions))
                if 1 <= number <= len(paper.versions):
                    claimed = fake.claimed_versions.get(match["base"])
                    entries.append(_entry(match["base"], number, paper, claimed))
            unasked = [_entry(i, len(fake.papers[i].versions), fake.papers[i])
                       for i in fake.unasked]
            body = _feed(url.query, entries[:max_results] + unasked, fake.claimed_total)
            self._send(200, body, "application/atom+xml")


class _Server(ThreadingHTTPServer):
    fake: FakeArxiv
    daemon_threads = True  # a trickling answer must not hold the test up at shutdown


@contextmanager
def serve(papers: dict[str, Paper]) -> Iterator[FakeArxiv]:
    """Run the stand-in API on a free port of 127.0.0.1 for the ``with`` block."""
    server = _Server(("127.0.0.1", 0), _Handler)
    host, port = server.server_address[:2]
    server.fake = FakeArxiv(f"http://{host}:{port}/api/query", dict(papers))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server.fake
    finally:
        server.fake.stopping.set()
        server.shutdown()
        server.server_close()
