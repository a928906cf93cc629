"""The page syntax through Python-Markdown alone: what is and is not a block or a citation."""

from __future__ import annotations

import logging

import markdown
import pytest
from bs4 import BeautifulSoup
from growth import growth

from awesome_papers.model import Collection, Entry, Section
from mkdocs_awesome.extension import AwesomePapersExtension
from mkdocs_awesome.site import Site

ENTRIES = (
    Entry(key="diao2025climb", kind="paper", title="CLIMB", authors=("Shizhe Diao", "Yu Yang"),
          authors_truncated=True, year=2025, arxiv="2504.13161",
          url="https://arxiv.org/abs/2504.13161", section=("Opt",),
          section_slugs=("optimization",)),
    Entry(key="evil", kind="link", title="</script><script>alert(1)</script>",
          url="javascript:alert(1)", section=("Misc",), section_slugs=("misc",)),
)
COLLECTION = Collection(entries=ENTRIES, sections=(
    Section("Optimization", "optimization", 2, 1), Section("Misc", "misc", 2, 9)))
TABLE = "```{awesome-papers}\n:section: optimization\n```\n"


def render(text: str, *extensions: str) -> BeautifulSoup:
    site = Site(COLLECTION)
    html = markdown.markdown(text, extensions=[*extensions, AwesomePapersExtension(site=site)])
    return BeautifulSoup(html, "html.parser")


def cites(soup: BeautifulSoup) -> list[tuple[str, str | None]]:
    return [(a.get_text(), a.get("href")) for a in soup.select("span.awesome-cite > *")]


@pytest.mark.parametrize("text", [
    "Mail diao@example.org or [diao@example.org].",
    "Code `[@diao2025climb]` here.",
    "```\n[@diao2025climb]\n```",
    "Indented:\n\n    [@diao2025climb]\n",
    r"Escaped \[@diao2025climb].",
    "Handle [@diao2025climb](https://x.com/diao).",
])
def test_not_a_citation(text: str) -> None:
    soup = render(text, "fenced_code")
    assert not soup.select("span.awesome-cite")
    assert "diao" in soup.get_text()


def test_citations_link_to_the_paper_or_the_row_on_the_page() -> None:
    soup = render("See [@diao2025climb] and [@arXiv:2504.13161v2; @evil].")
    assert cites(soup) == [("Diao et al. 2025", "https://arxiv.org/abs/2504.13161"),
                           ("Diao et al. 2025", "https://arxiv.org/abs/2504.13161"),
                           ("</script><script>alert(1)</script>", None)]
    assert soup.select_one("span.awesome-cite a")["title"] == "CLIMB"
    assert soup.find("script") is None
    soup = render(TABLE + "\nSee [@diao2025climb].\n")
    assert cites(soup) == [("Diao et al. 2025", "#diao2025climb")]


@pytest.mark.parametrize(("text", "expected"), [
    ("{paper}`diao2025climb`", "Diao et al. 2025"),
    ("{paper:cite}`diao2025climb`", "Diao et al. 2025"),
    ("{paper:t}`diao2025climb`", "Diao et al. (2025)"),
    ("{paper:p}`diao2025climb`", "(Diao et al. 2025)"),
    ("{paper:p}`diao2025climb; arXiv:2504.13161`", "(Diao et al. 2025; Diao et al. 2025)"),
    ("{paper:t}` diao2025climb ;evil `", "Diao et al. (2025); </script><script>alert(1)</script>"),
    ("{paper:title}`diao2025climb`", "CLIMB"),
    ("{paper}`the CLIMB paper <diao2025climb>`", "the CLIMB paper"),
    ("{paper:p}`the CLIMB paper <diao2025climb>`", "(the CLIMB paper)"),
])
@pytest.mark.parametrize("extensions", [(), ("pymdownx.inlinehilite",)])
def test_myst_roles_cite(text: str, expected: str, extensions: tuple[str, ...]) -> None:
    soup = render(f"Before {text} after.", *extensions)
    assert soup.p.get_text() == f"Before {expected} after."
    assert {a["href"] for a in soup.select("span.awesome-cite a")} == {
        "https://arxiv.org/abs/2504.13161"}
    assert soup.find("code") is None


@pytest.mark.parametrize("text", [
    "Code `` {paper}`diao2025climb` `` here.",
    r"Escaped \{paper}`diao2025climb`.",
    "```\n{paper}`diao2025climb`\n```",
    "Indented:\n\n    {paper}`diao2025climb`\n",
    "Spaced {paper} `diao2025climb`.",
])
def test_not_a_role(text: str) -> None:
    soup = render(text, "fenced_code")
    assert not soup.select("span.awesome-cite")
    assert "diao2025climb" in soup.code.get_text()


def test_unknown_roles_warn(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.awesome_papers"):
        soup = render("# T\n\nA {papr}`diao2025climb`\nand {paper:x}`diao2025climb`.\n")
    assert caplog.messages == [
        "awesome-papers:3: unknown citation role {papr} (did you mean 'paper' or 'paper:t' or "
        "'paper:p'?) [awesome.unknown-role]",
        "awesome-papers:4: unknown citation role {paper:x} (did you mean 'paper:t' or "
        "'paper:p' or 'paper'?) [awesome.unknown-role]"]
    # {papr} stays as MkDocs prints it; {paper:x} cites plainly, as under Sphinx.
    assert soup.p.get_text() == "A {papr}diao2025climb\nand Diao et al. 2025."


def test_unknown_key_warns_with_line_and_suggestion(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.awesome_papers"):
        soup = render("# T\n\nSee [@diao2025clim].\n")
    assert soup.select_one("span.awesome-cite-unknown").get_text() == "diao2025clim"
    assert caplog.messages == ["awesome-papers:3: unknown key 'diao2025clim' "
                               "(did you mean 'diao2025climb'?) [awesome.unknown-key]"]


def test_block_runs_before_superfences_and_inside_admonitions() -> None:
    indented = "!!! note\n\n    " + TABLE.replace("\n", "\n    ")
    for text in (TABLE, indented):
        soup = render(text, "admonition", "pymdownx.superfences")
        assert [tr["id"] for tr in soup.select("div.awesome-papers tr")[1:]] == ["diao2025climb"]


def test_block_shown_inside_a_longer_fence_stays_code() -> None:
    soup = render("````markdown\n" + TABLE + "````\n", "fenced_code")
    assert not soup.select("div.awesome-papers")
    assert "{awesome-papers}" in soup.code.get_text()


def test_stray_text_in_a_block_warns(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.awesome_papers"):
        render("```{awesome-papers} optimization\n:kind: paper\n```\n")
    assert caplog.messages == ["awesome-papers:1: unexpected text 'optimization' in "
                               "{awesome-papers} (it takes only ':option: value' lines) "
                               "[awesome.bad-option]"]


def test_second_table_on_a_page_leaves_the_anchor_to_the_first() -> None:
    soup = render(TABLE + "\n" + TABLE)
    rows = soup.select("tr.awesome-row")
    assert [row.get("id") for row in rows] == ["diao2025climb", None]


def test_bibliography_lists_what_the_page_cites() -> None:
    soup = render("```{awesome-bibliography}\n:class: short\n```\n\n"
                  "Cite [@evil] then [@diao2025climb; @evil].\n")
    box = soup.select_one("div.awesome-bibliography.short")
    # The entry without authors starts with its title, printed once.
    assert [li.get_text() for li in box.select("li")] == [
        "</script><script>alert(1)</script>.", "Diao et al. 2025. CLIMB. arXiv:2504.13161, 2025."]


def test_markup_in_a_title_stays_text_in_tables() -> None:
    soup = render("```{awesome-papers}\n:section: misc\n```\n")
    row = soup.select_one("tr#evil")
    assert row.get_text().strip().startswith("</script><script>alert(1)</script>")
    assert row.find("a") is None  # javascript: URL, so no link
    assert all(script.get("type") == "application/json" for script in soup.find_all("script"))


#: Page text for the role tree processor and the citation pattern. (A run of ``[``, which
#: Python-Markdown's own link pattern takes quadratic time over, is no input of ours.)
HOSTILE = {
    "braces before code": lambda n: "{" * n + "`diao2025climb`",
    "unclosed roles": lambda n: "{paper}`" * (n // 8),
    "roles": lambda n: "{paper:p}`diao2025climb` " * (n // 25),
    "backslashes": lambda n: "\\" * n + "[@diao2025climb]",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_citations_grow_linearly(name: str) -> None:
    ratio = growth(HOSTILE[name], render, 3_000, 30_000)
    assert ratio < 30, f"{name}: 10x the input took {ratio:.0f}x the time"
