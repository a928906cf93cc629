"""The ``paper`` domain: which page shows which entry, which page cites what.

All cross-page state lives here, per document, so ``clear_doc`` and
``merge_domaindata`` keep it right under ``-j`` and incremental builds. Citations are
resolved at write time, so a page that only cites an entry shows its current title
after the list changes without being re-read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.util.nodes import make_refnode

from awesome_papers.citations import ROLES, label
from awesome_papers.nodes import safe_url, title_nodes

from .bibfile import bibfile_link
from .roles import PaperRole
from .sources import collection

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from docutils.nodes import Element
    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from awesome_papers import Entry


class PaperDomain(Domain):
    """Entries shown in tables are the domain's objects; ``cite``, ``t``, ``p`` and ``title``
    refer to them."""

    name = "paper"
    label = "Awesome papers"
    object_types = {"entry": ObjType("entry", "cite", "t", "p", "title")}  # noqa: RUF012
    roles = {"cite": PaperRole("cite"), "t": PaperRole("t"), "p": PaperRole("p"),  # noqa: RUF012
             "title": PaperRole("title")}
    initial_data: ClassVar[dict[str, Any]] = {
        "shown": {},      # docname -> keys given a row anchor on that page, in page order
        "tables": {},     # docname -> [(directive options, digest of what they selected)]
        "cites": {},      # docname -> {reference as written: it named an entry when read}
        "intros": {},     # docname -> [(awesome-intro options, digest of what they showed)]
        "resolved": {},   # docname -> digest of what its citations resolved to when written
        "homes": {},      # key -> docnames showing it, in document order (set each build)
        "lists": "",      # fingerprint of the list files at the last build
    }
    #: Set each build, not pickled: did the lists or the pages showing entries change, and
    #: is some page read again anyway?
    lists_changed = True
    homes_changed = True
    pages_changed = True

    def clear_doc(self, docname: str) -> None:
        for name in ("shown", "tables", "cites", "intros", "resolved"):
            self.data[name].pop(docname, None)

    def role(self, name: str) -> PaperRole:
        """``paper:NAME``; a name that is no form (``{paper:x}``) warns and cites plainly,
        rather than leaving docutils' generic unknown-role error."""
        return self.roles.get(name) or PaperRole("cite", f"paper:{name}")  # type: ignore[return-value]

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for name in ("shown", "tables", "cites", "intros"):
            for docname in docnames & otherdata[name].keys():
                self.data[name][docname] = otherdata[name][docname]

    def note_table(self, docname: str, keys: Iterable[str], options: dict[str, str],
                   digest: str) -> set[str]:
        """Record a table; returns the keys that already have a row anchor on the page."""
        shown = self.data["shown"].setdefault(docname, [])
        before = set(shown)
        shown.extend(k for k in dict.fromkeys(keys) if k not in before)
        self.data["tables"].setdefault(docname, []).append((options, digest))
        return before

    def note_intro(self, docname: str, options: dict[str, str], digest: str) -> None:
        """Record an ``awesome-intro``: the page is re-read when the list's text for it
        changes."""
        self.data["intros"].setdefault(docname, []).append((options, digest))

    def note_cite(self, docname: str, ref: str, found: bool) -> None:
        self.data["cites"].setdefault(docname, {})[ref] = found

    def home(self, key: str, fromdocname: str) -> str | None:
        """The page whose row a citation links to: this page if it shows the entry, else
        the first page in toctree order that does."""
        docnames = self.data["homes"].get(key, ())
        if fromdocname in docnames:
            return fromdocname
        return docnames[0] if docnames else None

    # Sphinx's base class says a resolver returns a reference, but Sphinx puts whatever
    # element it returns in the pending_xref's place (its own std domain returns others).
    def resolve_xref(  # type: ignore[override]
            self, env: BuildEnvironment, fromdocname: str, builder: Builder, typ: str,
            target: str, node: pending_xref, contnode: Element,
    ) -> nodes.reference | nodes.Element | None:
        if typ == "bibtex":
            return bibfile_link(builder, fromdocname, contnode)
        entry = collection(env.config).get(target)
        if entry is None:
            return contnode  # warned when the page was read
        return self._link(entry, fromdocname, builder, typ, node)

    def resolve_any_xref(  # type: ignore[override]  # as resolve_xref
            self, env: BuildEnvironment, fromdocname: str, builder: Builder, target: str,
            node: pending_xref, contnode: Element,
    ) -> list[tuple[str, nodes.reference | nodes.Element]]:
        entry = collection(env.config).get(target)
        if entry is None:
            return []
        return [("paper:cite", self._link(entry, fromdocname, builder, "cite", node))]

    def _link(self, entry: Entry, fromdocname: str, builder: Builder, typ: str,
              node: pending_xref) -> nodes.Element:
        """The entry's label (the title for ``title``) linked to its row, else the paper."""
        inner: list[nodes.Node]
        if node.get("refexplicit"):
            inner = [nodes.Text(node["awesome_text"])]
        elif typ == "title":
            inner = title_nodes(entry)
        else:
            inner = [nodes.Text(label(entry, ROLES[f"paper:{typ}"]))]
        home = self.home(entry.key, fromdocname)
        if home is not None and home == fromdocname and builder.format == "latex":
            # LaTeX resolves the whole book from the root page: a same-page link would take
            # the citing page's name in the .tex, so name the page that shows the row.
            return nodes.reference("", "", *inner, internal=True, reftitle=entry.title,
                                   refuri=f"{builder.get_relative_uri(fromdocname, home)}"
                                          f"#{entry.key}")
        if home is not None:
            ref = make_refnode(builder, fromdocname, home, entry.key, inner, entry.title)
            if ref.get("refuri", "").startswith("#"):  # all pages in one (singlehtml)
                del ref["refuri"]
                ref["refid"] = entry.key
            return ref
        url = safe_url(entry.url)
        if url is None:
            return nodes.inline("", "", *inner)
        return nodes.reference("", "", *inner, refuri=url, reftitle=entry.title)

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        entries = {key: docnames[0] for key, docnames in self.data["homes"].items()}
        for key, docname in sorted(entries.items()):
            yield key, key, "entry", docname, key, 1


def paper_domain(env: BuildEnvironment) -> PaperDomain:
    """The ``paper`` domain as its own class: ``env.domains`` types every domain as ``Domain``."""
    return cast(PaperDomain, env.domains["paper"])
