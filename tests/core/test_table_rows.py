"""Tables read by their header: what the fixtures of ``shapes/table-row.md`` cannot show.

Those fixtures list entries, warnings and errors; the ``unread-column`` note is info, and
hostile cells are about time, so both are checked here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from growth import growth

from awesome_papers import parse_text

DATASETS = """\
## Datasets

| Name | Paper | Type | Notes |
|:-----|:-----:|:----:|:-----:|
| **MIC** | [MMICL: In-Context Learning](https://arxiv.org/pdf/2309.07915) | Tuning | interleaved |
| **EMER** | [Explainable Emotion Reasoning](https://arxiv.org/pdf/2306.15401) | Benchmark | |
| **Empty** | [Some Dataset Paper](https://arxiv.org/abs/2401.00002) | | |
"""


def test_an_unread_column_is_noted_once_per_table_at_its_header() -> None:
    collection = parse_text(DATASETS, "list.md")
    notes = [(d.line, d.column, d.severity, d.message) for d in collection.diagnostics
             if d.code == "unread-column"]
    assert [(line, column, severity) for line, column, severity, _ in notes] == [
        (3, 3, "info"), (3, 18, "info")]
    assert "'Name'" in notes[0][3] and "'Type'" in notes[1][3]
    # Notes is read, as the description; the entries are all there.
    assert [e.description for e in collection.entries] == ["interleaved", None, None]


def test_an_html_table_that_names_no_title_is_left_alone() -> None:
    text = ("## Contributors\n\n<table><tr><td><a href=\"https://github.com/a\">"
            "<img src=\"https://avatars.githubusercontent.com/u/1\"><br><sub><b>Ann</b></sub>"
            "</a></td></tr></table>\n")
    collection = parse_text(text, "list.md")
    assert collection.entries == ()
    assert [d.code for d in collection.diagnostics] == ["empty-section"]


def test_a_problem_in_an_html_row_names_the_row_line_and_column() -> None:
    text = ("## Papers\n\n<table>\n<tr><th>Title</th><th>Code</th></tr>\n"
            "<tr><td>A Real Title</td><td><a href=\"javascript:alert(1)\">x</a></td></tr>\n"
            "</table>\n")
    collection = parse_text(text, "list.md")
    [problem] = [d for d in collection.diagnostics if d.code == "unsafe-link"]
    assert (problem.line, problem.column) == (5, 39)
    assert [e.title for e in collection.entries] == ["A Real Title"]


#: Cells that a careless reader would scan in quadratic time.
HOSTILE: dict[str, Callable[[int], str]] = {
    "spaces in a title cell": lambda n: (
        "## S\n\n| Title | Date |\n| --- | --- |\n"
        f"| (1) a{' ' * n}b - {'c ' * (n // 2)} | 2024-01 |\n"),
    "periods in a title cell": lambda n: (
        "## S\n\n| Title | Code |\n| --- | --- |\n"
        f"| {'A. B ' * (n // 5)} | [c](https://github.com/o/r) |\n"),
    "digits in a date cell": lambda n: (
        "## S\n\n| Title | Date |\n| --- | --- |\n"
        f"| [T](https://x.org) | {'2024-' * (n // 5)} |\n"),
    "nested HTML in a cell": lambda n: (
        "## S\n\n| Title | Notes |\n| --- | --- |\n"
        f"| [T](https://x.org) | {'<span>' * (n // 6)}x |\n"),
    "an HTML table of breaks": lambda n: (
        "## S\n\n<table><tr><th>Title</th></tr><tr><td>T"
        f"{'<br>' * (n // 4)}</td></tr></table>\n"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_reading_a_hostile_cell_grows_linearly(name: str) -> None:
    ratio = growth(HOSTILE[name], lambda text: parse_text(text, "hostile.md"), 5_000, 50_000,
                   repeat=3)
    assert ratio < 30, f"{name}: 10x the input took {ratio:.0f}x the time"
