"""The ICP wizard in AppTest: a preset end to end, state across pages, loading saved JSON, the
preview (what it judged, unknown titles one click from a correction), undo after a preset."""

from __future__ import annotations

import json

import pytest

from core.icp import ICP, PRESETS, load_icp_file
from core.titles import Correction, title_key
from tests.conftest import MODERN_ROWS, app_state, modern_csv, new_app

PAGE = "pages/1_Define_your_ICP.py"
PRESET = "B2B SaaS founder selling to sales leaders"


def _wizard(upload: bytes | None = None):
    at = new_app()
    at.run()
    if upload is not None:
        at.file_uploader(key="upload").set_value(("Connections.csv", upload, "text/csv")).run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _counts(at) -> dict[str, int]:
    return {
        m.label: int(m.value.replace(",", ""))
        for m in at.metric
        if m.label in ("Strong fit", "Partial", "Off-profile")
    }


def test_empty_wizard_asks_for_criteria():
    at = _wizard()
    assert any("Pick at least one" in i.value for i in at.info)
    assert app_state(at).icp is None
    assert at.get("download_button")[0].proto.disabled  # nothing to save yet


def test_a_preset_fills_the_widgets_and_start_over_empties_them():
    at = _wizard()
    at.selectbox(key="preset_pick").select(PRESET).run()
    at.button(key="use_preset").click().run()
    preset = PRESETS[PRESET]
    assert at.multiselect(key="icp_functions").value == list(preset.functions)
    assert at.multiselect(key="icp_seniorities").value == list(preset.seniorities)
    # Touching another widget must not undo the preset (widgets hold the draft's values).
    at.multiselect(key="icp_seniorities").unselect("Director").run()
    assert app_state(at).icp.functions == preset.functions
    assert "Director" not in app_state(at).icp.seniorities
    at.button(key="icp_next").click().run()
    at.button(key="icp_next").click().run()
    assert at.multiselect(key="icp_keywords").value == list(preset.keywords)
    at.button(key="icp_clear").click().run()
    assert not at.exception
    assert "Step 1 of 4" in at.get("progress")[0].proto.text
    assert at.multiselect(key="icp_functions").value == []
    assert app_state(at).icp is None


def test_one_click_industry_from_the_users_profile():
    at = _wizard()
    at.button(key="icp_next").click().run()
    # The demo owner's profile says "Software Development".
    add = [b for b in at.button if b.label.startswith("Add Technology")]
    assert add, [b.label for b in at.button]
    add[0].click().run()
    assert not at.exception
    assert at.multiselect(key="icp_industries").value == ["Technology, Information and Media"]
    assert app_state(at).icp.industries == ("Technology, Information and Media",)
    assert not [b for b in at.button if b.label.startswith("Add Technology")]


def test_suggestions_come_with_counts_from_the_network():
    at = _wizard()
    functions = at.multiselect(key="icp_functions")
    assert functions.options[0].startswith("Sales · ")  # the demo's most common function first
    at.button(key="icp_next").click().run()
    at.button(key="icp_next").click().run()
    keywords = at.multiselect(key="icp_keywords").options
    assert len(keywords) >= 20 and all(" · " in k for k in keywords)
    assert any(k.startswith("cloud · ") for k in keywords)
    assert not any(k.startswith(("manager · ", "the · ")) for k in keywords)


def test_the_sample_shows_each_band_with_reasons():
    at = _wizard()
    at.selectbox(key="preset_pick").select(PRESET).run()
    at.button(key="use_preset").click().run()
    strong = at.dataframe[0].value
    assert (strong["fit"] >= PRESETS[PRESET].fit_threshold).all()
    at.segmented_control(key="icp_sample_band").set_value("off").run()
    assert not at.exception
    off = at.dataframe[0].value
    assert (off["fit"] < PRESETS[PRESET].fit_threshold / 2).all()
    assert off["fit_reasons"].str.len().gt(0).all()


def test_walk_the_wizard_with_a_preset():
    at = _wizard()
    at.selectbox(key="preset_pick").select(PRESET).run()
    at.button(key="use_preset").click().run()
    assert not at.exception
    counts = _counts(at)
    assert counts["Strong fit"] > 0 and sum(counts.values()) > 2000
    for expected in ("Step 2 of 4", "Step 3 of 4", "Step 4 of 4"):
        at.button(key="icp_next").click().run()
        assert not at.exception
        assert expected in at.get("progress")[0].proto.text
    assert any("You want" in i.value for i in at.info)
    assert at.button(key="icp_next").disabled
    at.button(key="icp_back").click().run()
    assert "Step 3 of 4" in at.get("progress")[0].proto.text


def test_answers_change_the_preview():
    at = _wizard()
    at.multiselect(key="icp_functions").select("Sales").run()
    sales_only = _counts(at)
    at.multiselect(key="icp_seniorities").select("Vice President").run()
    assert not at.exception
    assert _counts(at) != sales_only
    assert app_state(at).icp.functions == ("Sales",)


def test_answers_survive_a_page_switch():
    at = _wizard()
    at.multiselect(key="icp_functions").select("Marketing").run()
    at.button(key="icp_next").click().run()
    at.switch_page("pages/4_Remove_or_block.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert "Step 2 of 4" in at.get("progress")[0].proto.text
    at.button(key="icp_back").click().run()
    assert at.multiselect(key="icp_functions").value == ["Marketing"]


def test_load_a_saved_icp_and_a_bad_one():
    at = _wizard()
    saved = PRESETS["Consultant selling to CFOs"].to_json().encode()
    at.file_uploader(key="icp_file").set_value(("icp.json", saved, "application/json")).run()
    assert not at.exception
    assert app_state(at).icp == ICP.from_json(saved)
    assert at.multiselect(key="icp_functions").value == ["Finance", "Accounting"]
    at.file_uploader(key="icp_file").set_value(
        ("bad.json", b'{"schema": 1, "functions": ["Wizardry"]}', "application/json")
    ).run()
    assert not at.exception
    assert at.error and "not a usable ICP" in at.error[0].value
    assert app_state(at).icp == ICP.from_json(saved)  # the good one is kept


def test_wizard_on_an_upload():
    at = _wizard(modern_csv())
    at.selectbox(key="preset_pick").select(PRESET).run()
    at.button(key="use_preset").click().run()
    assert not at.exception
    assert sum(_counts(at).values()) == 4  # five rows, one ghost


def _use_preset(at, name: str = PRESET):
    at.selectbox(key="preset_pick").select(name).run()
    at.button(key="use_preset").click().run()
    assert not at.exception


def _popovers(at) -> list[str]:
    return [p.proto.popover.label for p in at.get("popover")]


def _scored(at):
    """The table the preview shows counts from (the session's latest scored table)."""
    return next(reversed(app_state(at).cache["scored"].values()))


def test_the_preview_shows_what_it_judged():
    at = _wizard()
    _use_preset(at)
    table = at.dataframe[0].value
    assert list(table.columns) == ["full_name", "title", "company", "fit", "fit_reasons", "read_as"]
    assert table["title"].str.len().gt(0).all() and table["read_as"].str.len().gt(0).all()
    assert any("Titles the coach cannot read" in m.value for m in at.markdown)


def test_a_correction_from_the_page_changes_the_reading_and_the_fit():
    at = _wizard()
    at.multiselect(key="icp_functions").select("Sales").run()
    # The most common title the coach cannot read is the first one offered for a correction.
    label = _popovers(at)[0]
    title = label.rsplit(" · ", 1)[0]
    key = title_key(title)
    before = _scored(at)
    people = (before["title_key"] == key) & (before["function"] == "") & ~before["is_blank"]
    assert people.sum() == int(label.rsplit(" · ", 1)[1].replace(",", ""))
    assert (before.loc[people, "fit"] == 0).all()
    strong = _counts(at)["Strong fit"]
    at.selectbox(key=f"icp_fix_u_{key}_fn").select("Sales").run()
    at.button(key=f"icp_fix_u_{key}_apply").click().run()
    assert not at.exception
    assert app_state(at).corrections == (Correction(key, "Sales", ""),)
    after = _scored(at)
    assert (after.loc[people, "function"] == "Sales").all()
    assert (after.loc[people, "fit"] == 100).all()
    assert after.loc[people, "fit_reasons"].str.contains(f"you said {title} is Sales").all()
    assert _counts(at)["Strong fit"] >= strong + people.sum()
    assert label not in _popovers(at)
    # The list of corrections shows the title as people here write it, not its folded key.
    listed = [t.value for t in at.text if t.value.endswith(" → Sales")]
    assert len(listed) == 1 and listed[0].startswith(title.rstrip("…")), listed
    # A preset keeps the corrections (they are not part of the ICP); removing one undoes it.
    _use_preset(at, "Consultant selling to CFOs")
    assert app_state(at).corrections == (Correction(key, "Sales", ""),)
    at.button(key=f"icp_unfix_{key}").click().run()
    assert not at.exception and app_state(at).corrections == ()


def test_correct_any_title_shown_in_the_preview():
    at = _wizard()
    _use_preset(at)
    shown = at.dataframe[0].value["title"].iloc[0]
    at.selectbox(key="icp_fix_any_title").select(shown).run()
    at.selectbox(key="icp_fix_any_fn").select("Legal").run()
    at.button(key="icp_fix_any_apply").click().run()
    assert not at.exception
    said = app_state(at).corrections
    assert [c.function for c in said] == ["Legal"] and said[0].title == title_key(shown)
    assert (_scored(at).loc[lambda d: d["title_key"] == said[0].title, "function"] == "Legal").all()


def test_a_preset_over_a_hand_built_icp_offers_undo():
    at = _wizard()
    _use_preset(at)
    assert not at.warning  # a preset over nothing (or over a preset) loses nothing
    at.button(key="icp_clear").click().run()
    at.multiselect(key="icp_functions").select("Marketing").run()
    at.multiselect(key="icp_seniorities").select("Director").run()
    mine = app_state(at).icp
    _use_preset(at)
    assert app_state(at).icp == PRESETS[PRESET]
    assert at.warning and "replaced your own ICP" in at.warning[0].value
    at.button(key="icp_undo").click().run()
    assert not at.exception
    assert app_state(at).icp == mine
    assert at.multiselect(key="icp_functions").value == ["Marketing"]
    assert not at.warning


def test_corrections_round_trip_through_the_icp_file():
    at = _wizard()
    icp = PRESETS["Agency owner selling to marketing leaders"]
    said = (
        Correction(title_key("Chief Vibes Wrangler"), "Marketing", "Director"),
        Correction(title_key("Managing Partner"), "Marketing", "Director"),
    )
    at.file_uploader(key="icp_file").set_value(
        ("icp.json", icp.to_json(said).encode(), "application/json")
    ).run()
    assert not at.exception
    assert app_state(at).icp == icp and app_state(at).corrections == said
    partners = _scored(at)["title_key"] == said[1].title
    assert partners.sum() > 0 and (_scored(at).loc[partners, "function"] == "Marketing").all()


def test_a_file_with_a_lone_surrogate_is_refused_kindly():
    at = _wizard()
    _use_preset(at)
    bad = json.dumps({"schema": 1, "name": "x"}).replace('"x"', '"x\\ud800y"').encode()
    with_keyword = b'{"schema": 1, "keywords": ["\\udfff"]}'
    for data in (bad, with_keyword):
        at.file_uploader(key="icp_file").set_value(("b.json", data, "application/json")).run()
        assert not at.exception
        assert at.error and "cannot be shown or saved" in at.error[0].value
        assert app_state(at).icp == PRESETS[PRESET]
    with pytest.raises(ValueError):
        load_icp_file(bad)


def test_a_correction_on_an_uploaded_export():
    rows = MODERN_ROWS + [
        "Gil,Ninja,https://www.linkedin.com/in/gil-ninja,,Acme,Ninja Rockstar,01 Jan 2024",
        "Ana,Ninja,https://www.linkedin.com/in/ana-ninja,,Globex,Ninja Rockstar,02 Jan 2024",
    ]
    at = _wizard(modern_csv(rows))
    at.multiselect(key="icp_functions").select("Sales").run()
    key = title_key("Ninja Rockstar")
    ninjas = _scored(at)["title_key"] == key
    assert (_scored(at).loc[ninjas, "fit"] == 0).all()
    at.selectbox(key=f"icp_fix_u_{key}_fn").select("Sales").run()
    at.selectbox(key=f"icp_fix_u_{key}_sen").select("Senior").run()
    at.button(key=f"icp_fix_u_{key}_apply").click().run()
    assert not at.exception
    assert (_scored(at).loc[ninjas, "fit"] == 100).all()
    assert (_scored(at).loc[ninjas, "seniority"] == "Senior").all()


def test_an_icp_set_elsewhere_shows_in_the_wizard_and_the_preset_box():
    at = _wizard()
    at.multiselect(key="icp_functions").select("Marketing").run()
    name = "Recruiter building a candidate network"
    app_state(at).icp = PRESETS[name]  # as a workshop persona switch does
    at.run()
    assert not at.exception
    assert at.multiselect(key="icp_functions").value == list(PRESETS[name].functions)
    assert at.selectbox(key="preset_pick").value == name
    at.button(key="icp_clear").click().run()
    assert at.selectbox(key="preset_pick").value == "—"


def test_a_title_named_like_a_widget_does_not_clash():
    rows = MODERN_ROWS + [
        "Ann,Any,https://www.linkedin.com/in/ann-any,,Acme,Any,01 Jan 2024",
        "Bo,Any,https://www.linkedin.com/in/bo-any,,Acme,Any,02 Jan 2024",
    ]
    at = _wizard(modern_csv(rows))
    _use_preset(at)
    assert not at.exception
    shown = at.dataframe[0].value["title"].iloc[0]
    at.selectbox(key="icp_fix_any_title").select(shown).run()
    assert not at.exception


def test_keyword_suggestions_count_every_spelling_as_scoring_matches():
    """ "Sócio" and "socio" are one keyword to scoring, so they are one suggestion, labelled with
    the most common spelling and counting everyone who uses either (the number a keyword then
    matches)."""
    spellings = ["Sócio"] * 3 + ["Socio diretor"] * 2 + ["socio", "SÓCIO gerente"]
    rows = MODERN_ROWS + [
        f"P{i},Partner,https://www.linkedin.com/in/socio-{i},,Firma {i},{t},01 Jan 2024"
        for i, t in enumerate(spellings)
    ]
    at = _wizard(modern_csv(rows))
    at.button(key="icp_next").click().run()
    at.button(key="icp_next").click().run()
    options = at.multiselect(key="icp_keywords").options
    socio = [o for o in options if o.split(" · ")[0] in ("sócio", "socio", "Sócio", "SÓCIO")]
    assert socio == ["sócio · 7"], options
    at.multiselect(key="icp_keywords").select("sócio").run()
    assert not at.exception
    scored = _scored(at)
    matched = scored["fit_reasons"].str.contains("sócio", case=False) & ~scored["is_blank"]
    assert int(matched.sum()) == 7


def test_pages_and_ui_never_call_the_session_cache_directly():
    """Issue 16 item 2: derived values are small typed functions in ui/derived.py with explicit
    keys; pages and other ui modules call those, never `cached`/`ahead`/`memo` with a closure."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    allowed = {"derived.py", "state.py", "session.py", "__init__.py"}
    files = [*root.glob("pages/*.py"), *(p for p in root.glob("ui/*.py") if p.name not in allowed)]
    assert files
    calls = re.compile(r"\b(?:ui\.)?(?:cached|memo|ahead)\(")
    found = [
        f"{p.name}:{n}"
        for p in files
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if calls.search(line)
    ]
    assert found == []
