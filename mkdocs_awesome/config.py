"""The plugin's typed options; MkDocs validates them before the build starts."""

from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.config import base
from mkdocs.config import config_options as c

from awesome_papers.query import COLUMNS, DEFAULT_COLUMNS
from awesome_papers.report import MODES
from awesome_papers.suppress import unknown_codes


class SitePath(c.Type[str]):
    """A path inside the built site: relative, no ``..``."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        path = super().run_validation(value)
        if path and (PurePosixPath(path).is_absolute() or ".." in PurePosixPath(path).parts):
            raise base.ValidationError(f"must be a path inside the site, not {path!r}")
        return path


class Code(c.Type[str]):
    """A diagnostic code; an unknown one fails validation with a did-you-mean."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        code = super().run_validation(value)
        if unknown := unknown_codes([code]):
            raise base.ValidationError(unknown[0])
        return code


class AwesomePapersConfig(base.Config):
    """``plugins: [awesome-papers: {...}]``; paths are relative to ``mkdocs.yml``."""

    #: The awesome-list files. One that is missing or cannot be read is an error naming
    #: it, and the build goes on without it (``--strict`` fails).
    sources = c.ListOfItems(c.File(exists=False))
    #: Name of the BibTeX file written into the site (linkable from pages); empty: none.
    bibtex_file = SitePath(default="references.bib")
    #: Default columns of a table without ``:columns:``.
    columns = c.ListOfItems(c.Choice(COLUMNS), default=list(DEFAULT_COLUMNS))
    #: GitHub star badges next to code links (images load from shields.io at page view).
    badges = c.Type(bool, default=False)
    #: arXiv enrichment cache written by ``awesome-papers enrich`` (JSON).
    cache = c.Optional(c.File(exists=False))
    #: The lists' own problems: one INFO line per list (``summary``), each one as a
    #: warning, so that ``--strict`` fails on them (``all``), or ``none``.
    list_diagnostics = c.Choice(MODES, default="summary")
    #: Codes the lists' diagnostics are not reported for; unset: the ``ignore`` of the
    #: nearest ``.awesome-papers.toml`` or ``[tool.awesome-papers]`` (comments always count).
    ignore = c.Optional(c.ListOfItems(Code()))
    #: Keep parsed lists on disk between builds (``$AWESOME_PAPERS_CACHE``, else
    #: ``~/.cache/awesome-papers``), so a fresh ``mkdocs build`` need not parse again.
    parse_cache = c.Type(bool, default=True)
