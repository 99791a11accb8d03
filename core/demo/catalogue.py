"""The demo's catalogue (core/data/demo_catalogue.toml) as typed, validated, frozen data.

The words live in a data file so they read as lists, not code; this module only checks them and
turns them into dataclasses the generator draws from. A malformed catalogue fails here, naming
the entry, rather than as an odd title in the demo.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np

CATALOGUE_PATH = Path(__file__).resolve().parents[1] / "data" / "demo_catalogue.toml"


@dataclass(frozen=True)
class Culture:
    """Common first and last names of one culture; `weight` is its share of the network."""

    name: str
    weight: float
    first: tuple[str, ...]
    last: tuple[str, ...]


@dataclass(frozen=True)
class Sector:
    """Where people work: words that end a fictional company's name, and big real employers."""

    name: str
    kinds: tuple[str, ...]
    big: tuple[str, ...]


@dataclass(frozen=True)
class Level:
    """One rung of the seniority ladder and how a title at that rung is written."""

    name: str
    weight: float
    engagement: float  # multiplies a function's propensity to be in the owner's messages
    forms: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    """One function of the network: how common, where its people work, how they write titles.

    `level_p` and `sector_p` are the normalised weights the generator draws with (aligned to
    the catalogue's levels and to `sectors`).
    """

    name: str
    weight: float
    propensity: float
    sectors: tuple[str, ...]
    sector_p: tuple[float, ...]
    level_p: tuple[float, ...]
    ic: tuple[str, ...] = ()
    noun: tuple[str, ...] = ()
    chief: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()
    foreign: tuple[str, ...] = ()
    spec: tuple[str, ...] = ()
    tags: tuple[str, ...] = ("B2B",)
    own: tuple[str, ...] = ()
    with_company: float = 0.0  # share of `own` titles written with the company
    company_form: str = "{title} at {company}"
    own_company: bool = False  # runs their own (fictional) company, never a big employer


@dataclass(frozen=True)
class Position:
    """One row of the owner's Positions.csv."""

    company: str
    title: str
    description: str = ""
    started: str = ""
    finished: str = ""


@dataclass(frozen=True)
class Colleagues:
    """Connections made within `days` (offsets into the growth window) in `sector` work at
    `employer` with probability `share`: the owner's colleagues at a job."""

    employer: str
    sector: str
    days: tuple[int, int]
    share: float


@dataclass(frozen=True)
class Persona:
    """Whose network a demo is: the owner, the mix of people, the ICP preset that fits."""

    key: str
    label: str
    preset: str
    url: str
    company: str
    profile: dict[str, str]  # the owner's Profile.csv row, by column name
    positions: tuple[Position, ...]
    mix: dict[str, float]  # function name -> weight multiplier
    colleagues: tuple[Colleagues, ...]
    engagement: dict[str, float]  # function name -> propensity multiplier (whom they talk to)
    lines_in: tuple[str, ...] = ()  # message lines written to this owner only
    lines_out: tuple[str, ...] = ()  # message lines only this owner writes
    notes_in: tuple[str, ...] = ()  # invitation notes to this owner
    notes_out: tuple[str, ...] = ()  # this owner's invitation notes

    @property
    def first_name(self) -> str:
        return self.profile["First Name"]

    @property
    def full_name(self) -> str:
        return f"{self.profile['First Name']} {self.profile['Last Name']}"


@dataclass(frozen=True)
class FixedRow:
    """An awkward name always written at `row`, so tests and the demo show it."""

    row: int
    first: str
    last: str
    slug: str = ""  # the profile URL's slug when it must be exactly this


@dataclass(frozen=True)
class Catalogue:
    export_date: date
    size: int
    seed: int
    years: int
    bursts: tuple[tuple[int, int, float], ...]  # (day, width in days, height)
    personas: dict[str, Persona]
    cultures: tuple[Culture, ...]
    native_cjk: tuple[tuple[str, str], ...]  # (given name, family name)
    credentials: tuple[str, ...]
    nicknames: tuple[str, ...]
    emoji: tuple[str, ...]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    sectors: dict[str, Sector]
    levels: tuple[Level, ...]
    roles: tuple[Role, ...]
    regions: tuple[str, ...]
    separators: tuple[str, ...]
    message_lines: tuple[str, ...]
    group_line: str
    spam: tuple[str, ...]
    spam_sender: str
    notes_in: tuple[str, ...]
    notes_out: tuple[str, ...]
    reaction_types: tuple[str, ...]
    comment_notes: tuple[str, ...]
    fixed_rows: tuple[FixedRow, ...]

    @property
    def level_names(self) -> tuple[str, ...]:
        return tuple(lv.name for lv in self.levels)

    @property
    def role_names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.roles)


def _words(entry: dict, field: str) -> tuple[str, ...]:
    return tuple(str(w) for w in entry.get(field, ()))


def _normalised(weights: list[float], what: str) -> tuple[float, ...]:
    p = np.asarray(weights, dtype=float)
    if p.size == 0 or (p < 0).any() or p.sum() <= 0:
        raise ValueError(f"{what}: weights must be non-negative with a positive sum")
    return tuple((p / p.sum()).tolist())


def _level_weights(entry: dict, levels: tuple[Level, ...]) -> tuple[float, ...]:
    """The role's level weights: one fixed `level`, or the ladder's defaults with overrides."""
    names = [lv.name for lv in levels]
    name = entry["name"]
    if "level" in entry:
        if entry["level"] not in names:
            raise ValueError(f"role {name}: unknown level {entry['level']!r}")
        return tuple(float(n == entry["level"]) for n in names)
    weights = {lv.name: lv.weight for lv in levels}
    unknown = set(entry.get("levels", {})) - set(weights)
    if unknown:
        raise ValueError(f"role {name}: unknown level {sorted(unknown)[0]!r}")
    weights.update(entry.get("levels", {}))
    return _normalised([weights[n] for n in names], f"role {name} levels")


def _role(entry: dict, levels: tuple[Level, ...], sectors: dict[str, Sector]) -> Role:
    name = entry.get("name", "?")
    for field in ("name", "weight", "propensity", "sectors"):
        if field not in entry:
            raise ValueError(f"role {name}: missing {field}")
    if not (entry.get("own") or entry.get("ic") or entry.get("noun")):
        raise ValueError(f"role {name}: needs own titles, or ic or noun words")
    unknown = set(entry["sectors"]) - set(sectors)
    if unknown:
        raise ValueError(f"role {name}: unknown sector {sorted(unknown)[0]!r}")
    words = {
        f: _words(entry, f) for f in ("ic", "noun", "chief", "extra", "foreign", "spec", "own")
    }
    return Role(
        name=name,
        weight=float(entry["weight"]),
        propensity=float(entry["propensity"]),
        sectors=tuple(entry["sectors"]),
        sector_p=_normalised(list(entry["sectors"].values()), f"role {name} sectors"),
        level_p=_level_weights(entry, levels),
        tags=_words(entry, "tags") or ("B2B",),
        with_company=float(entry.get("with_company", 0.0)),
        company_form=entry.get("company_form", "{title} at {company}"),
        own_company=bool(entry.get("own_company", False)),
        **words,
    )


def _persona(key: str, entry: dict, role_names: set[str], sectors: dict[str, Sector]) -> Persona:
    for field in ("label", "preset", "url", "company", "profile"):
        if field not in entry:
            raise ValueError(f"persona {key}: missing {field}")
    for field in ("First Name", "Last Name"):
        if field not in entry["profile"]:
            raise ValueError(f"persona {key}: profile needs {field!r}")
    for table in ("mix", "engagement"):
        unknown = set(entry.get(table, {})) - role_names
        if unknown:
            raise ValueError(
                f"persona {key}: {table} names an unknown function {sorted(unknown)[0]!r}"
            )
    colleagues = tuple(
        Colleagues(
            c["employer"], c["sector"], (int(c["days"][0]), int(c["days"][1])), float(c["share"])
        )
        for c in entry.get("colleagues", ())
    )
    if any(c.sector not in sectors for c in colleagues):
        raise ValueError(f"persona {key}: colleagues in an unknown sector")
    return Persona(
        key=key,
        label=entry["label"],
        preset=entry["preset"],
        url=entry["url"],
        company=entry["company"],
        profile={str(k): str(v) for k, v in entry["profile"].items()},
        positions=tuple(Position(**p) for p in entry.get("positions", ())),
        mix={k: float(v) for k, v in entry.get("mix", {}).items()},
        colleagues=colleagues,
        engagement={k: float(v) for k, v in entry.get("engagement", {}).items()},
        lines_in=_words(entry, "lines_in"),
        lines_out=_words(entry, "lines_out"),
        notes_in=_words(entry, "notes_in"),
        notes_out=_words(entry, "notes_out"),
    )


def _people_parts(data: dict) -> dict:
    """Names, companies, the ladder and the functions."""
    names = data["names"]
    sectors = {
        k: Sector(k, _words(v, "kinds"), _words(v, "big"))
        for k, v in data["companies"]["sector"].items()
    }
    if any(not s.kinds for s in sectors.values()):
        raise ValueError("companies: every sector needs kinds")
    levels = tuple(
        Level(lv["name"], float(lv["weight"]), float(lv["engagement"]), _words(lv, "forms"))
        for lv in data["level"]
    )
    roles = tuple(_role(r, levels, sectors) for r in data["role"])
    cultures = tuple(
        Culture(c["name"], float(c["weight"]), _words(c, "first"), _words(c, "last"))
        for c in data["culture"]
    )
    if any(not (c.first and c.last) for c in cultures):
        raise ValueError("culture: every culture needs first and last names")
    return dict(
        cultures=cultures,
        native_cjk=tuple((str(f), str(s)) for f, s in names["native_cjk"]),
        credentials=_words(names, "credentials"),
        nicknames=_words(names, "nicknames"),
        emoji=_words(names, "emoji"),
        prefixes=_words(data["companies"], "prefix"),
        suffixes=_words(data["companies"], "suffix"),
        sectors=sectors,
        levels=levels,
        roles=roles,
        regions=_words(data["titles"], "regions"),
        separators=tuple(data["titles"]["separators"]),
    )


def parse(data: dict) -> Catalogue:
    """The catalogue from a parsed TOML document; ValueError naming what is wrong."""
    people = _people_parts(data)
    role_names = {r.name for r in people["roles"]}
    personas = {
        k: _persona(k, v, role_names, people["sectors"]) for k, v in data["personas"].items()
    }
    export, msgs, inv = data["export"], data["messages"], data["invitations"]
    return Catalogue(
        export_date=export["date"],
        size=int(export["size"]),
        seed=int(export["seed"]),
        years=int(export["years"]),
        bursts=tuple((int(d), int(w), float(h)) for d, w, h in data["growth"]["bursts"]),
        personas=personas,
        message_lines=_words(msgs, "lines"),
        group_line=msgs["group_line"],
        spam=_words(msgs, "spam"),
        spam_sender=msgs["spam_sender"],
        notes_in=_words(inv, "notes_in"),
        notes_out=_words(inv, "notes_out"),
        reaction_types=_words(data["reactions"], "types"),
        comment_notes=_words(data["comments"], "notes"),
        fixed_rows=tuple(FixedRow(**r) for r in data.get("fixed_row", ())),
        **people,
    )


@lru_cache(maxsize=2)
def load(path: Path = CATALOGUE_PATH) -> Catalogue:
    """The catalogue, read once per process (the generator calls this on every export)."""
    with open(path, "rb") as fh:
        return parse(tomllib.load(fh))
