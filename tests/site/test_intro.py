"""A list's prose as the site shows it, and the filter that gives each section its own rows."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from awesome_papers import load, parse_query, select
from awesome_papers.intro import intro_for, intro_html

LIST = """\
---
title: front matter, not text
---
<p align="center"><img src="https://img.shields.io/badge/x.svg" alt="badge"></p>

# Awesome Things

Papers on *things*, with [a site](https://example.org) and [a file](docs/x.md).

## Survey

The surveys.

- [**A Survey**](https://arxiv.org/abs/2501.00001), 2025

### Survey

- [**A Subsurvey**](https://arxiv.org/abs/2501.00002), 2025

## Tables

Rows below.

| Title | Year |
| --- | --- |
| [**A Table Paper**](https://arxiv.org/abs/2501.00003) | 2025 |
"""


def _list(tmp_path: Path) -> Path:
    path = tmp_path / "list.md"
    path.write_text(LIST, "utf-8")
    return path


def test_the_introduction_is_the_text_before_the_first_section(tmp_path: Path) -> None:
    html, problems = intro_for(load(_list(tmp_path)), {})
    assert not problems
    soup = BeautifulSoup(html, "html.parser")
    assert " ".join(soup.get_text().split()) == "Papers on things, with a site and a file."
    assert [a["href"] for a in soup.select("a")] == ["https://example.org"]
    assert not soup.select("img, p[align]") and "front matter" not in html


def test_a_sections_text_stops_at_its_first_entry_or_table(tmp_path: Path) -> None:
    collection = load(_list(tmp_path))
    survey, _ = intro_for(collection, {"section": "survey"})
    tables, _ = intro_for(collection, {"section": "tables"})
    assert BeautifulSoup(survey, "html.parser").get_text(strip=True) == "The surveys."
    assert BeautifulSoup(tables, "html.parser").get_text(strip=True) == "Rows below."
    _, problems = intro_for(collection, {"section": "nothing", "colour": "red"})
    assert [p.code for p in problems] == ["bad-option", "unknown-section"]


def test_hostile_prose_renders_as_text() -> None:
    html = intro_html('Text <script>alert(1)</script> [x](javascript:alert(1)) '
                      '[y](java&#9;script:alert(1)) ![i](https://t.example/p.gif) '
                      '<a href="javascript:alert(1)">z</a> [ok](#survey)')
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.select("script, img, a[href^=java], a[href*=script]")
    assert [a["href"] for a in soup.select("a")] == ["#survey"]


def test_no_subsections_keeps_a_sections_own_entries(tmp_path: Path) -> None:
    collection = load(_list(tmp_path))
    query, problems = parse_query({"section": "survey", "no-subsections": None})
    own = [e.title for e in select(collection, query)[0]]
    every = [e.title for e in select(collection, parse_query({"section": "survey"})[0])[0]]
    assert not problems
    assert own == ["A Survey"]
    assert every == ["A Survey", "A Subsurvey"]
    # The slug names the first "Survey"; the second is survey-1, even by its heading text.
    nested, _ = parse_query({"section": "survey-1", "no-subsections": None})
    assert [e.title for e in select(collection, nested)[0]] == ["A Subsurvey"]
