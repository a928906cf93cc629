"""Parsed lists kept on disk: reused for the same content, never for changed content,
and never a way to run code."""

from __future__ import annotations

import hashlib
import json
import logging
import pickle
from pathlib import Path

import pytest

from awesome_papers import diskcache, loader, parse
from awesome_papers.parse.draft import Parsed


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
    assert len(list((fresh_process / "cache").glob("*.json"))) == 1

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
    for stored in folder.glob("*.json"):
        stored.write_bytes(b"garbage")
    loader._PARSED.clear()
    loader._LOADED.clear()
    assert len(loader.load(example_list, disk_cache=True).entries) == 107


def _stored(path: Path) -> Path:
    """The cache file the loader uses for this list as it is now."""
    return diskcache._file(str(path), hashlib.sha256(path.read_bytes()).hexdigest())


def _parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record each real parse, in a process with no parse in memory."""
    monkeypatch.setattr(loader, "_PARSED", {})
    monkeypatch.setattr(loader, "_LOADED", {})
    calls: list[str] = []
    real = parse.parse_file

    def counted(text: str, path: str) -> Parsed:
        calls.append(path)
        return real(text, path)

    monkeypatch.setattr(parse, "parse_file", counted)
    return calls


class _Bomb:
    """Unpickling this creates a marker file: what a planted pickle could do."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return open, (str(self.marker), "w")


def test_a_planted_pickle_is_never_run(fresh_process: Path, example_list: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = fresh_process / "list.md"
    path.write_bytes(example_list.read_bytes())
    bomb = pickle.dumps(_Bomb(fresh_process / "pwned"))
    target = _stored(path)
    target.parent.mkdir(parents=True)
    for planted in (target, target.with_suffix(".pickle"), target.parent / "old.pickle"):
        planted.write_bytes(bomb)
    calls = _parses(monkeypatch)
    assert len(loader.load(path, disk_cache=True).entries) == 107
    assert calls == [str(path)]  # parsed, not read from the planted file
    assert not (fresh_process / "pwned").exists()
    pickle.loads(bomb)  # the bomb is live: unpickled, it does leave its mark
    assert (fresh_process / "pwned").exists()


def test_corrupt_or_foreign_cache_files_are_ignored(
        fresh_process: Path, example_list: Path, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    path = fresh_process / "list.md"
    path.write_bytes(example_list.read_bytes())
    first = loader.load(path, disk_cache=True)
    target = _stored(path)
    good = target.read_bytes()
    header, body = good.split(b"\n", 1)

    def signed(head: dict[str, object], payload: bytes) -> bytes:
        head = {**head, "sha256": hashlib.sha256(payload).hexdigest()}
        return json.dumps(head).encode() + b"\n" + payload

    head = json.loads(header)
    renamed = [[name, [f if f != "drafts" else "items" for f in fields]]
               for name, fields in head["types"]]
    foreign = [["os:system", ["command"]], *head["types"][1:]]
    variants = {
        "flipped byte": good[:-20] + bytes([good[-20] ^ 1]) + good[-19:],
        "truncated": good[: len(good) // 2],
        "not json": b"\x80\x04garbage",
        "other format": signed({**head, "format": 999}, body),
        "a field renamed": signed({**head, "types": renamed}, body),
        "a class outside the package": signed({**head, "types": foreign}, body),
        "a list, not a parse": signed(head, b'["L", 1, 2]'),
    }
    for name, data in variants.items():
        target.write_bytes(data)
        calls = _parses(monkeypatch)
        with caplog.at_level(logging.DEBUG, logger="awesome_papers.diskcache"):
            again = loader.load(path, disk_cache=True)
        assert calls == [str(path)], name
        assert again.entries == first.entries, name
        assert f"ignoring {target}" in caplog.text, name
        assert target.read_bytes() == good, name  # and written again, whole
        caplog.clear()


def test_the_reference_list_round_trips_equal(example_list: Path, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWESOME_PAPERS_CACHE", str(tmp_path))
    parsed = parse.parse_file(example_list.read_text(encoding="utf-8"), str(example_list))
    diskcache.write("list", "digest", parsed)
    back = diskcache.read("list", "digest", Parsed)
    assert back == parsed and back is not parsed
    assert parse.finish([back]) == parse.finish([parsed])
    stored = next(tmp_path.glob("*.json"))
    assert b"pickle" not in stored.read_bytes() and stored.read_bytes()[:1] == b"{"
    assert not list(tmp_path.glob("*.tmp"))
