"""`enrich` against a server that misbehaves: it is never starved, and the cache survives.

Each case scripts the stand-in API (``arxiv_fake``) to answer one way and checks what the
user gets: the message, the ids reported as failed (not unknown), the cache file left
byte for byte as it was. Limits (deadline, size, Retry-After cap) are set small through
the client's parameters, so nothing here waits for long.
"""

from __future__ import annotations

import io
import socket
from functools import partial
from pathlib import Path

import pytest
from arxiv_fake import (
    FEED_HEAD,
    NOT_ATOM,
    PAPERS,
    XML_BOMB,
    FakeArxiv,
    Hostile,
    Paper,
    retry_after,
    retry_after_date,
)

from awesome_papers import arxiv_api
from awesome_papers.arxiv_api import ArxivClient
from awesome_papers.cli import main
from awesome_papers.enrich import enrich, read_cache
from awesome_papers.progress import ProgressBar

IDS = ["2405.10938", "2411.05193", "2504.13161", "hep-th/9901001"]


def _client(server: FakeArxiv, notes: list[str] | None = None, **limits: float) -> ArxivClient:
    """The real client with test-sized waits and limits; ``notes`` collects its messages."""
    settings: dict[str, float] = {"interval": 0.01, "retries": 1, "backoff": 0.01,
                                  "timeout": 5} | limits
    notify = notes.append if notes is not None else None
    return ArxivClient(server.url, notify=notify, **settings)  # type: ignore[arg-type]


@pytest.fixture
def cached(arxiv_server: FakeArxiv, tmp_path: Path) -> Path:
    """A cache already holding every id of ``IDS``."""
    path = tmp_path / "cache.json"
    enrich(IDS, path, client=_client(arxiv_server))
    arxiv_server.requests.clear()
    return path


def test_default_endpoint_is_https() -> None:
    assert arxiv_api.API_URL == "https://export.arxiv.org/api/query"


@pytest.mark.parametrize("answer", [retry_after("86400"), retry_after_date(86400),
                                    retry_after("86400", status=503)])
def test_retry_after_past_the_cap_stops_the_run(arxiv_server: FakeArxiv, tmp_path: Path,
                                                answer: Hostile) -> None:
    arxiv_server.script = [answer]
    notes: list[str] = []
    cache_file = tmp_path / "cache.json"
    report = enrich(IDS, cache_file, client=_client(arxiv_server, notes, retries=3),
                    batch_size=1)

    assert len(arxiv_server.requests) == 1  # not one more request, not one more batch
    assert sorted(report.failed) == sorted(IDS)
    reason = report.failed["2405.10938"]
    assert "Retry-After" in reason and "more than the 60 s" in reason
    assert "run the command again later" in reason
    assert any("Retry-After" in note for note in notes)  # said on the progress line
    assert not cache_file.exists()


def test_retry_after_within_the_cap_is_waited_and_said(arxiv_server: FakeArxiv,
                                                       tmp_path: Path) -> None:
    arxiv_server.script = [retry_after("1")]
    notes: list[str] = []
    report = enrich(["2504.13161"], tmp_path / "cache.json",
                    client=_client(arxiv_server, notes, max_retry_after=5))

    assert report.fetched == ("2504.13161",)
    assert notes == ["HTTP 429 Scripted: waiting 1 s as arXiv asks (Retry-After) "
                     "(attempt 2 of 2)"]
    first, second = arxiv_server.requests
    assert second.at - first.at >= 1.0


@pytest.mark.parametrize("body_only", [False, True])
def test_a_trickling_answer_meets_the_deadline(arxiv_server: FakeArxiv, tmp_path: Path,
                                               body_only: bool) -> None:
    feed = FEED_HEAD + b" " * 10_000 + b"</feed>\n"
    arxiv_server.script = [Hostile(body=feed, drip=0.05, drip_body_only=body_only)]
    cache_file = tmp_path / "cache.json"
    report = enrich(IDS[:2], cache_file, client=_client(arxiv_server, deadline=0.4),
                    batch_size=1)

    assert report.failed == {"2405.10938": "no complete answer within 0.4 s"}
    assert report.fetched == ("2411.05193",)  # the next batch goes on
    assert set(read_cache(cache_file).papers) == {"2411.05193"}


@pytest.mark.parametrize("send_length", [True, False])
def test_a_huge_answer_is_refused(arxiv_server: FakeArxiv, tmp_path: Path,
                                  send_length: bool) -> None:
    size = 2_000_000_000 if send_length else 50_000_000
    arxiv_server.script = [Hostile(body=FEED_HEAD, filler=size, send_length=send_length)]
    report = enrich(["2504.13161"], tmp_path / "cache.json",
                    client=_client(arxiv_server, max_bytes=100_000))

    reason = report.failed["2504.13161"]
    if send_length:
        claimed = len(FEED_HEAD) + size
        assert reason == f"answer of {claimed:,} bytes refused: the limit is 100,000 bytes"
    else:
        assert reason == "answer refused: it passed the limit of 100,000 bytes"
    assert len(arxiv_server.requests) == 1  # not retried


@pytest.mark.parametrize(("answer", "reason"), [
    (Hostile(body=NOT_ATOM), "not an Atom feed: the answer is XML with root 'rss'"),
    (Hostile(body=b"<html><body>Welcome to the hotel wifi</body></html>"),
     "not an Atom feed: the answer is XML with root 'html'"),
    (Hostile(body=b"Rate exceeded."), "not an Atom feed (syntax error"),
    (Hostile(body=XML_BOMB), "not an Atom feed: the answer declares a DTD"),
    # The same bomb in UTF-16, which the XML parser reads and a byte search for <!DOCTYPE misses.
    (Hostile(body=XML_BOMB.decode().replace('"1.0"?>', '"1.0" encoding="UTF-16"?>', 1)
             .encode("utf-16")), "not an Atom feed: the answer declares a DTD"),
])
def test_an_answer_that_is_no_atom_feed_leaves_the_cache_untouched(
        arxiv_server: FakeArxiv, cached: Path, answer: Hostile, reason: str) -> None:
    before = cached.read_bytes()
    arxiv_server.script = [answer, answer]
    report = enrich(IDS, cached, client=_client(arxiv_server), refresh=True)

    assert sorted(report.failed) == sorted(IDS)
    assert not report.unknown and not report.fetched
    assert reason in report.failed["2405.10938"]
    assert cached.read_bytes() == before


def test_a_feed_missing_entries_is_not_read_as_unknown_ids(arxiv_server: FakeArxiv,
                                                           cached: Path) -> None:
    before = cached.read_bytes()
    arxiv_server.papers = {}  # the feed holds no entry ...
    arxiv_server.claimed_total = 4  # ... but says it found four
    report = enrich(IDS, cached, client=_client(arxiv_server), refresh=True)

    assert not report.unknown
    assert "incomplete feed: 0 entries of 4" in report.failed["2405.10938"]
    assert cached.read_bytes() == before


def test_refresh_never_turns_a_cached_paper_unknown(arxiv_server: FakeArxiv,
                                                    cached: Path) -> None:
    del arxiv_server.papers["2504.13161"]  # a consistent feed that has lost a paper
    report = enrich(IDS, cached, client=_client(arxiv_server), refresh=True)

    assert report.unknown == {"2504.13161": "arXiv has no paper with this id"}
    cache = read_cache(cached)
    assert "2504.13161" in cache.papers and "2504.13161" not in cache.unknown


def test_entries_nobody_asked_for_are_ignored(arxiv_server: FakeArxiv, tmp_path: Path) -> None:
    arxiv_server.unasked = ["2502.06857"]
    cache_file = tmp_path / "cache.json"
    # 2405.10938 has three versions: the query dating v2 gets the unasked entry too.
    report = enrich(["2405.10938", "2504.13161"], cache_file, client=_client(arxiv_server))

    assert sorted(report.fetched) == ["2405.10938", "2504.13161"] and not report.failed
    cache = read_cache(cache_file)
    assert set(cache.papers) == {"2405.10938", "2504.13161"}
    assert cache.papers["2405.10938"].versions[1] == "2024-06-10T09:00:00Z"


@pytest.mark.parametrize("version", [3_000_000, 100, 0])
def test_an_impossible_version_fails_the_batch(arxiv_server: FakeArxiv, tmp_path: Path,
                                               version: int) -> None:
    arxiv_server.claimed_versions = {"2504.13161": version}
    cache_file = tmp_path / "cache.json"
    report = enrich(["2504.13161", "2411.05193"], cache_file, client=_client(arxiv_server),
                    batch_size=1)

    assert "names no possible paper version" in report.failed["2504.13161"]
    assert len(arxiv_server.requests) == 2  # a suspect answer is not asked again
    assert set(read_cache(cache_file).papers) == {"2411.05193"}


def test_fields_of_the_wrong_shape_are_not_kept(tmp_path: Path) -> None:
    from arxiv_fake import serve

    odd = Paper("A Paper", ("Ann Lee",), ("2025-04-17T17:58:13Z",), primary="cs.LG x",
                doi="10.1000/x}\\input{/etc/hostname}")
    with serve({**PAPERS, "2504.13161": odd}) as server:
        cache_file = tmp_path / "cache.json"
        enrich(["2504.13161"], cache_file, client=_client(server))
    paper = read_cache(cache_file).papers["2504.13161"]
    assert paper.doi is None and paper.primary_class is None
    assert paper.authors == ("Ann Lee",)


def test_a_redirect_is_followed(arxiv_server: FakeArxiv, tmp_path: Path) -> None:
    target = arxiv_server.url + "?id_list=2504.13161&max_results=1"
    arxiv_server.script = [Hostile(301, headers=(("Location", target),))]
    report = enrich(["2504.13161"], tmp_path / "cache.json", client=_client(arxiv_server))
    assert report.fetched == ("2504.13161",)
    assert len(arxiv_server.requests) == 2


# --- as the user sees it: the command line -------------------------------------------

LIST = """\
# Papers

- **Observational Scaling Laws**, `arXiv, 2405.10938`
- **CLIMB**, `arXiv, 2504.13161`
- **Q-SFT**, `arXiv, 2411.05193`
"""


@pytest.fixture
def paper_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    quick = partial(ArxivClient, interval=0.01, retries=2, backoff=0.01, max_retry_after=2)
    monkeypatch.setattr("awesome_papers.enrich_cli.ArxivClient", quick)
    path = tmp_path / "papers.md"
    path.write_text(LIST, encoding="utf-8")
    return path


def _free_port() -> int:
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_cli_unreachable_server_fails_fast_in_one_line(
        paper_list: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"http://127.0.0.1:{_free_port()}/api/query"
    code = main(["enrich", str(paper_list), "--cache", str(tmp_path / "c.json"),
                 "--api-url", url])
    err = capsys.readouterr().err

    assert code == 1
    failed = [line for line in err.splitlines() if line.startswith("failed:")]
    assert failed == [
        f"failed: 2405.10938, 2411.05193, 2504.13161 (cannot connect to {url.split('/')[2]}: "
        "Connection refused; nothing more was asked)"]
    assert "0 fetched, 0 already cached, 0 unknown to arXiv, 3 failed" in err
    assert err.count("Connection refused") == 1


def test_cli_says_why_it_waits_and_why_it_gives_up(
        arxiv_server: FakeArxiv, paper_list: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    arxiv_server.script = [503, retry_after("86400")]
    cache = tmp_path / "c.json"
    code = main(["enrich", str(paper_list), "--cache", str(cache),
                 "--api-url", arxiv_server.url])
    err = capsys.readouterr().err

    assert code == 1
    assert "arXiv: HTTP 503 Service Unavailable: waiting 0.01 s before retrying (attempt 2 of 3)" \
        in err
    assert ("arXiv: HTTP 429 Scripted: arXiv asks to wait 86400 s (Retry-After), more than "
            "the 2 s awesome-papers waits; run the command again later; nothing more was "
            "asked") in err
    assert not cache.exists()


def test_cli_refresh_against_a_non_atom_answer_keeps_the_cache(
        arxiv_server: FakeArxiv, paper_list: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "c.json"
    args = ["enrich", str(paper_list), "--cache", str(cache), "--api-url", arxiv_server.url]
    assert main(args) == 0
    before = cache.read_bytes()
    arxiv_server.script = [Hostile(body=NOT_ATOM)] * 3
    code = main([*args, "--refresh"])
    err = capsys.readouterr().err

    assert code == 1
    assert "not an Atom feed: the answer is XML with root 'rss' (after 3 attempts)" in err
    assert cache.read_bytes() == before


def test_on_a_terminal_the_note_shares_the_bar_line() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    bar = ProgressBar("arXiv", stream, width=4)
    bar(1, 4)
    bar.note("HTTP 503 Service Unavailable: waiting 5 s before retrying (attempt 2 of 5)")
    assert stream.getvalue().endswith(
        "\rarXiv [#---] 1/4 ids  HTTP 503 Service Unavailable: waiting 5 s before retrying "
        "(attempt 2 of 5)\033[K")
