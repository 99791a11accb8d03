"""The numbers on the Home page, computed from the connection table alone."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Overview:
    """Headline facts about a network; `engaged_share` is None when engagement is unknown."""

    connections: int
    ghosts: int
    real: int
    engaged: int | None
    engaged_share: float | None
    first: pd.Timestamp | None
    last: pd.Timestamp | None
    added_last_12_months: int


def overview(df: pd.DataFrame) -> Overview:
    """Totals count ghost rows (LinkedIn counts them towards its cap); the engaged share does
    not: ghosts are left out of every share, as in the simulator and the report."""
    real = ~df["is_blank"]
    known = df["engaged"].notna() & real
    n_known = int(known.sum())
    engaged = int(df.loc[known, "engaged"].astype(bool).sum()) if n_known else None
    dates = df["connected_on"].dropna()
    last = dates.max() if not dates.empty else None
    recent = int((dates > last - pd.DateOffset(months=12)).sum()) if last is not None else 0
    return Overview(
        connections=len(df),
        ghosts=int(df["is_blank"].sum()),
        real=int(real.sum()),
        engaged=engaged,
        # engaged / real connections (ghosts out): the same definition the simulator uses.
        engaged_share=(engaged / int(real.sum())) if n_known and real.any() else None,
        first=dates.min() if not dates.empty else None,
        last=last,
        added_last_12_months=recent,
    )


def top_values(values: pd.Series, n: int = 10, label: str = "value") -> pd.DataFrame:
    """The n most common non-blank values with their counts (case and spacing folded)."""
    v = values[values.astype(str).str.strip() != ""].astype(str).str.strip()
    if v.empty:
        return pd.DataFrame({label: pd.Series(dtype="str"), "count": pd.Series(dtype="int64")})
    key = v.str.lower()
    counts = key.value_counts().head(n)
    # Show the most common spelling of each of the top values (n small comparisons, no groupby).
    display = [v[key == k].value_counts().index[0] for k in counts.index]
    return pd.DataFrame({label: display, "count": counts.to_numpy()})
