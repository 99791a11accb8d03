"""Clusters page in AppTest: demo and upload, names and marks that survive a regrouping, a title
correction from the page, the drill-down and its whole-word search, nothing recomputed on return,
tiny networks."""

from __future__ import annotations

import pytest

import ui.derived as derived
from core.clustering import cluster_texts, grouping_texts
from core.icp import MAX_TITLE, PRESETS, load_icp_file, title_text
from core.titles import read_titles
from tests.conftest import MODERN_HEADER, app_state, modern_csv, new_app, set_icp
from ui.layout import md_escape

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


def _picker(at):
    """The drill-down's group picker (its key changes with each grouping)."""
    return next(box for box in at.selectbox if box.label == "Group")


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


#: A headline no one would call a job title (over the ICP file's limit for a corrected title).
LONG_HEADLINE = "Growth Hacker" + " and storyteller" * 16


def _headline_csv() -> bytes:
    """An export with a Headline column (the loader keeps one a user adds): the position says
    "Growth Hacker", the headline (what every reader reads) says more."""
    header = MODERN_HEADER + ",Headline"
    rows = [
        f"P{i},Person,https://www.linkedin.com/in/p-{i},,Company {i % 7},{t},05 Jan 2024,{t}"
        for i, t in enumerate(UPLOAD_TITLES)
    ]
    rows += [
        f"G{i},Person,https://www.linkedin.com/in/g-{i},,Acme,Growth Hacker,05 Jan 2024,"
        f"Helping startups grow | Growth Hacker"
        for i in range(6)
    ]
    rows.append(
        f"L0,Person,https://www.linkedin.com/in/l-0,,Acme,Growth Hacker,05 Jan 2024,{LONG_HEADLINE}"
    )
    return modern_csv(rows).replace(MODERN_HEADER.encode(), header.encode(), 1)


def _upload_page(data: bytes):
    at = new_app()
    at.run()
    at.file_uploader(key="upload").set_value(("Connections.csv", data, "text/csv")).run()
    return _page(at)


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
    at = _upload_page(_upload_csv())
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
    at.select_slider(key="clusters_k").set_value("Auto").run()
    table = at.data_editor[0].value
    assert "People to let go" in table["name"].tolist()
    assert table.set_index("name").loc["People to let go", "decision"] == "prune"


def test_a_split_group_is_named_on_the_page_once():
    """Auto gives the upload one group per function; at 12 groups (its 12 distinct titles) the
    Engineering group's three titles surely land in three groups, and the page says so."""
    at = _upload_page(_upload_csv())
    table = at.data_editor[0].value
    row = int(table.index[table["name"].str.startswith("Engineering")][0])
    _edit(at, {row: {"decision": "prune", "name": "Builders"}})
    at.select_slider(key="clusters_k").set_value(12).run()
    assert not at.exception
    table = at.data_editor[0].value
    carried = table[table["name"].str.startswith("Builders")]
    assert len(carried) == 3 and (carried["decision"] == "prune").all()
    assert carried["size"].sum() == 18
    assert any("Builders" in i.value and "split in" in i.value for i in at.info)
    at.run()  # said once, not on every rerun
    assert not any("split in" in i.value for i in at.info)


def test_clearing_a_name_brings_back_the_automatic_name():
    at = _page()
    automatic = at.data_editor[0].value["name"].iloc[0]
    _edit(at, {0: {"name": "My people"}})
    assert app_state(at).grouping.names == {0: "My people"}
    # The editor hands back a cleared text cell as None (NaN in the frame).
    _edit(at, {0: {"name": None, "decision": "prune"}})
    g = app_state(at).grouping
    assert g.names == {} and g.tags == {0: "prune"}
    table = at.data_editor[0].value
    _no_none(table)
    assert table["name"].iloc[0] == automatic and table["decision"].iloc[0] == "prune"
    assert any(md_escape(automatic) in s.value for s in at.success)
    assert not any("nan" in s.value for s in at.success)
    assert _picker(at).options[0] == automatic
    at.switch_page("app.py").run()
    at.switch_page(PAGE).run()
    assert at.data_editor[0].value["name"].iloc[0] == automatic


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
    help_panel = next(e for e in at.expander if e.label.startswith("Help me choose"))
    assert not help_panel.proto.expanded
    at.button(key="clusters_suggest_go").click().run()
    assert not at.exception
    assert any("The automatic choice is" in m.value for m in at.markdown)
    help_panel = next(e for e in at.expander if e.label.startswith("Help me choose"))
    assert help_panel.proto.expanded  # the answer is not hidden in a closed panel
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
    _picker(at).set_value(2).run()
    assert _picker(at).value == 2
    before = _picker(at).key
    at.select_slider(key="clusters_k").set_value(3).run()
    assert _picker(at).key != before  # a new picker: a browser would keep the old value
    assert not at.exception
    names = at.data_editor[0].value["name"].tolist()
    assert _picker(at).value == 0  # an old pick is not kept
    assert _picker(at).options == names


def _correct(at, index: int, function: str) -> None:
    """Save a correction of the `index`th title offered."""
    at.selectbox(key="correct_title").select_index(index)
    at.selectbox(key="correct_function").set_value(function)
    next(b for b in at.button if b.label == "Save correction").click().run()
    assert not at.exception


def _keys(at):
    """The title model's key for every connection (the `key` column of `derived.titles()`)."""
    return read_titles(title_text(app_state(at).network.df))["key"]


def _key_of(at, label: str) -> str:
    """The key of the people whose title text (what every reader reads) is `label`."""
    texts = title_text(app_state(at).network.df).str.strip()
    found = set(_keys(at)[texts == label])
    assert len(found) == 1, (label, found)
    return found.pop()


def test_a_correction_from_the_page_applies():
    at = _page()
    keys = _keys(at)
    key = _key_of(at, at.selectbox(key="correct_title").options[0])
    _correct(at, 0, "Legal")
    corrections = app_state(at).corrections
    assert [(c.title, c.function) for c in corrections] == [(key, "Legal")]
    assert any("Every page uses it now" in s.value for s in at.success)
    assert app_state(at).grouping.basis[3] == corrections  # the groups shown use it
    rows = (keys == key).to_numpy()
    assert rows.any()
    df = app_state(at).network.df
    result = cluster_texts(grouping_texts(df), corrections=corrections)
    assert {result.functions[c] for c in result.labels[rows]} == {"Legal"}


def test_a_correction_names_the_headline_and_survives_the_icp_file():
    """With a Headline column every reader reads the headline: the page offers the headline's
    key (not the position's), the correction reaches those people, it is made within the ICP
    file's bounds (a saved file keeps it), and pasted text too long to correct is not offered."""
    at = _upload_page(_headline_csv())
    df = app_state(at).network.df
    keys = _keys(at)
    hackers = (df["headline"] == "Helping startups grow | Growth Hacker").to_numpy()
    wanted = keys[hackers].iloc[0]
    offered = {}  # key: (group index, title index, label)
    for option in range(len(_picker(at).options)):
        _picker(at).select_index(option).run()
        for i, label in enumerate(at.selectbox(key="correct_title").options):
            offered[_key_of(at, label)] = (option, i, label)
    assert wanted in offered
    assert offered[wanted][2] == "Helping startups grow | Growth Hacker"  # the text read
    long_key = keys[(df["headline"] == LONG_HEADLINE).to_numpy()].iloc[0]
    assert len(long_key) > MAX_TITLE and long_key not in offered
    group, index, _ = offered[wanted]
    _picker(at).select_index(group).run()
    _correct(at, index, "Sales")
    said = app_state(at).corrections
    assert [(c.title, c.function) for c in said] == [(wanted, "Sales")]
    reading = read_titles(title_text(df), said)
    assert (reading.loc[hackers, "function"] == "Sales").all()
    saved = PRESETS["B2B SaaS founder selling to sales leaders"].to_json(said)
    assert load_icp_file(saved)[1] == said


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


def test_compare_is_computed_once_per_grouping_basis(monkeypatch):
    """ "Compare 2 to 30 groups" tries 29 groupings: once per network, method and corrections,
    not again on each rerun (a search, another number of groups)."""
    calls = []
    real = derived.suggest_k

    def counting(*a, **kw):
        calls.append(1)
        return real(*a, **kw)

    monkeypatch.setattr(derived, "suggest_k", counting)
    at = _page()
    at.button(key="clusters_suggest_go").click().run()
    assert len(calls) == 1 and any("The automatic choice is" in m.value for m in at.markdown)
    at.text_input(key="cluster_search").set_value("engineer").run()
    at.select_slider(key="clusters_k").set_value(5).run()
    assert not at.exception
    assert len(calls) == 1
    assert any("The automatic choice is" in m.value for m in at.markdown)


def test_the_drill_down_is_a_fragment():
    """A search or a pick reruns only "Look inside a group" (issue 16 item 3): Streamlit's
    fragment decorator wraps the function that draws it."""
    import ui.clusters_page as cp

    assert hasattr(cp.render_drill_down, "__wrapped__")
    assert cp.render_drill_down.__wrapped__.__name__ == "render_drill_down"
