"""A site written by ``awesome-papers site`` in Chromium: a reader searches a section's
table, filters it, and follows a citation from a page the user added.

Like the example-site tests, a page may make no request off localhost and log no error.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

from awesome_papers import load, parse_query, select
from awesome_papers.cli import main

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]
LIST = Path(__file__).resolve().parents[2] / "examples" / "llm-training.md"
NOTES = {"mkdocs": "# Notes\n\nClustered data mixtures [@diao2025climb].\n",
         "sphinx": "# Notes\n\nClustered data mixtures {paper}`diao2025climb`.\n"}
URLS = {"mkdocs": "{page}/", "sphinx": "{page}.html"}


def generate_and_build(engine: str, root: Path, server_url: str) -> None:
    """The site of the reference list, with a notes page of the user's, built strictly."""
    source = root.parent / f"{engine}-source"
    main(["site", str(LIST), "--engine", engine, "-o", str(source)])
    pages = source / "docs" if engine == "mkdocs" else source
    (pages / "notes.md").write_text(NOTES[engine], encoding="utf-8")
    assert main(["site", str(LIST), "--engine", engine, "-o", str(source)]) == 0  # nav: More
    out = root / engine
    if engine == "mkdocs":
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)]
    else:  # MathJax from the test server, as in the example-site tests
        command = [sys.executable, "-m", "sphinx", "-q", "-W", "-b", "html", "-D",
                   f"mathjax_path={server_url}mathjax/MathJax.js?config=TeX-AMS_SVG-full",
                   ".", str(out)]
    built = subprocess.run(command, cwd=source, capture_output=True, text=True, check=False,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert built.returncode == 0, built.stdout + built.stderr


@pytest.fixture(params=["mkdocs", "sphinx"])
def opened(request: pytest.FixtureRequest, browser: Browser, server_url: str,
           site_root: Path) -> Iterator[tuple[Page, str]]:
    """A tab on the built site's optimization page; off-host requests and errors fail."""
    engine = str(request.param)
    mathjax = site_root / "mathjax"
    if not mathjax.exists():
        mathjax.symlink_to("/usr/share/javascript/mathjax")
    generate_and_build(engine, site_root / "generated", server_url)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    base = f"{server_url}generated/{engine}/"
    page.goto(base + URLS[engine].format(page="optimization"))
    yield page, base + URLS[engine]
    context.close()
    assert not [u for u in requests if not u.startswith((server_url, "data:", "blob:"))]
    assert not errors


def keys(**options: str) -> list[str]:
    query, problems = parse_query(options)
    assert not problems
    return [e.key for e in select(load(LIST), query)[0]]


def showing(shown: int, total: int) -> str:
    """The count line of an English page."""
    return f"Showing {shown} {'paper' if shown == 1 else 'papers'} of {total}"


def shown(page: Page) -> list[str]:
    return page.locator("tr.awesome-row:visible").evaluate_all("rows => rows.map(r => r.id)")


def test_search_filter_and_follow_a_citation(opened: tuple[Page, str]) -> None:
    page, url = opened
    own = keys(section="optimization")
    total = len(own)
    count = page.locator(".awesome-count")
    expect(count).to_have_text(showing(total, total))

    box = page.locator(".awesome-controls")
    box.get_by_label("Search").fill("spike")
    spikes = keys(section="optimization", match="spike")
    assert 0 < len(spikes) < total
    expect(count).to_have_text(showing(len(spikes), total))
    box.get_by_label("Search").fill("")

    box.get_by_role("checkbox", name="🌟 only").check()
    stars = keys(section="optimization", highlight="")
    expect(count).to_have_text(showing(len(stars), total))
    assert shown(page) == stars

    page.goto(url.format(page="notes"))
    page.get_by_role("link", name=re.compile(r"Diao et al\. 2025")).click()
    page.wait_for_url(re.compile(r"#diao2025climb$"))
    row = page.locator("#diao2025climb")
    expect(row).to_be_visible()
    expect(row).to_have_class(re.compile(r"\bawesome-marked\b"))
