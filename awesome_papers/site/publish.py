"""What publishes a generated site: a GitHub Actions workflow and the folder's README."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from .. import __version__

if TYPE_CHECKING:
    from .pages import Engine

_BUILD = {
    "mkdocs": ("mkdocs", "mkdocs-material", "mkdocs build --strict -d _site", "_site",
               "mkdocs serve", "mkdocs.yml", "docs/"),
    "sphinx": ("sphinx", "furo", "sphinx-build -W -b html . _site", "_site",
               "sphinx-autobuild . _build/html", "conf.py", "this folder"),
}

_WORKFLOW = """\
# Written by `awesome-papers site`: builds the site and publishes it to GitHub Pages.
# GitHub runs workflows from the repository's own .github/workflows/ only: if this
# folder is not the repository's root, move this file there (the paths below already
# point at the folder). In the repository's settings, set Pages' source to "GitHub Actions".
name: Pages

on:
  push:
    branches: [main]
  workflow_dispatch:

permissions:
  contents: read
  pages: write
  id-token: write

concurrency:
  group: pages
  cancel-in-progress: false

jobs:
  build:
    runs-on: ubuntu-latest
    defaults:
      run:
        working-directory: {folder}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install "awesome-papers[{extra}]=={version}" {theme}
      - run: {build}
      - uses: actions/upload-pages-artifact@v3
        with:
          path: {artifact}

  deploy:
    needs: build
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: ${{{{ steps.deployment.outputs.page_url }}}}
    steps:
      - id: deployment
        uses: actions/deploy-pages@v4
"""

_README = """\
# {title}: the site

Written by `awesome-papers site` from {lists}. The pages hold blocks that read the list
when the site is built, not copies of its entries: edit the list and rebuild, and the site
follows (`{serve}` rebuilds on every save of the list).

```sh
pip install "awesome-papers[{extra}]" {theme}
{build}
```

- `{config}` and the pages in {pages} were written by `awesome-papers site`.
  Run it again after the list gains or loses sections: it rewrites the files it wrote
  that you have not changed, and leaves every file you edited alone (it says which).
  `awesome-papers site ... --check` shows what it would change.
  `.awesome-papers-site.json` is how it knows; keep it with the site.
- Pages you add are yours; run `site` again to list them in the navigation under "More".
- `.github/workflows/pages.yml` publishes the site to GitHub Pages on every push to
  `main` (move it to the repository's root `.github/workflows/` if this folder is not
  the root).
"""


def workflow(engine: Engine, folder: str) -> str:
    """The Pages workflow for a site in ``folder`` (relative to the repository's root)."""
    extra, theme, build, artifact, *_ = _BUILD[engine]
    return _WORKFLOW.format(folder=folder or ".", extra=extra, theme=theme, build=build,
                            version=__version__,
                            artifact=posixpath.join(folder, artifact) if folder else artifact)


def readme(engine: Engine, title: str, lists: list[str]) -> str:
    """The site folder's README: how to build, preview and re-generate it."""
    extra, theme, build, _, serve, config, pages = _BUILD[engine]
    names = ", ".join(f"`{path}`" for path in lists)
    return _README.format(title=" ".join(title.split()), lists=names, serve=serve,
                          extra=extra, theme=theme, build=build, config=config, pages=pages)
