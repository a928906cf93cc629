"""Fixtures: the stand-in arXiv API (see ``arxiv_fake``) and a client pointed at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from arxiv_fake import PAPERS, FakeArxiv, serve

from awesome_papers.arxiv_api import ArxivClient


@pytest.fixture
def arxiv_server() -> Iterator[FakeArxiv]:
    with serve(PAPERS) as fake:
        yield fake


@pytest.fixture
def client(arxiv_server: FakeArxiv) -> ArxivClient:
    """The real client, pointed at the local server, with short waits."""
    return ArxivClient(arxiv_server.url, interval=0.05, retries=2, backoff=0.05, timeout=5)
