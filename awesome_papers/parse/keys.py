"""Citation keys: Google-Scholar style, ASCII, unique, and fixed by each entry itself.

A paper's key is its first author's last name, the year and the first significant title
word (``diao2025climb``); a paper without authors starts with that word instead
(``climb2025``). A repository's key is its owner and name (``huggingface-picotron``), a
link's its site and first title word (``x-muon``).

Entries that would share a key tell themselves apart with what they carry, never with
their position or their neighbours' ids: each adds its next significant title words, as
many as it takes and at most three (``lee2024samefoo``, ``lee2024samebar``), then its
arXiv id (``lee2024same-2401-00001``) or, without one, a short hash of its URL, else of
its title (``lee2024same-5f3a9c``). So an edit to the list renames only entries that
collide with the entry edited: a paper alone with its key gains its next word when a
paper with the same author, year and first word arrives (and loses it when that one
goes), and one whose next words the newcomer also shares gains as many more as it needs.
Reordering renames nothing. Entries that carry nothing to tell them apart (the same
title words, no arXiv id, no URL) are numbered ``-2``, ``-3`` in list order.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import islice
from urllib.parse import urlsplit

from .. import urls
from ..text import ascii_word, normalise_title
from .draft import Draft

# Google Scholar skips articles and prepositions, nothing else.
_STOP = frozenset((
    "a", "an", "the", "on", "of", "in", "for", "to", "and", "with", "at", "by", "from",
    "as", "via", "into", "towards", "toward",
))
_LATEX = re.compile(r"\\[a-zA-Z]+|[${}^_]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
#: Title words after the first that a colliding key may add before it takes an id.
_MAX_WORDS = 3


def _words(title: str) -> Iterator[str]:
    """The title's significant words, folded to ASCII, as Google Scholar picks them."""
    for word in _LATEX.sub("", title).split():
        folded = ascii_word(word)
        if folded and folded not in _STOP:
            yield folded


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
    """The key when no other entry would have it."""
    first = next(_words(draft.title), "")
    if draft.kind == "paper":
        names = draft.authors[0].split() if draft.authors else []
        last = ascii_word(names[-1]) if names else ""
        year = str(draft.year) if draft.year else ""
        key = f"{last}{year}{first}" if last else f"{first or 'paper'}{year}"
    elif draft.kind == "repo" and draft.url and urls.is_code(draft.url):
        parts = [p for p in urlsplit(draft.url).path.split("/") if p][:2]
        key = _ascii_slug("-".join(parts))
    else:
        key = _ascii_slug(f"{draft.owner or _site(draft.url or '')}-{first}")
    key = key or "entry"
    return key if key[0].isalpha() else f"x{key}"


def _identity(draft: Draft) -> str:
    """The arXiv id (``2401-00001``), else six hex digits of the URL or the title."""
    if draft.arxiv:
        return _NON_ALNUM.sub("-", draft.arxiv.lower()).strip("-")
    basis = urls.normalise(draft.url or draft.pdf or "") or normalise_title(draft.title)
    return hashlib.blake2s(basis.encode(), digest_size=3).hexdigest()


def _ladder(draft: Draft) -> list[str]:
    """The keys ``draft`` may take, shortest first; each later one is for a collision."""
    keys = [base_key(draft)]
    joiner = "" if draft.kind == "paper" else "-"
    for word in islice(_words(draft.title), 1, 1 + _MAX_WORDS):
        keys.append(keys[-1] + joiner + word)
    keys.append(f"{keys[-1]}-{_identity(draft)}")
    return keys


def assign_keys(drafts: Sequence[Draft]) -> list[str]:
    """Unique keys for ``drafts``, in their order.

    Every entry starts on its base key; while a key is shared, each entry holding it
    steps to the next rung of its own :func:`_ladder`. Each round looks only at which
    keys are shared, so the result does not depend on the order of ``drafts``; and only
    at keys that gained a holder, so the work grows with the steps taken, not rounds
    times entries.
    """
    keys = [base_key(d) for d in drafts]
    rungs = [0] * len(drafts)
    ladders: dict[int, list[str]] = {}
    holders: dict[str, set[int]] = defaultdict(set)
    for index, key in enumerate(keys):
        holders[key].add(index)
    shared = [key for key, held in holders.items() if len(held) > 1]
    while shared:
        steps = []
        for key in shared:
            for index in holders[key]:
                ladder = ladders.get(index) or ladders.setdefault(index, _ladder(drafts[index]))
                if rungs[index] + 1 < len(ladder):
                    steps.append(index)
        gained = set()
        for index in steps:
            holders[keys[index]].discard(index)
            rungs[index] += 1
            keys[index] = ladders[index][rungs[index]]
            holders[keys[index]].add(index)
            gained.add(keys[index])
        shared = [key for key in gained if len(holders[key]) > 1]
    return _numbered(keys)


def _numbered(keys: list[str]) -> list[str]:
    """``keys`` with the second, third ... holder of a key numbered ``-2``, ``-3``, ...

    Only entries that carry nothing to tell them apart still share a key here.
    """
    taken = set(keys)
    numbers: dict[str, int] = {}
    out = []
    for key in keys:
        if key in numbers:
            number = numbers[key]
            while f"{key}-{number}" in taken:
                number += 1
            numbers[key] = number + 1
            key = f"{key}-{number}"
            taken.add(key)
        else:
            numbers[key] = 2
        out.append(key)
    return out
