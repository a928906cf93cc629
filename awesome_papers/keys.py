"""Citation keys: Google-Scholar style, ASCII, unique, and stable across list edits.

A key depends only on its own entry (first author's last name, year, first title word;
owner and name for repositories; site and first word for links). Entries that would
share a key are told apart by a letter given in the order of their arXiv id or URL,
never by list position, so adding, removing or moving an unrelated entry changes no key.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from string import ascii_lowercase
from urllib.parse import urlsplit

from . import urls
from .draft import Draft
from .text import ascii_word, normalise_title

# Google Scholar skips articles and prepositions, nothing else.
_STOP = frozenset((
    "a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "at", "by", "from",
    "as", "via", "into", "towards", "toward",
))
_LATEX = re.compile(r"\\[a-zA-Z]+|[${}^_]")


def _first_word(title: str) -> str:
    for word in _LATEX.sub("", title).split():
        folded = ascii_word(word)
        if folded and folded not in _STOP:
            return folded
    return ""


def _ascii_slug(text: str) -> str:
    folded = "-".join(ascii_word(part) for part in re.split(r"[\s_.\-/]+", text))
    return re.sub(r"-+", "-", folded).strip("-")


def _site(url: str) -> str:
    """``jax-ml.github.io`` -> ``jax-ml``, ``www.youtube.com`` -> ``youtube``."""
    labels = urls.host(url).split(".")
    if len(labels) > 2 and ".".join(labels[-2:]) in ("github.io", "co.uk", "com.cn"):
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else (labels[0] or "link")


def base_key(draft: Draft) -> str:
    """The key before collisions are told apart."""
    if draft.kind == "paper":
        last = ascii_word(draft.authors[0].split()[-1]) if draft.authors else ""
        year = str(draft.year) if draft.year else ""
        key = f"{last or 'anon'}{year}{_first_word(draft.title)}"
    elif draft.kind == "repo" and draft.url and urls.is_code(draft.url):
        parts = [p for p in urlsplit(draft.url).path.split("/") if p][:2]
        key = _ascii_slug("-".join(parts))
    else:
        key = _ascii_slug(f"{draft.owner or _site(draft.url or '')}-{_first_word(draft.title)}")
    key = key or "entry"
    return key if key[0].isalpha() else f"x{key}"


def assign_keys(drafts: Sequence[Draft]) -> list[str]:
    """Unique keys for ``drafts``, in their order."""
    bases = [base_key(d) for d in drafts]
    groups: dict[str, list[int]] = defaultdict(list)
    for index, base in enumerate(bases):
        groups[base].append(index)
    keys = list(bases)
    for base, members in groups.items():
        if len(members) == 1:
            continue
        members.sort(key=lambda i: (drafts[i].arxiv or "", urls.normalise(drafts[i].url or ""),
                                    normalise_title(drafts[i].title), drafts[i].line))
        for rank, index in enumerate(members):
            keys[index] = base + _suffix(rank)
    return keys


def _suffix(rank: int) -> str:
    letters = ""
    rank += 1
    while rank:
        rank, rem = divmod(rank - 1, 26)
        letters = ascii_lowercase[rem] + letters
    return letters
