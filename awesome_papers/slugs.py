"""GitHub's heading anchors, so section names match a list's own table of contents."""

from __future__ import annotations

import re
import unicodedata

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


_MARKUP = re.compile(r"[*_`]+|!?\[([^\]]*)\]\([^)]*\)|<[^>]+>")


def heading_text(markdown: str) -> str:
    """The plain text of a heading's inline Markdown (links keep their text)."""
    return " ".join(_MARKUP.sub(lambda m: m.group(1) or "", markdown).split())
