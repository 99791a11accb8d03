"""Nothing from an upload is written to disk or logged, and the scenario URL holds no names."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from tests.browser.conftest import ROOT, start_server, stop_server, wait_ready
from tests.conftest import make_zip, modern_csv
from ui.simulator_page import DEFAULTS

MARKER = "Zebediah Quillfeather"
SKIP = {".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache"}


def _files(root: Path) -> dict[Path, tuple[float, int]]:
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP]
        for f in filenames:
            p = Path(dirpath) / f
            try:
                st = p.stat()
            except OSError:
                continue
            out[p] = (st.st_mtime, st.st_size)
    return out


def test_upload_leaves_no_trace_on_disk_or_in_logs(browser, tmp_path, monkeypatch):
    tmp = tmp_path / "server-tmp"
    tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp))
    logs = tmp_path / "logs"
    logs.mkdir()
    before = {**_files(ROOT), **_files(tmp)}
    proc, url, log = start_server(logs)
    try:
        rows = [
            f"{MARKER.split()[0]},{MARKER.split()[1]},https://www.linkedin.com/in/zq,"
            "zq@example.com,Quill Corp,VP Sales,05 Jan 2026"
        ] + [
            f"P{i},Q,https://www.linkedin.com/in/p{i},,Acme,Engineer,0{1 + i % 8} Feb 2025"
            for i in range(30)
        ]
        export = tmp_path / "export.zip"
        export.write_bytes(make_zip({"Connections.csv": modern_csv(rows)}))
        page = browser.new_page()
        page.goto(url)
        wait_ready(page)
        page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(export))
        page.wait_for_function(
            "() => document.body.innerText.includes('31 connections')", timeout=30_000
        )
        for title in (
            "Define your ICP",
            "Cluster connections",
            "Pruning simulator",
            "Remove or block?",
        ):
            page.locator("[data-testid='stSidebar'] a").filter(has_text=title).first.click()
            wait_ready(page)
            if title == "Pruning simulator":
                query = parse_qs(urlparse(page.url).query)
                assert set(query) <= set(DEFAULTS), query  # scenario keys only
                assert MARKER.split()[1] not in page.url
        page.close()
    finally:
        stop_server(proc, log)
    after = {**_files(ROOT), **_files(tmp)}
    changed = [p for p, meta in after.items() if before.get(p) != meta and p.parent != logs]
    for p in changed:
        data = p.read_bytes()
        assert MARKER.encode() not in data and b"Quillfeather" not in data, p
    assert "Quillfeather" not in log.read_text()
