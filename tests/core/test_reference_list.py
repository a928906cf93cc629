"""The reference list, read exactly: checked against facts taken from its raw text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from awesome_papers import Collection, load

# Independent of the parser: the seed's paper shape as one regular expression.
PAPER = re.compile(
    r"^- (?P<star>🌟 )?\*\*(?P<title>[^*]+?)\*\*, `arXiv, (?P<id>\d{4}\.\d{5})`.*?\n"
    r"(?:\s*\n)?\t \*(?P<authors>[^*\n]+)\*",
    re.M | re.S,
)
REPO = re.compile(r"^- (🌟 )?\[\*\*(?P<name>[^*]+)\*\*\]\((?P<url>[^)]+)\) - (?P<owner>\S+)", re.M)


@pytest.fixture(scope="module")
def collection(example_list: Path) -> Collection:
    return load(example_list)


@pytest.fixture(scope="module")
def text(example_list: Path) -> str:
    return example_list.read_text(encoding="utf-8")


def test_counts_by_kind(collection: Collection) -> None:
    kinds = [e.kind for e in collection.entries]
    assert (kinds.count("paper"), kinds.count("repo"), kinds.count("link")) == (66, 19, 22)


def test_remoe_is_one_entry_and_a_duplicate_diagnostic(collection: Collection) -> None:
    remoe = [e for e in collection.entries if e.arxiv == "2412.14711"]
    assert len(remoe) == 1
    dups = [d for d in collection.diagnostics if d.code == "duplicate"]
    assert len(dups) == 1
    assert dups[0].line == 241 and ":238" in dups[0].message


def test_every_item_outside_the_toc_is_accounted_for(collection: Collection, text: str) -> None:
    lines = enumerate(text.splitlines(), 1)
    item_lines = [n for n, line in lines if n > 17 and line.startswith("- ")]
    assert len(item_lines) == 108
    accounted = {e.line for e in collection.entries} | {
        d.line for d in collection.diagnostics if d.code in ("duplicate", "prose-item")}
    assert sorted(accounted) == item_lines


def test_titles_and_authors_exactly_as_written(collection: Collection, text: str) -> None:
    by_id = {e.arxiv: e for e in collection.entries if e.arxiv}
    matches = list(PAPER.finditer(text))
    assert len(matches) == 67
    for match in matches:
        entry = by_id[match["id"]]
        assert entry.title == " ".join(match["title"].split())
        shown = [a.strip() for a in match["authors"].split(",") if a.strip() != "..."]
        assert list(entry.authors) == shown
        assert entry.authors_truncated == ("..." in match["authors"])
        written = [a.strip() for a in match["authors"].split(",")]
        if "..." in written:
            assert entry.authors_cut == written.index("...")
        assert entry.highlight == bool(match["star"])


def test_wrapped_and_math_titles(collection: Collection) -> None:
    titles = {e.arxiv: e.title for e in collection.entries}
    assert titles["2504.13161"] == ("CLIMB: CLustering-based Iterative Data Mixture "
                                    "Bootstrapping for Language Model Pre-training")
    assert titles["2501.06252"] == "$\\text{Transformer}^2$: Self-adaptive LLMs"
    assert titles["2411.02853"] == (
        "ADOPT: Modified Adam Can Converge with Any $β_2$ with the Optimal Rate")


def test_paper_fields(collection: Collection) -> None:
    paper = collection.get("arXiv:2407.04620")
    assert paper is not None
    assert (paper.year, paper.month, paper.arxiv_version, paper.citations) == (2024, 7, 2, 19)
    assert paper.code == ("https://github.com/test-time-training/ttt-lm-pytorch",)
    assert [link.label for link in paper.links] == ["yueatsprograms.github"]
    assert paper.pdf == "http://arxiv.org/pdf/2407.04620v2.pdf"
    assert collection.get("arXiv:2504.13161").citations is None  # "-1" means unknown


def test_repositories_with_owners(collection: Collection, text: str) -> None:
    repos = {e.url: e for e in collection.entries if e.kind == "repo"}
    expected = list(REPO.finditer(text))
    assert len(expected) == 19
    for match in expected:
        assert repos[match["url"]].title == match["name"]
        assert repos[match["url"]].owner == match["owner"]
    picotron = repos["https://github.com/huggingface/picotron"]
    assert picotron.highlight
    assert picotron.description.startswith("The minimalist & most-hackable repository")
    gist = repos["https://gist.github.com/abacaj/9a567910c1a8663f7aa04520075e0ba8"]
    assert gist.owner == "abacaj"


def test_links_with_media_markers_and_labels(collection: Collection) -> None:
    links = {e.title: e for e in collection.entries if e.kind == "link"}
    assert links["Muon scaling again"].owner == "x" and links["Muon scaling again"].highlight
    assert links["Hacks to Make LLM Training Faster - Daniel Han, Unsloth AI"].owner == "video"
    assert links["Fixing Gradient Accumulation"].owner == "huggingface"
    tutorial = "[10 December 2024, NeurIPs] Tutorial on Language Modeling"
    assert tutorial in links  # nested brackets kept
    guide = links["The Practitioner’s Guide to the Maximal Update Parameterization"]
    assert guide.code == ("https://github.com/EleutherAI/nanoGPT-mup",)


def test_sections_and_slugs(collection: Collection) -> None:
    slugs = [s.slug for s in collection.sections]
    assert slugs == [
        "llm-training", "survey", "llm-training-1", "pretraining", "post-training",
        "finetuning", "optimization", "architecture", "mixture-of-experts", "merge",
        "online-learning", "toolkits", "misc",
    ]
    empty = {d.message for d in collection.diagnostics if d.code == "empty-section"}
    assert empty == {"section 'Post Training' has no entries",
                     "section 'Online Learning' has no entries"}


def test_trailing_dot_urls_are_reported_with_columns(collection: Collection, text: str) -> None:
    bad = [d for d in collection.diagnostics if d.code == "bad-url"]
    assert len(bad) == 6
    lines = text.splitlines()
    for d in bad:
        url = d.message.split("'")[1]
        assert lines[d.line - 1][d.column - 1:].startswith(url)
