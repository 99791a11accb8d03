"""Simulator page in AppTest: safe default plans for every preset and persona, no engagement rule
without data, the checklist's rows, a shared URL that reproduces the plan, clamped query
parameters, one call per person, and a report that always follows the current ICP."""

from __future__ import annotations

import csv
import io
from html import escape as html_escape

import pytest

from core.demo import DEMO_PATH, PERSONAS
from core.icp import PRESETS, score, summary
from core.loader import load_export
from core.simulator import Scenario, find_people, run
from tests.conftest import app_state, make_zip, modern_csv, new_app, set_icp
from ui.workshop import PERSONA

PAGE = "pages/3_Pruning_simulator.py"
SAAS, CFO = "B2B SaaS founder selling to sales leaders", "Consultant selling to CFOs"
CHECKLIST, REPORT = "Download removal checklist (CSV)", "Download my coaching report (HTML)"

MESSAGES = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
    "SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
    "c1,,Anna Smith,https://www.linkedin.com/in/anna-smith,Me,https://www.linkedin.com/in/me,"
    "2025-12-16 18:24:37 UTC,,Hi,INBOX,,false\n"
    "c1,,Me,https://www.linkedin.com/in/me,Anna Smith,https://www.linkedin.com/in/anna-smith,"
    "2025-12-17 09:00:00 UTC,,Hello,INBOX,,false\n"
    "c2,,Me,https://www.linkedin.com/in/me,Bob Jones,https://www.linkedin.com/in/bob-jones,"
    "2023-01-02 10:00:00 UTC,,Old,ARCHIVE,,false\n"
)


@pytest.fixture
def downloads(monkeypatch):
    """Deferred download callables by file id (AppTest keeps no runtime after a run)."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    seen, original = {}, MediaFileManager.add_deferred

    def record(self, data_callable, *args, **kwargs):
        file_id = original(self, data_callable, *args, **kwargs)
        seen[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return seen


def _download(at, seen, label: str) -> bytes:
    button = next(b for b in at.get("download_button") if b.proto.label == label)
    data = seen[button.proto.deferred_file_id]()
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _checklist(at, seen) -> list[dict[str, str]]:
    text = _download(at, seen, CHECKLIST).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def _page(icp=None, upload: tuple[str, bytes] | None = None, query: dict | None = None):
    at = new_app()
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if upload is not None:
        at.file_uploader(key="upload").set_value((upload[0], upload[1], "text/csv")).run()
    if icp is not None:
        set_icp(at, PRESETS[icp])
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def _removed_people(at) -> int:
    return 2500 - _number(_metrics(at)["Connections"])


def _assert_safe_plan(at, seen, scored) -> None:
    """At most 15% removed; nobody engaged (measured) and no strong fit among the rows."""
    rows = _checklist(at, seen)
    real = int((~scored["is_blank"]).sum())
    assert 0 < len(rows) <= 0.15 * real
    by_url = scored.set_index("url")
    removed = by_url.loc[[r["Profile URL"] for r in rows]]
    assert not removed["engaged"].fillna(False).any()
    assert not (removed["fit_band"] == "strong").any()
    assert (removed["fit_band"] == "off").all()


@pytest.mark.parametrize("preset", list(PRESETS))
def test_each_preset_on_the_demo_gets_a_safe_default_plan(preset, downloads):
    at = _page(icp=preset)
    scored = score(load_export(DEMO_PATH, is_demo=True).df, PRESETS[preset])
    _assert_safe_plan(at, downloads, scored)
    rows = _checklist(at, downloads)
    assert len(rows) == _removed_people(at)
    assert [r["Day"] for r in rows[:16]] == ["1"] * 15 + ["2"]  # 15 a day by default
    assert all(
        r["Reasons"] == "off-profile for your ICP AND with no message in 12 months" for r in rows
    )
    assert any(c.value.startswith("Protected: ") for c in at.caption)


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "saas"])
def test_each_workshop_persona_gets_a_safe_default_plan(persona, downloads):
    at = _page(query={"mode": "workshop"})
    at.selectbox(key=PERSONA).select(persona).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert app_state(at).icp == PRESETS[PERSONAS[persona]["preset"]]
    scored = score(app_state(at).network.df, app_state(at).icp)
    _assert_safe_plan(at, downloads, scored)


def test_without_an_icp_the_fit_conditions_are_off_and_say_why():
    at = _page()
    for key in ("off", "fit_on", "r2_off", "r3_fit_on"):
        stand_in = at.toggle(key=f"{key}_na")
        assert stand_in.disabled and not stand_in.value
        assert "Needs an ICP" in stand_in.help
    assert _metrics(at)["ICP share"] == "no ICP"
    assert _metrics(at)["Connections"] == "2,500"  # nothing pruned


def test_an_export_without_messages_offers_no_engagement_rule_until_a_rate_is_assumed():
    at = _page(icp=SAAS, upload=("Connections.csv", modern_csv()))
    for p in ("", "r2_", "r3_"):
        stand_in = at.toggle(key=f"{p}quiet_on_na")
        assert stand_in.disabled and not stand_in.value
        assert "no messages.csv" in stand_in.help
    assert not [t for t in at.toggle if t.key.endswith("quiet_on")]
    assert _metrics(at)["Engaged share"] == "unknown"
    assert _metrics(at)["Connections"] == "5"  # rule 1 needs engagement: nobody removed
    at.toggle(key="eng_assume").set_value(True).run()
    assert not at.exception
    assert not at.toggle(key="quiet_on").disabled
    assert _metrics(at)["Engaged share"] == "10.0%"
    assert any("Engagement is assumed" in c.value for c in at.caption)
    at.number_input(key="eng_rate").set_value(50).run()
    assert _metrics(at)["Engaged share"] == "50.0%"  # one rate for everyone: unchanged by a plan
    notes = {m.label: m.proto.delta_description for m in at.metric}
    assert notes["Engaged share"] == "assumed"
    assert notes["Reach, model A"] == notes["Reach, model B"] == "engagement assumed"


def test_an_export_with_messages_measures_engagement():
    zipped = make_zip({"Connections.csv": modern_csv(), "messages.csv": MESSAGES.encode()})
    at = _page(icp=SAAS, upload=("export.zip", zipped))
    assert not at.toggle(key="quiet_on").disabled
    assert not [t for t in at.toggle if t.key == "eng_assume"]
    assert any("Measured from your messages" in c.value for c in at.caption)
    assert _metrics(at)["Engaged share"] == "25.0%"  # Anna, of 4 real people


def test_a_rule_change_moves_the_plan(downloads):
    at = _page(icp=SAAS)
    before = _removed_people(at)
    assert at.slider(key="r2_fit_below").disabled  # a value does nothing while its rule is off
    at.toggle(key="r2_fit_on").set_value(True).run()
    assert not at.slider(key="r2_fit_below").disabled
    at.slider(key="r2_fit_below").set_value(40).run()
    at.slider(key="cap").set_value(40).run()
    assert not at.exception
    assert _removed_people(at) > before
    assert any("Over-pruning" in w.value or "cap" in w.value for w in [*at.warning, *at.info])


def test_the_shared_url_reproduces_the_same_plan(downloads):
    at = _page(icp=CFO)
    at.toggle(key="r2_old_on").set_value(True).run()
    at.slider(key="r2_old_years").set_value(4).run()
    at.slider(key="cap").set_value(35).run()
    at.number_input(key="pace").set_value(20).run()
    shared = {k: at.query_params[k] for k in at.query_params}
    assert {"r2_old_on", "r2_old_years", "cap", "pace"} <= set(shared)
    first = (_metrics(at), _checklist(at, downloads))
    again = _page(
        icp=CFO, query={k: v[-1] if isinstance(v, list) else v for k, v in shared.items()}
    )
    assert (_metrics(again), _checklist(again, downloads)) == first
    assert _removed_people(again) > 0.3 * 2457  # the shared plan is the over-pruning one
    assert first[1][20]["Day"] == "2"  # 20 a day, as shared


@pytest.mark.parametrize(
    "query",
    [
        {"pace": "inf"},
        {"pace": "1e309"},
        {"eng_rate": "inf", "eng_assume": "true"},
        {"eng_off": "-inf", "eng_mode": "By ICP fit band", "eng_assume": "true"},
        {"fit_below": "nan", "fit_on": "maybe", "cap": "-5", "a_ve": "1e400", "old_years": "x"},
        {
            "quiet_months": "1e9",
            "fit_below": "33",
            "old_years": "-3",
            "recent_months": "inf",
            "r3_quiet_months": "0",
            "eng_strong": "250",
            "b_gamma": "-inf",
        },
    ],
)
def test_hostile_query_parameters_are_clamped_not_fatal(query):
    at = _page(icp=SAAS, query=query)
    if "pace" in query:
        assert at.number_input(key="pace").value == 50
        assert any("brisk" in w.value for w in at.warning)


def _open_people(at):
    """Open the People tab (only the open tab is drawn)."""
    at.session_state["sim_view"] = "People"
    at.run()
    assert not at.exception
    return at


def _people_table(at):
    return next(d.value for d in at.dataframe if "status" in d.value.columns)


def _edit_row(at, row: int, change: dict) -> None:
    at.session_state["sim_people"] = {
        "edited_rows": {row: change},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception


def test_one_call_per_person_in_the_people_list():
    at = _open_people(_page(icp=SAAS))
    first = _people_table(at).iloc[0]
    assert first["call"] == "—" and first["status"].startswith("Removed: ")
    _edit_row(at, 0, {"call": "Keep"})
    picks = app_state(at).picks
    assert len(picks.protect) == 1 and not picks.remove
    (kept,) = picks.protect
    df = app_state(at).network.df
    name = df["full_name"].iloc[kept]
    at.text_input(key="sim_search").input(name).run()
    k = find_people(df, name).tolist().index(kept)  # the list shows the matches in this order
    row = _people_table(at).iloc[k]
    assert (row["call"], row["status"]) == ("Keep", "Kept: you protected them")
    _edit_row(at, k, {"call": "Remove"})  # the same person, now removed by hand
    picks = app_state(at).picks
    assert picks.remove == {kept} and not picks.protect
    row = _people_table(at).iloc[k]
    assert (row["call"], row["status"]) == ("Remove", "Removed: your call (you ticked Remove)")


def test_sliders_read_as_people_do():
    at = _page(icp=SAAS)
    assert at.slider(key="old_years").proto.format == "%d years"
    assert at.slider(key="quiet_months").proto.format == "%d months"


def test_people_search_is_whole_word():
    at = _open_people(_page(icp=SAAS))
    at.text_input(key="sim_search").input("CTO").run()
    assert not at.exception
    shown = _people_table(at)
    assert len(shown) > 0
    assert all(
        " cto " in f" {t} ".lower().replace(",", " ")
        or "cto" in n.lower().split()
        or "cto" in c.lower().split()
        for t, n, c in zip(shown["title"], shown["name"], shown["company"], strict=True)
    )


def test_the_report_follows_the_current_icp_not_a_stale_plan(downloads):
    at = _page(icp=SAAS)
    at.slider(key="cap").set_value(30).run()  # the user's scenario travels to the report
    saas_share = _metrics(at)["ICP share"]
    set_icp(at, PRESETS[CFO])  # switch the ICP after simulating, then open Home
    at.switch_page("app.py").run()
    assert not at.exception
    html = _download(at, downloads, REPORT).decode("utf-8")
    scored = score(load_export(DEMO_PATH, is_demo=True).df, PRESETS[CFO])
    plan = run(scored, Scenario(max_share=0.30))
    assert f"At most 30% of your network ({plan.cap:,} people)" in html
    cfo_share = f"{plan.after.icp_share * 100:.1f}%"
    assert html_escape(summary(PRESETS[CFO]), quote=True) in html
    assert cfo_share in html and cfo_share != saas_share
    assert f"<td>{saas_share}</td>" not in html


def test_a_group_marked_prune_feeds_a_rule_and_the_report(downloads):
    at = _page(icp=SAAS)
    assert at.toggle(key="groups_on_na").disabled  # nothing marked yet
    at.switch_page("pages/2_Cluster_connections.py").run()
    assert not at.exception
    app_state(at).grouping.tags = {0: "prune"}
    at.switch_page(PAGE).run()
    assert not at.exception and not at.toggle(key="groups_on").disabled
    at.slider(key="cap").set_value(100).run()
    before = _removed_people(at)
    at.toggle(key="r2_groups_on").set_value(True).run()
    assert not at.exception and _removed_people(at) > before
    assert any(
        "rule 2: in a group you marked prune" in r["Reasons"] for r in _checklist(at, downloads)
    )
    html = _download(at, downloads, REPORT).decode("utf-8")
    assert "<td>prune</td>" in html and "Groups were not computed" not in html


def test_people_from_the_file_are_shown_as_text_not_formulas():
    rows = [
        "=cmd,Smith,https://www.linkedin.com/in/cmd,,@Acme,+VP Sales,05 Jan 2026",
        "Ann,Lee,https://www.linkedin.com/in/ann,,Initech,-Engineer,05 Jan 2020",
    ]
    at = _open_people(_page(icp=SAAS, upload=("Connections.csv", modern_csv(rows))))
    at.text_input(key="sim_search").input("smith").run()
    shown = _people_table(at)
    assert shown.iloc[0][["name", "title", "company"]].tolist() == [
        "'=cmd Smith",
        "'+VP Sales",
        "'@Acme",
    ]


# --- a shared link: the ICP and the prune marks travel (review B1) ---------------------------


def _shared(at) -> dict[str, str]:
    return {k: (v[-1] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def test_a_shared_link_brings_its_icp_to_a_session_without_one(downloads):
    at = _page(icp=SAAS)
    at.toggle(key="old_on").set_value(True).run()
    at.slider(key="cap").set_value(65).run()
    at.toggle(key="prot_strong").set_value(False).run()
    at.toggle(key="r2_fit_on").set_value(True).run()
    shared = _shared(at)
    assert "icp" in shared and "Sales" not in shared["icp"]  # encoded, criteria only
    first = (_metrics(at), _checklist(at, downloads))
    again = _page(query=shared)  # a new session, no ICP defined in it
    assert app_state(again).icp == PRESETS[SAAS]
    assert (_metrics(again), _checklist(again, downloads)) == first
    assert any("made with the ICP" in i.value for i in again.info)
    assert any("never carries names" in c.value for c in again.caption)


def test_a_link_with_another_icp_asks_before_replacing_yours():
    shared = _shared(_page(icp=SAAS))
    at = _page(icp=CFO, query=shared)
    assert app_state(at).icp == PRESETS[CFO]  # not replaced silently
    assert any("This link was made with the ICP" in m.value for m in at.markdown)
    at.button(key="sim_link_icp").click().run()
    assert not at.exception and app_state(at).icp == PRESETS[SAAS]
    assert not [b for b in at.button if b.key == "sim_link_icp"]


@pytest.mark.parametrize(
    "icp", ["x" * 5000, "!!!", "e30", "eyJzY2hlbWEiOjEsImZ1bmN0aW9ucyI6WyJQaXJhdGUiXX0"]
)
def test_a_bad_icp_in_a_link_is_refused_with_a_reason(icp):
    at = _page(query={"icp": icp})
    assert app_state(at).icp is None
    assert any("could not be read" in w.value for w in at.warning)


def test_prune_marks_travel_only_to_the_same_grouping(downloads):
    at = _page(icp=SAAS)
    at.switch_page("pages/2_Cluster_connections.py").run()
    app_state(at).grouping.tags = {0: "prune", 2: "prune"}
    at.switch_page(PAGE).run()
    at.toggle(key="r2_groups_on").set_value(True).run()
    shared = _shared(at)
    assert shared["prune"].endswith(".0-2")
    first = _checklist(at, downloads)
    again = _page(query=shared)
    assert {g for g, t in app_state(again).grouping.tags.items() if t == "prune"} == {0, 2}
    assert _checklist(again, downloads) == first
    # On another export the group numbers mean other groups: the marks do not travel.
    other = _page(upload=("Connections.csv", modern_csv()), query=shared)
    assert not app_state(other).grouping.tags
    assert any("could not travel" in w.value for w in other.warning)


# --- a condition that cannot apply is off, as its switch shows (review W1) ------------------


def test_without_an_icp_a_rule_runs_on_the_conditions_it_can_use():
    at = _page(query={"old_on": "true", "quiet_months": "9"})
    assert not at.toggle(key="off_na").value  # shown off ...
    text = next(m.value for m in at.markdown if m.value.startswith("**Your plan.**"))
    assert "No rule is on" not in text and "off-profile" not in text.split("Rule 1")[0]
    assert "Rule 1 runs without “off-profile for your ICP”" in text  # ... and said
    assert _metrics(at)["Connections"] != "2,500"  # ... and really off: the plan moves


def test_the_safe_default_waits_whole_and_a_rule_with_no_usable_condition_says_so():
    at = _page()
    text = next(m.value for m in at.markdown if m.value.startswith("**Your plan.**"))
    assert "Rule 1 selects nobody for now: it is the safe default" in text
    assert _metrics(at)["Connections"] == "2,500"
    assert any(
        c.value.startswith("Rule 1 selects nobody for now: Needs an ICP") for c in at.caption
    )
    at = _page(query={"off": "false", "quiet_on": "false", "r2_fit_on": "true"})
    text = next(m.value for m in at.markdown if m.value.startswith("**Your plan.**"))
    assert "Rule 2 selects nobody for now: none of its conditions can apply yet" in text


# --- groups marked prune count through a visible switch (review C2) --------------------------


def test_marked_groups_count_once_a_rule_switch_is_on_and_the_page_says_how():
    at = _page(icp=SAAS)
    at.switch_page("pages/2_Cluster_connections.py").run()
    app_state(at).grouping.tags = {0: "prune"}
    at.switch_page(PAGE).run()
    assert any("In a group marked prune" in i.value for i in at.info)
    before = _metrics(at)
    at.button(key="sim_group_rule").click().run()
    assert not at.exception and at.toggle(key="r2_groups_on").value
    assert not [b for b in at.button if b.key == "sim_group_rule"]
    at.slider(key="cap").set_value(100).run()
    assert _metrics(at) != before


def test_only_the_open_view_is_drawn():
    at = _page(icp=SAAS)
    assert len(at.get("vega_lite_chart")) == 1  # "Before and after"
    assert not [d for d in at.dataframe if "status" in d.value.columns]
    at.session_state["sim_view"] = "Schedule"
    at.run()
    assert not at.exception and len(at.get("vega_lite_chart")) == 1
    assert any("a day:" in c.value for c in at.caption)
    assert "status" in _people_table(_open_people(at)).columns


def test_the_name_of_a_link_icp_is_shown_as_text():
    from dataclasses import replace

    from core.scenario_params import encode_icp

    hostile = replace(PRESETS[SAAS], name="**Bold** [click](http://evil.example)")
    at = _page(query={"icp": encode_icp(hostile)})
    assert app_state(at).icp == hostile
    (note,) = [i.value for i in at.info if "made with the ICP" in i.value]
    assert "[click](http" not in note and "**Bold**" not in note
