"""Every real list of ../shared/corpus parses, and its papers' arXiv ids are found."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt

from awesome_papers import arxiv, load

IDS = re.compile(r"(?:arxiv\.org/(?:abs|pdf|html)/|arXiv,? )([0-9]{4}\.[0-9]+)")


def _ids_in_items(text: str) -> set[str]:
    """arXiv ids written inside list items and table rows (not prose, not HTML)."""
    found: set[str] = set()
    depth = 0
    for tok in MarkdownIt("commonmark").enable("table").parse(text):
        if tok.type in ("bullet_list_open", "ordered_list_open", "table_open"):
            depth += 1
        elif tok.type in ("bullet_list_close", "ordered_list_close", "table_close"):
            depth -= 1
        elif tok.type == "inline" and depth:
            found.update(IDS.findall(tok.content))
    return found


def _found_ids(path: Path) -> set[str]:
    found = set()
    for entry in load(path).entries:
        if entry.arxiv:
            found.add(entry.arxiv)
        for url in [*(link.url for link in entry.links), entry.url or "", entry.pdf or ""]:
            cited = arxiv.from_url(url)
            if cited:
                found.add(cited[0])
    return found


def test_every_corpus_file_parses_and_every_arxiv_id_belongs_to_an_entry(
        corpus_files: list[Path]) -> None:
    for path in corpus_files:
        in_text = _ids_in_items(path.read_text(encoding="utf-8"))
        malformed = {i for i in in_text if not arxiv.is_well_formed(i)}
        missing = in_text - malformed - _found_ids(path)
        assert not missing, f"{path.name}: ids with no entry: {sorted(missing)[:5]}"
        reported = " ".join(d.message for d in load(path).diagnostics if d.code == "bad-arxiv-id")
        assert all(i in reported for i in malformed), f"{path.name}: {malformed} not reported"


def test_truncated_titles_become_entries_with_a_diagnostic(corpus_files: list[Path]) -> None:
    gui = next(p for p in corpus_files if p.name == "seedstyle-gui-agent.md")
    collection = load(gui)
    broken = [d for d in collection.diagnostics if d.code == "broken-title"]
    assert [d.line for d in broken if "lost its first line" in d.message] == [335, 440, 456]
    entry = collection.get("arXiv:2406.08451")
    assert entry is not None and entry.title == "Mobile Devices"
    # The corrupted repository line: its garbled link text is reported, the glued
    # entry after it split off and reported too.
    garbled = [d for d in broken if d.line == 414]
    assert garbled and "holds broken Markdown" in garbled[0].message
    assert any(d.code == "glued-entries" and d.line == 414 for d in collection.diagnostics)


def test_truncated_title_after_a_repository_is_its_own_entry(corpus_files: list[Path]) -> None:
    reasoning = next(p for p in corpus_files if p.name == "seedstyle-llm-reasoning-2026.md")
    collection = load(reasoning)
    assert [d.line for d in collection.diagnostics if d.code == "broken-title"] == [56, 108]
    paper = collection.get("arXiv:2510.08189")
    assert (paper.title, paper.line, paper.kind) == ("and Depth?", 56, "paper")
    repo = next(e for e in collection.entries if e.title == "DeepSeek-Math-V2")
    assert repo.kind == "repo" and repo.arxiv is None


def test_glued_entries_are_split(corpus_files: list[Path]) -> None:
    gui = next(p for p in corpus_files if p.name == "seedstyle-gui-agent.md")
    collection = load(gui)
    glued = [d for d in collection.diagnostics if d.code == "glued-entries"]
    assert glued and glued[0].line == 410
    titles = {e.title for e in collection.entries}
    macos = "Tell your MacBook what to do, and it's done—across ANY app."
    assert {"Awesome-GUI-Agent", macos} <= titles


def test_other_shapes(corpus_files: list[Path]) -> None:
    by_name = {p.name: p for p in corpus_files}
    bold = load(by_name["bold-year-pdf-deep-learning-papers.md"])
    dqn = bold.get("arXiv:1312.5602")
    assert dqn is not None and dqn.title.startswith("Playing atari with deep reinforcement")
    numbered = load(by_name["numbered-llm-resources.md"])
    assert any(d.code == "bad-arxiv-id" and "2307.092881" in d.message
               for d in numbered.diagnostics)
    radiology = load(by_name["venue-tags-radiology-report-generation.md"])
    cvpr26 = [e for e in radiology.entries if e.venue == "CVPR'26"]
    assert len(cvpr26) > 5  # the bold venue line heads the list after it
    assert radiology.get("arXiv:2405.19654").venue == "ICML'24"
    python = load(by_name["classic-awesome-python.md"])
    assert not [e for e in python.entries if e.arxiv]
    assert sum(e.kind == "repo" for e in python.entries) > 400


def test_paper_tables_read_the_title_column_and_rows_broken_over_lines(
        corpus_files: list[Path]) -> None:
    table = next(p for p in corpus_files if p.name == "table-open-vocab-detection.md")
    collection = load(table)
    zsd = collection.get("arXiv:1804.04340")
    assert (zsd.title, zsd.venue) == ("Zero-Shot Object Detection", "ECCV'18")  # not "ZSDv1"
    rovit = collection.get("arXiv:2305.07011")
    assert rovit.title.startswith("Region-Aware Pretraining for Open-Vocabulary")
    # "...Vision Transformers" then "|N/A|" on the next line: one row, no stray item
    assert not [d for d in collection.diagnostics if d.line in (170, 175, 211)]


def test_prose_bullets_are_reported_not_invented_as_papers(corpus_files: list[Path]) -> None:
    rlhf = next(p for p in corpus_files if p.name == "nested-subbullets-rlhf.md")
    collection = load(rlhf)
    assert not [e for e in collection.entries if e.line == 53]
    (note,) = [d for d in collection.diagnostics if d.line == 53]
    assert note.code == "prose-item" and "Inverse Reinforcement Learning" in note.message


def test_titles_wrapped_onto_an_unindented_line_keep_their_space(
        corpus_files: list[Path]) -> None:
    numbered = next(p for p in corpus_files if p.name == "numbered-llm-resources.md")
    collection = load(numbered)
    assert collection.get("arXiv:2305.09617").title == (
        "Towards Expert-Level Medical Question Answering with Large Language Models")
    rwkv = collection.get("arXiv:2305.13048")  # "by Peng et" / "al.," over two lines
    assert (rwkv.authors, rwkv.authors_truncated, rwkv.year) == (("Peng",), True, 2023)


def test_field_lists_give_one_entry_per_paper(corpus_files: list[Path]) -> None:
    fields = next(p for p in corpus_files if p.name == "nested-link-subitems-ai-papers.md")
    by_line = {e.line: e for e in load(fields).entries}
    perceptron, backprop = by_line[33], by_line[34]  # two **Paper** bullets, one **Link**
    assert perceptron.title.startswith("The Perceptron: A Probabilistic Model")
    assert (perceptron.year, perceptron.authors) == (1958, ("Frank Rosenblatt",))
    assert perceptron.url.endswith("Rosenblatt1958.pdf")
    assert backprop.title == "Learning representations by back-propagating errors"
    assert backprop.url == "https://www.nature.com/articles/323533a0#preview"
    elman = by_line[44]  # "Finding Structure in Time by Jeffrey L. Elman (1990)", no italics
    assert (elman.title, elman.authors, elman.year) == (
        "Finding Structure in Time", ("Jeffrey L. Elman",), 1990)


def test_by_in_a_title_is_not_an_author_line(corpus_files: list[Path]) -> None:
    table = next(p for p in corpus_files if p.name == "table-open-vocab-detection.md")
    betrayed = load(table).get("arXiv:2301.00805")
    assert betrayed.title.startswith("Betrayed by Captions: Joint Caption Grounding")
    assert betrayed.authors == ()


def test_venue_and_year_without_backticks_are_not_authors(corpus_files: list[Path]) -> None:
    """``**Title**, AAAI, 2023, [arxiv](…)``: the venue tick without its backticks; the
    italic line below still gives the authors."""
    robotics = next(p for p in corpus_files if p.name == "seedstyle-robotics-nobacktick.md")
    collection = load(robotics)
    data = collection.get("arXiv:2309.07974")
    assert (data.venue, data.year) == ("AAAI", 2023)
    assert data.authors[:2] == ("Jack Lanchantin", "Sainbayar Sukhbaatar")
    workshop = collection.get("arXiv:2307.09668")
    assert workshop.venue == "workshop on reincarnating reinforcement learning at iclr 2023"
    assert workshop.authors[0] == "Norman Di Palo"
    assert not [e for e in collection.entries if any(a.isdigit() for a in e.authors)]


def test_a_dated_news_line_announces_its_link(corpus_files: list[Path]) -> None:
    """``- **[2024-03]** We release a new paper: "[KnowAgent: …](arxiv)"``: the date is no
    title; the link is the paper, and a news line without a link is reported."""
    agents = next(p for p in corpus_files if p.name == "numbered-bold-llm-agent-papers.md")
    collection = load(agents)
    knowagent = collection.get("arXiv:2403.03101")
    assert knowagent.title == "KnowAgent: Knowledge-Augmented Planning for LLM-Based Agents"
    assert knowagent.authors[0] == "Yuqi Zhu"  # from the paper's own entry, merged
    assert not [e for e in collection.entries if e.title.startswith("[20")]
    (note,) = [d for d in collection.diagnostics if d.line == 24]
    assert note.code == "prose-item"


def test_a_url_in_trailing_text_is_no_author(corpus_files: list[Path]) -> None:
    """``[`IDEA Research`, https://www.idea.edu.cn/]`` after an entry names no author."""
    detection = next(p for p in corpus_files if p.name == "venue-bold-object-detection.md")
    entries = load(detection).entries
    dn_detr = next(e for e in entries if e.title.startswith("DN-DETR: Accelerate"))
    assert dn_detr.authors == () and dn_detr.year == 2022
    assert not [e for e in entries if any("://" in a for a in e.authors)]


def test_a_title_with_only_an_emphasised_phrase_is_no_paper(corpus_files: list[Path]) -> None:
    """``- **< 6 months** : *New Papers* (by discussion)``: italics alone are no authors."""
    bold = next(p for p in corpus_files if p.name == "bold-year-pdf-deep-learning-papers.md")
    collection = load(bold)
    assert not [e for e in collection.entries if e.line in (23, 24, 27, 33)]
    notes = {d.line: d.code for d in collection.diagnostics if d.line in (23, 24, 27, 33)}
    assert notes == dict.fromkeys((23, 24, 27, 33), "prose-item")


def test_a_table_title_wrapped_mid_cell_is_joined(corpus_files: list[Path]) -> None:
    """``…|Parameter-efficient Fine-tuning in Hyperspherical`` then ``Space for …|N/A|``:
    the line without a leading ``|`` finishes the title cell."""
    table = next(p for p in corpus_files if p.name == "table-open-vocab-detection.md")
    collection = load(table)
    hclip = collection.get("arXiv:2405.18840")
    assert hclip.title == ("Parameter-efficient Fine-tuning in Hyperspherical Space for "
                           "Open-vocabulary Semantic Segmentation")
    glip = next(e for e in collection.entries if e.title.startswith("GLIPv2"))
    assert glip.title == "GLIPv2: Unifying Localization and VL Understanding"
    assert glip.code == ("https://github.com/microsoft/GLIP",)
    assert not [d for d in collection.diagnostics if d.line == 323]


def test_a_venue_before_the_title_is_read_as_the_venue(corpus_files: list[Path]) -> None:
    """``[(CVPR 2016) Cityscapes Dataset](url)``: venue CVPR 2016, year 2016, the title."""
    detection = next(p for p in corpus_files if p.name == "venue-bold-object-detection.md")
    entries = {e.line: e for e in load(detection).entries}
    assert (entries[20].title, entries[20].venue, entries[20].year) == (
        "Cityscapes Dataset", "CVPR 2016", 2016)
    assert (entries[22].venue, entries[22].year) == (None, 2018)  # "(arxiv 2018)": no venue
    assert not [e for e in entries.values() if re.match(r"\(\w+ \d{4}\)", e.title)]
