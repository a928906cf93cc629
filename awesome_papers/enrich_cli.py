"""The ``enrich`` subcommand and ``check --cache``: argparse glue over :mod:`.enrich`.

Kept apart from ``cli.py`` so the command line only registers these and calls them.
"""

from __future__ import annotations

import argparse
import sys

from .arxiv_api import API_URL, ArxivClient
from .enrich import CacheError, EnrichReport, arxiv_ids, enrich
from .loader import load
from .progress import ProgressBar


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``enrich LIST... --cache FILE [--refresh] [--api-url URL]``."""
    parser = commands.add_parser(
        "enrich", help="fetch full arXiv metadata into a cache file (needs network)",
        description="Look every arXiv id of the lists up in the arXiv API (one request "
                    "every 3 s) and keep the records in a JSON cache to commit next to the "
                    "list. Interrupt and run again to resume.",
    )
    parser.add_argument("lists", nargs="+", metavar="LIST")
    parser.add_argument("--cache", required=True, metavar="FILE",
                        help="the JSON cache to create or update")
    parser.add_argument("--refresh", action="store_true",
                        help="ask again for ids that are already cached")
    parser.add_argument("--api-url", default=API_URL, metavar="URL",
                        help=f"arXiv API query endpoint (default {API_URL})")
    parser.set_defaults(run=run)


def add_check_option(parser: argparse.ArgumentParser) -> None:
    """``check --cache FILE``: compare the list with a cache written by ``enrich``."""
    parser.add_argument("--cache", metavar="FILE",
                        help="also report unknown arXiv ids, other titles and newer versions "
                             "recorded in this cache (offline)")


def _failures(failed: dict[str, str]) -> list[str]:
    """One line per reason: a server that cannot be reached fails every id the same way."""
    by_reason: dict[str, list[str]] = {}
    for arxiv_id, reason in sorted(failed.items()):
        by_reason.setdefault(reason, []).append(arxiv_id)
    lines = []
    for reason, ids in by_reason.items():
        named = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        lines.append(f"failed: {named} ({reason})")
    return lines


def _summary(report: EnrichReport, cache: str) -> list[str]:
    lines = [f"warning: {problem}" for problem in report.dropped]
    lines.append(f"{len(report.fetched)} fetched, {len(report.skipped)} already cached, "
                 f"{len(report.unknown)} unknown to arXiv, {len(report.failed)} failed: {cache}")
    lines += [f"unknown: {i} ({reason})" for i, reason in sorted(report.unknown.items())]
    lines += _failures(report.failed)
    if report.failed:
        lines.append("run the same command again to retry the failed ids")
    return lines


def run(args: argparse.Namespace) -> int:
    """Exit 0 when every id was looked up, 1 when some failed, 2 on an unreadable cache."""
    ids = arxiv_ids(load(args.lists).entries)
    bar = ProgressBar("arXiv")
    client = ArxivClient(args.api_url, notify=bar.note)
    try:
        report = enrich(ids, args.cache, refresh=args.refresh, client=client, progress=bar)
    except CacheError as error:
        print(f"awesome-papers: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"\ninterrupted: what was fetched is saved in {args.cache}; "
              "run the same command again to resume", file=sys.stderr)
        return 130
    for line in _summary(report, args.cache):
        print(line, file=sys.stderr)
    return 1 if report.failed else 0
