"""``shape-fixtures``: each entry shape of the parser, shown from its test fixtures.

The examples in ``formats.md`` are the snippets ``tests/core/test_shapes.py`` reads and
the records it expects, so the page cannot drift from what the parser does.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from markdown_it.utils import read_fixture_file
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from awesome_papers.parse.shapes import SHAPES

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "core" / "shapes"


class ShapeFixtures(SphinxDirective):
    """One section per shape, in the order the parser tries them, then the other fixtures."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        named = [(s.name, s.doc) for s in SHAPES]
        others = sorted(p.stem for p in FIXTURES.glob("*.md")
                        if p.stem not in {name for name, _ in named})
        out: list[nodes.Node] = []
        for name, doc in [*named, *((stem, "") for stem in others)]:
            path = FIXTURES / f"{name}.md"
            self.env.note_dependency(str(path))
            section = nodes.section(ids=[nodes.make_id(f"shape-{name}")])
            section += nodes.title(text=name)
            if doc:
                example, _, about = doc.partition("\n\n")
                section += nodes.paragraph(text=" ".join(about.split()))
                section += nodes.literal_block(example, example.strip("`. "),
                                               language="markdown")
            for _line, title, text, expected in read_fixture_file(path):
                section += nodes.paragraph(text=title[:1].upper() + title[1:] + ":")
                section += nodes.literal_block(text, text, language="markdown")
                section += nodes.literal_block(expected, expected.strip(), language="json")
            out.append(section)
        return out


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("shape-fixtures", ShapeFixtures)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
