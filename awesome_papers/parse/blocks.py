"""Walk a list's markdown-it tokens into drafts, sections and diagnostics.

markdown-it-py (CommonMark plus tables) gives the block structure and source lines;
the walker keeps the section stack, hands list items (:mod:`.items`), table rows
(:mod:`.tables`) and paper paragraphs (:mod:`.paragraphs`) to the entry shapes
(:mod:`.shapes`), and accounts for every item: it becomes an entry or a diagnostic
that names its line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..model import Diagnostic, Section
from ..slugs import SlugCounter, heading_text
from . import venues
from .chunks import chunks
from .draft import Draft, Parsed
from .fields import venue_tag
from .items import (
    MAX_NESTING,
    RawItem,
    child_lines,
    group_title,
    is_field,
    is_group,
    is_nav,
    is_toc,
    orphan_fields,
    read_items,
)
from .labelled import (
    Notes,
    field_records,
    is_field_list,
)
from .paragraphs import Para, entry_lines, has_link, read_para, records
from .segments import Seg, plain, segments
from .shapes import TEXT_TITLES, not_a_paper, read_record, split_records


def _as_written(url: str) -> str:
    """Keep link targets as the list writes them: renderers escape them, keys read them."""
    return url


_MD = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
_MD.normalizeLink = _as_written  # type: ignore[method-assign]


class _Walker:
    """Walks one document's tokens, keeping the section stack."""

    def __init__(self, path: str, text: str) -> None:
        self.path = path
        self.source = text.splitlines()
        self.slugs = SlugCounter()
        self.stack: list[Section] = []
        self.sections: list[Section] = []
        self.drafts: list[tuple[Draft, tuple[str, ...], tuple[str, ...]]] = []
        self.diagnostics: list[Diagnostic] = []
        self.counts: dict[str, int] = {}
        #: A bold venue line (``**CVPR'26**``) heading the lists that follow it.
        self.venue = ""
        #: Entry paragraphs waiting for the author, badge or label lines under them.
        self.pending: list[_ParaEntry] = []
        #: Entry paragraphs seen so far: a list that writes papers as paragraphs.
        self.para_entries = 0
        #: Group-label sections, by their provisional slug (settled in :meth:`finish`).
        self.groups: dict[str, Section] = {}

    def paragraph(self, inline: Token) -> None:
        segs = [s for s in segments(inline.children or ()) if s.kind == "strong" or s.text.strip()]
        probe = Draft()
        is_tag = len(segs) == 1 and segs[0].kind == "strong" and venue_tag(probe, segs[0].text)
        self.venue = segs[0].text.strip() if is_tag else ""

    def heading(self, level: int, inline: Token, line: int) -> None:
        title = heading_text(inline)
        self.venue = ""
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()
        section = Section(title, self.slugs(title), level, line,
                          self.stack[-1].slug if self.stack else None, self.path)
        self.stack.append(section)
        self.sections.append(section)

    def add(self, drafts: Iterable[Draft]) -> None:
        titles = tuple(s.title for s in self.stack)
        slugs = tuple(s.slug for s in self.stack)
        for draft in drafts:
            self.drafts.append((draft, titles, slugs))
            if self.stack:
                self.counts[self.stack[-1].slug] = self.counts.get(self.stack[-1].slug, 0) + 1

    def item(self, lines: list[list[Seg]], line: int, end: int,
             notes: Notes | None = None, shape: str = "") -> None:
        """Read one item (list item, table row, entry paragraph) into entries.

        ``notes`` (from labelled sub-bullets) fill what the item's head leaves empty;
        ``shape`` names the reader of entries that are not list items.
        """
        if not lines:
            self.note(line, 1, "warning", "unrecognised-item", "empty list item")
            return
        drafts = []
        for n, record in enumerate(split_records(lines)):
            continued = n > 0 and not _starts_with_head(record)
            draft = read_record(record, line, continued=continued)
            if n > 0 and draft.title:  # a split-off entry starts on a line of its own
                draft.line = self.locate(line, end, draft.arxiv or draft.title)[0]
            if n > 0 and not continued:
                self.note(*self.locate(line, end, draft.title), "warning", "glued-entries",
                          f"a second entry ({draft.title[:40]!r}) runs into this item; "
                          "start it on a line of its own")
            # A list item with nothing but text is prose; a paper paragraph that says
            # nothing more is a paper the reader could not read.
            if not self._keep(draft, line, end, plain(record[0]), prose=not shape):
                continue
            if notes is not None and n == 0:
                _apply(draft, notes)
            draft.shape = shape or draft.shape
            drafts.append(draft)
        self.add(drafts)

    def add_draft(self, draft: Draft, line: int, end: int) -> None:
        """An entry read outside a list item (a table row), kept as :meth:`item` keeps one."""
        if self._keep(draft, line, end, self.source[line - 1], prose=False):
            self.add([draft])

    def _keep(self, draft: Draft, line: int, end: int, text: str, *, prose: bool) -> bool:
        """Report the draft's problems in ``line..end``; keep it if it is an entry.

        An entry needs a title and something besides it. Where ``prose`` may be, an item
        with no link, id, venue or year is a note or an intro bullet: told as info.
        """
        for problem in draft.problems:
            self.note(*self.locate(line, end, problem.near), problem.severity,
                      problem.code, problem.message)
        if not draft.title and _has_substance(draft):
            code = "no-title" if draft.url or draft.arxiv else "unrecognised-item"
            self.note(*self.locate(line, end, ""), "error" if code == "no-title" else "warning",
                      code, f"no title found in {text[:60].strip()!r}")
            return False
        if not draft.title or not _has_substance(draft):
            what = repr((draft.title or text.strip())[:60])
            if prose:
                self.note(*self.locate(line, end, ""), "info", "prose-item",
                          f"{what} has no link, arXiv id, venue or year: read as prose, "
                          "not as an entry")
            else:
                self.note(*self.locate(line, end, ""), "warning", "unrecognised-item",
                          f"{what} has no link, arXiv id, venue or year: not read as an entry")
            return False
        if self.venue and draft.kind == "paper":
            venue_tag(draft, self.venue)
        if draft.shape in TEXT_TITLES:
            not_a_paper(draft)
        return True

    def locate(self, line: int, end: int, near: str) -> tuple[int, int]:
        """Line and 1-based column of ``near`` in the item's source, else of the item."""
        for number in range(line, max(end, line) + 1):
            text = self.source[number - 1] if number <= len(self.source) else ""
            if near and near in text:
                return number, text.index(near) + 1
        text = self.source[line - 1] if line <= len(self.source) else ""
        return line, len(text) - len(text.lstrip()) + 1

    def note(self, line: int, column: int, severity: str, code: str, message: str) -> None:
        """Record a diagnostic at ``path:line:column``."""
        self.diagnostics.append(
            Diagnostic(self.path, line, column, severity, code, message))  # type: ignore[arg-type]

    def walk_list(self, items: list[RawItem]) -> None:
        if is_toc(items):
            return
        if is_field_list(items):
            for lines, first, last, notes in field_records(items):
                self.item(lines, first, last, notes)
            return
        if orphan_fields(items):
            self.note(items[0].line, 1, "error", "no-title",
                      "paper field bullets (Paper: …, Code: …) with no title above them")
            return
        for raw in items:
            if raw.cut:
                continue
            if is_nav(raw):
                self.walk_list(raw.children)
            elif is_group(raw):
                self.group(raw)
            else:
                notes = Notes()
                lines = list(raw.lines)
                for child in raw.children:
                    lines.extend(child_lines(child, notes))
                self.item(lines, raw.line, raw.end, notes)

    def group(self, raw: RawItem) -> None:
        """A group label's children under a sub-section of the enclosing one.

        The section is kept only if an entry lands in it (or in a group inside it); its
        slug is provisional until :meth:`finish` knows every heading's anchor.
        """
        title = group_title(raw)
        if not title:
            self.walk_list(raw.children)
            return
        parent = self.stack[-1] if self.stack else None
        section = Section(title, f"\0group-{len(self.groups)}",
                          parent.level + 1 if parent else 1, raw.line,
                          parent.slug if parent else None, self.path)
        self.groups[section.slug] = section
        self.stack.append(section)
        self.sections.append(section)
        before = len(self.drafts)
        self.walk_list(raw.children)
        self.stack.remove(section)
        if len(self.drafts) == before:
            self.sections.remove(section)
            del self.groups[section.slug]

    def start_paragraph(self, para: Para, qualifies: bool) -> None:
        """A top-level paragraph: the head of entries, the lines under one, or prose."""
        if para.heads:
            self.flush()
            for record in records(para):
                self.pending.append(_ParaEntry(para, record, qualifies))
        elif (para.trailer or para.labels) and self.pending:
            entry = self.pending[-1]
            entry.lines.extend(para.lines)
            entry.end = para.end
            if para.labels:
                entry.shape, entry.qualifies = "title-paragraph", True
        else:
            self.flush()

    def label_bullets(self, items: list[RawItem]) -> bool:
        """``- Paper: https://…`` bullets under a title paragraph: its fields."""
        if not self.pending or not items or not all(
                is_field(raw) and not raw.children for raw in items):
            return False
        entry = self.pending[-1]
        for raw in items:
            entry.lines.extend(child_lines(raw, entry.notes))
        entry.end = max(entry.end, items[-1].end)
        entry.shape, entry.qualifies = "title-paragraph", True
        self.flush()
        return True

    def flush(self) -> None:
        """Read the waiting entry paragraphs that their section or list makes entries."""
        pending, self.pending = self.pending, []
        for entry in pending:
            if not (entry.shape == "title-paragraph" or (
                    entry.qualifies and has_link(entry.lines))):
                continue
            lines, notes = entry_lines(entry.lines)
            notes.add(entry.notes)
            line = self.locate(entry.line, entry.end, _needle(lines[0]))[0]
            self.item(lines, line, entry.end, notes, entry.shape)

    def finish(self) -> None:
        """Settle group slugs: GitHub-style, after every heading's anchor, never shifting one."""
        self.flush()
        counter = SlugCounter()
        for section in self.sections:
            if section.slug not in self.groups:
                counter(section.slug)
        final = {slug: counter(group.title) for slug, group in self.groups.items()
                 if group in self.sections}
        if not final:
            return
        self.sections = [replace(s, slug=final.get(s.slug, s.slug),
                                 parent=final.get(s.parent or "", s.parent))
                         for s in self.sections]
        self.drafts = [(d, titles, tuple(final.get(x, x) for x in slugs))
                       for d, titles, slugs in self.drafts]


@dataclass
class _ParaEntry:
    """An entry paragraph (or one record of it) and the lines gathered under it."""

    para: Para
    lines: list[list[Seg]]
    qualifies: bool
    notes: Notes = field(default_factory=Notes)
    shape: str = ""
    line: int = 0
    end: int = 0

    def __post_init__(self) -> None:
        self.lines = list(self.lines)
        self.shape = self.shape or self.para.shape
        self.line, self.end = self.para.line, self.para.end


def _needle(line: list[Seg]) -> str:
    """Text of a line to find it in the source: its first link's or bold run's words."""
    head = next((s for s in line if s.kind in ("link", "strong") and s.text.strip()), None)
    return (head.text if head else plain(line)).strip()[:30]


def _apply(draft: Draft, notes: Notes) -> None:
    """Notes from labelled sub-bullets, where the entry's own head gave nothing."""
    if draft.year is None and notes.year:
        draft.year, draft.month = notes.year, notes.month
    if draft.venue is None and notes.venue:
        draft.venue = venues.canonical(notes.venue)
    if draft.description is None and notes.description:
        draft.description = notes.description


def _has_substance(draft: Draft) -> bool:
    """Something besides a title: prose bullets and news lines have nothing else.

    Authors alone do not count: in real lists, a title with an "author list" and no link,
    id, venue or year is a prose line with an *emphasised* phrase. A link dropped as
    unsafe counts: the entry stays, as text, beside its diagnostic.
    """
    return bool(draft.url or draft.arxiv or draft.pdf or draft.venue
                or draft.code or draft.links or draft.year
                or any(p.code == "unsafe-link" for p in draft.problems))


def _starts_with_head(record: list[list[Seg]]) -> bool:
    first = [s for s in record[0] if not (s.kind == "text" and not s.text.strip(" 🌟"))]
    return bool(first) and first[0].kind in ("strong", "link")


def read_list(text: str, path: str) -> Parsed:
    """Drafts, sections and diagnostics of one list, keys not yet assigned."""
    text = without_front_matter(text)
    walker = _Walker(path, text)
    for offset, chunk in chunks(text):
        _parse(chunk, offset, walker)
    for section in walker.sections:
        has_sub = any(s.parent == section.slug for s in walker.sections)
        if not walker.counts.get(section.slug) and not has_sub:
            walker.note(section.line, 1, "info", "empty-section",
                        f"section {section.title!r} has no entries")
    walker.finish()
    return Parsed(path, walker.drafts, walker.sections, walker.diagnostics)


def without_front_matter(text: str) -> str:
    """YAML front matter (``---`` … ``---`` first) as blank lines: no section, no noise.

    markdown-it would read it as a rule and a setext heading. Lines are kept, so
    diagnostics still name the right ones.
    """
    if not text.startswith("---") or text[:text.find("\n")].strip() != "---":
        return text
    lines = text.split("\n", 200)
    for n in range(1, min(len(lines), 200)):
        stripped = lines[n].strip()
        if stripped in ("---", "..."):
            return "\n" * (n + 1) + "\n".join(lines[n + 1:])
        if stripped and ":" not in stripped and not stripped.startswith(("-", "#", " ")):
            return text
    return text


_CONTAINERS = ("bullet_list_open", "ordered_list_open", "list_item_open", "blockquote_open")


def _parse(text: str, offset: int, walker: _Walker, rounds: int = 0) -> None:
    """Parse and walk ``text``, whose first line is line ``offset + 1`` of the list."""
    tokens = _MD.parse(text)
    # A container opened at the last level makes markdown-it skip the rest of its
    # parent: everything from that line to the parent's end is then read by _recover.
    lost = sorted({(t.map[0], t.map[1]) for t in tokens
                   if t.level >= MAX_NESTING - 1 and t.type in _CONTAINERS and t.map})
    _walk(tokens, offset, walker)
    for first, end in lost:
        _recover(text, first, end, offset, walker, rounds)


def _recover(text: str, first: int, end: int, offset: int, walker: _Walker,
             rounds: int) -> None:
    """Read lines markdown-it skipped for nesting too deep, and report them.

    The deep lines (up to the next line that starts at the margin) are read as a flat
    list; what follows them is parsed again, so later sections are never lost. After
    three deep places in a row the rest is read flat, keeping hostile input linear.
    """
    lines = text.splitlines(keepends=True)[:end]
    rest = first + 1
    while rest < end and rounds < 3 and (not lines[rest].strip() or lines[rest][0] in " \t>"):
        rest += 1
    if rounds >= 3:
        rest = end
    walker.note(offset + first + 1, 1, "warning", "nesting-too-deep",
                f"lists or quotes nested over {MAX_NESTING // 2} deep: lines {offset + first + 1}"
                f"-{offset + rest} read as one flat list")
    _walk(_MD.parse("".join(_flat(line) for line in lines[first:rest])), offset + first, walker)
    if rest < end:
        _parse("".join(lines[rest:end]), offset + rest, walker, rounds + 1)


def _flat(line: str) -> str:
    """A line without its container marks: ``- text`` for an item, else ``  text``."""
    pos, item = 0, False
    while pos < len(line):
        ch = line[pos]
        if ch in " \t>":
            pos += 1
        elif ch in "-*+" and line[pos + 1:pos + 2] in (" ", "\t", "\n", ""):
            pos, item = pos + 1, True
        elif ch.isdigit():
            digits = pos
            while digits < len(line) and digits - pos < 9 and line[digits].isdigit():
                digits += 1
            if line[digits:digits + 1] not in (".", ")") or line[digits + 1:digits + 2] not in (
                    " ", "\t", "\n", ""):
                break
            pos, item = digits + 1, True
        else:
            break
    content = line[pos:]
    if not content.strip():
        return "- \n" if item else "\n"
    return ("- " if item else "  ") + content


def _walk(tokens: list[Token], offset: int, walker: _Walker) -> None:
    """Hand one chunk's headings, lists, tables, paragraphs and venue lines to the walker."""
    if offset:
        for tok in tokens:
            if tok.map:
                tok.map = [tok.map[0] + offset, tok.map[1] + offset]
    paras, qualifies = _entry_paragraphs(tokens, walker)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open":
            walker.flush()
            walker.heading(int(tok.tag[1:]), tokens[i + 1], (tok.map or (0, 0))[0] + 1)
            i += 3
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            items, i = read_items(tokens, i)
            if not (tok.level == 0 and walker.label_bullets(items)):
                walker.flush()
                walker.walk_list(items)
        elif tok.type == "table_open":
            from .tables import read_table  # BeautifulSoup only for lists with tables

            walker.flush()
            i = read_table(tokens, i, walker)
        elif tok.type == "html_block" and "<table" in tok.content.lower():
            from .html_tables import read_html_table

            walker.flush()
            i = read_html_table(tokens, i, walker)
        elif tok.type == "paragraph_open" and tok.level == 0:
            walker.start_paragraph(paras[i], qualifies[i])
            walker.paragraph(tokens[i + 1])
            i += 3
        else:
            if tok.level == 0 and tok.type != "html_block":
                walker.flush()
            i += 1
    walker.flush()


def _entry_paragraphs(tokens: list[Token],
                      walker: _Walker) -> tuple[dict[int, Para], dict[int, bool]]:
    """Each top-level paragraph read, and whether its heads are entries by their number.

    See :mod:`.paragraphs`: a head with a link is an entry when its section holds two
    or the list three (this chunk and those before it).
    """
    paras: dict[int, Para] = {}
    region_of: dict[int, int] = {}
    per_region = [0]
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            per_region.append(0)
        elif tok.type == "paragraph_open" and tok.level == 0:
            start, end = tok.map or (0, 0)
            para = paras[i] = read_para(tokens[i + 1], start + 1, end)
            region_of[i] = len(per_region) - 1
            per_region[-1] += sum(has_link(r) for r in records(para)) if para.heads else 0
    walker.para_entries += sum(per_region)
    many = walker.para_entries >= 3
    return paras, {i: many or per_region[region_of[i]] >= 2 for i in paras}
