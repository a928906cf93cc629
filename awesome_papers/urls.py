"""What a URL from an untrusted list may be, and what kind of place it points to."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_NOISE_PARAMS = ("tab=", "utm_", "usp=", "ref=", "s=", "t=")
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "gist.github.com", "codeberg.org")
#: What browsers skip inside a scheme: controls, space and DEL.
_IGNORED = dict.fromkeys([*range(0x21), 0x7F])


def is_safe(url: str) -> bool:
    """http(s), mailto or a relative path; never ``javascript:``, ``data:`` and the like.

    Browsers drop tabs, newlines and control characters inside a scheme
    (``java\tscript:``), so the check reads the URL the way they do.
    """
    match = _SCHEME.match(url.translate(_IGNORED))
    return match is None or match.group(1).lower() in SAFE_SCHEMES


def problem(url: str) -> str | None:
    """Why a URL as written will not work (a space in it, a trailing dot), else ``None``."""
    if url != url.strip() or " " in url.strip():
        return "has a space in it"
    if url.endswith("."):
        return "ends with '.'"
    return None


def host(url: str) -> str:
    try:
        netloc = urlsplit(url).netloc.lower()
    except ValueError:
        return ""
    return netloc[4:] if netloc.startswith("www.") else netloc


def is_code(url: str) -> bool:
    """A repository page: GitHub/GitLab/Bitbucket/Codeberg projects and gists."""
    netloc = host(url)
    if netloc not in _CODE_HOSTS:
        return False
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return netloc == "gist.github.com" or len(parts) >= 2


def normalise(url: str) -> str:
    """A URL reduced for duplicate detection: scheme, ``www.``, query, slash dropped."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    path = parts.path.rstrip("/").removesuffix(".git")
    query = "&".join(q for q in sorted(parts.query.split("&"))
                     if q and not q.startswith(_NOISE_PARAMS))
    return f"{host(url)}{path}".lower() + (f"?{query}" if query else "")
