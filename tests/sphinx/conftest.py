"""Build real Sphinx sites in a temp folder and record what each build read and wrote."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_SITE = ROOT / "examples" / "sphinx"
EXAMPLE_LIST = ROOT / "examples" / "llm-training.md"


@dataclass
class Build:
    """What one build did: pages read, HTML pages written, messages, the output folder."""

    outdir: Path
    read: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    warnings: str = ""
    status: str = ""

    def page(self, name: str) -> str:
        return (self.outdir / name).read_text(encoding="utf-8")


def build(srcdir: Path, builder: str = "html", *, parallel: int = 0,
          warningiserror: bool = False, **overrides: Any) -> Build:
    """One ``sphinx-build`` run in-process, incremental unless the output is new."""
    out = srcdir / "_build"
    result = Build(out / builder)
    warnings, status = StringIO(), StringIO()
    with patch_docutils(srcdir), docutils_namespace():
        app = Sphinx(srcdir, srcdir, out / builder, out / "doctrees", builder,
                     confoverrides=overrides, status=status, warning=warnings,
                     warningiserror=warningiserror, parallel=parallel)
        app.connect("env-before-read-docs", lambda _a, _e, docs: result.read.extend(docs))
        app.connect("html-page-context", lambda _a, name, _t, _c, doctree:
                    result.written.append(name) if doctree is not None else None)
        app.build()
    result.warnings = warnings.getvalue()
    result.status = status.getvalue()
    return result


@pytest.fixture
def sphinx_build() -> Callable[..., Build]:
    """The in-process build function (a fixture, so test modules need not import conftest)."""
    return build


@pytest.fixture
def example_site(tmp_path: Path) -> Path:
    """A copy of examples/sphinx next to a copy of the bundled list (``../llm-training.md``)."""
    shutil.copytree(EXAMPLE_SITE, tmp_path / "site", ignore=shutil.ignore_patterns("_build"))
    shutil.copy(EXAMPLE_LIST, tmp_path / "llm-training.md")
    return tmp_path / "site"


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """A small site from page texts and a list text (conf.py points at ``list.md``)."""

    def make(pages: dict[str, str], listing: str, conf: str = "") -> Path:
        site = tmp_path / "small"
        site.mkdir()
        (site / "list.md").write_text(listing, encoding="utf-8")
        (site / "conf.py").write_text(
            'extensions = ["myst_parser", "sphinx_awesome"]\n'
            'awesome_sources = ["list.md"]\nexclude_patterns = ["_build"]\n' + conf,
            encoding="utf-8")
        for name, text in pages.items():
            (site / name).write_text(text, encoding="utf-8")
        return site

    return make
