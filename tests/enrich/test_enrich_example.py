"""The reference list end to end: parse, enrich from the stand-in API, apply, export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from arxiv_fake import FakeArxiv, Paper, serve

from awesome_papers import load
from awesome_papers.arxiv_api import ArxivClient
from awesome_papers.enrich import apply_cache, arxiv_ids, enrich
from awesome_papers.model import Collection


@pytest.fixture(scope="module")
def example(example_list: Path) -> Collection:
    return load([example_list])


@pytest.fixture
def list_server(example: Collection) -> Iterator[FakeArxiv]:
    """An API that knows every paper of the list, each with one invented middle author."""
    papers = {
        e.arxiv: Paper(e.title, (*e.authors[:3], f"Middle Author {i}", *e.authors[3:]),
                       ("2024-01-01T00:00:00Z",))
        for i, e in enumerate(example.entries) if e.arxiv
    }
    with serve(papers) as fake:
        yield fake


def test_every_listed_paper_gets_its_full_author_list(
        list_server: FakeArxiv, example: Collection, tmp_path: Path) -> None:
    cache_file = tmp_path / "awesome-cache.json"
    client = ArxivClient(list_server.url, interval=0.05, retries=0)
    report = enrich(arxiv_ids(example.entries), cache_file, client=client, batch_size=50)
    assert len(report.fetched) == len(arxiv_ids(example.entries)) > 60
    assert len(list_server.requests) == 2  # 50 + the rest: batched, not one by one

    result = apply_cache(example, cache_file)
    papers = [e for e in result.entries if e.arxiv]
    assert all(not e.authors_truncated for e in papers)
    assert all(any(a.startswith("Middle Author") for a in e.authors) for e in papers)
    assert not [d for d in result.diagnostics if d.code.startswith("arxiv-")]

    bibtex = pytest.importorskip("awesome_papers.bibtex")
    text = bibtex.bibtex_string(papers)
    assert "and others" not in text
    assert text.count("Middle Author") == len(papers)
