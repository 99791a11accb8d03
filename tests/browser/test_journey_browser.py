"""The main journeys in a real browser: ICP preset → clusters → simulator → FAQ."""

from __future__ import annotations

import os
import re

import pytest

from core.demo import generate_export
from tests.browser.conftest import ROOT, assert_no_exception, wait_ready

# Set UPDATE_SCREENSHOTS=1 to refresh the README's pictures; otherwise only the tmp dir.
SHOTS = ROOT / "docs" / "screenshots"
UPDATE = os.environ.get("UPDATE_SCREENSHOTS") == "1"


def _go(page, title: str) -> None:
    page.locator("[data-testid='stSidebar'] a").filter(has_text=title).first.click()
    wait_ready(page)
    assert_no_exception(page)


def _metric(page, label: str) -> str:
    metric = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return metric.locator("[data-testid='stMetricValue']").inner_text()


def _shot(page, tmp_path, name: str, source: str) -> None:
    page.wait_for_timeout(1500)  # Vega draws charts after Streamlit reports idle
    page.screenshot(path=str(tmp_path / f"{name}-{source}.png"), full_page=True)
    if UPDATE and source == "demo":
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("source", ["demo", "upload"])
def test_full_journey(page, tmp_path, source):
    page.set_viewport_size({"width": 1400, "height": 1800})
    page.goto(page.base_url)
    wait_ready(page)
    if source == "upload":  # a whole export zip (messages included), through the real widget
        export = tmp_path / "Basic_LinkedInDataExport.zip"
        export.write_bytes(generate_export(800, seed=3, nested=True))
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(export))
        page.wait_for_function(
            "() => document.body.innerText.includes('Your export')", timeout=60_000
        )
        wait_ready(page)
        assert "800 connections" in page.locator("[data-testid='stSidebar']").inner_text()

    # ICP wizard with a preset; the preview counts appear and change; download the JSON.
    _go(page, "Define your ICP")
    page.get_by_test_id("stSelectbox").filter(has_text="workshop preset").click()
    page.get_by_role("option", name="B2B SaaS founder selling to sales leaders").click()
    wait_ready(page)
    page.get_by_role("button", name="Use this preset").click()
    wait_ready(page)
    strong = _metric(page, "Strong fit")
    assert int(strong.replace(",", "")) > 0
    # The preset fills the wizard's own widgets, not just the preview (a real-browser bug once).
    functions = page.get_by_test_id("stMultiSelect").filter(has_text="Job functions")
    assert "Sales" in functions.inner_text()
    with page.expect_download() as dl:
        page.get_by_role("button", name="Save ICP (.json)").click()
    assert b'"schema": 1' in open(dl.value.path(), "rb").read()
    page.get_by_role("button", name="Next").click()
    wait_ready(page)
    assert "Step 2 of 4" in page.inner_text("[data-testid='stMain']")
    assert _metric(page, "Strong fit") == strong  # moving on keeps the answers
    _shot(page, tmp_path, "icp", source)

    # Clusters: map and table visible.
    _go(page, "Cluster connections")
    assert page.locator("[data-testid='stVegaLiteChart']").count() >= 2
    assert page.locator("[data-testid='stDataFrame']").count() >= 1
    _shot(page, tmp_path, "clusters", source)

    # Simulator: the safe default plan (at most 15%); widen the cap and the plan grows.
    _go(page, "Pruning simulator")
    before = _metric(page, "Connections")
    cap = page.get_by_test_id("stSlider").filter(has_text="Remove at most").get_by_role("slider")
    cap.focus()
    for _ in range(3):  # 15% -> 30%
        page.keyboard.press("ArrowRight")
    wait_ready(page)
    page.wait_for_function(
        "b => [...document.querySelectorAll(\"[data-testid='stMetric']\")]"
        ".some(m => m.innerText.includes('Connections') && !m.innerText.includes(b))",
        arg=before,
        timeout=30_000,
    )
    removed = int(before.replace(",", "")) - int(_metric(page, "Connections").replace(",", ""))
    assert removed > 0
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download removal checklist (CSV)").click()
    text = open(dl.value.path(), encoding="utf-8-sig").read()
    assert text.startswith("Day,Name,Position,Company,Profile URL,Reasons")
    plan = {
        m: _metric(page, m)
        for m in ("Connections", "Engaged share", "ICP share", "Reach, model A", "Reach, model B")
    }
    _shot(page, tmp_path, "simulator", source)

    # The coaching report: one HTML file that opens offline with every section.
    with page.expect_download() as dl:
        page.get_by_role("button", name="Download my coaching report (HTML)").click()
    report = tmp_path / "report.html"
    report.write_bytes(open(dl.value.path(), "rb").read())
    viewer = page.context.new_page()
    requested: list[str] = []
    viewer.on("request", lambda r: requested.append(r.url))
    viewer.goto(report.as_uri())
    text = viewer.inner_text("body")
    for heading in (
        "Your ideal customer profile",
        "Your network",
        "Groups in your network",
        "Your pruning plan",
        "Removal schedule",
        "Remove, unfollow or block?",
    ):
        assert heading in text
    assert viewer.locator("svg").count() >= 3
    assert [u for u in requested if not u.startswith("file://")] == []
    viewer.close()

    # The scenario is in the URL with the ICP's criteria: a new session opened on it shows the
    # same five numbers without defining any ICP (the data is the demo in both).
    url = page.url
    assert re.search(r"[?&]cap=30(&|$)", url), url
    assert re.search(r"[?&]icp=[A-Za-z0-9_-]+(&|$)", url), url
    if source == "demo":
        other = page.context.browser.new_context().new_page()
        other.set_viewport_size({"width": 1400, "height": 1800})
        other.goto(url)
        wait_ready(other)
        assert_no_exception(other)
        assert "made with the ICP" in other.inner_text("[data-testid='stMain']")
        assert {m: _metric(other, m) for m in plan} == plan
        assert "cap=30" in other.url
        other.context.close()

    # FAQ: the decision helper answers once all four questions are answered.
    _go(page, "Remove or block?")
    for question, answer in (
        ("harassing", "Yes"),
        ("their posts", "No"),
        ("messaging them", "No"),
        ("client", "No"),
    ):
        assert "Block." not in page.inner_text("[data-testid='stMain']")
        page.get_by_test_id("stRadio").filter(has_text=question).get_by_text(
            answer, exact=True
        ).click()
        wait_ready(page)
    assert "Block." in page.inner_text("[data-testid='stMain']")
    _shot(page, tmp_path, "faq", source)
    assert not page.dialogs
