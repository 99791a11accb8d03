"""The simulator's scenario as flat values: URL query parameters and widget keys, parsed once.

A scenario (rules, protections, cap, assumptions; never personal data) travels in the page's
query parameters, so a copied link reproduces the what-if on the same data; so do the ICP's
criteria (`encode_icp`) and the groups marked prune (`encode_marks`, only to the same data). A URL is text a
stranger can write, so every value is parsed and clamped here, once, before any widget sees it:
`pace=inf` or `1e309` becomes the largest allowed pace, `eng_off=-inf` the smallest rate,
`nan`, junk and unknown keys are ignored. The same keys name the page's widgets, and every
default comes from `core.simulator.Scenario` and the `core.reach` models.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

from core.export import MAX_PER_DAY
from core.icp import ICP, load_icp_file
from core.reach import DEFAULT_ENGAGED_RATE, PARAMETERS, model_values, models
from core.simulator import (
    BAND_RATE_DEFAULTS,
    CONDITION_DEFAULTS,
    RULE_SLOTS,
    Protections,
    Rule,
    Scenario,
)
from core.titles import Corrections

ENG_MODES = ("One rate for everyone", "By ICP fit band")
_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}
_MAX_TEXT = 40  # longer values are not numbers anyone typed


@dataclass(frozen=True)
class Param:
    """One flat value: its key (URL name and widget key), kind, default and allowed range."""

    key: str
    kind: str  # "bool", "int", "float" or "choice"
    default: object
    lo: float = 0.0
    hi: float = 0.0
    choices: tuple[str, ...] = ()


def prefix(slot: int) -> str:
    """Rule 1's keys are bare (fit_below, as older links had them); rules 2, 3: r2_, r3_."""
    return "" if slot == 0 else f"r{slot + 1}_"


def _rule_params(slot: int) -> list[Param]:
    base = Scenario().rules
    rule = base[slot] if slot < len(base) else Rule()
    p, d = prefix(slot), CONDITION_DEFAULTS
    return [
        Param(p + "off", "bool", rule.off_profile),
        Param(p + "fit_on", "bool", rule.fit_below is not None),
        Param(
            p + "fit_below",
            "int",
            int(rule.fit_below if rule.fit_below is not None else d["fit_below"]),
            0,
            100,
        ),
        Param(p + "quiet_on", "bool", rule.quiet_months is not None),
        Param(p + "quiet_months", "int", rule.quiet_months or d["quiet_months"], 1, 120),
        Param(p + "old_on", "bool", rule.older_than_years is not None),
        Param(p + "old_years", "int", rule.older_than_years or d["older_than_years"], 1, 40),
        Param(p + "groups_on", "bool", rule.in_prune_group),
    ]


def _params() -> tuple[Param, ...]:
    s, prot = Scenario(), Protections()
    out = [q for slot in range(RULE_SLOTS) for q in _rule_params(slot)]
    out += [
        Param("prot_engaged", "bool", prot.engaged),
        Param("prot_strong", "bool", prot.strong_fit),
        Param("prot_recent", "bool", prot.recent),
        Param("recent_months", "int", prot.recent_months, 0, 60),
        Param("prot_hand", "bool", prot.by_hand),
        Param("cap", "int", round(s.max_share * 100), 0, 100),
        Param("pace", "int", s.pace, 1, MAX_PER_DAY),
        Param("eng_assume", "bool", s.assumes_engagement),
        Param("eng_mode", "choice", ENG_MODES[0], choices=ENG_MODES),
        Param("eng_rate", "int", round(DEFAULT_ENGAGED_RATE * 100), 0, 100),
    ]
    out += [
        Param(f"eng_{band}", "int", round(rate * 100), 0, 100)
        for band, rate in zip(("strong", "partial", "off"), BAND_RATE_DEFAULTS, strict=True)
    ]
    out += [Param(p.key, "float", p.default, p.lo, p.hi) for p in PARAMETERS]
    return tuple(out)


PARAMS: tuple[Param, ...] = _params()
BY_KEY: dict[str, Param] = {p.key: p for p in PARAMS}
#: Widget key → default value (the page seeds its widgets from these).
DEFAULTS: dict[str, object] = {p.key: p.default for p in PARAMS}


def coerce(param: Param, raw: object) -> object | None:
    """`raw` (URL text or a widget's value) as an allowed value of `param`, or None if unusable.

    Numbers are clamped into range (±inf included, so `1e309` is the maximum); NaN is unusable.
    """
    if param.kind == "bool":
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        return True if text in _TRUE else False if text in _FALSE else None
    if param.kind == "choice":
        return raw if isinstance(raw, str) and raw in param.choices else None
    if isinstance(raw, bool):
        return None
    if isinstance(raw, str):
        if len(raw) > _MAX_TEXT:
            return None
        try:
            raw = float(raw.strip())
        except ValueError:
            return None
    try:
        value = float(raw)
    except (TypeError, ValueError, OverflowError):
        return None
    if math.isnan(value):
        return None
    value = min(max(value, param.lo), param.hi)
    return int(round(value)) if param.kind == "int" else value


def parse(query: Mapping[str, object]) -> dict[str, object]:
    """The scenario values a URL's query parameters hold, parsed and clamped; junk is dropped.

    A repeated key (a list) counts by its last value, as Streamlit reads it.
    """
    out = {}
    for key, raw in query.items():
        param = BY_KEY.get(key)
        if param is None:
            continue
        if isinstance(raw, list | tuple):
            if not raw:
                continue
            raw = raw[-1]
        value = coerce(param, raw)
        if value is not None:
            out[key] = value
    return out


def complete(values: Mapping[str, object]) -> dict[str, object]:
    """Every key, from `values` where usable and the defaults otherwise."""
    out = dict(DEFAULTS)
    out.update(parse(values))
    return out


def url_query(values: Mapping[str, object]) -> dict[str, str]:
    """The values that differ from the defaults, as query-parameter text (short links)."""
    out = {}
    for key, value in complete(values).items():
        if value == DEFAULTS[key]:
            continue
        kind = BY_KEY[key].kind
        out[key] = (
            ("true" if value else "false")
            if kind == "bool"
            else (f"{value:.6g}" if kind == "float" else str(value))
        )
    return out


def _rule(v: Mapping[str, object], slot: int) -> Rule:
    p = prefix(slot)
    return Rule(
        off_profile=bool(v[p + "off"]),
        fit_below=float(v[p + "fit_below"]) if v[p + "fit_on"] else None,
        quiet_months=int(v[p + "quiet_months"]) if v[p + "quiet_on"] else None,
        older_than_years=int(v[p + "old_years"]) if v[p + "old_on"] else None,
        in_prune_group=bool(v[p + "groups_on"]),
    )


def to_scenario(
    values: Mapping[str, object], *, remove_ids=(), protect_ids=(), engaged_ids=(), prune_groups=()
) -> Scenario:
    """The Scenario these values (URL or widgets) and the person's picks describe."""
    v = complete(values)
    assume = bool(v["eng_assume"])
    by_band = assume and v["eng_mode"] == ENG_MODES[1]
    a, b = models({p.key: v[p.key] for p in PARAMETERS})
    rules = [_rule(v, slot) for slot in range(RULE_SLOTS)]
    while rules and rules[-1].is_empty:  # trailing empty slots: the same plan, a shorter key
        rules.pop()
    return Scenario(
        rules=tuple(rules),
        protections=Protections(
            engaged=bool(v["prot_engaged"]),
            strong_fit=bool(v["prot_strong"]),
            recent=bool(v["prot_recent"]),
            recent_months=int(v["recent_months"]),
            by_hand=bool(v["prot_hand"]),
        ),
        max_share=int(v["cap"]) / 100,
        assumed_rate=int(v["eng_rate"]) / 100 if assume else None,
        band_rates=tuple(int(v[f"eng_{b}"]) / 100 for b in ("strong", "partial", "off"))
        if by_band
        else None,
        pace=int(v["pace"]),
        model_a=a,
        model_b=b,
        remove_ids=frozenset(int(i) for i in remove_ids),
        protect_ids=frozenset(int(i) for i in protect_ids),
        engaged_ids=frozenset(int(i) for i in engaged_ids),
        prune_groups=frozenset(int(g) for g in prune_groups),
    )


def values_of(scenario: Scenario) -> dict[str, object]:
    """The flat values of a scenario (inverse of `to_scenario`, picks aside)."""
    v = dict(DEFAULTS)
    rules = list(scenario.rules) + [Rule()] * (RULE_SLOTS - len(scenario.rules))
    for slot, rule in enumerate(rules[:RULE_SLOTS]):
        p = prefix(slot)
        v[p + "off"] = rule.off_profile
        v[p + "fit_on"] = rule.fit_below is not None
        v[p + "quiet_on"] = rule.quiet_months is not None
        v[p + "old_on"] = rule.older_than_years is not None
        v[p + "groups_on"] = rule.in_prune_group
        if rule.fit_below is not None:
            v[p + "fit_below"] = int(rule.fit_below)
        if rule.quiet_months is not None:
            v[p + "quiet_months"] = rule.quiet_months
        if rule.older_than_years is not None:
            v[p + "old_years"] = rule.older_than_years
    prot = scenario.protections
    v.update(
        prot_engaged=prot.engaged,
        prot_strong=prot.strong_fit,
        prot_recent=prot.recent,
        recent_months=prot.recent_months,
        prot_hand=prot.by_hand,
        cap=round(scenario.max_share * 100),
        pace=scenario.pace,
        eng_assume=scenario.assumes_engagement,
    )
    if scenario.assumed_rate is not None:
        v["eng_rate"] = round(scenario.assumed_rate * 100)
    if scenario.band_rates is not None:
        v["eng_mode"] = ENG_MODES[1]
        for band, rate in zip(("strong", "partial", "off"), scenario.band_rates, strict=True):
            v[f"eng_{band}"] = round(rate * 100)
    v.update(model_values(scenario.model_a, scenario.model_b))
    return v


# --- what else a link carries: the ICP's criteria and the groups marked prune -----------------

#: Query parameter holding the ICP: base64url of its compact JSON (criteria only).
ICP_KEY = "icp"
#: Query parameter holding the groups marked prune, with the grouping they belong to.
MARKS_KEY = "prune"
#: The longest encoded ICP a link carries (a preset takes about 700 characters; an ICP with
#: dozens of long keywords is left out and the page says so).
MAX_ICP_PARAM = 4_000
MAX_MARKED = 100  # groups marked prune a link carries
METHODS = ("lexical", "semantic")
_B64 = re.compile(r"[A-Za-z0-9_-]+={0,2}")
_MARKS = re.compile(
    r"([0-9a-f]{12})\.([a-z]{1,12})\.(auto|[0-9]{1,3})\.([0-9]{1,3}(?:-[0-9]{1,3})*)"
)


def encode_icp(icp: ICP) -> str | None:
    """The ICP as link text, or None when it is too long for a link (`MAX_ICP_PARAM`).

    The saved-file format (`ICP.to_json`) without title corrections: criteria, never a
    person, so a link holds no personal data and loads through the file's own checks.
    """
    data = json.loads(icp.to_json())
    data.pop("corrections", None)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    out = base64.urlsafe_b64encode(text.encode("utf-8")).decode("ascii").rstrip("=")
    return out if len(out) <= MAX_ICP_PARAM else None


def decode_icp(text: object) -> ICP:
    """The ICP a link carries, checked as an uploaded ICP file is (`core.icp.load_icp_file`).

    A link is text a stranger can write: size and alphabet are checked before decoding, and any
    corrections smuggled in are ignored (a link carries criteria only). ValueError otherwise.
    """
    if not isinstance(text, str) or not 0 < len(text) <= MAX_ICP_PARAM or not _B64.fullmatch(text):
        raise ValueError("not an ICP made by this app")
    body = text.rstrip("=")
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (ValueError, binascii.Error) as exc:
        raise ValueError("not an ICP made by this app") from exc
    return load_icp_file(raw)[0]


@dataclass(frozen=True)
class LinkMarks:
    """Groups marked prune, as a link carries them: ids are only meaningful for the grouping
    they were made on, so the link names that grouping (`basis`, `method`, `k`)."""

    basis: str  # `marks_basis` of the network and corrections the groups were computed from
    method: str
    k: int | None
    groups: tuple[int, ...]


def marks_basis(fingerprint: str, corrections: Corrections) -> str:
    """A short checksum of what group ids depend on besides method and k: the data and the
    title corrections (one-way: the link does not reveal either)."""
    text = repr((fingerprint, tuple(corrections)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def encode_marks(marks: LinkMarks) -> str | None:
    """Link text for the marks, or None when there is nothing to carry."""
    groups = sorted(set(marks.groups))[:MAX_MARKED]
    if not groups or marks.method not in METHODS:
        return None
    k = "auto" if marks.k is None else str(marks.k)
    return f"{marks.basis}.{marks.method}.{k}.{'-'.join(str(g) for g in groups)}"


def decode_marks(text: object) -> LinkMarks | None:
    """The marks in a link, or None when the text is not marks this app wrote."""
    if not isinstance(text, str) or len(text) > 600:
        return None
    m = _MARKS.fullmatch(text)
    if not m or m.group(2) not in METHODS:
        return None
    groups = tuple(sorted({int(g) for g in m.group(4).split("-")}))
    if len(groups) > MAX_MARKED:
        return None
    k = None if m.group(3) == "auto" else int(m.group(3))
    return LinkMarks(basis=m.group(1), method=m.group(2), k=k, groups=groups)
