"""The background import warm-up runs once per process and tolerates a broken module."""

from __future__ import annotations

import sys
import threading

from ui import warmup


def test_start_imports_each_module_once_in_one_thread(monkeypatch):
    monkeypatch.setattr(warmup, "_started", False)
    monkeypatch.setattr(warmup, "MODULES", ("no_such_module_xyz", "json.tool"))
    sys.modules.pop("json.tool", None)
    before = {t.ident for t in threading.enumerate()}
    warmup.start()
    warmup.start()  # a second page in the same process: no second thread
    started = [t for t in threading.enumerate()
               if t.name == "warm-imports" and t.ident not in before]
    assert len(started) <= 1
    for t in started:
        t.join(timeout=10)
    assert "json.tool" in sys.modules  # the broken module before it did not stop the rest
    assert warmup._started
