"""The project's own documentation; it uses the Sphinx extension on the bundled list."""

import sys
from pathlib import Path

# docs/_ext holds this site's own directives: the parser's shapes shown from their
# fixtures, and the filter words' table from their one declaration in the query module.
sys.path.insert(0, str(Path(__file__).with_name("_ext")))

project = "awesome-papers"
copyright = "awesome-papers contributors"

extensions = ["myst_parser", "sphinx_awesome", "shape_fixtures", "filter_options"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_heading_anchors = 3

awesome_sources = ["../examples/llm-training.md"]


html_theme = "alabaster"
