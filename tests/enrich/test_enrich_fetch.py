"""`enrich` against the local stand-in API: what the cache holds, and how politely it asks."""

from __future__ import annotations

import json
import socket
from itertools import pairwise
from pathlib import Path

import pytest
from arxiv_fake import FakeArxiv

from awesome_papers.arxiv_api import ArxivClient
from awesome_papers.enrich import CacheError, enrich, read_cache

IDS = ["2504.13161", "2405.10938", "2411.05193", "hep-th/9901001"]


def _gaps(server: FakeArxiv) -> list[float]:
    times = [seen.at for seen in server.requests]
    return [b - a for a, b in pairwise(times)]


def test_cache_holds_full_records(arxiv_server: FakeArxiv, client: ArxivClient,
                                  tmp_path: Path) -> None:
    cache_file = tmp_path / "awesome-cache.json"
    report = enrich(IDS, cache_file, client=client)

    assert sorted(report.fetched) == sorted(IDS)
    assert not report.unknown and not report.failed
    papers = json.loads(cache_file.read_text(encoding="utf-8"))["papers"]
    assert papers["2405.10938"] == {
        "title": "Observational Scaling Laws and the Predictability of Language Model Performance",
        "authors": ["Yangjun Ruan", "Chris J. Maddison", "Tatsunori Hashimoto"],
        "abstract": "We study a problem and report results that wrap across lines.",
        "primary_class": "cs.LG",
        "versions": [
            {"version": 1, "submitted": "2024-05-17T17:49:44Z"},
            {"version": 2, "submitted": "2024-06-10T09:00:00Z"},
            {"version": 3, "submitted": "2024-10-01T12:30:00Z"},
        ],
        "doi": "10.5555/fixture.2405.10938",
        "journal_ref": "NeurIPS 2024",
    }
    climb = papers["2504.13161"]
    assert climb["title"] == ("CLIMB: CLustering-based Iterative Data Mixture Bootstrapping "
                              "for Language Model Pre-training")
    assert climb["authors"][3:5] == ["Middle Author A", "Middle Author B"]
    assert "doi" not in climb and "journal_ref" not in climb
    assert [v["version"] for v in papers["2411.05193"]["versions"]] == [1, 2]
    assert papers["hep-th/9901001"]["primary_class"] == "hep-th"


def test_cache_file_is_sorted_diffable_json(arxiv_server: FakeArxiv, client: ArxivClient,
                                            tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.json"
    enrich(IDS, cache_file, client=client)
    text = cache_file.read_text(encoding="utf-8")
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert "Fabian Güra" not in text  # not asked for
    enrich(["2504.02507"], cache_file, client=client)
    assert '"Fabian Güra"' in cache_file.read_text(encoding="utf-8")  # UTF-8, not \u escapes


def test_requests_are_batched_and_identify_the_tool(arxiv_server: FakeArxiv,
                                                    client: ArxivClient, tmp_path: Path) -> None:
    enrich(IDS, tmp_path / "cache.json", client=client, batch_size=3)
    first, second = arxiv_server.requests[:2]
    assert len(first.ids) == 3 and first.max_results == 3
    assert len(second.ids) == 1
    assert all("awesome-papers" in seen.user_agent for seen in arxiv_server.requests)
    # The 3-version paper's v2 is dated by asking for it explicitly.
    assert "2405.10938v2" in arxiv_server.asked()


def test_rate_limit_measured_on_the_server(arxiv_server: FakeArxiv, tmp_path: Path) -> None:
    client = ArxivClient(arxiv_server.url, interval=0.3, retries=0)
    enrich(IDS, tmp_path / "cache.json", client=client, batch_size=1)
    assert len(arxiv_server.requests) >= len(IDS)
    assert min(_gaps(arxiv_server)) >= 0.3


@pytest.mark.parametrize("status", [503, 429])
def test_busy_server_is_retried(arxiv_server: FakeArxiv, client: ArxivClient,
                                tmp_path: Path, status: int) -> None:
    arxiv_server.script = [status]
    report = enrich(["2504.13161"], tmp_path / "cache.json", client=client)

    assert report.fetched == ("2504.13161",) and not report.failed
    assert [seen.ids for seen in arxiv_server.requests] == [("2504.13161",)] * 2
    assert min(_gaps(arxiv_server)) >= client.interval


def test_unknown_ids_are_recorded_and_do_not_sink_the_batch(
        arxiv_server: FakeArxiv, client: ArxivClient, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.json"
    ids = ["2307.092881", "2301.99999", "2504.13161", "2502.06857"]
    report = enrich(ids, cache_file, client=client)

    assert sorted(report.fetched) == ["2502.06857", "2504.13161"]
    assert report.unknown == {
        "2307.092881": "incorrect id format for 2307.092881",
        "2301.99999": "arXiv has no paper with this id",
    }
    cache = read_cache(cache_file)
    assert set(cache.papers) == {"2502.06857", "2504.13161"}
    assert set(cache.unknown) == {"2307.092881", "2301.99999"}


def test_failed_batch_keeps_the_others_and_is_asked_again(
        arxiv_server: FakeArxiv, client: ArxivClient, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.json"
    arxiv_server.broken_ids = {"2411.05193"}
    report = enrich(IDS, cache_file, client=client, batch_size=1)

    assert list(report.failed) == ["2411.05193"]
    assert "503" in report.failed["2411.05193"]
    assert set(read_cache(cache_file).papers) == set(IDS) - {"2411.05193"}

    arxiv_server.broken_ids = set()
    arxiv_server.requests.clear()
    report = enrich(IDS, cache_file, client=client, batch_size=1)
    assert arxiv_server.asked() == ["2411.05193"]
    assert set(read_cache(cache_file).papers) == set(IDS)


def test_interrupted_run_resumes_without_asking_again(
        arxiv_server: FakeArxiv, client: ArxivClient, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.json"
    ids = ["2405.10938", "2411.05193", "2502.06857", "2504.02507", "2504.13161"]

    def ctrl_c_after_first_batch(done: int, total: int) -> None:
        if done:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        enrich(ids, cache_file, client=client, batch_size=2, progress=ctrl_c_after_first_batch)
    assert set(read_cache(cache_file).papers) == {"2405.10938", "2411.05193"}

    arxiv_server.requests.clear()
    report = enrich(ids, cache_file, client=client, batch_size=2)
    assert report.skipped == ("2405.10938", "2411.05193")
    assert sorted(arxiv_server.asked()) == ["2502.06857", "2504.02507", "2504.13161"]
    assert set(read_cache(cache_file).papers) == set(ids)


def test_refresh_asks_again(arxiv_server: FakeArxiv, client: ArxivClient,
                            tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.json"
    enrich(["2504.13161"], cache_file, client=client)
    arxiv_server.requests.clear()
    assert enrich(["2504.13161"], cache_file, client=client).fetched == ()
    assert arxiv_server.requests == []
    assert enrich(["2504.13161"], cache_file, client=client, refresh=True).fetched == (
        "2504.13161",)


def test_unreachable_api_reports_every_id_as_failed(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = ArxivClient(f"http://127.0.0.1:{port}/api/query", interval=0.01, retries=1,
                         backoff=0.01, timeout=2)
    cache_file = tmp_path / "cache.json"
    report = enrich(IDS, cache_file, client=client)
    assert sorted(report.failed) == sorted(IDS)
    assert "Connection refused; nothing more was asked" in report.failed["2504.13161"]
    assert not cache_file.exists()


def test_unreadable_cache_is_not_overwritten(client: ArxivClient, tmp_path: Path) -> None:
    cache_file = tmp_path / "cache.json"
    cache_file.write_text("{ half a file", encoding="utf-8")
    with pytest.raises(CacheError, match="not JSON"):
        enrich(IDS, cache_file, client=client)
    assert cache_file.read_text(encoding="utf-8") == "{ half a file"
