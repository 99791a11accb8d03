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
    s = urls.astype("str").fillna("").str.strip()
    return _normalise(s, s.str.contains(_SPECIAL, regex=True))


# URLs the plain path cannot take: percent-encoded, with a query or fragment, or not ASCII
# (lower-casing then differs between Python and Arrow). A few per network.
_SPECIAL = "[%?#]|[^\x00-\x7f]"


def _normalise(s: pd.Series, special: pd.Series) -> pd.Series:
    """Keys of stripped URLs: the `special` ones (few) through `normalise_url` itself, the rest
    by the same steps on Arrow; only URLs of an unusual shape (http://, a country prefix, no
    scheme) meet a regex."""
    keys = s.str.lower().str.rstrip("/").str.removeprefix(_COMMON)
    if special.any():
        keys = keys.where(~special, s[special].map(normalise_url))
    other = ~keys.str.startswith("linkedin.com/") & (keys != "")
    if other.any():
        keys = keys.where(~other, keys[other].str.replace(_HOST, "linkedin.com", regex=True))
    return keys.astype("str")


def url_keys(urls: pd.Series) -> pd.Series:
    """Join keys for profile URLs, "" where the URL names no real profile (empty, cut short by
    a re-save, or not a profile URL)."""
    s = urls.astype("str").fillna("").str.strip()
    special = s.str.contains(_SPECIAL, regex=True)
    keys = _normalise(s, special)
    real = keys.str.contains(_PROFILE, regex=True)
    if special.any():  # a "?" that is no query: a letter a re-save replaced
        cut = s[special].str.contains(_CUT, regex=True)
        real &= ~cut.reindex(s.index, fill_value=False)
    return keys.where(real, "").astype("str")


def is_profile_key(key: str) -> bool:
    """Whether one normalised key names a real profile (for single values and tests)."""
    return re.match(_PROFILE, key) is not None
