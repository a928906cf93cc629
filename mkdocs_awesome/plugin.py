"""The MkDocs plugin: what needs the whole site, around the extension that does the pages.

Each build it takes the lists from :func:`~mkdocs_awesome.lists.load_lists` (re-parsed
only when a file changed, so ``mkdocs serve`` rebuilds are cheap), reports their
diagnostics once, registers :class:`~mkdocs_awesome.extension.AwesomePapersExtension`
with a shared :class:`~mkdocs_awesome.site.Site`, adds ``references.bib`` and the
packaged CSS/JS to the site's files, and watches the lists under ``mkdocs serve``.

Where rows live. A citation links to the page that shows its entry's row, but pages
render one at a time. So in ``on_nav``, before the first page renders, the plugin runs
the extension's own block scanner and query over the source of every documentation page
(nav pages in nav order, then the others by path) and keeps, for each key, the first page
whose table shows it; a page's own tables still win for citations on that page. Links are
written as ``page.md#key``, so MkDocs turns them into URLs and can validate the anchors.
A table that another plugin inserts in ``on_page_markdown`` is not seen by this scan:
citations on other pages then link to the paper instead.
"""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from awesome_papers import STATIC_DIR
from awesome_papers.bibtex import bibtex_file, entry_bibtex

from .config import AwesomePapersConfig
from .extension import AwesomePapersExtension
from .lists import load_lists, log_diagnostics
from .site import Site, logger, theme_language
from .tables import locate_rows

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

ASSETS = "assets/awesome-papers"


class AwesomePapersPlugin(BasePlugin[AwesomePapersConfig]):
    """``plugins: [awesome-papers: {sources: [list.md]}]``."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.assets: list[File] = []
        #: Link the CSS and JS from every page, not only from pages with a table.
        self.every_page = False

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"],
                   dirty: bool) -> None:
        """Defined so that MkDocs keeps this plugin object across ``serve`` rebuilds."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        collection, _ = load_lists(self.config.sources, self.config.cache,
                                   parse_cache=self.config.parse_cache,
                                   ignore=self.config.ignore)
        log_diagnostics(collection, self.config.list_diagnostics)
        self.site = Site(collection, tuple(self.config.columns), self.config.badges,
                         theme_language(config.theme))
        # Material's instant navigation swaps pages in without loading their scripts.
        self.every_page = "navigation.instant" in (config.theme.get("features") or ())
        config.markdown_extensions.append(AwesomePapersExtension(site=self.site))  # type: ignore[arg-type]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        name = self.config.bibtex_file
        if name:
            if existing := files.get_file_from_path(name):
                logger.warning("%s in docs_dir is replaced by the one generated from %s",
                               name, ", ".join(self.config.sources))
                files.remove(existing)
            assert self.site is not None
            # Sources as written in mkdocs.yml: the file is the same on every checkout.
            here = os.path.dirname(config.config_file_path)
            sources = [Path(os.path.relpath(p, here)).as_posix() for p in self.config.sources]
            self.site.bibtex = {e.key: entry_bibtex(e) for e in self.site.collection.entries}
            text = bibtex_file(self.site.bibtex.values(), sources=sources)
            files.append(File.generated(config, name, content=text))
        self.assets = [File.generated(config, f"{ASSETS}/{path.name}", abs_src_path=str(path))
                       for path in [*sorted(STATIC_DIR.glob("*.css")),
                                    *sorted(STATIC_DIR.glob("*.js"))]]
        for asset in self.assets:
            files.append(asset)
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.site is not None
        in_nav = [page.file for page in nav.pages]
        others = sorted((f for f in files.documentation_pages() if f not in in_nav),
                        key=lambda f: f.src_uri)
        self.site.rows = locate_rows(((f.src_uri, f.content_string) for f in in_nav + others),
                                     self.site)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """Tell the extension which page it renders, and how many front-matter lines to add."""
        assert self.site is not None
        raw = page.file.content_string
        self.site.page = page.file.src_uri
        self.site.line_offset = raw[:-len(markdown)].count("\n") if raw.endswith(markdown) else 0
        return markdown

    def on_page_content(self, content: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        """Tell MkDocs' anchor validation about the row ids inside the stashed tables."""
        assert self.site is not None
        ids = self.site.anchors.pop(page.file.src_uri, set())
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= ids
        return content

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Link the packaged CSS and JS from pages that show a table (from every page under
        Material's instant navigation, where the reader may arrive at a table from any)."""
        if not self.assets or not (self.every_page or '<div class="awesome-papers' in output):
            return output
        urls = [html.escape(get_relative_url(f.url, page.url)) for f in self.assets]
        css = "".join(f'<link rel="stylesheet" href="{u}">' for u in urls if u.endswith(".css"))
        js = "".join(f'<script src="{u}" defer></script>' for u in urls if u.endswith(".js"))
        output = output.replace("</head>", f"{css}</head>", 1)
        end = output.rfind("</body>")
        return output if end < 0 else f"{output[:end]}{js}{output[end:]}"

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: object) -> LiveReloadServer:
        """Rebuild when a list or the enrichment cache changes, as for a page (a missing
        one cannot be watched: it was reported when the build loaded the lists)."""
        for path in [*self.config.sources, *filter(None, [self.config.cache])]:
            if os.path.exists(path):
                server.watch(path)
        return server
