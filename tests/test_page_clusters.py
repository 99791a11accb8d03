"""Clusters page in AppTest: renders, k changes, suggest k, tags reach the simulator's input,
cached across page switches, drill-down, tiny networks."""

from __future__ import annotations

import pytest

import ui.clusters_page as cp
from core.icp import PRESETS
from tests.conftest import app_state, modern_csv, new_app, set_icp

PAGE = "pages/2_Cluster_connections.py"
SIMULATOR = "pages/3_Pruning_simulator.py"


def _page():
    at = new_app()
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _edit(at, rows: dict) -> None:
    at.session_state["cluster_editor"] = {"edited_rows": rows, "added_rows": [],
                                          "deleted_rows": []}
    at.run()
    assert not at.exception


def test_renders_groups_on_the_demo():
    at = _page()
    table = at.data_editor[0].value
    assert 2 <= len(table) <= 12
    assert table["name"].is_unique and table["name"].str.len().gt(0).all()
    labels = app_state(at).pages["cluster_labels"]
    df = app_state(at).network.df
    assert len(labels) == len(df)
    assert table["size"].sum() == int((labels >= 0).sum()) > 0.8 * len(df)
    assert (labels[df["is_blank"].to_numpy()] == -1).all()  # ghost rows are never grouped
    assert len(at.get("vega_lite_chart")) >= 2  # sizes and map
    assert any("groups of" in c.value for c in at.caption)


def test_changing_k_changes_the_groups_and_forgets_old_tags():
    at = _page()
    _edit(at, {0: {"decision": "prune"}})
    assert app_state(at).grouping.tags == {0: "prune"}
    at.select_slider(key="clusters_k").set_value(4).run()
    assert not at.exception
    assert len(at.data_editor[0].value) == 4
    assert app_state(at).grouping.tags == {}
    assert any("marks and renames were cleared" in i.value for i in at.info)
    at.run()  # said once, not on every rerun
    assert not any("marks and renames were cleared" in i.value for i in at.info)


def test_tags_and_names_reach_the_simulator_input():
    at = _page()
    _edit(at, {1: {"decision": "prune", "name": "People to let go"}, 2: {"decision": "review"}})
    assert app_state(at).grouping.tags == {1: "prune", 2: "review"}
    assert app_state(at).grouping.names == {1: "People to let go"}
    assert any("People to let go" in s.value for s in at.success)
    at.switch_page(SIMULATOR).run()
    assert not at.exception
    # The simulator offers the group rule now that a group is marked prune.
    assert not at.toggle(key="groups_on").disabled
    assert app_state(at).grouping.tags == {1: "prune", 2: "review"}


def test_moving_away_and_back_does_not_recompute(monkeypatch):
    calls = {"prepare": 0, "cluster": 0}
    real_prepare, real_cluster = cp.prepare, cp.cluster_prepared

    def counting_prepare(*a, **kw):
        calls["prepare"] += 1
        return real_prepare(*a, **kw)

    def counting_cluster(*a, **kw):
        calls["cluster"] += 1
        return real_cluster(*a, **kw)

    monkeypatch.setattr(cp, "prepare", counting_prepare)
    monkeypatch.setattr(cp, "cluster_prepared", counting_cluster)
    at = _page()
    assert calls == {"prepare": 1, "cluster": 1}
    at.switch_page("app.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert calls == {"prepare": 1, "cluster": 1}
    at.select_slider(key="clusters_k").set_value(6).run()
    assert calls == {"prepare": 1, "cluster": 2}  # a new k reuses the prepared titles
    at.select_slider(key="clusters_k").set_value("Auto").run()
    assert calls == {"prepare": 1, "cluster": 2}  # and an earlier k is remembered


def test_suggest_k_and_use_it():
    at = _page()
    at.button(key="clusters_suggest_go").click().run()
    assert not at.exception
    assert any("The bend is at" in m.value for m in at.markdown)
    use = at.button(key="clusters_use_suggested")
    best = int(use.label.split()[1])
    use.click().run()
    assert not at.exception
    assert at.select_slider(key="clusters_k").value == best
    assert len(at.data_editor[0].value) == best


def test_drill_down_search():
    at = _page()
    before = len(at.dataframe[-1].value)
    assert before > 0 and "typical" in at.dataframe[-1].value
    at.text_input(key="cluster_search").set_value("zzzz-nobody").run()
    assert not at.exception
    assert len(at.dataframe[-1].value) == 0 < before
    at.selectbox(key="cluster_pick").set_value(2).run()
    assert not at.exception
    assert at.selectbox(key="cluster_pick").value == 2


@pytest.mark.parametrize("preset", ["B2B SaaS founder selling to sales leaders"])
def test_icp_adds_fit_columns_and_reasons(preset):
    at = new_app()
    at.run()
    set_icp(at, PRESETS[preset])
    at.switch_page(PAGE).run()
    assert not at.exception
    table = at.data_editor[0].value
    assert {"mean_fit", "strong_share"} <= set(table.columns)
    assert table["mean_fit"].between(0, 100).all()
    members = at.dataframe[-1].value
    assert {"fit", "fit_reasons"} <= set(members.columns)
    assert members["fit"].is_monotonic_decreasing


def test_tiny_network_gets_a_friendly_message():
    at = new_app()
    at.run()
    at.file_uploader(key="upload").set_value(("Connections.csv", modern_csv(), "text/csv")).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert any("too few" in i.value for i in at.info)
    assert not at.data_editor
