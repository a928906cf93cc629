"""The list's language, for the theme's labels and the search's word splitting.

Only a clear case is named: most of the words in the list's own prose (its headings and
its introduction, not the paper titles, which are mostly English everywhere) are Chinese,
Japanese or Korean. Anything else is left to the engine's default, English.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator

#: Language code -> (MkDocs Material ``theme.language``, Sphinx ``language``).
CODES = {"zh": ("zh", "zh_CN"), "ja": ("ja", "ja"), "ko": ("ko", "ko")}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    if name.startswith("CJK"):
        return "han"
    if name.startswith(("HIRAGANA", "KATAKANA")):
        return "kana"
    if name.startswith("HANGUL"):
        return "hangul"
    return "other"


def _words(text: str) -> Iterator[str]:
    """The script of each word: a run of other letters is one word, a CJK character is
    one (Chinese and Japanese write no spaces; a character is about a word)."""
    previous = ""
    for ch in text:
        script = _script(ch) if ch.isalpha() else ""
        if script and (script != "other" or previous != "other"):
            yield script
        previous = script


def guess_language(texts: Iterable[str]) -> str | None:
    """``zh``, ``ja`` or ``ko`` when those scripts hold most of the words, else ``None``."""
    counts = Counter(script for text in texts for script in _words(text))
    total = sum(counts.values())
    if not total or counts["other"] * 2 >= total:
        return None
    if counts["hangul"] >= counts["han"] + counts["kana"]:
        return "ko"
    return "ja" if counts["kana"] * 5 >= counts["han"] else "zh"
