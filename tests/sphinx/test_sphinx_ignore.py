"""A Sphinx build silences what ``check`` silences: comments, the config file, awesome_ignore."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .conftest import Build

LISTING = """\
# Test list

## Papers

- [Good Paper](https://arxiv.org/abs/2401.00001) - Ann Lee. [code](https://github.com/a/b.)
<!-- awesome-papers-disable-next-line bad-url -->
- [Other Paper](https://arxiv.org/abs/2401.00002) - Bob Ray. [code](https://github.com/c/d.)
- **Bad Id**, `arXiv, 2307.092881`
"""
INDEX = """\
Test
====

.. awesome-papers::
"""


def list_warnings(result: Build) -> list[str]:
    """The list's own warnings as ``list.md:LINE: code``."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.warnings)
    return sorted(f"{m[1]}: {m[2]}"
                  for m in re.finditer(r"(list\.md:\d+): WARNING: ([\w-]+):", plain))


def test_comments_and_the_config_file_silence_list_warnings(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    site = make_site({"index.rst": INDEX}, LISTING, conf='awesome_list_diagnostics = "all"\n')
    (site / ".awesome-papers.toml").write_text('ignore = ["bad-arxiv-id"]\n', encoding="utf-8")
    result = sphinx_build(site)
    assert list_warnings(result) == ["list.md:5: bad-url"]
    page = result.page("index.html")
    assert "Other Paper" in page and "Good Paper" in page  # silencing drops no entry

    # An edited config file is noticed by the next build, like an edited list.
    (site / ".awesome-papers.toml").write_text('select = ["bad-arxiv-id"]\n',
                                               encoding="utf-8")
    assert list_warnings(sphinx_build(site)) == ["list.md:8: bad-arxiv-id"]

    # awesome_ignore replaces the file's ignore (select still holds); a changed value
    # reports again.
    (site / ".awesome-papers.toml").write_text('ignore = ["bad-arxiv-id"]\n',
                                               encoding="utf-8")
    again = sphinx_build(site, awesome_ignore=["bad-url"])
    assert list_warnings(again) == ["list.md:8: bad-arxiv-id"]


def test_an_unknown_code_in_awesome_ignore_stops_the_build(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    site = make_site({"index.rst": INDEX}, LISTING, conf='awesome_list_diagnostics = "all"\n')
    with pytest.raises(ConfigError, match=r"awesome_ignore: unknown code 'bad-urls' "
                                          r"\(did you mean 'bad-url'"):
        sphinx_build(site, awesome_ignore=["bad-urls"])
