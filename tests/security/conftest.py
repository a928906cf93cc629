"""The hostile-formula list, and small Sphinx sites that show it."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

from awesome_papers import Collection, parse_text

if TYPE_CHECKING:
    from collections.abc import Callable

HERE = Path(__file__).resolve().parent
LIST = HERE / "hostile-math.md"
PAGE = "# Papers\n\n```{awesome-papers}\n```\n"


@pytest.fixture(scope="session")
def hostile() -> Collection:
    return parse_text(LIST.read_text(encoding="utf-8"), path=str(LIST))


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., Path]:
    """Build a site with the hostile list on one page; returns the output folder."""

    def build(builder: str, conf: str = "", **overrides: Any) -> Path:
        site = tmp_path / "site"
        site.mkdir(exist_ok=True)
        shutil.copy(LIST, site / "list.md")
        (site / "conf.py").write_text(
            'extensions = ["myst_parser", "sphinx_awesome"]\n'
            'awesome_sources = ["list.md"]\nexclude_patterns = ["_build", "list.md"]\n'
            + conf, encoding="utf-8")
        (site / "index.md").write_text(PAGE, encoding="utf-8")
        out = site / "_build" / builder
        with patch_docutils(site), docutils_namespace():
            app = Sphinx(site, site, out, site / "_build" / "doctrees", builder,
                         confoverrides=overrides, status=StringIO(), warning=StringIO())
            app.build()
        return out

    return build
