"""The browser layer: each table's data block, the packaged script and stylesheet.

Only HTML builders whose pages run scripts get them. E-books and help files (Sphinx calls
those builders "embedded") and every non-HTML builder get the plain tables: the data
blocks are dropped before writing, and no page links the files.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.fileutil import copy_asset_file

from awesome_papers import STATIC_DIR
from awesome_papers.nodes import is_table_data

if TYPE_CHECKING:
    from typing import Any

    from sphinx.application import Sphinx
    from sphinx.builders import Builder


def _scripted(builder: Builder) -> bool:
    return builder.format == "html" and not getattr(builder, "embedded", False)


class DropTableData(SphinxPostTransform):
    """Builders without scripts get no data blocks (epub would write them, XML dump them)."""

    default_priority = 50

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(is_table_data)):
            node.parent.remove(node)


def add_static(app: Sphinx) -> None:
    """``builder-inited``: put the packaged files in ``_static`` for scripted builders, else
    drop the data.

    Copied here rather than added to ``html_static_path``: a path appended at run time
    is in the pickled configuration, so every later build would report a configuration
    change. Copied before any page is written, so the links carry the files' checksums.
    """
    if _scripted(app.builder):
        static = Path(app.outdir, "_static")
        static.mkdir(parents=True, exist_ok=True)
        for source in sorted(STATIC_DIR.iterdir()):
            copy_asset_file(source, static, force=True)
    else:
        app.add_post_transform(DropTableData)


def link_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                doctree: nodes.document | None) -> None:
    """``html-page-context``: link the script and stylesheet from pages with a table only."""
    if doctree is None or not _scripted(app.builder):
        return
    if next(doctree.findall(is_table_data), None) is not None:
        app.add_css_file("awesome-papers.css")
        app.add_js_file("awesome-papers.js", loading_method="defer")


def setup_browser(app: Sphinx) -> None:
    """Register the handlers above."""
    app.connect("builder-inited", add_static)
    app.connect("html-page-context", link_assets)
