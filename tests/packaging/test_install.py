"""The package as a user gets it: built into an sdist and a wheel, installed with its extras
into a fresh virtual environment, and run from a folder outside the checkout.

The wheel is built from the sdist (``python -m build``), as an index would serve them, so a
module, a data file or a licence that packaging leaves out is missing here too. The build
and the install fetch from the package index.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

import awesome_papers

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("awesome_papers", "sphinx_awesome", "mkdocs_awesome")

LIST = """\
# Tiny list

## Optimization

1. [**SnapKV: LLM Knows What You are Looking for Before Generation.**](https://arxiv.org/abs/2404.14469) *Yuhong Li, Yingbing Huang, Bowen Yang.* Arxiv 2024.
2. [**H2O: Heavy-Hitter Oracle for Efficient Generative Inference of Large Language Models.**](https://arxiv.org/abs/2306.14048) *Zhenyu Zhang, Ying Sheng.* NeurIPS 2023.
"""  # noqa: E501
PAGE = """\
# Papers

```{awesome-papers}
:section: optimization
```
"""
CITING = "# Notes\n\nSee {paper}`zhang2023h2o`.\n"
CONF = """\
project = "tiny"
extensions = ["myst_parser", "sphinx_awesome"]
awesome_sources = ["list.md"]
awesome_bibtex_file = "references.bib"
exclude_patterns = ["_build", "list.md"]
"""
MKDOCS_YML = """\
site_name: tiny
plugins:
  - awesome-papers:
      sources: [list.md]
      bibtex_file: references.bib
"""


@dataclass(frozen=True)
class Installed:
    """A fresh virtual environment holding the built wheel, and where to run it from."""

    wheel: Path
    bin: Path
    elsewhere: Path

    def run(self, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        """Run a command of the environment, outside the checkout, with no PYTHONPATH."""
        env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
        return subprocess.run([str(self.bin / args[0]), *args[1:]], cwd=cwd or self.elsewhere,
                              env=env, capture_output=True, text=True, check=False)


def _checked(args: list[str], cwd: Path) -> None:
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{args[:4]} failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    base = tmp_path_factory.mktemp("install")
    dist, venv, elsewhere = base / "dist", base / "venv", base / "elsewhere"
    elsewhere.mkdir()
    _checked([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)], cwd=base)
    (wheel,) = dist.glob("*.whl")
    _checked([sys.executable, "-m", "venv", str(venv)], cwd=base)
    _checked([str(venv / "bin" / "python"), "-m", "pip", "install", "-q",
              f"{wheel}[sphinx,mkdocs]"], cwd=base)
    return Installed(wheel=wheel, bin=venv / "bin", elsewhere=elsewhere)


def test_the_wheel_holds_every_module_the_licence_and_the_browser_files(
        installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    modules = {
        path.relative_to(ROOT).as_posix()
        for package in PACKAGES for path in (ROOT / package).rglob("*.py")
    }
    assert modules - names == set()  # every subpackage, awesome_papers.parse too
    version = awesome_papers.__version__
    assert {f"awesome_papers-{version}.dist-info/licenses/LICENSE",
            "awesome_papers/py.typed", "awesome_papers/static/awesome-papers.js",
            "awesome_papers/static/awesome-papers.css"} <= names


def test_the_installed_command_says_its_version(installed: Installed) -> None:
    done = installed.run("awesome-papers", "--version")

    assert done.returncode == 0, done.stderr
    assert done.stdout == f"awesome-papers {awesome_papers.__version__}\n"
    assert installed.wheel.name.startswith(f"awesome_papers-{awesome_papers.__version__}-")
    where = installed.run("python", "-c", "import awesome_papers; print(awesome_papers.__file__)")
    assert Path(where.stdout.strip()).is_relative_to(installed.bin.parent)  # not the checkout


def test_the_installed_package_builds_a_sphinx_site(installed: Installed) -> None:
    site = installed.elsewhere / "sphinx"
    site.mkdir()
    for name, text in {"conf.py": CONF, "list.md": LIST, "index.md": PAGE + "\n```{toctree}\n"
                       "notes\n```\n", "notes.md": CITING}.items():
        (site / name).write_text(text, encoding="utf-8")

    done = installed.run("sphinx-build", "-W", "-q", "-b", "html", ".", "_build", cwd=site)

    assert done.returncode == 0, done.stderr
    index = (site / "_build" / "index.html").read_text(encoding="utf-8")
    assert 'id="li2024snapkv"' in index and 'id="zhang2023h2o"' in index
    notes = (site / "_build" / "notes.html").read_text(encoding="utf-8")
    assert 'href="index.html#zhang2023h2o"' in notes
    assert "@misc{li2024snapkv," in (site / "_build" / "references.bib").read_text("utf-8")
    assert (site / "_build" / "_static" / "awesome-papers.js").is_file()


def test_the_installed_package_builds_an_mkdocs_site(installed: Installed) -> None:
    site = installed.elsewhere / "mkdocs"
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (site / "list.md").write_text(LIST, encoding="utf-8")
    (site / "docs" / "index.md").write_text(PAGE, encoding="utf-8")
    (site / "docs" / "notes.md").write_text("# Notes\n\nSee [@zhang2023h2o].\n", "utf-8")

    done = installed.run("mkdocs", "build", "--strict", "-q", cwd=site)

    assert done.returncode == 0, done.stderr
    index = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert 'id="li2024snapkv"' in index and 'id="zhang2023h2o"' in index
    notes = (site / "site" / "notes" / "index.html").read_text(encoding="utf-8")
    assert "../#zhang2023h2o" in notes
    assert "@misc{li2024snapkv," in (site / "site" / "references.bib").read_text("utf-8")
