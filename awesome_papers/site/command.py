"""``awesome-papers site LIST... --engine mkdocs|sphinx [-o DIR] [--title T] [--check]``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from ..intro import intro_markdown
from ..loader import load
from ..report import summaries
from .language import guess_language
from .manifest import Manifest, Outcome, apply, read_manifest
from .mkdocs_site import DOCS, mkdocs_files
from .pages import moved_page
from .plan import SectionPage, SitePlan, plan_site
from .publish import readme, workflow
from .sphinx_site import sphinx_files

if TYPE_CHECKING:
    from ..model import Collection
    from .pages import Engine


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``site`` on the CLI."""
    site = commands.add_parser(
        "site", help="write a whole MkDocs or Sphinx site for lists (re-run to update it)")
    site.add_argument("lists", nargs="+", metavar="LIST", help="the awesome-list file(s)")
    site.add_argument("--engine", choices=("mkdocs", "sphinx"), required=True,
                      help="MkDocs with Material, or Sphinx with Furo")
    site.add_argument("-o", "--output", default="site", metavar="DIR",
                      help="the site folder (default: site)")
    site.add_argument("--title", help="the site's title (default: the list's title heading)")
    site.add_argument("--check", action="store_true",
                      help="write nothing; list what would change and exit 1 if anything would")
    site.set_defaults(run=run)


def _relative(path: str | Path, folder: Path) -> str:
    """``path`` as the site's config names it: relative to the site folder when the two
    share a folder below the file system's root, else absolute."""
    target, base = Path(path).resolve(), folder.resolve()
    if os.path.commonpath([target, base]) == target.anchor:
        return target.as_posix()
    return Path(os.path.relpath(target, base)).as_posix()


def _repository_folder(folder: Path) -> str:
    """``folder`` relative to the root of the git repository it is in, else ``""``."""
    here = folder.resolve()
    for parent in (here, *here.parents):
        if (parent / ".git").exists():
            return here.relative_to(parent).as_posix().removeprefix(".")
    return ""


def _language(collection: Collection, plan: SitePlan) -> str | None:
    texts = [intro_markdown(collection, listed.source) for listed in plan.lists]
    texts += [page.section.title for page in plan.section_pages()]
    return guess_language(texts)


def _moved(plan: SitePlan, old: Manifest, pages_dir: str, new: Manifest) -> dict[str, str]:
    """Notes at the addresses of section pages that are gone: a link to the page that now
    holds most of their entries, else to the home page."""
    current = {f"{pages_dir}{page.path}": page for page in plan.section_pages()}
    notes = {}
    for path, record in sorted(old.pages.items()):
        if path in current or not path.startswith(pages_dir):
            continue
        keys = set(record.get("keys") or ())
        target: SectionPage | None = max(
            current.values(), key=lambda page: len(keys.intersection(page.keys)), default=None)
        if target is not None and not keys.intersection(target.keys):
            target = None
        title = str(record.get("title") or Path(path).stem)
        notes[path] = moved_page(title, path.removeprefix(pages_dir), target)
        new.pages[path] = {"title": title, "keys": sorted(keys), "moved": True}
    return notes


def _extra_pages(folder: Path, pages_dir: str, owned: set[str], lists: set[Path]) -> list[str]:
    """Pages the user added: Markdown (and reST for Sphinx) files that are not ours."""
    root = folder / pages_dir
    found = []
    for path in sorted(root.rglob("*")) if root.is_dir() else ():
        relative = path.relative_to(root).as_posix()
        if path.suffix not in (".md", ".rst") or not path.is_file() \
                or any(part.startswith((".", "_")) for part in Path(relative).parts) \
                or f"{pages_dir}{relative}" in owned or relative == "README.md" \
                or path.resolve() in lists:
            continue
        found.append(relative)
    return found


def _report(outcome: Outcome, check: bool) -> None:
    verb = "would " if check else ""
    for label, names in (("create", outcome.created), ("update", outcome.updated),
                         ("remove", outcome.removed)):
        for name in names:
            print(f"{verb}{label} {name}")
    for name in outcome.edited:
        print(f"kept {name}: edited since awesome-papers site wrote it", file=sys.stderr)
    for name in outcome.foreign:
        print(f"kept {name}: not written by awesome-papers site", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Write (or check) the site; 1 under ``--check`` when something would change."""
    engine = cast("Engine", args.engine)
    folder = Path(args.output)
    collection = load(args.lists)
    for line in summaries(collection.diagnostics):
        print(line, file=sys.stderr)
    plan = plan_site(collection, args.title)
    old, problem = read_manifest(folder)
    if problem:
        print(f"awesome-papers: warning: {problem}", file=sys.stderr)
    pages_dir = f"{DOCS}/" if engine == "mkdocs" else ""
    new = Manifest(engine)
    for page in plan.section_pages():
        new.pages[f"{pages_dir}{page.path}"] = {"title": page.section.title,
                                                "keys": sorted(page.keys)}
    moved = _moved(plan, old, pages_dir, new)
    sources = [_relative(source, folder) for source in collection.sources]
    planned = {f"{pages_dir}{page.path}" for page in plan.section_pages()}
    planned |= {f"{pages_dir}index.md", f"{pages_dir}highlights.md", *moved}
    extra = _extra_pages(folder, pages_dir, planned | set(old.files),
                         {Path(s).resolve() for s in collection.sources})
    write = mkdocs_files if engine == "mkdocs" else sphinx_files
    files = write(plan, sources, _language(collection, plan), extra)
    files.update(moved)
    files["README.md"] = readme(engine, plan.title, [_relative(s, folder) for s in args.lists])
    files[".github/workflows/pages.yml"] = workflow(engine, _repository_folder(folder))
    files[".gitignore"] = "_site/\n_build/\nsite/\n"
    outcome = apply(folder, files, old, new, check=args.check)
    _report(outcome, args.check)
    print(f"{'checked' if args.check else 'wrote'} {engine} site in {folder}: "
          f"{len(plan.section_pages())} section pages, {plan.entries} entries; "
          f"{outcome.changes} {'changes' if outcome.changes != 1 else 'change'}",
          file=sys.stderr)
    return 1 if args.check and outcome.changes else 0
