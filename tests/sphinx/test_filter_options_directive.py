"""Every declared filter word is a directive option that shows what the core selects."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from awesome_papers import load, parse_query, select
from awesome_papers.query import FILTERS

if TYPE_CHECKING:
    from collections.abc import Callable

    from .conftest import Build

pytestmark = pytest.mark.slow


def test_each_option_with_its_example_shows_the_cores_rows(
        tmp_path: Path, example_list: Path, sphinx_build: Callable[..., Build]) -> None:
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(example_list, site / "llm-training.md")
    (site / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_awesome"]\n'
        'awesome_sources = ["llm-training.md"]\n'
        'exclude_patterns = ["_build", "llm-training.md"]\n'
        '# the list\'s own problems; an option\'s would still warn\n'
        'suppress_warnings = ["awesome.parse", "awesome.duplicate"]\n', encoding="utf-8")
    (site / "index.md").write_text("# Options\n\n```{toctree}\n:glob:\nopt-*\n```\n",
                                   encoding="utf-8")
    for option in FILTERS:
        (site / f"opt-{option.name}.md").write_text(
            f"# {option.name}\n\n```{{awesome-papers}}\n:{option.name}: {option.example}\n```\n",
            encoding="utf-8")

    result = sphinx_build(site)
    assert result.warnings == ""
    collection = load(site / "llm-training.md")
    for option in FILTERS:
        query, _ = parse_query({option.name: option.example or None})
        page = BeautifulSoup(result.page(f"opt-{option.name}.html"), "html.parser")
        rows = [row["id"] for row in page.select("tr.awesome-row")]
        assert rows == [e.key for e in select(collection, query)[0]], option.name
        heads = [th.get_text(strip=True).lower() for th in page.select("thead th")]
        # The query's columns in order, less those no row fills (such as code, above)
        assert heads == [c for c in query.columns if c in heads] and "title" in heads, option.name
