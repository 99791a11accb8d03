"""The plan in words: the sentence a coach reads out, warnings, headline numbers, assumptions.

Written from a `core.simulator.ScenarioResult` only, so the simulator page and the take-home
report say the same thing in the same format (core/format.py: 2,431 · 18.4% · +1.2 pts).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.format import count, day, pct
from core.reach import DEFAULT_ENGAGED_RATE, ENGAGED_RATE_SOURCE, PARAMETERS, model_values
from core.schema import CONNECTION_CAP
from core.simulator import (
    ENGAGEMENT_NEEDED,
    OVERPRUNE_SHARE,
    SAFE_RULE,
    ScenarioResult,
    effective_conditions,
)

#: Why over-pruning is a risk, with its source.
RESTRICTED_DISCOVERY = (
    'The guide this app started from (ConnectSafely, "How to Remove Connections on LinkedIn in '
    '2026") warns that over-pruning restricts discovery: with fewer connections fewer people '
    "see your posts, and fewer paths lead new people to you."
)
#: Where the pace advice comes from.
PACE_SOURCE = (
    "LinkedIn publishes no limit for removals; the usual advice is 10 to 20 a day, "
    "and many in one session may trigger its automated checks (seed guide)."
)


@dataclass(frozen=True)
class Assumption:
    """One assumption the numbers rest on, as a person reads it."""

    name: str
    value: str
    source: str


@dataclass(frozen=True)
class Metric:
    """A headline number as the page shows it; `note` says what it rests on ("assumed")."""

    label: str
    value: str
    delta: str | None
    help: str
    note: str | None = None


def plan_sentence(result: ScenarioResult) -> str:
    """The plan as one paragraph a coach could read out."""
    s = result.scenario
    what = rules_sentence(result)
    kept = [
        _PROTECTION_PHRASES[p.key].format(months=s.protections.recent_months)
        for p in result.protections
        if p.on
    ]
    never = (
        " Never removed: " + _join(kept) + "."
        if kept
        else " No protection is on: every person a rule matches can be removed."
    )
    cap = (
        f" At most {pct(s.max_share, 0)} of your network ({count(result.cap)} people), "
        "least valuable first."
        if s.max_share < 1
        else ""
    )
    hand = len([i for i in s.remove_ids if 0 <= i < len(result.mask) and result.mask[i]])
    picked = f" Plus {count(hand)} you picked by hand." if hand else ""
    assumed = ""
    if result.engagement == "assumed" and any(
        k == "quiet_months" for r in s.rules for k, _ in effective_conditions(r, result.unavailable)
    ):
        assumed = (
            ' Engagement is assumed: your export has no messages, so "no message" '
            "means anyone you did not mark as engaging with you."
        )
    return what + never + cap + picked + assumed


def rules_sentence(result: ScenarioResult) -> str:
    """What the rules remove, and, for each rule, the conditions that cannot apply yet: such a
    condition is off (its switch shows off), so the words never claim what the switches deny."""
    missing = result.unavailable
    rules = [(slot, r) for slot, r in enumerate(result.scenario.rules) if not r.is_empty]
    usable = [r for _, r in rules if effective_conditions(r, missing)]
    if usable:
        what = "Remove people " + " OR people ".join(r.text(missing) for r in usable) + "."
    elif rules:
        what = "No rule can remove anyone yet."
    else:
        what = "No rule is on, so no rule removes anyone."
    for slot, r in rules:
        left_out = [(k, w) for k, w in r.conditions() if k in missing]
        if not left_out:
            continue
        reason = missing[left_out[0][0]]
        if not effective_conditions(r, missing):
            what += (
                f" Rule {slot + 1} selects nobody for now: "
                + (
                    "it is the safe default (off-profile AND quiet) and needs both. "
                    "Switch on a condition you can use to shape your own rule. "
                    if r == SAFE_RULE and len(left_out) < len(r.conditions())
                    else "none of its conditions can apply yet. "
                )
                + reason
            )
        else:
            words = " and ".join(f"“{w}”" for _, w in left_out)
            what += f" Rule {slot + 1} runs without {words} for now: {reason}"
    return what


_PROTECTION_PHRASES = {
    "engaged": "anyone engaged",
    "strong_fit": "strong fits",
    "recent": "people connected in the last {months} months",
    "by_hand": "people you protected",
}


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def plan_warnings(result: ScenarioResult) -> list[tuple[str, str]]:
    """(level, words): over-pruning (with its source) and an empty network are warnings; people
    left out by the cap are information."""
    out = []
    if result.before.people and result.after.people == 0:
        out.append(
            ("warning", "This plan removes everyone: there would be no network left to reach.")
        )
    if result.over_pruning:
        why = []
        if result.removed_share > OVERPRUNE_SHARE:
            why.append(
                f"it removes {pct(result.removed_share)} of your network (more than "
                f"{pct(OVERPRUNE_SHARE, 0)})"
            )
        if result.before.strong is not None and (result.after.strong or 0) < result.before.strong:
            lost = result.before.strong - (result.after.strong or 0)
            why.append(f"it removes {count(lost)} strong fit(s)")
        out.append(("warning", "Over-pruning: " + " and ".join(why) + ". " + RESTRICTED_DISCOVERY))
    if result.capped:
        out.append(
            (
                "info",
                f"{count(result.capped)} more people match your rules but are left "
                f"out by the {pct(result.scenario.max_share, 0)} cap.",
            )
        )
    return out


def _pts(after: float | None, before: float | None) -> str | None:
    if after is None or before is None or after == before:
        return None
    return f"{(after - before) * 100:+.1f} pts"


def _change(after: float, before: float) -> str | None:
    return f"{(after / before - 1) * 100:+.1f}%" if before and after != before else None


def headline(result: ScenarioResult) -> list[Metric]:
    """The five headline numbers, formatted once for the page and the report."""
    b, a, r = result.before, result.after, result.reach
    tag = result.engagement
    engaged = Metric(
        "Engaged share",
        pct(a.engaged_share) if tag != "unknown" else "unknown",
        (_pts(a.engaged_share, b.engaged_share) or "no change") if tag != "unknown" else None,
        f"Engaged people / real people ({tag}). Before: {pct(b.engaged_share)}."
        if tag != "unknown"
        else ENGAGEMENT_NEEDED,
        note=tag if tag != "unknown" else None,
    )
    icp = Metric(
        "ICP share",
        pct(a.icp_share) if b.strong is not None else "no ICP",
        _pts(a.icp_share, b.icp_share),
        f"Strong fits / real people. Before: {pct(b.icp_share)} ({count(b.strong)} strong fits)."
        if b.strong is not None
        else "Define an ICP to see this.",
    )
    basis = f" Engaged share behind it: {r.basis}."
    note = {"measured": None, "assumed": "engagement assumed"}.get(
        r.basis, f"placeholder: {pct(DEFAULT_ENGAGED_RATE, 0)} engaged until you state a rate"
    )
    return [
        Metric(
            "Connections",
            count(a.connections),
            f"-{count(result.removed)}" if result.removed else None,
            f"Every row, ghost rows included. Headroom under LinkedIn's "
            f"{count(CONNECTION_CAP)} cap: {count(b.headroom)} now, {count(a.headroom)} "
            "after.",
        ),
        engaged,
        icp,
        Metric(
            "Reach, model A",
            count(r.a_after),
            _change(r.a_after, r.a_before),
            "Impressions per post if each viewer's feed is ranked by affinity to you: "
            "removing people can only lower it." + basis,
            note,
        ),
        Metric(
            "Reach, model B",
            count(r.b_after),
            _change(r.b_after, r.b_before),
            "Impressions per post if a test audience decides how far a post spreads (a "
            "hypothesis LinkedIn does not document)." + basis,
            note,
        ),
    ]


def before_after(result: ScenarioResult) -> list[tuple[str, str, str, str]]:
    """(measure, before, after, change) rows, formatted as the page formats its metrics."""
    b, a, r, tag = result.before, result.after, result.reach, result.engagement
    known = tag != "unknown"
    projected = {"measured": "projected", "assumed": "projected, engagement assumed"}.get(
        r.basis, f"projected, assumes {pct(DEFAULT_ENGAGED_RATE, 0)} engaged"
    )
    rows = [
        (
            "Connections (ghost rows included)",
            count(b.connections),
            count(a.connections),
            f"-{count(result.removed)}",
        ),
        ("Real people", count(b.people), count(a.people), f"-{count(result.removed)}"),
        (
            f"Engaged share ({tag})",
            pct(b.engaged_share) if known else "unknown",
            pct(a.engaged_share) if known else "unknown",
            (_pts(a.engaged_share, b.engaged_share) or "no change") if known else "–",
        ),
        (
            "ICP share (strong fits)",
            pct(b.icp_share) if b.strong is not None else "no ICP",
            pct(a.icp_share) if b.strong is not None else "no ICP",
            _pts(a.icp_share, b.icp_share) or "–",
        ),
        (
            f"Reach per post, model A ({projected})",
            count(r.a_before),
            count(r.a_after),
            _change(r.a_after, r.a_before) or "–",
        ),
        (
            f"Reach per post, model B ({projected})",
            count(r.b_before),
            count(r.b_after),
            _change(r.b_after, r.b_before) or "–",
        ),
    ]
    return rows


def engagement_words(result: ScenarioResult) -> str:
    """One sentence on where the engaged numbers come from, written from the data."""
    b = result.before
    if result.engagement == "measured":
        return (
            f"Engagement is measured from your messages: {count(b.engaged)} of "
            f"{count(b.people)} people ({pct(b.engaged_share)})."
        )
    if result.engagement == "assumed":
        return (
            "Engagement is assumed (your estimate): every engaged number is an expected "
            "value, not a count."
        )
    return (
        "Engagement is unknown (no messages in this export): shares of engaged people are "
        f"not shown, and reach assumes {pct(DEFAULT_ENGAGED_RATE, 0)} engage."
    )


def ghost_words(result: ScenarioResult) -> str:
    ghosts = result.before.connections - result.before.people
    if not ghosts:
        return "Shares count real people."
    return (
        f"Shares count real people only: the {count(ghosts)} ghost rows (deleted or hidden "
        "accounts) count towards LinkedIn's cap but cannot see, engage or be removed."
    )


def assumptions(result: ScenarioResult) -> list[Assumption]:
    """Every assumption the numbers rest on: human name, value and source."""
    s, b = result.scenario, result.before
    out = []
    if result.engagement == "measured":
        out.append(
            Assumption(
                "Engagement",
                f"measured: {count(b.engaged)} of {count(b.people)} "
                f"people ({pct(b.engaged_share)})",
                "Your export's messages: people you exchanged messages with.",
            )
        )
    elif result.engagement == "assumed":
        value = (
            f"strong fit {pct(s.band_rates[0], 0)}, partial {pct(s.band_rates[1], 0)}, "
            f"off-profile {pct(s.band_rates[2], 0)}"
            if s.band_rates is not None
            else f"{pct(s.assumed_rate, 0)} of everyone"
        )
        out.append(
            Assumption("Assumed engagement rate", value, "Your estimate. " + ENGAGED_RATE_SOURCE)
        )
    else:
        out.append(
            Assumption(
                "Engaged share used for reach",
                f"{pct(DEFAULT_ENGAGED_RATE, 0)} (default)",
                ENGAGED_RATE_SOURCE,
            )
        )
    out.append(
        Assumption(
            "Today, for the rules",
            day(result.today),
            "The newest date in your export, so the plan does not drift.",
        )
    )
    out.append(Assumption("Removals per day", count(s.pace), PACE_SOURCE))
    values = model_values(s.model_a, s.model_b)
    for prm in PARAMETERS:
        out.append(
            Assumption(f"Model {prm.model}: {prm.name}", prm.format(values[prm.key]), prm.source)
        )
    return out


def person_status(result: ScenarioResult, rows: np.ndarray) -> list[str]:
    """For the people list: what the plan does with each of `rows`, and why, in one phrase."""
    pos = {int(r): k for k, r in enumerate(result.order)}
    s = result.scenario
    on = {p.key: p.on for p in result.protections}
    words = {p.key: p.label for p in result.protections}
    out = []
    for i in np.asarray(rows, dtype=int):
        if result.mask[i]:
            out.append("Removed: " + str(result.reasons[pos[i]]))
            continue
        if i in s.protect_ids and on["by_hand"]:
            out.append("Kept: you protected them")
            continue
        by = [words[k] for k, m in result.protected.items() if on[k] and m[i] and k != "by_hand"]
        if by:
            out.append(
                ("Matches a rule, kept: " if result.matched[i] else "Protected: ") + ", ".join(by)
            )
        elif result.matched[i]:
            out.append(f"Matches a rule, beyond the {pct(s.max_share, 0)} cap")
        else:
            out.append("Not in the plan")
    return out
