"""Typed, validated config values; a bad value fails at startup, naming what is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ConfigError

from awesome_papers.query import DEFAULT_COLUMNS, parse_query
from awesome_papers.report import MODES
from awesome_papers.suppress import unknown_codes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def setup_config(app: Sphinx) -> None:
    """Register the ``awesome_*`` values; 'env' ones re-read every page when they change."""
    add = app.add_config_value
    add("awesome_sources", [], "env", types=frozenset({list, tuple}),
        description="list files, relative to the conf.py directory")
    add("awesome_bibtex_file", "references.bib", "", types=frozenset({str}),
        description="name of the .bib written into the output folder; empty: none")
    add("awesome_columns", list(DEFAULT_COLUMNS), "env", types=frozenset({list, tuple}),
        description="default columns of awesome-papers tables")
    add("awesome_badges", False, "env", types=frozenset({bool}),
        description="show GitHub star badges, loaded from shields.io at page view")
    add("awesome_cache", None, "env", types=frozenset({str, type(None)}),
        description="arXiv enrichment cache (JSON), relative to the conf.py directory")
    add("awesome_ignore", None, "", types=frozenset({list, tuple, type(None)}),
        description="codes the lists' diagnostics are not reported for; None: the "
                    "ignore of .awesome-papers.toml or [tool.awesome-papers]")
    add("awesome_list_diagnostics", "summary", "", types=frozenset({str}),
        description="the lists' own problems: one line per list (summary), each as a "
                    "warning (all), or none")
    app.connect("config-inited", check_config)


def source_paths(config: Config) -> list[Path]:
    """The configured list files as absolute paths."""
    return list(config._awesome_paths[0])


def cache_path(config: Config) -> Path | None:
    """The enrichment cache as an absolute path, if configured."""
    path: Path | None = config._awesome_paths[1]
    return path


def check_config(app: Sphinx, config: Config) -> None:
    """Resolve paths against the conf dir; bad columns or a bad ``.bib`` name stop the build.

    A list that is missing or cannot be read does not: it is an ``unreadable-list``
    warning of the first build that sees it, and the build goes on without it. An
    unknown code in ``awesome_ignore`` stops it, with a did-you-mean.

    The resolved paths sit in a private attribute because directives and the domain see
    the config but not the app; Sphinx neither pickles nor compares ``_`` attributes.
    """
    cache = config.awesome_cache
    config._awesome_paths = (
        tuple(Path(app.confdir, p).resolve() for p in config.awesome_sources),
        Path(app.confdir, cache).resolve() if cache else None,
    )
    bibtex_file = config.awesome_bibtex_file
    if bibtex_file and (Path(bibtex_file).is_absolute() or ".." in Path(bibtex_file).parts):
        raise ConfigError(f"awesome_bibtex_file must be a name inside the output folder, "
                          f"not {bibtex_file!r}")
    _, problems = parse_query({"columns": ", ".join(config.awesome_columns)})
    if problems:
        raise ConfigError("awesome_columns: " + "; ".join(p.message for p in problems))
    if config.awesome_list_diagnostics not in MODES:
        raise ConfigError(f"awesome_list_diagnostics must be one of {', '.join(MODES)}, "
                          f"not {config.awesome_list_diagnostics!r}")
    exclude_sources(app, config)
    ignore = config.awesome_ignore
    if ignore is not None and (unknown := unknown_codes(map(str, ignore))):
        raise ConfigError("awesome_ignore: " + "; ".join(unknown))


def exclude_sources(app: Sphinx, config: Config) -> None:
    """Keep the lists out of the build: next to ``conf.py`` MyST would read one as a page
    (and warn about its headings and links), wherever it sits in the source folder."""
    srcdir = Path(app.srcdir).resolve()
    for path in config._awesome_paths[0]:
        if path.is_relative_to(srcdir):
            pattern = path.relative_to(srcdir).as_posix()
            if pattern not in config.exclude_patterns:
                config.exclude_patterns = [*config.exclude_patterns, pattern]
