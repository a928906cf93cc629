"""Sections are found by what a person can type; ``sections`` shows them and their names."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_papers import load, parse_query, select
from awesome_papers.cli import main
from awesome_papers.model import Collection

# Headings as real lists write them: GitHub's slug of "Planning. 🧩♟️" ends in U+FE0F,
# a keycap leaves U+FE0F U+20E3, an emoji-only heading has an empty slug.
EMOJI_LIST = """\
# Agent Papers

## 🤖 Agent

### Planning. 🧩♟️

- [Plan Paper](https://arxiv.org/abs/2401.00001) - planning.

### Tool use. 👩‍🔧🔧

- [Tool Paper](https://arxiv.org/abs/2401.00002) - tools.

### 1️⃣ Pruning / Evicting

- [Prune Paper](https://arxiv.org/abs/2401.00003) - pruning.

## 🚀

- [Rocket Paper](https://arxiv.org/abs/2401.00004) - rockets.
"""


@pytest.fixture
def emoji_list(tmp_path: Path) -> Path:
    path = tmp_path / "agents.md"
    path.write_text(EMOJI_LIST, encoding="utf-8")
    return path


def titles(collection: Collection, section: str) -> list[str]:
    query, problems = parse_query({"section": section})
    entries, more = select(collection, query)
    assert not problems + more, problems + more
    return [e.title for e in entries]


def test_slugs_stay_githubs(emoji_list: Path) -> None:
    assert [s.slug for s in load(emoji_list).sections] == [
        "agent-papers", "-agent", "planning-\ufe0f", "tool-use-",
        "1\ufe0f\u20e3-pruning--evicting", ""]


@pytest.mark.parametrize(("typed", "found"), [
    ("planning", ["Plan Paper"]),
    ("Planning", ["Plan Paper"]),
    ("planning-\ufe0f", ["Plan Paper"]),  # the slug itself, pasted from a link
    ("Planning. 🧩♟️", ["Plan Paper"]),    # the heading itself
    ("tool use", ["Tool Paper"]),
    ("tool-use", ["Tool Paper"]),
    ("1-pruning-evicting", ["Prune Paper"]),
    ("1 Pruning / Evicting", ["Prune Paper"]),
    ("agent", ["Plan Paper", "Tool Paper", "Prune Paper"]),
    ("🚀", ["Rocket Paper"]),
])
def test_a_section_is_found_by_what_a_person_types(
        emoji_list: Path, typed: str, found: list[str]) -> None:
    assert titles(load(emoji_list), typed) == found


def test_an_exact_slug_wins_over_a_typed_form(tmp_path: Path) -> None:
    path = tmp_path / "two.md"
    path.write_text("## Planning\n\n- [A](https://a.org/a) - a.\n\n"
                    "## Planning ⚙️\n\n- [B](https://b.org/b) - b.\n", encoding="utf-8")
    assert titles(load(path), "planning") == ["A"]


def test_did_you_mean_suggests_only_typeable_names(emoji_list: Path) -> None:
    collection = load(emoji_list)
    query, _ = parse_query({"section": "plannig"})
    (problem,) = select(collection, query)[1]
    assert problem.message == "unknown section 'plannig' (did you mean 'planning'?)"
    query, _ = parse_query({"section": "xyzzy"})
    (problem,) = select(collection, query)[1]
    assert problem.message == ("unknown section 'xyzzy' (valid: agent-papers, agent, planning, "
                               "tool-use, 1-pruning-evicting)")
    assert problem.message.isascii()


def test_sections_command_shows_counts_slugs_and_names(
        emoji_list: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sections", str(emoji_list)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "  own   all  slug                                       heading",
        "    0     4  agent-papers                               Agent Papers",
        "    0     3    -agent                                   🤖 Agent  (type: agent)",
        "    1     1      planning-%EF%B8%8F                     Planning. 🧩♟️  (type: planning)",
        "    1     1      tool-use-                              Tool use. 👩‍🔧🔧"
        "  (type: tool-use)",
        "    1     1      1%EF%B8%8F%E2%83%A3-pruning--evicting  1️⃣ Pruning / Evicting"
        "  (type: 1-pruning-evicting)",
        "    1     1    ''                                       🚀  (no typeable name)",
    ]
    assert err == "6 sections\n"
    # What it says to type works.
    assert main(["list", str(emoji_list), "--section", "planning"]) == 0
    assert "Plan Paper" in capsys.readouterr().out


def test_sections_of_several_lists_are_grouped_by_list(
        emoji_list: Path, example_list: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sections", str(example_list), str(emoji_list)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == str(example_list)
    assert lines[2].split() == ["0", "107", "llm-training", "LLM", "Training"]
    assert lines[8].split() == ["23", "23", "optimization", "Optimization"]
    assert lines[lines.index(str(emoji_list)) + 1].split()[:3] == ["0", "4", "agent-papers"]
