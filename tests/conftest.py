"""Shared fixtures: the bundled reference list and the corpus of real lists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_LIST = ROOT / "examples" / "llm-training.md"
SHARED = Path(os.environ.get("AWESOME_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session", autouse=True)
def _private_parse_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Site builds (and the processes they start) keep parsed lists in a test folder."""
    os.environ["AWESOME_PAPERS_CACHE"] = str(tmp_path_factory.mktemp("parse-cache"))


@pytest.fixture(scope="session")
def example_list() -> Path:
    return EXAMPLE_LIST


def _lists(*folders: Path) -> list[Path]:
    """The lists of ``folders``; CI always has them, elsewhere the test is skipped."""
    files: list[Path] = []
    for folder in folders:
        found = [f for f in sorted(folder.glob("*.md")) if f.name != "MANIFEST.md"]
        if not found:
            if os.environ.get("CI"):
                pytest.fail(f"corpus missing at {folder}")
            pytest.skip(f"corpus not found at {folder} (set AWESOME_SHARED)")
        files += found
    return files


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    """The real lists of ../shared/corpus."""
    return _lists(CORPUS)


@pytest.fixture(scope="session")
def all_corpus_files() -> list[Path]:
    """The real lists of ../shared/corpus and ../shared/corpus/more, the integration set."""
    return _lists(CORPUS, CORPUS / "more")
