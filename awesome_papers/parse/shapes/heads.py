"""The recognisers of :data:`awesome_papers.parse.shapes.SHAPES`, in table order.

Each reads an item's head (what names the entry) and returns the segments left for the
field readers, or ``None`` when the item is not of its shape. The first line of each
docstring is the shape's example, shown in ``docs/formats.md``.
"""

from __future__ import annotations

import re

from ... import urls
from .. import venues
from ..authors import person_names
from ..draft import Problem
from ..fields import (
    arxiv_of_url,
    check_url,
    clean,
    head_link,
    link_text,
    separator_names,
    set_authors,
    set_citation_authors,
)
from ..segments import Seg
from .item import Item
from .lead import lead_title, split_lead, title_from_text, unmarked, unquote

#: A date as a news line starts: ``[2024-03]``, ``2024.03.12``, ``[2023/6]``.
_NEWS_DATE = re.compile(r"\[?(?:19|20)\d{2}[-./]\d{1,2}(?:[-./]\d{1,2})?\]?:?")
#: ``Authors. 2014. Title``: the year between two periods.
_AUTHOR_YEAR = re.compile(r"\s?\.\s?(?P<year>(?:19|20)\d{2})[a-z]?\s?(?:\.(?:\s|$)|$)")
_FOUR_DIGITS = re.compile(r"\d{4}")


def lost_first_line(item: Item) -> list[Seg] | None:
    """``Language Model Pre-training**, `arXiv, 2504.13161`, …`` (a title cut by a bad wrap).

    A record split off an item whose title lost its first line(s): the fragment before
    ``**,`` is all that remains of the title, and it is reported.
    """
    head = item.head_seg()
    if not item.continued or head is None or head.kind == "link":
        return None
    draft = item.draft
    draft.title = clean(item.lead.replace("**", "").rstrip(", "))
    draft.kind = "paper"
    draft.problems.append(Problem(
        "broken-title", "warning",
        f"title lost its first line(s): only {draft.title!r} remains",
        f"{draft.title}**" if f"{draft.title}**" in item.lead else draft.title[:20]))
    return item.segs[item.head:]


def news_line(item: Item) -> list[Seg] | None:
    """``**[2024-03]** We release a new paper: [Title](https://arxiv.org/abs/2403.00001)``.

    A dated news line announces its first link, and is no entry without one. It never
    replaces the entry of the same paper in its own section.
    """
    head = item.head_seg()
    if head is None or head.kind != "strong" or not _NEWS_DATE.fullmatch(clean(head.text)):
        return None
    link = next((k for k in range(item.head + 1, len(item.segs))
                 if item.segs[k].kind == "link"), None)
    if link is None:
        item.draft.title = ""
        return []
    item.head = link
    return _link_head(item, item.segs[link])


def citation_first(item: Item) -> list[Seg] | None:
    """``LeCun, Yann, Yoshua Bengio, and Geoffrey Hinton. "**Deep learning**." Nature (2015).``

    The reference-list order of academic citations: authors, the quoted (often bold)
    title, then the venue and year.
    """
    head = item.head_seg()
    lead = item.lead.rstrip()
    if head is None or head.kind not in ("strong", "link") or not lead.endswith(("\"", "“")):
        return None
    authors = lead[:-1].strip()
    if not any(c.isalpha() for c in authors):
        return None
    draft = item.draft
    draft.kind = "paper"
    if head.kind == "link":
        _link_head(item, head)
        draft.kind = "paper"
    draft.title = _citation_title(head.text)
    set_citation_authors(draft, authors)
    return item.after_head()


def authors_first(item: Item) -> list[Seg] | None:
    """``Ilya Sutskever and Quoc V. Le. 2014. [Sequence to Sequence Learning](https://…).``

    Citation order with the authors first, as the ACL Anthology writes it: the names, the
    year (or none: ``Jingyi Zhang, Josef van Genabith. [Title](…)``), then the title — a
    link, or text up to its period — and the venue.
    """
    lead = " ".join(item.lead.split())
    found = _AUTHOR_YEAR.search(lead)
    names = lead[:found.start()] if found else lead.rstrip(" .")
    rest = lead[found.end():].strip() if found else ""
    head = item.head_seg()
    link = head if head is not None and head.kind == "link" else None
    if found is None and not lead.endswith("."):
        return None  # "Names. [Title](…)": the names end with a period
    if not (rest or link) or not person_names(names, cited=found is not None):
        return None
    draft = item.draft
    set_authors(draft, unmarked(names))
    draft.kind = "paper"
    if found:
        draft.year = int(found["year"])
    if rest or link is None:
        title, _, venue = rest.partition(". ")
        draft.title = _strip_final_period(clean(title))
        return [Seg("text", venue), *item.segs[item.head:]]
    tail = _link_head(item, link)
    draft.kind, draft.title = "paper", _strip_final_period(draft.title)
    return tail


def leading_text(item: Item) -> list[Seg] | None:
    """``Attention Is All You Need (2017) by Vaswani et al. [[pdf]](https://…)``.

    A title written as plain text before the first link, optionally with a year in
    parentheses and the authors after ``by``.
    """
    text = lead_title(item.lead)
    if len(text) < 3 or not any(c.isalpha() for c in text):
        return None
    title, rest = split_lead(unmarked(item.lead))
    item.draft.title = _strip_final_period(title_from_text(title, item))
    item.draft.kind = "paper"
    return [Seg("text", rest), *item.segs[item.head:]] if rest.strip() else item.segs[item.head:]


def bold_title(item: Item) -> list[Seg] | None:
    """``**ZClip: Adaptive Spike Mitigation for LLM Pre-Training**, `arXiv, 2504.02507`, …``.

    The reference list's paper shape (and ``**Title** (2015), A. Author et al.``): the
    bold run is the title, and ids, links and an italic author line follow.
    """
    head = item.head_seg()
    if head is None or head.kind != "strong":
        return None
    item.draft.title, item.draft.kind = _strip_final_period(clean(head.text)), "paper"
    tail = item.after_head()
    _venue_in_name(item, tail)
    return tail


def bold_link_citation(item: Item) -> list[Seg] | None:
    """``[**H2O: Heavy-Hitter Oracle.**](https://arxiv.org/abs/2306.14048) *Z. Zhang.* NeurIPS.``

    A bold title link followed by italic authors: the citation style of many hand-kept
    lists. The citation's final period is not part of the title.
    """
    head = item.head_seg()
    if head is None or head.kind != "link" or not head.bold:
        return None
    following = next((s for s in item.after_head()
                      if not (s.kind == "text" and not s.text.strip())), None)
    if not (following is not None and following.kind == "em") and not arxiv_of_url(head.href):
        return None
    tail = _link_head(item, head)
    item.draft.kind = "paper"
    item.draft.title = _strip_final_period(item.draft.title)
    return tail


def repository(item: Item) -> list[Seg] | None:
    """``[**OLMo**](https://github.com/allenai/OLMo) - allenai``.

    A bold link, or a link to a code host, is a repository; a word after `` - `` is its
    owner, more words are its description.
    """
    head = item.head_seg()
    if head is None or head.kind != "link":
        return None
    if not (head.bold or urls.is_code(head.href)) or arxiv_of_url(head.href):
        return None
    tail = _link_head(item, head)
    item.draft.kind = "repo"
    return tail


def title_link(item: Item) -> list[Seg] | None:
    """``[CoAdapt-GUI: Joint Workflow Context and Policy Adaptation](https://arxiv.org/abs/2608.11588)``.

    A linked title: a paper when the link is an arXiv page (or authors follow), else a
    link, with an optional `` - description``.
    """
    head = item.head_seg()
    if head is None or head.kind != "link":
        return None
    return _link_head(item, head)


def italic_title(item: Item) -> list[Seg] | None:
    """``*Deep Residual Learning for Image Recognition* [[pdf]](https://…)``.

    An italic run as the title.
    """
    head = item.head_seg()
    if head is None or head.kind != "em":
        return None
    item.draft.title, item.draft.kind = clean(head.text), "paper"
    return item.after_head()


def _link_head(item: Item, head: Seg) -> list[Seg]:
    """Title, URL and kind from a head link; `` - owner`` or `` - description`` after it."""
    draft = item.draft
    draft.title = unquote(link_text(head.text))
    draft.url = head.href or None
    if head.href:
        check_url(draft, head.href)
        head_link(draft, head.href)
    if "](" in head.text:
        draft.problems.append(Problem(
            "broken-title", "warning",
            f"the link text {draft.title[:40]!r} holds broken Markdown", head.text[:20]))
    return _owner_and_description(item, item.segs[item.head + 1:])


def _owner_and_description(item: Item, tail: list[Seg]) -> list[Seg]:
    """`` - owner`` after a repository link; `` - description`` after a plain link."""
    if not tail or tail[0].kind != "text":
        return tail
    text = tail[0].text.strip()
    if text[:1] not in "-–—:" or text[1:2] not in (" ", "\t"):
        return tail
    rest = text[1:].strip()
    if not rest:
        return tail
    draft = item.draft
    if draft.kind == "paper" and separator_names(text) is not None:
        return tail  # " - Haotian Liu et al., NeurIPS 2023": the paper's authors
    if (draft.kind == "repo" or _head_is_code(item)) and re.fullmatch(r"[\w.\-]+(\s*🤗)?", rest):
        draft.owner = rest.replace("🤗", "").strip()
    else:
        draft.description = clean(rest) or None
    return tail[1:]


def _head_is_code(item: Item) -> bool:
    head = item.head_seg()
    return head is not None and head.kind == "link" and (
        head.bold or urls.is_code(head.href)) and not arxiv_of_url(head.href)


def _venue_in_name(item: Item, tail: list[Seg]) -> None:
    """``**FCOS(ICCV2019)** FCOS: Fully Convolutional ...``: name, venue, then the title."""
    draft = item.draft
    name, paren, venue = draft.title.partition("(")
    if not paren or not venue.endswith(")") or "(" in venue or ")" in venue[:-1] + name:
        return
    if not _FOUR_DIGITS.search(venue):
        return
    venue = venue[:-1].strip()
    draft.venue = None if venues.is_preprint(venue) else venues.canonical(venue)
    year = re.search(r"(?:19|20)\d{2}", venue)
    draft.year = int(year.group()) if year else None
    following = tail[0].text if tail and tail[0].kind == "text" else ""
    title = following.strip(" [").strip()
    draft.title = title if len(title.split()) >= 3 else (name.strip() or draft.title)


def _citation_title(text: str) -> str:
    return _strip_final_period(unquote(clean(text).strip(" ,")))


def _strip_final_period(title: str) -> str:
    """A citation's closing period is not the title's (``Deep learning.``), ``et al.`` is."""
    if not title.endswith(".") or title.endswith(".."):
        return title
    last = title.rsplit(None, 1)[-1]
    if len(last) <= 3 or last.lower() in ("etc.", "al."):  # "Inc.", "vs.", "U.S."
        return title
    return title[:-1].rstrip()
