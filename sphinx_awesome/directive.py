"""``awesome-papers`` (a filtered table), ``awesome-bibliography`` (what the page cites) and
``awesome-intro`` (the list's own prose)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import OptionSpec

from awesome_papers.intro import INTRO_OPTIONS, intro_for
from awesome_papers.messages import pick
from awesome_papers.nodes import scroll_box
from awesome_papers.query import DISPLAY_OPTIONS, FILTERS, select_table

from .domain import paper_domain
from .sources import collection, digest, warn
from .tables import light_table

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from docutils.nodes import Node

    from awesome_papers import Collection, Entry, QueryProblem


class _AnyOption(OptionSpec):
    """The filter words of ``query.FILTERS``, and every other option name too, so the
    core's query parser (not docutils) reports unknown ones, with a did-you-mean, as an
    ``awesome.bad-option`` warning. Values stay text: the core parses them (a flag may
    be bare or true/false), so every adapter says the same about a bad one."""

    def __missing__(self, key: str) -> Callable[[str | None], str]:
        return directives.unchanged


def select_and_digest(coll: Collection, options: Mapping[str, str],
                 ) -> tuple[list[Entry], tuple[str, ...], list[QueryProblem], str]:
    """Entries, columns and problems of a table, and a digest of all three: the
    incremental check re-runs this on the new list and re-reads the page if it differs."""
    entries, columns, problems = select_table(coll, options)
    return entries, columns, problems, digest(entries, columns, problems)


class AwesomePapers(SphinxDirective):
    """A table of the entries that the filter options select (DESIGN.md's filter words)."""

    option_spec: ClassVar[OptionSpec] = _AnyOption(
        {option.name: directives.unchanged for option in FILTERS},
        caption=directives.unchanged, name=directives.unchanged,
        **{"class": directives.class_option},
    )

    def run(self) -> list[Node]:
        options = {k: v for k, v in self.options.items() if k not in DISPLAY_OPTIONS}
        options.setdefault("columns", ", ".join(self.config.awesome_columns))
        entries, columns, problems, table_digest = select_and_digest(
            collection(self.config), options)
        for problem in problems:
            warn(problem.message, self.get_location(), problem.code)

        docname = self.env.current_document.docname
        anchored = paper_domain(self.env).note_table(
            docname, (e.key for e in entries), options, table_digest)
        language = pick(self.config.language)
        table = light_table(entries, columns, badges=self.config.awesome_badges,
                            caption=self.options.get("caption"),
                            classes=self.options.get("class", []), anchored=anchored,
                            language=language)
        self.set_source_info(table)
        self.add_name(table)
        return [scroll_box(table)]  # the rows, and the data block after it, come at writing


class awesome_bibliography(nodes.General, nodes.Element):
    """Placeholder, filled at write time with the entries its page cites."""


class AwesomeBibliography(SphinxDirective):
    """The papers cited on this page, in citation order."""

    option_spec: ClassVar[OptionSpec] = {
        "class": directives.class_option,
    }

    def run(self) -> list[Node]:
        node = awesome_bibliography(docname=self.env.current_document.docname,
                                    classes=["awesome-bibliography",
                                             *self.options.get("class", [])])
        self.set_source_info(node)
        return [node]


def intro_and_digest(coll: Collection, options: Mapping[str, str],
                     ) -> tuple[str, list[QueryProblem], str]:
    """An intro's HTML and problems, and a digest of both: the incremental check re-runs
    this on the new list and re-reads the page if it differs."""
    html, problems = intro_for(coll, options)
    return html, problems, hashlib.sha256(repr((html, problems)).encode()).hexdigest()


class AwesomeIntro(SphinxDirective):
    """A list's own introduction, or a section's text, rendered from the list at build
    time (see :mod:`awesome_papers.intro`); HTML builders only."""

    option_spec: ClassVar[OptionSpec] = _AnyOption(
        {name: directives.unchanged for name in INTRO_OPTIONS})

    def run(self) -> list[Node]:
        html, problems, intro_digest = intro_and_digest(collection(self.config), self.options)
        for problem in problems:
            warn(problem.message, self.get_location(), problem.code)
        paper_domain(self.env).note_intro(self.env.current_document.docname,
                                          dict(self.options), intro_digest)
        return [nodes.raw("", html, format="html")] if html else []
