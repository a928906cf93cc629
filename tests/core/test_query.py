"""The filter words select what a reader asks for; bad values say what would be valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_papers import Collection, load, parse_query, select


@pytest.fixture(scope="module")
def collection(example_list: Path) -> Collection:
    return load(example_list)


def pick(collection: Collection, **options: str | None) -> list[str]:
    query, problems = parse_query({k.replace("_", "-"): v for k, v in options.items()})
    entries, more = select(collection, query)
    assert not problems + more
    return [e.key for e in entries]


def test_section_by_slug_or_title_takes_all_kinds(collection: Collection) -> None:
    by_slug = pick(collection, section="optimization")
    assert len(by_slug) == 23
    assert pick(collection, section="Optimization") == by_slug
    kinds = {collection.get(k).kind for k in by_slug}
    assert kinds == {"paper", "repo", "link"}


def test_second_heading_of_the_same_name(collection: Collection) -> None:
    assert pick(collection, section="llm-training-1")[0] == "diao2025climb"


def test_year_forms(collection: Collection) -> None:
    years = lambda keys: {collection.get(k).year for k in keys}  # noqa: E731
    assert years(pick(collection, year=">=2025")) == {2025}
    assert years(pick(collection, year="2023-2024")) == {2023, 2024}
    assert years(pick(collection, year="2023")) == {2023}
    assert years(pick(collection, year="<2024")) == {2023}


def test_author_is_accent_and_case_insensitive(collection: Collection) -> None:
    assert pick(collection, author="fabian gura") == ["kumar2025zclip"]


def test_flags_keys_sort_limit(collection: Collection) -> None:
    highlights = pick(collection, highlight=None)
    assert len(highlights) == 11
    assert all(collection.get(k).code for k in pick(collection, has_code=None))
    assert pick(collection, keys="wijmans2024cut arXiv:2504.13161") == [
        "wijmans2024cut", "diao2025climb"]
    newest = pick(collection, section="merge", sort="newest")
    assert [collection.get(k).arxiv for k in newest] == [
        "2502.09056", "2412.19512", "2412.06712", "2410.12613"]
    assert len(pick(collection, limit="3")) == 3
    assert pick(collection, match="muon") == ["x-muon"]


@pytest.mark.parametrize(("options", "code", "says"), [
    ({"section": "optimisation"}, "unknown-section", "did you mean 'optimization'"),
    ({"keys": "diao2025clmb"}, "unknown-key", "did you mean 'diao2025climb'"),
    ({"sort": "newst"}, "bad-option", "did you mean 'newest'"),
    ({"year": "last year"}, "bad-option", "2023-2025"),
    ({"kind": "article"}, "bad-option", "valid: paper, repo, link"),
    ({"colums": "title"}, "bad-option", "did you mean 'columns'"),
    ({"limit": "-1"}, "bad-option", "positive whole number"),
])
def test_bad_values_name_themselves_and_what_is_valid(
        collection: Collection, options: dict[str, str], code: str, says: str) -> None:
    query, problems = parse_query(options)
    _, more = select(collection, query)
    (problem,) = problems + more
    assert problem.code == code
    assert says in problem.message


def test_select_table_leaves_display_options_and_defaults_columns(
        collection: Collection) -> None:
    from awesome_papers.query import select_table

    entries, columns, problems = select_table(
        collection, {"section": "merge", "caption": "Merging", "class": "wide", "limit": "2"},
        columns=("title", "year"))
    assert [e.arxiv for e in entries] == ["2502.09056", "2412.19512"]
    assert columns == ("title", "year") and problems == []
    _, columns, _ = select_table(collection, {"columns": "key, title"})
    assert columns == ("key", "title")
