"""Flatten markdown-it inline tokens into a short list of segments.

Entry shapes are easier to read from "bold text, code span, link, image" than from a
nested token stream; this keeps only what the shapes need.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markdown_it.token import Token


@dataclass(slots=True)
class Seg:
    """One piece of an item's inline content."""

    #: ``text``, ``strong``, ``em``, ``code``, ``link``, ``image``, ``html`` or ``break``.
    kind: str
    text: str = ""
    href: str = ""
    #: For links: the link text was bold (``[**name**](url)``).
    bold: bool = False
    #: For links: an image inside the link (``[![Star](badge)](repo)``).
    image: str = ""


def segments(tokens: Iterable[Token]) -> list[Seg]:
    """Segments of one inline token's children, adjacent text merged."""
    out: list[Seg] = []
    link: Seg | None = None
    styles: list[tuple[str, list[str]]] = []  # open strong/em and their text

    def add_text(text: str) -> None:
        if link is not None:
            link.text += text
        elif styles:
            styles[-1][1].append(text)
        elif out and out[-1].kind == "text":
            out[-1].text += text
        else:
            out.append(Seg("text", text))

    tokens = list(tokens)
    #: ``**V*: Title**``: CommonMark reads the ``*`` inside as closing an emphasis, and
    #: the run as two nested ``em``. The author wrote one bold title with a ``*`` in it.
    split_strong = 0
    for n, tok in enumerate(tokens):
        kind = tok.type
        if kind == "text":
            text = tok.content
            if split_strong == 2 and text.startswith("*"):
                text, split_strong = text[1:], 0
            add_text(text)
        elif kind in ("softbreak", "hardbreak"):
            if link is not None or styles:
                add_text(" ")
            else:
                out.append(Seg("break"))
        elif kind == "code_inline":
            if link is not None or styles:  # `torch.compile` inside a bold title
                add_text(tok.content)
            else:
                out.append(Seg("code", tok.content))
        elif kind == "link_open":
            link = Seg("link", href=str(tok.attrs.get("href", "")),
                       bold=any(s == "strong" for s, _ in styles))
        elif kind == "link_close" and link is not None:
            out.append(link)
            link = None
        elif kind == "image":
            src = str(tok.attrs.get("src", ""))
            if link is not None:
                link.image = src
            else:
                out.append(Seg("image", tok.content, src))
        elif kind in ("strong_open", "em_open"):
            if link is not None:
                link.bold = link.bold or kind == "strong_open"
            elif (kind == "em_open" and not styles and n + 1 < len(tokens)
                  and tokens[n + 1].type == "em_open" and tok.markup == "*"):
                styles.append(("strong", []))
                split_strong = 1
            elif split_strong == 1 and kind == "em_open":
                continue
            else:
                styles.append((kind[:-5], []))
        elif kind in ("strong_close", "em_close"):
            if split_strong == 1 and kind == "em_close":
                add_text("*")
                split_strong = 2
            elif link is None and styles:
                style, parts = styles.pop()
                text = "".join(parts)
                if styles:
                    styles[-1][1].append(text)
                elif text.strip():
                    out.append(Seg(style, text))
        elif kind == "html_inline":
            if link is not None or styles:
                add_text(tok.content)  # markup inside a title is text to us
            else:
                out.append(Seg("html", tok.content))
    return out


def plain(segs: Iterable[Seg]) -> str:
    """The visible text of segments, for messages and fallbacks."""
    return "".join(" " if s.kind == "break" else s.text for s in segs if s.kind != "image")
