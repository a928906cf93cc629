"""The Python-Markdown extension that does the page work: tables, citations, bibliographies.

The plugin registers it with a :class:`~mkdocs_awesome.site.Site` that knows the whole
site. It can also be listed alone under ``markdown_extensions:`` (Zensical, or MkDocs
without the plugin) with its own ``sources``; citations then link to rows on the same
page or to the paper.

Blocks are replaced by a preprocessor that runs after ``snippets`` and whitespace
normalisation (which would strip the stash placeholders) and before ``fenced_code`` and
``superfences``. Each table's HTML goes into Markdown's stash whole, so Markdown neither
re-parses nor touches it (cheap at 10k rows, safe inside admonitions and tabs); the ids
it gives rows are recorded in ``Site.anchors`` for the plugin to hand to MkDocs' anchor
validation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from awesome_papers.html import anchor, papers_html, references_html
from awesome_papers.intro import intro_for
from awesome_papers.messages import pick

from .blocks import find_blocks
from .citations import PRIORITY, ROLE_PRIORITY, CitationProcessor, RoleTreeprocessor
from .lists import load_lists, log_diagnostics
from .page import PageState
from .site import Site
from .tables import bibliography_problems, resolve, stray_problems

if TYPE_CHECKING:
    from markdown import Markdown

    from .blocks import Block


class BlockPreprocessor(Preprocessor):
    """Replaces each ``{awesome-papers}``/``{awesome-bibliography}``/``{awesome-intro}`` fence
    with its HTML."""

    def __init__(self, md: Markdown, page: PageState) -> None:
        super().__init__(md)
        self.page = page

    def run(self, lines: list[str]) -> list[str]:
        self.page.start(lines)
        out: list[str] = []
        position = 0
        for block in find_blocks(lines):
            out += [*lines[position:block.start], "", block.indent + self._render(block), ""]
            position = block.end
        self.page.site.anchors[self.page.site.page] = self.page.shown | self.page.names
        return out + lines[position:]

    def _render(self, block: Block) -> str:
        """The stash placeholder for a block's HTML (a bibliography's is filled in later)."""
        site = self.page.site
        if block.name == "awesome-bibliography":
            problems = bibliography_problems(block)
            classes = tuple((block.options.get("class") or "").split())
            self.page.bibliographies.append((len(self.md.htmlStash.rawHtmlBlocks), classes))
            html = ""
        elif block.name == "awesome-intro":
            html, problems = intro_for(site.collection, block.options)
            problems += stray_problems(block)
        else:
            table = resolve(block, site)
            problems = table.problems
            html = papers_html(table.entries, table.columns, badges=site.badges,
                               caption=table.caption, classes=table.classes, name=table.name,
                               anchored=self.page.shown, bibtex=site.entry_bibtex,
                               language=site.language)
            self.page.shown.update(entry.key for entry in table.entries)
            if table.name:
                self.page.names.add(anchor(table.name))
        for problem in problems:
            site.warn(block.start + 1, problem.code, problem.message)
        return self.md.htmlStash.store(html)


class BibliographyPostprocessor(Postprocessor):
    """Fills each bibliography with the entries cited anywhere on the page."""

    def __init__(self, md: Markdown, page: PageState) -> None:
        super().__init__(md)
        self.page = page

    def run(self, text: str) -> str:
        for index, classes in self.page.bibliographies:
            self.md.htmlStash.rawHtmlBlocks[index] = references_html(
                list(self.page.cited.values()), classes=classes)
        return text


class AwesomePapersExtension(Extension):
    """``markdown_extensions: [awesome_papers: {sources: [list.md]}]``, or via the plugin."""

    def __init__(self, site: Site | None = None, **kwargs: Any) -> None:
        self.config = {
            "sources": [[], "List files, relative to the working directory (or !relative)"],
            "columns": [[], "Default table columns (default: title, authors, year, code, links)"],
            "badges": [False, "Show GitHub star badges (images from shields.io)"],
            "cache": ["", "arXiv enrichment cache (JSON) from `awesome-papers enrich`"],
            "parse_cache": [True, "Keep parsed lists on disk between builds"],
            "language": ["en", "Language of table headers and controls (en, zh, ja, de, fr, es)"],
        }
        super().__init__(**kwargs)
        self.site = site

    def _standalone_site(self) -> Site:
        sources = self.getConfig("sources")
        collection, fresh = load_lists([sources] if isinstance(sources, str) else sources,
                                       self.getConfig("cache") or None,
                                       parse_cache=bool(self.getConfig("parse_cache")))
        if fresh:
            log_diagnostics(collection)
        columns = self.getConfig("columns")
        columns = columns.replace(",", " ").split() if isinstance(columns, str) else columns
        site = Site(collection, badges=bool(self.getConfig("badges")),
                    language=pick(self.getConfig("language")))
        if columns:
            site.columns = tuple(columns)
        return site

    def extendMarkdown(self, md: Markdown) -> None:
        page = PageState(self.site or self._standalone_site())
        md.registerExtension(self)
        md.preprocessors.register(BlockPreprocessor(md, page), "awesome_papers", 29)
        md.inlinePatterns.register(CitationProcessor(), "awesome_citation", PRIORITY)
        md.treeprocessors.register(RoleTreeprocessor(md, page), "awesome_roles", ROLE_PRIORITY)
        md.postprocessors.register(BibliographyPostprocessor(md, page),
                                   "awesome_bibliography", 35)


def makeExtension(**kwargs: Any) -> AwesomePapersExtension:
    """Lets Markdown load the extension by module name: ``mkdocs_awesome.extension``."""
    return AwesomePapersExtension(**kwargs)
