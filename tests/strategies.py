"""Hypothesis strategies shared by more than one test module."""

from __future__ import annotations

from hypothesis import strategies as st

from core.simulator import Rule

#: A pruning rule with any mix of its conditions (none, some or all switched on).
rules = st.builds(
    Rule,
    off_profile=st.booleans(),
    fit_below=st.one_of(st.none(), st.integers(0, 100)),
    quiet_months=st.one_of(st.none(), st.integers(1, 60)),
    older_than_years=st.one_of(st.none(), st.integers(1, 12)),
)
