"""Small real sites: the extension alone, untrusted list text, and what fails --strict."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from sitebuild import LIST, build, make_site, row_keys

import awesome_papers
from awesome_papers.query import parse_query, select

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.slow

TABLE = "# Optimization\n\n```{awesome-papers}\n:section: optimization\n```\n"
EVIL_LIST = """\
# Evil

## Attacks

- **<script>alert(1)</script> Scripted Title**, `arXiv, 2501.00001`, \
[arxiv](javascript:alert(1)), [pdf](http://arxiv.org/pdf/2501.00001v1.pdf), cication: [**-1**](None)

\t *Mallory Evil, Eve Bad* · ([site](javascript:alert(3)))
- [**<img src=x onerror=alert(1)>**](javascript:alert(4)) - mallory
"""


def plugin_config(sources: str, extra: str = "") -> str:
    return (f"site_name: t\nplugins:\n  - awesome-papers:\n      sources: [{sources}]\n"
            f"validation:\n  anchors: warn\n{extra}")


def test_extension_alone_renders_tables(tmp_path: Path) -> None:
    config = ("site_name: t\nmarkdown_extensions:\n  - awesome_papers:\n"
              f"      sources: [!relative $config_dir/{LIST.name}]\n")
    (tmp_path / LIST.name).write_bytes(LIST.read_bytes())
    yml = make_site(tmp_path, config, {
        "index.md": TABLE + "\nSee [@takase2023spike] and [@diao2025climb].\n"})
    built = build(yml, tmp_path / "site")
    assert built.returncode == 0, built.log
    page = built.page("")
    entries, _ = select(awesome_papers.load(LIST), parse_query({"section": "optimization"})[0])
    assert row_keys(page) == [e.key for e in entries]
    links = [a["href"] for a in page.select("span.awesome-cite a")]
    # Shown on this page: the row; not shown here and no plugin to know other pages: arXiv.
    assert links == ["#takase2023spike", awesome_papers.load(LIST).get("diao2025climb").url]


def test_untrusted_text_is_escaped_and_never_linked(tmp_path: Path) -> None:
    (tmp_path / "evil.md").write_text(EVIL_LIST, encoding="utf-8")
    page = ("# Evil\n\n```{awesome-papers}\n:section: attacks\n:columns: title, links\n```\n\n"
            "Cited: [@arXiv:2501.00001]. Mail mallory@example.org, or `[@nobody]`:\n\n"
            "```\n[@nobody] and user@[@host]\n```\n")
    yml = make_site(tmp_path, plugin_config("evil.md"), {"index.md": page})
    built = build(yml, tmp_path / "site")
    assert built.returncode == 0, built.log
    html = (tmp_path / "site" / "index.html").read_text("utf-8")
    soup = built.page("")
    table = soup.select_one("div.awesome-papers")
    assert table.find("img") is None
    # Only inert data blocks for the browser script, never a script that runs.
    assert all(script.get("type") == "application/json" for script in soup.find_all("script")
               if script.find_parent("div", class_="awesome-papers"))
    assert "&lt;script&gt;" in str(table)
    assert "javascript:" not in html.lower()
    assert len(soup.select("span.awesome-cite")) == 1  # not the e-mail, nor code
    assert soup.find("code", string="[@nobody]") is not None
    assert "mallory@example.org" in soup.get_text()


@pytest.mark.parametrize(("page", "message"), [
    ("```{awesome-papers}\n:section: optimisation\n```\n",
     "index.md:4: unknown section 'optimisation' (did you mean 'optimization'?) "
     "[awesome.unknown-section]"),
    ("```{awesome-papers}\n:keys: diao2025clim\n```\n",
     "index.md:4: unknown key 'diao2025clim' (did you mean 'diao2025climb' or "
     "'kumar2025zclip'?) [awesome.unknown-key]"),
    ("```{awesome-papers}\n:sectoin: optimization\n```\n",
     "index.md:4: unknown option 'sectoin' (did you mean 'section'?) [awesome.bad-option]"),
    ("Text [@diao2025clim].\n",
     "index.md:4: unknown key 'diao2025clim' (did you mean 'diao2025climb' or "
     "'kumar2025zclip'?) [awesome.unknown-key]"),
])
def test_unknown_values_fail_strict(tmp_path: Path, page: str, message: str) -> None:
    yml = make_site(tmp_path, plugin_config(str(LIST)),
                    {"index.md": "---\ntitle: T\n---\n" + page})
    built = build(yml, tmp_path / "site")
    assert built.returncode != 0
    assert message in built.log


def test_missing_list_is_an_error_naming_it(tmp_path: Path) -> None:
    yml = make_site(tmp_path, plugin_config("nowhere.md"), {"index.md": "# T\n"})
    built = build(yml, tmp_path / "site")
    assert built.returncode != 0
    assert str(tmp_path / "nowhere.md") in built.log
