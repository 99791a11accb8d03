"""Profile URLs as join keys, and when a URL is no key at all.

The key joins Connections.csv to messages.csv and Invitations.csv and finds the same person
twice. It is lower-case, percent-decoded, without scheme, "www."/country prefix, query or
trailing "/". A key is only trusted when it names a real profile: "linkedin.com/in/<slug>" with a
slug of at least 3 characters (LinkedIn's minimum), and not cut short by a "?" that is not a
query. An Excel re-save in cp1252 turns non-Latin letters into "?", so "linkedin.com/in/王伟-ng"
arrives as ".../in/??-ng" or ".../in/ng???": such keys would merge distinct people.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pandas as pd

_HOST = r"^(?:https?://)?(?:www\.|[a-z]{2}\.)?linkedin\.com"
_QUERY = r"(?s)[?#].*"
# A real profile: the slug after /in/ (or the old /pub/) has at least 3 characters.
_PROFILE = r"^linkedin\.com/(?:in/[^/]{3,}|pub/.{3,})"
# A "?" followed by something without "=" is a replaced letter, not a query string.
_CUT = r"[?][^=]*\Z"
_COMMON = "https://www."  # how nearly every exported URL starts


def normalise_url(url: str) -> str:
    """The join key of one profile URL (see the module docstring); "" stays ""."""
    u = unquote(url.strip()).lower()
    u = re.split(r"[?#]", u, maxsplit=1)[0].rstrip("/").removeprefix(_COMMON)
    return re.sub(_HOST, "linkedin.com", u)


def normalise_urls(urls: pd.Series) -> pd.Series:
    """`normalise_url` over a Series, on pandas' Arrow string kernels (30k URLs in a few ms)."""
    return _normalise(urls.astype("str").fillna("").str.strip())


def _normalise(s: pd.Series) -> pd.Series:
    """Keys of stripped URLs, step by step as `normalise_url` does. Percent-encoded or non-ASCII
    URLs (a few per network) are decoded and lower-cased in Python; the rest stay on Arrow, and
    only URLs of an unusual shape (http://, a country prefix, no scheme) meet a regex."""
    odd = s.str.contains("%", regex=False) | ~s.str.isascii()
    keys = s.str.lower()
    if odd.any():
        keys = keys.where(~odd, s[odd].map(lambda u: unquote(u).lower()))
    if keys.str.contains("[?#]", regex=True).any():
        keys = keys.str.replace(_QUERY, "", regex=True)
    keys = keys.str.rstrip("/").str.removeprefix(_COMMON)
    other = ~keys.str.startswith("linkedin.com/") & (keys != "")
    if other.any():
        keys = keys.where(~other, keys[other].str.replace(_HOST, "linkedin.com", regex=True))
    return keys.astype("str")


def url_keys(urls: pd.Series) -> pd.Series:
    """Join keys for profile URLs, "" where the URL names no real profile (empty, cut short by
    a re-save, or not a profile URL)."""
    s = urls.astype("str").fillna("").str.strip()
    keys = _normalise(s)
    real = keys.str.contains(_PROFILE, regex=True)
    cut = s.str.contains(_CUT, regex=True) if s.str.contains("?", regex=False).any() else False
    return keys.where(real & ~cut, "").astype("str")


def is_profile_key(key: str) -> bool:
    """Whether one normalised key names a real profile (for single values and tests)."""
    return re.match(_PROFILE, key) is not None
