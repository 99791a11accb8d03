"""Synthetic networks for the benchmarks: the demo generator at any size, loaded for real."""

from __future__ import annotations

from functools import lru_cache

import pandas as pd

from core.demo import connections_csv
from core.loader import load_connections


@lru_cache(maxsize=8)
def network(n: int, seed: int = 11) -> pd.DataFrame:
    return load_connections(connections_csv(n, seed=seed))
