"""Two models of how many impressions a post gets from a network, with every assumption explicit.

Neither is LinkedIn's algorithm: LinkedIn documents that each viewer's feed is ranked by that
viewer's affinity to the author and by the post's early feedback, but publishes no test-audience
size and no "golden hour" (see shared/research/linkedin-facts.md, checked 2026-11-28). So the app
shows both models side by side; the gap between them is the honest uncertainty.

Both take N (connections) and E (engaged connections; an expected value when assumed) and work on
numbers or numpy arrays alike, so the trade-off sweep evaluates them in one vectorised call.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class ModelA:
    """Per-viewer ranking: each connection sees the post with a probability set by affinity.

    I = E·vE + (N−E)·vD + m·(E·vE·pE + (N−E)·vD·pD). Removing a disengaged connection can only
    lower I here: it is one fewer possible viewer and nothing else changes.
    """

    v_engaged: float = 0.4     # vE: chance an engaged connection sees a given post (assumption)
    v_disengaged: float = 0.06  # vD: same for a disengaged connection (assumption)
    p_engaged: float = 0.08    # pE: chance an engaged viewer reacts (assumption)
    p_disengaged: float = 0.005  # pD: same for a disengaged viewer (assumption)
    multiplier: float = 3.0    # m: impressions each reaction earns beyond your network (assumption)

    def impressions(self, n, e):
        n, e = np.asarray(n, dtype=float), np.asarray(e, dtype=float)
        d = n - e
        seen = e * self.v_engaged + d * self.v_disengaged
        reactions = e * self.v_engaged * self.p_engaged + d * self.v_disengaged * self.p_disengaged
        return seen + self.multiplier * reactions


@dataclass(frozen=True)
class ModelB:
    """Test-and-expand (the seed article's hypothesis, not documented by LinkedIn).

    A post is first shown to a test cohort, a share t of the network, drawn with engaged people
    b times as likely as the rest. Its early engagement rate r decides how far it expands:
    s = E/N, f = b·s / (b·s + 1 − s), r = f·pE + (1 − f)·pD,
    X = 1 + (Xmax − 1)·r^γ / (r^γ + r0^γ), I = t·N·X.
    The benefit of pruning here depends entirely on γ and r0.
    """

    test_share: float = 0.07   # t: practitioners guess 5-10% (practicalsmm.com 2020, 2023)
    bias: float = 3.0          # b: how much likelier engaged people are to be in the test cohort
    r0: float = 0.04           # early engagement rate at which expansion is half its maximum
    x_max: float = 10.0        # Xmax: best case reach multiple (your best post / a typical one)
    gamma: float = 4.0         # γ: how sharply expansion switches on around r0
    p_engaged: float = 0.08    # pE, as in model A
    p_disengaged: float = 0.005  # pD, as in model A

    def early_rate(self, n, e):
        n, e = np.asarray(n, dtype=float), np.asarray(e, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            s = np.where(n > 0, e / n, 0.0)
            f = np.where(self.bias * s + 1 - s > 0,
                         self.bias * s / (self.bias * s + 1 - s), 0.0)
        return f * self.p_engaged + (1 - f) * self.p_disengaged

    def impressions(self, n, e):
        n = np.asarray(n, dtype=float)
        r = self.early_rate(n, e)
        rg, r0g = np.power(r, self.gamma), self.r0 ** self.gamma
        x = 1 + (self.x_max - 1) * rg / (rg + r0g)
        return self.test_share * n * x


#: Where each default comes from, for the assumptions panel.
SOURCES = {
    "v_engaged": "Assumption: an engaged connection sees ~40% of your posts (feed ranked by "
                 "affinity, LinkedIn Engineering 2015/2019; the number is ours).",
    "v_disengaged": "Assumption: a disengaged connection sees ~6% of your posts.",
    "p_engaged": "Assumption; personal-profile engagement per impression is ~3-5% on average "
                 "(Socialinsider Q1 2026: 3.85%; sociavault.com: 3.16% median), higher among "
                 "people who know you.",
    "p_disengaged": "Assumption: people who never interact with you rarely react.",
    "multiplier": "Assumption: each reaction shows the post to a few people outside your network.",
    "test_share": "Practitioner claim: 5-10% first (practicalsmm.com 2020; 5-7% in 2023, "
                  "'an educated guess'); others say 1-5%. LinkedIn documents no test audience.",
    "bias": "Assumption: engaged connections are likelier to be in the first audience.",
    "r0": "Set it to your median post engagement rate (reactions+comments / impressions).",
    "x_max": "Set it to your best post's impressions divided by a typical post's.",
    "gamma": "Assumption: how sharply reach takes off once early engagement passes r0.",
}
