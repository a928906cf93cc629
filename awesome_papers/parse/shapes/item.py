"""An item as the shape recognisers see it: segments, the leading text, and the head."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import urls
from .. import venues
from ..draft import Draft, Problem
from ..segments import Seg

#: Markers a list puts before or after an entry: the 🌟 highlight, media sites, emphasis.
MARKERS = ("🌟", "❤", "👍", "𝕏", "🤗", ":clapper:", "🔥", "⭐")
MEDIA = {"𝕏": "x", "🤗": "huggingface", ":clapper:": "video"}
#: A link markdown-it would not make, because its scheme is unsafe.
_RAW_LINK = re.compile(
    r"\[([^\[\]]*)\]\(\s*<?([a-zA-Z][\w+.\-]*:(?:[^()\s>]|\([^()\s]*\))*)>?\s*\)")


@dataclass
class Item:
    """One record of a list item, with the draft its recogniser fills."""

    segs: list[Seg]
    #: Text before the first segment that is not text, HTML or a break.
    lead: str
    #: Index of that first segment (the head); ``len(segs)`` when there is none.
    head: int
    continued: bool
    draft: Draft
    markers: list[str] = field(default_factory=list)

    def head_seg(self) -> Seg | None:
        return self.segs[self.head] if self.head < len(self.segs) else None

    def after_head(self) -> list[Seg]:
        return self.segs[self.head + 1:]


def make_item(lines: list[list[Seg]], line_no: int, *, continued: bool) -> Item:
    """Flatten a record's lines and find its lead and head."""
    draft = Draft(line=line_no)
    segs = [s for line in lines for s in [*line, Seg("break")]]
    segs, draft.problems = recover_unsafe(segs)
    segs = _tags_after_head(segs)
    lead: list[str] = []
    i = 0
    while i < len(segs) and segs[i].kind in ("text", "break", "html"):
        lead.append(" " if segs[i].kind == "break" else segs[i].text)
        i += 1
    lead_text = "".join(lead)
    draft.highlight = "🌟" in lead_text
    markers = [m for m in MEDIA if m in lead_text]
    lead_text = _lead_tag(lead_text, draft)
    if i < len(segs) and segs[i].kind == "link":
        lead_text = _source_tag(lead_text)
    return Item(segs, lead_text, i, continued, draft, markers)


_PAIRS = {"[": "]", "【": "】", "(": ")", "（": "）"}


def _source_tag(lead: str) -> str:
    """``[OpenAI] [ChatGPT: Optimizing Language Models](blog)``: a source tag in brackets
    before a linked title is no title of its own."""
    text = lead.strip()
    if text.startswith("[") and text.endswith("]") and text.count("[") == 1 and (
            len(text.split()) <= 3):
        return ""
    return lead


def _lead_tag(lead: str, draft: Draft) -> str:
    """``[arXiv 2023] Title``, ``【CVPR 2023】Title``, ``(ICML 2023) **Title**``: a venue
    tag before the title gives the venue and year, and is no part of the title."""
    text = lead.lstrip(" \t🌟")
    close = _PAIRS.get(text[:1])
    end = text.find(close, 1, 42) if close else -1
    if end < 0:
        return lead
    tag = venues.tag(text[1:end])
    if tag is None:
        return lead
    if not venues.is_preprint(tag[0]) and draft.venue is None:
        draft.venue = venues.canonical(" ".join(text[1:end].split()))
    draft.year = draft.year or tag[1]
    return text[end + 1:]


def _tags_after_head(segs: list[Seg]) -> list[Seg]:
    """``- `paper` ["Title"](url) by X``: a code-span tag before the head follows it.

    Tags name the kind of item (``paper``, ``Google``); the seed format's
    `` `arXiv, ID` `` comes after its title, so a leading code span is never the title.
    """
    tags = []
    n = 0
    while n < len(segs) and (segs[n].kind == "code" or (
            segs[n].kind == "text" and not segs[n].text.strip())):
        if segs[n].kind == "code":
            tags.append(segs[n])
        n += 1
    if not tags or n == len(segs) or segs[n].kind not in ("link", "strong", "em"):
        return segs
    return [segs[n], Seg("text", " "), *tags, *segs[n + 1:]]


def recover_unsafe(segs: list[Seg]) -> tuple[list[Seg], list[Problem]]:
    """Unsafe links lose their target, with an ``unsafe-link`` problem.

    markdown-it makes links of some (``java&#9;script:``, ``jar:``, ``blob:``) and leaves
    others as text (``[t](javascript:..)``): both become a link without a target, so the
    title stays and no output carries the URL.
    """
    out: list[Seg] = []
    problems: list[Problem] = []
    for seg in segs:
        if seg.kind == "link" and seg.href and not urls.is_safe(seg.href):
            inner = _pasted_link(seg.href)
            if inner is not None:
                problems.append(Problem(
                    "bad-url", "warning",
                    f"the link target {seg.href[:40]!r} is itself a Markdown link: its URL "
                    "is used", seg.href))
                out.append(Seg("link", seg.text, inner, bold=seg.bold, image=seg.image))
                continue
            problems.append(_unsafe(seg.href))
            out.append(Seg("link", seg.text, "", bold=seg.bold))
            continue
        if seg.kind != "text" or "](" not in seg.text:
            out.append(seg)
            continue
        pos = 0
        for match in _RAW_LINK.finditer(seg.text):
            if urls.is_safe(match[2]):
                continue
            if match.start() > pos:
                out.append(Seg("text", seg.text[pos:match.start()]))
            out.append(Seg("link", match[1], ""))
            problems.append(_unsafe(match[2]))
            pos = match.end()
        if pos < len(seg.text):
            out.append(Seg("text", seg.text[pos:]))
    return out, problems


def _pasted_link(href: str) -> str | None:
    """``[paper]([arxiv.org](https://arxiv.org/abs/…))``: the URL of a link pasted as a target."""
    label_end = href.find("](")
    if not href.startswith("[") or label_end < 0 or not href.endswith(")"):
        return None
    inner = href[label_end + 2:-1].strip()
    return inner if inner and urls.is_safe(inner) and "://" in inner else None


def _unsafe(url: str) -> Problem:
    return Problem("unsafe-link", "error",
                   f"link {url[:40]!r} is not http(s), mailto or relative: dropped", url)
