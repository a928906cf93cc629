"""awesome-papers: curated Markdown paper lists as structured records.

The core never imports Sphinx or MkDocs; ``sphinx_awesome`` and ``mkdocs_awesome``
translate between their engine and the functions exported here. The names load on
first use, so a build that only needs ``awesome_papers.nodes`` does not pay for the
parser's imports.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .loader import load
    from .model import Collection, Diagnostic, Entry, Link, Section
    from .parse import parse_text
    from .query import Query, QueryProblem, parse_query, select

_WHERE = {
    "Collection": "model", "Diagnostic": "model", "Entry": "model", "Link": "model",
    "Section": "model", "load": "loader", "parse_text": "parse", "Query": "query",
    "QueryProblem": "query", "parse_query": "query", "select": "query",
}
__all__ = [
    "STATIC_DIR", "Collection", "Diagnostic", "Entry", "Link", "Query", "QueryProblem", "Section",
    "load", "parse_query", "parse_text", "select",
]
__version__ = "0.1.0"
#: The browser script and stylesheet both adapters ship with pages that show a table.
STATIC_DIR = Path(__file__).with_name("static")


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(import_module(f".{_WHERE[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
