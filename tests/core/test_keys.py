"""Keys are what people cite: ASCII, unique, deterministic and stable under list edits."""

from __future__ import annotations

import random
import re
from pathlib import Path

from awesome_papers import load, parse_text


def _items_by_section(text: str) -> list[tuple[str, list[str]]]:
    """The list split into (heading block, item blocks) so tests can move items."""
    blocks: list[tuple[str, list[str]]] = []
    for chunk in re.split(r"(?m)^(?=## )", text):
        head, *items = re.split(r"(?m)^(?=- )", chunk)
        blocks.append((head, [item if item.endswith("\n") else item + "\n" for item in items]))
    return blocks


def test_keys_are_scholar_style_ascii_and_unique(example_list: Path) -> None:
    keys = [e.key for e in load(example_list).entries]
    assert len(keys) == len(set(keys))
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", k) for k in keys)
    by_arxiv = {e.arxiv: e.key for e in load(example_list).entries if e.arxiv}
    assert by_arxiv["2504.13161"] == "diao2025climb"
    assert by_arxiv["2411.09009"] == "wijmans2024cut"


def test_accents_are_folded() -> None:
    text = "## S\n\n- **Über Alles**, `arXiv, 2401.00001`\n\n\t *Fabian Güra, Barlas Oğuz*\n"
    assert parse_text(text).entries[0].key == "gura2024uber"


def test_keys_stable_when_unrelated_entries_move_or_go(example_list: Path) -> None:
    text = example_list.read_text(encoding="utf-8")
    before = {(e.arxiv or e.url): e.key for e in parse_text(text).entries}
    rng = random.Random(7)
    blocks = _items_by_section(text)
    edited = []
    for head, items in blocks:
        kept = [item for item in items if rng.random() > 0.3]
        rng.shuffle(kept)
        edited.append(head + "".join(kept))
    after = {(e.arxiv or e.url): e.key for e in parse_text("".join(edited)).entries}
    assert after, "the edit kept some entries"
    for ident, key in after.items():
        assert before[ident] == key


def test_colliding_keys_get_letters_by_arxiv_id_not_position() -> None:
    one = "- **Scaling A**, `arXiv, 2401.00002`\n\n\t *Ann Lee*\n"
    two = "- **Scaling B**, `arXiv, 2401.00001`\n\n\t *Bob Lee*\n"
    forward = {e.arxiv: e.key for e in parse_text("## S\n\n" + one + two).entries}
    backward = {e.arxiv: e.key for e in parse_text("## S\n\n" + two + one).entries}
    assert forward == backward == {"2401.00001": "lee2024scalinga", "2401.00002": "lee2024scalingb"}
