"""Values derived from the session's state, each computed once per session for what it depends on.

One small typed function per derived value: it names its cache key explicitly (everything the
result depends on, starting with the network's fingerprint) and its own bound. Pages call these;
they never call the cache themselves and never stash a result for another page to read, so a page
always shows what the current ICP, corrections, groups and rules give.
"""

from __future__ import annotations

import pandas as pd

from core.icp import score
from core.titles import read_titles
from ui.state import cached, state


def titles() -> pd.DataFrame:
    """The title model's reading of every connection (function, seniority, confidence, why),
    with the user's corrections on top."""
    s = state()
    net = s.network
    return cached("titles", (net.fingerprint, s.corrections),
                  lambda: read_titles(net.df["text"], s.corrections), bound=2)


def scored() -> pd.DataFrame | None:
    """Every connection scored against the current ICP (None while there is no ICP)."""
    s = state()
    if s.icp is None:
        return None
    net, icp, corrections = s.network, s.icp, s.corrections
    return cached("scored", (net.fingerprint, repr(icp), corrections),
                  lambda: score(net.df, icp), bound=2)


def grouping():
    """The groups for the current method and number of groups (core.clustering.ClusterResult)."""
    raise NotImplementedError("written by the groups helper")


def scenario_result(scenario):
    """core.simulator.run for the current scored table, groups and `scenario`."""
    raise NotImplementedError("written by the simulator helper")
