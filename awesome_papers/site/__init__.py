"""``awesome-papers site``: a whole MkDocs or Sphinx site for one or more lists.

:mod:`.plan` decides the pages from the parsed lists, :mod:`.pages` writes their Markdown
(blocks that render from the list at build time), :mod:`.mkdocs_site` and
:mod:`.sphinx_site` the engine's configuration, :mod:`.publish` the README and the GitHub
Pages workflow, :mod:`.manifest` which files are ours to update, :mod:`.command` the CLI.
"""
