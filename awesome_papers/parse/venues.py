"""Venues as lists write them (``NeurIPS 2023.``, ``(ICLR 2024)``, ``[ICML'23]``, badges),
with well-known venues written one way, so filters and citations agree across lists."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

#: Well-known venues, keyed by their folded spelling.
KNOWN = {name.lower().replace(" ", ""): name for name in (
    "NeurIPS", "ICLR", "ICML", "ACL", "EMNLP", "NAACL", "EACL", "AACL", "COLING", "COLM",
    "CVPR", "ICCV", "ECCV", "WACV", "BMVC", "AAAI", "IJCAI", "KDD", "WWW", "SIGIR", "CIKM",
    "WSDM", "RecSys", "ICDE", "VLDB", "SIGMOD", "TMLR", "JMLR", "TPAMI", "TACL", "IJCV",
    "TIP", "TNNLS", "Interspeech", "ICASSP", "MLSys", "OSDI", "SOSP", "NSDI", "EuroSys",
    "ASPLOS", "ISCA", "MICRO", "HPCA", "DAC", "USENIX ATC", "CoRL", "RSS", "ICRA", "IROS",
    "MICCAI", "AISTATS", "UAI", "COLT", "Nature", "Science", "SIGGRAPH", "SIGGRAPH Asia",
    "ACM MM", "ICME", "LREC", "Findings", "ICDM", "SDM", "ECML", "ICSE", "FSE", "ASE",
    "ISSTA", "CHI", "UIST", "IEEE TPAMI", "TKDE", "TOG", "3DV", "ICLR Workshop",
)}
_ALIASES = {"nips": "NeurIPS", "neurlps": "NeurIPS", "acmmm": "ACM MM", "mm": "ACM MM"}
#: ``NeurIPS 2023``, ``ICLR'24``, ``EMNLP Findings 2023``: a venue then its year.
_TAG = re.compile(
    r"\(?\[?\s*(?P<venue>[A-Za-z][A-Za-z0-9&.\- ]{0,40}?)\s*(?:['’]\s*)?"
    r"(?P<year>(?:19|20)\d{2}|\d{2})\s*\]?\)?[.,;]?")
_GLUED_YEAR = re.compile(r"(?P<name>[A-Za-z]{2,12})(?P<year>(?:19|20)\d{2})")
#: ``... Arxiv 2024.`` in running text: one venue word (or two) and a year.
_IN_TEXT = re.compile(
    r"(?<![\w'])(?P<venue>[A-Z][A-Za-z0-9&\-]{1,15}(?: [A-Z][A-Za-z&\-]{1,15})?)"
    r"\s?['’]?\s?(?P<year>(?:19|20)\d{2})(?!\d)")


def canonical(venue: str) -> str:
    """``neurips 2023`` -> ``NeurIPS 2023``, ``ICCV2017`` -> ``ICCV 2017``: known names
    in their usual spelling."""
    glued = _GLUED_YEAR.fullmatch(venue)
    if glued and is_known(glued["name"]):
        venue = f"{glued['name']} {glued['year']}"
    words = venue.split()
    if not words:
        return venue
    for size in (2, 1):
        folded = "".join(words[:size]).lower()
        name = KNOWN.get(folded) or _ALIASES.get(folded)
        if name and len(words) >= size:
            return " ".join([name, *words[size:]])
    return venue


def is_preprint(name: str) -> bool:
    """arXiv is where a paper is, not a venue: ``arXiv 2024``, ``arxiv papers'24``."""
    return name.lower().startswith(("arxiv", "preprint"))


def is_known(name: str) -> bool:
    folded = name.replace(" ", "").lower()
    return folded in KNOWN or folded in _ALIASES


def tag(text: str) -> tuple[str, int] | None:
    """``(venue, year)`` of a whole tag such as ``ICLR'24`` or ``(NeurIPS 2023)``."""
    match = _TAG.fullmatch(text.strip())
    if match is None:
        return None
    venue = " ".join(match["venue"].split())
    year = match["year"]
    return venue, int(year) if len(year) == 4 else 2000 + int(year)


def in_text(text: str) -> tuple[str, int] | None:
    """``(venue, year)`` of a known venue named with a year in running text, else ``None``.

    ``Arxiv 2024.`` gives ``("arXiv", 2024)``: the caller takes its year, not a venue.
    A text without ``19`` or ``20`` has no such year: most author lines are not scanned.
    """
    if "19" not in text and "20" not in text:
        return None
    for match in _IN_TEXT.finditer(text):
        venue = match["venue"]
        words = venue.split()
        if len(words) == 2 and not is_known(venue) and is_known(words[1]):
            venue = words[1]
        if venue.lower() == "arxiv":
            return "arXiv", int(match["year"])
        if is_known(venue) or is_known(words[0]):
            return venue, int(match["year"])
    return None


def badge(src: str) -> tuple[str, int] | None:
    """``img.shields.io/badge/Conference-ICML'24-blue``: the venue and year of a badge."""
    try:
        parts = urlsplit(src)
    except ValueError:
        return None
    if not parts.netloc.endswith("shields.io") or not parts.path.startswith("/badge/"):
        return None
    fields = unquote(parts.path[len("/badge/"):]).replace("--", "\0").split("-")
    fields = [f.replace("\0", "-").replace("_", " ") for f in fields]
    if len(fields) < 2 or fields[0].lower() not in ("conference", "venue", "journal",
                                                      "accepted", "publication"):
        return None
    return tag(fields[1])
