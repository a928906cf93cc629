"""The reference list end to end: parse, enrich from the stand-in API, apply, export."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from arxiv_fake import FakeArxiv, Paper, serve
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from sphinx.cmd.build import build_main

from awesome_papers import load
from awesome_papers.arxiv_api import ArxivClient
from awesome_papers.enrich import apply_cache, arxiv_ids, enrich
from awesome_papers.model import Collection

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.fixture
def example_cache(list_server: FakeArxiv, example: Collection, tmp_path: Path) -> Path:
    """The reference list's arXiv cache, fetched by the real client from the stand-in API."""
    cache_file = tmp_path / "awesome-cache.json"
    enrich(arxiv_ids(example.entries), cache_file,
           client=ArxivClient(list_server.url, interval=0.05, retries=0))
    return cache_file


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection a build tries fails the test."""
    def refuse(*args: object, **kwargs: object) -> None:
        pytest.fail(f"a build opened a connection: {args}")
    monkeypatch.setattr(socket.socket, "connect", refuse)


def _cached_papers_have_every_author(bib: Path) -> None:
    text = bib.read_text(encoding="utf-8")
    papers = [block for block in text.split("\n@") if "eprint = {" in block]
    assert len(papers) == 66
    assert not [p for p in papers if "and others" in p]
    assert all("Middle Author" in p for p in papers)


def test_example_sphinx_site_builds_offline_with_the_cache(
        example_cache: Path, tmp_path: Path, no_network: None) -> None:
    site = tmp_path / "sphinx"
    shutil.copytree(ROOT / "examples" / "sphinx", site)
    shutil.copy(ROOT / "examples" / "llm-training.md", tmp_path / "llm-training.md")
    with (site / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"\nawesome_cache = {str(example_cache)!r}\n")
    assert build_main(["-q", "-W", "-b", "html", str(site), str(tmp_path / "out")]) == 0
    _cached_papers_have_every_author(tmp_path / "out" / "references.bib")


def test_example_mkdocs_site_builds_offline_with_the_cache(
        example_cache: Path, tmp_path: Path, no_network: None) -> None:
    site = tmp_path / "mkdocs"
    shutil.copytree(ROOT / "examples" / "mkdocs", site, ignore=shutil.ignore_patterns("site"))
    shutil.copy(ROOT / "examples" / "llm-training.md", tmp_path / "llm-training.md")
    yml = site / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace(
        '      sources: ["../llm-training.md"]\n',
        f'      sources: ["../llm-training.md"]\n      cache: {example_cache}\n'),
        encoding="utf-8")
    config = load_config(str(yml), site_dir=str(tmp_path / "out"), strict=True)
    mkdocs_build(config)
    _cached_papers_have_every_author(tmp_path / "out" / "references.bib")
