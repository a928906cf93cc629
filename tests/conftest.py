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


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    """The real lists of ../shared/corpus (CI always has them; elsewhere, skip)."""
    files = sorted(CORPUS.glob("*.md"))
    files = [f for f in files if f.name != "MANIFEST.md"]
    if not files:
        if os.environ.get("CI"):
            pytest.fail(f"corpus missing at {CORPUS}")
        pytest.skip(f"corpus not found at {CORPUS} (set AWESOME_SHARED)")
    return files
