"""The Markdown of the generated pages: blocks that render from the list, never its entries.

Both engines read the same MyST fences (``{awesome-papers}``, ``{awesome-intro}``), so a
page differs between them only in how it links ``references.bib`` and its subpages.
Headings come from the list and are untrusted: they are written escaped, so a heading
cannot become markup, a role or a citation on the page.
"""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Sequence

    from .plan import SectionPage, SitePlan

Engine = Literal["mkdocs", "sphinx"]
#: ASCII punctuation both CommonMark and Python-Markdown take backslash escapes for.
_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:@$=\"'])")
MARKER = "<!-- Written by `awesome-papers site`; edit freely: it then stays as you leave it. -->"


def escaped(text: str) -> str:
    """``text`` as literal Markdown text in either engine: ``<`` and ``&`` as entities
    (Python-Markdown has no ``\\<``), other punctuation backslash-escaped, one line."""
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _PUNCTUATION.sub(r"\\\1", text)


def _block(name: str, options: Sequence[tuple[str, str]]) -> str:
    lines = [f"```{{{name}}}"]
    lines += [f":{key}: {value}".rstrip() for key, value in options]
    return "\n".join([*lines, "```"])


def _bibtex_line(engine: Engine, page_path: str) -> str:
    if engine == "sphinx":
        return "Every entry as BibTeX: {awesome-bibtex}`references.bib`."
    link = posixpath.relpath("references.bib", posixpath.dirname(page_path) or ".")
    return f"Every entry as BibTeX: [references.bib]({link})."


def _toctree(entries: Sequence[str], caption: str | None = None) -> str:
    options = [("maxdepth", "1")]
    if caption:
        options.append(("caption", " ".join(caption.split())))
    return _block("toctree", options).removesuffix("```") + "\n" + "\n".join(entries) + "\n```"


def _docname(path: str, relative_to: str = "") -> str:
    return posixpath.relpath(path, posixpath.dirname(relative_to) or ".").removesuffix(".md")


def _source(option: str) -> list[tuple[str, str]]:
    return [("source", option)] if option else []


def index_page(plan: SitePlan, engine: Engine, extra: Sequence[str]) -> str:
    """The home page: each list's introduction, and one table of every entry."""
    parts = [MARKER, f"# {escaped(plan.title)}"]
    for listed in plan.lists:
        if len(plan.lists) > 1:
            parts.append(f"## {escaped(listed.title)}")
        parts.append(_block("awesome-intro", _source(listed.source_option)))
    parts.append(_bibtex_line(engine, "index.md"))
    parts.append("## All entries")
    parts.append(_block("awesome-papers", []))
    if engine == "sphinx":
        for listed in plan.lists:
            caption = listed.title if len(plan.lists) > 1 else "Sections"
            parts.append(_toctree([_docname(p.path) for p in listed.pages], caption))
        if plan.highlights:
            parts.append(_toctree(["highlights"], "Across the list"))
        if extra:
            parts.append(_toctree([e.removesuffix(".md").removesuffix(".rst") for e in extra],
                                  "More"))
    return "\n\n".join(parts) + "\n"


def section_page(page: SectionPage, engine: Engine) -> str:
    """A section's page: its own text and its own entries; subsections are pages of
    their own."""
    section = page.section
    name = [("section", section.slug), *_source(page.source)]
    parts = [MARKER, f"# {escaped(section.title)}", _block("awesome-intro", name)]
    if page.own:
        parts.append(_block("awesome-papers", [*name, ("no-subsections", "")]))
    if engine == "sphinx" and page.children:
        parts.append(_toctree([_docname(c.path, page.path) for c in page.children]))
    parts.append(_bibtex_line(engine, page.path))
    return "\n\n".join(parts) + "\n"


def highlights_page(engine: Engine) -> str:
    """The entries the lists mark with 🌟, from every section, newest first."""
    return "\n\n".join([
        MARKER, "# 🌟 Highlights",
        "The entries the list marks with 🌟, from every section, newest first.",
        _block("awesome-papers", [("highlight", ""), ("sort", "newest"),
                                  ("columns", "title, section, year, links")]),
        _bibtex_line(engine, "highlights.md"),
    ]) + "\n"


def moved_page(title: str, path: str, target: SectionPage | None) -> str:
    """What stays at a section page's old address once the section is renamed or gone."""
    if target is None:
        home = posixpath.relpath("index.md", posixpath.dirname(path) or ".")
        where = f"It is no longer in the list; every entry is on [the home page]({home})."
    else:
        link = posixpath.relpath(target.path, posixpath.dirname(path) or ".")
        where = f"Its entries are now under [{escaped(target.section.title)}]({link})."
    return "\n\n".join([
        "---\norphan: true\n---", MARKER, f"# {escaped(title)}",
        f"This page showed the section *{escaped(title)}* of the list. {where}",
    ]) + "\n"
