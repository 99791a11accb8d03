"""Cleaning job titles and headlines before anything reads them.

Headlines are noisy ("🚀 Sr. VP Sales @ Acme | Helping founders scale | ex-Google"): both the
title classifier (ICP scoring) and the clustering read the cleaned form, so they agree on what a
title says. Pure functions over strings, plus vectorised helpers over pandas Series.
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

# Abbreviations expanded before anything reads a title. Keys are lower-case whole words.
ABBREVIATIONS: dict[str, str] = {
    "sr": "senior", "snr": "senior", "jr": "junior", "jnr": "junior",
    "mgr": "manager", "mngr": "manager", "eng": "engineer", "engr": "engineer",
    "dir": "director", "assoc": "associate", "asst": "assistant", "exec": "executive",
    "admin": "administrator", "dev": "developer", "devs": "developers", "mktg": "marketing",
    "acct": "account", "ops": "operations", "hr": "human resources", "pm": "product manager",
    "svp": "senior vice president", "evp": "executive vice president",
    "avp": "assistant vice president", "vp": "vice president",
    "sdr": "sales development representative", "bdr": "business development representative",
    "ae": "account executive", "am": "account manager", "csm": "customer success manager",
    "biz": "business", "bd": "business development", "mba": "mba",
    "qa": "quality assurance", "ux": "user experience", "ui": "user interface",
    "swe": "software engineer", "sre": "site reliability engineer", "ml": "machine learning",
    "ai": "ai", "it": "information technology", "r&d": "research and development",
    "gm": "general manager", "md": "managing director", "coo": "chief operating officer",
    "ceo": "chief executive officer", "cfo": "chief financial officer",
    "cto": "chief technology officer", "cmo": "chief marketing officer",
    "cro": "chief revenue officer", "cio": "chief information officer",
    "cpo": "chief product officer", "chro": "chief human resources officer",
    "cso": "chief sales officer", "ciso": "chief information security officer",
    # Appended for clustering (unambiguous role abbreviations seen in real headlines).
    "hrbp": "human resources business partner", "pmm": "product marketing manager",
    "apm": "associate product manager", "tam": "technical account manager",
    "rn": "registered nurse", "cpa": "certified public accountant",
    "revops": "revenue operations", "gtm": "go to market", "l&d": "learning and development",
    "bi": "business intelligence", "cx": "customer experience",
    "dpo": "data protection officer", "sde": "software development engineer",
    "emt": "emergency medical technician", "pr": "public relations",
    "devrel": "developer relations",
}

_SEPARATORS = re.compile(r"\s*(?:\||•|·|–|—|/{2}|\s-\s|;|\u2022)\s*")
_AT = re.compile(r"\s+(?:@|at|chez|bei|en)\s+|@", re.IGNORECASE)
_NON_WORD = re.compile(r"[^\w&+#\- ]+", re.UNICODE)
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[\w&+#]+", re.UNICODE)


_SYMBOLS = re.compile(r"[^\w\s&+#\-'.,/|@]+", re.UNICODE)


def fold(text: str) -> str:
    """NFKC-fold styled Unicode (𝐀𝐧𝐚𝐧𝐝 → Anand) and drop emoji/symbols, keeping letters, digits and spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    return _SPACES.sub(" ", _SYMBOLS.sub(" ", text.replace("_", " "))).strip()


def title_part(headline: str) -> str:
    """The role part of a headline: the first segment before `|`, `•` or ` - `, and before `@`/` at `.

    "VP Sales @ Acme | Helping founders" → "VP Sales". A plain position passes through unchanged.
    """
    first = _SEPARATORS.split(headline, maxsplit=1)[0]
    role = _AT.split(first, maxsplit=1)[0]
    return role.strip() or first.strip()


def expand_abbreviations(text: str) -> str:
    """Lower-case and expand whole-word abbreviations (Sr. → senior, VP → vice president)."""
    words = _WORD.findall(text.lower().replace(".", " "))
    return " ".join(ABBREVIATIONS.get(w, w) for w in words)


def normalise_title(text: str) -> str:
    """The cleaned, lower-case role text both scoring and clustering read ("" for blank input)."""
    if not text:
        return ""
    return expand_abbreviations(title_part(fold(text)))


def normalise_titles(texts: pd.Series) -> pd.Series:
    """`normalise_title` over a Series, computed once per distinct value (titles repeat a lot)."""
    texts = texts.fillna("").astype(str)
    uniques = pd.unique(texts.to_numpy())
    mapping = {t: normalise_title(t) for t in uniques}
    return texts.map(mapping)


# --- whole-word matching on Arrow kernels -----------------------------------------------------
# pandas falls back to Python's `re` for \b and \w on non-ASCII text (RE2 treats them as ASCII),
# which is 50x slower on names like "Geschäftsführer". Instead texts become " word word " with
# Unicode-aware RE2 classes, and whole-word tests become plain or space-bounded matches.

def padded_words(texts: pd.Series):
    """Texts as " word word ": NFKC-folded, lower-case, anything but letters/digits/&+# a space."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = pa.array(texts.astype("str").fillna(""), type=pa.large_string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    arr = pc.utf8_lower(pc.utf8_normalize(arr, form="NFKC"))
    arr = pc.replace_substring_regex(arr, r"[^\p{L}\p{N}&+#]+", " ")
    arr = pc.utf8_trim(arr, characters=" ")
    space = pa.scalar(" ", pa.large_string())
    return pc.binary_join_element_wise(space, arr, space, pa.scalar("", pa.large_string()))


_NOT_WORD = re.compile(r"[^\w&+#]+|_+")


def needle(term: str) -> str:
    """A user term as " word word ", normalised like `padded_words` normalises the texts.

    Whole-word matching then is a plain substring test (" saas " in " b2b saas founder "):
    Arrow kernels, and user text is never a pattern.
    """
    words = _NOT_WORD.sub(" ", unicodedata.normalize("NFKC", term).lower()).split()
    return " " + " ".join(words) + " "


def has_word(padded, words: str):
    """Boolean numpy array: does each padded text contain the phrase `words` as whole words."""
    import pyarrow.compute as pc

    needle = " " + " ".join(words.split()) + " "
    return pc.match_substring(padded, needle).to_numpy(zero_copy_only=False)


def matches(padded, pattern: str):
    """Boolean numpy array for an RE2 pattern over padded texts (use " " for word edges)."""
    import pyarrow.compute as pc

    return pc.match_substring_regex(padded, pattern).to_numpy(zero_copy_only=False)
