"""Simulator page in AppTest: with and without an ICP, rules move the metrics, downloads, URL."""

from __future__ import annotations

from core.icp import PRESETS
from tests.conftest import app_state, modern_csv, new_app, set_icp

PAGE = "pages/3_Pruning_simulator.py"


def _page(with_icp: bool = False, upload: bytes | None = None, query: dict | None = None):
    at = new_app()
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if upload is not None:
        at.file_uploader(key="upload").set_value(("Connections.csv", upload, "text/csv")).run()
    if with_icp:
        set_icp(at, PRESETS["B2B SaaS founder selling to sales leaders"])
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_without_an_icp_the_fit_rule_is_disabled_and_says_why():
    at = _page()
    assert at.toggle(key="fit_on").disabled
    assert any("Needs an ICP" in c.value for c in at.caption)
    assert _metrics(at)["ICP share"] == "no ICP"
    assert _metrics(at)["Connections"] == "2,500"  # nothing pruned yet


def test_with_an_icp_the_default_plan_prunes_off_profile_people():
    at = _page(with_icp=True)
    m = _metrics(at)
    assert int(m["Connections"].replace(",", "")) < 2500
    assert m["Engaged share"].endswith("%")
    assert any("**measured**" in c.value for c in at.caption)
    assert float(m["ICP share"].rstrip("%")) > 22.4  # the strong share rises


def test_a_rule_change_moves_the_metrics():
    at = _page(with_icp=True)
    before = _metrics(at)
    at.slider(key="fit_below").set_value(60).run()
    assert not at.exception
    after = _metrics(at)
    assert int(after["Connections"].replace(",", "")) < int(before["Connections"].replace(",", ""))


def test_download_holds_a_csv_checklist():
    at = _page(with_icp=True)
    button = at.get("download_button")[0]
    assert button.proto.label == "Download removal checklist (CSV)"
    assert not button.proto.disabled


def test_scenario_comes_from_the_url():
    at = _page(with_icp=True, query={"fit_below": "70", "pace": "20"})
    assert at.slider(key="fit_below").value == 70
    assert at.number_input(key="pace").value == 20


def test_assumed_engagement_on_a_bare_csv():
    at = _page(upload=modern_csv())
    labels = _metrics(at)
    assert "Engaged share" in labels
    assert any("**assumed**" in c.value for c in at.caption)
    assert at.toggle(key="inactive_on").disabled  # needs measured engagement
    at.number_input(key="eng_rate").set_value(50).run()
    assert not at.exception
    assert _metrics(at)["Engaged share"] == "40.0%"  # 4 real x 50% / 5 rows


def test_unticking_someone_protects_them():
    at = _page(with_icp=True)
    n_before = int(_metrics(at)["Connections"].replace(",", ""))
    from ui.simulator_page import editor_key

    editor = editor_key("")
    at.session_state[editor] = {"edited_rows": {0: {"remove": False}}, "added_rows": [],
                                "deleted_rows": []}
    at.run()
    assert not at.exception
    assert int(_metrics(at)["Connections"].replace(",", "")) == n_before + 1
    assert len(app_state(at).pages["protect_ids"]) == 1
