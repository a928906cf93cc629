"""arXiv ids: which can exist, what a link or a citation says, and what the parser makes of it.

The rules are arXiv's (https://info.arxiv.org/help/arxiv_identifier.html): new-style
``YYMM.NNNN`` from April 2007, five digits from 2015; old-style ``archive[.XX]/YYMMNNN``
from 1991 to March 2007; versions from ``v1``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from growth import growth

from awesome_papers import arxiv, load

WELL_FORMED: list[tuple[str, bool, tuple[int, int] | None]] = [
    # new style
    ("2504.13161", True, (2025, 4)),
    ("0704.0001", True, (2007, 4)),  # the first new-style id
    ("1412.9999", True, (2014, 12)),
    ("1501.00001", True, (2015, 1)),
    ("0703.0001", False, None),  # new style did not exist yet
    ("1412.12345", False, None),  # five digits only from 2015
    ("1501.0001", False, None),  # four digits only until 2014
    ("2307.092881", False, None),
    ("2513.12345", False, None),  # month 13
    ("2500.12345", False, None),  # month 00
    ("\u0662\u0665\u0660\u0664.\u0661\u0663\u0661\u0666\u0661", False, None),  # Arabic-Indic
    ("\uff12\uff15\uff10\uff14.13161", False, None),  # full-width digits
    ("2504.13161v2", False, None),  # an id, not an id with its version
    ("2504.13161 ", False, None),
    # old style
    ("hep-th/9901001", True, (1999, 1)),
    ("math.GT/0309136", True, (2003, 9)),
    ("cs/0112017", True, (2001, 12)),
    ("astro-ph/9108001", True, (1991, 8)),
    ("cond-mat/0703001", True, (2007, 3)),  # the last old-style month
    ("hep-th/0704001", False, None),  # old style had ended
    ("hep-th/9013001", False, None),  # month 13
    ("hep-th/990100", False, None),  # six digits
    ("hep-th/99010011", False, None),  # eight digits
    ("foo/9901001", False, None),  # no such archive
    ("math.gt/0309136", False, None),  # a subject class is two capitals
    ("math.GTX/0309136", False, None),
    ("HEP-TH/9901001", False, None),
    ("", False, None),
]


@pytest.mark.parametrize(("arxiv_id", "valid", "issued"), WELL_FORMED)
def test_which_ids_can_exist(arxiv_id: str, valid: bool, issued: tuple[int, int] | None) -> None:
    assert arxiv.is_well_formed(arxiv_id) is valid
    assert arxiv.year_month(arxiv_id) == issued


URLS: list[tuple[str, tuple[str, int | None] | None]] = [
    ("https://arxiv.org/abs/2504.13161", ("2504.13161", None)),
    ("https://arxiv.org/abs/2504.13161v1", ("2504.13161", 1)),
    ("https://arxiv.org/pdf/2504.13161v12.pdf", ("2504.13161", 12)),
    ("https://arxiv.org/abs/2504.13161v99", ("2504.13161", 99)),
    ("https://arxiv.org/abs/math.GT/0309136", ("math.GT/0309136", None)),
    ("https://arxiv.org/abs/cs/0112017v2", ("cs/0112017", 2)),
    ("http://arxiv.org/pdf/hep-th/9901001v3.pdf", ("hep-th/9901001", 3)),
    # Impossible versions stay in the id, which is then refused (and reported).
    ("https://arxiv.org/abs/2504.13161v0", ("2504.13161v0", None)),
    ("https://arxiv.org/abs/2504.13161v100", ("2504.13161v100", None)),
    ("https://arxiv.org/abs/2504.13161v3000000", ("2504.13161v3000000", None)),
    ("https://arxiv.org/abs/2504.13161v01", ("2504.13161v01", None)),
    ("https://arxiv.org/abs/2504.13161v" + "9" * 5000, ("2504.13161v99999999\u2026", None)),
    ("https://example.org/abs/2504.13161", None),
]


@pytest.mark.parametrize(("url", "cited"), URLS)
def test_what_a_link_cites(url: str, cited: tuple[str, int | None] | None) -> None:
    assert arxiv.from_url(url) == cited
    if cited and cited[1] is None and "v" in cited[0].rpartition(".")[2]:
        assert not arxiv.is_well_formed(cited[0])


TEXTS: list[tuple[str, tuple[str, int | None] | None]] = [
    ("arXiv, 2504.13161", ("2504.13161", None)),
    ("arXiv:2504.13161v2", ("2504.13161", 2)),
    ("arXiv: hep-th/9901001", ("hep-th/9901001", None)),
    ("arXiv:cs/0112017v2", ("cs/0112017", 2)),
    ("arXiv:math.GT/0309136", ("math.GT/0309136", None)),
    ("arXiv:2504.13161v0", ("2504.13161v0", None)),
    ("arxiv-papers/2023010", None),  # not an archive: no id
    ("arXiv preprint", None),
]


@pytest.mark.parametrize(("text", "cited"), TEXTS)
def test_what_a_citation_cites(text: str, cited: tuple[str, int | None] | None) -> None:
    assert arxiv.from_text(text) == cited


def test_citation_search_grows_linearly() -> None:
    """Growth, not the clock: 10x the text takes about 10x (the old pattern took 140x)."""
    ratio = growth(lambda size: "arxiv" + " " * size + "x", arxiv.from_text, 20_000, 200_000,
                   repeat=5)
    assert ratio < 40


LIST = """\
# Papers

- **Old Style With Class**, [arXiv](https://arxiv.org/abs/math.GT/0309136)
- **Old Style Versioned**, [arXiv](https://arxiv.org/abs/cs/0112017v2)
- **Version Zero**, [arXiv](https://arxiv.org/abs/2504.13161v0)
- **Version Absurd**, [arXiv](https://arxiv.org/abs/2405.10938v3000000)
"""


def test_the_parser_takes_old_ids_and_reports_impossible_versions(tmp_path: Path) -> None:
    path = tmp_path / "papers.md"
    path.write_text(LIST, encoding="utf-8")
    collection = load(path)

    by_title = {e.title: e for e in collection.entries}
    old = by_title["Old Style With Class"]
    assert (old.arxiv, old.year, old.month) == ("math.GT/0309136", 2003, 9)
    versioned = by_title["Old Style Versioned"]
    assert (versioned.arxiv, versioned.arxiv_version, versioned.year) == ("cs/0112017", 2, 2001)
    bad = {d.line: d.message for d in collection.diagnostics if d.code == "bad-arxiv-id"}
    assert "'2504.13161v0'" in bad[5]
    assert "'2405.10938v3000000'" in bad[6]
    assert by_title.get("Version Zero") is None or by_title["Version Zero"].arxiv is None
