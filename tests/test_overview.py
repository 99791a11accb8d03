"""Home page numbers: ghost rows count as connections but never in a share."""

from __future__ import annotations

import pandas as pd

from core.overview import overview


def _table(engaged: list, blank: list) -> pd.DataFrame:
    n = len(engaged)
    return pd.DataFrame(
        {
            "is_blank": blank,
            "engaged": pd.array(engaged, dtype="boolean"),
            "connected_on": pd.to_datetime(["2024-01-01"] * n),
        }
    )


def test_engaged_share_leaves_ghost_rows_out_like_the_simulator():
    ov = overview(
        _table([True, False, False, False, None, None], [False, False, False, False, True, True])
    )
    assert ov.connections == 6 and ov.ghosts == 2 and ov.real == 4
    assert ov.engaged == 1
    assert ov.engaged_share == 0.25  # 1 of 4 real connections, not 1 of 6 rows


def test_engaged_share_is_unknown_without_engagement_data():
    ov = overview(_table([None, None], [False, False]))
    assert ov.engaged is None and ov.engaged_share is None
