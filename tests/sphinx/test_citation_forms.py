"""Citation forms under Sphinx: reST spellings, ``[@key]`` in MyST pages only, warnings."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from .conftest import Build

LISTING = """\
# Test list

## Papers

- **Scaling Things**, `arXiv, 2501.00001`, [arxiv](http://arxiv.org/abs/2501.00001v1)

\t *Ada Lovelace, Alan Turing*
- **Citing [@lovelace2025scaling] Inside a Title**, `arXiv, 2501.00002`, \
[arxiv](http://arxiv.org/abs/2501.00002v1)

\t *Grace Hopper*
"""
REST = """\
Notes
=====

.. toctree::

   page

Narrative :paper:t:`lovelace2025scaling`, parenthetical
:paper:p:`lovelace2025scaling; hopper2025citing`, plain :paper:`hopper2025citing`.
In reST, [@lovelace2025scaling] is text.
"""
PAGE = """\
# Page

```{awesome-papers}
```

Cited [@lovelace2025scaling], escaped \\[@lovelace2025scaling], code `[@hopper2025citing]`,
again [@hopper2025citing; @lovelace2025scaling].

Form {paper:x}`lovelace2025scaling`, own text {paper}`Both <lovelace2025scaling; hopper2025citing>`.
"""


def _cites(html: str) -> list[str]:
    return [span.get_text() for span in BeautifulSoup(html, "html.parser").select(
        "span.awesome-cite")]


def test_rest_and_myst_spellings(make_site: Callable[..., Path],
                                 sphinx_build: Callable[..., Build]) -> None:
    result = sphinx_build(make_site({"index.rst": REST, "page.md": PAGE}, LISTING))
    index = result.page("index.html")
    assert _cites(index) == ["Lovelace and Turing (2025)",
                             "(Lovelace and Turing 2025; Hopper 2025)", "Hopper 2025"]
    assert "In reST, [@lovelace2025scaling] is text." in BeautifulSoup(index, "html.parser").text
    assert 'href="page.html#lovelace2025scaling"' in index

    page = result.page("page.html")
    assert _cites(page) == ["(Lovelace and Turing 2025)",
                            "(Hopper 2025; Lovelace and Turing 2025)",
                            "Lovelace and Turing 2025", "Lovelace and Turing 2025; Hopper 2025"]
    text = BeautifulSoup(page, "html.parser").get_text()
    assert "escaped [@lovelace2025scaling]" in text
    assert "Citing [@lovelace2025scaling] Inside a Title" in text  # list text stays text
    assert [code.get_text() for code in BeautifulSoup(page, "html.parser").select("p code")] == [
        "[@hopper2025citing]"]

    warnings = re.sub(r"\x1b\[[0-9;]*m", "", result.warnings)
    assert re.search(r"page\.md:9: WARNING: unknown citation role \{paper:x\} \(did you mean "
                     r"'paper:t' or 'paper:p' or 'paper'\?\) \[awesome\.unknown-role\]",
                     warnings)
    assert re.search(r"page\.md:9: WARNING: a citation with its own text cites one key, "
                     r"not 2 \[awesome\.bad-option\]", warnings)
