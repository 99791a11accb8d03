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

    v_engaged: float = 0.4  # vE: chance an engaged connection sees a given post (assumption)
    v_disengaged: float = 0.06  # vD: same for a disengaged connection (assumption)
    p_engaged: float = 0.08  # pE: chance an engaged viewer reacts (assumption)
    p_disengaged: float = 0.005  # pD: same for a disengaged viewer (assumption)
    multiplier: float = 3.0  # m: impressions each reaction earns beyond your network (assumption)

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

    test_share: float = 0.07  # t: practitioners guess 5-10% (practicalsmm.com 2020, 2023)
    bias: float = 3.0  # b: how much likelier engaged people are to be in the test cohort
    r0: float = 0.04  # early engagement rate at which expansion is half its maximum
    x_max: float = 10.0  # Xmax: best case reach multiple (your best post / a typical one)
    gamma: float = 4.0  # γ: how sharply expansion switches on around r0
    p_engaged: float = 0.08  # pE, as in model A
    p_disengaged: float = 0.005  # pD, as in model A

    def early_rate(self, n, e):
        n, e = np.asarray(n, dtype=float), np.asarray(e, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            s = np.where(n > 0, e / n, 0.0)
            f = np.where(self.bias * s + 1 - s > 0, self.bias * s / (self.bias * s + 1 - s), 0.0)
        return f * self.p_engaged + (1 - f) * self.p_disengaged

    def impressions(self, n, e):
        n = np.asarray(n, dtype=float)
        r = self.early_rate(n, e)
        rg, r0g = np.power(r, self.gamma), self.r0**self.gamma
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


#: The engaged share reach is projected with when nothing is measured and the user stated no rate
#: of their own. It only feeds the two reach models (labelled "assumed" next to them); it never
#: decides who is removed.
DEFAULT_ENGAGED_RATE = 0.10
ENGAGED_RATE_SOURCE = (
    "Assumption: about 10% of connections interact with you in a year. The demo network measures "
    "about 12% from its messages; set your own from how many people reacted, commented or wrote "
    "to you last year."
)


@dataclass(frozen=True)
class Parameter:
    """One adjustable model parameter as a person sees it: a human name, bounds and a source.

    `key` is the short URL/widget name; the default is read from the model dataclass itself, so
    each default is written once (in ModelA / ModelB above).
    """

    key: str
    model: str  # "A" or "B"
    field: str  # the dataclass field
    name: str  # what the page and the report call it
    lo: float
    hi: float
    step: float
    unit: str = "share"  # "share" (shown as a percent), "times" or "number"

    @property
    def default(self) -> float:
        return float(getattr(ModelA() if self.model == "A" else ModelB(), self.field))

    @property
    def source(self) -> str:
        return SOURCES[self.field]

    def format(self, value: float) -> str:
        """The value as the report shows it: 40%, 3×, 4 (at most one decimal, as on the page)."""
        if self.unit == "share":
            digits = 0 if round(value * 100, 1) == round(value * 100) else 1
            return f"{value * 100:.{digits}f}%"
        text = f"{value:.1f}".removesuffix(".0")
        return text + ("×" if self.unit == "times" else "")


PARAMETERS: tuple[Parameter, ...] = (
    Parameter("a_ve", "A", "v_engaged", "Engaged connections who see a post", 0.0, 1.0, 0.01),
    Parameter("a_vd", "A", "v_disengaged", "Other connections who see a post", 0.0, 1.0, 0.01),
    Parameter("a_pe", "A", "p_engaged", "Engaged viewers who react", 0.0, 1.0, 0.005),
    Parameter("a_pd", "A", "p_disengaged", "Other viewers who react", 0.0, 1.0, 0.001),
    Parameter("a_m", "A", "multiplier", "Extra impressions per reaction", 0.0, 50.0, 0.5, "number"),
    Parameter("b_t", "B", "test_share", "Test audience (share of network)", 0.0, 1.0, 0.01),
    Parameter(
        "b_b",
        "B",
        "bias",
        "Engaged people's head start in the test audience",
        1.0,
        20.0,
        0.5,
        "times",
    ),
    Parameter("b_r0", "B", "r0", "Early engagement rate at half expansion", 0.001, 0.5, 0.005),
    Parameter(
        "b_xmax", "B", "x_max", "Best post's reach / a typical post's", 1.0, 100.0, 1.0, "times"
    ),
    Parameter(
        "b_gamma", "B", "gamma", "How sharply expansion switches on", 0.5, 10.0, 0.5, "number"
    ),
    Parameter("b_pe", "B", "p_engaged", "Engaged test viewers who react", 0.0, 1.0, 0.005),
    Parameter("b_pd", "B", "p_disengaged", "Other test viewers who react", 0.0, 1.0, 0.001),
)


def models(values: dict[str, float]) -> tuple[ModelA, ModelB]:
    """Both models from {parameter key: value}; a missing key keeps the model's default."""
    a = {p.field: float(values[p.key]) for p in PARAMETERS if p.model == "A" and p.key in values}
    b = {p.field: float(values[p.key]) for p in PARAMETERS if p.model == "B" and p.key in values}
    return ModelA(**a), ModelB(**b)


def model_values(a: ModelA, b: ModelB) -> dict[str, float]:
    """The inverse of `models`: {parameter key: value}."""
    return {p.key: float(getattr(a if p.model == "A" else b, p.field)) for p in PARAMETERS}
