"""Rebuild exactly the pages a list change affects.

A changed list re-reads the pages whose tables now select something else, whose
``awesome-intro`` now shows other text, and the pages whose citations start or stop
naming an entry (their warnings change). Pages whose
citations now resolve differently (new title, row moved to another page) are only
re-written. An unchanged list costs one hash per build and re-reads nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .directive import intro_and_digest, select_and_digest
from .domain import paper_domain
from .sources import collection, digest, fingerprint, report_diagnostics

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
             removed: set[str]) -> list[str]:
    """``env-get-outdated``: what a list change re-reads. A changed list is parsed here and
    its own problems reported; an unchanged one is not even parsed (like an unchanged page,
    whose warnings Sphinx does not repeat either)."""
    domain = paper_domain(env)
    data = domain.data
    lists = fingerprint(app.config)
    domain.lists_changed = data["lists"] != lists
    domain.pages_changed = bool(added or changed or removed)
    if not domain.lists_changed:
        return []
    data["lists"] = lists
    report_diagnostics(app.config)
    coll = collection(app.config)
    stale = {docname for docname, tables in data["tables"].items()
             if any(select_and_digest(coll, options)[3] != digest for options, digest in tables)}
    stale |= {docname for docname, intros in data["intros"].items()
              if any(intro_and_digest(coll, options)[2] != digest for options, digest in intros)}
    stale |= {docname for docname, cites in data["cites"].items()
              if any((coll.get(ref) is not None) != found for ref, found in cites.items())}
    domain.pages_changed |= bool(stale - removed)
    return sorted(stale - removed)


def document_order(env: BuildEnvironment) -> list[str]:
    """Documents in toctree order from the root, then the rest by name."""
    order: dict[str, None] = {}
    stack = [env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in order or docname not in env.all_docs:
            continue
        order[docname] = None
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    return [*order, *sorted(set(env.all_docs) - order.keys())]


def find_homes(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: for each key, the pages that show it, in document order."""
    domain = paper_domain(env)
    homes: dict[str, list[str]] = {}
    for docname in document_order(env):
        for key in domain.data["shown"].get(docname, ()):
            homes.setdefault(key, []).append(docname)
    domain.homes_changed = domain.data["homes"] != homes
    domain.data["homes"] = homes


def rewritten(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-get-updated``: pages whose citations now resolve to other text or targets.

    Only pages read in this build lack a digest; all are checked when a list or a row's
    page changed. Sphinx saves the environment only when some page is read or written, so
    a list change that touches no page still re-writes the root page: otherwise the new
    fingerprint would be lost and every later build would parse the list again."""
    domain = paper_domain(env)
    everything = domain.lists_changed or domain.homes_changed
    docnames = [d for d in domain.data["cites"] if everything or d not in domain.data["resolved"]]
    changed = []
    if docnames:  # else an unchanged list is not even parsed
        coll = collection(app.config)
        for docname in docnames:
            refs = list(domain.data["cites"][docname])
            entries = [coll.get(ref) for ref in refs]
            homes = [e and domain.home(e.key, docname) for e in entries]
            now = digest(entries, refs, homes)
            if domain.data["resolved"].get(docname) != now:
                domain.data["resolved"][docname] = now
                changed.append(docname)
    if domain.lists_changed and not domain.pages_changed and not changed:
        changed.append(env.config.root_doc)
    return changed
