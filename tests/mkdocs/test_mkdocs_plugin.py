"""Plugin behaviour that needs the packaged assets or `mkdocs serve`: built in-process."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from sitebuild import LIST, make_site

import mkdocs_awesome.plugin

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow
CONFIG = f"site_name: t\nplugins:\n  - awesome-papers:\n      sources: [{LIST}]\n"


def test_assets_are_linked_only_from_pages_with_a_table(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (static / "awesome-papers.css").write_text("table {}", "utf-8")
    (static / "awesome-papers.js").write_text("// js", "utf-8")
    monkeypatch.setattr(mkdocs_awesome.plugin, "STATIC_DIR", static)
    yml = make_site(tmp_path / "site-src", CONFIG, {
        "index.md": "# Plain\n\nSee [@takase2023spike].\n",
        "deep/table.md": "# T\n\n```{awesome-papers}\n:section: optimization\n```\n"})
    build(load_config(str(yml), site_dir=str(tmp_path / "out")))
    table = (tmp_path / "out" / "deep" / "table" / "index.html").read_text("utf-8")
    plain = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert '<link rel="stylesheet" href="../../assets/awesome-papers/awesome-papers.css">' in table
    assert '<script src="../../assets/awesome-papers/awesome-papers.js" defer>' in table
    assert "awesome-papers.css" not in plain and "awesome-papers.js" not in plain
    assert (tmp_path / "out" / "assets" / "awesome-papers" / "awesome-papers.js").is_file()


def test_serve_watches_the_lists(tmp_path: Path) -> None:
    yml = make_site(tmp_path, CONFIG, {"index.md": "# T\n"})
    config = load_config(str(yml))
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    config.plugins.on_serve(Server(), config=config, builder=None)
    assert watched == [str(LIST)]
