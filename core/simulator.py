"""Pruning what-if: a scenario (rules, protections, assumptions) → one plan and what it does.

`run(connections, scenario)` is the only place a plan is computed: the simulator page, a shared
URL and the take-home report all call it with the current scored table, so they cannot disagree.

Semantics a coach can read back to a client:
- A rule is a set of conditions that must ALL hold; several rules side by side are alternatives
  (a person matching ANY rule is a candidate).
- Protections always beat rules: engaged people, strong fits, people connected recently and
  anyone protected by hand. Only a person's own "Remove" call, made by hand, beats a protection.
- The plan never removes more than `max_share` of the network (least valuable first), 15% by
  default; above 30% the page warns (the seed guide's point that over-pruning restricts
  discovery).

Ghost rows (deleted or hidden accounts, no name and no job) count towards LinkedIn's 30,000 cap
but are outside every share and every reach projection: they cannot see, engage or be removed.
Engagement is "measured" (messages.csv), "assumed" (a rate the user typed in, an expected value)
or "unknown" (then no rule may depend on it and shares say "unknown").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.export import DEFAULT_PER_DAY, MAX_PER_DAY, schedule, weekly
from core.reach import DEFAULT_ENGAGED_RATE, ModelA, ModelB
from core.schema import CONNECTION_CAP
from core.text import search_mask

#: The default plan never removes more than this share of the network.
SAFE_SHARE = 0.15
#: Above this share removed, the plan is over-pruning (warning, and the curve marks the zone).
OVERPRUNE_SHARE = 0.30
ENGAGEMENT_NEEDED = (
    "Your export has no messages.csv, so nobody's engagement is known. Upload "
    "the whole export zip, or state an assumed engagement rate."
)


# --- the scenario ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """People a rule selects: every condition that is set must hold (AND). No condition: off."""

    off_profile: bool = False  # ICP fit band "off" (below half the strong line)
    fit_below: float | None = None  # ICP fit under this score
    quiet_months: int | None = None  # no message in this many months (needs engagement)
    older_than_years: int | None = None  # connected more than this many years ago
    in_prune_group: bool = False  # in a group the user marked "prune"

    @property
    def is_empty(self) -> bool:
        return not self.conditions()

    def conditions(self) -> list[tuple[str, str]]:
        """(condition key, words) for each condition set, in reading order."""
        out = []
        if self.off_profile:
            out.append(("off_profile", "off-profile for your ICP"))
        if self.fit_below is not None:
            out.append(("fit_below", f"with an ICP fit below {self.fit_below:g}"))
        if self.quiet_months is not None:
            out.append(("quiet_months", f"with no message in {self.quiet_months} months"))
        if self.older_than_years is not None:
            years = "year" if self.older_than_years == 1 else "years"
            out.append(
                ("older_than_years", f"connected more than {self.older_than_years} {years} ago")
            )
        if self.in_prune_group:
            out.append(("in_prune_group", "in a group you marked prune"))
        return out

    def text(self, unavailable=()) -> str:
        """The rule as words, leaving out conditions that cannot apply (`unavailable` keys)."""
        return " AND ".join(words for _, words in effective_conditions(self, unavailable))


#: The default rule: off-profile AND quiet. With the recent-connection protection on, it removes
#: only people who are off-fit AND not engaged AND older than the recent window.
SAFE_RULE = Rule(off_profile=True, quiet_months=12)


def effective_conditions(rule: Rule, unavailable=()) -> list[tuple[str, str]]:
    """The conditions of `rule` that apply now: one whose data is missing (no ICP, no messages,
    no dates, no marked group) is off, as its switch shows, and the rule runs on the others.

    `unavailable` may be a mapping or a set of condition keys; without it, every condition set.
    Two cases select nobody (an empty list), and the page says so: a rule none of whose
    conditions can apply, and the safe default rule missing a part of it. The default is only
    safe as a whole (off-profile AND quiet): without an ICP it would remove quiet strong fits,
    without messages off-profile people who may engage. A rule the user shaped runs on what
    its switches show.
    """
    conditions = rule.conditions()
    usable = [(k, w) for k, w in conditions if k not in unavailable]
    if rule == SAFE_RULE and len(usable) < len(conditions):
        return []
    return usable


#: How many rules the page offers side by side.
RULE_SLOTS = 3
#: A condition's value when the user first switches it on.
CONDITION_DEFAULTS = {"fit_below": 30, "quiet_months": 24, "older_than_years": 5}
#: Assumed engagement per ICP fit band (strong, partial, off) when the user assumes by band:
#: people who fit tend to engage more; the numbers are ours, shown and adjustable.
BAND_RATE_DEFAULTS = (0.20, 0.10, 0.05)


@dataclass(frozen=True)
class Protections:
    """People no rule may remove. Each is on by default and can be switched off."""

    engaged: bool = True  # measured engaged, or marked "engages with me" by hand
    strong_fit: bool = True  # ICP fit band "strong"
    recent: bool = True  # connected in the last `recent_months`
    recent_months: int = 6
    by_hand: bool = True  # protected by hand in the people list


@dataclass(frozen=True)
class Scenario:
    """Everything a plan depends on besides the data: rules, protections, cap, assumptions, picks.

    Frozen and hashable, so it keys the per-session cache; every default lives here (and in
    core.reach's models), and the page, the URL parser and the report read them from here.
    """

    rules: tuple[Rule, ...] = (SAFE_RULE,)
    protections: Protections = Protections()
    max_share: float = SAFE_SHARE
    assumed_rate: float | None = None  # None: no engagement assumed
    band_rates: tuple[float, float, float] | None = None  # strong, partial, off (assumed)
    pace: int = DEFAULT_PER_DAY
    model_a: ModelA = ModelA()
    model_b: ModelB = ModelB()
    remove_ids: frozenset[int] = frozenset()
    protect_ids: frozenset[int] = frozenset()
    engaged_ids: frozenset[int] = frozenset()
    prune_groups: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if not 0.0 <= self.max_share <= 1.0:
            raise ValueError("max_share: between 0 and 1")
        if not 1 <= self.pace <= MAX_PER_DAY:
            raise ValueError(f"pace: between 1 and {MAX_PER_DAY} a day")
        rates = ([self.assumed_rate] if self.assumed_rate is not None else []) + list(
            self.band_rates or []
        )
        if any(not 0.0 <= r <= 1.0 for r in rates):
            raise ValueError("assumed_rate: between 0 and 1")
        if self.protections.recent_months < 0:
            raise ValueError("recent_months: zero or more")

    @property
    def assumes_engagement(self) -> bool:
        return self.assumed_rate is not None or self.band_rates is not None


# --- the result -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """A network's numbers. `people` (real rows) is the denominator of every share."""

    connections: int  # every row, ghosts included (what LinkedIn counts)
    people: int  # real people
    engaged: float | None  # expected engaged people; None when engagement is unknown
    strong: int | None  # strong ICP fits; None without an ICP

    @property
    def engaged_share(self) -> float | None:
        return self.engaged / self.people if self.engaged is not None and self.people else None

    @property
    def icp_share(self) -> float | None:
        return self.strong / self.people if self.strong is not None and self.people else None

    @property
    def headroom(self) -> int:
        return CONNECTION_CAP - self.connections


@dataclass(frozen=True)
class Protection:
    """One protection's line: how many people it covers and how many it kept out of the plan."""

    key: str
    label: str  # "engaged", "strong fit", "recent", "by hand"
    on: bool
    people: int  # people it covers (whether or not a rule matches them)
    kept: int  # people a rule matched that it kept (a person may be kept by several)
    reason: str  # why it exists, or why it cannot cover anyone


@dataclass(frozen=True)
class Reach:
    """Impressions per post before and after, under both models, and what E rests on."""

    a_before: float
    a_after: float
    b_before: float
    b_after: float
    basis: str  # "measured", "assumed" or "default assumption"


@dataclass(frozen=True)
class ScenarioResult:
    """A plan and everything it does. Arrays are aligned to the connection table's rows."""

    scenario: Scenario
    engagement: str  # "measured", "assumed" or "unknown"
    today: pd.Timestamp
    mask: np.ndarray  # removed
    order: np.ndarray  # removed rows, least valuable first (the checklist order)
    reasons: np.ndarray  # why, aligned with `order`
    matched: np.ndarray  # any rule matches (before protections and the cap)
    protected: dict[str, np.ndarray]
    unavailable: dict[str, str]  # condition key → why it cannot be used now
    protections: tuple[Protection, ...]
    capped: int  # matched, unprotected people left out by the cap
    cap: int  # the cap in people
    before: Snapshot
    after: Snapshot
    reach: Reach
    curve: pd.DataFrame
    schedule: pd.DataFrame  # day, removals
    weekly: pd.DataFrame  # week, days, removals
    composition: pd.DataFrame  # state, band, engagement, people (before and after)

    @property
    def removed(self) -> int:
        return int(self.mask.sum())

    @property
    def removed_share(self) -> float:
        return self.removed / self.before.people if self.before.people else 0.0

    @property
    def zone_start(self) -> int:
        """The first removal count that is over-pruning (more than 30% of real people)."""
        return overprune_start(self.before.people)

    @property
    def over_pruning(self) -> bool:
        fewer_strong = (
            self.before.strong is not None and (self.after.strong or 0) < self.before.strong
        )
        return self.removed_share > OVERPRUNE_SHARE or fewer_strong


def overprune_start(people: int) -> int:
    return math.floor(OVERPRUNE_SHARE * people) + 1


# --- the columns a plan reads ---------------------------------------------------------------

STRONG, PARTIAL, OFF, UNSCORED = 0, 1, 2, 3
_BANDS = ("strong", "partial", "off", "unscored")


@dataclass(frozen=True)
class Columns:
    """The connection table's columns a plan reads, as numpy arrays read once per run."""

    real: np.ndarray  # not a ghost row
    known: np.ndarray  # engagement measured for this row
    engaged: np.ndarray  # measured engaged
    band: np.ndarray | None  # STRONG / PARTIAL / OFF / UNSCORED codes; None without an ICP
    fit: np.ndarray | None  # 0-100, NaN for ghosts; None without an ICP
    connected: np.ndarray  # datetime64[ns], NaT when unknown
    last: np.ndarray  # last interaction, datetime64[ns], NaT when none

    @property
    def n(self) -> int:
        return len(self.real)


def _dates(connections: pd.DataFrame, name: str) -> np.ndarray:
    if name not in connections:
        return np.full(len(connections), np.datetime64("NaT"), dtype="datetime64[ns]")
    return connections[name].to_numpy(dtype="datetime64[ns]")


def columns(connections: pd.DataFrame) -> Columns:
    """Read the columns once (string comparisons run on Arrow, not per Python object)."""
    n = len(connections)
    real = ~connections["is_blank"].to_numpy(dtype=bool)
    if "engaged" in connections:
        col = connections["engaged"]
        known = col.notna().to_numpy(dtype=bool) & real
        engaged = col.fillna(False).to_numpy(dtype=bool) & real
    else:
        known = engaged = np.zeros(n, dtype=bool)
    band = fit = None
    if "fit_band" in connections and "fit" in connections:
        bands = connections["fit_band"]
        band = np.full(n, UNSCORED, dtype=np.int8)
        for code, name in ((STRONG, "strong"), (PARTIAL, "partial"), (OFF, "off")):
            band[(bands == name).to_numpy(dtype=bool, na_value=False)] = code
        fit = connections["fit"].to_numpy(dtype=float)
    return Columns(
        real=real,
        known=known,
        engaged=engaged,
        band=band,
        fit=fit,
        connected=_dates(connections, "connected_on"),
        last=_dates(connections, "last_interaction"),
    )


def _before(when: np.ndarray, cutoff: pd.Timestamp) -> np.ndarray:
    """Dates strictly before `cutoff` (NaT is never before anything)."""
    return ~np.isnat(when) & (when < np.datetime64(cutoff, "ns"))


# --- engagement -----------------------------------------------------------------------------


def _ids(ids, n: int) -> np.ndarray:
    out = np.zeros(n, dtype=bool)
    idx = [i for i in ids if 0 <= i < n]
    out[idx] = True
    return out


def engagement_basis(cols: Columns, scenario: Scenario) -> str:
    """ "measured" when the export says who engages, else "assumed" if a rate was stated, else
    "unknown"."""
    if cols.known.any():
        return "measured"
    return "assumed" if scenario.assumes_engagement else "unknown"


def engagement_probability(cols: Columns, scenario: Scenario, basis: str) -> np.ndarray | None:
    """Per person, the probability of being engaged (1/0 when measured); None when unknown.

    Measured: the `engaged` column (a real person it does not cover counts as not engaged).
    Assumed: the stated rate, or per ICP fit band. People marked "engages with me" are 1 and
    ghost rows 0 in every case.
    """
    if basis == "unknown":
        return None
    if basis == "measured":
        p = cols.engaged.astype(float)
    else:
        p = np.full(cols.n, float(scenario.assumed_rate or 0.0))
        if scenario.band_rates is not None and cols.band is not None:
            for code, rate in zip((STRONG, PARTIAL, OFF), scenario.band_rates, strict=True):
                p[cols.band == code] = rate
    p[_ids(scenario.engaged_ids, cols.n)] = 1.0
    p[~cols.real] = 0.0
    return p


# --- conditions and protections -------------------------------------------------------------


def reference_date(connections: pd.DataFrame) -> pd.Timestamp:
    """ "Today" for the rules: the export's newest date, so a plan does not drift over time."""
    newest = [
        connections[c].max() for c in ("connected_on", "last_interaction") if c in connections
    ]
    newest = [d for d in newest if not pd.isna(d)]
    return pd.Timestamp(max(newest)) if newest else pd.Timestamp("2026-01-01")


def availability(
    cols: Columns, scenario: Scenario, groups: np.ndarray | None = None
) -> dict[str, str]:
    """Conditions that cannot be used now → why (in the user's words). Missing: usable.

    An unusable condition is off (`effective_conditions`): the rule runs on the others, which
    the page shows, and the safe default rule waits whole, so a default plan never treats
    "no data" as "not engaged" or "not a fit".
    """
    out: dict[str, str] = {}
    if cols.band is None:
        reason = "Needs an ICP: define who you want to reach first."
        out["off_profile"] = out["fit_below"] = reason
    if engagement_basis(cols, scenario) == "unknown":
        out["quiet_months"] = ENGAGEMENT_NEEDED
    if np.isnat(cols.connected).all():
        out["older_than_years"] = "Your export has no connection dates."
    if groups is None or len(groups) != cols.n or not scenario.prune_groups:
        out["in_prune_group"] = "Mark groups prune on the clusters page first."
    return out


def _condition(
    cols: Columns,
    key: str,
    rule: Rule,
    basis: str,
    today,
    engaged_ids: np.ndarray,
    groups: np.ndarray | None,
    prune: frozenset[int],
) -> np.ndarray:
    """The people one condition selects (unusable conditions are handled by the caller)."""
    if key == "off_profile":
        return cols.band == OFF
    if key == "fit_below":
        return np.nan_to_num(cols.fit, nan=101.0) < float(rule.fit_below)
    if key == "quiet_months":
        if basis == "assumed":  # nothing is known: anyone not marked as engaging is "quiet"
            return ~engaged_ids
        cutoff = today - pd.DateOffset(months=int(rule.quiet_months))
        # Never interacted (NaT) is quiet too.
        quiet = np.isnat(cols.last) | _before(cols.last, cutoff)
        return quiet & cols.known & ~engaged_ids
    if key == "older_than_years":
        return _before(cols.connected, today - pd.DateOffset(years=int(rule.older_than_years)))
    if key == "in_prune_group":
        return np.isin(np.asarray(groups), sorted(prune))
    raise KeyError(key)


def rule_mask(
    cols: Columns,
    rule: Rule,
    *,
    basis: str,
    today,
    unavailable,
    engaged_ids: np.ndarray,
    groups=None,
    prune=frozenset(),
) -> np.ndarray:
    """Rows matching every condition of `rule` that can apply (`effective_conditions`); none
    when no condition can apply."""
    usable = effective_conditions(rule, unavailable)
    if not usable:
        return np.zeros(cols.n, dtype=bool)
    mask = cols.real.copy()
    for key, _ in usable:
        mask &= _condition(cols, key, rule, basis, today, engaged_ids, groups, prune)
    return mask


def protection_masks(
    cols: Columns, scenario: Scenario, today, engaged_ids: np.ndarray
) -> dict[str, np.ndarray]:
    """Who each protection covers (on or off; the caller applies only those switched on)."""
    strong = cols.band == STRONG if cols.band is not None else np.zeros(cols.n, dtype=bool)
    cutoff = today - pd.DateOffset(months=int(scenario.protections.recent_months))
    recent = ~np.isnat(cols.connected) & ~_before(cols.connected, cutoff)
    return {
        "engaged": cols.engaged | engaged_ids,
        "strong_fit": strong,
        "recent": recent,
        "by_hand": _ids(scenario.protect_ids, cols.n),
    }


_PROTECTION_WORDS = {
    "engaged": (
        "engaged",
        "People you exchange messages with, or marked as engaging with you: "
        "they are the audience pruning is meant to serve.",
    ),
    "strong_fit": ("strong fit", "Your ideal customers: removing them lowers the ICP share."),
    "recent": ("recent", "New connections have not had time to engage yet."),
    "by_hand": ("by hand", "People you chose to keep in the list below."),
}


def _protection_lines(
    scenario: Scenario, masks, real, matched, has_icp, basis, has_dates
) -> tuple[Protection, ...]:
    on = {
        "engaged": scenario.protections.engaged,
        "strong_fit": scenario.protections.strong_fit,
        "recent": scenario.protections.recent,
        "by_hand": scenario.protections.by_hand,
    }
    lines = []
    for key, mask in masks.items():
        label, reason = _PROTECTION_WORDS[key]
        if key == "recent":
            label = f"recent ({scenario.protections.recent_months} months)"
        if key == "strong_fit" and not has_icp:
            reason = "Needs an ICP: with none, nobody is a strong fit yet."
        if key == "engaged" and basis != "measured":
            reason = (
                "Engagement is not measured in this export: only people you mark as "
                "engaging with you are covered."
            )
        if key == "recent" and not has_dates:
            reason = "Your export has no connection dates: nobody can be recognised as recent."
        covered = mask & real
        lines.append(
            Protection(
                key=key,
                label=label,
                on=on[key],
                people=int(covered.sum()),
                kept=int((covered & matched).sum()) if on[key] else 0,
                reason=reason,
            )
        )
    return tuple(lines)


# --- the plan -------------------------------------------------------------------------------


def value_order(cols: Columns, p: np.ndarray | None) -> np.ndarray:
    """Every real row, least valuable first: least engaged, then lowest fit, then oldest."""
    real = np.flatnonzero(cols.real)
    keys = [real, cols.connected.view(np.int64)[real]]
    if cols.fit is not None:
        keys.append(np.nan_to_num(cols.fit[real], nan=0.0))
    if p is not None:
        keys.append(p[real])
    return real[np.lexsort(keys)]


def _reasons(rows: np.ndarray, rules, masks, hand: np.ndarray, unavailable) -> np.ndarray:
    """Why each of `rows` is in the plan ("rule 1: off-profile AND ..."; "your call").

    `rules` are (slot, rule) pairs: a rule keeps the number the page shows it under.
    """
    out = np.full(len(rows), "", dtype=object)
    numbered = len(rules) > 1
    for (slot, rule), mask in zip(rules, masks, strict=True):
        text = (f"rule {slot + 1}: " if numbered else "") + rule.text(unavailable)
        hit = mask[rows]
        out[hit] = np.where(out[hit] == "", text, out[hit] + "; " + text)
    picked = hand[rows]
    out[picked] = "your call (you ticked Remove)"
    return out


def _snapshot(rows: int, people: int, engaged, strong) -> Snapshot:
    return Snapshot(
        connections=int(rows),
        people=int(people),
        engaged=None if engaged is None else float(engaged),
        strong=None if strong is None else int(strong),
    )


@dataclass(frozen=True)
class _Selection:
    order: np.ndarray  # removed rows, least valuable first
    mask: np.ndarray
    ranked: np.ndarray  # every real row, least valuable first
    protected: np.ndarray  # covered by a protection that is on
    matched: np.ndarray
    capped: int
    cap: int


def _select(cols: Columns, scenario: Scenario, masks, cover, p) -> _Selection:
    """Rules → candidates; protections win; your own calls; the cap, least valuable first."""
    n = cols.n
    matched = np.logical_or.reduce(masks) if masks else np.zeros(n, dtype=bool)
    switched = {
        "engaged": scenario.protections.engaged,
        "strong_fit": scenario.protections.strong_fit,
        "recent": scenario.protections.recent,
        "by_hand": scenario.protections.by_hand,
    }
    protected = np.logical_or.reduce(
        [cover[k] for k, on in switched.items() if on] or [np.zeros(n, dtype=bool)]
    )
    hand = _ids(scenario.remove_ids, n) & cols.real & ~_ids(scenario.protect_ids, n)
    ranked = value_order(cols, p)
    in_order = ranked[(matched & ~protected & ~hand)[ranked]]
    cap = math.floor(scenario.max_share * int(cols.real.sum()) + 1e-9)
    chosen = in_order[: max(0, cap - int(hand.sum()))]
    order = np.concatenate([ranked[hand[ranked]], chosen]).astype(int)
    mask = np.zeros(n, dtype=bool)
    mask[order] = True
    return _Selection(
        order=order,
        mask=mask,
        ranked=ranked,
        protected=protected,
        matched=matched,
        capped=len(in_order) - len(chosen),
        cap=cap,
    )


def run(
    connections: pd.DataFrame,
    scenario: Scenario = Scenario(),
    *,
    groups: np.ndarray | None = None,
    today: pd.Timestamp | None = None,
) -> ScenarioResult:
    """The plan a scenario gives on this network, and everything it does.

    `connections` is the connection table, scored (`fit`, `fit_band`) when an ICP exists;
    `groups` the group label of each row when groups were computed. Pure and deterministic:
    the same table, scenario and groups give the same plan everywhere.
    """
    cols = columns(connections)
    today = reference_date(connections) if today is None else pd.Timestamp(today)
    basis = engagement_basis(cols, scenario)
    p = engagement_probability(cols, scenario, basis)
    unavailable = availability(cols, scenario, groups)
    engaged_ids = _ids(scenario.engaged_ids, cols.n)
    rules = [(slot, r) for slot, r in enumerate(scenario.rules) if not r.is_empty]
    masks = [
        rule_mask(
            cols,
            r,
            basis=basis,
            today=today,
            unavailable=unavailable,
            engaged_ids=engaged_ids,
            groups=groups,
            prune=scenario.prune_groups,
        )
        for _, r in rules
    ]
    cover = protection_masks(cols, scenario, today, engaged_ids)
    sel = _select(cols, scenario, masks, cover, p)

    strong = cols.band == STRONG if cols.band is not None else None
    people, removed = int(cols.real.sum()), len(sel.order)
    before = _snapshot(
        cols.n, people, None if p is None else p.sum(), None if strong is None else strong.sum()
    )
    after = _snapshot(
        cols.n - removed,
        people - removed,
        None if p is None else before.engaged - p[sel.mask].sum(),
        None if strong is None else before.strong - strong[sel.mask].sum(),
    )
    rest = sel.ranked[~sel.mask[sel.ranked] & ~sel.protected[sel.ranked]]
    curve = tradeoff_curve(
        np.concatenate([sel.order, rest]).astype(int),
        p,
        strong,
        before,
        scenario,
        marks=(removed, sel.cap, overprune_start(people)),
    )
    days = schedule(removed, scenario.pace)
    has_dates = not np.isnat(cols.connected).all()
    return ScenarioResult(
        scenario=scenario,
        engagement=basis,
        today=today,
        mask=sel.mask,
        order=sel.order,
        reasons=_reasons(sel.order, rules, masks, _ids(scenario.remove_ids, cols.n), unavailable),
        matched=sel.matched,
        protected=cover,
        unavailable=unavailable,
        protections=_protection_lines(
            scenario, cover, cols.real, sel.matched, cols.band is not None, basis, has_dates
        ),
        capped=sel.capped,
        cap=sel.cap,
        before=before,
        after=after,
        reach=_reach(scenario, before, after, basis),
        curve=curve,
        schedule=days,
        weekly=weekly(days),
        composition=composition(cols, p, sel.mask),
    )


def composition(cols: Columns, p: np.ndarray | None, mask: np.ndarray) -> pd.DataFrame:
    """Real people before and after by ICP fit band and engagement (expected when assumed).

    Rows: state ("Before"/"After"), band, engagement ("Engaged", "Not engaged" or "Unknown"),
    people. Ghost rows are left out, as from every share.
    """
    code = cols.band if cols.band is not None else np.full(cols.n, UNSCORED, dtype=np.int8)
    rows = []
    for state, keep in (("Before", cols.real), ("After", cols.real & ~mask)):
        total = np.bincount(code[keep], minlength=4)
        engaged = np.bincount(code[keep], weights=p[keep], minlength=4) if p is not None else None
        for k, band in enumerate(_BANDS):
            if not total[k]:
                continue
            if engaged is None:
                rows.append((state, band, "Unknown", float(total[k])))
            else:
                rows += [
                    (state, band, "Engaged", float(engaged[k])),
                    (state, band, "Not engaged", float(total[k] - engaged[k])),
                ]
    return pd.DataFrame(rows, columns=["state", "band", "engagement", "people"])


def _reach(scenario: Scenario, before: Snapshot, after: Snapshot, basis: str) -> Reach:
    def engaged(s: Snapshot) -> float:
        return s.engaged if s.engaged is not None else DEFAULT_ENGAGED_RATE * s.people

    a, b = scenario.model_a, scenario.model_b
    return Reach(
        a_before=float(a.impressions(before.people, engaged(before))),
        a_after=float(a.impressions(after.people, engaged(after))),
        b_before=float(b.impressions(before.people, engaged(before))),
        b_after=float(b.impressions(after.people, engaged(after))),
        basis=basis if basis != "unknown" else "default assumption",
    )


def tradeoff_curve(
    sequence: np.ndarray,
    p: np.ndarray | None,
    strong: np.ndarray | None,
    before: Snapshot,
    scenario: Scenario,
    marks=(),
    points: int = 200,
) -> pd.DataFrame:
    """Removing people in `sequence` (the plan first, then every other unprotected person,
    least valuable first): one row per step, at most `points` + the marks, with shares and both
    models' impressions. Cumulative sums: 30k people in a few milliseconds.
    """
    m = len(sequence)
    steps = np.linspace(0, m, min(m, points) + 1).round().astype(int)
    steps = np.unique(np.concatenate([steps, [s for s in marks if 0 <= s <= m]])).astype(int)
    size = before.people - steps
    if p is None:
        engaged = DEFAULT_ENGAGED_RATE * size.astype(float)
        share = np.full(len(steps), np.nan)
    else:
        cum = np.concatenate([[0.0], np.cumsum(p[sequence])])
        engaged = before.engaged - cum[steps]
        share = np.divide(engaged, size, out=np.full(len(steps), np.nan), where=size > 0)
    if strong is None:
        icp = np.full(len(steps), np.nan)
    else:
        cum_s = np.concatenate([[0], np.cumsum(strong[sequence])])
        icp = np.divide(
            before.strong - cum_s[steps], size, out=np.full(len(steps), np.nan), where=size > 0
        )
    a, b = scenario.model_a, scenario.model_b
    return pd.DataFrame(
        {
            "removed": steps,
            "removed_share": steps / max(before.people, 1),
            "people": size,
            "engaged_share": share,
            "icp_share": icp,
            "impressions_a": a.impressions(size, engaged),
            "impressions_b": b.impressions(size, engaged),
        }
    )


# --- people search --------------------------------------------------------------------------


def find_people(connections: pd.DataFrame, query: str) -> np.ndarray:
    """Rows (not ghosts) whose name, title or company hold every word of `query` as a whole
    word, accents and case ignored (`core.text.search_mask`: "CTO" finds CTOs, not "Director")."""
    hay = (
        connections["full_name"].astype(str)
        + " "
        + connections["position"].astype(str)
        + " "
        + connections["company"].astype(str)
    )
    return np.flatnonzero(search_mask(hay, query) & ~connections["is_blank"].to_numpy(dtype=bool))
