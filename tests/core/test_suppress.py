"""Ignore comments silence exactly what they name, on exactly the lines they name."""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import growth

from awesome_papers import loader, parse
from awesome_papers.model import Collection
from awesome_papers.parse import parse_text
from awesome_papers.suppress import scan, suppress

#: Each item gives known diagnostics: bad-url (a), unsafe-link and bad-url (b),
#: bad-arxiv-id and prose-item (c).
A = "- [Good Paper](https://arxiv.org/abs/2401.00001) - Ann Lee. [code](https://github.com/a/b.)"
B = "- [Click me](javascript:alert(1)) - Bob Ray. [code](https://github.com/c/d.)"
C = "- **Bad Id**, `arXiv, 2307.092881`"


def listing(*lines: str) -> str:
    return "\n".join(["# List", "", "## Papers", "", *lines]) + "\n"


def at(text: str, line: str) -> int:
    """The 1-based number of the (first) line that is exactly ``line``."""
    return text.split("\n").index(line) + 1


def found(text: str, tmp_path: Path) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    """(line, code) of what ``check`` reports and of what was silenced, via the loader."""
    collection = load_text(text, tmp_path)
    return ({(d.line, d.code) for d in collection.diagnostics},
            {(d.line, d.code) for d in collection.ignored})


def load_text(text: str, tmp_path: Path) -> Collection:
    path = tmp_path / "list.md"
    path.write_bytes(text.encode())
    return loader.load(path)


def test_the_list_without_comments_reports_everything(tmp_path: Path) -> None:
    text = listing(A, B, C)
    reported, ignored = found(text, tmp_path)
    a, b, c = at(text, A), at(text, B), at(text, C)
    assert reported == {(a, "bad-url"), (b, "unsafe-link"), (b, "bad-url"),
                        (c, "bad-arxiv-id"), (c, "prose-item")}
    assert ignored == set()


def test_next_line_silences_the_named_code_on_the_next_non_blank_line_only(
        tmp_path: Path) -> None:
    text = listing("<!-- awesome-papers-disable-next-line bad-url -->", "", A, B)
    reported, ignored = found(text, tmp_path)
    a, b = at(text, A), at(text, B)
    assert ignored == {(a, "bad-url")}
    assert reported == {(b, "unsafe-link"), (b, "bad-url")}


def test_next_line_names_several_codes_or_all_and_comments_stack(tmp_path: Path) -> None:
    text = listing(A,
                   "<!-- awesome-papers-disable-next-line unsafe-link, bad-url -->", B,
                   "<!-- awesome-papers-disable-next-line prose-item -->",
                   "<!-- awesome-papers-disable-next-line bad-arxiv-id -->", C)
    reported, ignored = found(text, tmp_path)
    a, b, c = at(text, A), at(text, B), at(text, C)
    assert reported == {(a, "bad-url")}
    assert ignored == {(b, "unsafe-link"), (b, "bad-url"), (c, "prose-item"),
                       (c, "bad-arxiv-id")}

    text = listing("<!-- awesome-papers-disable-next-line -->", B, C)
    reported, ignored = found(text, tmp_path)
    b, c = at(text, B), at(text, C)
    assert ignored == {(b, "unsafe-link"), (b, "bad-url")}
    assert reported == {(c, "bad-arxiv-id"), (c, "prose-item")}


def test_disable_line_silences_its_own_line(tmp_path: Path) -> None:
    b = B + " <!-- awesome-papers-disable-line bad-url -->"
    text = listing(A, b)
    reported, ignored = found(text, tmp_path)
    assert ignored == {(at(text, b), "bad-url")}
    assert reported == {(at(text, A), "bad-url"), (at(text, b), "unsafe-link")}


def test_a_block_silences_its_codes_until_enabled(tmp_path: Path) -> None:
    again = A.replace("Good", "Later").replace("00001", "00002")
    text = listing(A, "<!-- awesome-papers-disable bad-url -->", B, C,
                   "<!-- awesome-papers-enable bad-url -->", again)
    reported, ignored = found(text, tmp_path)
    a, b, c, later = at(text, A), at(text, B), at(text, C), at(text, again)
    assert ignored == {(b, "bad-url")}
    assert reported == {(a, "bad-url"), (b, "unsafe-link"), (c, "bad-arxiv-id"),
                        (c, "prose-item"), (later, "bad-url")}


def test_a_block_without_codes_silences_all_and_enable_takes_codes_back(
        tmp_path: Path) -> None:
    text = listing("<!-- awesome-papers-disable -->", A,
                   "<!-- awesome-papers-enable unsafe-link -->", B,
                   "<!-- awesome-papers-enable -->", C)
    reported, ignored = found(text, tmp_path)
    a, b, c = at(text, A), at(text, B), at(text, C)
    assert ignored == {(a, "bad-url"), (b, "bad-url")}
    assert reported == {(b, "unsafe-link"), (c, "bad-arxiv-id"), (c, "prose-item")}

    text = listing(A, "<!-- awesome-papers-disable prose-item -->", B, C)  # to the end
    reported, ignored = found(text, tmp_path)
    assert ignored == {(at(text, C), "prose-item")}


def test_an_unknown_code_is_a_warning_at_the_comment_and_silences_nothing(
        tmp_path: Path) -> None:
    comment = "<!-- awesome-papers-disable-next-line bad-urls, unsafe-link -->"
    text = listing(comment, B)
    collection = load_text(text, tmp_path)
    warning = next(d for d in collection.diagnostics if d.code == "unknown-ignore-code")
    assert (warning.line, warning.column) == (at(text, comment), comment.index("bad-urls") + 1)
    assert warning.severity == "warning"
    assert "'bad-urls' (did you mean 'bad-url'" in warning.message
    reported = {(d.line, d.code) for d in collection.diagnostics}
    assert (at(text, B), "bad-url") in reported  # the misspelt code silenced nothing
    assert {(d.line, d.code) for d in collection.ignored} == {(at(text, B), "unsafe-link")}

    # A block that silences everything does not hide the comment's own warning.
    text = listing("<!-- awesome-papers-disable -->", "<!-- awesome-papers-disable nope -->", B)
    reported, _ = found(text, tmp_path)
    assert reported == {(at(text, "<!-- awesome-papers-disable nope -->"),
                         "unknown-ignore-code")}


def test_a_misspelt_directive_is_a_warning(tmp_path: Path) -> None:
    comment = "<!-- awesome-papers-disable-nextline bad-url -->"
    text = listing(comment, A)
    collection = load_text(text, tmp_path)
    assert [(d.line, d.code) for d in collection.diagnostics] == [
        (at(text, comment), "bad-ignore-comment"), (at(text, A), "bad-url")]
    assert "did you mean 'awesome-papers-disable-next-line'" in collection.diagnostics[0].message


def test_comments_inside_code_are_text(tmp_path: Path) -> None:
    text = listing("```markdown", "<!-- awesome-papers-disable -->", "```", A,
                   "~~~~", "<!-- awesome-papers-disable -->", "~~~", "~~~~", B,
                   "`<!-- awesome-papers-disable -->` is how to silence a list", C)
    reported, ignored = found(text, tmp_path)
    assert ignored == set()
    assert {code for _, code in reported} >= {"bad-url", "unsafe-link", "bad-arxiv-id"}

    # Once the fence closes, comments count again; a fence in a list item counts too.
    text = listing("- item", "  ```", "  <!-- awesome-papers-disable -->", "  ```",
                   "<!-- awesome-papers-disable-next-line bad-url -->", A)
    reported, ignored = found(text, tmp_path)
    assert ignored == {(at(text, A), "bad-url")}


def test_crlf_and_cr_lines_are_numbered_as_the_parser_numbers_them(tmp_path: Path) -> None:
    text = listing(A, "<!-- awesome-papers-disable-next-line unsafe-link -->", "", B, C)
    lf = found(text, tmp_path)
    assert found(text.replace("\n", "\r\n"), tmp_path) == lf
    assert found(text.replace("\n", "\r"), tmp_path) == lf  # old Mac line ends
    assert lf[1] == {(at(text, B), "unsafe-link")}


def test_suppress_splits_diagnostics_by_the_text_alone() -> None:
    text = listing("<!-- awesome-papers-disable-next-line bad-url, nope -->", A, B)
    diagnostics = parse_text(text, "x.md").diagnostics
    kept, ignored, problems = suppress(text, "x.md", diagnostics)
    assert [(d.line, d.code) for d in ignored] == [(at(text, A), "bad-url")]
    assert len(kept) == len(diagnostics) - 1
    assert [d.code for d in problems] == ["unknown-ignore-code"]
    # Diagnostics of another file are not this list's to silence.
    assert suppress(text, "other.md", diagnostics).ignored == []


def test_a_parse_from_the_disk_cache_is_silenced_the_same(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AWESOME_PAPERS_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(loader, "_PARSED", {})
    monkeypatch.setattr(loader, "_LOADED", {})
    path = tmp_path / "list.md"
    path.write_text(listing("<!-- awesome-papers-disable-next-line bad-url -->", A, B),
                    encoding="utf-8")
    first = loader.load(path, disk_cache=True)
    assert list((tmp_path / "cache").glob("*.json"))

    monkeypatch.setattr(loader, "_PARSED", {})  # a new process: only the disk cache is left
    monkeypatch.setattr(loader, "_LOADED", {})
    monkeypatch.setattr(parse, "parse_file", lambda *a: pytest.fail("parsed again"))
    again = loader.load(path, disk_cache=True)
    assert again.diagnostics == first.diagnostics and again.ignored == first.ignored
    assert [d.code for d in again.ignored] == ["bad-url"]


#: Lines that would make a backtracking or rescanning reader quadratic.
HOSTILE = {
    "unclosed comments": lambda n: "<!-- awesome-papers-disable " * (n // 28),
    "comments in code spans": lambda n: "`<!-- awesome-papers-disable -->`" * (n // 34),
    "many comments": lambda n: "<!-- awesome-papers-disable-line nope -->" * (n // 41),
    "codes": lambda n: "<!-- awesome-papers-disable " + "bad-url, " * (n // 9) + "-->",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_scan_grows_linearly(name: str) -> None:
    ratio = growth(HOSTILE[name], lambda text: scan(text, "hostile.md"), 30_000, 300_000)
    assert ratio < 30, f"{name}: 10x the input took {ratio:.0f}x the time"
