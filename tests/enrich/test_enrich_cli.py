"""`awesome-papers enrich` and `check --cache`, as a list maintainer runs them."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from arxiv_fake import FakeArxiv

from awesome_papers.arxiv_api import ArxivClient
from awesome_papers.cli import main

LIST = """\
# Papers

## Training

- **Observational Scaling Laws and the Predictability of Language Model Performance**, \
`arXiv, 2405.10938`, [arxiv](http://arxiv.org/abs/2405.10938v1), \
[pdf](http://arxiv.org/pdf/2405.10938v1.pdf), cication: [**-1**](None)

\t *Yangjun Ruan, Chris J. Maddison, Tatsunori Hashimoto*
- **Llama 2: Open Foundation and Fine-Tuned Chat Models**, `arXiv, 2307.09829`, \
[arxiv](http://arxiv.org/abs/2307.09829v1), cication: [**-1**](None)

\t *Hugo Touvron, Louis Martin, ..., Thomas Scialom*
- **CLIMB: CLustering-based Iterative Data Mixture Bootstrapping for
  Language Model Pre-training**, `arXiv, 2504.13161`, \
[arxiv](http://arxiv.org/abs/2504.13161v1), cication: [**-1**](None)

\t *Shizhe Diao, Yu Yang, Yonggan Fu, ..., Jan Kautz, Pavlo Molchanov*
"""


@pytest.fixture(autouse=True)
def quick_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command's client, with test-sized waits instead of arXiv's 3 s."""
    quick = partial(ArxivClient, interval=0.01, retries=1, backoff=0.01)
    monkeypatch.setattr("awesome_papers.enrich_cli.ArxivClient", quick)


@pytest.fixture
def paper_list(tmp_path: Path) -> Path:
    path = tmp_path / "papers.md"
    path.write_text(LIST, encoding="utf-8")
    return path


def test_enrich_then_check(arxiv_server: FakeArxiv, paper_list: Path, tmp_path: Path,
                           capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "awesome-cache.json"
    code = main(["enrich", str(paper_list), "--cache", str(cache),
                 "--api-url", arxiv_server.url])
    err = capsys.readouterr().err

    assert code == 0
    assert "3/3 ids" in err
    assert "2 fetched, 0 already cached, 1 unknown to arXiv, 0 failed" in err
    assert "unknown: 2307.09829 (arXiv has no paper with this id)" in err
    assert set(json.loads(cache.read_text(encoding="utf-8"))["papers"]) == {
        "2405.10938", "2504.13161"}

    code = main(["check", str(paper_list), "--cache", str(cache)])
    out = capsys.readouterr().out
    assert code == 1
    # A typo that is still a well-formed id: only the API can tell.
    assert f"{paper_list}:8:1: error arxiv-unknown arXiv does not know 2307.09829" in out
    assert f"{paper_list}:5:1: info arxiv-outdated" in out
    assert "v3 is the latest" in out


def test_second_run_asks_nothing(arxiv_server: FakeArxiv, paper_list: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    args = ["enrich", str(paper_list), "--cache", str(tmp_path / "c.json"),
            "--api-url", arxiv_server.url]
    main(args)
    arxiv_server.requests.clear()
    assert main(args) == 0
    assert arxiv_server.requests == []
    assert "0 fetched, 3 already cached" in capsys.readouterr().err


def test_failed_ids_exit_1_and_say_how_to_retry(
        arxiv_server: FakeArxiv, paper_list: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    arxiv_server.broken_ids = {"2504.13161"}
    code = main(["enrich", str(paper_list), "--cache", str(tmp_path / "c.json"),
                 "--api-url", arxiv_server.url])
    err = capsys.readouterr().err
    assert code == 1
    # The id's batch failed, its three ids with it: one line for the one reason.
    assert ("failed: 2307.09829, 2405.10938, 2504.13161 (HTTP 503 Service Unavailable "
            "(after 2 attempts))") in err
    assert "run the same command again" in err


def test_export_with_cache_has_full_authors(arxiv_server: FakeArxiv, paper_list: Path,
                                            tmp_path: Path) -> None:
    cache = tmp_path / "awesome-cache.json"
    assert main(["enrich", str(paper_list), "--cache", str(cache),
                 "--api-url", arxiv_server.url]) == 0
    plain, enriched = tmp_path / "plain.json", tmp_path / "enriched.json"
    assert main(["export", str(paper_list), "-o", str(plain)]) == 0
    assert main(["export", str(paper_list), "--cache", str(cache), "-o", str(enriched)]) == 0
    before = {e["arxiv"]: e for e in json.loads(plain.read_text(encoding="utf-8"))["entries"]}
    after = {e["arxiv"]: e for e in json.loads(enriched.read_text(encoding="utf-8"))["entries"]}
    assert before["2504.13161"]["authors_truncated"]
    assert not after["2504.13161"]["authors_truncated"]
    assert len(after["2504.13161"]["authors"]) > len(before["2504.13161"]["authors"])
