"""The controls speak the site's language: the example in French (Sphinx) and in German
(Material for MkDocs), in Chromium, with the count's plural as the language makes it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from awesome_papers import load, parse_query, select

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import Visit  # tests/browser/conftest.py

    from awesome_papers import Entry

pytestmark = [pytest.mark.browser, pytest.mark.slow]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@dataclass(frozen=True)
class Language:
    """What a reader of the page sees, written out by hand."""

    lang: str
    headers: list[str]
    search: str
    clear: str
    has_code: str
    #: The count line for 0, 1, 2 and all rows shown, with ``{total}`` for the table's size.
    counts: dict[int | str, str]
    bibtex: str
    copy: str
    copied: str


LANGUAGES = {
    "sphinx-fr": Language(
        "fr", ["Titre", "Auteurs", "Année", "Code", "Liens"], "Rechercher", "Effacer",
        "Avec code",
        {0: "0 article affiché sur {total}", 1: "1 article affiché sur {total}",
         2: "2 articles affichés sur {total}", "all": "{total} articles affichés sur {total}"},
        "BibTeX de {}", "Copier le BibTeX de {}", "Copié"),
    "mkdocs-de": Language(
        "de", ["Titel", "Autoren", "Jahr", "Code", "Links"], "Suche", "Zurücksetzen",
        "Mit Code",
        {0: "0 Publikationen von {total} angezeigt", 1: "1 Publikation von {total} angezeigt",
         2: "2 Publikationen von {total} angezeigt",
         "all": "{total} Publikationen von {total} angezeigt"},
        "BibTeX für {}", "BibTeX von {} kopieren", "Kopiert"),
}


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c)).lower()


def optimization() -> list[Entry]:
    query, problems = parse_query({"section": "optimization"})
    assert not problems
    return select(load(EXAMPLES / "llm-training.md"), query)[0]


def word_found_in(entries: list[Entry], times: int) -> str:
    """A word of the rows' titles that the search box finds in exactly ``times`` rows."""
    texts = [fold(" ".join([e.title, ", ".join(e.authors) or e.owner or "",
                            e.description or ""])) for e in entries]
    words = sorted({w for text in texts for w in re.findall(r"[a-z]{4,}", text)})
    return next(w for w in words if sum(w in text for text in texts) == times)


@pytest.mark.usefixtures("translated")
@pytest.mark.parametrize("site", sorted(LANGUAGES))
def test_controls_and_count_in_the_pages_language(visit: Callable[..., Visit],
                                                  site: str) -> None:
    words = LANGUAGES[site]
    entries = optimization()
    total = len(entries)
    page = visit(site).page
    expect(page.locator("html")).to_have_attribute("lang", words.lang)
    table = page.locator("table:has(tr.awesome-row)")
    expect(table.locator("thead th")).to_have_text(words.headers)
    count = page.locator(".awesome-count")
    expect(count).to_have_text(words.counts["all"].format(total=total))

    box = page.locator(".awesome-controls")
    search = box.get_by_label(words.search)
    for shown in (1, 2):
        search.fill(word_found_in(entries, shown))
        expect(count).to_have_text(words.counts[shown].format(total=total))
    search.fill("qqqqzzzz")
    expect(count).to_have_text(words.counts[0].format(total=total))
    box.get_by_role("button", name=words.clear).click()
    expect(count).to_have_text(words.counts["all"].format(total=total))
    expect(box.get_by_role("checkbox", name=words.has_code)).to_be_visible()

    first = entries[0]
    page.get_by_role("button", name=words.bibtex.format(first.title)).click()
    page.get_by_role("button", name=words.copy.format(first.key)).click()
    expect(page.locator(".awesome-copy-status")).to_have_text(words.copied)
