"""Home page and the page smoke test, in-process with AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest  # noqa: F401  (type of new_app())

from tests.conftest import make_zip, modern_csv, new_app

PAGES = sorted(str(p.relative_to(Path(__file__).resolve().parents[1]))
               for p in (Path(__file__).resolve().parents[1] / "pages").glob("*.py"))


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
    at.file_uploader(key="upload").set_value(
        ("Connections.csv", modern_csv(), "text/csv")).run()
    assert _metric(at, "Connections") == "5"
    at.file_uploader(key="upload").set_value(
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(300), "image/png")).run()
    assert not at.exception
    assert at.error and "not a text file" in at.error[0].value
    assert _metric(at, "Connections") == "5"  # the earlier upload is still loaded


def test_back_to_demo_button():
    at = _home()
    at.file_uploader(key="upload").set_value(
        ("Connections.csv", modern_csv(), "text/csv")).run()
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
            ("Connections.csv", modern_csv(), "text/csv")).run()
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
