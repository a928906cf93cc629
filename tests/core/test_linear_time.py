"""No list makes the parser (or the BibTeX writer) take more than linear time.

Each hostile line is parsed at 3k and 30k characters; a linear reader takes about ten
times as long for the larger, a quadratic one a hundred times. The test compares that
growth (the best of two runs, in process time), never a wall-clock budget.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from growth import growth

from awesome_papers import parse_text
from awesome_papers.bibtex import bibtex_string

#: Each makes a list from a size: the patterns that used to backtrack, and their kin.
HOSTILE: dict[str, Callable[[int], str]] = {
    "author name run": lambda n: f"## S\n\n- A paper title by {'A' * n}! [pdf](https://x.org/p.pdf)\n",
    "heading of [": lambda n: f"## {'[' * n}\n\n- [x](https://x.org)\n",
    "heading of <a": lambda n: f"## {'<a' * (n // 2)}\n\n- [x](https://x.org)\n",
    "spaces in an item": lambda n: f"## S\n\n- a{' ' * n}b [x](https://x.org)\n",
    "spaces after arxiv": lambda n: f"## S\n\n- **T** arxiv{' ' * n}x [x](https://x.org)\n",
    "digits in a bold name": lambda n: f"## S\n\n- **a({'1' * n}x** [x](https://x.org)\n",
    "dollar escapes in a title":
        lambda n: "## S\n\n- **" + "$\\$" * (n // 3) + "**, `arXiv, 2401.00001`\n",
    "brackets before a link": lambda n: f"## S\n\n- {'[' * n}x](javascript:alert(1))\n",
    "periods and years": lambda n: f"## S\n\n- {'A. 2019. ' * (n // 9)}[T](https://x.org)\n",
    "commas as authors": lambda n: f"## S\n\n- [T](https://x.org) *{'A, ' * (n // 3)}*\n",
    "shortcode colons": lambda n: f"## S\n\n- {':' * n}[T](https://x.org)\n",
    "stars": lambda n: f"## S\n\n- {'*' * n}T [x](https://x.org)\n",
    "table cells": lambda n: "## S\n\n| Title | Authors |\n| --- | --- |\n"
                             f"| [T](https://x.org) | {'a, ' * (n // 3)} |\n",
    "venue words": lambda n: f"## S\n\n- [T](https://x.org) {'NeurIPS ' * (n // 8)}x\n",
    "by and et al": lambda n: f"## S\n\n- T by {'et al ' * (n // 6)}[x](https://x.org)\n",
}


def _parse_and_export(text: str) -> None:
    bibtex_string(parse_text(text, "hostile.md").entries)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_parse_time_grows_linearly(name: str) -> None:
    ratio = growth(HOSTILE[name], _parse_and_export, 3_000, 30_000)
    assert ratio < 30, f"{name}: 10x the input took {ratio:.0f}x the time"
