"""A demo network with the quirks of real exports (shared/formats/linkedin-export.md): ghost
rows, blank positions, stray spaces, styled and emoji names, credentials after a comma, quoted
nicknames, people named NA and Null, percent-encoded profile URLs.
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from typing import NamedTuple
from urllib.parse import quote

import numpy as np

from .catalogue import Catalogue, Persona
from .draws import band, columns
from .people import People, connection_days, draw_people

# Shares of rows with each quirk. The formats file gives the ranges seen in real exports.
#: Names written otherwise: in Chinese characters, in styled letters (𝐀𝐧𝐚𝐧𝐝), with an emoji.
NAME_STYLES = (("cjk", 0.004), ("styled", 0.004), ("emoji", 0.004))
CREDENTIAL_SHARE = 0.012  # "Arseienko, CFEI®"
NICKNAME_SHARE = 0.003  # 'James "Tyler"'
EMAIL_SHARE = 0.03  # 1 to 5% of rows have an e-mail address
BLANK_POSITION_SHARE = 0.03  # 1.5 to 5% of positions are blank
#: Stray spaces (up to 13% of rows): before the first name, after the last name.
NAME_PADDING = (("first", 0.06), ("last", 0.02))
PADDED_POSITION_SHARE = 0.04
PADDED_COMPANY_SHARE = 0.015
GHOST_SHARE = 0.02  # 1 to 3%: deleted or hidden accounts, everything blank but the date

EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example")
#: Unicode's Mathematical Alphanumeric capitals A of the styles some people use for names.
STYLED_BASES = (0x1D400, 0x1D434, 0x1D5D4)  # bold, italic, sans-serif bold
ITALIC_SMALL_H = 0x1D455  # a hole in Unicode: italic h is U+210E
FIRST_STYLED = 0x1D400  # letters from here on never reach a profile URL

#: Profile URL styles: vanity `first-last`, `flast`, `first-last-42`; the rest `first-last-<hex>`.
URL_STYLES = (("vanity", 0.12), ("initial", 0.04), ("numbered", 0.04))
#: Share of accented names whose URL keeps the accents (percent-encoded, as LinkedIn writes them).
ENCODED_URL_SHARE = 0.2
PROFILE = "https://www.linkedin.com/in/"


class QuirkDraws(NamedTuple):
    """One array of uniform draws per quirk, so no draw decides two things."""

    name_style: np.ndarray
    credential: np.ndarray
    nickname: np.ndarray
    email: np.ndarray
    blank_position: np.ndarray
    name_padding: np.ndarray
    padded_position: np.ndarray
    padded_company: np.ndarray
    ghost: np.ndarray


class UrlDraws(NamedTuple):
    style: np.ndarray  # URL_STYLES
    encoded: np.ndarray  # keep accents (ENCODED_URL_SHARE)


def styled(name: str, base: int) -> str:
    """'Anand' → '𝐀𝐧𝐚𝐧𝐝': the Mathematical Alphanumeric letters some people use for names."""
    out = []
    for ch in name:
        if "A" <= ch <= "Z":
            out.append(chr(base + ord(ch) - 65))
        elif "a" <= ch <= "z":
            code = base + 26 + ord(ch) - 97
            out.append("ℎ" if code == ITALIC_SMALL_H else chr(code))
        else:
            out.append(ch)
    return "".join(out)


def fold(text: str) -> str:
    """ASCII letters and digits of a name, for slugs and e-mail addresses ('João' → 'joao')."""
    t = unicodedata.normalize("NFKD", text.replace("'", "").replace("’", ""))
    t = t.encode("ascii", "ignore").decode().lower()
    return "".join(ch if ch.isalnum() else "-" for ch in t).strip("-")


def _accented(text: str) -> bool:
    """Letters LinkedIn keeps in a vanity URL (accents, other scripts, a curly apostrophe), as
    opposed to emoji and styled letters, which never reach a URL."""
    return any(
        ord(c) > 127
        and (c == "’" or (unicodedata.category(c).startswith("L") and ord(c) < FIRST_STYLED))
        for c in text
    )


def _slug_words(first: str, last: str, raw: bool) -> str:
    """The name part of a profile URL; `raw` keeps accents and other scripts (percent-encoded,
    as LinkedIn writes them: 'ken-o%E2%80%99brien')."""
    last = last.split(",")[0]
    first = first.split('"')[0]
    if raw:
        words = [
            w for w in f"{first} {last}".lower().replace("'", "").split() if w.isalnum() or "’" in w
        ]
        return quote("-".join(words), safe="-")
    return "-".join(w for w in (fold(first), fold(last)) if w)


def _slug(first: str, last: str, style: float, encoded: float, suffix: tuple[int, int]) -> str:
    """One profile slug in the style the draws pick; `suffix` is (number, hex) to append."""
    raw = _accented(first + last) and (encoded < ENCODED_URL_SHARE or not fold(first + last))
    words = _slug_words(first, last, raw)
    kind = band(style, URL_STYLES) if words else ""
    if kind == "vanity":
        return words
    if kind == "initial" and not raw:
        return f"{fold(first)[:1]}{fold(last.split(',')[0]).replace('-', '')}"
    if kind in ("initial", "numbered"):
        return f"{words}-{suffix[0]}"
    return f"{words}-{suffix[1]:08x}".lstrip("-")


def _urls(
    rng: np.random.Generator, first: list[str], last: list[str], fixed: dict[int, str]
) -> list[str]:
    """Unique profile URLs; `fixed` gives some rows their slug."""
    n = len(first)
    d = columns(UrlDraws, rng, n)
    styles, encoded = d.style.tolist(), d.encoded.tolist()
    hexes = rng.integers(0, 2**32, size=n).tolist()
    numbers = rng.integers(1, 999, size=n).tolist()
    seen: set[str] = set(fixed.values())
    out = []
    for i in range(n):
        if i in fixed:
            out.append(PROFILE + fixed[i])
            continue
        slug = _slug(first[i], last[i], styles[i], encoded[i], (numbers[i], hexes[i]))
        while slug in seen or not slug:
            slug = f"{slug}-{i:x}"
        seen.add(slug)
        out.append(PROFILE + slug)
    return out


def _style_names(rng: np.random.Generator, p: People, d: QuirkDraws, cat: Catalogue) -> None:
    """Names in Chinese characters, styled letters, with an emoji, credentials, nicknames."""
    style = [band(u, NAME_STYLES) for u in d.name_style.tolist()]
    cjk = [i for i, s in enumerate(style) if s == "cjk"]
    for i, j in zip(cjk, rng.integers(0, len(cat.native_cjk), len(cjk)).tolist(), strict=True):
        p.first[i], p.last[i] = cat.native_cjk[j]
    for i, s in enumerate(style):
        if s == "styled":
            p.first[i] = styled(p.first[i], STYLED_BASES[i % len(STYLED_BASES)])
        elif s == "emoji":
            p.first[i] = f"{p.first[i]} {cat.emoji[i % len(cat.emoji)]}"
    for i in np.flatnonzero(d.credential < CREDENTIAL_SHARE).tolist():
        p.last[i] = f"{p.last[i]}, {cat.credentials[i % len(cat.credentials)]}"
    for i in np.flatnonzero(d.nickname < NICKNAME_SHARE).tolist():
        p.first[i] = f'{p.first[i]} "{cat.nicknames[i % len(cat.nicknames)]}"'


def _emails(p: People, d: QuirkDraws) -> list[str]:
    """The few e-mail addresses an export shows, at reserved example domains."""
    email = [""] * len(p.first)
    for i in np.flatnonzero(d.email < EMAIL_SHARE).tolist():
        local = f"{fold(p.first[i].split(chr(34))[0])}.{fold(p.last[i].split(',')[0])}"
        email[i] = f"{local.strip('.') or 'contact'}@{EMAIL_DOMAINS[i % len(EMAIL_DOMAINS)]}"
    return email


def _pad_and_blank(p: People, d: QuirkDraws) -> None:
    """Blank positions and the stray spaces of real exports (in place)."""
    for i in np.flatnonzero(d.blank_position < BLANK_POSITION_SHARE).tolist():
        p.position[i] = ""
    for i, side in enumerate(band(u, NAME_PADDING) for u in d.name_padding.tolist()):
        if side == "first":
            p.first[i] = f" {p.first[i]}"
        elif side == "last":
            p.last[i] = f"{p.last[i]} "
    for i in np.flatnonzero(d.padded_position < PADDED_POSITION_SHARE).tolist():
        if p.position[i]:
            p.position[i] = f"{p.position[i]} "
    for i in np.flatnonzero(d.padded_company < PADDED_COMPANY_SHARE).tolist():
        p.company[i] = f"{p.company[i]} "


def _blank_ghosts(p: People, ghost: np.ndarray) -> None:
    for i in np.flatnonzero(ghost).tolist():
        p.first[i] = p.last[i] = p.url[i] = p.email[i] = p.company[i] = p.position[i] = ""


def build_network(n: int, seed: int, end: date, persona: Persona, cat: Catalogue) -> People:
    """n connections of `persona`'s network as of `end`, quirks included, newest first."""
    rng = np.random.default_rng(seed + 1)
    days = connection_days(rng, n, cat)
    p = draw_people(n, seed, days, persona, cat)
    d = columns(QuirkDraws, rng, n)
    _style_names(rng, p, d, cat)
    fixed = [f for f in cat.fixed_rows if f.row < n]
    for f in fixed:
        p.first[f.row], p.last[f.row] = f.first, f.last
    p.url = _urls(rng, p.first, p.last, {f.row: f.slug for f in fixed if f.slug})
    p.email = _emails(p, d)
    _pad_and_blank(p, d)
    ghost = d.ghost < GHOST_SHARE
    ghost[[f.row for f in fixed]] = False
    _blank_ghosts(p, ghost)
    p.ghost = ghost.tolist()
    start = end - timedelta(days=cat.years * 365)
    p.day = [start + timedelta(days=int(x)) for x in days]
    return p
