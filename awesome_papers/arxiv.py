"""arXiv identifiers: where they appear in a list and what they say about a paper.

Two schemes (https://info.arxiv.org/help/arxiv_identifier.html): new-style ``YYMM.NNNN``
from April 2007 (``YYMM.NNNNN`` from January 2015), and old-style ``archive/YYMMNNN``
(``hep-th/9901001``, ``math.GT/0309136`` with a subject class) from 1991 to March 2007.
Either may carry a version, ``v1`` being the first. Digits are ASCII only: ``\\d`` would
also take Arabic-Indic or full-width digits, which name no paper.
"""

from __future__ import annotations

import re

#: The archives of old-style ids; the scheme ended before any later archive opened.
OLD_ARCHIVES = frozenset({
    "acc-phys", "adap-org", "alg-geom", "ao-sci", "astro-ph", "atom-ph", "bayes-an",
    "chao-dyn", "chem-ph", "cmp-lg", "comp-gas", "cond-mat", "cs", "dg-ga", "funct-an",
    "gr-qc", "hep-ex", "hep-lat", "hep-ph", "hep-th", "math", "math-ph", "mtrl-th", "nlin",
    "nucl-ex", "nucl-th", "patt-sol", "physics", "plasm-ph", "q-alg", "q-bio", "quant-ph",
    "solv-int", "supr-con",
})
#: Highest version taken for real: few papers pass v20, and dating the versions of a
#: paper costs one request each, so a ``v3000000`` must not get that far.
MAX_VERSION = 99

#: New-style ids (``2504.13161``, ``1501.0001``) and old ones (``hep-th/9901001``), loose:
#: :func:`is_well_formed` says which of the matches can exist.
ID = r"(?:[0-9]{4}\.[0-9]+|[a-z\-]+(?:\.[A-Z]{2})?/[0-9]+)"
_VERSION = r"(?:v(?P<v>[0-9]+))?"
_URL = re.compile(
    r"arxiv\.org/(?:abs|pdf|html)/(?P<id>" + ID + r")" + _VERSION + r"(?:\.pdf)?", re.I
)
_ARCHIVE = "|".join(sorted(OLD_ARCHIVES, key=len, reverse=True))
# Possessive blanks (``*+``, Python 3.11) around one optional separator: two adjacent
# ``\s*`` made ``arxiv`` + 100k spaces quadratic by trading blanks between them.
_CITED = re.compile(
    r"\barxiv\s*+(?:[,:]\s*+)?(?P<id>[0-9]{4}\.[0-9]+|(?:" + _ARCHIVE + r")(?:\.[A-Z]{2})?/[0-9]+)"
    + _VERSION,
    re.I,
)
_NEW = re.compile(r"(?P<yy>[0-9]{2})(?P<mm>[0-9]{2})\.(?P<number>[0-9]{4,5})")
_OLD = re.compile(r"(?P<archive>[a-z\-]+)(?:\.[A-Z]{2})?/(?P<yy>[0-9]{2})(?P<mm>[0-9]{2})[0-9]{3}")
_CATEGORY = re.compile(r"[a-z]+(?:-[a-z]+)?(?:\.[A-Za-z]+(?:-[a-z]+)?)?")


def _cited(match: re.Match[str] | None) -> tuple[str, int | None] | None:
    """``(id, version)``; an impossible version stays in the id so the id is refused.

    ``2504.13161v0`` comes back as ``("2504.13161v0", None)``: every caller checks the id
    with :func:`is_well_formed`, which rejects it and so reports it, where dropping the
    version would quietly link another paper version than the list names.
    """
    if not match:
        return None
    version = match["v"]
    if version is None:
        return match["id"], None
    if version[0] == "0" or int(version[:3]) > MAX_VERSION:
        shown = version if len(version) <= 8 else version[:8] + "\u2026"
        return f"{match['id']}v{shown}", None
    return match["id"], int(version)


def from_url(url: str) -> tuple[str, int | None] | None:
    """``(id, version)`` of an arxiv.org abs/pdf/html URL, else ``None``."""
    return _cited(_URL.search(url))


def from_text(text: str) -> tuple[str, int | None] | None:
    """``(id, version)`` cited in text as ``arXiv, 2504.13161`` or ``arXiv:hep-th/9901001``."""
    return _cited(_CITED.search(text))


def is_well_formed(arxiv_id: str) -> bool:
    """Whether an id can exist: a real month in its scheme's years, the right digit count.

    ``2307.092881`` (six digits), ``1412.12345`` (five before 2015), ``0612.1234``
    (new-style before April 2007), ``hep-th/0801001`` (old-style after March 2007) and
    ``foo/9901001`` (no such archive) cannot.
    """
    new = _NEW.fullmatch(arxiv_id)
    if new:
        yy, mm = int(new["yy"]), int(new["mm"])
        digits = 5 if yy >= 15 else 4
        return 1 <= mm <= 12 and (yy, mm) >= (7, 4) and len(new["number"]) == digits
    old = _OLD.fullmatch(arxiv_id)
    if not old or old["archive"] not in OLD_ARCHIVES:
        return False
    yy, mm = int(old["yy"]), int(old["mm"])
    return 1 <= mm <= 12 and (yy >= 91 or (yy, mm) <= (7, 3))


def is_category(term: str) -> bool:
    """Whether ``term`` has the shape of an arXiv category (``cs.LG``, ``hep-th``)."""
    return len(term) <= 40 and _CATEGORY.fullmatch(term) is not None


def year_month(arxiv_id: str) -> tuple[int, int] | None:
    """Year and month an arXiv id was issued (``2504.13161`` -> 2025, 4).

    Old-style ids count 91-99 as the 1990s and 00-07 as the 2000s; new-style ids all
    belong to this century.
    """
    if not is_well_formed(arxiv_id):
        return None
    old = "/" in arxiv_id
    yymm = arxiv_id.rpartition("/")[2][:4]
    yy, mm = int(yymm[:2]), int(yymm[2:])
    return (1900 + yy if old and yy >= 91 else 2000 + yy), mm


def abs_url(arxiv_id: str, version: int | None = None) -> str:
    """The canonical abstract page."""
    return f"https://arxiv.org/abs/{arxiv_id}" + (f"v{version}" if version else "")
