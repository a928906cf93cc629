"""Random and mutated lists: the parser never raises and never drops an item silently."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from awesome_papers import parse_text

CONSUMING = {"unrecognised-item", "prose-item", "no-title", "duplicate"}
field = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
                max_size=40)
arxiv_id = st.from_regex(r"[0-9]{4}\.[0-9]{4,6}", fullmatch=True)

TEMPLATES = [
    "- {star}**{a}**, `arXiv, {id}`, [arxiv](http://arxiv.org/abs/{id}v1), "
    "[pdf](http://arxiv.org/pdf/{id}v1.pdf), cication: [**-1**](None) \n\n\t *{b}, ..., {c}*"
    " · ([{c}](https://github.com/{a}/{b}) - {c}) ![Star](https://img.shields.io/x.svg)\n",
    "- {star}[**{a}**](https://github.com/{b}/{c}) - {b} ![Star](https://img.shields.io/x)\n",
    "- {star}[{a}]({b})  𝕏 \n",
    "- [{a}](https://example.com/{b}) - {c}\n",
    "- **{a}** ({year}), {b} et al. [[pdf]](https://arxiv.org/pdf/{id}.pdf)\n",
    "- {a} (**{b}'24**)[[paper]({c})][[code](https://github.com/{b}/{c})]\n",
    "- {a}\n",
]


@st.composite
def lists(draw: st.DrawFn) -> str:
    parts = ["# Title\n\n"]
    for n in range(draw(st.integers(1, 3))):
        parts.append(f"## Section {n}\n\n")
        for _ in range(draw(st.integers(0, 5))):
            template = draw(st.sampled_from(TEMPLATES))
            item = template.format(
                a=draw(field), b=draw(field), c=draw(field), id=draw(arxiv_id),
                star=draw(st.sampled_from(["", "🌟 "])), year=draw(st.integers(1900, 2099)))
            if draw(st.booleans()):  # mutate: cut out or splice in a run of characters
                i = draw(st.integers(2, max(2, len(item) - 1)))
                j = draw(st.integers(i, min(len(item), i + 30)))
                item = item[:i] + draw(field) + item[j:]
            parts.append(item if item.endswith("\n") else item + "\n")
        parts.append("\n")
    return "".join(parts)


def top_level_items(text: str) -> list[tuple[int, int]]:
    """(first, last) 1-based lines of every top-level list item, by markdown-it."""
    return [(tok.map[0] + 1, tok.map[1]) for tok in MarkdownIt("commonmark").parse(text)
            if tok.type == "list_item_open" and tok.level == 1 and tok.map]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists())
def test_every_item_is_an_entry_or_a_diagnostic(text: str) -> None:
    collection = parse_text(text, "random.md")
    marks = [e.line for e in collection.entries] + [
        d.line for d in collection.diagnostics if d.code in CONSUMING]
    for first, last in top_level_items(text):
        assert any(first <= m <= max(first, last) for m in marks), (first, text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_never_raises(text: str) -> None:
    parse_text(text)
