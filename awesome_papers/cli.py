"""The ``awesome-papers`` command: check a list, export it, list it in the terminal, make a
site of it."""

from __future__ import annotations

import argparse
import shutil
import signal
import sys
import threading
from collections import Counter
from collections.abc import Sequence
from contextlib import nullcontext
from types import FrameType

from . import __version__, bibtex, enrich_cli, export, stats
from .add import command as add_command
from .files import FileProblem, atomic_writer, read_list
from .loader import load
from .model import Collection, Diagnostic, Entry
from .query import FILTERS, Query, parse_query, select
from .settings import for_file
from .site import command as site_command
from .suppress import split_codes, unknown_codes
from .terminal import LIST_COLUMNS, counted, entry_lines, section_lines

_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _add_filters(parser: argparse.ArgumentParser) -> None:
    """The filter words of ``query.FILTERS``, the same as the directive and block options."""
    group = parser.add_argument_group("filters")
    for option in FILTERS:
        text = option.help if option.flag else \
            f"{option.help} ({option.value}; e.g. {option.example})"
        group.add_argument(f"--{option.name}", action="store_true" if option.flag else "store",
                           help=text.replace("`", "").replace("%", "%%"))


def _selected(collection: Collection, args: argparse.Namespace) -> tuple[list[Entry], Query]:
    """Apply the filter flags; a bad value ends the command with exit code 2."""
    options: dict[str, str | None] = {}
    for option in FILTERS:
        value = getattr(args, option.name.replace("-", "_"))
        if option.flag and value:
            options[option.name] = None
        elif not option.flag and value is not None:
            options[option.name] = value
    query, problems = parse_query(options)
    entries, more = select(collection, query)
    problems += more
    if problems:
        for problem in problems:
            print(f"awesome-papers: error: {problem.message}", file=sys.stderr)
        raise SystemExit(2)
    return entries, query


def _readable(path: str) -> str:
    """``path``, once it is known to be a readable UTF-8 file (else a FileProblem)."""
    read_list(path)
    return path


def _collection(args: argparse.Namespace) -> Collection:
    """The lists, with the arXiv cache applied when ``--cache`` names one, and the codes
    ``--select``/``--ignore`` choose (``check`` only; else the config files')."""
    return load(args.lists, cache=args.cache, select=getattr(args, "select", None),
                ignore=getattr(args, "ignore", None))


def _codes(value: str) -> list[str]:
    """A ``--select``/``--ignore`` value: known codes, comma separated, or a usage error."""
    codes = split_codes(value)
    problems = unknown_codes(codes)
    if problems:
        raise argparse.ArgumentTypeError("; ".join(problems))
    return codes


def summary(collection: Collection) -> str:
    """``12 entries, 0 errors, 1 warning, 2 infos (3 ignored)``: infos when there are any,
    the silenced count when something was silenced."""
    severities = Counter(d.severity for d in collection.diagnostics)
    parts = [counted(len(collection.entries), "entry", "entries"),
             counted(severities["error"], "error", "errors"),
             counted(severities["warning"], "warning", "warnings")]
    if severities["info"]:
        parts.append(counted(severities["info"], "info", "infos"))
    ignored = f" ({len(collection.ignored)} ignored)" if collection.ignored else ""
    return ", ".join(parts) + ignored


def _failing(diagnostics: Sequence[Diagnostic], strict: bool | None) -> bool:
    """An error fails ``check``; a warning too under ``--strict``, or ``strict = true`` in
    the config file of its list when neither ``--strict`` nor ``--no-strict`` is given."""
    paths = {d.path for d in diagnostics if d.severity == "warning"}
    strict_in = {path: for_file(path).strict if strict is None else strict for path in paths}
    return any(d.severity == "error" or (d.severity == "warning" and strict_in[d.path])
               for d in diagnostics)


def _check(args: argparse.Namespace) -> int:
    collection = _collection(args)
    diagnostics: list[Diagnostic] = list(collection.diagnostics)
    for d in diagnostics:
        if args.format == "github":
            print(f"::{_GITHUB_LEVEL[d.severity]} file={d.path},line={d.line},col={d.column},"
                  f"title={d.code}::{d.message}")
        else:
            print(d.format())
    if args.stats:
        print(stats.shape_table(collection))
    print(summary(collection), file=sys.stderr)
    return 1 if _failing(diagnostics, args.strict) else 0


def _export(args: argparse.Namespace) -> int:
    collection = _collection(args)
    entries, query = _selected(collection, args)
    suffix = (args.output or "").rpartition(".")[2]
    fmt = args.format or (suffix if suffix in ("csv", "bib") else "json")
    if fmt != "bib" and (args.bib or args.latex_escapes):
        print("awesome-papers: error: --bib and --latex-escapes need --format bib",
              file=sys.stderr)
        return 2
    if fmt != "csv" and args.columns is not None:
        print("awesome-papers: error: --columns needs --format csv", file=sys.stderr)
        return 2
    text: str | None
    if fmt == "bib":
        try:
            merge = bibtex.read_bib(_readable(args.bib)) if args.bib else None
        except ValueError as error:
            print(f"awesome-papers: error: {error}", file=sys.stderr)
            return 2
        text = bibtex.bibtex_string(entries, sources=args.lists,
                                    latex_escapes=args.latex_escapes, merge=merge)
    else:
        fields = query.columns if args.columns is not None else export.ENTRY_FIELDS
        text = export.to_csv(entries, fields) if fmt == "csv" else None
    with atomic_writer(args.output) if args.output else nullcontext(sys.stdout) as out:
        if text is None:
            export.write_json(out, collection, entries)  # streamed: 100k entries fit
        else:
            out.write(text)
    if args.output:
        print(f"wrote {len(entries)} entries to {args.output}", file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    entries, query = _selected(load(args.lists), args)
    width = max(shutil.get_terminal_size((120, 20)).columns, 60)
    columns = query.columns if args.columns is not None else LIST_COLUMNS
    for line in entry_lines(entries, columns, width):
        print(line)
    print(f"{len(entries)} entries", file=sys.stderr)
    return 0


def _sections(args: argparse.Namespace) -> int:
    collection = load(args.lists)
    for line in section_lines(collection):
        print(line)
    print(f"{len(collection.sections)} sections", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="awesome-papers",
        description="Check, export and list curated Markdown awesome lists of papers.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="report problems as file:line:col messages")
    check.add_argument("lists", nargs="+", metavar="LIST")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="github prints GitHub Actions annotations")
    check.add_argument("--strict", action=argparse.BooleanOptionalAction, default=None,
                       help="fail on warnings too (default: strict in the config file)")
    check.add_argument("--select", metavar="CODES", type=_codes, action="extend",
                       help="report only these codes, comma separated (replaces the "
                            "config file's select)")
    check.add_argument("--ignore", metavar="CODES", type=_codes, action="extend",
                       help="do not report these codes, comma separated (replaces the "
                            "config file's ignore)")
    check.add_argument("--stats", action="store_true",
                       help="also print how many entries each entry shape read, per section")
    enrich_cli.add_check_option(check)
    check.set_defaults(run=_check)

    exp = commands.add_parser("export", help="write entries as JSON, CSV or BibTeX")
    exp.add_argument("lists", nargs="+", metavar="LIST")
    exp.add_argument("--format", choices=("json", "csv", "bib"),
                     help="default: from the -o suffix, else json")
    exp.add_argument("--bib", metavar="FILE",
                     help="hand-kept .bib to merge: its matching entries' fields win")
    exp.add_argument("--latex-escapes", action="store_true",
                     help="bib: write non-ASCII as LaTeX escapes (8-bit BibTeX, pdfLaTeX)")
    exp.add_argument("-o", "--output", help="write here (atomically) instead of stdout")
    exp.add_argument("--cache", metavar="FILE",
                     help="arXiv cache from 'enrich': full authors, DOI, primary class")
    _add_filters(exp)
    exp.set_defaults(run=_export)

    lst = commands.add_parser("list", help="show entries as a table in the terminal")
    lst.add_argument("lists", nargs="+", metavar="LIST")
    _add_filters(lst)
    lst.set_defaults(run=_list)

    sections = commands.add_parser(
        "sections", help="show the sections: entry counts, slugs by level, headings")
    sections.add_argument("lists", nargs="+", metavar="LIST")
    sections.set_defaults(run=_sections)

    enrich_cli.add_parser(commands)
    add_command.add_parser(commands)
    site_command.add_parser(commands)
    return parser


def _terminate(signum: int, frame: FrameType | None) -> None:
    """``SIGTERM`` as ``SystemExit``, so ``finally`` blocks remove temp files."""
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; bad usage and unusable files exit with 2 and one line, no traceback."""
    args = build_parser().parse_args(argv)
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main else None
    try:
        return int(args.run(args))
    except FileProblem as problem:
        print(f"awesome-papers: error: {problem}", file=sys.stderr)
        return 2
    except OSError as error:  # e.g. a full disk while writing
        where = f"{error.filename}: " if error.filename else ""
        print(f"awesome-papers: error: {where}{error.strerror or error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("awesome-papers: interrupted", file=sys.stderr)
        return 130
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous or signal.SIG_DFL)


if __name__ == "__main__":
    raise SystemExit(main())
