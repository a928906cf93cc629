"""Finding a parsed value in the item it was read from, whatever the item's line breaks."""

from __future__ import annotations


def find_loose(text: str, needle: str, start: int = 0) -> tuple[int, int] | None:
    """Where ``needle`` is in ``text`` from ``start`` on, any run of whitespace in either
    matching any other (a title wrapped over two lines); ``(start, end)`` or ``None``.

    Whitespace runs are folded to one space with a map back to ``text``, and the search
    is :meth:`str.find`, so the time stays linear in the item's length.
    """
    words = needle.split()
    if not words:
        return None
    flat: list[str] = []
    where: list[int] = []
    blank = False
    for index in range(start, len(text)):
        ch = text[index]
        if ch.isspace():
            if not blank:
                flat.append(" ")
                where.append(index)
            blank = True
            continue
        blank = False
        flat.append(ch)
        where.append(index)
    found = "".join(flat).find(" ".join(words))
    if found < 0:
        return None
    last = found + len(" ".join(words)) - 1
    return where[found], where[last] + 1
