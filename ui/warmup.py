"""Import the heavy modules once per server process, in the background.

Why: scikit-learn, SciPy and the chart renderer take about a second of CPU to import. Without
this, the first attendee to open the clusters page pays for it while the rest of the room waits
on the import lock. The import starts when the first page is shown, so by the time anyone clicks
through, it is done. Nothing user-specific is involved: these are code modules only.
"""

from __future__ import annotations

import importlib
import threading

#: Modules that pages import lazily or that pull in large libraries.
MODULES = (
    "core.clustering",
    "core.icp",
    "core.simulator",
    "core.reach",
    "core.export",
    "core.report",
    "core.faq",
    "core.plan_words",
    "core.scenario_params",
)

_lock = threading.Lock()
_started = False


def start() -> None:
    """Begin importing `MODULES` in a daemon thread (once per process; later calls return)."""
    global _started
    with _lock:
        if _started:
            return
        _started = True
    threading.Thread(target=_import_all, name="warm-imports", daemon=True).start()


def _import_all() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the page that needs the module reports the problem
            pass
    try:  # the title model's lexicon and fallback weights: once per process, not per session
        importlib.import_module("core.titles").load()
    except Exception:  # noqa: BLE001 - the first page that reads titles reports the problem
        pass
