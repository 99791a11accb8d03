"""Scenario state for the pruning simulator.

The scenario (rules and assumptions, never personal data) lives in widgets bound to the URL's
query parameters, so copying the URL reproduces the what-if on the same data. Hand-picked people
(protect, prune, known to engage) stay in the session: they are personal data.
"""

from __future__ import annotations

import zlib

import pandas as pd
import streamlit as st

from core.icp import score
from core.reach import SOURCES, ModelA, ModelB
from core.simulator import EngagementAssumptions
from ui.session import connections, get, icp, memo, put

#: Widget key → default. Keys double as URL parameter names (short, no personal data).
DEFAULTS: dict[str, object] = {
    "fit_on": True, "fit_below": 30, "inactive_on": False, "inactive_months": 24,
    "never_on": False, "old_on": False, "old_years": 5.0, "groups_on": True,
    "pace": 15, "eng_mode": "One rate for everyone", "eng_rate": 10,
    "eng_strong": 20, "eng_partial": 10, "eng_off": 5,
    "a_ve": 0.40, "a_vd": 0.06, "a_pe": 0.08, "a_pd": 0.005, "a_m": 3.0,
    "b_t": 0.07, "b_b": 3.0, "b_r0": 0.04, "b_xmax": 10.0, "b_gamma": 4.0,
}


# (widget key, label, min, max, step, the model parameter whose source is shown as help)
MODEL_A_INPUTS = (
    ("a_ve", "vE: engaged see", 0.0, 1.0, 0.01, "v_engaged"),
    ("a_vd", "vD: others see", 0.0, 1.0, 0.01, "v_disengaged"),
    ("a_pe", "pE: engaged react", 0.0, 1.0, 0.005, "p_engaged"),
    ("a_pd", "pD: others react", 0.0, 1.0, 0.001, "p_disengaged"),
    ("a_m", "m: reach per reaction", 0.0, 50.0, 0.5, "multiplier"),
)
MODEL_B_INPUTS = (
    ("b_t", "t: test audience", 0.0, 1.0, 0.01, "test_share"),
    ("b_b", "b: engaged bias", 1.0, 20.0, 0.5, "bias"),
    ("b_r0", "r0: your median rate", 0.001, 0.5, 0.005, "r0"),
    ("b_xmax", "Xmax: best/typical", 1.0, 100.0, 1.0, "x_max"),
    ("b_gamma", "γ: sharpness", 0.5, 10.0, 0.5, "gamma"),
)


def render_parameters(inputs) -> None:
    """One row of number inputs for a model's parameters, bound to the URL, sources as help."""
    for col, (key, label, lo, hi, step, param) in zip(st.columns(len(inputs)), inputs,
                                                      strict=True):
        col.number_input(label, lo, hi, key=key, step=step, format="%.3f",
                         bind="query-params", help=SOURCES[param])


def reset() -> None:
    """Button callback: every scenario widget back to its default."""
    for key, value in DEFAULTS.items():
        st.session_state[key] = value


def table() -> pd.DataFrame:
    """The network, scored when an ICP exists (memoised: slider moves never re-score)."""
    current = icp()
    if current is None:
        return connections()
    return memo("icp.score", score, current)


def cluster_labels():
    labels = get("cluster_labels")
    return labels if labels is not None and len(labels) == len(connections()) else None


def id_set(name: str) -> set[int]:
    return set(get(name, set()))


def set_ids(name: str, ids: set[int]) -> None:
    put(name, {int(i) for i in ids})


def editor_key(query: str) -> str:
    """One people-editor per search, so edits never land on the rows of another search."""
    return f"sim_people_{zlib.crc32(query.encode('utf-8')):08x}"


def forget_widget(key: str) -> None:
    st.session_state.pop(key, None)


def assumptions(values: dict) -> EngagementAssumptions:
    by_band = None
    if values["eng_mode"] != "One rate for everyone":
        by_band = {"strong": values["eng_strong"] / 100, "partial": values["eng_partial"] / 100,
                   "off": values["eng_off"] / 100}
    return EngagementAssumptions(overall=values["eng_rate"] / 100, by_band=by_band,
                                 known_engaged=tuple(sorted(id_set("known_engaged"))))


def models(values: dict) -> tuple[ModelA, ModelB]:
    a = ModelA(v_engaged=values["a_ve"], v_disengaged=values["a_vd"], p_engaged=values["a_pe"],
               p_disengaged=values["a_pd"], multiplier=values["a_m"])
    b = ModelB(test_share=values["b_t"], bias=values["b_b"], r0=values["b_r0"],
               x_max=values["b_xmax"], gamma=values["b_gamma"], p_engaged=values["a_pe"],
               p_disengaged=values["a_pd"])
    return a, b
