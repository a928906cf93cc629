"""The theme's language picks the tables' words: Material's ``theme.language``, MkDocs'
own themes' ``theme.locale``, and the extension's ``language`` where it runs alone."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sitebuild import LIST, build, make_site

from awesome_papers.messages import CATALOGUES

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

TABLE = "# Optimization\n\n```{awesome-papers}\n:section: optimization\n```\n"


def headers_and_words(page: BeautifulSoup) -> tuple[list[str], dict[str, object]]:
    """The table's header texts and the JSON the browser script reads."""
    box = page.select_one("div.awesome-papers")
    assert box is not None
    return ([th.get_text(strip=True) for th in box.select("thead th")],
            json.loads(str(box["data-awesome-papers"])))


@pytest.mark.parametrize(("theme", "code"), [
    ("{name: material, language: de}", "de"),
    ("{name: mkdocs, locale: de_AT}", "de"),
    ("{name: mkdocs, locale: fr}", "fr"),
])
def test_theme_language_gives_translated_tables(tmp_path: Path, theme: str, code: str) -> None:
    (tmp_path / LIST.name).write_bytes(LIST.read_bytes())
    config = (f"site_name: t\ntheme: {theme}\nplugins:\n  - awesome-papers:\n"
              f"      sources: [{LIST.name}]\n")
    built = build(make_site(tmp_path, config, {"index.md": TABLE}), tmp_path / "site")
    assert built.returncode == 0, built.log
    headers, data = headers_and_words(built.page(""))
    messages = CATALOGUES[code].messages
    assert headers == [messages[f"column.{c}"] for c in
                       ("title", "authors", "year", "code", "links")]
    assert data["language"] == code and data["messages"]["clear"] == messages["clear"]
    if code == "de":
        assert headers == ["Titel", "Autoren", "Jahr", "Code", "Links"]


def test_extension_alone_takes_its_language_option(tmp_path: Path) -> None:
    (tmp_path / LIST.name).write_bytes(LIST.read_bytes())
    config = (f"site_name: t\nmarkdown_extensions:\n  - awesome_papers:\n"
              f"      sources: [!relative $config_dir/{LIST.name}]\n      language: ja-JP\n")
    built = build(make_site(tmp_path, config, {"index.md": TABLE}), tmp_path / "site")
    assert built.returncode == 0, built.log
    headers, data = headers_and_words(built.page(""))
    assert headers[:3] == ["タイトル", "著者", "年"] and data["language"] == "ja"
