"""Projector sizes in a real browser: nothing a facilitator points at is cut, metrics lead.

Every page at 1280 x 720 (a common projector) and 1920 x 1080, in workshop mode and out of it:
- no metric label or value, button or tab label is cut (`scrollWidth > clientWidth`: the text
  is wider than its box, which shows as "Conn…" or as clipped text);
- nothing scrolls sideways (the tour's steps and every page fit the width);
- on pages with metrics, a metric value is the largest text on the page.
A screenshot of each (what the room sees: the first screen) goes to the test's tmp dir, and to
docs/screenshots/ as `{mode}-{width}-{page}.png` with UPDATE_SCREENSHOTS=1; look at them.
"""

from __future__ import annotations

import os

import pytest

from tests.browser.conftest import MODES, PAGES, ROOT, assert_no_exception, wait_ready
from tests.browser.conftest import PROJECTOR_SIZES as SIZES

SHOTS = ROOT / "docs" / "screenshots"
UPDATE = os.environ.get("UPDATE_SCREENSHOTS") == "1"

#: Visible elements whose text is wider than their box: each element of the kinds that must
#: never be cut, and every element inside one (the ellipsis usually sits on an inner <p>/<div>).
_CUT = """() => {
  const kinds = {
    'metric label': '[data-testid="stMetricLabel"]',
    'metric value': '[data-testid="stMetricValue"]',
    'button': 'button, [role="button"], [data-testid="stPageLink-NavLink"]',
    'tab label': 'button[role="tab"], [data-baseweb="tab"]',
    'label': '[data-testid="stWidgetLabel"], label',
  };
  const cut = [];
  for (const [kind, sel] of Object.entries(kinds)) {
    for (const root of document.querySelectorAll(sel)) {
      if (!root.innerText.trim()) continue;  // not rendered (a closed popover keeps its DOM)
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (el.closest('svg, canvas, [data-testid="stIconMaterial"]')) continue;
        if (!el.offsetParent || el.clientWidth <= 2) continue;  // hidden (or a hidden input)
        if (el.tagName === 'INPUT') continue;
        const style = getComputedStyle(el);
        if (style.fontFamily.includes('Material')) continue;  // icon ligatures
        if (el.scrollWidth > el.clientWidth + 1) {
          cut.push(`${kind}: "${root.innerText.trim().slice(0, 40)}" `
                   + `(${el.scrollWidth} > ${el.clientWidth} px)`);
          break;
        }
      }
    }
  }
  return [...new Set(cut)];
}"""

#: The largest font size of visible text that is not a metric value, and the smallest metric
#: value's (0 when the page has none).
_SIZES = """() => {
  const px = el => parseFloat(getComputedStyle(el).fontSize);
  const visible = el => el.offsetParent !== null && el.getClientRects().length > 0;
  const values = [...document.querySelectorAll('[data-testid="stMetricValue"]')].filter(visible);
  let largest = 0, where = '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !n.textContent.trim() || !visible(el)) continue;
    if (el.closest('[data-testid="stMetricValue"], svg, canvas, style, script, '
                   + '[data-testid="stIconMaterial"]')) continue;
    if (getComputedStyle(el).fontFamily.includes('Material')) continue;
    if (px(el) > largest) { largest = px(el); where = n.textContent.trim().slice(0, 40); }
  }
  const smallest = values.length ? Math.min(...values.map(v => {
    const inner = v.querySelector('p, div, span') || v;
    return Math.min(px(v), px(inner));
  })) : 0;
  return {largest, where, metric: smallest, metrics: values.length};
}"""

_SIDEWAYS = """() => ({
  page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  main: (() => { const m = document.querySelector('[data-testid="stMain"]');
                 return m ? m.scrollWidth - m.clientWidth : 0; })(),
})"""


def _open(page, slug: str, mode: str) -> None:
    query = "?mode=workshop" if mode == "workshop" else ""
    page.goto(f"{page.base_url}/{slug}{query}", timeout=120_000)
    wait_ready(page, timeout=120_000)
    page.wait_for_timeout(1200)  # charts draw after Streamlit reports idle
    assert_no_exception(page)


def _whole_page(page, path, width: int, height: int) -> None:
    """The whole page at this width (Streamlit scrolls inside the app, so full_page is not)."""
    tall = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": width, "height": max(height, tall + 50)})
    page.wait_for_timeout(600)
    page.screenshot(path=str(path))
    page.set_viewport_size({"width": width, "height": height})
    page.wait_for_timeout(300)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("width", "height"), SIZES)
def test_nothing_is_cut_and_metrics_lead(page, tmp_path, width, height, mode):
    page.set_viewport_size({"width": width, "height": height})
    problems: list[str] = []
    for name, slug in PAGES.items():
        _open(page, slug, mode)
        shot = f"{mode}-{width}-{name}.png"
        page.screenshot(path=str(tmp_path / shot))
        _whole_page(page, tmp_path / f"full-{shot}", width, height)
        if UPDATE:
            page.screenshot(path=str(SHOTS / shot))
        if mode == "workshop":
            tour = page.locator("[class*='st-key-workshop_tour']")
            assert tour.count() == 1 and tour.first.is_visible(), name
        problems += [f"{name}: {c}" for c in page.evaluate(_CUT)]
        sideways = page.evaluate(_SIDEWAYS)
        if sideways["page"] > 0 or sideways["main"] > 0:
            problems.append(f"{name}: scrolls sideways by {sideways}")
        sizes = page.evaluate(_SIZES)
        if sizes["metrics"] and sizes["metric"] <= sizes["largest"]:
            problems.append(
                f"{name}: metric value {sizes['metric']} px is not the largest "
                f'text; "{sizes["where"]}" is {sizes["largest"]} px'
            )
    assert not problems, "\n".join(problems)


def test_faq_search_opens_the_best_answer_with_linked_sources(page):
    """What AppTest cannot see: the browser really opens the best answer of each new search
    (a keyed expander ignores `expanded` after its first render) and sources are real links."""
    page.set_viewport_size({"width": 1280, "height": 720})
    _open(page, PAGES["faq"], "workshop")
    search = page.get_by_label("Search the answers")
    for query, best in (
        ("notified", "Will they know I removed them?"),
        ("limit per day", "Can I remove many connections at once?"),
    ):
        search.fill(query)
        search.press("Enter")
        wait_ready(page)
        opened = page.locator("[data-testid='stExpander'] details[open] summary")
        assert opened.count() == 1 and best in opened.first.inner_text(), query
    links = page.locator("[data-testid='stExpander'] details[open] a[href^='https://']")
    assert links.count() >= 1
    assert_no_exception(page)
