"""Math in titles becomes MathML in HTML fragments; what docutils cannot convert stays text."""

from __future__ import annotations

from bs4 import BeautifulSoup

from awesome_papers import parse_text
from awesome_papers.html import papers_html

LIST = "## S\n\n- **GUI-G$^2$: x $<script>$ and $β_2$**, `arXiv, 2501.00001`\n\n\t *A B*\n"


def test_math_is_mathml_and_broken_math_is_escaped_text() -> None:
    html = papers_html(parse_text(LIST).entries)
    title = BeautifulSoup(html, "html.parser").select_one(".awesome-title a")
    maths = title.find_all("math")
    assert [m.get_text(strip=True).replace("\n", "") for m in maths] == ["<script>", "β2"]
    assert maths[1].find("msub") is not None
    assert title.select_one("span.math").get_text() == "^2"
    assert "<script>" not in html
