"""Home page and the page smoke test, in-process with AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest  # noqa: F401  (type of new_app())

from tests.conftest import make_zip, modern_csv, new_app

PAGES = sorted(
    str(p.relative_to(Path(__file__).resolve().parents[1]))
    for p in (Path(__file__).resolve().parents[1] / "pages").glob("*.py")
)


def _home() -> AppTest:
    at = new_app()
    at.run()
    assert not at.exception
    return at


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_home_shows_the_demo_overview():
    at = _home()
    assert int(_metric(at, "Connections").replace(",", "")) > 2000
    assert _metric(at, "Engaged share").endswith("%")  # the demo ships messages.csv
    assert any("demo network" in i.value for i in at.info)
    assert at.get("vega_lite_chart")  # growth and top-N charts rendered


def test_home_after_uploading_a_zip():
    at = _home()
    data = make_zip({"Export/Connections.csv": modern_csv()})
    at.file_uploader(key="upload").set_value(("export.zip", data, "application/zip")).run()
    assert not at.exception
    assert _metric(at, "Connections") == "5"
    assert _metric(at, "Ghost rows") == "1"
    assert _metric(at, "Engaged share") == "unknown"
    assert not at.error


def test_bad_upload_shows_error_and_keeps_previous_data():
    at = _home()
    at.file_uploader(key="upload").set_value(("Connections.csv", modern_csv(), "text/csv")).run()
    assert _metric(at, "Connections") == "5"
    at.file_uploader(key="upload").set_value(
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(300), "image/png")
    ).run()
    assert not at.exception
    assert at.error and "not a text file" in at.error[0].value
    assert _metric(at, "Connections") == "5"  # the earlier upload is still loaded
    assert any("Your previously loaded network is still in place" in c.value for c in at.caption)


def test_a_bad_first_upload_says_the_demo_is_still_loaded():
    at = _home()
    at.file_uploader(key="upload").set_value(("bank.csv", b"Date,Amount\n1,2\n", "text/csv"))
    at.run()
    assert not at.exception and at.error
    captions = [c.value for c in at.caption]
    assert "The demo network is still loaded." in captions
    assert not any("previously loaded" in c for c in captions)  # nothing was loaded before


def test_back_to_demo_button():
    at = _home()
    at.file_uploader(key="upload").set_value(("Connections.csv", modern_csv(), "text/csv")).run()
    at.file_uploader(key="upload").set_value(None).run()
    at.button(key="use_demo").click().run()
    assert not at.exception
    assert int(_metric(at, "Connections").replace(",", "")) > 2000


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("data", ["demo", "upload"])
def test_every_page_renders(page, data):
    at = _home()
    if data == "upload":
        at.file_uploader(key="upload").set_value(
            ("Connections.csv", modern_csv(), "text/csv")
        ).run()
        assert not at.exception
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title, f"{page} has no title"


@pytest.mark.parametrize("page", PAGES)
def test_deep_link_to_a_page_on_a_fresh_session(page):
    """A page opened first (a deep link) bootstraps the demo itself."""
    at = new_app()
    at.switch_page(page).run()
    assert not at.exception, at.exception


def _widget_keys(at) -> set[str]:
    """The user keys of every element drawn on the last run (widgets, keyed containers)."""

    def walk(node):
        yield node
        for child in getattr(node, "children", {}).values():
            yield from walk(child)

    return {key for node in walk(at._tree) if (key := getattr(node, "key", None))}


@pytest.mark.parametrize("page", ["app.py", *PAGES])
@pytest.mark.parametrize("mode", ["normal", "workshop"])
def test_the_only_session_key_besides_widgets_is_the_app_state(page, mode):
    """Issue 16: one typed state. Whatever a page keeps lives in `AppState`; a stray key
    (say `st.session_state["workshop.on"]`) would be a second store the next person has to
    find."""
    from core.scenario_params import DEFAULTS as SCENARIO_WIDGETS
    from ui.state import STATE_KEY

    at = new_app()
    if mode == "workshop":
        at.query_params["mode"] = "workshop"
    if page != "app.py":
        at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    # The scenario's widget keys stay while their widget is folded away (a rule not added, an
    # assumption on another tab): the URL and the report read the whole scenario from them.
    drawn = _widget_keys(at) | set(SCENARIO_WIDGETS)
    stray = set(at.session_state._state.filtered_state) - drawn - {STATE_KEY}
    assert not stray, f"{page}: session keys outside AppState: {sorted(stray)}"


def test_no_stray_session_keys_along_a_whole_workshop_journey():
    """The same after interactions and callbacks (an upload, a preset, a correction, every
    page, a persona switch, a reset): every key is the AppState or a widget's that was drawn."""
    from core.icp import PRESETS
    from core.scenario_params import DEFAULTS as SCENARIO_WIDGETS
    from ui.state import STATE_KEY

    at = new_app()
    at.query_params["mode"] = "workshop"
    drawn: set[str] = set()

    def check(step: str) -> None:
        assert not at.exception, (step, at.exception)
        drawn.update(_widget_keys(at))
        stray = set(at.session_state._state.filtered_state) - drawn - set(SCENARIO_WIDGETS)
        assert stray <= {STATE_KEY}, f"after {step}: keys outside AppState: {sorted(stray)}"

    at.run()
    check("opening the app")
    at.file_uploader(key="upload").set_value(("Connections.csv", modern_csv(), "text/csv")).run()
    check("an upload")
    at.switch_page(PAGES[0]).run()
    at.selectbox(key="preset_pick").select(next(iter(PRESETS))).run()
    at.button(key="use_preset").click().run()
    check("a preset")
    shown = at.dataframe[0].value["title"].iloc[0]
    at.selectbox(key="icp_fix_any_title").select(shown).run()
    at.selectbox(key="icp_fix_any_fn").select("Legal").run()
    at.button(key="icp_fix_any_apply").click().run()
    check("a correction")
    for page in PAGES[1:]:
        at.switch_page(page).run()
        check(page)
    at.selectbox(key="workshop_persona").select("recruiter").run()
    check("a persona switch")
    at.button(key="workshop_reset").click().run()
    check("a reset")


# --- upload box and Data quality panel (issue 14 items 1, 2, 7; issue 17 item 6) -----------

EXPORTS = Path(__file__).resolve().parent / "data" / "exports"
MESSAGES = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
    "SUBJECT,CONTENT,FOLDER\n"
    "c1,,Anna Smith,https://www.linkedin.com/in/anna-smith,Me,https://www.linkedin.com/in/owner,"
    "2025-12-16 18:24:37 UTC,,Hi,INBOX\n"
    "c2,,Me,https://www.linkedin.com/in/owner,Bob Jones,https://www.linkedin.com/in/bob-jones,"
    "2025-11-02 10:00:00 UTC,,Hey,INBOX\n"
)


def _upload(at: AppTest, *files: tuple[str, bytes]) -> AppTest:
    at.file_uploader(key="upload").set_value([(n, d, "text/csv") for n, d in files]).run()
    assert not at.exception, at.exception
    return at


def _all_text(at: AppTest) -> str:
    return "\n".join(
        e.value for kind in ("markdown", "text", "caption", "warning") for e in getattr(at, kind)
    )


def test_upload_box_takes_several_files_and_says_what_it_accepts():
    at = _home()
    box = at.file_uploader(key="upload")
    assert box.accept_multiple_files
    assert ".zip" in box.label and "Connections.csv" in box.label and "messages.csv" in box.label


def test_connections_and_messages_chosen_together_measure_engagement():
    at = _upload(_home(), ("Connections.csv", modern_csv()), ("messages.csv", MESSAGES.encode()))
    assert _metric(at, "Connections") == "5"
    assert _metric(at, "Engaged share").endswith("%")  # measured, not "unknown"
    assert "Files used: Connections.csv, messages.csv" in _all_text(at)


def test_anonymised_export_says_what_is_missing_and_what_that_turns_off():
    data = (EXPORTS / "anonymised_notes_company_position.csv").read_bytes()
    at = _upload(_home(), ("Connections.csv", data))
    assert _metric(at, "Connections") == "6"
    text = _all_text(at)
    assert "**Names**: the checklist lists people by title and company" in text
    assert "**Connected On**: no growth chart" in text
    assert "**Profile URL**: duplicates are matched by name" in text
    assert "no connection dates, so there is no growth chart" in text
    assert _metric(at, "Added in the last 12 months") == "unknown"  # not 0: no dates at all


def test_duplicates_are_counted_and_shown_on_request():
    data = (EXPORTS / "excel_cp1252_question_marks.csv").read_bytes()
    at = _upload(_home(), ("Connections.csv", data))
    assert _metric(at, "Connections") == "10"  # 11 rows, one real repeat
    assert _metric(at, "Duplicates removed") == "1"
    assert not at.dataframe
    at.toggle(key="show_duplicates").set_value(True).run()
    assert not at.exception
    shown = at.dataframe[0].value
    assert shown["Name"].tolist() == ["José Núñez"]


def test_load_warnings_are_shown_as_plain_text():
    from tests.conftest import make_zip

    data = make_zip(
        {
            "a/Connections.csv": modern_csv(),
            "b/[x](http://evil.example)/Connections.csv": modern_csv(),
        }
    )
    at = _upload(_home(), ("export.zip", data))
    warnings = [w.value for w in at.warning]
    assert any("Connections.csv files" in w.replace("\\", "") for w in warnings)
    assert not any("[x](http://evil.example)" in w for w in warnings)  # escaped, never a link


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "sample", ["anonymised_notes_company_position.csv", "semicolon_first_name_spanish_dates.csv"]
)
def test_every_page_works_on_reduced_exports(page, sample):
    """Exports without names, URL or dates still support the coaching on every page."""
    at = _upload(_home(), ("Connections.csv", (EXPORTS / sample).read_bytes()))
    at.switch_page(page).run()
    assert not at.exception, at.exception
