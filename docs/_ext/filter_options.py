"""``filter-options``: the table of filter words, made from ``awesome_papers.query.FILTERS``.

The same declarations make the query parser, the directive and block options and the CLI
flags, so the tables in ``sphinx.md`` (``:form: option``) and ``cli.md`` (``:form: flag``)
cannot promise an option the code does not take.
"""

from __future__ import annotations

import shlex
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from awesome_papers.query import FILTERS, FilterOption


def _inline(text: str) -> list[nodes.Node]:
    """Text with Markdown code spans (`` `2024-` ``) as literals."""
    parts = text.split("`")
    return [nodes.literal(p, p) if i % 2 else nodes.Text(p) for i, p in enumerate(parts) if p]


def _written(option: FilterOption, form: str) -> tuple[str, str]:
    """How the option and its example are written in a page or on the command line."""
    if form == "flag":
        name = f"--{option.name}"
        return name, f"{name} {shlex.quote(option.example)}" if option.example else name
    return option.name, f":{option.name}: {option.example}".rstrip()


class FilterOptions(SphinxDirective):
    """A four-column table: option (or flag), value, meaning, example."""

    option_spec: ClassVar[dict[str, object]] = {
        "form": lambda value: directives.choice(value, ("option", "flag")),
    }

    def run(self) -> list[nodes.Node]:
        form = self.options.get("form", "option")
        heads = ("flag" if form == "flag" else "option", "value", "meaning", "example")
        group = nodes.tgroup(cols=len(heads))
        group += [nodes.colspec(colwidth=1) for _ in heads]
        group += nodes.thead("", self._row([[nodes.Text(h)] for h in heads]))
        body = nodes.tbody()
        for option in FILTERS:
            name, example = _written(option, form)
            value = "" if option.flag and form == "flag" else option.value
            body += self._row([[nodes.literal(name, name)], _inline(value),
                               _inline(option.help), [nodes.literal(example, example)]])
        group += body
        return [nodes.table("", group, classes=["filter-options"])]

    @staticmethod
    def _row(cells: list[list[nodes.Node]]) -> nodes.row:
        row = nodes.row()
        for content in cells:
            row += nodes.entry("", nodes.paragraph("", "", *content))
        return row


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("filter-options", FilterOptions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
