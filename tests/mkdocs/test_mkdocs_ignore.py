"""An MkDocs build silences what ``check`` silences: comments, the config file, ``ignore:``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from sitebuild import build, make_site

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

LISTING = """\
# Test list

## Papers

- [Good Paper](https://arxiv.org/abs/2401.00001) - Ann Lee. [code](https://github.com/a/b.)
<!-- awesome-papers-disable-next-line bad-url -->
- [Other Paper](https://arxiv.org/abs/2401.00002) - Bob Ray. [code](https://github.com/c/d.)
- **Bad Id**, `arXiv, 2307.092881`
"""
PAGE = "# Papers\n\n```{awesome-papers}\n```\n"


def site(tmp_path: Path, ignore: str = "") -> Path:
    """A site whose plugin reports the list's warnings as warnings (``list_diagnostics: all``)."""
    (tmp_path / "list.md").write_text(LISTING, encoding="utf-8")
    config = ("site_name: t\nplugins:\n  - awesome-papers:\n      sources: [list.md]\n"
              f"      list_diagnostics: all\n{ignore}")
    return make_site(tmp_path, config, {"index.md": PAGE})


def list_warnings(log: str) -> list[str]:
    """The list's own warnings as ``list.md:LINE: code``."""
    return [f"list.md:{m[1]}: {m[2]}"
            for m in re.finditer(r"WARNING\s+-\s+\S*list\.md:(\d+):\d+: \w+ ([\w-]+)", log)]


def test_comments_and_the_config_file_silence_list_warnings(tmp_path: Path) -> None:
    (tmp_path / ".awesome-papers.toml").write_text('ignore = ["bad-arxiv-id"]\n',
                                                   encoding="utf-8")
    built = build(site(tmp_path), tmp_path / "out")
    assert list_warnings(built.log) == ["list.md:5: bad-url"], built.log
    assert built.returncode != 0  # --strict with list_diagnostics all: the one left fails it
    assert "Other Paper" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")

    # The plugin's ignore replaces the file's.
    built = build(site(tmp_path, "      ignore: [bad-url]\n"), tmp_path / "out")
    assert list_warnings(built.log) == ["list.md:8: bad-arxiv-id"], built.log

    built = build(site(tmp_path, "      ignore: [bad-url, bad-arxiv-id]\n"), tmp_path / "out")
    assert list_warnings(built.log) == []
    assert built.returncode == 0, built.log


def test_an_unknown_code_in_ignore_fails_the_config_check(tmp_path: Path) -> None:
    built = build(site(tmp_path, "      ignore: [bad-urls]\n"), tmp_path / "out")
    assert built.returncode != 0
    assert "unknown code 'bad-urls' (did you mean 'bad-url'?)" in built.log


@pytest.mark.parametrize("mode", ["summary", "none"])
def test_by_default_one_line_per_list_and_strict_passes(tmp_path: Path, mode: str) -> None:
    (tmp_path / "list.md").write_text(LISTING, encoding="utf-8")
    option = "" if mode == "summary" else "      list_diagnostics: none\n"
    config = ("site_name: t\nplugins:\n  - awesome-papers:\n      sources: [list.md]\n"
              + option)
    built = build(make_site(tmp_path, config, {"index.md": PAGE}), tmp_path / "out")
    assert built.returncode == 0, built.log  # --strict: the list's problems are not the page's
    assert list_warnings(built.log) == []
    summary = re.findall(r"INFO\s+-\s+(.*awesome-papers check.*)", built.log)
    if mode == "summary":
        assert len(summary) == 1, built.log
        assert re.fullmatch(r"\S*list\.md: 1 error, 1 warning; run `awesome-papers check "
                            r"\S*list\.md` to see them", summary[0]), summary
    else:
        assert summary == []
