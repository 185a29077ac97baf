"""Timing shared by the benchmarks."""
from __future__ import annotations

import statistics
import time


def median_time(fn, repeat: int = 5) -> float:
    """Median wall-clock time of ``fn()`` over ``repeat`` runs, in seconds."""
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)
