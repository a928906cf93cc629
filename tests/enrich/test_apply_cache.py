"""`apply_cache`: a committed cache file fills in what the list cut, offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from arxiv_fake import FakeArxiv

from awesome_papers.arxiv_api import ArxivClient
from awesome_papers.enrich import apply_cache, arxiv_ids, enrich
from awesome_papers.model import Collection, Entry

LIST = "llm-training.md"

CLIMB = Entry(
    key="diao2025climb", kind="paper",
    title="CLIMB: CLustering-based Iterative Data Mixture Bootstrapping for Language Model "
          "Pre-training",
    authors=("Shizhe Diao", "Yu Yang", "Yonggan Fu", "Jan Kautz", "Pavlo Molchanov"),
    authors_truncated=True, arxiv="2504.13161", arxiv_version=1, year=2025, month=4,
    source=LIST, line=26,
)
OBSERVATIONAL = Entry(
    key="ruan2024observational", kind="paper",
    title="Observational Scaling Laws and the Predictability of Language Model Performance",
    authors=("Yangjun Ruan", "Chris J. Maddison", "Tatsunori Hashimoto"),
    arxiv="2405.10938", arxiv_version=1, year=2024, month=5, source=LIST, line=81,
)
ZCLIP = Entry(
    key="kumar2025zclip", kind="paper", title="ZClip: Adaptive Spike Mitigation",
    authors=("Abhay Kumar", "Fabian Güra"), authors_truncated=True,
    arxiv="2504.02507", arxiv_version=1, venue="ICML 2025", source=LIST, line=30,
)
TYPO = Entry(
    key="touvron2023llama", kind="paper", title="Llama 2: Open Foundation and Fine-Tuned Chat "
    "Models", authors=("Hugo Touvron",), arxiv="2307.092881", source=LIST, line=40,
)
NOT_CACHED = Entry(
    key="wang2025fp4", kind="paper",
    title="Optimizing Large Language Model Training Using FP4 Quantization",
    arxiv="2501.17116", arxiv_version=1, source=LIST, line=37,
)
REPO = Entry(key="olmo", kind="repo", title="OLMo", url="https://github.com/allenai/OLMo",
             source=LIST, line=50)

#: A cache as it would be committed next to the list (what `enrich` writes).
CACHE = {
    "format": 1,
    "papers": {
        "2405.10938": {
            "abstract": "We study ...",
            "authors": ["Yangjun Ruan", "Chris J. Maddison", "Tatsunori Hashimoto"],
            "doi": "10.5555/fixture.2405.10938",
            "journal_ref": "NeurIPS 2024",
            "primary_class": "cs.LG",
            "title": "Observational Scaling Laws and the Predictability of Language Model "
                     "Performance",
            "versions": [
                {"submitted": "2024-05-17T17:49:44Z", "version": 1},
                {"submitted": "2024-06-10T09:00:00Z", "version": 2},
                {"submitted": "2024-10-01T12:30:00Z", "version": 3},
            ],
        },
        "2504.02507": {
            "abstract": "",
            "authors": ["Abhay Kumar", "Louis Owen", "Nilabhra Roy Chowdhury", "Fabian Güra"],
            "journal_ref": "Proceedings of Something 2025",
            "primary_class": "cs.LG",
            "title": "ZClip: Adaptive Spike Mitigation for LLM Pre-Training",
            "versions": [{"submitted": "2025-04-03T10:00:00Z", "version": 1}],
        },
        "2504.13161": {
            "abstract": "",
            "authors": ["Shizhe Diao", "Yu Yang", "Yonggan Fu", "Middle Author A",
                        "Jan Kautz", "Pavlo Molchanov"],
            "primary_class": "cs.CL",
            "title": "CLIMB: CLustering-based Iterative Data Mixture Bootstrapping for "
                     "Language Model Pre-training",
            "versions": [{"submitted": "2025-04-17T17:58:13Z", "version": 1}],
        },
    },
    "unknown": {"2307.092881": "incorrect id format for 2307.092881"},
}


@pytest.fixture
def collection() -> Collection:
    return Collection(entries=(CLIMB, OBSERVATIONAL, ZCLIP, TYPO, NOT_CACHED, REPO),
                      sources=(LIST,))


@pytest.fixture
def cache_file(tmp_path: Path) -> Path:
    path = tmp_path / "awesome-cache.json"
    path.write_text(json.dumps(CACHE, indent=2, sort_keys=True), encoding="utf-8")
    return path


def test_cached_papers_get_full_records(collection: Collection, cache_file: Path) -> None:
    result = apply_cache(collection, cache_file)

    climb = result.get("diao2025climb")
    assert climb is not None
    assert climb.authors == ("Shizhe Diao", "Yu Yang", "Yonggan Fu", "Middle Author A",
                             "Jan Kautz", "Pavlo Molchanov")
    assert not climb.authors_truncated
    assert climb.primary_class == "cs.CL"
    observational = result.get("arXiv:2405.10938v1")
    assert observational is not None
    assert (observational.doi, observational.journal_ref, observational.venue) == (
        "10.5555/fixture.2405.10938", "NeurIPS 2024", "NeurIPS 2024")


def test_the_list_wins_where_it_has_a_value(collection: Collection, cache_file: Path) -> None:
    zclip = apply_cache(collection, cache_file).get("kumar2025zclip")
    assert zclip is not None
    assert zclip.title == "ZClip: Adaptive Spike Mitigation"
    assert zclip.venue == "ICML 2025"
    assert zclip.journal_ref == "Proceedings of Something 2025"
    assert zclip.year == 2025  # the list had none: from the v1 date


def test_entries_the_cache_lacks_are_unchanged(collection: Collection, cache_file: Path) -> None:
    result = apply_cache(collection, cache_file)
    assert result.get("wang2025fp4") == NOT_CACHED
    assert result.get("olmo") == REPO
    assert result.get("touvron2023llama") == TYPO
    assert collection.get("diao2025climb") == CLIMB  # the input is not modified


def test_cache_diagnostics(collection: Collection, cache_file: Path) -> None:
    found = {(d.code, d.line): d for d in apply_cache(collection, cache_file).diagnostics}

    assert set(found) == {
        ("arxiv-title-mismatch", 30), ("arxiv-unknown", 40), ("arxiv-outdated", 81),
        ("arxiv-uncached", 37),
    }
    mismatch = found["arxiv-title-mismatch", 30]
    assert mismatch.severity == "warning" and mismatch.path == LIST
    assert "ZClip: Adaptive Spike Mitigation for LLM Pre-Training" in mismatch.message
    assert found["arxiv-unknown", 40].severity == "error"
    assert "2307.092881" in found["arxiv-unknown", 40].format()
    assert "v3 is the latest (2024-10-01)" in found["arxiv-outdated", 81].message


def test_missing_cache_is_a_warning_not_a_crash(collection: Collection, tmp_path: Path) -> None:
    result = apply_cache(collection, tmp_path / "nope.json")
    assert result.entries == collection.entries
    [problem] = result.diagnostics
    assert problem.code == "cache-unreadable" and problem.severity == "warning"
    assert "awesome-papers enrich" in problem.message


def test_fetched_cache_feeds_bibtex_full_authors(
        arxiv_server: FakeArxiv, client: ArxivClient, collection: Collection,
        tmp_path: Path) -> None:
    bibtex = pytest.importorskip("awesome_papers.bibtex")
    cache_file = tmp_path / "awesome-cache.json"
    ids = [i for i in arxiv_ids(collection.entries) if i != "2501.17116"]
    enrich(ids, cache_file, client=client)
    cached = [e for e in apply_cache(collection, cache_file).entries
              if e.key in ("diao2025climb", "kumar2025zclip", "ruan2024observational")]

    text = bibtex.bibtex_string(cached)
    assert "and others" not in text
    assert "Middle Author A" in text and "Middle Author D" in text
    assert "10.5555/fixture.2405.10938" in text
