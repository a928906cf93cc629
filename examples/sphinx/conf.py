"""The example site: the bundled reference list as a Sphinx site (MyST Markdown pages)."""

project = "LLM Training papers"
copyright = "the list's authors"
version = release = "1"
extensions = ["myst_parser", "sphinx_awesome"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build"]

awesome_sources = ["../llm-training.md"]
awesome_bibtex_file = "references.bib"
# Star badges would load from shields.io at page view; the browser tests allow no such request.
awesome_badges = False

# The bundled list has known problems (URLs ending in '.', one duplicate) that
# `awesome-papers check ../llm-training.md` lists; keep them out of this site's -W build.
suppress_warnings = ["awesome.parse", "awesome.duplicate"]

html_theme = "alabaster"
latex_engine = "xelatex"  # the list's titles and link labels carry emoji and CJK text
