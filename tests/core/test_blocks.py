# ruff: noqa: E501  (list snippets are written as lists write them)
"""What the block walker keeps whatever the layout: depth, group labels, sub-bullets,
tables of contents and front matter never lose an entry nor make noise."""

from __future__ import annotations

from awesome_papers import parse_text
from awesome_papers.model import Collection


def _warnings(collection: Collection) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in collection.diagnostics if d.severity != "info"]


def _chain(depth: int) -> str:
    """A paper under ``depth - 1`` nested group labels, then a section after the list."""
    labels = "".join("  " * n + f"- Topic {n}\n" for n in range(depth - 1))
    paper = "  " * (depth - 1) + "- [Deep Paper Title](https://arxiv.org/abs/2401.00001)\n"
    return f"## Deep\n\n{labels}{paper}\n## After\n\n- [Last Paper](https://arxiv.org/abs/2402.00002)\n"


def test_a_list_ten_deep_keeps_its_innermost_paper_and_the_next_section() -> None:
    collection = parse_text(_chain(10), "deep.md")
    deep, last = collection.entries
    assert deep.arxiv == "2401.00001"
    assert deep.section == ("Deep", *(f"Topic {n}" for n in range(9)))
    assert (last.title, last.section) == ("Last Paper", ("After",))
    assert _warnings(collection) == []


def test_a_list_sixty_deep_is_reported_and_read_flat_and_the_next_section_kept() -> None:
    collection = parse_text(_chain(60), "deep.md")
    titles = {e.title: e for e in collection.entries}
    assert titles["Deep Paper Title"].arxiv == "2401.00001"
    assert titles["Last Paper"].section == ("After",)
    deep = [d for d in collection.diagnostics if d.code == "nesting-too-deep"]
    assert [d.line for d in deep] == [52]  # Topic 49: the first line past the limit


def test_hostile_depth_stays_linear() -> None:
    block = "".join("  " * n + f"- x{n}\n" for n in range(60)) + "top\n"
    small = parse_text(block * 20, "h.md")
    large = parse_text(block * 200, "h.md")
    # Each deep place is read, and reported at most a few times whatever the length.
    count = [sum(d.code == "nesting-too-deep" for d in c.diagnostics) for c in (small, large)]
    assert 1 <= count[1] <= 4 and count[0] <= count[1]


def test_group_labels_become_sub_sections_without_moving_heading_anchors() -> None:
    text = """## Projects

- Agent Skills
  - [django-ai-plugins](https://github.com/vintasoftware/django-ai-plugins) - Django skills.
- Orchestration
  - [langgraph](https://github.com/langchain-ai/langgraph) - Orchestration framework.
- Empty Label
  - [Contents](#contents)

## Agent Skills

- [sentry-skills](https://github.com/getsentry/skills) - Debugging skills.
"""
    collection = parse_text(text, "groups.md")
    sections = {s.title: s for s in collection.sections}
    assert list(sections) == ["Projects", "Agent Skills", "Orchestration"]
    group = collection.sections[1]
    assert (group.level, group.parent, group.line) == (3, "projects", 3)
    # The heading keeps GitHub's anchor; the group label takes the next free one.
    assert collection.sections[-1].slug == "agent-skills"
    assert group.slug == "agent-skills-1"
    first, second, third = collection.entries
    assert first.section == ("Projects", "Agent Skills")
    assert first.section_slugs == ("projects", "agent-skills-1")
    assert second.section_slugs == ("projects", "orchestration")
    assert third.section_slugs == ("agent-skills",)
    assert _warnings(collection) == []


def test_labelled_sub_bullets_are_fields() -> None:
    text = """## Papers

- [StepJack: Benchmarking Computer-Use Agent Safety](https://example.org/stepjack)
    - Zhuoxin Zhan, Akbar Rafiey, Avery Ma
    - 🏛️ Institutions: Unknown
    - 📅 Date: August 06, 2026
    - 📑 Publisher: NeurIPS 2026
    - 🔑 Key: [benchmark], [safety]
    - 📖 TLDR: StepJack studies indirect prompt injection chains.
    - https://github.com/o/stepjack
- [Routing Is Least Learnable](https://arxiv.org/abs/2608.06171)
    - Jiaming Wei, Zekun Wu
    - 📅 Date: August 06, 2026
    - 📑 Publisher: arXiv
"""
    stepjack, routing = parse_text(text, "labels.md").entries
    assert stepjack.authors == ("Zhuoxin Zhan", "Akbar Rafiey", "Avery Ma")
    assert (stepjack.year, stepjack.month, stepjack.venue) == (2026, 8, "NeurIPS 2026")
    assert stepjack.description == "StepJack studies indirect prompt injection chains."
    assert stepjack.code == ("https://github.com/o/stepjack",)
    assert stepjack.links == ()
    # The arXiv id dates the paper; "arXiv" is no venue.
    assert (routing.year, routing.month, routing.venue) == (2026, 8, None)


def test_a_significance_note_describes_the_paper_and_is_no_author() -> None:
    text = """### 12. **Gated Recurrent Unit (GRU)**
   - **Paper**: *Learning Phrase Representations using RNN Encoder–Decoder* (2014) by Cho et al.
   - **Link**: [Paper](https://arxiv.org/abs/1406.1078)
   - **Significance**: GRUs are a simpler variant of LSTMs.
"""
    (entry,) = parse_text(text, "fields.md").entries
    assert entry.description == "GRUs are a simpler variant of LSTMs."
    assert entry.authors == ("Cho",)


def test_tables_of_contents_and_front_matter_make_no_noise() -> None:
    text = """---
layout: default
title: Papers
---

## Contents

* [New Papers](#new-papers) : Less than 6 months
* [Old Papers](#old-papers) : Before 2012
- [AI Papers of the Week (July 8 - July 14)](./#ai-papers-of-the-week-july-8)
- [AI Papers of the Week (July 1 - July 7)](./#ai-papers-of-the-week-july-1)

## New Papers

- **Deep Residual Learning for Image Recognition** (2016), K. He et al. [[pdf]](https://arxiv.org/pdf/1512.03385.pdf)
"""
    collection = parse_text(text, "toc.md")
    assert [s.title for s in collection.sections] == ["Contents", "New Papers"]
    assert [e.title for e in collection.entries] == ["Deep Residual Learning for Image Recognition"]
    assert collection.entries[0].line == 15  # front matter lines still count
    assert _warnings(collection) == []


def test_prose_paragraphs_with_links_are_no_entries() -> None:
    text = """# Awesome Things

_Libraries for deep learning. Also see [awesome-deep-learning](https://github.com/a/b)._

**To learn, you must forget**. This may probably be one of the most intuitive lessons we have from [the first paper](https://arxiv.org/abs/physics/0004057) on the method.

💡 **[Prompt4ReasoningPapers](https://github.com/zjunlp/Prompt4ReasoningPapers):** Reasoning with prompting.

💡 **[KnowledgeEditingPapers](https://github.com/zjunlp/KnowledgeEditingPapers):** Knowledge editing.

🌐 [Web (236)](https://example.org/?env=Web) · 🖥️ [Desktop (138)](https://example.org/?env=Desktop) · 📱 [Mobile (180)](https://example.org/?env=Mobile)
"""
    collection = parse_text(text, "prose.md")
    assert collection.entries == ()
    assert _warnings(collection) == []
