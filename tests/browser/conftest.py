"""Real-browser harness: one Streamlit server per test session, Debian's Chromium via Playwright.

Recipe: shared/testing/browser.md. Locally, without Chromium, these tests skip; with CI=true a
skip is turned into a failure, so CI cannot pass without having run them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
IN_CI = os.environ.get("CI", "").lower() == "true"

#: Every page by a short name (screenshot file names) and its URL path; the projector sizes and
#: modes. One list for the projector test and scripts/screenshots.py.
PAGES = {
    "home": "",
    "icp": "Define_your_ICP",
    "clusters": "Cluster_connections",
    "simulator": "Pruning_simulator",
    "faq": "Remove_or_block",
}
PROJECTOR_SIZES = ((1280, 720), (1920, 1080))
MODES = ("workshop", "normal")


def _skip_or_fail(reason: str):
    if IN_CI:
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp: Path, cwd: Path = ROOT) -> tuple[subprocess.Popen, str, Path]:
    """Start `streamlit run app.py` on a free loopback port; returns (process, base URL, log)."""
    port = _free_port()
    log = tmp / f"streamlit-{port}.log"
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
            "--server.fileWatcherType",
            "none",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=cwd,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        env=env,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.read().decode().strip() == "ok":
                    return proc, url, log
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise RuntimeError(f"streamlit did not become healthy:\n{log.read_text()[-3000:]}")


def stop_server(proc: subprocess.Popen, log: Path) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
    tail = log.read_text()[-2000:] if log.exists() else ""
    print(f"\n--- streamlit log tail ({log.name}) ---\n{tail}")


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        _skip_or_fail(f"{CHROMIUM} is not installed (apt-get install chromium)")
    proc, url, log = start_server(tmp_path_factory.mktemp("server"))
    yield url
    stop_server(proc, log)


@pytest.fixture(scope="session")
def browser(server):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("playwright is not installed")
    with sync_playwright() as pw:
        b = pw.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync"],
        )
        # Warm the app once with a generous timeout: the first run on a cold server is slow.
        page = b.new_page()
        page.goto(server, timeout=120_000)
        wait_ready(page, timeout=120_000)
        page.close()
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    from playwright.sync_api import expect

    expect.set_options(timeout=20_000)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    p = context.new_page()
    p.base_url = server  # type: ignore[attr-defined]
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    p.dialogs = dialogs  # type: ignore[attr-defined]
    yield p
    context.close()


def wait_ready(page, timeout: int = 60_000) -> None:
    """Wait until Streamlit is connected, idle and has no skeletons (Streamlit's own e2e markers)."""
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout
    )
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout
    )
    page.wait_for_function(
        "() => document.querySelectorAll(\"[data-testid='stSkeleton']\").length === 0",
        timeout=timeout,
    )
    # A rerun may start right after an interaction; give it a beat and wait for idle again.
    page.wait_for_timeout(300)
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout
    )


def assert_no_exception(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0, page.content()[:3000]
