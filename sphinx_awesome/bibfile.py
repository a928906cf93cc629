"""references.bib in the output folder, the ``:awesome-bibtex:`` link to it, and each
entry's ``.bib`` block, made once per build for the .bib and the tables' BibTeX buttons."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.osutil import relative_uri

from awesome_papers.files import FileProblem, write_atomic
from awesome_papers.gc_pause import collector_paused

from .sources import collection, report_summary, warn

if TYPE_CHECKING:
    from docutils.nodes import Element
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from awesome_papers import Entry

#: Entry -> its ``.bib`` block, for this build. Keyed by the entry itself (every field),
#: so an entry that changed is made again. Tables are made into real nodes in the main
#: process even under ``-j`` (Sphinx resolves doctrees before handing them to writers),
#: so the .bib written at the end finds every block the tables made.
_blocks: dict[Entry, str] = {}


def entry_block(entry: Entry) -> str:
    """The entry's ``.bib`` block, made on first use in this build."""
    block = _blocks.get(entry)
    if block is None:
        # Imported here: bibtexparser's import is a noticeable part of a no-op rebuild.
        from awesome_papers.bibtex import entry_bibtex

        block = _blocks[entry] = entry_bibtex(entry)
    return block


def forget_blocks(app: Sphinx) -> None:
    """``builder-inited``: a new build starts with no blocks (a process may run several)."""
    _blocks.clear()


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
    from awesome_papers.bibtex import bibtex_file

    with collector_paused():  # thousands of blocks and no garbage cycles
        text = bibtex_file([entry_block(e) for e in collection(app.config).entries],
                           sources=app.config.awesome_sources)
    try:
        write_atomic(target, text)
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
