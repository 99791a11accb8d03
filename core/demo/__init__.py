"""The demo networks: realistic, deterministic LinkedIn exports of fictional people.

They are written in LinkedIn's real formats (shared/formats/linkedin-export.md): Connections.csv
with its Notes preamble, messages.csv of the 2024+ era, Invitations.csv, Profile.csv,
Positions.csv, plus files the app ignores (Reactions.csv, Comments.csv). The app reads them back
through `core.loader.load_export`, so every demo exercises the real loader.

The default owner, Maya Lindqvist, sold software at a big vendor, then founded Pipewise
(forecasting software for sales teams), so a "sales leaders" ICP finds a meaningful share of her
network; the workshop's other personas (a tech recruiter, a finance consultant) are in the
catalogue too.

What is in a network (names, companies, functions, title wording, personas) lives in
core/data/demo_catalogue.toml; how it is drawn is in this package. The app never runs the
generator: `make demo` (scripts/make_demo.py) writes one zip per persona to core/data/ and the
app loads those (`persona_path`). `connections_csv(n)` writes just a Connections.csv of any size
(and of older formats) for benchmarks and tests.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import numpy as np

from .catalogue import CATALOGUE_PATH, Catalogue, Persona, Role, load
from .files import (
    HEADER,
    PREAMBLE,
    VARIANTS,
    comments_file,
    connections_file,
    invitations_file,
    messages_file,
    positions_file,
    profile_file,
    reactions_file,
)
from .network import build_network
from .people import People

_CATALOGUE = load()
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
#: The default persona's demo, the one the app opens with.
DEFAULT_PERSONA = next(iter(_CATALOGUE.personas))
DEMO_PATH = DATA_DIR / "demo_export.zip"
DEMO_SIZE = _CATALOGUE.size
DEMO_SEED = _CATALOGUE.seed
EXPORT_DATE: date = _CATALOGUE.export_date
ROLES: tuple[Role, ...] = _CATALOGUE.roles
#: Workshop personas by key, as plain dicts for the UI: label, preset, owner (the Profile.csv
#: row, by column name), mix. `catalogue().personas` has them typed.
PERSONAS: dict[str, dict] = {
    k: {"label": p.label, "preset": p.preset, "owner": dict(p.profile), "mix": dict(p.mix)}
    for k, p in _CATALOGUE.personas.items()
}

__all__ = [
    "CATALOGUE_PATH",
    "DEFAULT_PERSONA",
    "DEMO_PATH",
    "DEMO_SEED",
    "DEMO_SIZE",
    "EXPORT_DATE",
    "HEADER",
    "PERSONAS",
    "PREAMBLE",
    "ROLES",
    "VARIANTS",
    "Catalogue",
    "Persona",
    "catalogue",
    "connections_csv",
    "demo_bytes",
    "demo_people",
    "generate_export",
    "persona_path",
]


def catalogue() -> Catalogue:
    """The typed catalogue the demos are drawn from (core/data/demo_catalogue.toml)."""
    return _CATALOGUE


def persona_path(key: str) -> Path:
    """Where `make demo` writes the persona's demo (the default persona's is DEMO_PATH).

    Raises KeyError for an unknown persona.
    """
    if key not in _CATALOGUE.personas:
        raise KeyError(key)
    return DEMO_PATH if key == DEFAULT_PERSONA else DATA_DIR / f"demo_{key}.zip"


def demo_people(
    n: int = DEMO_SIZE,
    seed: int = DEMO_SEED,
    *,
    end: date = EXPORT_DATE,
    persona: str = DEFAULT_PERSONA,
) -> People:
    """The connections behind a demo export, with what the files do not say: each person's
    function, level, engagement propensity and connection day (for tests and inspection)."""
    return build_network(n, seed, end, _CATALOGUE.personas[persona], _CATALOGUE)


def connections_csv(
    n: int, seed: int = DEMO_SEED, *, variant: str = "modern", end: date = EXPORT_DATE
) -> bytes:
    """A Connections.csv of n people, for benchmarks and tests.

    The same people as `generate_export` with the same seed. `variant` picks the era:
    "modern" (Notes preamble, 7 columns with URL, "07 Oct 2026"), "no_url" (2021 to early 2023:
    preamble, no URL column), "legacy" (before Nov 2018: no preamble, no URL, "10/7/26, 6:14 PM"),
    "resaved" (a modern file after a spreadsheet re-save: UTF-8 BOM, CRLF, `Notes:,,` rows,
    "7-Oct-26").
    Raises ValueError for an unknown variant.
    """
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, not {variant!r}")
    text = connections_file(demo_people(n, seed, end=end), variant)
    return text.encode("utf-8-sig" if variant == "resaved" else "utf-8")


def _zip(files: dict[str, str], prefix: str, day: date) -> bytes:
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            info = zipfile.ZipInfo(prefix + name, date_time=stamp)  # no clock time: reproducible
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"), compresslevel=9)
    return buf.getvalue()


def generate_export(
    n: int = DEMO_SIZE,
    seed: int = DEMO_SEED,
    *,
    export_date: date = EXPORT_DATE,
    nested: bool = False,
    persona: str = DEFAULT_PERSONA,
) -> bytes:
    """A whole LinkedIn export zip of n connections, byte-identical for the same arguments.

    Files sit at the archive root like a real `Basic_LinkedInDataExport_MM-DD-YYYY.zip`, or in a
    top-level folder of that name when `nested`. `persona` picks whose network it is (see
    PERSONAS): the owner and the mix of people. Raises KeyError for an unknown persona.
    """
    owner = _CATALOGUE.personas[persona]
    people = demo_people(n, seed, end=export_date, persona=persona)
    rng = np.random.default_rng(seed + 2)
    files = {
        "Connections.csv": connections_file(people),
        "messages.csv": messages_file(people, rng, export_date, owner, _CATALOGUE),
        "Invitations.csv": invitations_file(people, rng, export_date, owner, _CATALOGUE),
        "Profile.csv": profile_file(owner),
        "Positions.csv": positions_file(owner),
        "Reactions.csv": reactions_file(rng, export_date, _CATALOGUE),
        "Comments.csv": comments_file(rng, export_date, _CATALOGUE),
    }
    prefix = f"Basic_LinkedInDataExport_{export_date:%m-%d-%Y}/" if nested else ""
    return _zip(files, prefix, export_date)


def demo_bytes(persona: str = DEFAULT_PERSONA) -> bytes:
    """A shipped demo export (core/data/) as bytes; raises OSError if missing."""
    return persona_path(persona).read_bytes()
