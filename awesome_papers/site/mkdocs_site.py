"""The files of a MkDocs site: ``mkdocs.yml`` (Material, light and dark, search, the
plugin) and one page per planned page under ``docs/``."""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING

from .language import CODES
from .pages import highlights_page, index_page, section_page

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .plan import SectionPage, SitePlan

DOCS = "docs"
_HEAD = """\
# Written by `awesome-papers site`. Edit freely: once edited, `site` leaves it alone.
# Build: mkdocs build --strict; preview with list edits picked up: mkdocs serve
site_name: {title}
docs_dir: docs
theme:
  name: material
  font: false  # system fonts: no request to a font CDN at page view{language}
  features: [navigation.sections, navigation.top, search.highlight]
  palette:  # follow the reader's light or dark preference; the toggle overrides it
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {{icon: material/brightness-7, name: Switch to dark mode}}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {{icon: material/brightness-4, name: Switch to light mode}}

plugins:
  - search
  - awesome-papers:
      sources: {sources}
      bibtex_file: references.bib

# --strict fails on a citation whose row is missing.
validation:
  anchors: warn
  unrecognized_links: warn

nav:
"""


def _quoted(text: str) -> str:
    """A YAML scalar (JSON is YAML) of untrusted text, HTML-escaped for the nav."""
    return json.dumps(escape(" ".join(text.split()), quote=False), ensure_ascii=False)


def _nav(page: SectionPage, indent: str) -> list[str]:
    if not page.children:
        return [f"{indent}- {page.path}"]
    lines = [f"{indent}- {_quoted(page.section.title)}:", f"{indent}    - {page.path}"]
    for child in page.children:
        lines += _nav(child, indent + "    ")
    return lines


def mkdocs_files(plan: SitePlan, sources: Sequence[str], language: str | None,
                 extra: Sequence[str]) -> dict[str, str]:
    """Path (relative to the site folder) -> text, for every file the site needs.

    ``sources`` are the lists' paths relative to the site folder, ``extra`` the pages the
    user added under ``docs/`` (listed under "More").
    """
    code = f"\n  language: {CODES[language][0]}" if language else ""
    config = _HEAD.format(title=_quoted(plan.title), language=code,
                          sources=json.dumps(list(sources), ensure_ascii=False))
    nav = ["  - index.md"]
    for listed in plan.lists:
        caption = listed.title if len(plan.lists) > 1 else "Sections"
        nav.append(f"  - {_quoted(caption)}:")
        for page in listed.pages:
            nav += _nav(page, "      ")
    if plan.highlights:
        nav += ["  - Across the list:", "      - highlights.md"]
    if extra:
        nav += ["  - More:", *(f"      - {json.dumps(path)}" for path in extra)]
    files = {"mkdocs.yml": config + "\n".join(nav) + "\n",
             f"{DOCS}/index.md": index_page(plan, "mkdocs", ())}
    for page in plan.section_pages():
        files[f"{DOCS}/{page.path}"] = section_page(page, "mkdocs")
    if plan.highlights:
        files[f"{DOCS}/highlights.md"] = highlights_page("mkdocs")
    return files


