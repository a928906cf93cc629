"""One table of filter words: every declared option is read by the parser and is a CLI
flag that selects what the parser selects; ``--columns`` and ``--source`` do their job."""

from __future__ import annotations

import csv
import io
import shlex
from pathlib import Path

import pytest

from awesome_papers import Query, load, parse_query, select
from awesome_papers.cli import main
from awesome_papers.query import FILTERS, FilterOption


def example_options(option: FilterOption) -> dict[str, str | None]:
    return {option.name: option.example or None}


@pytest.mark.parametrize("option", FILTERS, ids=lambda o: o.name)
def test_each_example_is_valid_and_changes_the_query(option: FilterOption) -> None:
    query, problems = parse_query(example_options(option))
    assert problems == []
    assert query != Query()


@pytest.mark.parametrize("option", FILTERS, ids=lambda o: o.name)
def test_each_option_is_a_cli_flag_that_selects_what_the_parser_does(
        option: FilterOption, example_list: Path, capsys: pytest.CaptureFixture[str]) -> None:
    flag = [f"--{option.name}"] if option.flag else [f"--{option.name}", option.example]
    code = main(["export", str(example_list), "--format", "csv", "--columns", "key", *flag]
                if option.name != "columns" else
                ["export", str(example_list), "--format", "csv", *flag])
    out, err = capsys.readouterr()
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    entries, missing = select(load(example_list), parse_query(example_options(option))[0])
    assert missing == []
    assert [r["key"] for r in rows] == [e.key for e in entries]


def test_help_lists_every_flag_with_its_example(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # one line per flag
    with pytest.raises(SystemExit):
        main(["list", "--help"])
    lines = capsys.readouterr().out.splitlines()
    for option in FILTERS:
        (line,) = [line for line in lines if line.lstrip().startswith(f"--{option.name} ")]
        assert option.help.replace("`", "") in line
        assert option.flag or f"e.g. {option.example})" in line


def test_columns_pick_csv_fields_and_list_columns(
        example_list: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["export", str(example_list), "--format", "csv", "--keys", "diao2025climb"]
    assert main([*args, "--columns", "year,key"]) == 0
    assert capsys.readouterr().out == "year,key\n2025,diao2025climb\n"
    assert main(args) == 0  # without --columns: every field, as before
    assert capsys.readouterr().out.startswith("key,kind,title,authors,")

    assert main(["list", str(example_list), "--keys", "diao2025climb",
                 "--columns", "arxiv,key"]) == 0
    assert capsys.readouterr().out.split() == ["2504.13161", "diao2025climb"]

    with pytest.raises(SystemExit, match="2"):
        main([*args, "--columns", "yaer"])
    assert "columns: unknown column 'yaer' (did you mean 'year'?)" in capsys.readouterr().err
    assert main(["export", str(example_list), "--columns", "key"]) == 2
    assert capsys.readouterr().err == "awesome-papers: error: --columns needs --format csv\n"


def test_source_keeps_the_entries_of_one_list(
        example_list: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.md"
    other.write_text("## Other\n\n- [Other Paper](https://arxiv.org/abs/2401.00009) - x.\n",
                     encoding="utf-8")
    both = [str(example_list), str(other)]
    assert main(["list", *both, "--source", "other.md"]) == 0
    out, err = capsys.readouterr()
    assert "Other Paper" in out and err == "1 entries\n"
    assert main(["list", *both, "--source", "llm-training.md"]) == 0
    assert capsys.readouterr().err == "107 entries\n"
    with pytest.raises(SystemExit, match="2"):
        main(["list", *both, "--source", "othr.md"])
    assert "unknown source 'othr.md' (did you mean 'other.md'?)" in capsys.readouterr().err


def test_cli_examples_are_one_shell_word() -> None:
    """The docs' CLI table shows ``--name example``; a space or ``>`` would break it."""
    for option in FILTERS:
        assert shlex.split(option.example) == ([option.example] if option.example else [])
        assert ">" not in option.example
