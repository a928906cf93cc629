"""Sphinx extension: paper tables, citations and references.bib from awesome lists.

``extensions = ["sphinx_awesome"]``. Parsing, filtering, keys, BibTeX and the table
nodes come from :mod:`awesome_papers`; this package only translates to Sphinx.
"""

from __future__ import annotations

from .extension import setup

__all__ = ["setup"]
