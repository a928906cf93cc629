"""Every code the parser emits is in the one documented list."""

from __future__ import annotations

from pathlib import Path

from awesome_papers import load
from awesome_papers.codes import CODES

DOCS = Path(__file__).resolve().parents[2] / "docs" / "diagnostics.md"


def test_emitted_codes_are_documented_with_their_severity(
        example_list: Path, corpus_files: list[Path]) -> None:
    seen = {}
    for path in [example_list, *corpus_files]:
        for diagnostic in load(path).diagnostics:
            seen[diagnostic.code] = diagnostic.severity
    assert seen.keys() <= CODES.keys()
    for code, severity in seen.items():
        assert CODES[code][0] == severity, code
    text = DOCS.read_text(encoding="utf-8")
    assert all(f"`{code}`" in text for code in CODES)
