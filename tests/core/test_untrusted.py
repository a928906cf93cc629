"""Text and URLs from a list are untrusted: kept as text, unsafe links dropped."""

from __future__ import annotations

from awesome_papers import parse_text

EVIL = """## S

- **<script>alert(1)</script> Attack**, `arXiv, 2401.00001`

\t *Eve <img src=x onerror=alert(1)>*
- [Click](javascript:alert(document.cookie)) - a link
- [Data](data:text/html;base64,PHNjcmlwdD4=)
- [Fine](https://example.com/ok) · ([more](vbscript:msgbox(1)))
"""


def test_markup_in_titles_is_plain_text() -> None:
    entry = parse_text(EVIL).entries[0]
    assert entry.title == "<script>alert(1)</script> Attack"
    assert entry.authors == ("Eve <img src=x onerror=alert(1)>",)


def test_unsafe_schemes_are_dropped_and_reported() -> None:
    collection = parse_text(EVIL, "evil.md")
    urls = [u for e in collection.entries for u in
            [e.url, e.pdf, *e.code, *(link.url for link in e.links)] if u]
    assert all(u.startswith(("http://", "https://")) for u in urls)
    unsafe = [d for d in collection.diagnostics if d.code == "unsafe-link"]
    assert [d.line for d in unsafe] == [6, 7, 8]
    assert all(d.severity == "error" for d in unsafe)
    assert {e.title for e in collection.entries} >= {"Click", "Data", "Fine"}
