"""`make load` part 1: server cost per page, per session, at 5k and 30k connections.

Drives each page in-process with AppTest (the same script runner the server uses) and measures
the CPU time of the first run and of a typical interaction, and the memory one session holds
after the whole journey and after the session ends (its AppTest dropped), in a process that
already served a session (one-time imports and models are not counted), by allocation
(tracemalloc for Python and numpy, Arrow's pool for Arrow buffers). Prints a table and an estimate of how many workshop attendees one server can take.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.common import table  # noqa: E402

CHILD = r"""
import json, sys, time, gc, threading, tracemalloc
import pyarrow as pa
from streamlit.testing.v1 import AppTest
from core.demo import connections_csv
n = int(sys.argv[1])
data = connections_csv(n, seed=5)
def cpu(fn):
    t = time.process_time(); fn(); return time.process_time() - t
def journey(at):
    rows = {}
    rows["Home"] = (cpu(lambda: at.file_uploader(key="upload").set_value(
        ("Connections.csv", data, "text/csv")).run()), cpu(lambda: at.run()))
    def icp():
        at.switch_page("pages/1_Define_your_ICP.py").run()
    def icp_act():
        at.selectbox(key="preset_pick").select("B2B SaaS founder selling to sales leaders").run()
        at.button(key="use_preset").click().run()
    rows["Define your ICP"] = (cpu(icp), cpu(icp_act))
    rows["Cluster connections"] = (
        cpu(lambda: at.switch_page("pages/2_Cluster_connections.py").run()),
        cpu(lambda: at.select_slider(key="clusters_k").set_value(8).run()))
    def rule():
        at.toggle(key="fit_on").set_value(True).run()
        at.slider(key="fit_below").set_value(45).run()
    rows["Pruning simulator"] = (cpu(lambda: at.switch_page("pages/3_Pruning_simulator.py").run()),
                                 cpu(rule))
    rows["Remove or block?"] = (
        cpu(lambda: at.switch_page("pages/4_Remove_or_block.py").run()),
        cpu(lambda: at.text_input(key="faq_search").set_value("notified").run()))
    assert not at.exception, at.exception
    return rows
def session():
    at = AppTest.from_file("app.py", default_timeout=300)
    at.run()
    return at
# A first session pays the one-time costs of the process (imports, the demo, models loaded on
# first use); it ends before anything is measured, so the figures are one more session's.
journey(session())
for t in threading.enumerate():  # one-time module imports (ui.warmup) are per process
    if t.name == "warm-imports":
        t.join()
rows = journey(session())  # CPU: a warm server's session
# Memory: what a third session holds, counted by allocation (Python and numpy through
# tracemalloc, Arrow through its pool). RSS cannot say it: freed heap is reused, not returned.
def held():
    gc.collect()
    return tracemalloc.get_traced_memory()[0] + pa.total_allocated_bytes()
tracemalloc.start()
base = held()
tracemalloc.reset_peak()
at = session()
journey(at)
mem = (held() - base) / 2**20
peak = (tracemalloc.get_traced_memory()[1] - tracemalloc.get_traced_memory()[0]) / 2**20 + mem
del at  # the session ends: its state, uploads and caches go with it
released = (held() - base) / 2**20
print(json.dumps({"rows": rows, "mem_mb": mem, "peak_mb": peak, "after_end_mb": released}))
"""


def measure(n: int) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(n)], cwd=ROOT, capture_output=True, text=True
    )
    if out.returncode:  # a page changed under the journey: say where
        sys.exit(f"The {n:,}-connection journey failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    summary = {}
    for n in (5_000, 30_000):
        t = time.perf_counter()
        res = measure(n)
        rows = [
            [page, f"{first:.2f} s", f"{act:.2f} s"] for page, (first, act) in res["rows"].items()
        ]
        total = sum(a + b for a, b in res["rows"].values())
        print(f"\n{n:,} connections (one session; measured in {time.perf_counter() - t:.0f} s)")
        print(table(["page", "first run CPU", "interaction CPU"], rows))
        print(
            f"CPU for the whole journey: {total:.1f} s · memory held by the session: "
            f"{res['mem_mb']:.0f} MB (target at most 300 MB; about {res['peak_mb']:.0f} MB "
            f"at its peak) · still held after the session ends: {res['after_end_mb']:.0f} MB"
        )
        summary[n] = (total, res["mem_mb"])
    cpu5, mem5 = summary[5_000]
    cores, ram_gb = 2, 24
    print("\nEstimate for a workshop on this machine (2 cores, 24 GB):")
    mem30 = summary[30_000][1]
    print(
        f"- memory: {ram_gb * 1024 * 0.6 / max(mem5, 1):.0f} sessions of 5k connections (or "
        f"{ram_gb * 1024 * 0.6 / max(mem30, 1):.0f} of 30k) fit in 60% of RAM, beside the "
        "server's own imports"
    )
    print(
        f"- CPU: one attendee's whole journey costs {cpu5:.1f} CPU-seconds at 5k; spread over "
        f"a 10-minute exercise, {cores * 600 / max(cpu5, 0.1) * 0.5:.0f} attendees keep the "
        "cores half busy"
    )


if __name__ == "__main__":
    main()
