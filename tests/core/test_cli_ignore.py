"""``check --select/--ignore``, the config files, and the summary line, as a maintainer
runs them in a repository."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

LIST = """\
# List

## Papers

- [Good Paper](https://arxiv.org/abs/2401.00001) - Ann Lee. [code](https://github.com/a/b.)
- [Click me](javascript:alert(1)) - Bob Ray.
- **Bad Id**, `arXiv, 2307.092881`
"""
_LINE = re.compile(r"^[^:\n]+:(\d+):\d+: \w+ (\S+)", re.M)
#: What the list above gives, by line and code.
EVERYTHING = {(5, "bad-url"), (6, "unsafe-link"), (7, "bad-arxiv-id"), (7, "prose-item")}


class Check:
    """One ``awesome-papers check`` run: status, the (line, code) reported, the summary."""

    def __init__(self, result: subprocess.CompletedProcess[str]) -> None:
        self.status = result.returncode
        self.stdout = result.stdout
        self.stderr = result.stderr
        self.found = {(int(m[1]), m[2]) for m in _LINE.finditer(result.stdout)}
        self.summary = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else ""


def check(cwd: Path, *args: str) -> Check:
    return Check(subprocess.run([sys.executable, "-m", "awesome_papers.cli", "check", *args],
                                capture_output=True, text=True, check=False, cwd=cwd))


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the list in ``lists/``; config files are added by each test."""
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "papers.md").write_text(LIST, encoding="utf-8")
    return tmp_path


def test_without_flags_everything_is_reported(repo: Path) -> None:
    result = check(repo, "lists/papers.md")
    assert result.found == EVERYTHING
    assert result.status == 1
    assert result.summary == "2 entries, 2 errors, 1 warning, 1 info"


def test_ignore_removes_codes_and_what_it_removes_no_longer_fails(repo: Path) -> None:
    result = check(repo, "lists/papers.md", "--ignore", "unsafe-link,bad-arxiv-id")
    assert result.found == {(5, "bad-url"), (7, "prose-item")}
    assert result.status == 0
    assert result.summary == "2 entries, 0 errors, 1 warning, 1 info (2 ignored)"
    repeated = check(repo, "lists/papers.md", "--ignore", "unsafe-link",
                     "--ignore", "bad-arxiv-id, prose-item")
    assert repeated.found == {(5, "bad-url")}
    assert repeated.summary == "2 entries, 0 errors, 1 warning (3 ignored)"


def test_select_narrows_and_ignore_removes_from_it(repo: Path) -> None:
    result = check(repo, "lists/papers.md", "--select", "bad-url,bad-arxiv-id")
    assert result.found == {(5, "bad-url"), (7, "bad-arxiv-id")}
    both = check(repo, "lists/papers.md", "--select", "bad-url,bad-arxiv-id",
                 "--ignore", "bad-arxiv-id")
    assert both.found == {(5, "bad-url")}
    assert both.status == 0 and check(repo, "lists/papers.md", "--select", "bad-url",
                                      "--strict").status == 1


def test_an_unknown_code_is_a_usage_error_with_a_did_you_mean(repo: Path) -> None:
    result = check(repo, "lists/papers.md", "--ignore", "bad-url,unsafe-lnk")
    assert result.status == 2
    assert "argument --ignore: unknown code 'unsafe-lnk' (did you mean 'unsafe-link'" \
        in result.stderr
    assert result.stdout == ""
    assert check(repo, "lists/papers.md", "--select", "bad_url").status == 2


def test_the_summary_counts_in_words(repo: Path) -> None:
    (repo / "clean.md").write_text(
        "# L\n\n- [One](https://arxiv.org/abs/2401.00001) - Ann Lee.\n"
        "- [Two](https://arxiv.org/abs/2401.00002) - Bob Ray.\n", encoding="utf-8")
    assert check(repo, "clean.md").summary == "2 entries, 0 errors, 0 warnings"
    (repo / "one.md").write_text(
        "# L\n\n- [One](https://arxiv.org/abs/2401.00001) - Ann Lee. "
        "[code](https://github.com/a/b.)\n", encoding="utf-8")
    assert check(repo, "one.md").summary == "1 entry, 0 errors, 1 warning"
    assert check(repo, "lists/papers.md", "--select", "unsafe-link").summary == \
        "2 entries, 1 error, 0 warnings (3 ignored)"


def test_the_config_file_above_the_list_sets_the_defaults(repo: Path) -> None:
    (repo / ".awesome-papers.toml").write_text(
        'ignore = ["unsafe-link", "bad-arxiv-id"]\n', encoding="utf-8")
    result = check(repo, "lists/papers.md")
    assert result.found == {(5, "bad-url"), (7, "prose-item")}
    assert result.status == 0 and "(2 ignored)" in result.summary
    # A flag replaces the file's value of the same name.
    flagged = check(repo, "lists/papers.md", "--ignore", "prose-item")
    assert flagged.found == {(5, "bad-url"), (6, "unsafe-link"), (7, "bad-arxiv-id")}
    # Run from elsewhere, the file is still found from the list's folder.
    assert check(repo / "lists", "papers.md").found == result.found


def test_pyproject_table_strict_and_which_file_wins(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "mine"\n\n[tool.awesome-papers]\n'
        'select = ["bad-url"]\nstrict = true\n', encoding="utf-8")
    result = check(repo, "lists/papers.md")
    assert result.found == {(5, "bad-url")}
    assert result.status == 1  # strict: the warning fails
    assert check(repo, "lists/papers.md", "--no-strict").status == 0

    # A pyproject.toml without the table is passed over; the nearest file wins.
    (repo / "lists" / "pyproject.toml").write_text('[project]\nname = "lists"\n',
                                                   encoding="utf-8")
    assert check(repo, "lists/papers.md").found == {(5, "bad-url")}
    (repo / "lists" / ".awesome-papers.toml").write_text('ignore = ["prose-item"]\n',
                                                         encoding="utf-8")
    nearest = check(repo, "lists/papers.md")
    assert nearest.found == EVERYTHING - {(7, "prose-item")}
    assert nearest.status == 1  # errors fail; strict came from the file passed over


def test_a_bad_setting_is_a_warning_at_its_line_and_the_rest_is_used(repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[project]\nname = "mine"\n\n[tool.awesome-papers]\n'
        'ignore = ["unsafe-link", "bad-urls"]\nselct = ["bad-url"]\nstrict = "yes"\n',
        encoding="utf-8")
    result = check(repo, "lists/papers.md")
    assert "pyproject.toml:5:1: warning bad-config unknown code 'bad-urls' in ignore " \
           "(did you mean 'bad-url'?)" in result.stdout
    assert "pyproject.toml:6:1: warning bad-config unknown key 'selct' " \
           "(did you mean 'select'?)" in result.stdout
    assert "pyproject.toml:7:1: warning bad-config strict must be true or false" \
        in result.stdout
    assert (6, "unsafe-link") not in result.found  # the good code is still ignored
    assert result.status == 1  # bad-arxiv-id

    (repo / "pyproject.toml").write_text('[tool.awesome-papers]\nignore = [\n',
                                         encoding="utf-8")
    broken = check(repo, "lists/papers.md")
    assert "pyproject.toml:" in broken.stdout and "is not valid TOML" in broken.stdout
    assert broken.found >= EVERYTHING  # nothing of it is used, the check goes on


def test_comments_and_codes_together(repo: Path) -> None:
    text = LIST.replace("- [Click me]",
                        "<!-- awesome-papers-disable-next-line unsafe-link -->\n- [Click me]")
    (repo / "lists" / "papers.md").write_text(text, encoding="utf-8")
    result = check(repo, "lists/papers.md", "--ignore", "prose-item", "--format", "github")
    titles = re.findall(r"title=([\w-]+)::", result.stdout)
    assert titles == ["bad-url", "bad-arxiv-id"]
    assert result.summary == "2 entries, 1 error, 1 warning (2 ignored)"
