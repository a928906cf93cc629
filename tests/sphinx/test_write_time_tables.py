"""Table rows are made when a page is written: every builder still gets all of them, and
each entry's BibTeX is made once a build, for the BibTeX buttons and references.bib."""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import TYPE_CHECKING

import pytest

from awesome_papers import bibtex
from awesome_papers.nodes import DATA_START

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .conftest import Build

LISTING = """\
# Test list

## Papers

- **Scaling Things**, `arXiv, 2501.00001`, [arxiv](http://arxiv.org/abs/2501.00001v1), \
[code](https://github.com/ada/scaling)

\t *Ada Lovelace, Alan Turing*

- **Don't Stop Pretraining**, `arXiv, 2502.00002`, [arxiv](http://arxiv.org/abs/2502.00002v1)

\t *Grace Hopper, Marc'Aurelio Ranzato*

## Tools

- [ada/tool](https://github.com/ada/tool) - A tool for training.
"""
TABLE = "```{awesome-papers}\n:section: %s\n:columns: title, authors, code\n```\n"
PAGE = "# Home\n\n" + TABLE % "papers" + "\n" + TABLE % "test-list"
KEYS = {"lovelace2025scaling", "hopper2025dont", "ada-tool"}


@pytest.mark.parametrize(("builder", "output"), [("latex", "*.tex"), ("text", "index.txt")])
def test_builders_without_html_get_every_row(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build], builder: str,
        output: str) -> None:
    site = make_site({"index.md": PAGE}, LISTING, conf="awesome_badges = True\n")
    result = sphinx_build(site, builder)
    text = next(result.outdir.glob(output)).read_text(encoding="utf-8")
    assert "WARNING" not in result.warnings
    # Both tables, every row: the second repeats the first's papers and adds the tool.
    assert text.count("Scaling Things") == 2 and text.count("Pretraining") == 2
    assert text.count("Lovelace") == 2 and text.count("Ranzato") == 2 and "A tool" not in text
    assert "ada/tool" in text and "ada/scaling" in text
    assert "shields.io" not in text  # badges are remote images: none in a PDF or a text file
    assert "awesome-papers-data" not in text


def test_html_rows_are_the_same_as_read_time_nodes_gave(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    site = make_site({"index.md": PAGE}, LISTING, conf="awesome_badges = True\n")
    page = sphinx_build(site).page("index.html")
    ids = re.findall(r'<tr class="awesome-row[^"]*" id="([^"]+)"', page)
    assert ids == ["lovelace2025scaling", "hopper2025dont", "ada-tool"]  # ids once a page
    assert page.count('<tr class="awesome-row') == 5
    assert 'src="https://img.shields.io/github/stars/ada/scaling.svg' in page
    assert "Marc’Aurelio" in page  # Sphinx's smart quotes, as for any text of the page


def test_each_entrys_bibtex_is_made_once_for_the_buttons_and_the_bib(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build],
        monkeypatch: pytest.MonkeyPatch) -> None:
    made: Counter[str] = Counter()
    real = bibtex.entry_bibtex

    def counted(entry: bibtex.Entry, **options: bool) -> str:
        made[entry.key] += 1
        return real(entry, **options)

    monkeypatch.setattr(bibtex, "entry_bibtex", counted)
    site = make_site({"index.md": PAGE + "\n```{toctree}\nmore\n```\n",
                      "more.md": "# More\n\n" + TABLE % "papers"}, LISTING)
    result = sphinx_build(site)  # serial: under -j, reading workers' calls would not count
    assert made == dict.fromkeys(KEYS, 1)  # three tables show the papers; one block each

    bib = (result.outdir / "references.bib").read_text(encoding="utf-8")
    for name in ("index.html", "more.html"):
        for block in re.findall(re.escape(DATA_START) + "(.*?)</script>", result.page(name)):
            for row in json.loads(block)["rows"]:
                assert row["bibtex"] in bib, row["key"]
