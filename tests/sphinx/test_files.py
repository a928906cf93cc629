"""Lists that cannot be read, and table options that can select nothing: one warning
each, naming the file or the option, and the build goes on."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .conftest import Build

LISTING = """\
# Test list

## Papers

- **Scaling Things**, `arXiv, 2501.00001`, [arxiv](http://arxiv.org/abs/2501.00001v1)

\t *Ada Lovelace, Alan Turing*
"""
PAGE = "# T\n\n```{awesome-papers}\n```\n\nSee {paper}`arXiv:2501.00001`.\n"
BAD_LISTS = ('awesome_sources = ["list.md", "bad/latin1.md", "bad/folder.md", "bad/gone.md", '
             '"bad/image.md"]\nexclude_patterns = ["_build", "list.md", "bad"]\n')


def warnings_of(result: Build) -> list[str]:
    """Warnings as ``file:line: message [type.subtype]``, folder prefixes dropped."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.warnings)
    return [re.sub(r"^\S*/", "", line) for line in plain.splitlines() if "WARNING" in line]


def test_unreadable_lists_are_one_warning_each_and_the_build_goes_on(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    site = make_site({"index.md": PAGE}, LISTING, conf=BAD_LISTS)
    (site / "bad" / "folder.md").mkdir(parents=True)
    (site / "bad" / "latin1.md").write_bytes("## S\n\n- **Caf\u00e9**\n".encode("latin-1"))
    (site / "bad" / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = sphinx_build(site)
    unreadable = [w for w in warnings_of(result) if w.endswith("[awesome.unreadable-list]")]
    bad = site / "bad"
    assert unreadable == [
        "latin1.md:3: WARNING: list file is not UTF-8: byte 0xe9 at line 3, column 8 "
        "(byte offset 13); save it as UTF-8 [awesome.unreadable-list]",
        f"WARNING: {bad}/folder.md: list file is a directory, not a file "
        "[awesome.unreadable-list]",
        f"WARNING: {bad}/gone.md: list file not found [awesome.unreadable-list]",
        "image.md:3: WARNING: list file looks binary (a NUL byte at line 3, byte offset 8), "
        "not a Markdown text file [awesome.unreadable-list]",
    ]
    assert "Traceback" not in result.warnings and "Exception" not in result.warnings
    index = result.page("index.html")
    assert 'id="lovelace2025scaling"' in index  # the readable list is shown
    bib = (result.outdir / "references.bib").read_text(encoding="utf-8")
    assert "{lovelace2025scaling," in bib


def test_a_missing_only_list_is_a_warning_not_a_crash(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    site = make_site({"index.md": "# T\n"}, LISTING, conf='awesome_sources = ["gone.md"]\n'
                                                        'exclude_patterns = ["list.md"]\n')
    result = sphinx_build(site)
    assert warnings_of(result) == [
        f"WARNING: {site}/gone.md: list file not found [awesome.unreadable-list]"]
    assert result.page("index.html")


def test_unknown_source_and_inverted_years_warn(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    page = ("# T\n\n```{awesome-papers}\n:source: lists.md\n```\n\n"
            "```{awesome-papers}\n:year: 2025-2023\n```\n\n"
            "```{awesome-papers}\n:source: list.md\n```\n")
    result = sphinx_build(make_site({"index.md": page}, LISTING))
    warnings = warnings_of(result)
    assert "index.md:3: WARNING: unknown source 'lists.md' (did you mean 'list.md'?) " \
           "[awesome.unknown-source]" in warnings
    assert "index.md:7: WARNING: year: '2025-2023' is an empty range: 2025 is after 2023 " \
           "(did you mean '2023-2025'?) [awesome.bad-option]" in warnings
    assert sum("awesome.unknown-source" in w or "awesome.bad-option" in w
               for w in warnings) == 2  # ':source: list.md' is the list: no warning


def test_a_folder_where_the_bib_goes_is_a_warning(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    site = make_site({"index.md": PAGE}, LISTING)
    (site / "_build" / "html" / "references.bib").mkdir(parents=True)
    result = sphinx_build(site)
    assert any(w.endswith("references.bib: is a directory; give a file name "
                          "[awesome.output]") for w in warnings_of(result))
    assert not list((site / "_build" / "html").glob(".references.bib.*"))
