"""How a cost grows with its input: tests compare growth, never a wall-clock budget.

A linear reader takes about ten times as long for ten times the input, a quadratic one
a hundred times; the best of a few runs, in process time and without the garbage
collector (as ``timeit`` runs), keeps a shared machine's noise out of the ratio.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def growth(make: Callable[[int], T], run: Callable[[T], object], small: int, large: int,
           *, repeat: int = 2, floor: float = 1e-4) -> float:
    """How many times longer ``run(make(large))`` takes than ``run(make(small))``."""
    return _best(run, make(large), repeat, floor) / _best(run, make(small), repeat, floor)


def _best(run: Callable[[T], object], value: T, repeat: int, floor: float) -> float:
    best = float("inf")
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            run(value)
            best = min(best, time.process_time() - start)
    finally:
        if collecting:
            gc.enable()
    return max(best, floor)
