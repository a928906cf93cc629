"""Sphinx's ``language`` picks the tables' words: headers in the page, the script's in its
JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from awesome_papers.messages import CATALOGUES

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .conftest import Build

pytestmark = pytest.mark.slow


def test_zh_cn_site_has_chinese_tables(example_site: Path,
                                       sphinx_build: Callable[..., Build]) -> None:
    result = sphinx_build(example_site, warningiserror=True, language="zh_CN")
    assert not result.warnings
    page = BeautifulSoup(result.page("optimization.html"), "html.parser")
    assert page.html is not None and page.html["lang"] == "zh-CN"
    headers = [th.get_text(strip=True) for th in page.select("table.awesome-papers thead th")]
    assert headers == ["标题", "作者", "年份", "代码", "链接"]
    script = page.select_one("script.awesome-papers-data")
    assert script is not None
    data = json.loads(script.get_text())
    assert data["language"] == "zh"
    assert data["messages"]["search"] == CATALOGUES["zh"].messages["search"] == "搜索"


def test_unknown_language_gives_english_tables(example_site: Path,
                                               sphinx_build: Callable[..., Build]) -> None:
    result = sphinx_build(example_site, language="ko")
    page = BeautifulSoup(result.page("optimization.html"), "html.parser")
    headers = [th.get_text(strip=True) for th in page.select("table.awesome-papers thead th")]
    assert headers == ["Title", "Authors", "Year", "Code", "Links"]
