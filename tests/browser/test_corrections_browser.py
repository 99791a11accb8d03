"""A title correction made in the ICP preview changes the preview's numbers at once.

The correction panel is a fragment; the title it fixes leaves the "cannot read" list, so its
Apply button is gone on the rerun that would report the click. This ran stale once (the counts
changed only after leaving the page): only a real browser runs fragments the way users do.
"""

from __future__ import annotations

from tests.browser.conftest import assert_no_exception, wait_ready


def _metrics(page) -> list[str]:
    return [
        m.inner_text().replace("\n", " ") for m in page.locator("[data-testid='stMetric']").all()
    ]


def test_a_correction_updates_the_preview_at_once(page):
    page.goto(page.base_url + "/Define_your_ICP")
    wait_ready(page)
    page.get_by_test_id("stSelectbox").filter(has_text="preset").first.click()
    page.get_by_role("option").filter(has_text="B2B SaaS founder").first.click()
    wait_ready(page)
    page.get_by_role("button", name="Use this preset").click()
    wait_ready(page)
    before = _metrics(page)
    # "Area Vice President" (2 people in the demo): a Vice President whose function is unread.
    pop = page.locator("[data-testid='stPopover']").filter(has_text="Area Vice President").first
    pop.locator("button").first.click()
    body = page.locator("[data-testid='stPopoverBody']")
    body.get_by_test_id("stSelectbox").first.locator("input").click()
    page.keyboard.type("Sales")
    page.keyboard.press("Enter")
    wait_ready(page)
    body.get_by_role("button", name="Apply").click()
    wait_ready(page)
    page.wait_for_timeout(500)
    wait_ready(page)
    assert_no_exception(page)
    after = _metrics(page)
    assert after != before, (before, after)
    assert "Your corrections (1)" in page.inner_text("[data-testid='stMain']")
    # The popover closes with its title: it used to stay open on the title that moved into
    # its place, where a second Apply would correct the wrong title.
    assert not page.locator("[data-testid='stPopoverBody']").is_visible()
