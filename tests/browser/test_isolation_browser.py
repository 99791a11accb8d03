"""Two people on one server never see each other's network (issue: trustworthy in a room)."""

from __future__ import annotations

from tests.browser.conftest import assert_no_exception, wait_ready
from tests.conftest import make_zip, modern_csv

ALICE = [
    "Alice,Zeta,https://www.linkedin.com/in/alice-zeta,,Acme,VP Sales,05 Jan 2026",
    "Ann,Apple,https://www.linkedin.com/in/ann-apple,,Acme,CTO,04 Jan 2026",
    "Al,Arbor,https://www.linkedin.com/in/al-arbor,,Acme,CFO,03 Jan 2026",
]
BOB = ["Bob,Yonder,https://www.linkedin.com/in/bob-yonder,,Globex,Recruiter,05 Jan 2025"] * 1 + [
    f"B{i},Bee,https://www.linkedin.com/in/b-{i},,Globex,Engineer,0{1 + i % 8} Feb 2025"
    for i in range(6)
]


def _upload(page, tmp_path, name: str, rows: list[str]) -> None:
    path = tmp_path / name
    path.write_bytes(make_zip({"Connections.csv": modern_csv(rows)}))
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(path))
    page.wait_for_function(
        "n => [...document.querySelectorAll(\"[data-testid='stMetricValue']\")]"
        ".some(e => e.innerText.trim() === n)",
        arg=str(len(rows)),
        timeout=30_000,
    )
    wait_ready(page)


def _sees(page, count: int, own: str, other: str) -> None:
    text = page.locator("[data-testid='stMain']").inner_text()
    side = page.locator("[data-testid='stSidebar']").inner_text()
    assert f"{count} connections" in side
    assert own in text and other not in text
    assert_no_exception(page)


def test_two_sessions_stay_apart(browser, server, tmp_path):
    ctx_a = browser.new_context(viewport={"width": 1400, "height": 1600})
    ctx_b = browser.new_context(viewport={"width": 1400, "height": 1600})
    a, b = ctx_a.new_page(), ctx_b.new_page()
    try:
        for p in (a, b):
            p.goto(server)
            wait_ready(p)
        _upload(a, tmp_path, "alice.zip", ALICE)
        _sees(a, 3, "Acme", "Globex")
        _upload(b, tmp_path, "bob.zip", BOB)
        _sees(b, len(BOB), "Globex", "Acme")
        a.reload()  # a reload is a new session: back to the demo, never to Bob's data
        wait_ready(a)
        assert "Globex" not in a.locator("[data-testid='stMain']").inner_text()
        assert "Demo network" in a.locator("[data-testid='stSidebar']").inner_text()
        _sees(b, len(BOB), "Globex", "Acme")
    finally:
        ctx_a.close()
        ctx_b.close()
