"""How a list was understood: how many entries each shape read, section by section.

``awesome-papers check --stats`` prints it, so a maintainer sees at a glance that, say,
a section's papers were all read as ``title-link`` but one as ``leading-text``.
"""

from __future__ import annotations

from collections import Counter

from .model import Collection


def shapes_by_section(collection: Collection) -> dict[str, Counter[str]]:
    """Section path (``A › B``) -> shape -> entries, in list order."""
    counts: dict[str, Counter[str]] = {}
    for entry in collection.entries:
        where = " › ".join(entry.section) or "(before the first heading)"
        counts.setdefault(where, Counter())[entry.shape or "unknown"] += 1
    return counts


def shape_table(collection: Collection) -> str:
    """A plain-text table of :func:`shapes_by_section`, with a total per shape."""
    counts = shapes_by_section(collection)
    total: Counter[str] = Counter()
    lines = []
    for where, shapes in counts.items():
        total.update(shapes)
        cells = ", ".join(f"{name} {n}" for name, n in shapes.most_common())
        lines.append(f"{sum(shapes.values()):>6}  {where}: {cells}")
    summary = ", ".join(f"{name} {n}" for name, n in total.most_common())
    lines.append(f"{sum(total.values()):>6}  all sections: {summary}")
    return "\n".join(lines)
