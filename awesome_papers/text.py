"""Text folding shared by filters, keys and duplicate detection."""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into an ASCII base letter.
_TRANSLIT = str.maketrans(
    {
        "ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
        "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th", "ı": "i",
    }
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form, for matching (``Güra`` -> ``gura``)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def ascii_word(text: str) -> str:
    """Lower-case ASCII letters and digits only (``Krähenbühl`` -> ``krahenbuhl``)."""
    return _NON_ALNUM.sub("", fold(text).encode("ascii", "ignore").decode())


def normalise_title(title: str) -> str:
    """A title reduced to words, so reformatted copies of a title compare equal."""
    return " ".join(_NON_ALNUM.sub(" ", fold(title)).split())
