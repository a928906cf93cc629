"""Parsing a long list in pieces gives exactly what parsing it whole gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_papers import parse
from awesome_papers.parse.chunks import chunks


def test_pieces_parse_like_the_whole(example_list: Path, corpus_files: list[Path],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    for path in [example_list, *corpus_files]:
        text = path.read_text(encoding="utf-8")
        whole = parse.parse_text(text, path.name)
        with monkeypatch.context() as patch:
            patch.setattr(parse, "chunks", lambda t: chunks(t, 15))
            pieces = parse.parse_text(text, path.name)
        assert pieces.entries == whole.entries, path.name
        assert pieces.sections == whole.sections, path.name
        assert pieces.diagnostics == whole.diagnostics, path.name


def test_no_split_inside_fences_or_with_reference_links() -> None:
    fenced = "## A\n\n```\n" + "x\n" * 40 + "\n# not a heading\n```\n\n## B\n\n- [b](https://b)\n"
    assert all("# not a heading\n```" in c or "# not" not in c for _, c in chunks(fenced, 10))
    refs = "## A\n\n- [a][r]\n\n" + "\n" * 40 + "## B\n\n[r]: https://example.com\n"
    assert len(list(chunks(refs, 5))) == 1
