"""Clusters page in AppTest: demo and upload, names and marks that survive a regrouping, a title
correction from the page, the drill-down and its whole-word search, nothing recomputed on return,
tiny networks."""

from __future__ import annotations

import pytest

import ui.derived as derived
from core.clustering import cluster_texts, grouping_texts
from core.icp import PRESETS
from core.titles import title_key
from tests.conftest import app_state, modern_csv, new_app, set_icp

PAGE = "pages/2_Cluster_connections.py"
SIMULATOR = "pages/3_Pruning_simulator.py"

UPLOAD_TITLES = (
    ["Software Engineer", "Backend Developer", "Data Engineer"] * 6
    + ["Account Executive", "Sales Manager", "VP Sales"] * 6
    + ["Recruiter", "Talent Acquisition Partner"] * 8
    + ["Registered Nurse", "Physician"] * 8
    + ["Lawyer", "Legal Counsel"] * 6
)


def _page(at=None):
    at = at or new_app()
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _edit(at, rows: dict) -> None:
    at.session_state["cluster_editor"] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception


def _upload_csv() -> bytes:
    rows = [
        f"P{i},Person,https://www.linkedin.com/in/p-{i},,Company {i % 7},{t},05 Jan 2024"
        for i, t in enumerate(UPLOAD_TITLES)
    ]
    return modern_csv(rows)


def _no_none(frame) -> None:
    text = frame.astype(str)
    assert not text.isin(["None", "nan", "NaN", "<NA>"]).any().any(), frame


def test_renders_groups_on_the_demo():
    at = _page()
    table = at.data_editor[0].value
    assert 8 <= len(table) <= 40
    assert table["name"].is_unique and table["name"].str.len().gt(0).all()
    _no_none(table)
    _no_none(at.dataframe[-1].value)
    state = app_state(at)
    assert state.grouping.basis and state.grouping.basis[0] == state.network.fingerprint
    assert len(at.get("vega_lite_chart")) >= 2  # sizes and map
    assert any("groups of" in c.value for c in at.caption)


def test_groups_an_upload_by_function():
    at = new_app()
    at.run()
    at.file_uploader(key="upload").set_value(("Connections.csv", _upload_csv(), "text/csv")).run()
    _page(at)
    table = at.data_editor[0].value
    assert table["size"].sum() == len(UPLOAD_TITLES)
    assert len(table) == 5
    text = " ".join(table["name"])
    for word in ("Engineering", "Sales", "Human Resources", "Healthcare", "Legal"):
        assert word in text, table["name"].tolist()
    assert table["function"].str.startswith("100%").all()


def test_rename_and_mark_survive_a_change_of_k():
    at = _page()
    _edit(at, {0: {"decision": "prune", "name": "People to let go"}})
    g = app_state(at).grouping
    assert g.tags == {0: "prune"} and g.names == {0: "People to let go"}
    at.select_slider(key="clusters_k").set_value(30).run()
    assert not at.exception
    table = at.data_editor[0].value
    assert len(table) == 30
    carried = table[table["name"].str.startswith("People to let go")]
    assert len(carried) >= 1 and (carried["decision"] == "prune").all()
    assert set(app_state(at).grouping.tags.values()) == {"prune"}
    if len(carried) > 1:
        assert any("People to let go" in i.value and "split in" in i.value for i in at.info)
    at.run()  # said once, not on every rerun
    assert not any("split in" in i.value for i in at.info)
    at.select_slider(key="clusters_k").set_value("Auto").run()
    table = at.data_editor[0].value
    assert "People to let go" in table["name"].tolist()
    assert table.set_index("name").loc["People to let go", "decision"] == "prune"


def test_tags_and_names_reach_the_simulator():
    at = _page()
    _edit(at, {1: {"decision": "prune", "name": "Let go"}, 2: {"decision": "review"}})
    assert app_state(at).grouping.tags == {1: "prune", 2: "review"}
    assert any("Let go" in s.value for s in at.success)
    at.switch_page(SIMULATOR).run()
    assert not at.exception
    assert app_state(at).grouping.tags == {1: "prune", 2: "review"}


def test_moving_away_and_back_does_not_recompute(monkeypatch):
    calls = {"prepare": 0, "cluster": 0}
    real_prepare, real_cluster = derived.prepare, derived.cluster_prepared

    def counting_prepare(*a, **kw):
        calls["prepare"] += 1
        return real_prepare(*a, **kw)

    def counting_cluster(*a, **kw):
        calls["cluster"] += 1
        return real_cluster(*a, **kw)

    monkeypatch.setattr(derived, "prepare", counting_prepare)
    monkeypatch.setattr(derived, "cluster_prepared", counting_cluster)
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
    assert any("The automatic choice is" in m.value for m in at.markdown)
    at.select_slider(key="clusters_k").set_value(5).run()
    use = at.button(key="clusters_use_suggested")
    best = int(use.label.split()[1])
    use.click().run()
    assert not at.exception
    assert at.select_slider(key="clusters_k").value == best
    assert len(at.data_editor[0].value) == best


def test_drill_down_follows_the_groups_and_searches_whole_words():
    at = _page()
    members = at.dataframe[-1].value
    assert len(members) > 0 and "typical" in members
    word = members["position"].iloc[0].split()[0]
    at.text_input(key="cluster_search").set_value(word).run()
    found = at.dataframe[-1].value
    assert len(found) > 0
    assert found["position"].str.contains(word, case=False).all()
    at.text_input(key="cluster_search").set_value(word[:-1] + "zq").run()
    assert len(at.dataframe[-1].value) == 0  # no substring matches
    at.selectbox(key="cluster_pick").set_value(2).run()
    assert at.selectbox(key="cluster_pick").value == 2
    at.select_slider(key="clusters_k").set_value(3).run()
    assert not at.exception
    names = at.data_editor[0].value["name"].tolist()
    assert at.selectbox(key="cluster_pick").value == 0  # an old pick is not kept
    assert at.selectbox(key="cluster_pick").options == names


def test_a_correction_from_the_page_applies():
    at = _page()
    title = at.selectbox(key="correct_title").options[0]
    at.selectbox(key="correct_title").set_value(title)
    at.selectbox(key="correct_function").set_value("Legal")
    next(b for b in at.button if b.label == "Save correction").click().run()
    assert not at.exception
    corrections = app_state(at).corrections
    assert [(c.title, c.function) for c in corrections] == [(title_key(title), "Legal")]
    assert any("Every page uses it now" in s.value for s in at.success)
    assert app_state(at).grouping.basis[3] == corrections  # the groups shown use it
    df = app_state(at).network.df
    result = cluster_texts(grouping_texts(df), corrections=corrections)
    rows = (df["position"] == title).to_numpy()
    assert {result.functions[c] for c in result.labels[rows]} == {"Legal"}


@pytest.mark.parametrize("preset", ["B2B SaaS founder selling to sales leaders"])
def test_icp_adds_fit_columns_and_reasons(preset):
    at = new_app()
    set_icp(at, PRESETS[preset])
    _page(at)
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
