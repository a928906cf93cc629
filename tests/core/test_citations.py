"""Citation labels and bibliography lines, as a reader sees them in either engine."""

from __future__ import annotations

import pytest
from growth import growth

from awesome_papers.citations import (
    BRACKETED,
    enclosure,
    label,
    short_title,
    split_refs,
    unknown_key,
)
from awesome_papers.model import Entry
from awesome_papers.nodes import reference_item

CLIMB = Entry(key="diao2025climb", kind="paper", title="CLIMB: Clustering-based Iterative Data",
              authors=("Shizhe Diao", "Yu Yang"), authors_truncated=True, year=2025)


def entry(*authors: str, truncated: bool = False, title: str = "T",
          year: int | None = 2024) -> Entry:
    return Entry(key="k", kind="paper", title=title, authors=authors,
                 authors_truncated=truncated, year=year)


def test_author_labels() -> None:
    assert label(CLIMB) == "Diao et al. 2025"
    assert label(entry("Abhay Kumar")) == "Kumar 2024"
    assert label(entry("Joey Hong", "Anca Dragan")) == "Hong and Dragan 2024"
    assert label(entry("Joey Hong", truncated=True)) == "Hong et al. 2024"
    assert label(entry("Anton van den Hengel")) == "van den Hengel 2024"
    assert label(entry("Dragan, Anca")) == "Dragan 2024"


def test_forms() -> None:
    assert label(CLIMB, "t") == "Diao et al. (2025)"
    assert label(CLIMB, "p") == "Diao et al. 2025"
    assert enclosure("p") == ("(", ")")
    assert enclosure("t") == enclosure("cite") == enclosure("title") == ("", "")
    assert label(CLIMB, "title") == CLIMB.title
    assert label(entry("Abhay Kumar", year=None), "t") == "Kumar"
    assert split_refs(" a ;b;; arXiv:2504.13161 ") == ["a", "b", "arXiv:2504.13161"]


def test_entries_without_authors_are_cited_by_a_short_title() -> None:
    assert short_title("The Ultra-Scale Playbook: Training LLMs on GPU Clusters") == (
        "The Ultra-Scale Playbook")
    assert short_title("Supercharging Training using float8 and FSDP2") == (
        "Supercharging Training using float8 and…")
    assert short_title("picotron") == "picotron"
    assert short_title(": no head") == ": no head"
    assert label(entry(title="How to Scale Your Model Across TPUs", year=None)) == (
        "How to Scale Your Model…")
    assert label(entry(title="Flash LLMs: Pipeline Parallel"), "t") == "Flash LLMs (2024)"
    assert label(Entry(key="p", kind="repo", title="", owner="huggingface")) == "huggingface"


def test_unknown_key_messages() -> None:
    assert unknown_key("diao2025clim", ["diao2025climb"]) == (
        "unknown key 'diao2025clim' (did you mean 'diao2025climb'?)")
    assert "separated by ';'" in unknown_key("a,b", ["a", "b"])


def test_bibliography_line_prints_the_title_once() -> None:
    line = reference_item(Entry(key="u", kind="link", title="The Ultra-Scale Playbook: Training",
                                url="https://hf.co/playbook", year=2025)).astext()
    assert line == "The Ultra-Scale Playbook: Training. 2025."
    assert reference_item(CLIMB).astext() == f"Diao et al. 2025. {CLIMB.title}. 2025."


#: Page text that would make a backtracking citation pattern slow.
HOSTILE = {
    "openers": lambda n: "[@" * (n // 2),
    "references without a close": lambda n: "[" + "@a;" * (n // 3),
    "spaces between references": lambda n: "[@a" + " " * n + ";@b",
    "backslashes": lambda n: "\\" * n + "[@a]",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_finding_citations_grows_linearly(name: str) -> None:
    ratio = growth(HOSTILE[name], lambda text: list(BRACKETED.finditer(text)), 3_000, 30_000)
    assert ratio < 30, f"{name}: 10x the input took {ratio:.0f}x the time"
