"""Read one list item's segments as a paper, repository or link.

The seed format (``**Title**, `arXiv, ID`, [arxiv](..), [pdf](..), cication: ..`` then an
italic author line and `` · ([label](url) - owner)`` trailers) is read exactly; the other
common shapes (``[name](url) - description``, ``**Title** (2015), A. Author et al.
[[pdf]](url)``, ``Title (**ICLR'24**)[[paper](url)]``, numbered lists) by the same rules:
a head (bold title, bold link, link or leading text), then fields found in the tail.
"""

from __future__ import annotations

import re

from . import arxiv, urls
from .draft import Draft, Problem
from .fields import (
    check_url,
    clean,
    code_fields,
    em_field,
    link_field,
    link_text,
    set_authors,
    text_fields,
    venue_tag,
)
from .inline import Seg

MARKERS = ("🌟", "❤", "👍", "𝕏", "🤗", ":clapper:", "🔥", "⭐")
_MEDIA = {"𝕏": "x", "🤗": "huggingface", ":clapper:": "video"}
_RAW_LINK = re.compile(
    r"\[([^\[\]]*)\]\(\s*<?([a-zA-Z][\w+.\-]*:(?:[^()\s>]|\([^()\s]*\))*)>?\s*\)")
_YEAR = re.compile(r"\((?P<year>(?:19|20)\d{2})\)")
#: ``(CVPR 2016) Cityscapes Dataset``: a venue and year before the title.
_VENUE_PREFIX = re.compile(
    r"\((?P<venue>[A-Za-z][\w&.\- ]*?)\s*['’]?(?P<year>(?:19|20)\d{2})\)\s*(?P<title>\S.*)", re.S)
#: A date as a news line starts: ``[2024-03]``, ``2024.03.12``, ``[2023/6]``.
_NEWS_DATE = re.compile(r"\[?(?:19|20)\d{2}[-./]\d{1,2}(?:[-./]\d{1,2})?\]?:?")
_CITATION_LABEL = re.compile(r"cication:\s*$|citations?:\s*$", re.I)
#: "Jeffrey L. Elman", "Peng et al.", "Ba, Kiros, Hinton": capitalised name words only.
_NAMES = re.compile(r"^(?:[A-Z][\w'’.-]*|et|al\.?|and|,|\s)+$")
_GLUE = re.compile(r"^\)?\s*-\s*(?:🌟\s*)?$")


def _strip_markers(text: str) -> str:
    for marker in MARKERS:
        text = text.replace(marker, "")
    return text.strip(" \t-–—·|:*[]()0123456789.")


def recover_unsafe(segs: list[Seg]) -> tuple[list[Seg], list[Problem]]:
    """markdown-it leaves ``[t](javascript:..)`` as text: make it a dropped link."""
    out: list[Seg] = []
    problems: list[Problem] = []
    for seg in segs:
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
            problems.append(Problem(
                "unsafe-link", "error",
                f"link {match[2][:40]!r} is not http(s), mailto or relative: dropped",
                match[2],
            ))
            pos = match.end()
        if pos < len(seg.text):
            out.append(Seg("text", seg.text[pos:]))
    return out, problems


def split_records(lines: list[list[Seg]]) -> list[list[list[Seg]]]:
    """Split an item's lines where a second entry starts inside it.

    A later line with a paper head (``arXiv, ID`` or ``cication:``) after an entry that
    is complete (a paper with its own head, or a repository or link) is an entry whose
    first title line was lost; ``...](url)- [**name**](url)`` is two entries glued on
    one line.
    """
    records: list[list[list[Seg]]] = []
    for line in lines:
        for part in _split_glued(line):
            if not records or part is not line or (
                    _is_paper_head(part) and _is_complete(records[-1])):
                records.append([part])
            else:
                records[-1].append(part)
    return records


def _split_glued(line: list[Seg]) -> list[list[Seg]]:
    parts: list[list[Seg]] = [[]]
    for i, seg in enumerate(line):
        nxt = line[i + 1] if i + 1 < len(line) else None
        if (seg.kind == "text" and _GLUE.match(seg.text) and i > 0 and line[i - 1].kind == "link"
                and nxt is not None and nxt.kind == "link" and nxt.bold):
            parts.append([Seg("text", "🌟 ")] if "🌟" in seg.text else [])
            continue
        parts[-1].append(seg)
    return parts if len(parts) > 1 else [line]


def _is_paper_head(line: list[Seg]) -> bool:
    return any((s.kind == "code" and arxiv.from_text(s.text)) or
               (s.kind == "text" and _CITATION_LABEL.search(s.text)) for s in line)


def _is_complete(record: list[list[Seg]]) -> bool:
    """A record that a paper-head line cannot continue: it has one, or it is a link entry."""
    first = next((s for s in record[0] if s.kind != "text" or s.text.strip(" 🌟")), None)
    return any(_is_paper_head(line) for line in record) or (
        first is not None and first.kind == "link")


def read_record(lines: list[list[Seg]], line_no: int, *, continued: bool = False) -> Draft:
    """One entry from its lines of segments; ``continued`` marks a split-off record."""
    draft = Draft(line=line_no)
    segs = [s for line in lines for s in [*line, Seg("break")]]
    segs, draft.problems = recover_unsafe(segs)
    lead: list[str] = []
    i = 0
    while i < len(segs) and segs[i].kind in ("text", "break", "html"):
        lead.append(" " if segs[i].kind == "break" else segs[i].text)
        i += 1
    lead_text = "".join(lead)
    draft.highlight = "🌟" in lead_text
    markers = [m for m in _MEDIA if m in lead_text]
    head = segs[i] if i < len(segs) else None
    title_from_lead = _strip_markers(lead_text)
    if head is not None and head.kind == "strong" and _NEWS_DATE.fullmatch(clean(head.text)):
        # "**[2024-03]** We release a new paper: "[Title](url)"": a dated news line, which
        # announces its first link (and is no entry without one).
        i = next((k for k in range(i + 1, len(segs)) if segs[k].kind == "link"), len(segs))
        head = segs[i] if i < len(segs) else None
        title_from_lead = ""
    tail = segs[i + 1:]

    if continued and head is not None and head.kind != "link":
        # The lost-first-line entry: its title fragment is the text before "**,".
        draft.title = clean(lead_text.replace("**", "").rstrip(", "))
        draft.kind = "paper"
        tail = segs[i:]
        draft.problems.append(Problem(
            "broken-title", "warning",
            f"title lost its first line(s): only {draft.title!r} remains",
            f"{draft.title}**" if f"{draft.title}**" in lead_text else draft.title[:20]))
    elif len(title_from_lead) >= 3 and any(c.isalpha() for c in title_from_lead):
        draft.title, draft.kind = _title_from_text(lead_text, draft), "paper"
        tail = segs[i:]
    elif head is None:
        draft.title = ""
    elif head.kind == "strong":
        draft.title, draft.kind = clean(head.text), "paper"
        _venue_in_name(draft, tail)
    elif head.kind == "link":
        draft.title, draft.url = link_text(head.text), head.href or None
        if head.bold or (urls.is_code(head.href) and not arxiv.from_url(head.href)):
            draft.kind = "repo"
        elif arxiv.from_url(head.href):
            draft.kind = "paper"
        if head.href:
            check_url(draft, head.href)
        if "](" in head.text:
            draft.problems.append(Problem(
                "broken-title", "warning",
                f"the link text {draft.title[:40]!r} holds broken Markdown", head.text[:20]))
        tail = _owner_and_description(draft, tail)
    elif head.kind == "em":
        draft.title, draft.kind = clean(head.text), "paper"
    else:
        draft.title = ""
    _venue_before_title(draft)
    _read_tail(draft, tail, markers)
    return draft


def _venue_before_title(draft: Draft) -> None:
    """``[(CVPR 2016) Cityscapes Dataset](url)``: the venue and year, then the title."""
    prefix = _VENUE_PREFIX.fullmatch(draft.title)
    if prefix is None or draft.venue is not None:
        return
    draft.title = prefix["title"]
    if prefix["venue"].lower() != "arxiv":
        draft.venue = f"{prefix['venue']} {prefix['year']}"
    draft.year = int(prefix["year"])


def _title_from_text(text: str, draft: Draft) -> str:
    """Leading-text titles: ``Title (2017) by A et al.,`` or ``Title (``."""
    text = clean(text)
    for marker in MARKERS:
        text = text.replace(marker, "")
    year = _YEAR.search(text)
    if year:
        draft.year = int(year["year"])
        rest = text[year.end():]
        text = text[:year.start()]
        if rest.strip().lower().startswith("by "):
            set_authors(draft, rest.strip()[3:])
    if not draft.authors and " by " in text:
        title, _, names = text.rpartition(" by ")
        if _NAMES.match(names.strip(" ,.")):  # not "Betrayed by Captions: ..."
            text = title
            set_authors(draft, names)
    return text.strip(" \t-–—:,([").strip()


def _venue_in_name(draft: Draft, tail: list[Seg]) -> None:
    """``**FCOS(ICCV2019)** FCOS: Fully Convolutional ...``: name, venue, then the title."""
    match = re.match(r"^(?P<name>[^()]*)\((?P<venue>[^()]*\d{4}[^()]*)\)$", draft.title)
    if not match:
        return
    venue = match["venue"].strip()
    draft.venue = venue
    year = re.search(r"(?:19|20)\d{2}", venue)
    draft.year = int(year.group()) if year else None
    following = tail[0].text if tail and tail[0].kind == "text" else ""
    title = following.strip(" [").strip()
    draft.title = title if len(title.split()) >= 3 else (match["name"].strip() or draft.title)


def _owner_and_description(draft: Draft, tail: list[Seg]) -> list[Seg]:
    """`` - owner`` after a repository link; `` - description`` after a plain link."""
    if not tail or tail[0].kind != "text":
        return tail
    text = tail[0].text
    match = re.match(r"^\s*[-–—:]\s+(?P<rest>.+?)\s*$", text, re.S)
    if not match:
        return tail
    rest = match["rest"]
    if draft.kind == "repo" and re.fullmatch(r"[\w.\-]+(\s*🤗)?", rest):
        draft.owner = rest.replace("🤗", "").strip()
    else:
        draft.description = clean(rest) or None
    return tail[1:]


def _read_tail(draft: Draft, tail: list[Seg], markers: list[str]) -> None:
    prev_text = ""
    for seg in tail:
        text = seg.text
        if seg.kind == "text":
            markers += [m for m in _MEDIA if m in text]
            text_fields(draft, text)
        elif seg.kind == "code":
            code_fields(draft, text)
        elif seg.kind == "strong":
            venue_tag(draft, text)
        elif seg.kind == "em":
            em_field(draft, text)
        elif seg.kind == "link":
            if _CITATION_LABEL.search(prev_text):
                count = text.strip("* ")
                draft.citations = int(count) if count.isdigit() else None
            else:
                link_field(draft, seg)
        prev_text = text if seg.kind == "text" else ""
    if not draft.url and draft.arxiv:
        draft.url = arxiv.abs_url(draft.arxiv, draft.arxiv_version)
    if draft.owner is None and markers and draft.kind == "link":
        draft.owner = _MEDIA[markers[0]]
    if draft.kind == "link" and (draft.arxiv or draft.authors):
        draft.kind = "paper"
    if draft.arxiv and draft.year is None:
        ym = arxiv.year_month(draft.arxiv)
        if ym:
            draft.year, draft.month = ym
