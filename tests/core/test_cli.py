"""The command line as a maintainer and CI use it."""

from __future__ import annotations

import csv
import io
import json
import signal
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


def _bad_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """Files a list must not be, and the words their one-line error must hold."""
    folder.mkdir(exist_ok=True)
    latin1 = folder / "latin1.md"
    latin1.write_bytes("## S\n\n- **Caf\u00e9 Paper**, [pdf](https://x.org/a.pdf)\n"
                       .encode("latin-1"))
    utf16 = folder / "utf16.md"
    utf16.write_text("## S\n\n- **A Paper**, [pdf](https://x.org/a.pdf)\n", encoding="utf-16")
    bare16 = folder / "utf16le.md"
    bare16.write_text("## S\n\n- **A Paper**, [pdf](https://x.org/a.pdf)\n",
                      encoding="utf-16-le")
    binary = folder / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "adir.md").mkdir(exist_ok=True)
    return {
        "latin1": (latin1, "is not UTF-8: byte 0xe9 at line 3, column 8"),
        "utf16": (utf16, "is UTF-16"),
        "utf16 without a byte-order mark": (bare16, "looks like UTF-16"),
        "binary": (binary, "looks binary"),
        "directory": (folder / "adir.md", "is a directory"),
        "missing": (folder / "gone.md", "not found"),
    }


def test_unusable_list_files_are_one_line_and_exit_2(tmp_path: Path) -> None:
    for command in ("check", "export", "list"):
        for path, words in _bad_files(tmp_path).values():
            result = run(command, str(path))
            assert result.returncode == 2, (command, path)
            assert result.stderr.startswith(f"awesome-papers: error: {path}: ")
            assert words in result.stderr and result.stderr.count("\n") == 1, result.stderr


def test_a_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.md"
    path.write_bytes(b"\xef\xbb\xbf## S\n\n- **A Paper**, [pdf](https://x.org/a.pdf)\n")
    result = run("export", str(path))
    assert result.returncode == 0
    assert [e["title"] for e in json.loads(result.stdout)["entries"]] == ["A Paper"]


def test_output_and_bib_paths_that_are_folders_or_unreadable(
        example_list: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    bad = _bad_files(tmp_path / "bad")
    cases = {
        ("-o", str(folder)): f"{folder}: is a directory",
        ("--format", "bib", "--bib", str(folder)): f"{folder}: is a directory",
        ("--format", "bib", "--bib", str(bad["latin1"][0])): f"{bad['latin1'][0]}: is not UTF-8",
        ("--format", "bib", "--bib", str(tmp_path / "gone.bib")): "gone.bib: not found",
        ("-o", str(example_list) + "/x.json"): f"{example_list} is a file, not a folder",
    }
    for args, message in cases.items():
        result = run("export", str(example_list), *args)
        assert result.returncode == 2, args
        assert result.stderr.startswith("awesome-papers: error: ") and message in result.stderr
        assert "Traceback" not in result.stderr
    assert list(folder.iterdir()) == []


def test_an_inverted_year_range_is_bad_usage(example_list: Path) -> None:
    result = run("export", str(example_list), "--year", "2025-2023")
    assert result.returncode == 2
    assert "'2025-2023' is an empty range: 2025 is after 2023 (did you mean '2023-2025'?)" \
        in result.stderr


def test_json_export_is_written_as_json_dumps_would(example_list: Path, tmp_path: Path) -> None:
    """Written record by record, the text is still exactly ``json.dumps(indent=2)``'s."""
    for filters in ([], ["--section", "optimization"], ["--year", "1900"]):
        out = tmp_path / "x.json"
        assert main(["export", str(example_list), "-o", str(out), *filters]) == 0
        text = out.read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert json.loads(text)["entries"] == []


SLOW_WRITE = """
import sys, time
from awesome_papers import cli, export
real = export.entry_record
def slow(entry):
    if entry.key == sys.argv[2]:
        print("writing", file=sys.stderr, flush=True)
        time.sleep(60)
    return real(entry)
export.entry_record = slow
raise SystemExit(cli.main(["export", sys.argv[1], "-o", sys.argv[3]]))
"""


def _killed_mid_write(example_list: Path, out: Path, signum: int) -> int:
    """Start an export whose writing stops halfway, kill it there; its exit status."""
    keys = [e["key"] for e in json.loads(run("export", str(example_list)).stdout)["entries"]]
    key = keys[50]
    process = subprocess.Popen([sys.executable, "-c", SLOW_WRITE, str(example_list), key,
                                str(out)], stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    assert process.stderr.readline() == "writing\n"
    assert [p.name for p in out.parent.glob(".x.json.*.tmp")], "no temp file while writing"
    process.send_signal(signum)
    return process.wait(timeout=30)


def test_a_terminated_export_leaves_no_temp_file_and_the_old_output(
        example_list: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    out.write_text("old\n", encoding="utf-8")
    assert _killed_mid_write(example_list, out, signal.SIGTERM) == 128 + signal.SIGTERM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]
    assert out.read_text(encoding="utf-8") == "old\n"


def test_a_killed_exports_temp_file_goes_with_the_next_write(
        example_list: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    assert _killed_mid_write(example_list, out, signal.SIGKILL) == -signal.SIGKILL
    assert len(list(tmp_path.glob(".x.json.*.tmp"))) == 1  # nothing runs after SIGKILL
    assert main(["export", str(example_list), "-o", str(out)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]
    assert json.loads(out.read_text(encoding="utf-8"))["entries"]
