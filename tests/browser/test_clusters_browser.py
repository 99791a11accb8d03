"""The clusters page's group picker after a regrouping, in a real browser.

A browser keeps a selectbox's value when only its options change: with one widget key, the
picker kept showing the old group's name over another group's people after the number of
groups changed (AppTest does not reproduce it; only a real browser keeps widget values so).
"""

from __future__ import annotations

from tests.browser.conftest import assert_no_exception, wait_ready

HR = "Human Resources: Talent Acquisition · Recruiter"


def _picker(page):
    return page.get_by_test_id("stSelectbox").filter(has=page.get_by_text("Group", exact=True))


def _options(page) -> list[str]:
    box = _picker(page).first
    box.scroll_into_view_if_needed()
    box.click()
    page.get_by_role("option").first.wait_for(timeout=10_000)
    options = [o.inner_text() for o in page.get_by_role("option").all()]
    page.keyboard.press("Escape")
    return options


def test_the_group_picker_never_names_a_group_it_does_not_show(page):
    page.goto(page.base_url + "/Cluster_connections")
    wait_ready(page)
    assert HR in _options(page)
    _picker(page).first.click()
    page.get_by_role("option").filter(has_text=HR).first.click()
    wait_ready(page)
    assert _picker(page).first.locator("input").input_value() == HR
    page.get_by_test_id("stSlider").first.get_by_role("slider").focus()
    page.keyboard.press("End")  # 30 groups
    wait_ready(page)
    page.wait_for_timeout(500)
    wait_ready(page)
    assert_no_exception(page)
    options = _options(page)
    shown = _picker(page).first.locator("input").input_value()
    assert shown == options[0], f"the picker shows {shown!r} after regrouping"
