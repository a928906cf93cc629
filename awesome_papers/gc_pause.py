"""Pause the cyclic garbage collector around big, short-lived allocations."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off the cyclic garbage collector while a big node tree is built and written.

    A 10k-row table is ~200k docutils nodes with parent links; every full collection
    walks them all (and the parsed list beside them), which made building and writing
    a table twice as slow as the work itself. Nothing here creates garbage cycles that
    must be freed early; the collector runs again afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
