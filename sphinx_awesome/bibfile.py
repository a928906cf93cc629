"""references.bib in the output folder, and the ``:awesome-bibtex:`` link to it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.osutil import relative_uri

from awesome_papers.files import FileProblem

from .sources import collection, report_summary, warn

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.builders import Builder


def write_bibfile(app: Sphinx, exception: Exception | None) -> None:
    """After a successful build in which the lists changed: their summary line, and the
    .bib (also when it is missing)."""
    if exception is not None or not app.config.awesome_sources:
        return
    from .domain import paper_domain  # here: the domain module imports this one

    lists_changed = paper_domain(app.env).lists_changed
    if lists_changed:
        report_summary(app.config)
    name = app.config.awesome_bibtex_file
    target = Path(app.outdir, name)
    if not name or (target.is_file() and not lists_changed):
        return
    # Imported here: bibtexparser's import is a noticeable part of a no-op rebuild.
    from awesome_papers.bibtex import write_bibtex

    try:
        write_bibtex(target, collection(app.config).entries,
                     sources=app.config.awesome_sources)
    except FileProblem as problem:  # e.g. a folder of that name: the pages are still fine
        warn(str(problem), None, "output")


def bibfile_link(builder: Builder, fromdocname: str, contnode: Element) -> Element:
    """A link from the page to the .bib where the output is a browsable folder of files;
    in a PDF or an e-book, where the file is not shipped, just the text."""
    name = builder.config.awesome_bibtex_file
    if not name or builder.format != "html" or "epub" in builder.name:
        return contnode
    refuri = relative_uri(builder.get_target_uri(fromdocname), name)
    return nodes.reference("", "", contnode, refuri=refuri, internal=False)
