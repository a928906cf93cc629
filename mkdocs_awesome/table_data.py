"""Tables' JSON data kept out of MkDocs' search index, and put back into the page.

Each table is followed by a ``<script type="application/json">`` block for the browser
script (:func:`awesome_papers.nodes.table_data`): titles, authors and every row's BibTeX.
MkDocs' own search plugin indexes the text of every element, scripts included, so that
JSON would turn up in search results (Material's search and Sphinx skip scripts). The
plugin therefore empties the blocks in ``on_page_content``, before search reads the page,
and fills them again in ``on_post_page``, in the same order.
"""

from __future__ import annotations

import re

from awesome_papers.nodes import DATA_START

# The JSON escapes "<", so "</script>" only ever closes the block.
_FULL = re.compile(rf"({re.escape(DATA_START)})(.*?)(</script>)", re.DOTALL)
# Tolerant of what a minifier may do to the tag once it is empty.
_EMPTY = re.compile(r"(<script\b[^>]*\bawesome-papers-data\b[^>]*>)(</script>)")


def take_out(content: str) -> tuple[str, list[str]]:
    """The page content with each table's data emptied, and the data in page order."""
    data: list[str] = []

    def empty(match: re.Match[str]) -> str:
        data.append(match[2])
        return match[1] + match[3]

    return _FULL.sub(empty, content), data


def put_back(output: str, data: list[str]) -> str:
    """Fill the emptied blocks of a rendered page with ``data``, first block first."""
    if not data:
        return output
    remaining = iter(data)
    return _EMPTY.sub(lambda match: match[1] + next(remaining) + match[2], output,
                      count=len(data))
