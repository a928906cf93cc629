"""The configured lists as one Collection, and whether it changed since the last call.

The core keeps the parsed lists and hands back the same collection while no list and
no cache changes; the extension runs once per page when used alone and the plugin once
per ``mkdocs serve`` rebuild, and both log a list's diagnostics only when it changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from awesome_papers import load

if TYPE_CHECKING:
    from collections.abc import Sequence

    from awesome_papers.model import Collection

_last: dict[tuple[tuple[str, ...], str | None], Collection] = {}


def load_lists(paths: Sequence[str], cache: str | None = None, *,
               parse_cache: bool = True) -> tuple[Collection, bool]:
    """The lists (enriched from ``cache`` if given), and whether they changed since last time.

    ``parse_cache`` keeps parsed lists on disk between builds. A missing list raises
    ``FileNotFoundError`` naming it.
    """
    collection = load(paths, cache=cache or None, disk_cache=parse_cache)
    key = (tuple(paths), cache)
    fresh = _last.get(key) is not collection
    _last[key] = collection
    return collection, fresh
