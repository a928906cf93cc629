"""Sites made from real lists build clean with the default settings, under ``-W``.

A list's own problems are its maintainer's (``awesome-papers check``): a page that shows
every entry of a real list and cites one builds without a warning, with the list next to
``conf.py`` as ``awesome_sources`` invites, and the build names the list's problems in
one line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import awesome_papers

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .conftest import Build

pytestmark = pytest.mark.slow

#: Three shapes: an HTML table, venue tags before linked titles, numbered <br> lines (zh).
LISTS = ["table-html-efficient-moe.md", "venue-tags-radiology-report-generation.md",
         "bracket-numbered-br-zh-cvpr2023.md"]


@pytest.mark.parametrize("name", LISTS)
def test_a_real_list_builds_with_w(
        name: str, all_corpus_files: list[Path], make_site: Callable[..., Path],
        sphinx_build: Callable[..., Build]) -> None:
    source = next(path for path in all_corpus_files if path.name == name)
    collection = awesome_papers.load([source])
    cited = collection.entries[0].key
    page = f"# Papers\n\n```{{awesome-papers}}\n```\n\nSee {{paper}}`{cited}`.\n"
    site = make_site({"index.md": page}, source.read_text(encoding="utf-8"))

    result = sphinx_build(site, warningiserror=True)

    assert result.warnings == ""
    assert result.read == ["index"]  # the list next to conf.py is no page
    html = result.page("index.html")
    assert all(f'id="{entry.key}"' in html for entry in collection.entries)
    assert f'href="#{cited}"' in html
    problems = any(d.severity != "info" for d in collection.diagnostics)
    summary = [line for line in result.status.splitlines() if "awesome-papers check" in line]
    assert len(summary) == int(problems), summary
