"""`awesome-papers add` as a list maintainer runs it: line ends and BOM kept, duplicates
refused with their line, --dry-run, the offline message, the section it picks."""

from __future__ import annotations

from pathlib import Path

import pytest
from add_support import assert_inserted

from awesome_papers.cli import main
from awesome_papers.parse import parse_text

LIST = """\
# Papers

## Training

- **ZClip: Adaptive Spike Mitigation for LLM Pre-Training**, `arXiv, 2504.02507`, \
[arxiv](http://arxiv.org/abs/2504.02507v1)

\t *Abhay Kumar, Louis Owen, Nilabhra Roy Chowdhury, ..., Middle Author D, Fabian Güra*
- **Gemstones: A Model Suite for Multi-Faceted Scaling Laws**, `arXiv, 2502.06857`, \
[arxiv](http://arxiv.org/abs/2502.06857v1)

\t *Sean McLeish, John Kirchenbauer, David Yu Miller, ..., Ashwinee Panda, Tom Goldstein*

## Tools

- [**OLMo**](https://github.com/allenai/OLMo) - allenai
"""
NEW_ITEM = (
    "- **Q-SFT: Q-Learning for Language Models via Supervised Fine-Tuning**, "
    "`arXiv, 2411.05193`, [arxiv](http://arxiv.org/abs/2411.05193v2)\n"
    "\n"
    "\t *Joey Hong, Anca Dragan, Middle Author C, ..., Seventh Author, Sergey Levine*\n")


@pytest.fixture
def paper_list(tmp_path: Path) -> Path:
    path = tmp_path / "papers.md"
    path.write_text(LIST, encoding="utf-8")
    return path


def _add(path: Path, cache: Path, *more: str) -> int:
    return main(["add", str(path), *more, "--cache", str(cache), "--offline"])


def test_adds_in_the_sections_style_after_its_last_entry(
        paper_list: Path, arxiv_cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = paper_list.read_bytes()

    assert _add(paper_list, arxiv_cache, "https://arxiv.org/abs/2411.05193v1") == 0

    assert assert_inserted(before, paper_list.read_bytes()).decode() == NEW_ITEM
    text = paper_list.read_text(encoding="utf-8")
    assert text.index(NEW_ITEM) < text.index("## Tools")
    assert f"{paper_list}:11: added 'Q-SFT" in capsys.readouterr().err


@pytest.mark.parametrize(("bom", "newline"), [(True, "\n"), (False, "\r\n"), (True, "\r\n")])
def test_line_ends_and_byte_order_mark_are_kept(paper_list: Path, arxiv_cache: Path,
                                                bom: bool, newline: str) -> None:
    before = (b"\xef\xbb\xbf" if bom else b"") + LIST.replace("\n", newline).encode()
    paper_list.write_bytes(before)

    assert _add(paper_list, arxiv_cache, "2411.05193") == 0

    after = paper_list.read_bytes()
    assert after.startswith(b"\xef\xbb\xbf") == bom
    assert after.count(b"\xef\xbb\xbf") == int(bom)
    assert assert_inserted(before, after) == NEW_ITEM.replace("\n", newline).encode()


def test_a_duplicate_is_refused_with_its_line(paper_list: Path, arxiv_cache: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    before = paper_list.read_bytes()

    assert _add(paper_list, arxiv_cache, "2504.02507v3") == 1

    err = capsys.readouterr().err
    assert f"already in the list: {paper_list}:5: 'ZClip: Adaptive Spike" in err
    assert paper_list.read_bytes() == before


def test_a_duplicate_title_is_refused(paper_list: Path, arxiv_cache: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    paper_list.write_text(LIST.replace("2504.02507", "2501.00001"), encoding="utf-8")

    assert _add(paper_list, arxiv_cache, "2504.02507") == 1
    assert f"already in the list: {paper_list}:5: 'ZClip" in capsys.readouterr().err


def test_dry_run_prints_the_diff_and_writes_nothing(
        paper_list: Path, arxiv_cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = paper_list.read_bytes()

    assert _add(paper_list, arxiv_cache, "2411.05193", "--dry-run") == 0

    out = capsys.readouterr().out
    assert out.startswith(f"--- {paper_list}\n+++ {paper_list}\n@@ ")
    added = [line[1:] for line in out.splitlines() if line.startswith("+") and
             not line.startswith("+++")]
    assert "\n".join(added) + "\n" == NEW_ITEM
    assert paper_list.read_bytes() == before
    assert sorted(p.name for p in paper_list.parent.iterdir()) == ["arxiv-cache.json",
                                                                    "papers.md"]


def test_offline_says_what_it_needs(paper_list: Path, tmp_path: Path,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    before = paper_list.read_bytes()
    cache = tmp_path / "none.json"

    assert _add(paper_list, cache, "2411.05193") == 1

    err = capsys.readouterr().err
    assert f"arXiv 2411.05193 is not in the cache {cache}" in err
    assert "awesome-papers enrich" in err
    assert paper_list.read_bytes() == before


def test_an_unreachable_api_says_what_it_needs(paper_list: Path, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["add", str(paper_list), "2411.05193", "--api-url", "http://127.0.0.1:9/api"])

    err = capsys.readouterr().err
    assert code == 1
    assert "could not be asked about 2411.05193 (cannot connect to 127.0.0.1:9" in err
    assert "give --cache FILE" in err


def test_not_an_arxiv_id(paper_list: Path, arxiv_cache: Path,
                         capsys: pytest.CaptureFixture[str]) -> None:
    assert _add(paper_list, arxiv_cache, "https://example.org/paper") == 2
    assert "is not an arXiv id or arxiv.org URL" in capsys.readouterr().err


def test_without_section_several_paper_sections_are_listed(
        tmp_path: Path, arxiv_cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "two.md"
    path.write_text(LIST.replace("## Tools\n\n- [**OLMo**](https://github.com/allenai/OLMo)"
                                 " - allenai\n", "## More\n\n" + NEW_ITEM), encoding="utf-8")

    assert _add(path, arxiv_cache, "2411.05194") == 2

    err = capsys.readouterr().err
    assert "several sections hold papers; name one with --section: training (line 3, " \
           "2 papers); more (line 12, 1 paper)" in err


def test_section_by_heading_text(paper_list: Path, arxiv_cache: Path) -> None:
    assert _add(paper_list, arxiv_cache, "2411.05193", "--section", "Training") == 0
    entry = next(e for e in parse_text(paper_list.read_text(encoding="utf-8")).entries
                 if e.arxiv == "2411.05193")
    assert entry.section == ("Papers", "Training")


def test_a_section_without_papers_is_refused(paper_list: Path, arxiv_cache: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert _add(paper_list, arxiv_cache, "2411.05193", "--section", "tools") == 1
    assert "section 'Tools' (line 12) has no papers of its own" in capsys.readouterr().err


def test_a_bad_cache_record_is_named(paper_list: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    cache = tmp_path / "cache.json"
    cache.write_text('{"format": 1, "papers": {"2411.05193": {"title": "", "authors": []}}}',
                     encoding="utf-8")

    assert _add(paper_list, cache, "2411.05193") == 1
    assert f"{cache}: record '2411.05193' dropped: 'title' is not a string" in \
        capsys.readouterr().err


def test_lone_carriage_returns_are_refused(paper_list: Path, arxiv_cache: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    paper_list.write_bytes(LIST.replace("\n", "\r").encode())

    assert _add(paper_list, arxiv_cache, "2411.05193") == 2
    assert "carriage returns without line feeds" in capsys.readouterr().err
