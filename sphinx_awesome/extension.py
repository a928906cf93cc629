"""``setup()``: declares config values, directives, roles, the domain and event handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import awesome_papers

from .bibfile import forget_blocks, write_bibfile
from .brackets import BracketedCitations
from .browser import setup_browser
from .config import setup_config
from .directive import AwesomeBibliography, AwesomeIntro, AwesomePapers, awesome_bibliography
from .domain import PaperDomain
from .incremental import find_homes, outdated, rewritten
from .mathjax import configure_mathjax
from .roles import BibtexRole, PaperRole
from .tables import RealRows, awesome_rows
from .transforms import FillBibliography, LatexRowAnchors, SingleHtmlRowIds

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register everything; all state is per document in the domain, hence parallel-safe."""
    setup_config(app)
    app.connect("config-inited", configure_mathjax)
    app.add_domain(PaperDomain)
    app.add_node(awesome_bibliography)
    app.add_node(awesome_rows)
    app.add_directive("awesome-papers", AwesomePapers)
    app.add_directive("awesome-bibliography", AwesomeBibliography)
    app.add_directive("awesome-intro", AwesomeIntro)
    app.add_role("paper", PaperRole("cite"))
    app.add_role("awesome-bibtex", BibtexRole())
    app.add_transform(BracketedCitations)
    app.add_post_transform(FillBibliography)
    app.add_post_transform(RealRows)
    app.add_post_transform(LatexRowAnchors)
    app.add_post_transform(SingleHtmlRowIds)
    app.connect("builder-inited", forget_blocks)
    app.connect("env-get-outdated", outdated)
    app.connect("env-updated", find_homes)
    app.connect("env-get-updated", rewritten)
    app.connect("build-finished", write_bibfile)
    setup_browser(app)
    return {
        "version": awesome_papers.__version__,
        # 2: tables are followed by a data block; 3: citations of several keys; 4: intros;
        # 5: a table's rows (and data block) are made when it is written
        "env_version": 5,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
