"""MkDocs, ProperDocs and Zensical support for awesome-papers: a thin adapter over the core.

The plugin (``awesome-papers`` under ``plugins:``) handles what needs the whole site; the
Markdown extension (``awesome_papers`` under ``markdown_extensions:``) does the page work
and also runs alone where plugins do not, so importing it must not import MkDocs: the
plugin is loaded only when asked for.
"""

from __future__ import annotations

from typing import Any

from .extension import AwesomePapersExtension, makeExtension

__all__ = ["AwesomePapersExtension", "AwesomePapersPlugin", "makeExtension"]


def __getattr__(name: str) -> Any:
    if name == "AwesomePapersPlugin":
        from .plugin import AwesomePapersPlugin

        return AwesomePapersPlugin
    raise AttributeError(name)
