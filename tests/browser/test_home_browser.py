"""The foundation in a real browser: demo overview, upload a zip, every page, no exceptions."""

from __future__ import annotations

import os

from tests.browser.conftest import ROOT, assert_no_exception, wait_ready
from tests.conftest import make_zip, modern_csv

PAGE_TITLES = {
    "Define_your_ICP": "Define your ICP",
    "Cluster_connections": "Cluster connections",
    "Pruning_simulator": "Pruning simulator",
    "Remove_or_block": "Remove or block",
}


def _metric_text(page, label: str) -> str:
    metric = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return metric.locator("[data-testid='stMetricValue']").inner_text()


def test_demo_overview_upload_and_every_page(page, tmp_path):
    page.goto(page.base_url)
    wait_ready(page)
    assert_no_exception(page)
    assert int(_metric_text(page, "Connections").replace(",", "")) > 2000
    page.screenshot(path=str(tmp_path / "home.png"), full_page=True)
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        page.set_viewport_size({"width": 1400, "height": 1800})
        page.screenshot(path=str(ROOT / "docs" / "screenshots" / "home.png"), full_page=True)

    export = tmp_path / "export.zip"
    export.write_bytes(make_zip({"Basic_LinkedInDataExport/Connections.csv": modern_csv()}))
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(export))
    page.wait_for_function(
        "() => [...document.querySelectorAll(\"[data-testid='stMetricValue']\")]"
        ".some(e => e.innerText.trim() === '5')",
        timeout=30_000,
    )
    wait_ready(page)
    assert _metric_text(page, "Connections") == "5"
    assert_no_exception(page)

    # Navigate inside the same session (sidebar links), so the upload follows the user around.
    for title in PAGE_TITLES.values():
        page.locator("[data-testid='stSidebar'] a").filter(has_text=title).first.click()
        wait_ready(page)
        assert_no_exception(page)
        assert title in page.locator("h1").first.inner_text()
        assert "5 connections" in page.locator("[data-testid='stSidebar']").inner_text()
    assert not page.dialogs


def test_deep_links_open_every_page_on_the_demo(page):
    for slug, title in PAGE_TITLES.items():
        page.goto(f"{page.base_url}/{slug}")
        wait_ready(page)
        assert_no_exception(page)
        assert title in page.locator("h1").first.inner_text()
