"""The example site: the bundled reference list as a Sphinx site (MyST Markdown pages).

`awesome-papers site` wrote the pages, the toctrees and README.md (see
.awesome-papers-site.json); this file, optimization.md and reading-notes.md are written
by hand, to show what a site can add: LaTeX settings, a table with a caption and a name,
and citations in running text.
"""

project = "LLM Training papers"
copyright = "the list's authors"
version = release = "1"
extensions = ["myst_parser", "sphinx_awesome"]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", ".github", "README.md"]

awesome_sources = ["../llm-training.md"]
awesome_bibtex_file = "references.bib"
# Star badges would load from shields.io at page view; the browser tests allow no such request.
awesome_badges = False

# The bundled list's known problems (URLs ending in '.', one duplicate) are one summary
# line of the build; `awesome-papers check ../llm-training.md` lists them.

html_theme = "alabaster"
latex_engine = "xelatex"  # the list's titles and link labels carry emoji and CJK text
