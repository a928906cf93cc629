"""Papers written as paragraphs rather than list items.

Some lists hold their papers as top-level paragraphs:

- a bold title paragraph, then label bullets (``- Paper: https://arxiv.org/abs/…``,
  ``- Code: …``) — the ``title-paragraph`` reader;
- ``[14]Title<br>`` then ``[paper](…) | [code](…)<br><br>``: lines cut by HTML ``<br>``
  tags — ``br-lines``;
- a bold title link, a ``<font color="gray">Authors</font>`` paragraph and a line of
  badges under it; ``**[0]** Bengio, Yoshua, … "**Deep learning**." Nature (2015).``
  citations; ``**Title** [[link](…)] \\`` with authors and venue on the next lines;
  several ``["Title"](…) by Name`` lines in one paragraph — ``entry-paragraph``.

The rule. A paragraph (or one of its lines, where several lines each open with a title
link or bold title) *heads* an entry when its first line opens with a title: a link to
another page (not an in-page ``#anchor``, not a badge), a bold run that is not a
``Label:``, a quoted bold title after citation authors, or a line of plain title text
that a line of links follows. Prose does not: a bold run followed by a dozen words
before any link is a sentence. A head becomes an item when it carries a link or an
arXiv id (label bullets included) and either label bullets follow it, or its section
holds at least two heads, or the list holds at least three: a list writes its papers as
paragraphs throughout, while an introduction with one linked paragraph is left alone and
makes no noise. Paragraphs of authors (italics, ``<font>``), badges or a venue line
right after a head are part of its entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from markdown_it.token import Token

from .. import arxiv
from .labelled import Notes, bare_urls, label_field, read_label
from .segments import Seg, plain, segments

#: Words of prose after a bold run, before any link, that make it a sentence.
_PROSE_WORDS = 12
#: Inline tags whose text is a line of authors (``<font color="gray">Names</font>``).
_NAME_TAGS = ("font", "span", "small", "i", "em", "sub")
_QUOTES = "\"“"
#: Link texts that label a link of the entry above, never a title.
_LINK_LABELS = {"paper", "pdf", "code", "link", "arxiv", "project", "github", "homepage",
                "demo", "video", "slides", "blog", "website", "html", "abs", "poster"}
#: Words a name list is made of besides capitalised names.
_NAME_PARTICLES = {"and", "de", "van", "von", "der", "den", "del", "da", "di", "le", "la",
                   "et", "al", "al.", "etc", "etc.", "...", "…"}


@dataclass
class Para:
    """A top-level paragraph: its lines of segments and what they can be."""

    line: int
    end: int
    lines: list[list[Seg]]
    #: ``br-lines`` when ``<br>`` tags cut its lines, else ``entry-paragraph``.
    shape: str = "entry-paragraph"
    #: Records (first-line indices) that head an entry; empty when none does.
    heads: list[int] = field(default_factory=list)
    #: Authors, badges or a venue line that belong to the entry above.
    trailer: bool = False
    #: Only ``Paper: https://…`` lines: the fields of the title paragraph above.
    labels: bool = False


def read_para(inline: Token, line: int, end: int) -> Para:
    """A paragraph's lines, cut at breaks and ``<br>``, with its heads and trailer flag."""
    lines, has_br = _lines(segments(inline.children or ()))
    para = Para(line, end, lines, "br-lines" if has_br else "entry-paragraph")
    para.heads = _heads(lines) if _starts_as_entry(inline.content) else []
    para.trailer = not para.heads and bool(lines) and all(_is_trailer_line(x) for x in lines)
    para.labels = not para.heads and bool(lines) and all(
        label_field(x) is not None for x in lines)
    return para


def records(para: Para) -> list[list[list[Seg]]]:
    """The paragraph's entries: lines from each head to the next."""
    bounds = [*para.heads, len(para.lines)]
    return [para.lines[a:b] for a, b in pairwise(bounds)]


def has_link(lines: list[list[Seg]]) -> bool:
    """A link to another page (bare URLs too), or an arXiv id, somewhere in the lines."""
    return any((s.kind == "link" and s.href and not _is_anchor(s.href))
               or (s.kind in ("text", "code") and arxiv.from_text(s.text))
               or (s.kind == "text" and bare_urls(s.text))
               for line in lines for s in line)


def _lines(segs: list[Seg]) -> tuple[list[list[Seg]], bool]:
    """Lines cut at breaks and ``<br>`` tags; ``<font>Names</font>`` as an italic run."""
    lines: list[list[Seg]] = [[]]
    after_br: list[int] = []  # lines a ``<br>`` starts: it cuts lines if text follows
    for seg in segs:
        if seg.kind == "break":
            lines.append([])
        elif seg.kind == "html" and tag_name(seg.text) == "br":
            after_br.append(len(lines))
            lines.append([])
        else:
            lines[-1].append(seg)
    has_br = bool(after_br) and any(plain(line).strip() or _has_media(line)
                                    for line in lines[after_br[0]:])
    return [_normal(line) for line in lines if plain(line).strip() or _has_media(line)], has_br


def _normal(line: list[Seg]) -> list[Seg]:
    """A line without HTML tags; numbering runs (``**[0]**``) and name lists made plain."""
    tags = [tag_name(s.text) for s in line if s.kind == "html"]
    kept = [s for s in line if s.kind != "html" and (s.kind != "text" or s.text)]
    if kept and kept[0].kind == "strong" and _is_numbering(kept[0].text):
        kept = _quoted_title(kept[1:])
    if tags and tags[0] in _NAME_TAGS and all(s.kind == "text" for s in kept):
        return [Seg("em", _names(plain(kept)))]
    return kept


def _quoted_title(line: list[Seg]) -> list[Seg]:
    """``Chen, Tianqi, et al. "Net2net: …." arXiv (2015).``: the quoted title as a bold run.

    A numbered citation whose title is only quoted reads as the ones that also bold it
    (``"**Deep learning**."``).
    """
    if not line or line[0].kind != "text":
        return line
    text = line[0].text
    opening = next((n for n in range(1, len(text)) if text[n] in _QUOTES
                    and text[n - 1] == " " and text[n - 2:n - 1] in (".", ",")), -1)
    closing = text.find("\"" if text[opening:opening + 1] == "\"" else "”", opening + 1)
    if opening < 0 or closing < 0:
        return line
    return [Seg("text", text[:opening + 1]), Seg("strong", text[opening + 1:closing]),
            Seg("text", text[closing:]), *line[1:]]


def _names(text: str) -> str:
    """``A, B, etc .  - 【arXiv.org】``: the names, the cut written as ``…``."""
    text = text.split(" - ", 1)[0].strip(" .")
    if text.endswith("etc"):
        text = text[:-3].rstrip(" ,") + ", …"
    return text


def tag_name(html: str) -> str:
    """``<br/>`` -> ``br``, ``</font>`` -> ``font``: an inline tag's name, lower case."""
    text = html.lstrip("<").lstrip("/").lstrip()
    end = 0
    while end < len(text) and text[end].isalnum():
        end += 1
    return text[:end].lower()


def _is_numbering(text: str) -> bool:
    inner = text.strip().strip("[]().")
    return inner.isdigit() and len(inner) <= 4


def _has_media(line: list[Seg]) -> bool:
    return any(s.kind == "image" or (s.kind == "link" and s.image) for s in line)


def _is_anchor(href: str) -> bool:
    return href.startswith(("#", "./#"))


def _starts_as_entry(source: str) -> bool:
    """The paragraph's Markdown opens with a link or bold run (after emoji and numbering),
    or with a letter: ``_Libraries… Also see [x](…)._`` is an italic sentence.
    """
    start = 0
    while start < len(source) and not (source[start].isalnum() or source[start] in "[*_<\"“"):
        start += 1
    text = source[start:start + 2]
    return text[:1].isalnum() or text[:1] in "[<\"“" or text == "**" or text == "__"


def _heads(lines: list[list[Seg]]) -> list[int]:
    """Indices of the lines that open an entry: the first, and later title lines."""
    if not lines or not _opens_entry(lines):
        return []
    heads = [0]
    for n in range(1, len(lines)):
        if _title_head(lines[n], later=True):
            heads.append(n)
    return heads


def _opens_entry(lines: list[list[Seg]]) -> bool:
    first = lines[0]
    if _title_head(first) or _citation_head(first):
        return True
    # ``[14]Title<br>`` then ``[paper](…)``: a line of title text, then a line of links.
    return (len(lines) > 1 and all(s.kind == "text" for s in first)
            and sum(c.isalpha() for c in plain(first)) >= 3
            and not plain(first).rstrip().endswith((":", "：")) and "://" not in plain(first)
            and any(s.kind == "link" for s in lines[1]))


def _meaningful(line: list[Seg]) -> list[Seg]:
    """The line without leading markers: emoji, shortcodes, numbering, blank text."""
    for n, seg in enumerate(line):
        if seg.kind != "text":
            return line[n:]
        text = seg.text.strip()
        if any(c.isalpha() for c in text.replace(":star:", "")):
            return line[n:]
    return []


def _title_head(line: list[Seg], *, later: bool = False) -> bool:
    """A line that opens with a title: a link to a page or a bold run, not a label.

    A ``later`` line of a paragraph opens a second entry only with a title of two words
    or more: ``([demo](…), [code](…))`` under a title is its links.
    """
    if later and line and line[0].kind == "text" and line[0].text.lstrip()[:1] in "([":
        return False
    segs = _meaningful(line)
    if not segs or _is_link_row(segs):
        return False
    head, rest = segs[0], segs[1:]
    if head.kind == "link" and rest and rest[0].kind in ("text", "strong") and (
            rest[0].text.lstrip().startswith((":", "："))):
        return False  # ``**[Name](…):** what it is``: a labelled link, not a title
    if head.kind == "link":
        text = head.text.strip(" []*")
        return (bool(head.href) and not head.image and not _is_anchor(head.href)
                and len(text) >= 2 and text.lower() not in _LINK_LABELS
                and not (later and len(text.split()) < 2))
    if head.kind != "strong" or head.text.rstrip().endswith((":", "：")):
        return False
    after = rest[0].text.lstrip() if rest and rest[0].kind == "text" else ""
    if after.startswith((":", "：")):
        return False
    words_before_link = 0
    for seg in rest:
        if seg.kind == "link":
            break
        words_before_link += len(seg.text.split())
    return words_before_link < _PROSE_WORDS


def _is_link_row(segs: list[Seg]) -> bool:
    """``[Web (236)](…) · [Desktop (138)](…) · …``: three links or more and separators."""
    links = sum(s.kind == "link" for s in segs)
    return links >= 3 and all(
        s.kind == "link" or (s.kind == "text" and not any(c.isalnum() for c in s.text))
        for s in segs)


def _citation_head(line: list[Seg]) -> bool:
    """``Bengio, Yoshua, … "**Deep learning**." Nature (2015).``: authors, a quoted title."""
    for n, seg in enumerate(line[:-1]):
        if seg.kind != "text":
            return False
        if seg.text.rstrip().endswith(tuple(_QUOTES)) and line[n + 1].kind in ("strong", "link"):
            return any(c.isalpha() for c in seg.text)
    return False


def _is_trailer_line(line: list[Seg]) -> bool:
    """Authors in italics, badges, images: what a bold-link paragraph has under it."""
    return all(s.kind in ("em", "image") or (s.kind == "link" and s.image)
               or (s.kind == "text" and not s.text.strip()) for s in line)


def entry_lines(lines: list[list[Seg]]) -> tuple[list[list[Seg]], Notes]:
    """An entry's lines for the shape table: name lines as authors, venue lines as notes.

    ``Noam Slonim, Naftali Tishby`` under a title is its author list; ``*NIPS, 1999*``
    its venue and year, not a second author list.
    """
    notes = Notes()
    out = [lines[0]]
    for line in lines[1:]:
        text = plain(line).strip()
        if all(s.kind == "text" for s in line) and _is_names(text):
            out.append([Seg("em", text)])
        elif len(line) == 1 and line[0].kind == "em" and _venue_year(text, notes):
            continue
        elif (field_ := label_field(line)) is not None:
            segs, found = read_label(*field_)
            notes.add(found)
            out.append(segs)
        else:
            out.append(line)
    return [line for line in out if line], notes


def _is_names(text: str) -> bool:
    """``Noam Slonim, Naftali Tishby``: capitalised names, nothing else."""
    words = text.replace(",", " ").split()
    return 0 < len(words) <= 60 and any(w[:1].isupper() for w in words) and all(
        w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words) and not any(
        c.isdigit() for c in text)


def _venue_year(text: str, notes: Notes) -> bool:
    """``NIPS, 1999``, ``PhD Thesis, 2002``: a venue line's venue and year, as notes."""
    venue, comma, year = text.rpartition(",")
    year = year.strip(" .")
    if not (comma and year.isdigit() and len(year) == 4 and year[:2] in ("19", "20")):
        return False
    venue = venue.strip()
    notes.year = int(year)
    if venue.lower() not in ("arxiv", "preprint", "arxiv preprint"):
        notes.venue = venue
    return True
