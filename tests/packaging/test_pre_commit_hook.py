"""The ``awesome-papers-check`` hook of ``.pre-commit-hooks.yaml``, run by pre-commit itself.

``pre-commit try-repo`` installs the hook from this checkout's HEAD into pre-commit's own
environment, with the dependencies from the package index, as a repository that lists the
hook gets it, and runs it in a throwaway git repository holding two small lists. HEAD, not
the working tree, so that uncommitted work elsewhere in the tree cannot break the hook here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
GOOD = """\
# Good list

## Inference

1. [**SnapKV: LLM Knows What You are Looking for Before Generation.**](https://arxiv.org/abs/2404.14469) *Yuhong Li, Yingbing Huang, Bowen Yang.* Arxiv 2024.
"""  # noqa: E501
BAD = """\
# Bad list

## Inference

1. [**H2O: Heavy-Hitter Oracle for Efficient Generative Inference.**](https://arxiv.org/abs/2306.14048) *Zhenyu Zhang, Ying Sheng.* NeurIPS 2023.
2. [**A Paper With An Impossible Id.**](https://arxiv.org/abs/2307.092881) *Ann Author.* ICML 2023.
"""  # noqa: E501


@pytest.fixture(scope="module")
def lists_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository with a good and a bad list, both tracked, as a list maintainer has."""
    if shutil.which("git") is None:
        pytest.fail("git is needed to run pre-commit")
    repo = tmp_path_factory.mktemp("lists")
    (repo / "good.md").write_text(GOOD, encoding="utf-8")
    (repo / "bad.md").write_text(BAD, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    subprocess.run(["git", "add", "good.md", "bad.md"], cwd=repo, check=True)
    return repo


def _try_repo(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``pre-commit try-repo`` of the hook at HEAD, with pre-commit's cache kept in tests."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["PRE_COMMIT_HOME"] = str(repo.parent / "pre-commit-home")
    env["NO_COLOR"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "awesome-papers-check",
         "--ref", "HEAD", "--color", "never", *args],
        cwd=repo, env=env, capture_output=True, text=True, check=False,
    )


def test_the_hook_fails_on_a_list_with_an_error_and_names_its_line(lists_repo: Path) -> None:
    done = _try_repo(lists_repo, "--all-files")

    assert done.returncode == 1, done.stdout + done.stderr
    assert "awesome-papers check" in done.stdout and "Failed" in done.stdout
    assert ("bad.md:6:63: error bad-arxiv-id malformed arXiv id '2307.092881'"
            in done.stdout), done.stdout
    assert "good.md:" not in done.stdout


def test_the_hook_passes_a_clean_list(lists_repo: Path) -> None:
    done = _try_repo(lists_repo, "--files", "good.md")

    assert done.returncode == 0, done.stdout + done.stderr
    assert "Passed" in done.stdout
