"""Every kind of bad file through the real upload widget: friendly error or correct load,
no traceback, previous data kept, hostile text shown as text (no script runs)."""

from __future__ import annotations

import pytest

from tests.browser.conftest import assert_no_exception, wait_ready
from tests.hostile import XSS, cases


def _connections(page) -> str:
    return page.locator("[data-testid='stSidebar']").inner_text()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    out = []
    for name, data, expect in cases(big=30_000):
        path = root / name
        path.write_bytes(data)
        out.append((name, path, expect))
    return out


def test_bad_files_never_break_the_app(page, files):
    page.goto(page.base_url)
    wait_ready(page)
    dropzone = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    for name, path, expect in files:
        before = _connections(page)
        dropzone.set_input_files(str(path))
        page.wait_for_timeout(500)
        wait_ready(page, timeout=90_000)
        assert_no_exception(page)
        main = page.locator("[data-testid='stMain']").inner_text()
        if expect == "error":
            assert page.locator("[data-testid='stAlertContentError']").count() == 1, name
            assert "Traceback" not in main
            assert _connections(page) == before, f"{name} replaced the loaded network"
        else:
            assert page.locator("[data-testid='stAlertContentError']").count() == 0, name
    # The 30k hostile file is loaded last: its names show literally and nothing ran.
    assert "30,000 connections" in _connections(page)
    page.locator("[data-testid='stSidebar'] a").filter(has_text="Cluster connections").click()
    wait_ready(page, timeout=120_000)
    assert_no_exception(page)
    page.get_by_placeholder("e.g. Acme or CTO").fill("img src")
    page.keyboard.press("Enter")
    wait_ready(page, timeout=60_000)
    assert page.locator("img[src='x']").count() == 0
    assert not page.dialogs, page.dialogs
    body = page.content()
    assert XSS not in body or "&lt;img" in body
