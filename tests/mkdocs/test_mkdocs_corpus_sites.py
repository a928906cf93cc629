"""Sites made from real lists build clean with the default settings, under ``--strict``.

The MkDocs side of ``tests/sphinx/test_corpus_sites.py``: every entry of a real list in
one table, a citation, no warning, and the list's problems in one INFO line.
"""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

import pytest
from sitebuild import build, make_site, row_keys

import awesome_papers

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

LISTS = ["table-html-efficient-moe.md", "venue-tags-radiology-report-generation.md",
         "bracket-numbered-br-zh-cvpr2023.md"]


@pytest.mark.parametrize("name", LISTS)
def test_a_real_list_builds_with_strict(name: str, all_corpus_files: list[Path],
                                        tmp_path: Path) -> None:
    source = next(path for path in all_corpus_files if path.name == name)
    shutil.copy(source, tmp_path / "list.md")
    collection = awesome_papers.load([source])
    cited = collection.entries[0].key
    page = f"# Papers\n\n```{{awesome-papers}}\n```\n\nSee [@{cited}].\n"
    config = "site_name: t\nplugins:\n  - awesome-papers:\n      sources: [list.md]\n"

    built = build(make_site(tmp_path, config, {"index.md": page}), tmp_path / "out")

    assert built.returncode == 0, built.log
    assert not re.search(r"^(WARNING|ERROR)", built.log, re.M), built.log
    soup = built.page("index.html")
    assert row_keys(soup) == [entry.key for entry in collection.entries]
    assert soup.select_one(f'span.awesome-cite a[href="#{cited}"]') is not None
    problems = any(d.severity != "info" for d in collection.diagnostics)
    assert len(re.findall(r"awesome-papers check", built.log)) == int(problems), built.log
