"""Every declared filter word is a block option that shows what the core selects."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sitebuild import LIST, build, make_site, row_keys

from awesome_papers import load, parse_query, select
from awesome_papers.query import FILTERS

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow


def test_each_option_with_its_example_shows_the_cores_rows(tmp_path: Path) -> None:
    (tmp_path / LIST.name).write_bytes(LIST.read_bytes())
    pages = {f"opt-{o.name}.md":
             f"# {o.name}\n\n```{{awesome-papers}}\n:{o.name}: {o.example}\n```\n"
             for o in FILTERS}
    yml = make_site(tmp_path, f"site_name: t\nplugins:\n  - awesome-papers:\n"
                              f"      sources: [{LIST.name}]\n", {"index.md": "# t\n", **pages})
    built = build(yml, tmp_path / "site")
    assert built.returncode == 0, built.log  # --strict: a bad-option warning would fail it
    collection = load(tmp_path / LIST.name)
    for option in FILTERS:
        query, _ = parse_query({option.name: option.example or None})
        page = built.page(f"opt-{option.name}/")
        assert row_keys(page) == [e.key for e in select(collection, query)[0]], option.name
        heads = [th["class"][-1].removeprefix("awesome-col-")
                 for th in page.select("div.awesome-papers thead th")]
        # The query's columns in order, less those no row fills: each shown one has text
        assert heads == [c for c in query.columns if c in heads], option.name
        for column in heads:
            cells = page.select(f"div.awesome-papers td.awesome-col-{column}")
            assert any(cell.get_text(strip=True) for cell in cells), (option.name, column)
