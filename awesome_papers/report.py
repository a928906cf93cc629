"""How a site build reports a list's own problems: one line per list, all, or none.

A list's problems are its maintainer's business, and ``awesome-papers check`` shows them
with their places; a docs build that printed each of them would drown the page problems
(unknown keys, bad options) that its author can fix, and fail ``-W``/``--strict`` on text
the author does not own. So by default a build prints one summary line per list.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from .files import UNREADABLE
from .settings import shown_path
from .terminal import counted

if TYPE_CHECKING:
    from collections.abc import Iterable

    from .model import Diagnostic

#: The values of ``awesome_list_diagnostics`` (Sphinx) and ``list_diagnostics`` (MkDocs).
Mode = Literal["summary", "all", "none"]
MODES: tuple[str, ...] = get_args(Mode)


def summaries(diagnostics: Iterable[Diagnostic]) -> list[str]:
    """One line per list with errors or warnings, in the order the lists first appear:
    ``list.md: 2 errors, 20 warnings; run `awesome-papers check list.md` to see them``.

    Infos are left out, and so is a list that cannot be read: the build reports that one
    by itself, whatever the mode, since it is the site's configuration that is wrong.
    """
    counts: dict[str, Counter[str]] = {}
    for diagnostic in diagnostics:
        if diagnostic.severity != "info" and diagnostic.code != UNREADABLE:
            counts.setdefault(diagnostic.path, Counter())[diagnostic.severity] += 1
    lines = []
    for path, severities in counts.items():
        parts = [counted(severities[severity], severity, f"{severity}s")
                 for severity in ("error", "warning") if severities[severity]]
        shown = shown_path(Path(path))
        lines.append(f"{shown}: {', '.join(parts)}; run `awesome-papers check {shown}` "
                     f"to see them")
    return lines
