"""Fixtures: an arXiv metadata cache standing in for the API, and list copies to add to."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from add_support import RECORDS

from awesome_papers.enrich import CACHE_FORMAT


@pytest.fixture
def arxiv_cache(tmp_path: Path) -> Path:
    path = tmp_path / "arxiv-cache.json"
    path.write_text(json.dumps({"format": CACHE_FORMAT, "papers": RECORDS, "unknown": {}}),
                    encoding="utf-8")
    return path


@pytest.fixture
def copy_list(tmp_path: Path) -> Callable[[Path], Path]:
    """``copy_list(path)``: a copy of a list in ``tmp_path``, to be changed freely."""
    def copy(source: Path) -> Path:
        target = tmp_path / source.name
        shutil.copyfile(source, target)
        return target
    return copy
