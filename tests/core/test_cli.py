"""The command line as a maintainer and CI use it."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from awesome_papers.cli import main

BROKEN = """# List

## Papers

- **Good Paper**, `arXiv, 2401.00001`

\t *Ann Lee, Bob Ray*
- [Click me](javascript:alert(1))
- **Bad Id**, `arXiv, 2307.092881`

\t *Cy Dee*
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "awesome_papers.cli", *args],
                          capture_output=True, text=True, check=False)


def test_check_reference_list_passes_with_warnings(example_list: Path) -> None:
    result = run("check", str(example_list))
    assert result.returncode == 0
    assert f"{example_list}:241:1: warning duplicate " in result.stdout
    assert run("check", "--strict", str(example_list)).returncode == 1


def test_check_errors_exit_1_with_locations(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text(BROKEN, encoding="utf-8")
    result = run("check", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert f"{path}:8:14: error unsafe-link link 'javascript:alert(1)' is not http(s), mailto " \
           "or relative: dropped" in lines
    assert any(line.startswith(f"{path}:9:") and "bad-arxiv-id" in line for line in lines)
    github = run("check", "--format", "github", str(path)).stdout
    assert f"::error file={path},line=8,col=14,title=unsafe-link::" in github


def test_bad_usage_exits_2(example_list: Path) -> None:
    result = run("export", str(example_list), "--section", "optimisation")
    assert result.returncode == 2
    assert "unknown section 'optimisation' (did you mean 'optimization'?)" in result.stderr
    assert run("export", str(example_list), "--year", "soon").returncode == 2
    assert run("check", "no-such-list.md").returncode == 2
    assert run("frobnicate").returncode == 2


def test_json_export_is_documented_and_byte_stable(example_list: Path, tmp_path: Path) -> None:
    out1, out2 = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["export", str(example_list), "-o", str(out1)]) == 0
    assert main(["export", str(example_list), "-o", str(out2)]) == 0
    assert out1.read_bytes() == out2.read_bytes()
    data = json.loads(out1.read_text(encoding="utf-8"))
    assert set(data) == {"entries", "sections", "diagnostics"}
    climb = next(e for e in data["entries"] if e["key"] == "diao2025climb")
    assert climb["authors"][:2] == ["Shizhe Diao", "Yu Yang"] and climb["authors_truncated"]
    assert climb["section"] == ["LLM Training", "LLM Training"]
    assert climb["line"] == 26 and climb["year"] == 2025 and climb["month"] == 4
    assert {"title", "slug", "level", "line"} <= set(data["sections"][0])
    assert {"path", "line", "column", "severity", "code", "message"} <= set(data["diagnostics"][0])


def test_filtered_csv_export(example_list: Path) -> None:
    result = run("export", str(example_list), "--format", "csv", "--section", "merge",
                 "--has-code")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["key"] for r in rows] == ["hu2024exploring"]
    assert rows[0]["code"] == "https://github.com/zjunlp/ModelKinship"


def test_csv_cells_cannot_run_as_spreadsheet_formulas(tmp_path: Path) -> None:
    path = tmp_path / "evil.md"
    path.write_text("## S\n\n- [=HYPERLINK(\"http://x\")](https://example.com/a)\n",
                    encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(run("export", str(path), "--format", "csv").stdout)))
    assert rows[0]["title"].startswith("'=")


def test_list_shows_a_table(example_list: Path) -> None:
    result = run("list", str(example_list), "--section", "architecture")
    assert result.returncode == 0
    assert "gerasimov2025you" in result.stdout and "4 entries" in result.stderr
