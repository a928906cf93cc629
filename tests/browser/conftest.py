"""Build the example sites once, serve them from 127.0.0.1, drive them in Debian's Chromium.

Every page a test opens records its requests and console errors; a test fails at teardown
if any request went to another host or the page logged an error. Screenshots go to
``test-artifacts/`` at the repository root.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
MATHJAX = Path("/usr/share/javascript/mathjax")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
#: Each example site's optimization page, under the server root.
PAGES = {"sphinx": "sphinx/{page}.html", "mkdocs": "mkdocs/{page}/",
         "furo": "furo/{page}.html", "rtd": "rtd/{page}.html",
         "instant": "instant/{page}/", "sphinx-fr": "sphinx-fr/{page}.html",
         "mkdocs-de": "mkdocs-de/{page}/"}
#: Sphinx theme variants of the example, for the theme screenshots.
THEMES = {"furo": "furo", "rtd": "sphinx_rtd_theme"}


def _missing(what: str) -> None:
    """Skip where the browser tools are not installed; in CI they must be."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI must run the browser tests)")
    pytest.skip(f"{what}; install Debian's chromium and playwright, or set CI to fail instead")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if importlib.util.find_spec("playwright") is None:
        _missing("Playwright for Python is not installed")
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} not found")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/favicon.ico":  # asked for by the browser, not by the sites
            self.send_response(204)
            self.end_headers()
            return
        super().do_GET()


@pytest.fixture(scope="session")
def site_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder the server serves; the sites are built into it."""
    return tmp_path_factory.mktemp("sites")


@pytest.fixture(scope="session")
def server_url(site_root: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_Quiet, directory=str(site_root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def build_sphinx(site_root: Path, server_url: str) -> Callable[..., None]:
    """Build the example Sphinx site into ``site_root/name``, with MathJax served locally.

    Sphinx loads MathJax from a CDN at page view by default, and the optimization page has
    math. Debian's libjs-mathjax, served by the test server, keeps every request local.
    """
    if not MATHJAX.is_dir():
        _missing(f"{MATHJAX} not found (apt-get install libjs-mathjax)")
    if not (site_root / "mathjax").exists():
        (site_root / "mathjax").symlink_to(MATHJAX)

    def build(name: str, *overrides: str) -> None:
        from sphinx.cmd.build import build_main

        out = site_root / name
        args = ["-q", "-W", "-b", "html", "-d", str(site_root.parent / f"{name}-doctrees"),
                "-D", f"mathjax_path={server_url}mathjax/MathJax.js?config=TeX-AMS_SVG-full"]
        for override in overrides:
            args += ["-D", override]
        assert build_main([*args, str(EXAMPLES / "sphinx"), str(out)]) == 0

    return build


@pytest.fixture(scope="session")
def sites(site_root: Path, build_sphinx: Callable[..., None]) -> Path:
    """The two example sites, as ``site_root/sphinx`` and ``site_root/mkdocs``."""
    build_sphinx("sphinx")
    mkdocs = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
         "-f", str(EXAMPLES / "mkdocs" / "mkdocs.yml"), "-d", str(site_root / "mkdocs")],
        capture_output=True, text=True, cwd=EXAMPLES / "mkdocs", check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert mkdocs.returncode == 0, mkdocs.stderr
    return site_root


@pytest.fixture(scope="session")
def themed(site_root: Path, build_sphinx: Callable[..., None]) -> Callable[[str], None]:
    """Build the Sphinx example in another theme (Furo, Read the Docs) on first use."""

    def build(name: str) -> None:
        if not (site_root / name).exists():
            if importlib.util.find_spec(THEMES[name]) is None:
                _missing(f"the {THEMES[name]} theme is not installed")
            build_sphinx(name, f"html_theme={THEMES[name]}")

    return build


def _mkdocs_variant(site_root: Path, name: str, **settings: Any) -> Path:
    """The MkDocs example with ``settings`` (config keys, ``theme`` merged into the
    example's), built into ``site_root/name``."""
    import yaml

    example = EXAMPLES / "mkdocs"
    config = yaml.safe_load((example / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(example / "docs")
    config["theme"].update(settings.pop("theme", {}))
    config.update(settings)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "awesome-papers" in plugin:
            plugin["awesome-papers"]["sources"] = [str(EXAMPLES / "llm-training.md")]
    yml = site_root.parent / f"{name}.yml"
    yml.write_text(yaml.safe_dump(config), encoding="utf-8")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(yml),
         "-d", str(site_root / name)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert built.returncode == 0, built.stderr
    return site_root / name


@pytest.fixture(scope="session")
def instant(site_root: Path, server_url: str) -> Path:
    """The MkDocs example with Material's instant navigation, as ``site_root/instant``.

    Instant navigation only follows links listed in the sitemap, so ``site_url`` is the
    test server's address.
    """
    return _mkdocs_variant(site_root, "instant", site_url=f"{server_url}instant/",
                           theme={"features": ["navigation.instant"]})


@pytest.fixture(scope="session")
def translated(site_root: Path, build_sphinx: Callable[..., None]) -> None:
    """The examples in other languages: Sphinx in French (``language = "fr"``) as
    ``site_root/sphinx-fr``, Material in German (``theme.language: de``) as
    ``site_root/mkdocs-de``."""
    build_sphinx("sphinx-fr", "language=fr")
    _mkdocs_variant(site_root, "mkdocs-de", theme={"language": "de"})


@dataclass
class Visit:
    """One open page, and what it asked the network for and complained about."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser: Browser, server_url: str, sites: Path) -> Iterator[Callable[..., Visit]]:
    """Open ``site``'s ``page`` (light or dark, scripts on or off, ``width`` pixels wide) and
    check it afterwards."""
    visits: list[Visit] = []
    contexts = []

    def open_page(site: str, page: str = "optimization", *, javascript: bool = True,
                  scheme: str = "light", fragment: str = "", width: int = 1280) -> Visit:
        context = browser.new_context(java_script_enabled=javascript, color_scheme=scheme,
                                      viewport={"width": width, "height": 900})
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server_url[:-1])
        contexts.append(context)
        tab = context.new_page()
        url = server_url + PAGES[site].format(page=page)
        seen = Visit(tab, url)
        tab.on("request", lambda request: seen.requests.append(request.url))
        tab.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda error: seen.errors.append(str(error)))
        tab.goto(url + fragment)
        visits.append(seen)
        return seen

    yield open_page
    for context in contexts:
        context.close()
    for seen in visits:
        elsewhere = [url for url in seen.requests
                     if not url.startswith((server_url, "data:", "blob:"))]
        assert not elsewhere, f"{seen.url} made requests off localhost: {elsewhere}"
        assert not seen.errors, f"{seen.url} logged console errors: {seen.errors}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
