"""Fixtures: the example site, built once per session with Material and the default theme."""

from __future__ import annotations

import pytest
from sitebuild import EXAMPLE, Built, build


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Built]:
    """The example site built with Material (its own config) and with the default theme."""
    out = tmp_path_factory.mktemp("example")
    return {
        "material": build(EXAMPLE / "mkdocs.yml", out / "material"),
        "mkdocs": build(EXAMPLE / "mkdocs.yml", out / "mkdocs", "--theme", "mkdocs"),
    }
