"""Parsed lists kept on disk: reused for the same content, never for changed content."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_papers import diskcache, loader, parse


@pytest.fixture
def fresh_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of its own, and no in-memory parses: like a new build process."""
    monkeypatch.setenv("AWESOME_PAPERS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(loader, "_PARSED", {})
    monkeypatch.setattr(loader, "_LOADED", {})
    return tmp_path


def test_second_process_reuses_the_parse_and_sees_edits(
        fresh_process: Path, example_list: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = fresh_process / "list.md"
    path.write_text(example_list.read_text(encoding="utf-8"), encoding="utf-8")
    first = loader.load(path, disk_cache=True)
    assert len(list((fresh_process / "cache").glob("*.pickle"))) == 1

    monkeypatch.setattr(loader, "_PARSED", {})
    monkeypatch.setattr(loader, "_LOADED", {})
    monkeypatch.setattr(parse, "parse_file", lambda *a: pytest.fail("parsed again"))
    again = loader.load(path, disk_cache=True)
    assert again.entries == first.entries and again.diagnostics == first.diagnostics

    monkeypatch.undo()
    monkeypatch.setenv("AWESOME_PAPERS_CACHE", str(fresh_process / "cache"))
    monkeypatch.setattr(loader, "_PARSED", {})
    monkeypatch.setattr(loader, "_LOADED", {})
    path.write_text(path.read_text(encoding="utf-8").replace("CLIMB:", "CLIMB 2:"),
                    encoding="utf-8")
    edited = loader.load(path, disk_cache=True)
    assert edited.get("arXiv:2504.13161").title.startswith("CLIMB 2:")


def test_an_unwritable_or_broken_cache_is_ignored(fresh_process: Path,
                                                  example_list: Path) -> None:
    folder = diskcache.folder()
    folder.parent.mkdir(parents=True, exist_ok=True)
    folder.write_text("not a folder")  # cannot be created: writes are skipped
    assert len(loader.load(example_list, disk_cache=True).entries) == 107
    folder.unlink()
    loader._PARSED.clear()
    loader._LOADED.clear()
    loader.load(example_list, disk_cache=True)
    for stored in folder.glob("*.pickle"):
        stored.write_bytes(b"garbage")
    loader._PARSED.clear()
    loader._LOADED.clear()
    assert len(loader.load(example_list, disk_cache=True).entries) == 107
