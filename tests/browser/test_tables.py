"""Paper tables in Chromium, on the example sites: what a reader sees and can do.

Every page these tests open is also checked (see conftest) for requests to other hosts
and for console errors.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import bibtexparser
import pytest
from playwright.sync_api import expect

from awesome_papers import load, parse_query, select
from awesome_papers.bibtex import entry_bibtex

if TYPE_CHECKING:
    from collections.abc import Callable

    from conftest import Visit  # tests/browser/conftest.py
    from playwright.sync_api import Locator, Page

    from awesome_papers import Entry

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SITES = ["sphinx", "mkdocs"]
SITE_DIRS = {"sphinx": "sphinx", "mkdocs": "mkdocs"}
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def entries(**options: str) -> list[Entry]:
    """The rows a page's table shows, from the core's own query."""
    query, problems = parse_query(options)
    assert not problems
    return select(load(EXAMPLES / "llm-training.md"), query)[0]


OPTIMIZATION = entries(section="optimization")
TOTAL = len(OPTIMIZATION)


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text)
                   if not unicodedata.combining(c)).lower()


def searched(entry: Entry) -> str:
    """What the search box looks at: title, authors, description."""
    return fold(" ".join([entry.title, ", ".join(entry.authors) or entry.owner or "",
                          entry.description or ""]))


def shown(page: Page) -> list[str]:
    """The keys of the rows a reader sees, top to bottom."""
    return page.locator("tr.awesome-row:visible").evaluate_all("rows => rows.map(r => r.id)")


def showing(shown: int, total: int) -> str:
    """The count line of an English page."""
    return f"Showing {shown} {'paper' if shown == 1 else 'papers'} of {total}"


def count(page: Page) -> Locator:
    return page.locator(".awesome-count")


def controls(page: Page) -> Locator:
    return page.locator(".awesome-controls")


@pytest.fixture(params=SITES)
def site(request: pytest.FixtureRequest) -> str:
    return request.param


def test_search_narrows_rows_ignoring_case_and_accents(visit: Callable[..., Visit],
                                                       site: str) -> None:
    page = visit(site).page
    expect(count(page)).to_have_text(showing(TOTAL, TOTAL))
    search = controls(page).get_by_label("Search")

    search.fill("ADÁM")
    adam = [e.key for e in OPTIMIZATION if "adam" in searched(e)]
    assert 0 < len(adam) < TOTAL
    expect(count(page)).to_have_text(showing(len(adam), TOTAL))
    assert shown(page) == adam

    search.fill("krahenbuhl")  # an author written Krähenbühl
    expect(count(page)).to_have_text(showing(1, TOTAL))
    assert shown(page) == ["wijmans2024cut"]
    expect(page.locator("#wijmans2024cut")).to_contain_text("Cut Your Losses")

    search.press("Escape")
    expect(search).to_have_value("")
    expect(count(page)).to_have_text(showing(TOTAL, TOTAL))


def test_year_header_sorts_rows_stably(visit: Callable[..., Visit], site: str) -> None:
    page = visit(site).page
    header = page.locator("th.awesome-col-year")
    header.get_by_role("button", name="Year").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    # Rows without a year go last; equal years keep the list's order.
    oldest = sorted(OPTIMIZATION, key=lambda e: (e.year is None, e.year or 0))
    assert shown(page) == [e.key for e in oldest]
    years = page.locator("tr.awesome-row td.awesome-col-year").all_inner_texts()
    assert [y for y in years if y.strip()] == sorted(y for y in years if y.strip())

    header.get_by_role("button", name="Year").focus()
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "descending")
    newest = sorted(OPTIMIZATION, key=lambda e: (e.year is None, -(e.year or 0)))
    assert shown(page) == [e.key for e in newest]

    page.keyboard.press("Enter")  # third press: the list's own order again
    expect(header).not_to_have_attribute("aria-sort", re.compile(".*"))
    assert shown(page) == [e.key for e in OPTIMIZATION]


def test_toggles_and_year_chips_filter(visit: Callable[..., Visit], site: str) -> None:
    page = visit(site).page
    box = controls(page)

    box.get_by_role("checkbox", name="🌟 only").check()
    stars = [e.key for e in OPTIMIZATION if e.highlight]
    expect(count(page)).to_have_text(showing(len(stars), TOTAL))
    assert shown(page) == stars
    box.get_by_role("checkbox", name="🌟 only").uncheck()

    box.get_by_role("checkbox", name="Has code").check()
    coded = [e for e in OPTIMIZATION if e.code or e.kind == "repo"]
    expect(count(page)).to_have_text(showing(len(coded), TOTAL))
    assert shown(page) == [e.key for e in coded]

    chip = box.get_by_role("group", name="Year").get_by_role("button", name="2024")
    chip.focus()
    page.keyboard.press("Space")
    expect(chip).to_have_attribute("aria-pressed", "true")
    coded_2024 = [e.key for e in coded if e.year == 2024]
    expect(count(page)).to_have_text(showing(len(coded_2024), TOTAL))
    assert shown(page) == coded_2024

    box.get_by_role("button", name="2023").click()  # chips of one facet add up
    both = [e.key for e in coded if e.year in (2023, 2024)]
    assert shown(page) == both

    box.get_by_role("button", name="Clear").click()
    expect(count(page)).to_have_text(showing(TOTAL, TOTAL))
    expect(chip).to_have_attribute("aria-pressed", "false")


def test_section_chips_where_a_table_spans_sections(visit: Callable[..., Visit],
                                                    site: str) -> None:
    page = visit(site, "highlights").page
    highlights = entries(highlight="", sort="newest")
    group = controls(page).get_by_role("group", name="Section")
    titles = {e.section[-1] for e in highlights}
    assert len(titles) > 1
    expect(group.get_by_role("button")).to_have_count(len(titles))

    group.get_by_role("button", name="Optimization").click()
    wanted = [e.key for e in highlights if e.section[-1] == "Optimization"]
    expect(count(page)).to_have_text(showing(len(wanted), len(highlights)))
    assert shown(page) == wanted


def test_hash_keeps_the_view_across_reload(visit: Callable[..., Visit], site: str) -> None:
    seen = visit(site)
    page = seen.page
    box = controls(page)
    box.get_by_label("Search").fill("adam")
    box.get_by_role("checkbox", name="Has code").check()
    page.locator("th.awesome-col-year").get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"#optimization-table\?q=adam&code=1&sort=year$"))
    before = shown(page)
    assert before

    page.reload()
    expect(count(page)).to_have_text(showing(len(before), TOTAL))
    assert shown(page) == before
    expect(controls(page).get_by_label("Search")).to_have_value("adam")
    expect(controls(page).get_by_role("checkbox", name="Has code")).to_be_checked()
    expect(page.locator("th.awesome-col-year")).to_have_attribute("aria-sort", "ascending")

    linked = visit(site, fragment="#optimization-table?year=2023").page
    expect(count(linked)).to_have_text(showing(1, TOTAL))
    assert shown(linked) == ["takase2023spike"]


def test_link_to_a_key_shows_and_marks_its_row(visit: Callable[..., Visit], site: str) -> None:
    seen = visit(site, fragment="#optimization-table?q=muon")
    page = seen.page
    expect(count(page)).to_have_text(showing(1, TOTAL))

    page.goto(seen.url + "#takase2023spike")  # as a citation's link would
    row = page.locator("#takase2023spike")
    expect(row).to_be_visible()
    expect(row).to_be_in_viewport()
    expect(row).to_have_class(re.compile(r"\bawesome-marked\b"))
    expect(count(page)).to_have_text(showing(TOTAL, TOTAL))  # filters made way

    def background(locator: Locator) -> str:
        return locator.locator("td").first.evaluate("c => getComputedStyle(c).backgroundColor")

    assert background(row) != background(page.locator("#huang2025stablespam"))


@pytest.mark.parametrize(("form", "number", "label", "key"), [
    ("t", 0, "Kumar et al. (2025)", "kumar2025zclip"),
    ("p", 2, "Liang et al. 2024", "liang2024cautious"),
])
def test_clicking_a_citation_lands_on_its_row(visit: Callable[..., Visit], site: str,
                                              form: str, number: int, label: str,
                                              key: str) -> None:
    """Narrative and parenthetical citations (the second key of ``{paper:p}`a; b```) on the
    same page source in both engines: a click shows the entry's row, marked, on its page."""
    page = visit(site, "reading-notes").page
    link = page.locator(f"span.awesome-cite-{form} a").nth(number)
    expect(link).to_have_text(label)
    link.click()
    # The home page's table of every entry is the first page to show the row.
    page.wait_for_url(re.compile(rf"/(index\.html)?#{key}$"))
    row = page.locator(f"[id='{key}']")
    expect(row).to_be_in_viewport()
    expect(row).to_have_class(re.compile(r"\bawesome-marked\b"))


def test_bibtex_button_shows_and_copies_the_entry(visit: Callable[..., Visit], site: str,
                                                  site_root: Path) -> None:
    page = visit(site).page
    entry = next(e for e in OPTIMIZATION if e.key == "takase2023spike")
    toggle = page.locator("#takase2023spike").get_by_role("button", name="BibTeX")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    shown_bib = page.locator("pre.awesome-bibtex")
    expect(shown_bib).to_be_visible()

    text = shown_bib.text_content()
    assert text == entry_bibtex(entry)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == ["takase2023spike"]
    assert library.entries[0]["title"].startswith("Spike No More: Stabilizing")  # no stray braces
    assert text in (site_root / SITE_DIRS[site] / "references.bib").read_text("utf-8")

    page.get_by_role("button", name="Copy BibTeX of takase2023spike").click()
    expect(page.locator(".awesome-copy-status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == text

    toggle.click()
    expect(shown_bib).to_be_hidden()

    # Every row's BibTeX in the page is the core's text for that entry.
    holder = page.locator("script.awesome-papers-data, [data-awesome-papers]")
    data = json.loads(holder.evaluate(
        "h => h.matches('script') ? h.textContent : h.dataset.awesomePapers"))
    assert [row["bibtex"] for row in data["rows"]] == [entry_bibtex(e) for e in OPTIMIZATION]


def test_without_javascript_every_row_is_there(visit: Callable[..., Visit], site: str) -> None:
    page = visit(site, javascript=False).page
    expect(page.locator("tr.awesome-row")).to_have_count(TOTAL)
    for entry in OPTIMIZATION:
        row = page.locator(f"[id='{entry.key}']")
        expect(row).to_be_visible()
        expect(row.locator(".awesome-col-title")).to_contain_text(entry.title.split("$")[0])
    expect(page.locator(".awesome-controls")).to_have_count(0)
    expect(page.locator(".awesome-bibtex-toggle")).to_have_count(0)


def test_tables_work_after_materials_instant_navigation(visit: Callable[..., Visit],
                                                        instant: Path) -> None:
    """Material's instant navigation swaps pages in without loading them: a reader who
    follows a citation from a page without a table, then the menu to another table page,
    gets working controls and the cited row marked, and no table is set up twice."""
    page = visit("instant", "reading-notes").page
    page.evaluate("window.stillTheSamePage = true")
    page.locator("span.awesome-cite a").first.click()  # Diao et al. 2025, on the home page
    page.wait_for_url("**/instant/#diao2025climb")
    total = len(entries())  # the home page's table holds every entry
    expect(count(page)).to_have_text(showing(total, total))
    expect(page.locator("#diao2025climb")).to_have_class(re.compile(r"\bawesome-marked\b"))

    page.locator("label.md-nav__link", has_text="Sections").first.click()  # a nav group
    page.locator("a.md-nav__link", has_text="Optimization").first.click()
    page.wait_for_url("**/instant/optimization/")
    # The URL changes before Material swaps the content in: wait for a row of this page
    # only, so the search below is typed into this page's controls, not the last page's.
    expect(page.locator("#huang2025stablespam")).to_be_attached()
    expect(controls(page)).to_have_count(1)
    controls(page).get_by_label("Search").fill("ADÁM")
    adam = [e.key for e in OPTIMIZATION if "adam" in searched(e)]
    expect(count(page)).to_have_text(showing(len(adam), TOTAL))
    assert page.evaluate("window.stillTheSamePage === true")  # instant, never reloaded


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("theme", ["sphinx", "mkdocs", "furo", "rtd"])
def test_screenshots(visit: Callable[..., Visit], themed: Callable[[str], None],
                     artifacts: Path, theme: str, scheme: str) -> None:
    """The optimization page with a filter, a sorted column and one BibTeX open, saved for
    a person to look at; the controls must work in every theme."""
    if theme in ("furo", "rtd"):
        themed(theme)
    page = visit(theme, scheme=scheme).page
    box = controls(page)
    box.get_by_role("checkbox", name="Has code").check()
    page.locator("th.awesome-col-year").get_by_role("button").dblclick()
    expect(page.locator("th.awesome-col-year")).to_have_attribute("aria-sort", "descending")
    page.locator("#huang2025stablespam").get_by_role("button", name="BibTeX").click()
    expect(page.locator("pre.awesome-bibtex")).to_be_visible()
    box.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / f"optimization-{theme}-{scheme}.png")
