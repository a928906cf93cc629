"""The browser layer: each table's data block, the packaged script and stylesheet.

Only HTML builders whose pages run scripts get them. E-books and help files (Sphinx calls
those builders "embedded") and every non-HTML builder get the plain tables: no data
blocks, and no page links the files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util.fileutil import copy_asset_file

from awesome_papers import STATIC_DIR
from awesome_papers.nodes import is_table_data

if TYPE_CHECKING:
    from typing import Any

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


def scripted(builder: Builder | type[Builder]) -> bool:
    """Whether the builder's pages run the browser script (and so get the data blocks)."""
    return builder.format == "html" and not getattr(builder, "embedded", False)


def copy_static(app: Sphinx) -> None:
    """``builder-inited``: put the packaged files in ``_static``.

    Copied here rather than added to ``html_static_path``: a path appended at run time
    is in the pickled configuration, so every later build would report a configuration
    change. Copied before any page is written, so the links carry the files' checksums.
    """
    if scripted(app.builder):
        static = Path(app.outdir, "_static")
        static.mkdir(parents=True, exist_ok=True)
        for source in sorted(STATIC_DIR.iterdir()):
            copy_asset_file(source, static, force=True)


def link_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                doctree: nodes.document | None) -> None:
    """``html-page-context``: link the script and stylesheet from pages with a table only."""
    if doctree is None or not scripted(app.builder):
        return
    if next(doctree.findall(is_table_data), None) is not None:
        app.add_css_file("awesome-papers.css")
        app.add_js_file("awesome-papers.js", loading_method="defer")


def setup_browser(app: Sphinx) -> None:
    """Register the handlers above."""
    app.connect("builder-inited", copy_static)
    app.connect("html-page-context", link_assets)
