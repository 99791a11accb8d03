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


# --- people search ------------------------------------------------------------------------------

def _plain(text: str) -> str:
    """Lower-case, accents dropped ("José" → "jose"), anything but letters/digits/&+# a space."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", stripped).split())


def search_mask(texts: pd.Series, query: str):
    """Boolean numpy array: which texts hold every word of `query` as a whole word.

    Why whole words: "CTO" must not find "DireCTOr" or "VicTOr". Case- and accent-insensitive
    ("jose" finds "José", "SÓCIO" finds "socio"), words in any order; an empty query (or one
    with no letters or digits) matches every text. User text is never a pattern.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    words = _plain(str(query or "")).split()
    if not words or len(texts) == 0:
        return np.ones(len(texts), dtype=bool)
    codes, uniques = pd.factorize(texts.astype("str").fillna(""))
    arr = pa.array(np.asarray(uniques, dtype=object), type=pa.large_string())
    arr = pc.replace_substring_regex(pc.utf8_normalize(pc.utf8_lower(arr), form="NFKD"),
                                     r"\p{Mn}+", "")
    arr = pc.replace_substring_regex(arr, r"[^\p{L}\p{N}&+#]+", " ")
    space = pa.scalar(" ", pa.large_string())
    padded = pc.binary_join_element_wise(space, arr, space, pa.scalar("", pa.large_string()))
    hit = np.ones(len(uniques), dtype=bool)
    for w in words:
        hit &= pc.match_substring(padded, f" {w} ").to_numpy(zero_copy_only=False)
    return hit[codes] if len(codes) else np.zeros(0, dtype=bool)


# --- the title model's cleaning: one separator set for every reader of titles ---------------
# A headline is cut into segments ("Sales Director @ Acme | Helping founders"), a segment into
# parts naming one role each ("Founder & CTO"). The title model (core.titles) reads these marks
# as tokens; the groups and the keys of user corrections use the same cleaning, so a title means
# the same thing on every page. Patterns are RE2 (Arrow kernels) with Unicode classes.

#: Between headline segments: pipes, bullets, dashes, a spaced hyphen, semicolons, "//", "!"
#: and "?" (sentences: "We're hiring! Recruiter"), and symbols such as emoji ("Founder 🚀 Speaker").
SEGMENT_SEPARATORS = r"\||•|·|‧|∙|⋅|–|—|―|/{2,}|\s-+\s|;|!|\?|[\p{So}\p{Sk}\p{Co}]"
#: Between roles of one segment ("Founder, CTO", "Founder & CTO", "Co Owner/CTO").
PART_SEPARATORS = r"[,&/+\\]"
#: Words that join two roles ("Sócio e Diretor", "Founder and CEO").
PART_WORDS = frozenset({"and", "e", "y", "und", "och", "et", "ed", "og"})
#: Words after which the company (or the boss) follows ("CEO at Acme", "Gründer bei X", "VD hos
#: Y", "Assistant to the CEO").
AT_WORDS = frozenset({"at", "chez", "bei", "hos", "bij", "presso", "to"})
#: Words after which a company or a field may follow ("Ingeniero en Sistemas", "Gerente na X").
SOFT_AT_WORDS = frozenset({"en", "em", "na", "no", "in", "for", "para", "pour", "fur"})


def strip_marks(text: str) -> str:
    """Lower-case text without accents ("Sócio" → "socio", "Geschäftsführer" →
    "geschaftsfuhrer", "ß" → "ss"), as `clean_titles` folds them."""
    text = unicodedata.normalize("NFKC", text).lower().replace("ß", "ss")
    return "".join(ch for ch in unicodedata.normalize("NFD", text)
                   if unicodedata.category(ch) != "Mn")


def clean_titles(texts):
    """Arrow array of cleaned titles: lower case, accents folded, "|" between segments, "@"
    before a company, "," between roles, hyphenated words joined ("co-founder" → "cofounder"),
    "R&D" → "rnd", everything else that is not a letter or digit a space.

    Takes any sequence of strings (distinct titles: the work is per value). Why Arrow: 20,000
    titles clean in a few milliseconds, where a Python loop takes a tenth of a second. Plain
    ASCII titles (most of them) take a faster path with ASCII character classes.
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = texts if isinstance(texts, (pa.Array, pa.ChunkedArray)) else pa.array(
        list(texts), type=pa.large_string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    arr = arr.cast(pa.large_string())
    if arr.null_count:
        arr = pc.fill_null(arr, "")
    plain = pc.string_is_ascii(arr).to_numpy(zero_copy_only=False)
    if plain.all():
        return _clean(arr, ascii_only=True)
    if not plain.any():
        return _clean(arr, ascii_only=False)
    a, u = np.flatnonzero(plain), np.flatnonzero(~plain)
    both = pa.concat_arrays([_clean(arr.take(pa.array(a)), ascii_only=True),
                             _clean(arr.take(pa.array(u)), ascii_only=False)])
    back = np.empty(len(arr), dtype=np.int64)
    back[np.r_[a, u]] = np.arange(len(arr))
    return both.take(pa.array(back))


def _clean(arr, ascii_only: bool):
    """`clean_titles` steps; `ascii_only` when every value is ASCII (faster classes)."""
    import pyarrow.compute as pc

    if ascii_only:
        word = "a-z0-9"
        arr = pc.ascii_lower(arr)
        arr = pc.replace_substring_regex(arr, r"\||/{2,}|\s-+\s|;|!|\?", " | ")
    else:
        word = r"\p{L}\p{N}"
        arr = pc.utf8_lower(pc.utf8_normalize(arr, form="NFKC"))
        arr = pc.replace_substring(arr, "ß", "ss")
        arr = pc.replace_substring_regex(pc.utf8_normalize(arr, form="NFD"), r"\p{Mn}+", "")
        # Control and format characters become spaces with the other symbols below.
        arr = pc.replace_substring_regex(arr, SEGMENT_SEPARATORS, " | ")
    # "R&D", "M&A", "P&L" are one word ("rnd"); accents are gone, so ASCII letters suffice.
    arr = pc.replace_substring_regex(arr, r"\b([a-z]{1,2})&([a-z]{1,3})\b", r"\1n\2")
    if not ascii_only:
        arr = pc.replace_substring(pc.replace_substring(arr, "‐", "-"), "‑", "-")
    arr = pc.replace_substring(arr, "@", " @ ")
    arr = pc.replace_substring_regex(arr, PART_SEPARATORS, " , ")
    arr = pc.replace_substring(arr, "-", "")  # spaced dashes are segments by now: join words
    arr = pc.utf8_ltrim(pc.replace_substring(arr, " #", " "), characters="#")  # "#OpenToWork"
    arr = pc.replace_substring_regex(arr, rf"[^{word}#|@, ]+", " ")  # spaces stay: fewer matches
    return pc.utf8_trim(pc.replace_substring_regex(arr, r" {2,}", " "), characters=" ")
