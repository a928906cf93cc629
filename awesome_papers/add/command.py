"""The ``add`` subcommand: argparse glue over :mod:`.metadata` and :mod:`.writer`."""

from __future__ import annotations

import argparse
import sys

from ..arxiv_api import API_URL, ArxivClient
from ..loader import load
from ..model import Collection, Entry, Section
from ..query import did_you_mean, matching_sections, section_name
from ..terminal import counted
from ..text import normalise_title
from .listfile import ListFile
from .metadata import MetadataMissing, arxiv_id, find_paper
from .writer import CannotAdd, add_paper, direct_entries


class _Refused(Exception):
    """Why nothing was added, in one line; ``code`` is the exit status."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``add LIST ID [--section S] [--code URL] [--cache FILE] [--dry-run]``."""
    parser = commands.add_parser(
        "add", help="add an arXiv paper to a section, in the style of its entries",
        description="Add an arXiv paper after the last entry of a section, written the way "
                    "most of that section's papers are. The title, authors and year come "
                    "from the arXiv cache (--cache), else from the arXiv API.")
    parser.add_argument("list", metavar="LIST")
    parser.add_argument("id", metavar="ID", help="arXiv id (2405.10938) or abs/pdf URL")
    parser.add_argument("--section", metavar="S",
                        help="slug or heading of the section (needed when more than one "
                             "section holds papers)")
    parser.add_argument("--code", metavar="URL", help="the paper's code repository")
    parser.add_argument("--cache", metavar="FILE",
                        help="arXiv cache written by 'enrich': read first, and a record "
                             "fetched from the API is kept in it")
    parser.add_argument("--offline", action="store_true",
                        help="never ask the arXiv API; the paper must be in --cache")
    parser.add_argument("--api-url", default=API_URL, metavar="URL",
                        help=f"arXiv API query endpoint (default {API_URL})")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the change as a unified diff; write nothing")
    parser.set_defaults(run=run)


def _papers_in(collection: Collection, section: Section) -> int:
    return sum(e.kind == "paper" for e in direct_entries(collection, section))


def _listing(collection: Collection, sections: list[Section]) -> str:
    return "; ".join(f"{section_name(s) or s.slug} (line {s.line}, "
                     f"{counted(_papers_in(collection, s), 'paper', 'papers')})" for s in sections)


def _section(collection: Collection, name: str | None) -> Section:
    """The section ``--section`` names; without it, the only section holding papers."""
    if name is None:
        holding = [s for s in collection.sections if _papers_in(collection, s)]
        if len(holding) == 1:
            return holding[0]
        if not holding:
            raise _Refused("the list has no section with papers to take a style from", 2)
        raise _Refused("several sections hold papers; name one with --section: "
                       + _listing(collection, holding), 2)
    found = matching_sections(collection.sections, name)
    if not found:
        names = (section_name(s) for s in collection.sections)
        raise _Refused(f"unknown section {name!r}{did_you_mean(name, (n for n in names if n))}",
                       2)
    found = [s for s in found if s.slug == name] or found
    if len(found) > 1:
        raise _Refused(f"section {name!r} is ambiguous: " + _listing(collection, found), 2)
    return found[0]


def _duplicate(collection: Collection, arxiv: str, title: str | None) -> Entry | None:
    """The list's entry of the same arXiv id, or (once the title is known) the same title."""
    found = collection.get(f"arXiv:{arxiv}")
    if found is None and title is not None:
        wanted = normalise_title(title)
        found = next((e for e in collection.entries
                      if e.kind == "paper" and normalise_title(e.title) == wanted), None)
    return found


def _refuse_duplicate(entry: Entry | None) -> None:
    if entry is not None:
        raise _Refused(f"already in the list: {entry.source}:{entry.line}: {entry.title!r}"
                       + (f" (arXiv {entry.arxiv})" if entry.arxiv else ""))


def _add(args: argparse.Namespace) -> int:
    arxiv = arxiv_id(args.id)
    if arxiv is None:
        raise _Refused(f"{args.id!r} is not an arXiv id or arxiv.org URL", 2)
    listfile = ListFile.read(args.list)
    collection = load([args.list])
    _refuse_duplicate(_duplicate(collection, arxiv, None))
    section = _section(collection, args.section)
    client = None if args.offline else ArxivClient(args.api_url)
    paper = find_paper(arxiv, cache_path=args.cache, client=client, code=args.code)
    _refuse_duplicate(_duplicate(collection, arxiv, paper.title))
    added = add_paper(listfile, collection, section, paper)
    if args.dry_run:
        sys.stdout.write(listfile.diff(added.listfile))
        return 0
    added.listfile.write()
    print(f"{args.list}:{added.line}: added {paper.title!r} (arXiv {arxiv}) to section "
          f"{section.title!r} as {added.shape}", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    """Exit 0 when added (or shown), 1 when refused (duplicate, no metadata, no style to
    follow), 2 on bad usage."""
    try:
        return _add(args)
    except _Refused as refusal:
        print(f"awesome-papers: error: {refusal}", file=sys.stderr)
        return refusal.code
    except (MetadataMissing, CannotAdd) as problem:
        print(f"awesome-papers: error: {problem}", file=sys.stderr)
        return 1
