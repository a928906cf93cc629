"""awesome-papers: curated Markdown paper lists as structured records.

The core never imports Sphinx or MkDocs; ``sphinx_awesome`` and ``mkdocs_awesome``
translate between their engine and the functions exported here.
"""

from __future__ import annotations

from .model import Collection, Diagnostic, Entry, Link, Section
from .parse import load, parse_text
from .query import Query, QueryProblem, parse_query, select

__all__ = [
    "Collection",
    "Diagnostic",
    "Entry",
    "Link",
    "Query",
    "QueryProblem",
    "Section",
    "load",
    "parse_query",
    "parse_text",
    "select",
]
__version__ = "0.1.0"
