"""`add` round-trips on every writable shape: the item it writes, in the section's own
style, is read back by the parser as the same paper in the same shape."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from add_support import AUTHORS, TITLE, assert_inserted

from awesome_papers.add.writer import WRITABLE
from awesome_papers.cli import main
from awesome_papers.model import Entry
from awesome_papers.parse import parse_text

CORPUS_CASES = [
    # (list, section, the section's shape, --code)
    ("seedstyle-vlm-2024-11.md", "survey", "bold-title", None),
    ("numbered-bold-llm-agent-papers.md", "planning", "bold-title", None),
    ("nested-subbullets-rlhf.md", "2024", "title-link", None),
    ("more/emoji-label-subbullets-gui-agents.md", "recent-papers-from-most-recent-to-oldest",
     "title-link", None),
    ("numbered-llm-resources.md", "part-1-foundational-research", "leading-text", None),
    ("bold-year-pdf-deep-learning-papers.md", "new-papers", "leading-text", None),
    ("more/numbered-boldlink-badges-kv-cache.md", "2-merging", "bold-link-citation",
     "https://github.com/example/q-sft"),
    ("more/citation-first-bullets-machine-translation.md", None, "authors-first", None),
    ("more/daily-table-details-talking-face.md", "talking-face", "table-row", None),
    ("table-html-efficient-moe.md", None, "table-row", None),
]

#: Shapes no corpus section is mostly written in: small lists in their fixtures' style.
SMALL_LISTS = {
    "citation-first": """\
# Papers

## Deep Learning

- LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "**Deep learning**." Nature 521.7553 \
(2015): 436-444. [[pdf]](http://www.cs.toronto.edu/~hinton/absps/NatureDeepLearning.pdf)
- Sak, Haşim, et al. "**Fast and accurate recurrent neural network acoustic models for \
speech recognition**." arXiv preprint arXiv:1507.06947 (2015). [[pdf]](http://arxiv.org/pdf/1507.06947)
- Graves, Alex, et al. "**Speech recognition with deep recurrent neural networks**." \
arXiv preprint arXiv:1303.5778 (2013). [[pdf]](http://arxiv.org/pdf/1303.5778)
""",
    "italic-title": """\
# Papers

## Vision

- *Deep Residual Learning for Image Recognition* [[pdf]](https://arxiv.org/pdf/1512.03385.pdf)
- *Densely Connected Convolutional Networks* [[pdf]](https://arxiv.org/pdf/1608.06993.pdf)
""",
}


def _added(path: Path, arxiv: str) -> Entry:
    entries = [e for e in parse_text(path.read_text(encoding="utf-8-sig"), str(path)).entries
               if e.arxiv == arxiv]
    assert len(entries) == 1, entries
    return entries[0]


def _check(path: Path, before: bytes, shape: str, code: str | None) -> None:
    entry = _added(path, "2411.05193")
    assert entry.shape == shape
    assert entry.title == TITLE
    assert entry.year == 2024
    assert entry.code == ((code,) if code else ())
    # The names shown are the paper's, in order, however the section writes them.
    surnames = [n.split()[-1] for n in AUTHORS]
    shown = [n.split()[-1] for n in entry.authors]
    written_before = parse_text(before.decode("utf-8-sig")).entries
    assert bool(shown) == any(e.authors for e in written_before if e.shape == shape)
    assert all(s in surnames for s in shown)
    assert [surnames.index(s) for s in shown] == sorted(surnames.index(s) for s in shown)
    # Nothing else changed: the old bytes are the new ones with one run taken out.
    item = assert_inserted(before, path.read_bytes()).decode()
    # Nothing of another paper's comes along: every link is this paper's or its code's.
    for url in re.findall(r"https?://[^\s)\]>|]+", item):
        assert "2411.05193" in url or (code and code.rpartition("github.com/")[2] in url), url


@pytest.mark.parametrize(("name", "section", "shape", "code"), CORPUS_CASES,
                         ids=[c[0].rpartition("/")[2] for c in CORPUS_CASES])
def test_round_trip_on_corpus_lists(name: str, section: str | None, shape: str,
                                    code: str | None, corpus_files: list[Path],
                                    arxiv_cache: Path, copy_list: Callable[[Path], Path],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    path = copy_list(corpus_files[0].parent / name)
    before = path.read_bytes()
    args = ["add", str(path), "2411.05193", "--cache", str(arxiv_cache), "--offline"]
    args += ["--section", section] if section else []
    args += ["--code", code] if code else []

    assert main(args) == 0, capsys.readouterr().err
    assert f"as {shape}" in capsys.readouterr().err
    _check(path, before, shape, code)


@pytest.mark.parametrize("shape", sorted(SMALL_LISTS))
def test_round_trip_on_small_lists(shape: str, tmp_path: Path, arxiv_cache: Path) -> None:
    path = tmp_path / "papers.md"
    path.write_text(SMALL_LISTS[shape], encoding="utf-8")
    before = path.read_bytes()

    assert main(["add", str(path), "2411.05193", "--cache", str(arxiv_cache),
                 "--offline"]) == 0
    _check(path, before, shape, None)


def test_every_writable_shape_is_tested() -> None:
    tested = {c[2] for c in CORPUS_CASES} | set(SMALL_LISTS)
    assert tested == set(WRITABLE)


def test_a_section_in_a_shape_add_cannot_write_is_refused(
        corpus_files: list[Path], arxiv_cache: Path, copy_list: Callable[[Path], Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    path = copy_list(corpus_files[0].parent / "more/standalone-boldlink-badges-font-cot.md")
    before = path.read_bytes()

    assert main(["add", str(path), "2411.05193", "--cache", str(arxiv_cache), "--offline"]) == 1

    assert "the papers of section 'Paper List' are written as 'entry-paragraph', which add " \
           "cannot write" in capsys.readouterr().err
    assert path.read_bytes() == before
