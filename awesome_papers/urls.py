"""What a URL from an untrusted list may be, and what kind of place it points to.

One policy, :func:`is_safe`, for every output: the parser reports and drops what fails it,
and the JSON, CSV, BibTeX and HTML writers apply it again to every URL field (an entry
may come from a cache written by an older version, or be built by other code).
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import replace
from urllib.parse import unquote, urlsplit

from .model import Entry

SAFE_SCHEMES = frozenset(("http", "https", "mailto"))
_NOISE_PARAMS = ("tab=", "utm_", "usp=", "ref=", "s=", "t=")
_CODE_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "gist.github.com", "codeberg.org")
#: What a browser skips in a scheme (WHATWG URL: C0 controls, space, tab, newline), and
#: more, to be strict: DEL, C1 controls, every Unicode space and invisible format character.
_IGNORED = re.compile(r"[\x00-\x20\x7f-\xa0\xad\u034f\u061c\u115f\u1160\u1680\u180e"
                      r"\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f"
                      r"\ufeff\uffa0\ufff0-\ufff8]")
#: Where a scheme can no longer end: what precedes the first of these is the scheme part.
_PATH_START = re.compile(r"[/?#]")
#: Layers of ``&amp;``/``%25`` wrapping peeled off before a URL is given up as unsafe.
_LAYERS = 4


def _as_read(url: str) -> str | None:
    """The URL with entities and percent escapes decoded and ignored characters dropped,
    as often as that changes it; ``None`` if it still changes after :data:`_LAYERS`."""
    for _ in range(_LAYERS):
        decoded = _IGNORED.sub("", unicodedata.normalize("NFKC", unquote(html.unescape(url))))
        if decoded == url:
            return url
        url = decoded
    return None


def is_safe(url: str) -> bool:
    """http(s), mailto or a relative link (``//host`` included); never ``javascript:``,
    ``data:``, ``jar:``, ``blob:`` and the like.

    The scheme is judged after what a browser or a later reader might undo: HTML entities
    (``java&#9;script:``), percent escapes (``javascript%3A``), compatibility forms
    (full-width letters), and control, space and invisible characters anywhere
    (``java\tscript:``, ``java\u200bscript:``). A ``:`` before the first ``/``, ``?`` or
    ``#`` makes what precedes it a scheme, which must be one of :data:`SAFE_SCHEMES`.
    """
    if url.startswith(("https://", "http://")):
        return True
    read = _as_read(url)
    if read is None:
        return False
    head = _PATH_START.split(read, maxsplit=1)[0]
    return ":" not in head or head.split(":", 1)[0].lower() in SAFE_SCHEMES


def safe(url: str | None) -> str | None:
    """``url`` if it passes :func:`is_safe`, else ``None``."""
    return url if url and is_safe(url) else None


def scrubbed(entry: Entry) -> Entry:
    """``entry`` without the URLs (url, pdf, code, links) that fail :func:`is_safe`."""
    code = tuple(u for u in entry.code if is_safe(u))
    links = tuple(link for link in entry.links if is_safe(link.url))
    url, pdf = safe(entry.url), safe(entry.pdf)
    if (url, pdf, code, links) == (entry.url, entry.pdf, entry.code, entry.links):
        return entry
    return replace(entry, url=url, pdf=pdf, code=code, links=links)


def problem(url: str) -> str | None:
    """Why a URL as written will not work (a space in it, a trailing dot), else ``None``."""
    if url != url.strip() or " " in url.strip():
        return "has a space in it"
    if url.endswith("."):
        return "ends with '.'"
    return None


def trimmed(url: str) -> str:
    """``url`` without the spaces and dots around it that :func:`problem` reports: a
    sentence's full stop after a link is no part of the address (``…/StableSPAM.git.``)."""
    return url.strip().rstrip(".").rstrip() or url


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
    """A URL reduced for duplicate detection: scheme, ``www.``, noise parameters and the
    trailing slash dropped."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    path = parts.path.rstrip("/").removesuffix(".git")
    query = "&".join(q for q in sorted(parts.query.split("&"))
                     if q and not q.startswith(_NOISE_PARAMS))
    # ``page#part-1`` and ``page#part-2`` are two places; ``#readme`` is the page.
    fragment = "" if parts.fragment.lower() in ("", "readme", "top") else f"#{parts.fragment}"
    return f"{host(url)}{path}".lower() + (f"?{query}" if query else "") + fragment
