"""Re-running ``site``: what it rewrites, what it leaves alone, what ``--check`` says."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sitegen import REFERENCE, site, snapshot

ENGINES = ("mkdocs", "sphinx")


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def listed(tmp_path: Path) -> Path:
    """A copy of the reference list the test may edit."""
    path = tmp_path / "list.md"
    shutil.copyfile(REFERENCE, path)
    return path


def pages_dir(folder: Path, engine: str) -> Path:
    return folder / "docs" if engine == "mkdocs" else folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_second_run_on_the_same_list_changes_no_file(listed: Path, tmp_path: Path,
                                                       engine: str) -> None:
    folder = tmp_path / "site"
    assert site(listed, "--engine", engine, "-o", folder).code == 0
    before = snapshot(folder)
    again = site(listed, "--engine", engine, "-o", folder)
    assert again.code == 0
    assert again.out == ""  # nothing created, updated or removed
    assert snapshot(folder) == before
    check = site(listed, "--engine", engine, "-o", folder, "--check")
    assert check.code == 0 and check.out == ""


def test_after_a_list_edit_only_the_changed_pages_it_owns_are_rewritten(
        listed: Path, tmp_path: Path, engine: str) -> None:
    folder = tmp_path / "site"
    site(listed, "--engine", engine, "-o", folder)
    pages = pages_dir(folder, engine)
    (pages / "toolkits.md").write_text("# My toolkits\n", "utf-8")  # the user's edit
    before = snapshot(folder)
    # A new section with one entry moved into it from Misc.
    edit(listed, "## Misc\n", "## Data\n\n- [**Datatrove**](https://github.com/huggingface/"
         "datatrove) - huggingface\n\n## Misc\n")

    check = site(listed, "--engine", engine, "-o", folder, "--check")
    assert check.code == 1
    assert snapshot(folder) == before  # --check writes nothing
    run = site(listed, "--engine", engine, "-o", folder)
    assert run.code == 0
    after = snapshot(folder)
    changed = {name for name in after if before.get(name) != after[name]}
    config = "mkdocs.yml" if engine == "mkdocs" else "index.md"  # where the nav is
    prefix = "docs/" if engine == "mkdocs" else ""
    assert changed == {f"{prefix}data.md", config, ".awesome-papers-site.json"}
    assert check.out.replace("would ", "") == run.out
    assert (pages / "toolkits.md").read_text("utf-8") == "# My toolkits\n"
    assert f"kept {prefix}toolkits.md: edited since awesome-papers site wrote it" in run.err


def test_files_it_did_not_write_are_left_alone(listed: Path, tmp_path: Path,
                                              engine: str) -> None:
    folder = tmp_path / "site"
    pages = pages_dir(folder, engine)
    pages.mkdir(parents=True)
    (pages / "index.md").write_text("# Home\n", "utf-8")
    run = site(listed, "--engine", engine, "-o", folder)
    assert (pages / "index.md").read_text("utf-8") == "# Home\n"
    assert "index.md: not written by awesome-papers site" in run.err


def test_a_renamed_section_leaves_a_note_linking_to_its_new_page(
        listed: Path, tmp_path: Path, engine: str) -> None:
    folder = tmp_path / "site"
    site(listed, "--engine", engine, "-o", folder)
    edit(listed, "## Merge\n", "## Model Merging\n")
    site(listed, "--engine", engine, "-o", folder)
    pages = pages_dir(folder, engine)
    note = (pages / "merge.md").read_text("utf-8")
    assert "orphan: true" in note
    assert "[Model Merging](model-merging.md)" in note
    assert "# Model Merging" in (pages / "model-merging.md").read_text("utf-8")
    manifest = json.loads((folder / ".awesome-papers-site.json").read_text("utf-8"))
    assert manifest["pages"][f"{'docs/' if engine == 'mkdocs' else ''}merge.md"]["moved"]


def test_a_page_the_user_adds_is_listed_under_more(listed: Path, tmp_path: Path,
                                                   engine: str) -> None:
    folder = tmp_path / "site"
    site(listed, "--engine", engine, "-o", folder)
    (pages_dir(folder, engine) / "notes.md").write_text("# Notes\n", "utf-8")
    run = site(listed, "--engine", engine, "-o", folder)
    assert "notes.md" not in run.out  # not ours to write
    nav = (folder / ("mkdocs.yml" if engine == "mkdocs" else "index.md")).read_text("utf-8")
    more = nav[nav.index("More"):]
    assert "notes" in more


def test_headings_cannot_become_markup(tmp_path: Path, engine: str) -> None:
    hostile = tmp_path / "list.md"
    # Escaped in the list, so the heading's text holds the markup characters themselves.
    hostile.write_text("# Awesome\n\n## \\<script>alert(1)\\</script> \\[@x] {paper}\\`y\\` "
                       "\\*z\\*\n\n"
                       "- [**A Paper**](https://arxiv.org/abs/2501.00001), 2025\n", "utf-8")
    folder = tmp_path / "site"
    assert site(hostile, "--engine", engine, "-o", folder).code == 0
    page = next(p for p in pages_dir(folder, engine).glob("*.md")
                if p.name not in ("index.md", "README.md"))
    heading = page.read_text("utf-8").split("\n# ", 1)[1].splitlines()[0]
    assert "<script>" not in heading and "&lt;script&gt;" in heading
    assert "[@x]" not in heading and "`y`" not in heading and "*z*" not in heading


@pytest.mark.parametrize(("text", "language", "mkdocs", "sphinx"), [
    ("# 计算机视觉论文\n\n这是一个关于计算机视觉的论文列表。\n\n## 目标检测\n\n"
     "- [**A Paper**](https://arxiv.org/abs/2501.00001), 2025\n",
     "zh", "language: zh", "language = 'zh_CN'"),
    ("# Vision papers\n\nA list of papers on vision.\n\n## Detection\n\n"
     "- [**A Paper**](https://arxiv.org/abs/2501.00001), 2025\n", None, None, None),
])
def test_the_language_is_set_only_for_a_list_clearly_not_in_english(
        tmp_path: Path, text: str, language: str | None, mkdocs: str | None,
        sphinx: str | None) -> None:
    path = tmp_path / "list.md"
    path.write_text(text, "utf-8")
    site(path, "--engine", "mkdocs", "-o", tmp_path / "mk")
    site(path, "--engine", "sphinx", "-o", tmp_path / "sp")
    config = (tmp_path / "mk" / "mkdocs.yml").read_text("utf-8")
    conf = (tmp_path / "sp" / "conf.py").read_text("utf-8")
    assert (mkdocs in config) if mkdocs else ("language:" not in config)
    assert (sphinx in conf) if sphinx else ("\nlanguage" not in conf)


def test_the_example_sites_are_what_site_writes(engine: str) -> None:
    """examples/build.sh runs `site` on the bundled list: the committed example sites are
    its output, so the build leaves the repository as it is."""
    folder = REFERENCE.parent / engine
    run = site(REFERENCE, "--engine", engine, "-o", folder, "--title", "LLM Training papers",
               "--check")
    assert (run.code, run.out) == (0, ""), run.out
