"""Lists that cannot be read, and table options that select nothing, in real MkDocs
builds: one logged line each, naming the file or the option; a plain build goes on and
``--strict`` fails."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from sitebuild import LIST, build, make_site, row_keys

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

PAGE = ("# T\n\n```{awesome-papers}\n:section: optimization\n```\n\n"
        "```{awesome-papers}\n:source: llm-trainin.md\n```\n\n"
        "```{awesome-papers}\n:year: 2025-2023\n```\n")


def _bad_lists(folder: Path) -> list[str]:
    """A list file that is not UTF-8, a folder, a missing file and a binary file."""
    folder.mkdir()
    (folder / "latin1.md").write_bytes("## S\n\n- **Caf\u00e9**\n".encode("latin-1"))
    (folder / "folder.md").mkdir()
    (folder / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    return [str(folder / name) for name in ("latin1.md", "folder.md", "gone.md", "image.md")]


def _plain_build(yml: Path, out: Path) -> tuple[int, str]:
    """``mkdocs build`` without ``--strict``: its exit status and log."""
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(yml), "-d",
                             str(out)], capture_output=True, text=True, cwd=yml.parent,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    return result.returncode, result.stdout + result.stderr


def test_unreadable_lists_are_logged_errors_and_the_build_goes_on(tmp_path: Path) -> None:
    bad = _bad_lists(tmp_path / "bad")
    config = (f"site_name: t\nplugins:\n  - awesome-papers:\n"
              f"      sources: [{', '.join([str(LIST), *bad])}]\n")
    yml = make_site(tmp_path, config, {"index.md": PAGE})
    status, log = _plain_build(yml, tmp_path / "site")
    assert status == 0, log
    lines = [line for line in log.splitlines() if "[awesome." in line]
    folder = tmp_path / "bad"
    assert [line.split("-", 1)[1].strip() for line in lines if line.startswith("ERROR")] == [
        f"{folder}/latin1.md:3: list file is not UTF-8: byte 0xe9 at line 3, column 8 "
        "(byte offset 13); save it as UTF-8 [awesome.unreadable-list]",
        f"{folder}/folder.md: list file is a directory, not a file [awesome.unreadable-list]",
        f"{folder}/gone.md: list file not found [awesome.unreadable-list]",
        f"{folder}/image.md:3: list file looks binary (a NUL byte at line 3, byte offset 8), "
        "not a Markdown text file [awesome.unreadable-list]",
    ]
    warnings = [line.split("-", 1)[1].strip() for line in lines if line.startswith("WARNING")]
    assert warnings == [
        "index.md:7: unknown source 'llm-trainin.md' (did you mean 'llm-training.md' or "
        "'latin1.md'?) [awesome.unknown-source]",
        "index.md:11: year: '2025-2023' is an empty range: 2025 is after 2023 "
        "(did you mean '2023-2025'?) [awesome.bad-option]",
    ]
    assert "Traceback" not in log
    built = build(yml, tmp_path / "strict")
    assert built.returncode != 0 and "unreadable-list" in built.log
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'id="takase2023spike"' in page  # the readable list's table is there


def test_the_extension_alone_logs_an_unreadable_list(tmp_path: Path) -> None:
    (tmp_path / "list.md").write_bytes(b"\xff\xfe#\x00 \x00")
    config = ("site_name: t\nmarkdown_extensions:\n  - awesome_papers:\n"
              "      sources: [!relative $config_dir/list.md]\n")
    yml = make_site(tmp_path, config, {"index.md": "# T\n\n```{awesome-papers}\n```\n"})
    status, log = _plain_build(yml, tmp_path / "site")
    assert status == 0, log
    assert f"ERROR   -  {tmp_path}/list.md: list file is UTF-16 (it starts with a UTF-16 " \
           "byte-order mark); save it as UTF-8 [awesome.unreadable-list]" in log
    assert "Traceback" not in log
    assert row_keys(build(yml, tmp_path / "strict").page("")) == []
