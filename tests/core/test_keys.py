"""Keys are what people cite: ASCII, unique, deterministic and stable under list edits."""

from __future__ import annotations

import random
import re
from pathlib import Path

from growth import growth
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_papers import load, parse_text
from awesome_papers.parse.draft import Draft
from awesome_papers.parse.keys import assign_keys, base_key


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


def test_colliding_keys_told_apart_by_their_own_title_words_or_id() -> None:
    one = "- **Scaling A**, `arXiv, 2401.00002`\n\n\t *Ann Lee*\n"
    two = "- **Scaling B**, `arXiv, 2401.00001`\n\n\t *Bob Lee*\n"
    forward = {e.arxiv: e.key for e in parse_text("## S\n\n" + one + two).entries}
    backward = {e.arxiv: e.key for e in parse_text("## S\n\n" + two + one).entries}
    # "A" is a stop word: that title gives nothing more, its arXiv id tells it apart.
    assert forward == backward == {"2401.00001": "lee2024scalingb",
                                   "2401.00002": "lee2024scaling-2401-00002"}


def _papers(*items: tuple[str, str]) -> str:
    return "## S\n\n" + "".join(f"- **{title}**, `arXiv, {ident}`\n\n\t *Ann Lee*\n"
                                for title, ident in items)


THREE = [("Same Foo Networks", "2401.00002"), ("Same Bar Models", "2401.00003"),
         ("Same Baz Agents", "2401.00004")]


def test_three_papers_keep_their_keys_when_one_goes_or_an_earlier_one_comes() -> None:
    keys = {e.arxiv: e.key for e in parse_text(_papers(*THREE)).entries}
    assert keys == {"2401.00002": "lee2024samefoo", "2401.00003": "lee2024samebar",
                    "2401.00004": "lee2024samebaz"}
    without_first = {e.arxiv: e.key for e in parse_text(_papers(*THREE[1:])).entries}
    assert without_first == {k: v for k, v in keys.items() if k != "2401.00002"}
    earlier = [("Same Qux Data", "2401.00001"), *THREE]
    with_earlier = {e.arxiv: e.key for e in parse_text(_papers(*earlier)).entries}
    assert with_earlier == {**keys, "2401.00001": "lee2024samequx"}


def test_papers_without_authors_start_with_a_title_word() -> None:
    text = ("## S\n\n- **CLIMB: A Benchmark**, `arXiv, 2504.00001`\n"
            "- **CLIMB: Data Mixtures**, `arXiv, 2504.00002`\n"
            "- **Learning to Rank**, `arXiv, 2504.00003`\n"
            "- **学习**, `arXiv, 2504.00004`\n")
    keys = [e.key for e in parse_text(text).entries]
    assert keys == ["climb2025benchmark", "climb2025data", "learning2025", "paper2025"]
    assert not any(key.startswith("anon") for key in keys)


#: Few names, years and words, so keys collide often; no word is a prefix of another, so
#: two different word sequences never spell the same key.
_LASTS = [None, "Lee", "Kim"]
_WORDS = ["same", "foo", "bar", "baz", "qux"]


@st.composite
def _drafts(draw: st.DrawFn, serial: int) -> Draft:
    """A paper; ``serial`` gives it an arXiv id or a URL of its own, as dedup ensures."""
    last = draw(st.sampled_from(_LASTS))
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6))
    with_id = draw(st.booleans())
    return Draft(kind="paper", title=" ".join(w.capitalize() for w in words),
                 authors=[f"Ann {last}"] if last else [],
                 year=draw(st.sampled_from([None, 2023, 2024])),
                 arxiv=f"2401.{serial:05d}" if with_id else None,
                 url=None if with_id else f"https://x.org/paper/{serial}")


@st.composite
def _lists(draw: st.DrawFn) -> list[Draft]:
    return [draw(_drafts(serial)) for serial in range(draw(st.integers(1, 12)))]


def _keyed(drafts: list[Draft]) -> dict[str, str]:
    keys = assign_keys(drafts)
    assert len(set(keys)) == len(keys)
    assert all(re.fullmatch(r"[a-z][a-z0-9-]*", k) and not k.startswith("anon") for k in keys)
    return {(d.arxiv or d.url or ""): k for d, k in zip(drafts, keys, strict=True)}


def _next_word(draft: Draft) -> str | None:
    words = draft.title.lower().split()
    return words[1] if len(words) > 1 else None


@settings(max_examples=400, deadline=None)
@given(_lists(), _drafts(99999), st.integers(0, 12), st.randoms(use_true_random=False))
def test_an_edit_renames_only_entries_that_collide_with_it(
        drafts: list[Draft], extra: Draft, position: int, rnd: random.Random) -> None:
    """Reordering renames nothing; adding (or, read backwards, removing) an entry renames
    only entries with its base key, and of those only one that was alone with it or
    whose next title word the entry shares."""
    edited = [*drafts[:position], extra, *drafts[position:]]
    before, after = _keyed(drafts), _keyed(edited)
    shuffled = list(edited)
    rnd.shuffle(shuffled)
    assert _keyed(shuffled) == after
    for draft in drafts:
        ident = draft.arxiv or draft.url or ""
        if before[ident] == after[ident]:
            continue
        assert base_key(draft) == base_key(extra), (before[ident], after[ident])
        alone = sum(base_key(other) == base_key(draft) for other in drafts) == 1
        assert alone or _next_word(draft) == _next_word(extra), (before[ident], after[ident])


def test_key_time_grows_linearly_with_colliding_entries() -> None:
    """Ten times the entries sharing one key (nothing to tell them apart, or their
    title words) take about ten times as long, not a hundred (growth, not wall time)."""
    def same(n: int) -> list[Draft]:
        return [Draft(kind="paper", title="Same Words Here And More", authors=["Ann Lee"],
                      year=2024) for _ in range(n)]

    def words(n: int) -> list[Draft]:
        return [Draft(kind="paper", title=f"Same Words Here {i}", authors=["Ann Lee"],
                      year=2024, url=f"https://x.org/{i}") for i in range(n)]

    for make in (same, words):
        ratio = growth(make, assign_keys, 2_000, 20_000)
        assert ratio < 30, f"{make.__name__}: 10x entries took {ratio:.0f}x"
