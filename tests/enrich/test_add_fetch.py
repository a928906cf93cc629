"""`awesome-papers add` asking the (stand-in) arXiv API for a paper the cache lacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from arxiv_fake import FakeArxiv

from awesome_papers.cli import main
from awesome_papers.parse import parse_text

LIST = """\
# Papers

## Scaling

- [Gemstones: A Model Suite for Multi-Faceted Scaling Laws](https://arxiv.org/abs/2502.06857)
  - Sean McLeish, John Kirchenbauer, David Yu Miller
"""


def test_add_fetches_the_record_and_keeps_it_in_the_cache(
        arxiv_server: FakeArxiv, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "papers.md"
    path.write_text(LIST, encoding="utf-8")
    cache = tmp_path / "cache.json"

    code = main(["add", str(path), "arXiv:2405.10938", "--cache", str(cache),
                 "--api-url", arxiv_server.url])

    assert code == 0, capsys.readouterr().err
    added = path.read_text(encoding="utf-8")[len(LIST):]
    assert added == (
        "- [Observational Scaling Laws and the Predictability of Language Model Performance]"
        "(https://arxiv.org/abs/2405.10938)\n"
        "  - Yangjun Ruan, Chris J. Maddison, Tatsunori Hashimoto\n")
    entry = parse_text(path.read_text(encoding="utf-8")).entries[-1]
    assert (entry.arxiv, entry.year, entry.shape) == ("2405.10938", 2024, "title-link")
    assert "2405.10938" in json.loads(cache.read_text(encoding="utf-8"))["papers"]
    # The second time the cache answers, with no server at all.
    path.write_text(LIST, encoding="utf-8")
    assert main(["add", str(path), "2405.10938", "--cache", str(cache), "--offline"]) == 0
    assert path.read_text(encoding="utf-8")[len(LIST):] == added
