"""`make load` part 2: N attendees at once, in real headless Chromium, against one server.

Each attendee (its own browser context, so its own Streamlit session) uploads a 5k-connection
export, applies an ICP preset, opens the clusters page, then the simulator. Prints per-step
latency (median, p95), failures, and the server's peak RSS and CPU share. The browsers run on
the same 2 cores as the server, so the CPU line says how much of the time was the server's.
Budget at N = 10: no failures, p95 page-ready <= 15 s, server RSS <= 3 GB. Each N runs
`ROUNDS` times (fresh attendees each round) so the p95 is taken over enough journeys to differ
from the single slowest one, which is printed as well.

Usage: .venv/bin/python bench/load_browsers.py [N ...]   (default: 5 10)
"""

from __future__ import annotations

import asyncio
import math
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

from bench.common import table  # noqa: E402
from core.demo import connections_csv  # noqa: E402
from tests.browser.conftest import CHROMIUM, start_server, stop_server  # noqa: E402

#: Rounds per N. With 10 attendees one round gives 10 samples, and the "p95" of 10 samples is
#: simply the slowest one; three rounds give a p95 that means what it says.
ROUNDS = 3

READY = (
    "() => { const a = document.querySelector(\"[data-testid='stApp']\");"
    " return a && a.dataset.testScriptState === 'notRunning'"
    " && a.dataset.testConnectionState === 'CONNECTED'; }"
)


async def ready(page, timeout=120_000):
    await page.wait_for_timeout(250)
    await page.wait_for_function(READY, timeout=timeout)


async def attendee(browser, url: str, export: Path, times: dict, failures: list) -> None:
    ctx = await browser.new_context(viewport={"width": 1300, "height": 1000})
    page = await ctx.new_page()

    async def step(name, action):
        t = time.perf_counter()
        try:
            await action()
            await ready(page)
            if await page.locator("[data-testid='stException']").count():
                raise RuntimeError("exception on page")
            times.setdefault(name, []).append(time.perf_counter() - t)
        except Exception as exc:  # noqa: BLE001 - a load test counts failures, it does not stop
            failures.append(f"{name}: {exc.__class__.__name__}: {str(exc)[:80]}")

    async def nav(title):
        await page.locator("[data-testid='stSidebar'] a").filter(has_text=title).first.click()

    async def upload():
        await page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
            str(export)
        )
        await page.wait_for_function(
            "() => document.body.innerText.includes('5,000 connections')", timeout=120_000
        )

    async def preset():
        await nav("Define your ICP")
        await ready(page)
        await page.get_by_test_id("stSelectbox").filter(has_text="workshop preset").click()
        await page.get_by_role("option", name="B2B SaaS founder selling to sales leaders").click()
        await ready(page)
        await page.get_by_role("button", name="Use this preset").click()

    await step("open", lambda: page.goto(url, timeout=120_000))
    await step("upload", upload)
    await step("icp preset", preset)
    await step("clusters", lambda: nav("Cluster connections"))
    await step("simulator", lambda: nav("Pruning simulator"))
    await ctx.close()


def watch(pid: int, stop: threading.Event, out: dict) -> None:
    proc = psutil.Process(pid)
    out["peak"] = 0
    cpu0 = proc.cpu_times()
    t0 = time.perf_counter()
    while not stop.is_set():
        try:
            rss = proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children())
        except psutil.Error:
            break
        out["peak"] = max(out["peak"], rss)
        time.sleep(0.05)
    cpu1 = proc.cpu_times()
    out["cpu_s"] = (cpu1.user + cpu1.system) - (cpu0.user + cpu0.system)
    out["wall_s"] = time.perf_counter() - t0


async def run(n: int, url: str, export: Path, pid: int, rounds: int = ROUNDS) -> None:
    times: dict[str, list[float]] = {}
    failures: list[str] = []
    stop, stats = threading.Event(), {}
    watcher = threading.Thread(target=watch, args=(pid, stop, stats))
    watcher.start()
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=["--disable-gpu"]
        )
        for _ in range(rounds):  # each round: n fresh attendees starting at the same moment
            await asyncio.gather(
                *(attendee(browser, url, export, times, failures) for _ in range(n))
            )
        await browser.close()
    stop.set()
    watcher.join()
    rows = []
    for name, ts in times.items():
        ts = sorted(ts)
        p95 = ts[max(0, math.ceil(0.95 * len(ts)) - 1)]  # nearest rank
        rows.append(
            [name, len(ts), f"{statistics.median(ts):.1f} s", f"{p95:.1f} s", f"{ts[-1]:.1f} s"]
        )
    print(f"\nN = {n} attendees at once, {rounds} rounds ({n * rounds} journeys)")
    print(table(["step", "done", "median", "p95", "worst"], rows))
    share = stats["cpu_s"] / (stats["wall_s"] * psutil.cpu_count())
    print(f"failures: {len(failures)}" + "".join(f"\n  - {f}" for f in failures[:10]))
    print(
        f"server peak RSS: {stats['peak'] / 2**30:.2f} GB · server CPU: {stats['cpu_s']:.0f} s "
        f"over {stats['wall_s']:.0f} s wall = {share:.0%} of both cores (the rest went to the "
        "browsers)"
    )


def main(ns: list[int]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "Connections.csv"
        export.write_bytes(connections_csv(5_000, seed=21))
        proc, url, log = start_server(Path(tmp))
        try:
            for n in ns:
                asyncio.run(run(n, url, export, proc.pid))
        finally:
            stop_server(proc, log)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [5, 10])
