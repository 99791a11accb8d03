"""Text a stranger wrote is shown as text in a real browser: no link, no image, no maths, no
colour, and not a single request to any host but the app's own (issue 14, items 4 and 5).

The payloads go everywhere a file or a user can put text: column names and zip member paths
(quoted by the upload error), the file name (sidebar), names, titles and companies (tables,
charts, group names), the user's own profile (ICP page captions) and a saved ICP's name and
keywords (sidebar, summary). Every page is visited with all of them loaded.
"""

from __future__ import annotations

import io
import json
import zipfile
from urllib.parse import urlparse

import pytest

from tests.browser.conftest import assert_no_exception, wait_ready
from tests.conftest import MODERN_HEADER, PREAMBLE

PAYLOADS = [
    "![x](http://evil.example/col.png)",
    "[click](http://evil.example)",
    "$\\color{red}{x}$",
    ":red[big]",
    "<img src=http://evil.example/i.png>",
    "www.evil.example/w",
    "someone@evil.example",
    '=HYPERLINK("http://evil.example","x")',
]
#: The export's folder inside the zip: the sidebar and the load warnings quote member paths.
FOLDER = "![x](http:/evil.example/col.png) www.evil.example/w someone@evil.example"
PAGES = ("Define your ICP", "Cluster connections", "Pruning simulator")
JOBS = [
    "Software Engineer",
    "Account Executive",
    "Marketing Manager",
    "Product Designer",
    "Data Scientist",
    "Sales Director",
    "HR Business Partner",
    "Founder & CEO",
]


def _q(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _hostile_export() -> bytes:
    """A real-format export (Connections.csv + Profile.csv) with a payload in every text field."""
    rows = []
    for i in range(120):
        bad = PAYLOADS[i % len(PAYLOADS)]
        job = JOBS[i % len(JOBS)]
        rows.append(
            ",".join(
                [
                    _q(bad),
                    _q(f"{bad} {i}"),
                    f"https://www.linkedin.com/in/h-{i}",
                    "",
                    _q(f"{bad} Corp" if i % 2 else "Acme"),
                    _q(f"{bad} {job}" if i % 3 else job),
                    f"0{1 + i % 9} Jan 202{i % 6}",
                ]
            )
        )
    connections = (PREAMBLE + MODERN_HEADER + "\n" + "\n".join(rows)).encode("utf-8")
    profile = (
        "First Name,Last Name,Headline,Industry\n"
        f"Me,Myself,{_q(' '.join(PAYLOADS))},{_q(PAYLOADS[0] + ' Software')}\n"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"{FOLDER}/Connections.csv", connections)
        zf.writestr(f"{FOLDER}/Profile.csv", profile.encode("utf-8"))
        # A second copy deeper down: the warning naming the one used quotes both paths.
        zf.writestr(f"{FOLDER}/:red[big] $x$/Connections.csv", connections)
    return buf.getvalue()


def _bad_member_zip() -> bytes:
    """Connections.csv under a payload path, suspiciously compressible: the error quotes the path."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "/".join(PAYLOADS[:7]).replace("//", "/") + "/Connections.csv",
            b"First Name,Last Name\n" + b"a" * 2_000_000,
        )
    return buf.getvalue()


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("markup")
    columns = root / "columns.csv"
    columns.write_text(
        "First Name,Last Name,"
        + ",".join(_q(p) for p in PAYLOADS)
        + "\nA,B"
        + ",x" * len(PAYLOADS)
        + "\n",
        encoding="utf-8",
    )
    member = root / "member.zip"
    member.write_bytes(_bad_member_zip())
    export = root / "![x](evil.example) www.evil.example someone@evil.example.zip"
    export.write_bytes(_hostile_export())
    icp = root / "icp.json"
    icp.write_text(
        json.dumps(
            {
                "schema": 1,
                "name": "www.evil.example/w",
                "keywords": [p for p in PAYLOADS if not p.startswith("=")] + ["engineer"],
            }
        ),
        encoding="utf-8",
    )
    return {"columns": columns, "member": member, "export": export, "icp": icp}


def _record_requests(page) -> list[str]:
    urls: list[str] = []
    page.context.on("request", lambda r: urls.append(r.url))
    return urls


def _assert_inert(page, where: str) -> None:
    """No traceback, no link or image pointing away, no maths, no colour directive rendered."""
    assert_no_exception(page)
    for selector in (
        "a[href*='evil']",
        "img[src*='evil']",
        "[style*='evil']",
        "a[href^='mailto']",
        "[data-testid='stMarkdownContainer'] .katex",
    ):
        assert page.locator(selector).count() == 0, f"{where}: {selector}"
    assert not page.dialogs, page.dialogs


def _hover_charts(page) -> int:
    """Sweep the mouse over every chart so Vega shows its tooltips (group names, titles,
    companies); returns how many tooltips showed. They must hold text, never an element."""
    shown = 0
    charts = page.locator("[data-testid='stVegaLiteChart']")
    for i in range(charts.count()):
        charts.nth(i).scroll_into_view_if_needed()
        box = charts.nth(i).bounding_box()
        if not box:
            continue
        for fx in range(4, 100, 8):
            for fy in range(4, 100, 8):
                page.mouse.move(
                    box["x"] + box["width"] * fx / 100, box["y"] + box["height"] * fy / 100
                )
                tip = page.locator("#vg-tooltip-element")
                if tip.count() and tip.is_visible():
                    shown += 1
                    assert tip.locator("img, a, script").count() == 0, tip.inner_html()
    return shown


def _assert_only_own_host(urls: list[str], base: str) -> None:
    own = urlparse(base).netloc
    away = [
        u
        for u in urls
        if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).netloc != own
    ]
    assert not away, away


def _visible_text(page) -> str:
    return page.locator("[data-testid='stApp']").inner_text().replace("\u2060", "")


def _upload(page, path, selector="[data-testid='stFileUploaderDropzoneInput']") -> None:
    page.locator(selector).first.set_input_files(str(path))
    page.wait_for_timeout(500)
    wait_ready(page, timeout=120_000)


def test_upload_errors_quote_the_file_as_text(page, files):
    urls = _record_requests(page)
    page.goto(page.base_url)
    wait_ready(page)
    quoted = []
    for name in ("columns", "member"):
        _upload(page, files[name])
        error = page.locator("[data-testid='stAlertContentError']")
        assert error.count() == 1, name
        _assert_inert(page, f"Home error ({name})")
        quoted.append(error.inner_text().replace("\u2060", ""))
    # The payloads did reach the page: the member path is quoted, literally.
    assert any("www.evil.example/w/someone@evil.example" in q for q in quoted), quoted
    _assert_only_own_host(urls, page.base_url)


def test_hostile_export_and_icp_render_as_text_on_every_page(page, files):
    urls = _record_requests(page)
    page.goto(page.base_url)
    wait_ready(page)
    _upload(page, files["export"])
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    sidebar = page.locator("[data-testid='stSidebar']").inner_text().replace("\u2060", "")
    # The file name or the member paths, whichever the sidebar names, shown as typed.
    line = next(x for x in sidebar.splitlines() if x.startswith("File:"))
    assert "![x](" in line and "www.evil.example" in line and "someone@evil.example" in line
    warning = page.locator("[data-testid='stAlertContentWarning']")
    assert warning.count() >= 1  # two Connections.csv: the warning quotes both paths
    assert ":red[big] $x$/Connections.csv" in warning.first.inner_text().replace("\u2060", "")
    _assert_inert(page, "Home")

    page.locator("[data-testid='stSidebar'] a").filter(has_text=PAGES[0]).first.click()
    wait_ready(page, timeout=120_000)
    _upload(page, files["icp"], "[data-testid='stFileUploaderDropzoneInput'][accept*='json']")
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    _assert_inert(page, PAGES[0])

    tooltips = 0
    for title in PAGES:
        page.locator("[data-testid='stSidebar'] a").filter(has_text=title).first.click()
        wait_ready(page, timeout=120_000)
        _assert_inert(page, title)
        assert "ICP: www.evil.example/w" in _visible_text(page), title
        tooltips += _hover_charts(page)
    assert tooltips > 0  # the sweep did show tooltips (with the payloads, as text)
    page.locator("[data-testid='stSidebar'] a").filter(has_text="Home").first.click()
    wait_ready(page, timeout=120_000)
    _assert_inert(page, "Home again")
    _assert_only_own_host(urls, page.base_url)
    assert any("/media/" in u for u in urls) or any("favicon" in u for u in urls)


def test_tables_offer_no_builtin_download(page):
    """`client.disableDataExport`: the table toolbar has no "Download as CSV" anywhere."""
    page.goto(page.base_url)
    wait_ready(page)
    page.locator("[data-testid='stSidebar'] a").filter(has_text="Cluster connections").first.click()
    wait_ready(page, timeout=120_000)
    grid = page.locator("[data-testid='stDataFrame']").last
    grid.scroll_into_view_if_needed()
    grid.hover()
    page.wait_for_timeout(300)
    assert page.locator("[data-testid='stElementToolbar']").count() > 0  # the toolbar is there
    assert page.get_by_role("button", name="Download as CSV").count() == 0


# --- md_escape through Streamlit's real Markdown renderer -------------------------------------

_MINI_APP = """
import json, sys
sys.path.insert(0, {root!r})
import streamlit as st
from ui.layout import md_escape

for i, text in enumerate(json.loads(open("texts.json", encoding="utf-8").read())):
    with st.container(key=f"t{{i}}"):
        st.markdown(md_escape(text))
        st.error(md_escape(text))
"""
_PIECES = [
    "www.",
    "WWW.",
    "http://",
    "https://",
    "@",
    "a@b.co",
    ":",
    ":smile:",
    ":material/",
    "red[",
    "]",
    "[",
    "](",
    "!",
    "$",
    "$$",
    "\\",
    "<",
    ">",
    "&",
    "&lt;",
    "`",
    "*",
    "**",
    "_",
    "~~",
    "|",
    "#",
    "\n",
    "\n\n",
    "    ",
    "\t",
    "1. ",
    "- ",
    "=",
    "x.example",
    "/",
    "é",
    "😀",
    " ",
    "evil",
    "{",
    "}",
    "^",
    "'",
    '"',
]


def _texts() -> list[str]:
    import random

    rng = random.Random(14)
    extra = ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 10))) for _ in range(150)]
    from tests.test_safe_text import PAYLOADS as UNIT_PAYLOADS

    return PAYLOADS + UNIT_PAYLOADS + extra


def test_escaped_text_renders_exactly_as_written(browser, tmp_path):
    """Every string, escaped, shows in Streamlit as itself: same characters (whitespace as a
    browser shows it), no element but a paragraph, no request anywhere."""
    from tests.browser.conftest import ROOT, start_server, stop_server

    texts = _texts()
    (tmp_path / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
    (tmp_path / "app.py").write_text(_MINI_APP.format(root=str(ROOT)), encoding="utf-8")
    proc, url, log = start_server(tmp_path, cwd=tmp_path)
    try:
        context = browser.new_context()
        page = context.new_page()
        urls = _record_requests(page)
        page.goto(url, timeout=120_000)
        wait_ready(page, timeout=120_000)
        shown = page.evaluate(
            """n => Array.from({length: n}, (_, i) => {
            const box = document.querySelector('.st-key-t' + i);
            return Array.from(box.querySelectorAll("[data-testid='stMarkdownContainer']"),
                m => [m.innerText, Array.from(m.querySelectorAll('*'), e => e.tagName)
                                      .filter(t => t !== 'P' && t !== 'DIV')]);
        })""",
            len(texts),
        )
        context.close()
    finally:
        stop_server(proc, log)
    _assert_only_own_host(urls, url)
    for text, boxes in zip(texts, shown, strict=True):
        assert len(boxes) == 2, text
        for inner, tags in boxes:
            assert tags == [], (text, tags)
            assert " ".join(inner.replace("\u2060", "").split()) == " ".join(text.split()), (
                text,
                boxes,
            )
