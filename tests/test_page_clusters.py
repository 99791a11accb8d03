"""Clusters page in AppTest: renders, k changes, tags reach the simulator's input, tiny networks."""

from __future__ import annotations

from tests.conftest import modern_csv, new_app

PAGE = "pages/2_Cluster_connections.py"


def _page():
    at = new_app()
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def test_renders_groups_on_the_demo():
    at = _page()
    table = at.data_editor[0].value
    assert 2 <= len(table) <= 12
    assert table["size"].sum() > 2000
    assert table["name"].is_unique
    labels = at.session_state["inc.kv"]["cluster_labels"]
    assert len(labels) == 2500


def test_changing_k_changes_the_groups_and_forgets_old_tags():
    at = _page()
    at.session_state["cluster_editor"] = {"edited_rows": {0: {"decision": "prune"}},
                                          "added_rows": [], "deleted_rows": []}
    at.run()
    assert at.session_state["inc.cluster_tags"] == {0: "prune"}
    at.select_slider(key="clusters_k").set_value(4).run()
    assert not at.exception
    assert len(at.data_editor[0].value) == 4
    assert at.session_state["inc.cluster_tags"] == {}


def test_tags_and_names_reach_the_simulator_input():
    at = _page()
    at.session_state["cluster_editor"] = {
        "edited_rows": {1: {"decision": "prune", "name": "People to let go"},
                        2: {"decision": "review"}},
        "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    assert at.session_state["inc.cluster_tags"] == {1: "prune", 2: "review"}
    assert at.session_state["inc.cluster_names"] == {1: "People to let go"}
    assert any("People to let go" in s.value for s in at.success)


def test_drill_down_search():
    at = _page()
    before = len(at.dataframe[-1].value)
    at.text_input(key="cluster_search").set_value("zzzz-nobody").run()
    assert not at.exception
    assert len(at.dataframe[-1].value) == 0 < before


def test_tiny_network_gets_a_friendly_message():
    at = new_app()
    at.run()
    at.file_uploader(key="upload").set_value(("Connections.csv", modern_csv(), "text/csv")).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert any("too few" in i.value for i in at.info)
