"""Named random draws: every random choice of the generator has a name, every share a band.

A NamedTuple of uniform draws per person (`TitleDraws(*...)`) replaces `u[:, 3]`: a draw is
used for one thing only, and the name says which.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, TypeVar

import numpy as np

T = TypeVar("T", bound=NamedTuple)


def columns(cls: type[T], rng: np.random.Generator, n: int) -> T:
    """One array of n uniform draws per field of `cls`, drawn in field order."""
    return cls(*(rng.random(n) for _ in cls._fields))


def rows(cls: type[T], rng: np.random.Generator, n: int) -> list[T]:
    """n records of uniform draws, one float per field of `cls` (for per-person logic)."""
    table = rng.random((n, len(cls._fields))).tolist()
    return [cls._make(row) for row in table]


def band(u: float, shares: Sequence[tuple[str, float]]) -> str:
    """Which named band a uniform draw falls in: bands are consecutive shares of [0, 1).

    band(0.07, (("a", 0.05), ("b", 0.1))) == "b"; past every band it is "".
    """
    edge = 0.0
    for name, share in shares:
        edge += share
        if u < edge:
            return name
    return ""


def pick(options: Sequence[str], u: float) -> str:
    """The option a uniform draw lands on (options equally likely)."""
    return options[min(int(u * len(options)), len(options) - 1)]
