"""Each entry shape, read from its fixture: a list snippet and the records it gives.

A fixture file in ``tests/core/shapes/`` uses markdown-it-py's layout: a title line,
``.``, the Markdown, ``.``, the expected records as JSON lines, ``.``. An entry record
lists only the fields it checks; ``{"diagnostic": CODE, "line": N}`` is a diagnostic.
Every entry and every warning or error of the snippet must be listed, in order.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from markdown_it.utils import read_fixture_file

from awesome_papers import parse_text
from awesome_papers.export import entry_record
from awesome_papers.parse.shapes import SHAPES

FIXTURES = Path(__file__).with_name("shapes")
CASES = [
    pytest.param(path.stem, title, text, expected, id=f"{path.stem}:{line}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, text, expected in read_fixture_file(path)
]


def records(text: str) -> list[dict[str, Any]]:
    """What a reader of the snippet would check: entries, then warnings and errors."""
    collection = parse_text(text, "list.md")
    found: list[dict[str, Any]] = [entry_record(e) | {"shape": e.shape} for e in collection.entries]
    found += [{"diagnostic": d.code, "line": d.line} for d in collection.diagnostics
              if d.severity != "info"]
    return found


@pytest.mark.parametrize(("shape", "title", "text", "expected"), CASES)
def test_shape_fixture(shape: str, title: str, text: str, expected: str) -> None:
    want = [json.loads(line) for line in expected.splitlines() if line.strip()]
    got = records(text)
    assert len(got) == len(want), f"{title}: {json.dumps(got, ensure_ascii=False)}"
    for have, record in zip(got, want, strict=True):
        assert {k: have.get(k) for k in record} == record, title
    assert any(r.get("shape") == shape for r in want) or shape.startswith("diagnostic-"), (
        f"{shape}.md should show its own shape")


def test_every_shape_has_a_fixture_file() -> None:
    names = {shape.name for shape in SHAPES}
    assert names <= {path.stem for path in FIXTURES.glob("*.md")}
