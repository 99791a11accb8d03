"""The background import warm-up runs once per process and tolerates a broken module."""

from __future__ import annotations

import sys
import threading

from ui import warmup


def test_start_runs_the_warm_up_exactly_once_in_a_background_thread(monkeypatch):
    monkeypatch.setattr(warmup, "_started", False)
    runs: list[str] = []
    done = threading.Event()

    def record() -> None:
        runs.append(threading.current_thread().name)
        done.set()

    monkeypatch.setattr(warmup, "_import_all", record)
    warmup.start()
    warmup.start()  # a second page in the same process: no second thread
    assert done.wait(timeout=10), "the warm-up thread never ran"
    for t in threading.enumerate():
        if t.name == "warm-imports":
            t.join(timeout=10)
    assert runs == ["warm-imports"]  # once, and not on the caller's thread


def test_a_broken_module_does_not_stop_the_rest(monkeypatch):
    monkeypatch.setattr(warmup, "MODULES", ("no_such_module_xyz", "json.tool"))
    sys.modules.pop("json.tool", None)
    warmup._import_all()
    assert "json.tool" in sys.modules
