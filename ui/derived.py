"""Values derived from the session's state, each computed once per session for what it depends on.

One small typed function per derived value: it names its cache key explicitly (everything the
result depends on, starting with the network's fingerprint) and its own bound. Pages call these;
they never call the cache themselves and never stash a result for another page to read, so a page
always shows what the current ICP, corrections, groups and rules give.
"""

from __future__ import annotations

import pandas as pd

from core.icp import score, title_text
from core.titles import read_titles
from ui.state import cached, state


def titles() -> pd.DataFrame:
    """The title model's reading of every connection's title (function, function2, seniority,
    confidence, why, key; aligned to the connection table), with the user's corrections on top.

    Reads the role only (`core.icp.title_text`: headline, else position), never the company, so
    a company name is not taken for a job. Scoring reuses it, so changing the ICP never reads
    titles again; a correction changes the key, so every page sees it at once.
    """
    s = state()
    net, corrections = s.network, s.corrections
    return cached("titles", (net.fingerprint, corrections),
                  lambda: read_titles(title_text(net.df), corrections), bound=2)


def scored() -> pd.DataFrame | None:
    """Every connection scored against the current ICP with the user's corrections (None while
    there is no ICP): `core.icp.score` columns (fit, fit_band, fit_reasons, function, ...)."""
    s = state()
    if s.icp is None:
        return None
    net, icp, corrections = s.network, s.icp, s.corrections
    reading = titles()
    return cached("scored", (net.fingerprint, icp, corrections),
                  lambda: score(net.df, icp, corrections, titles=reading), bound=2)


def grouping():
    """The groups for the current method and number of groups (core.clustering.ClusterResult)."""
    raise NotImplementedError("written by the groups helper")


def scenario_result(scenario):
    """core.simulator.run for the current scored table, groups and `scenario`."""
    raise NotImplementedError("written by the simulator helper")
