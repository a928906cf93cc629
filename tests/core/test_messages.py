"""The message catalogue: every language says everything English says, with the same
placeholders and the plural forms CLDR gives the language; sites' settings pick it."""

from __future__ import annotations

import json
import re
import string

import pytest
from babel import Locale
from docutils import nodes

from awesome_papers import STATIC_DIR
from awesome_papers.messages import BROWSER, CATALOGUES, browser_messages, pick
from awesome_papers.model import Entry
from awesome_papers.nodes import paper_table, table_json
from awesome_papers.query import COLUMNS

ENGLISH = CATALOGUES["en"].messages
PAPER = Entry(key="diao2025climb", kind="paper", title="CLIMB", authors=("Shizhe Diao",),
              year=2025)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def forms(message: str | dict[str, str]) -> list[str]:
    return [message] if isinstance(message, str) else list(message.values())


def test_the_shipped_languages_are_there() -> None:
    assert set(CATALOGUES) == {"en", "zh", "ja", "de", "fr", "es"}


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_every_language_has_every_message(code: str) -> None:
    messages = CATALOGUES[code].messages
    assert set(messages) == set(ENGLISH)
    assert {f"column.{column}" for column in COLUMNS} | set(BROWSER) <= set(messages)
    for name, message in messages.items():
        assert all(text.strip() for text in forms(message)), (code, name)
        assert isinstance(message, str) == isinstance(ENGLISH[name], str), (code, name)


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_plural_forms_are_cldr_categories_of_the_language(code: str) -> None:
    """Babel carries CLDR's plural rules, as browsers' ``Intl.PluralRules`` do."""
    catalogue = CATALOGUES[code]
    assert set(catalogue.plurals) == {*Locale.parse(code).plural_form.tags, "other"}
    for name, message in catalogue.messages.items():
        if not isinstance(message, str):
            assert set(message) == set(catalogue.plurals), (code, name)


def test_french_says_zero_and_one_in_the_singular_english_only_one() -> None:
    """What the catalogues' categories mean for the counts a reader sees."""
    def count_text(code: str, shown: int) -> str:
        message = CATALOGUES[code].messages["count"]
        assert isinstance(message, dict)
        category = Locale.parse(code).plural_form(shown)
        return message.get(category, message["other"]).format(shown=shown, total=23)

    assert count_text("fr", 0) == "0 article affiché sur 23"
    assert count_text("fr", 1) == "1 article affiché sur 23"
    assert count_text("fr", 2) == "2 articles affichés sur 23"
    assert count_text("en", 0) == "Showing 0 papers of 23"
    assert count_text("en", 1) == "Showing 1 paper of 23"
    assert count_text("de", 0) == "0 Publikationen von 23 angezeigt"


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_placeholders_match_english(code: str) -> None:
    for name, message in CATALOGUES[code].messages.items():
        wanted = set().union(*map(placeholders, forms(ENGLISH[name])))
        for text in forms(message):
            assert placeholders(text) == wanted, (code, name, text)


@pytest.mark.parametrize(("setting", "code"), [
    ("en", "en"), ("zh_CN", "zh"), ("zh-Hans", "zh"), ("zh_Hans_CN", "zh"), ("ja", "ja"),
    ("de_AT", "de"), ("DE", "de"), ("fr-CA", "fr"), ("es_MX", "es"),
    ("pt_BR", "en"), ("ko", "en"), ("", "en"), (None, "en"),
])
def test_a_region_variant_falls_back_to_its_language_and_unknown_to_english(
        setting: str | None, code: str) -> None:
    assert pick(setting) == code


@pytest.mark.parametrize("code", sorted(CATALOGUES))
def test_table_headers_and_script_words_come_from_the_catalogue(code: str) -> None:
    table = paper_table([], COLUMNS, language=code)  # no rows: every column keeps its header
    head = next(table.findall(nodes.thead))
    assert [cell.astext() for cell in head.findall(nodes.entry)] == [
        CATALOGUES[code].messages[f"column.{column}"] for column in COLUMNS]
    data = json.loads(table_json([PAPER], language=code))
    assert data["language"] == code
    assert data["messages"] == browser_messages(code)


def test_the_script_holds_no_words_of_its_own() -> None:
    script = (STATIC_DIR / "awesome-papers.js").read_text(encoding="utf-8")
    literals = re.findall(r'"(?:[^"\\\n]|\\.)*"|`[^`]*`', script)
    assert '"use strict"' in literals  # the pattern finds the script's strings
    for name in BROWSER:
        for text in forms(ENGLISH[name]):
            for words in filter(None, map(str.strip, re.split(r"\{\w+\}", text))):
                if words != "BibTeX":  # a name, the same in every language
                    assert not any(words in literal for literal in literals), (name, words)
