"""A page of hostile formulas in Chromium, MathJax on: no script runs, nothing leaves the math.

The list is ``tests/security/hostile-math.md``. Its hostile formulas are text before
MathJax sees them; the same TeX written as the page's own math (``{math}`` roles) and as
``\\(...\\)`` text in a title checks the MathJax configuration behind that.
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from sphinx.application import Sphinx
from sphinx.util.docutils import docutils_namespace, patch_docutils

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Browser

LIST = Path(__file__).resolve().parents[1] / "security" / "hostile-math.md"
HARMLESS_FORMULAS = 9  # HARMLESS in tests/security/hostile_formulas.py
PAGE = """# Hostile math

The page's own math, with the commands MathJax must not run:
{math}`\\href{javascript:alert(7)}{click}`,
{math}`\\style{position:fixed;top:0;left:0;width:100vw;height:100vh;background:red}{cover}`,
{math}`\\cssId{awesome-own-hostile-id}{x}`, {math}`\\class{awesome-papers}{y}`,
{math}`\\unicode{x41}`.

```{awesome-papers}
```
"""
# Ids scripts give their own elements: MathJax 2's frames and SVG glyphs (MJMAIN-32),
# and awesome-papers.js's toolbars (awesome-0-q).
SCRIPT_IDS = re.compile(r"MathJax|MJ|awesome-\d+-")


@pytest.fixture(scope="module")
def hostile_page(site_root: Path, server_url: str, build_sphinx: Callable[..., None],
                 tmp_path_factory: pytest.TempPathFactory) -> str:
    """The hostile list's page, built with MathJax 2 served locally; its URL."""
    src = tmp_path_factory.mktemp("hostile-src")
    shutil.copy(LIST, src / "list.md")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_awesome"]\nawesome_sources = ["list.md"]\n'
        'exclude_patterns = ["_build", "list.md"]\n', encoding="utf-8")
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    out = site_root / "hostile"
    mathjax = f"{server_url}mathjax/MathJax.js?config=TeX-AMS_SVG-full"
    with patch_docutils(src), docutils_namespace():
        app = Sphinx(src, src, out, src / "_doctrees", "html",
                     confoverrides={"mathjax_path": mathjax},
                     status=StringIO(), warning=StringIO())
        app.build()
    return f"{server_url}hostile/index.html"


def test_hostile_formulas_run_nothing_in_chromium(browser: Browser, hostile_page: str,
                                                 site_root: Path, server_url: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: requests.append(request.url))
    page.goto(hostile_page)
    page.wait_for_function("window.MathJax && MathJax.isReady")
    page.evaluate("() => new Promise(done => MathJax.Hub.Queue(done))")

    # the allowed formulas are typeset; the \(...\) text in a title is left as text
    typeset = page.locator(".awesome-title script[type^='math/tex']").count()
    assert typeset == HARMLESS_FORMULAS
    assert "\\(\\href{javascript:alert(5)}" in page.inner_text("table.awesome-papers")

    # keyboard: Tab through the page, Enter on everything that does not leave it
    for _ in range(250):
        page.keyboard.press("Tab")
        href = page.evaluate("() => document.activeElement.getAttribute('href') || ''")
        if not href.startswith(("http:", "https:")):
            page.keyboard.press("Enter")
        if page.url != hostile_page:
            page.goto(hostile_page)
            page.wait_for_function("window.MathJax && MathJax.isReady")
    # mouse: hover every part of every title; click every formula that is not in a link
    parts = page.locator(".awesome-title, .awesome-title *")
    for i in range(parts.count()):
        if parts.nth(i).is_visible():
            parts.nth(i).hover(force=True)
    formulas = page.locator(".MathJax_SVG:not(a .MathJax_SVG)")
    assert formulas.count() == 5  # the page's own formulas; the titles' are in links
    for i in range(formulas.count()):
        if formulas.nth(i).is_visible():  # \unicode{x41} is typeset as nothing
            formulas.nth(i).click(force=True)
            assert page.url == hostile_page
    assert dialogs == []

    # nothing covers the page, links only where the page put them, ids only its own
    covering = page.evaluate("""() => [...document.querySelectorAll('*')].filter(el => {
        const style = getComputedStyle(el), box = el.getBoundingClientRect();
        return style.position === 'fixed' && box.width * box.height > innerWidth * innerHeight / 4;
    }).map(el => el.outerHTML.slice(0, 120))""")
    assert covering == []
    scripted = page.evaluate("""() => [...document.querySelectorAll('*')].flatMap(el =>
        [...el.attributes].filter(a => /^\\s*javascript:/i.test(a.value)).map(a => a.value))""")
    assert scripted == []
    built = (site_root / "hostile" / "index.html").read_text(encoding="utf-8")
    own = {tag["id"] for tag in BeautifulSoup(built, "html.parser").find_all(id=True)}
    ids = set(page.evaluate("() => [...document.querySelectorAll('[id]')].map(el => el.id)"))
    assert {i for i in ids - own if not SCRIPT_IDS.match(i)} == set()
    assert not page.locator(".awesome-papers [class~='awesome-papers'] ").count()
    assert [url for url in requests if not url.startswith((server_url, "data:"))] == []
    context.close()
