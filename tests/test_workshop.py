"""Workshop facilitator mode: URL switch, tour, personas with their presets, reset."""

from __future__ import annotations

import pytest

from core.connections import load_export
from core.demo import PERSONAS, generate_export
from core.icp import PRESETS, score
from tests.conftest import app_state, modern_csv, new_app, set_icp


def _workshop():
    at = new_app()
    at.query_params["mode"] = "workshop"
    at.run()
    assert not at.exception
    return at


def test_url_turns_on_the_tour():
    at = _workshop()
    assert at.toggle(key="workshop_toggle").value
    assert any("Welcome" in m.value for m in at.markdown)
    at.switch_page("pages/1_Define_your_ICP.py").run()
    assert any("Step 1 of 4" in m.value for m in at.markdown)
    off = new_app()
    off.run()
    assert not off.toggle(key="workshop_toggle").value
    assert not any("Step 1 of 4" in m.value for m in off.markdown)


def test_persona_switch_loads_network_and_preset():
    at = _workshop()
    at.selectbox(key="workshop_persona").select("recruiter").run()
    assert not at.exception
    assert app_state(at).network.source_label == "Demo: Tech recruiter"
    assert app_state(at).icp == PRESETS["Recruiter building a candidate network"]


def test_reset_everything_restores_the_demo():
    at = _workshop()
    at.file_uploader(key="upload").set_value(("Connections.csv", modern_csv(), "text/csv")).run()
    assert not app_state(at).network.is_demo
    at.button(key="workshop_reset").click().run()
    assert not at.exception
    assert app_state(at).network.is_demo
    assert at.toggle(key="workshop_toggle").value


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_each_persona_fits_its_preset(persona):
    df = load_export(generate_export(persona=persona)).df
    strong = (score(df, PRESETS[PERSONAS[persona]["preset"]])["fit_band"] == "strong").mean()
    assert 0.08 < strong < 0.4
