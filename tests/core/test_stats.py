"""``check --stats``: how many entries each shape read, per section."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_papers.cli import main

LIST = """# Papers

## Reasoning

- [Chain of Thought Prompting](https://arxiv.org/abs/2201.11903) *Jason Wei, Xuezhi Wang*
- **Self-Consistency**, `arXiv, 2203.11171`

## Tools

- [**LangChain**](https://github.com/langchain-ai/langchain) - langchain-ai
"""


def test_stats_count_shapes_per_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "list.md"
    path.write_text(LIST, encoding="utf-8")
    assert main(["check", "--stats", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "2  Papers › Reasoning: title-link 1, bold-title 1" in lines[0]
    assert "1  Papers › Tools: repository 1" in lines[1]
    assert "3  all sections: " in lines[2]
