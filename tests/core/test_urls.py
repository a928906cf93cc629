"""One URL policy, ``urls.is_safe``, for every output: a scheme is judged the way a browser
(or a later, decoding reader) would read it, and no output carries a URL that fails it."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_papers import parse_text
from awesome_papers.bibtex import entry_bibtex
from awesome_papers.export import to_csv, to_json
from awesome_papers.html import papers_html
from awesome_papers.model import Entry, Link
from awesome_papers.urls import is_safe

UNSAFE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(41)",
    "java\nscript:alert(42)",
    " \x00\x01javascript:alert(1)",
    "java\u200bscript:alert(1)",       # zero-width space
    "java\u00adscript:alert(1)",       # soft hyphen
    "ｊａｖａｓｃｒｉｐｔ：alert(1)",   # full-width
    "java&#9;script:alert(41)",
    "java&#10;script:alert(42)",
    "java&Tab;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "&amp;#106;avascript:alert(1)",    # escaped twice
    "javascript%3Aalert(1)",
    "java%09script:alert(1)",
    "%6Aavascript:alert(1)",
    "java%2509script:alert(1)",        # percent-escaped twice
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "jar:http://x.org/y.jar!/a.html",
    "blob:https://x.org/0b1c",
    "filesystem:https://x.org/temporary/a.html",
    "file:///etc/passwd",
    "view-source:https://x.org",
    "chrome://settings",
    "x:y",
]

SAFE = [
    "https://arxiv.org/abs/2401.00001",
    "http://x.org",
    "HTTPS://X.ORG/A",
    "https://x.org/a?next=javascript:alert(1)",
    "//cdn.x.org/paper.pdf",
    "/papers/a.pdf",
    "papers/a.pdf",
    "./a:b.pdf",
    "#results",
    "?q=a:b",
    "mailto:ann@x.org",
    "MailTo:ann@x.org",
    "",
]


@pytest.mark.parametrize("url", UNSAFE)
def test_hostile_schemes_are_unsafe(url: str) -> None:
    assert not is_safe(url)


@pytest.mark.parametrize("url", SAFE)
def test_http_mailto_and_relative_links_are_safe(url: str) -> None:
    assert is_safe(url)


HOSTILE_LIST = """# List

## Papers

- **Tab Paper**, `arXiv, 2401.00001` [x](java&#9;script:alert(41))
- **Newline Paper** [Paper](java&#10;script:alert(42))
- **Jar Paper** [pdf](jar:http://x.org/y.jar!/alert43.pdf)
- **Blob Paper** [Paper](blob:https://x.org/alert44)
- **Code Paper** [code](jar://github.com/alert45/repo) [code](java&#9;script://github.com/alert46/r)
- [Filesystem Link](filesystem:https://x.org/temporary/alert47)
- [Encoded Link](javascript%3Aalert48)
- **Good Paper** [pdf](https://x.org/good.pdf) [code](https://github.com/ann/good)
"""


def _export(path: Path, fmt: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "awesome_papers.cli", "export", str(path), "--format", fmt],
        capture_output=True, text=True, check=False)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def test_no_export_carries_an_unsafe_url(tmp_path: Path) -> None:
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE_LIST, encoding="utf-8")
    entries = json.loads(_export(path, "json"))["entries"]
    found = [u for e in entries for u in [e["url"], e["pdf"], *e["code"],
                                          *(link["url"] for link in e["links"])] if u]
    assert "https://x.org/good.pdf" in found and "https://github.com/ann/good" in found
    assert all(is_safe(u) for u in found), found
    assert not re.search(r"alert4\d", json.dumps(entries))

    rows = list(csv.DictReader(io.StringIO(_export(path, "csv"))))
    assert len(rows) == len(entries)
    assert "https://github.com/ann/good" in {row["code"] for row in rows}
    assert not re.search(r"alert4\d|jar:|blob:|filesystem:", "".join(map(str, rows)))

    bib = _export(path, "bib")
    assert bib.count("@") == len(entries)
    bib_urls = re.findall(r"url = \{([^}]*)\}|\\url\{([^}]*)\}", bib)
    assert bib_urls and all(is_safe(a or b) for a, b in bib_urls)
    assert not re.search(r"alert4\d|jar:|blob:|filesystem:", bib)


def test_entries_from_elsewhere_are_checked_again() -> None:
    """An entry from a cache or from other code: every writer applies the policy."""
    bad = "java\tscript:alert(49)"
    entry = Entry(key="lee2024cached", kind="paper", title="Cached", authors=("Ann Lee",),
                  year=2024, url="jar:http://x.org/a!/alert49", pdf=bad,
                  code=("https://github.com/ann/ok", bad),
                  links=(Link("blog", "blob:https://x.org/alert49"), Link("ok", "/ok.html")))
    record = json.loads(to_json(parse_text("# T\n"), [entry]))["entries"][0]
    assert (record["url"], record["pdf"]) == (None, None)
    assert record["code"] == ["https://github.com/ann/ok"]
    assert record["links"] == [{"label": "ok", "url": "/ok.html"}]
    for text in (to_csv([entry]), entry_bibtex(entry), papers_html([entry])):
        assert "alert49" not in text
    assert 'href="/ok.html"' in papers_html([entry], columns=["title", "links"])


def _scheme(draw: st.DrawFn) -> str:
    """A scheme, often a hostile one hidden behind entities, escapes and invisibles."""
    name = draw(st.sampled_from(["javascript", "vbscript", "data", "jar", "blob",
                                 "filesystem", "file", "http", "https", "mailto"]))
    noise = st.sampled_from(["\t", "\n", "&#9;", "&#10;", "&Tab;", "&NewLine;", "%09", "%0A",
                             "\u200b", "\u00ad", "&#x09;", "&amp;#9;", ""])
    letters = [draw(st.sampled_from([c, c.upper(), f"&#{ord(c)};", f"%{ord(c):02X}"]))
               + draw(noise) for c in name]
    colon = draw(st.sampled_from([":", ":", "&colon;", "&#58;", "%3A", "&#x3a;"]))
    return draw(noise) + "".join(letters) + colon


@st.composite
def hostile_urls(draw: st.DrawFn) -> str:
    rest = draw(st.sampled_from(["alert(1)", "//github.com/a/b", "//x.org/p.pdf",
                                 "//arxiv.org/abs/2401.00001", "x@y.org"]))
    if draw(st.booleans()):
        return _scheme(draw) + rest
    return draw(st.sampled_from(["", "/", "./"])) + rest


TEMPLATES = [
    "- **Paper {n}** [{label}]({url})\n",
    "- **Paper {n}**, `arXiv, 2401.0000{n}` [{label}]({url}) [code]({url2})\n",
    "- [Link {n}]({url}) - about it\n",
    "- [Link {n}](<{url}>)\n",
    "- **Paper {n}** <{url}>\n",
    "- [**Repo {n}**]({url2}) - a repository\n",
]


@st.composite
def hostile_lists(draw: st.DrawFn) -> str:
    items = []
    for n in range(draw(st.integers(1, 6))):
        items.append(draw(st.sampled_from(TEMPLATES)).format(
            n=n, url=draw(hostile_urls()), url2=draw(hostile_urls()),
            label=draw(st.sampled_from(["pdf", "code", "Paper", "x", "arXiv", "blog"]))))
    return "# List\n\n## S\n\n" + "".join(items)


def _urls(collection_entries: list[dict[str, object]]) -> list[str]:
    return [u for e in collection_entries
            for u in [e["url"], e["pdf"], *e["code"], *(k["url"] for k in e["links"])] if u]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_lists())
def test_every_exported_url_passes_the_policy(text: str) -> None:
    collection = parse_text(text, "hostile.md")
    assert all(is_safe(u) for u in _urls(json.loads(to_json(collection))["entries"]))
    rows = csv.DictReader(io.StringIO(to_csv(collection.entries)))
    # A cell that starts like a formula (a tab here) is written with a leading "'".
    assert all(is_safe(cell.removeprefix("'")) for row in rows
               for cell in [row["url"], row["pdf"], *row["code"].split()])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_lists())
def test_the_parser_reports_and_drops_every_unsafe_link(text: str) -> None:
    collection = parse_text(text, "hostile.md")
    kept = [u for e in collection.entries
            for u in [e.url, e.pdf, *e.code, *(k.url for k in e.links)] if u]
    assert all(is_safe(u) for u in kept)
