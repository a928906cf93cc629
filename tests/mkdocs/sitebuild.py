"""Real MkDocs/ProperDocs builds in subprocesses, and reading their HTML as a browser would."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "mkdocs"
LIST = ROOT / "examples" / "llm-training.md"


@dataclass
class Built:
    """A finished build: its exit status, its log and the site folder."""

    returncode: int
    log: str
    site: Path

    def page(self, url: str) -> BeautifulSoup:
        """The page at a site URL such as ``optimization/`` (directory URLs)."""
        path = self.site / urlsplit(url).path.lstrip("/")
        if url.endswith("/") or not path.suffix:
            path = path / "index.html"
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")

    def target(self, from_url: str, href: str) -> tuple[str, str]:
        """Where a link on ``from_url`` goes: ``(page URL, fragment)``."""
        parts = urlsplit(urljoin(from_url, href))
        return parts.path, parts.fragment


def build(config: Path, out: Path, *args: str, tool: str = "mkdocs") -> Built:
    """``<tool> build --strict`` of ``config`` into ``out``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", tool, "build", "--strict", "-f", str(config), "-d", str(out),
         *args],
        capture_output=True, text=True, cwd=config.parent, env=env, check=False,
    )
    return Built(result.returncode, result.stdout + result.stderr, out)


def make_site(root: Path, config: str, pages: dict[str, str]) -> Path:
    """A site folder with ``mkdocs.yml`` (text as given) and ``docs/`` pages; returns the yml."""
    for name, text in pages.items():
        path = root / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    yml = root / "mkdocs.yml"
    yml.write_text(config, encoding="utf-8")
    return yml


def row_keys(soup: BeautifulSoup) -> list[str]:
    """The row ids of the page's paper tables, in order."""
    return [row.get("id", "") for row in soup.select("div.awesome-papers tr.awesome-row")]
