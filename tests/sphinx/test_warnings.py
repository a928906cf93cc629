"""Bad input: documented warnings with page and line, the build goes on, nothing unsafe."""

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

- **<script>alert(1)</script> Scaling Things**, `arXiv, 2501.00001`, \
[arxiv](http://arxiv.org/abs/2501.00001v1), cication: [**-1**](None)

\t *Ada Lovelace, Alan Turing*
- [Click me](javascript:alert(1))
- **Scaling Things Again**, `arXiv, 2501.00001`, [arxiv](http://arxiv.org/abs/2501.00001v1)

\t *Ada Lovelace*
"""
INDEX = """\
Test
====

.. toctree::

   notes

.. awesome-papers::
   :section: papres
   :secton: papers
   :year: soon

See :paper:`nosuchkey2099` and :paper:`lovelace2025scriptalert1script`.
"""
NOTES = """\
# Notes

```{awesome-papers}
:keys: lovelace2025scriptalert1script, nosuchkey2020
:columns: title, authors, links
```

Cited: {paper}`arXiv:2501.00001`, {paper:title}`arXiv:9999.99999`.
"""


def warnings_of(result: Build) -> list[str]:
    """Warnings as ``file:line: message [type.subtype]``, folder prefixes dropped."""
    plain = re.sub(r"\x1b\[[0-9;]*m", "", result.warnings)
    return [re.sub(r"^\S*/", "", line) for line in plain.splitlines() if "WARNING" in line]


def test_warnings_name_page_line_and_subtype(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    site = make_site({"index.rst": INDEX, "notes.md": NOTES}, LISTING)
    result = sphinx_build(site)
    warnings = warnings_of(result)

    def has(where: str, subtype: str, text: str) -> bool:
        return any(w.startswith(where) and w.endswith(f"[awesome.{subtype}]") and text in w
                   for w in warnings)

    assert has("index.rst:8:", "unknown-section", "'papres' (did you mean 'papers'?)")
    assert has("index.rst:8:", "bad-option", "unknown option 'secton'")
    assert has("index.rst:8:", "bad-option", "'soon' is not a year")
    assert has("index.rst:13:", "unknown-key", "'nosuchkey2099'")
    assert has("notes.md:3:", "unknown-key", "'nosuchkey2020'")
    assert has("notes.md:8:", "unknown-key", "'arXiv:9999.99999'")
    # The list's own problems: one info line for the list, no warning.
    assert not any("list.md" in w for w in warnings)
    summary = [line for line in result.status.splitlines() if "awesome-papers check" in line]
    assert len(summary) == 1
    assert summary[0].endswith("list.md: 1 error, 1 warning; run `awesome-papers check "
                               f"{site / 'list.md'}` to see them")

    # The build went on: tables and citations are there despite the bad values.
    index = result.page("index.html")
    notes = result.page("notes.html")
    assert 'id="lovelace2025scriptalert1script"' in notes
    assert "Lovelace and Turing 2025" in index


def test_every_list_problem_on_request_or_none(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    """``"all"``: each of the list's problems once per build, at the list's path:line."""
    page = "# T\n\n```{awesome-papers}\n```\n"
    site = make_site({"index.md": page}, LISTING, conf='awesome_list_diagnostics = "all"\n')
    warnings = warnings_of(sphinx_build(site))
    assert sum("list.md:8" in w and "[awesome.parse]" in w for w in warnings) == 1
    assert sum("list.md:9" in w and "[awesome.duplicate]" in w for w in warnings) == 1
    quiet = sphinx_build(site, awesome_list_diagnostics="none", warningiserror=True)
    assert "awesome-papers check" not in quiet.status


def test_list_next_to_conf_is_no_page(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    """``awesome_sources`` next to ``conf.py`` is not read as a page, even by MyST."""
    site = make_site({"index.md": "# T\n\n```{awesome-papers}\n```\n"}, LISTING)
    result = sphinx_build(site, warningiserror=True)
    assert result.read == ["index"]
    assert not (result.outdir / "list.html").exists()


def test_untrusted_text_is_escaped_and_unsafe_links_dropped(
        make_site: Callable[..., Path], sphinx_build: Callable[..., Build]) -> None:
    page = "# T\n\n```{awesome-papers}\n```\n\n{paper:title}`arXiv:2501.00001`\n"
    quiet = 'suppress_warnings = ["awesome.parse", "awesome.duplicate"]\n'
    site = make_site({"index.md": page}, LISTING, conf=quiet)
    index = sphinx_build(site, warningiserror=True).page("index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Scaling Things" in index
    assert "<script>alert" not in index
    assert "javascript:" not in index
    assert "Click me" in index

