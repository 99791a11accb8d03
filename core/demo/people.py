"""The people of a demo network: when they connected, their function, level, employer, name and
job title, before the quirks of real exports are added (see network.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

import numpy as np

from .catalogue import Catalogue, Level, Persona, Role
from .draws import band, pick, rows

# --- the growth curve -------------------------------------------------------------------------
#: Connections per day at the start of the window, relative to the growth term.
BASE_RATE = 0.12
#: Recent growth: rate += GROWTH_SCALE * (share of the window gone) ** GROWTH_EXPONENT.
GROWTH_SCALE = 3.2
GROWTH_EXPONENT = 1.8
#: A burst early in the window is this fraction of the same burst at its end.
EARLY_BURST_FACTOR = 0.3

# --- companies --------------------------------------------------------------------------------
#: Fictional companies per sector: one per this many connections, within the bounds below.
PEOPLE_PER_COMPANY = 12
MIN_COMPANIES, MAX_COMPANIES = 12, 2400
#: Zipf-like employer sizes: weight of the k-th company = 1 / (k + ZIPF_OFFSET) ** ZIPF_EXPONENT,
#: so colleagues cluster at a few employers and most employers appear once or twice.
ZIPF_OFFSET, ZIPF_EXPONENT = 3, 0.8
#: Each big real employer weighs this fraction of the most common fictional one.
BIG_EMPLOYER_WEIGHT = 0.6

# --- names ------------------------------------------------------------------------------------
#: Share of people whose last name comes from another culture than their first name.
MIXED_NAME_SHARE = 0.1

# --- titles -----------------------------------------------------------------------------------
#: How a title is worded, instead of the ladder: a non-English title (about 5% in real
#: networks), an abbreviation or odd title from the function's `extra` list.
TITLE_KINDS = (("foreign", 0.06), ("abbreviation", 0.11))
#: What follows a ladder title: a specialisation ("AE, Enterprise") or a region ("AE, Nordics").
SUFFIXES = (("spec", 0.24), ("region", 0.10))
NO_SPEC_LEVELS = frozenset(("clevel", "owner"))
NO_REGION_LEVELS = frozenset(("clevel", "owner", "intern"))
#: Headline habits in the Position column: "AE @ Brightpath | SaaS", "AE at Brightpath",
#: "AE | SaaS", an emoji in front, or a short title in capitals.
DECORATIONS = (
    ("at_company_tag", 0.055),
    ("at_company", 0.03),
    ("tag", 0.015),
    ("emoji", 0.007),
    ("shout", 0.005),
)
SHOUT_MAX_LENGTH = 25  # only short titles are written in capitals


@dataclass
class People:
    """One column per field, one row per connection, newest connection first."""

    first: list[str]
    last: list[str]
    company: list[str]
    position: list[str]
    function: list[str]
    level: list[str]
    propensity: np.ndarray  # base chance to be in the owner's messages
    day: list[date] = field(default_factory=list)
    url: list[str] = field(default_factory=list)
    email: list[str] = field(default_factory=list)
    ghost: list[bool] = field(default_factory=list)


class TitleDraws(NamedTuple):
    """The uniform draws that write one person's job title."""

    kind: float  # ladder, non-English or abbreviation (TITLE_KINDS)
    wording: float  # which ladder form, own, foreign or extra title
    ic: float
    noun: float
    chief: float
    suffix: float  # specialisation, region or nothing (SUFFIXES)
    separator: float
    spec: float
    region: float
    with_company: float  # an own title written with the company
    decoration: float  # DECORATIONS
    tag: float
    emoji: float


def connection_days(rng: np.random.Generator, n: int, cat: Catalogue) -> np.ndarray:
    """Days after the start of the window, newest first: a slow start, bursts, recent growth."""
    days = cat.years * 365
    t = np.arange(days)
    elapsed = t / days
    rate = BASE_RATE + elapsed**GROWTH_EXPONENT * GROWTH_SCALE
    for day, width, height in cat.bursts:
        bump = np.exp(-0.5 * ((t - day) / width) ** 2)
        rate += height * bump * (EARLY_BURST_FACTOR + elapsed)
    return np.sort(rng.choice(days, size=n, p=rate / rate.sum()))[::-1]


def _company_pool(
    rng: np.random.Generator, n: int, sector: str, cat: Catalogue
) -> tuple[list[str], np.ndarray]:
    """A sector's fictional companies plus its big real employers, with Zipf-like weights."""
    size = min(MAX_COMPANIES, max(MIN_COMPANIES, n // PEOPLE_PER_COMPANY))
    kinds = cat.sectors[sector].kinds
    prefix = rng.integers(0, len(cat.prefixes), size).tolist()
    suffix = rng.integers(0, len(cat.suffixes), size).tolist()
    kind = rng.integers(0, len(kinds), size).tolist()
    made = [
        f"{cat.prefixes[a]}{cat.suffixes[b]} {kinds[c]}"
        for a, b, c in zip(prefix, suffix, kind, strict=True)
    ]
    big = list(cat.sectors[sector].big)
    pool = list(dict.fromkeys(made)) + big
    w = 1.0 / np.arange(ZIPF_OFFSET, len(pool) + ZIPF_OFFSET) ** ZIPF_EXPONENT
    if big:
        w[-len(big) :] = w[0] * BIG_EMPLOYER_WEIGHT  # big employers are among the common ones
    return pool, w / w.sum()


def _companies(
    rng: np.random.Generator, sector: np.ndarray, founder: np.ndarray, cat: Catalogue
) -> np.ndarray:
    """Each person's employer, drawn from their sector's pool (founders: a fictional one)."""
    n = len(sector)
    company = np.empty(n, dtype=object)
    for name in cat.sectors:
        pool, p = _company_pool(rng, n, name, cat)
        members = np.flatnonzero(sector == name)
        company[members] = np.asarray(pool, dtype=object)[rng.choice(len(pool), len(members), p=p)]
        fictional = len(pool) - len(cat.sectors[name].big)
        own = members[founder[members]]
        company[own] = np.asarray(pool, dtype=object)[rng.integers(0, fictional, len(own))]
    return company


def _place_colleagues(
    rng: np.random.Generator,
    company: np.ndarray,
    sector: np.ndarray,
    days: np.ndarray,
    persona: Persona,
) -> None:
    """The owner's colleagues: people met during a job work at that employer (in place)."""
    colleague_draw = rng.random(len(company))
    for c in persona.colleagues:
        during = (days >= c.days[0]) & (days <= c.days[1])
        company[during & (sector == c.sector) & (colleague_draw < c.share)] = c.employer


def _names(rng: np.random.Generator, n: int, cat: Catalogue) -> tuple[list[str], list[str]]:
    """A culture per person, then a first and last name from it (a few mixed)."""
    weights = np.array([c.weight for c in cat.cultures])
    p = weights / weights.sum()
    culture = rng.choice(len(cat.cultures), size=n, p=p)
    other_culture = rng.choice(len(cat.cultures), size=n, p=p)
    mixed = rng.random(n) < MIXED_NAME_SHARE
    last_culture = np.where(mixed, other_culture, culture)
    first = np.empty(n, dtype=object)
    last = np.empty(n, dtype=object)
    for k, c in enumerate(cat.cultures):
        m = culture == k
        first[m] = np.asarray(c.first, dtype=object)[rng.integers(0, len(c.first), m.sum())]
        m = last_culture == k
        last[m] = np.asarray(c.last, dtype=object)[rng.integers(0, len(c.last), m.sum())]
    return first.tolist(), last.tolist()


def _with_suffix(title: str, role: Role, level: str, d: TitleDraws, cat: Catalogue) -> str:
    """A specialisation or region after a ladder title, where the level takes one."""
    kind = band(d.suffix, SUFFIXES)
    if kind == "spec" and (not role.spec or level in NO_SPEC_LEVELS):
        kind = "region"  # a function without specialisations names its region instead
    if kind == "spec":
        sep, spec = pick(cat.separators, d.separator), pick(role.spec, d.spec)
        return f"{title} ({spec})" if sep == " (" else f"{title}{sep}{spec}"
    if kind == "region" and level not in NO_REGION_LEVELS:
        return f"{title}, {pick(cat.regions, d.region)}"
    return title


def _job_title(role: Role, level: Level, d: TitleDraws, cat: Catalogue) -> str:
    """The title without decoration: non-English, an abbreviation, or the ladder's wording."""
    kind = band(d.kind, TITLE_KINDS)
    if kind == "foreign" and role.foreign:
        return pick(role.foreign, d.wording)
    if kind == "abbreviation" and role.extra:
        return pick(role.extra, d.wording)
    form = pick(level.forms, d.wording)
    nouns, ics = role.noun or role.ic, role.ic or role.noun
    chief = pick(role.chief, d.chief) if role.chief else f"Head of {nouns[0]}"
    title = form.format(ic=pick(ics, d.ic), noun=pick(nouns, d.noun), chief=chief)
    return _with_suffix(title, role, level.name, d, cat)


def _decorated(title: str, role: Role, company: str, d: TitleDraws, cat: Catalogue) -> str:
    """Headline habits some people bring into the Position column."""
    style = band(d.decoration, DECORATIONS)
    tag = pick(role.tags, d.tag)
    if style == "at_company_tag":
        return f"{title} @ {company} | {tag}"
    if style == "at_company":
        return f"{title} at {company}"
    if style == "tag":
        return f"{title} | {tag}"
    if style == "emoji":
        return f"{pick(cat.emoji, d.emoji)} {title}"
    if style == "shout" and len(title) < SHOUT_MAX_LENGTH:
        return title.upper()
    return title


def job_title(role: Role, level: Level, company: str, d: TitleDraws, cat: Catalogue) -> str:
    """One job title as people write it in the Position column."""
    if role.own:
        title = pick(role.own, d.wording)
        if d.with_company < role.with_company:
            return role.company_form.format(title=title, company=company)
        return _decorated(title, role, company, d, cat)
    return _decorated(_job_title(role, level, d, cat), role, company, d, cat)


def _roles_and_levels(
    rng: np.random.Generator, n: int, persona: Persona, cat: Catalogue
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each person's function (weighted by the persona's mix), level and sector."""
    w = np.array([r.weight * persona.mix.get(r.name, 1.0) for r in cat.roles])
    role_idx = rng.choice(len(cat.roles), size=n, p=w / w.sum())
    level_idx = np.zeros(n, dtype=int)
    sector = np.empty(n, dtype=object)
    for k, role in enumerate(cat.roles):
        members = np.flatnonzero(role_idx == k)
        level_idx[members] = rng.choice(len(cat.levels), size=len(members), p=role.level_p)
        sector[members] = rng.choice(role.sectors, size=len(members), p=role.sector_p)
    return role_idx, level_idx, sector


def draw_people(n: int, seed: int, days: np.ndarray, persona: Persona, cat: Catalogue) -> People:
    """Names, employers, titles, function and engagement propensity of n people (no quirks).

    `days` (connection day offsets, newest first) places the owner's colleagues at their
    employer for the time the owner worked there.
    """
    rng = np.random.default_rng(seed)
    role_idx, level_idx, sector = _roles_and_levels(rng, n, persona, cat)
    founder = np.array([r.own_company for r in cat.roles])[role_idx]
    company = _companies(rng, sector, founder, cat)
    _place_colleagues(rng, company, sector, days, persona)
    first, last = _names(rng, n, cat)
    roles, levels, companies = role_idx.tolist(), level_idx.tolist(), company.tolist()
    role_names, level_names = cat.role_names, cat.level_names
    positions = [
        job_title(cat.roles[r], cat.levels[lv], c, d, cat)
        for r, lv, c, d in zip(roles, levels, companies, rows(TitleDraws, rng, n), strict=True)
    ]
    by_role = [r.propensity * persona.engagement.get(r.name, 1.0) for r in cat.roles]
    by_level = [lv.engagement for lv in cat.levels]
    propensity = np.array(by_role)[role_idx] * np.array(by_level)[level_idx]
    return People(
        first=first,
        last=last,
        company=companies,
        position=positions,
        function=[role_names[k] for k in roles],
        level=[level_names[k] for k in levels],
        propensity=propensity,
    )
