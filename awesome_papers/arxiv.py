"""arXiv identifiers: where they appear in a list and what they say about a paper."""

from __future__ import annotations

import re

#: New-style ids (``2504.13161``, ``1501.0001``) and old ones (``hep-th/9901001``).
ID = r"(?:\d{4}\.\d+|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})"
_URL = re.compile(
    r"arxiv\.org/(?:abs|pdf|html)/(?P<id>" + ID + r")(?:v(?P<v>\d+))?(?:\.pdf)?", re.I
)
_CITED = re.compile(r"\barxiv\s*[,:]?\s*(?P<id>\d{4}\.\d+)(?:v(?P<v>\d+))?", re.I)
_WELL_FORMED = re.compile(r"^(?:\d{2}(?:0[1-9]|1[0-2])\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})$")


def from_url(url: str) -> tuple[str, int | None] | None:
    """``(id, version)`` of an arxiv.org abs/pdf/html URL, else ``None``."""
    match = _URL.search(url)
    if not match:
        return None
    return match["id"], int(match["v"]) if match["v"] else None


def from_text(text: str) -> tuple[str, int | None] | None:
    """``(id, version)`` cited in text as ``arXiv, 2504.13161`` or ``arXiv:2504.13161``."""
    match = _CITED.search(text)
    if not match:
        return None
    return match["id"], int(match["v"]) if match["v"] else None


def is_well_formed(arxiv_id: str) -> bool:
    """Whether an id has a real month and 4 or 5 digits (``2307.092881`` has not)."""
    if not _WELL_FORMED.match(arxiv_id):
        return False
    if "/" in arxiv_id:
        return True
    digits = len(arxiv_id.split(".")[1])
    return digits == (5 if int(arxiv_id[:2]) >= 15 else 4)


def year_month(arxiv_id: str) -> tuple[int, int] | None:
    """Year and month an arXiv id was issued (``2504.13161`` -> 2025, 4)."""
    yymm = arxiv_id.rpartition("/")[2][:4]
    if not yymm.isdigit():
        return None
    yy, mm = int(yymm[:2]), int(yymm[2:])
    if not 1 <= mm <= 12:
        return None
    return (1900 + yy if yy >= 91 else 2000 + yy), mm


def abs_url(arxiv_id: str, version: int | None = None) -> str:
    """The canonical abstract page."""
    return f"https://arxiv.org/abs/{arxiv_id}" + (f"v{version}" if version else "")
