"""The files of a Sphinx site: ``conf.py`` (Furo, light and dark, search, MyST and the
extension) and one MyST page per planned page, toctrees giving the nested nav."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .language import CODES
from .pages import highlights_page, index_page, section_page

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .plan import SitePlan

_CONF = '''\
"""Written by `awesome-papers site`. Edit freely: once edited, `site` leaves it alone.

Build: sphinx-build -W -b html . _build/html
"""

project = {title}
html_title = project
extensions = ["myst_parser", "sphinx_awesome"]
source_suffix = {{".md": "markdown", ".rst": "restructuredtext"}}
exclude_patterns = ["_build", ".github", "README.md"]

awesome_sources = {sources}
awesome_bibtex_file = "references.bib"

html_theme = "furo"  # light and dark, following the reader's preference, and search
{language}'''


def sphinx_files(plan: SitePlan, sources: Sequence[str], language: str | None,
                 extra: Sequence[str]) -> dict[str, str]:
    """Path (relative to the site folder) -> text, for every file the site needs.

    ``sources`` are the lists' paths relative to the site folder, ``extra`` the pages the
    user added (listed under "More").
    """
    code = f"language = {CODES[language][1]!r}\n" if language else ""
    files = {"conf.py": _CONF.format(title=repr(" ".join(plan.title.split())),
                                     sources=repr(list(sources)), language=code),
             "index.md": index_page(plan, "sphinx", extra)}
    for page in plan.section_pages():
        files[page.path] = section_page(page, "sphinx")
    if plan.highlights:
        files["highlights.md"] = highlights_page("sphinx")
    return files
