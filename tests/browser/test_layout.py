"""Paper tables fit the page in every theme: on a desktop and on a phone, light and dark.

Sphinx's Alabaster (the ``sphinx`` example), Furo and Read the Docs, and Material for MkDocs
(the ``mkdocs`` example). Screenshots go to ``test-artifacts/layout-*.png``, for a person to
look at.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import expect

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from conftest import Visit  # tests/browser/conftest.py
    from playwright.sync_api import Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]
THEMES = ["sphinx", "furo", "rtd", "mkdocs"]
DESKTOP, PHONE = 1280, 390

#: Where the table's box is and what sticks out of what, measured in the page.
MEASURE = """() => {
  const box = document.querySelector(".awesome-scroll");
  const table = box.querySelector("table");
  const column = box.parentElement.closest(".awesome-papers") ? box.parentElement.parentElement
                                                              : box.parentElement;
  const edge = (el) => el.getBoundingClientRect();
  const inner = (el) => {  // the content box: where the page's column of text runs
    const style = getComputedStyle(el);
    const r = edge(el);
    return {left: r.left + parseFloat(style.paddingLeft),
            right: r.right - parseFloat(style.paddingRight)};
  };
  const visible = Array.from(table.querySelectorAll("tr.awesome-row > td"))
    .filter((td) => td.getClientRects().length);
  return {
    box: {left: edge(box).left, right: edge(box).right, client: box.clientWidth,
          scroll: box.scrollWidth},
    column: inner(column),
    table: edge(table).width,
    // a cell whose content runs past it, or that ends outside the box
    clipped: visible.filter((td) => td.scrollWidth > td.clientWidth + 1
                                    || edge(td).right > edge(box).right + 1)
      .map((td) => `${td.parentElement.id} ${td.className}`),
  };
}"""


def themed_visit(visit: Callable[..., Visit], themed: Callable[[str], None], theme: str,
                 **options: object) -> Page:
    if theme in ("furo", "rtd"):
        themed(theme)
    return visit(theme, **options).page


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [DESKTOP, PHONE])
@pytest.mark.parametrize("theme", THEMES)
def test_no_table_is_wider_than_its_column(visit: Callable[..., Visit],
                                           themed: Callable[[str], None], artifacts: Path,
                                           theme: str, width: int, scheme: str) -> None:
    page = themed_visit(visit, themed, theme, width=width, scheme=scheme)
    expect(page.locator(".awesome-count")).to_be_visible()
    page.screenshot(path=artifacts / f"layout-{theme}-{width}-{scheme}.png")
    seen = page.evaluate(MEASURE)
    box, column = seen["box"], seen["column"]
    # The box stays in the page's column ...
    assert box["left"] >= column["left"] - 1 and box["right"] <= column["right"] + 1, seen
    # ... and the table fits in it: nothing to scroll sideways, no cell cut off.
    assert seen["table"] <= box["client"] + 1 and box["scroll"] <= box["client"] + 1, seen
    assert seen["clipped"] == [], seen


@pytest.mark.parametrize("theme", THEMES)
def test_rows_become_cards_on_a_phone(visit: Callable[..., Visit],
                                      themed: Callable[[str], None], theme: str) -> None:
    page = themed_visit(visit, themed, theme, width=PHONE)
    expect(page.locator(".awesome-papers thead").first).to_be_hidden()
    row = page.locator("#huang2025stablespam")
    title, year = row.locator("td.awesome-col-title"), row.locator("td.awesome-col-year")
    # One value under the other, each as wide as the card, labelled with its column's name.
    assert year.bounding_box()["y"] >= title.bounding_box()["y"] + title.bounding_box()["height"]
    assert abs(year.bounding_box()["width"] - title.bounding_box()["width"]) < 1
    expect(year).to_have_attribute("data-label", "Year")
    label = year.evaluate("td => getComputedStyle(td, '::before').content")
    assert "Year" in label or "data-label" in label
    # Search and the BibTeX button still work on a card.
    page.locator(".awesome-controls").get_by_label("Search").fill("spam")
    expect(page.locator("tr.awesome-row:visible")).to_have_count(1)
    row.get_by_role("button", name="BibTeX").click()
    expect(page.locator("pre.awesome-bibtex")).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False])
@pytest.mark.parametrize("site", ["sphinx", "mkdocs"])
def test_long_author_lists_fold_and_open_in_place(visit: Callable[..., Visit], site: str,
                                                  javascript: bool) -> None:
    page = visit(site, javascript=javascript).page
    cell = page.locator("#huang2025stablespam td.awesome-col-authors")
    summary = cell.locator("summary")
    expect(summary).to_have_text("Tianjin Huang, Haotian Hu, Zhenyu Zhang, …")
    expect(cell.get_by_text("Shiwei Liu")).to_be_hidden()
    summary.click()
    expect(cell.get_by_text(re.compile("Zhangyang Wang, Shiwei Liu"))).to_be_visible()
    expect(cell.locator(".awesome-authors-short")).to_be_hidden()
    # Short lists are written out in full.
    expect(page.locator("#li2024mixln td.awesome-col-authors")).to_have_text(
        "Pengxiang Li, Lu Yin, Shiwei Liu")


@pytest.mark.parametrize("javascript", [True, False])
def test_key_links_land_below_materials_sticky_header(visit: Callable[..., Visit],
                                                      javascript: bool) -> None:
    page = visit("mkdocs", fragment="#defazio2024road", javascript=javascript).page
    row = page.locator("#defazio2024road")
    expect(row).to_be_in_viewport()
    header = page.locator("header.md-header").bounding_box()
    assert row.bounding_box()["y"] >= header["y"] + header["height"]
    # The jump scrolls the page, never the table's own box sideways.
    assert page.locator(".awesome-scroll").evaluate("box => box.scrollLeft") == 0
