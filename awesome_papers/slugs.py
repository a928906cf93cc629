"""GitHub's heading anchors, so section names match a list's own table of contents."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

# github-slugger drops everything that is not a letter, mark, number, connector
# punctuation (``_``), ``-`` or a space.
_KEEP = {"L", "M", "N"}


def github_slug(title: str) -> str:
    """``Mixture Of Experts`` -> ``mixture-of-experts``, as GitHub anchors the heading."""
    out = []
    for ch in title.lower():
        cat = unicodedata.category(ch)
        if cat[0] in _KEEP or ch in "-_" or cat == "Pc":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out)


class SlugCounter:
    """Numbers repeated slugs ``-1``, ``-2`` in document order, like GitHub."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def __call__(self, title: str) -> str:
        base = github_slug(title)
        slug = base
        while slug in self._seen:
            self._seen[base] += 1
            slug = f"{base}-{self._seen[base]}"
        self._seen[slug] = 0
        return slug


def heading_text(inline: Token) -> str:
    """The plain text of a heading (links keep their text, images their alt text).

    Read from markdown-it's inline tokens, not by patterns over the source, so a
    heading of a thousand ``[`` or ``<a`` takes the time of its length.
    """
    parts = []
    for tok in inline.children or ():
        if tok.type in ("text", "code_inline", "image"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return " ".join("".join(parts).split())
