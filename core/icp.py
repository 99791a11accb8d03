"""The Ideal Customer Profile and explainable fit scores for every connection.

Scoring follows common practice (HubSpot, Apollo; see shared/research/linkedin-facts.md):
disqualifiers first (an excluded keyword or account lands "off" with fit 0), then a weighted
sum of the dimensions the ICP defines, capped per dimension, scaled to 0-100. A dimension the
ICP leaves empty does not count against anyone: its weight is spread over the others. Missing
data scores 0 and says so ("no job title").

Every point comes with a reason a person can read: "Vice President (+25) · Sales function (+30)".

Bands: "strong" from `fit_threshold` (default 60), "partial" from half of it, "off" below.
Industry: the export has no industry per connection, so an industry group counts when one of
its indicative words (`core.vocabulary.INDUSTRIES`) is in the title or the company name, and the
reason names the word. Keywords and exclusions are whole words, any case, looked for in the
title/headline and in the company name.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from core.text import has_word, needle, padded_words
from core.titles import classify_normalised, normalise_titles_fast
from core.vocabulary import FUNCTIONS, INDUSTRIES, SENIORITIES

SCHEMA_VERSION = 1
DIMENSIONS = ("function", "seniority", "industry", "keywords", "company")
DEFAULT_WEIGHTS = {"function": 30, "seniority": 25, "industry": 15, "keywords": 20, "company": 10}

# Bounds for hostile or broken ICP files (the wizard keeps answers within them too).
_MAX_JSON_BYTES = 100_000
MAX_ITEMS = 60
MAX_TEXT = 80


@dataclass
class ICP:
    """Who the user wants in their network. Every field has a default: `ICP(functions=["Sales"])`.

    - functions / seniorities / industries: values from `core.vocabulary`.
    - keywords: nice-to-have terms ("SaaS", "revenue"); more matches score higher.
    - exclude_keywords: deal-breakers ("student", "recruiter"): a match means off-profile.
    - companies: target accounts; exclude_companies: accounts to keep out (e.g. competitors).
    - weights: points per dimension (function, seniority, industry, keywords, company).
    - fit_threshold: fit at or above which a connection is a strong fit (0-100).
    """

    name: str = "My ICP"
    functions: list[str] = field(default_factory=list)
    seniorities: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    exclude_keywords: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)
    exclude_companies: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    fit_threshold: float = 60.0

    def is_empty(self) -> bool:
        """True when no criterion is set (exclusions alone do not define anyone to look for)."""
        return not (self.functions or self.seniorities or self.industries or self.keywords
                    or self.companies)

    def to_json(self) -> str:
        """The ICP as indented JSON with a schema version, for a download. Criteria only: the
        ICP holds no personal data, so neither does the file."""
        return json.dumps({"schema": SCHEMA_VERSION, **asdict(self)}, ensure_ascii=False,
                          indent=2)

    @classmethod
    def from_json(cls, text: str | bytes) -> ICP:
        """An ICP from a saved file (str or UTF-8 bytes), validated field by field.

        Files come from users (and may be hostile), so size, nesting, list lengths, text lengths,
        types, vocabulary and ranges are all checked. Raises ValueError whose message starts
        with the bad field ("keywords: more than 60 entries"; "file: ..." for the whole file).
        """
        if isinstance(text, bytes):
            if len(text) > _MAX_JSON_BYTES:
                raise ValueError("file: too large to be an ICP file")
            try:
                text = text.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                raise ValueError("file: not UTF-8 text") from exc
        if len(text) > _MAX_JSON_BYTES:
            raise ValueError("file: too large to be an ICP file")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, or an int of 5,000 digits
            raise ValueError(f"file: not valid JSON ({exc.__class__.__name__})") from exc
        if not isinstance(data, dict):
            raise ValueError("file: expected a JSON object with ICP fields")
        schema = data.pop("schema", None)
        if type(schema) is not int or schema != SCHEMA_VERSION:  # true == 1 in Python
            raise ValueError(f"schema: expected {SCHEMA_VERSION}, got {schema!r}")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{unknown[0]}: unknown field")
        kwargs: dict = {}
        if "name" in data:
            kwargs["name"] = _text(data["name"], "name")
        vocab = {"functions": FUNCTIONS, "seniorities": SENIORITIES, "industries": INDUSTRIES}
        for key in ("functions", "seniorities", "industries", "keywords", "exclude_keywords",
                    "companies", "exclude_companies"):
            if key in data:
                items = _text_list(data[key], key)
                if key in vocab:
                    bad = [i for i in items if i not in vocab[key]]
                    if bad:
                        raise ValueError(f"{key}: unknown value {bad[0]!r}")
                kwargs[key] = items
        if "weights" in data:
            w = data["weights"]
            if not isinstance(w, dict) or set(w) - set(DIMENSIONS):
                raise ValueError(f"weights: expected numbers for {', '.join(DIMENSIONS)}")
            weights = dict(DEFAULT_WEIGHTS)
            for k, v in w.items():
                weights[k] = _number(v, f"weights.{k}", 0, 100)
            kwargs["weights"] = weights
        if "fit_threshold" in data:
            kwargs["fit_threshold"] = _number(data["fit_threshold"], "fit_threshold", 0, 100)
        return cls(**kwargs)


def _text(value, name: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text")
    if len(value) > MAX_TEXT:
        raise ValueError(f"{name}: longer than {MAX_TEXT} characters")
    return value


def _text_list(value, name: str) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(f"{name}: expected a list of text")
    if len(value) > MAX_ITEMS:
        raise ValueError(f"{name}: more than {MAX_ITEMS} entries")
    return [_text(v, name) for v in value]


def _number(value, name: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise ValueError(f"{name}: expected a number")
    if not lo <= value <= hi:
        raise ValueError(f"{name}: must be between {lo:g} and {hi:g}")
    return float(value)


# --- scoring --------------------------------------------------------------------------------
#
# The work is split by what it depends on, so each piece runs over as few values as possible:
# 1. per distinct title: cleaning, seniority and function, keyword/industry/exclusion matches;
#    per distinct company: account, keyword and industry matches (Arrow RE2 kernels);
# 2. per connection: small integer codes saying what matched (numpy);
# 3. per distinct combination of those codes (a few hundred, whatever the network size):
#    points and the readable reasons, then mapped back to every row.

def _term_index(padded, terms: list[str]) -> np.ndarray:
    """Index into `terms` of the leftmost term each padded text contains as whole words.

    -1 where none does. One RE2 pass over all texts; user terms are escaped, never patterns.
    """
    out = np.full(len(padded), -1, dtype=np.int64)
    first_of: dict[str, int] = {}
    for i, term in enumerate(terms):
        nd = needle(term)
        if nd.strip():
            first_of.setdefault(nd, i)
    if not first_of or len(padded) == 0:
        return out
    pattern = "(?P<w>" + "|".join(re.escape(nd) for nd in first_of) + ")"
    found = pc.struct_field(pc.extract_regex(padded, pattern), [0])
    valid = pc.is_valid(found).to_numpy(zero_copy_only=False)
    if valid.any():
        hits = found.to_numpy(zero_copy_only=False)[valid]
        out[valid] = pd.Series(hits, dtype=object).map(first_of).to_numpy(dtype=np.int64)
    return out


def _active_weights(icp: ICP) -> dict[str, float]:
    """Weights of the dimensions the ICP defines, rescaled to sum to 100."""
    defined = {
        "function": bool(icp.functions), "seniority": bool(icp.seniorities),
        "industry": bool(icp.industries), "keywords": bool(icp.keywords),
        "company": bool(icp.companies),
    }
    raw = {d: max(0.0, float(icp.weights.get(d, DEFAULT_WEIGHTS[d]))) for d in DIMENSIONS
           if defined[d]}
    total = sum(raw.values())
    if total <= 0:
        return {d: 0.0 for d in DIMENSIONS}
    return {d: 100.0 * raw.get(d, 0.0) / total for d in DIMENSIONS}


def band(fit: np.ndarray | pd.Series, threshold: float) -> np.ndarray:
    """The band of each fit: "strong" at or above `threshold`, "partial" at or above half of it,
    "off" below. Half the threshold keeps "partial" meaning "some of what you asked for" whatever
    threshold the user picks."""
    fit = np.asarray(fit, dtype=float)
    return np.where(fit >= threshold, "strong", np.where(fit >= threshold / 2, "partial", "off"))


def _pack(codes: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """(combination id per row, first row of each combination) for small integer code columns."""
    n = len(next(iter(codes.values())))
    key = np.zeros(n, dtype=np.int64)
    span = 1
    for values in codes.values():
        radix = int(values.max()) + 2 if n else 1  # codes start at -1
        span *= radix
        if span >= 2**62:  # never with real ICPs; stay exact anyway
            frame = pd.DataFrame(codes)
            ids = frame.groupby(list(codes), sort=False).ngroup().to_numpy()
            return ids, np.unique(ids, return_index=True)[1]
        key = key * radix + (values + 1)
    ids, uniques = pd.factorize(key)
    first = np.full(len(uniques), n, dtype=np.int64)
    np.minimum.at(first, ids, np.arange(n))
    return ids, first


def _codes(titles: pd.Series, companies: pd.Series, t: np.ndarray, c: np.ndarray,
           icp: ICP) -> tuple[dict[str, np.ndarray], np.ndarray, np.ndarray]:
    """What matched for each row, as integer codes, plus each distinct title's seniority/function.

    `titles`/`companies` are the distinct values; `t`/`c` give each row's position in them.
    """
    norm = normalise_titles_fast(titles)
    seniority, function = classify_normalised(norm)
    pad_t, pad_c = padded_words(titles), padded_words(companies)

    def either(terms: list[str], on_title: bool = True) -> np.ndarray:
        """Row-level index of the matching term: the title's first, else the company's."""
        in_company = _term_index(pad_c, terms)[c]
        if not on_title:
            return in_company
        in_title = _term_index(pad_t, terms)[t]
        return np.where(in_title >= 0, in_title, in_company)

    fn_labels = list(FUNCTIONS)
    fn_code = np.array([fn_labels.index(f) if f in fn_labels else -1 for f in function],
                       dtype=np.int64)
    sen_code = np.array([SENIORITIES.index(s) if s in SENIORITIES else -1 for s in seniority],
                        dtype=np.int64)
    wanted_fn = [fn_labels.index(f) for f in icp.functions if f in fn_labels]
    wanted_sen = [SENIORITIES.index(s) for s in icp.seniorities if s in SENIORITIES]
    row_fn, row_sen = fn_code[t], sen_code[t]

    codes: dict[str, np.ndarray] = {}
    codes["function"] = np.where(np.isin(row_fn, wanted_fn), row_fn, -1)
    # Seniority: the level, and 1 = a wanted level, 2 = one level away from a wanted one.
    exact = np.isin(row_sen, wanted_sen)
    near = np.zeros(len(t), dtype=bool)
    for i in wanted_sen:
        near |= (np.abs(row_sen - i) == 1) & (row_sen >= 0)
    state = np.where(exact, 1, np.where(near, 2, 0))
    codes["seniority"] = np.where(state > 0, row_sen, -1)
    codes["seniority_state"] = state
    industry_terms = [w for ind in icp.industries for w in INDUSTRIES.get(ind, ())]
    codes["industry"] = either(industry_terms)
    # Keywords: the first that matches and how many distinct ones do.
    count = np.zeros(len(t), dtype=np.int64)
    first = np.full(len(t), -1, dtype=np.int64)
    seen: set[str] = set()
    for i, term in enumerate(icp.keywords):
        nd = needle(term)
        if not nd.strip() or nd in seen:
            continue
        seen.add(nd)
        m = has_word(pad_t, nd)[t] | has_word(pad_c, nd)[c]
        first = np.where((first < 0) & m, i, first)
        count += m
    codes["keyword"], codes["keyword_count"] = first, count
    codes["company"] = either(icp.companies, on_title=False)
    codes["excluded"] = either(icp.exclude_keywords)
    codes["excluded_company"] = either(icp.exclude_companies, on_title=False)
    codes["no_title"] = (norm.to_numpy() == "").astype(np.int64)[t]
    return codes, seniority, function


def _points_and_reasons(k: dict[str, np.ndarray], icp: ICP) -> tuple[np.ndarray, np.ndarray]:
    """Fit (0-100) and reasons for each combination of codes (arrays of one combination each)."""
    w = _active_weights(icp)
    n = len(k["function"])
    points = np.zeros(n)
    reasons = np.full(n, "", dtype=object)

    def add(mask: np.ndarray, pts: np.ndarray | float, labels: np.ndarray | str) -> None:
        """Earn `pts` where `mask`, and say why: "label (+pts)"."""
        nonlocal points, reasons
        pts_arr = np.broadcast_to(np.asarray(pts, dtype=float), (n,))
        points = points + np.where(mask, pts_arr, 0.0)
        labels = np.broadcast_to(np.asarray(labels, dtype=object), (n,))
        earned = np.round(pts_arr).astype(int).astype(str).astype(object)
        text = labels + " (+" + earned + ")"
        reasons = np.where(mask, np.where(reasons == "", text, reasons + " · " + text), reasons)

    def label(values: list[str], index: np.ndarray) -> np.ndarray:
        """The text behind each index ("" for -1)."""
        table = np.array(list(values) + [""], dtype=object)
        return table[np.where(index >= 0, index, len(values))]

    if w["function"]:
        add(k["function"] >= 0, w["function"], label(FUNCTIONS, k["function"]) + " function")
    if w["seniority"]:
        level = label(SENIORITIES, k["seniority"])
        add(k["seniority_state"] == 1, w["seniority"], level)
        # One level away from a wanted level earns half: "Director" is close to "VP".
        add(k["seniority_state"] == 2, w["seniority"] / 2, level + " (close)")
    if w["industry"]:
        terms = [t for ind in icp.industries for t in INDUSTRIES.get(ind, ())]
        add(k["industry"] >= 0, w["industry"],
            "industry word '" + label(terms, k["industry"]) + "'")
    if w["keywords"]:
        count = k["keyword_count"]
        # The first keyword earns 60% of the weight, each further one 20%, capped at 100%.
        share = np.where(count > 0, np.minimum(1.0, 0.6 + 0.2 * (count - 1)), 0.0)
        extra = np.where(count > 1, " +" + (count - 1).astype(str).astype(object) + " more", "")
        add(count > 0, w["keywords"] * share,
            "keyword '" + label(icp.keywords, k["keyword"]) + "'" + extra)
    if w["company"]:
        add(k["company"] >= 0, w["company"],
            "target account '" + label(icp.companies, k["company"]) + "'")

    # Disqualifiers win over everything.
    excluded = k["excluded"] >= 0
    ex_company = (k["excluded_company"] >= 0) & ~excluded
    why = np.where(excluded, "excluded: '" + label(icp.exclude_keywords, k["excluded"]) + "'",
                   "excluded account: '"
                   + label(icp.exclude_companies, k["excluded_company"]) + "'")
    out_of_profile = excluded | ex_company
    fit = np.where(out_of_profile, 0.0, np.clip(np.round(points), 0, 100))
    reasons = np.where(out_of_profile, why, reasons)
    reasons = np.where((k["no_title"] == 1) & ~out_of_profile & (fit == 0),
                       "no job title (data gap)", reasons)
    reasons = np.where(reasons == "", "no ICP criteria matched", reasons)
    return fit, reasons


def score(connections: pd.DataFrame, icp: ICP) -> pd.DataFrame:
    """The connection table plus `fit` (0-100), `fit_band`, `fit_reasons`, `seniority`, `function`.

    Takes the connection table (core/schema.py) and an ICP. Ghost rows get NaN fit and an empty
    band, reasons, seniority and function. Titles are cleaned and classified once per distinct
    title, companies matched once per distinct company, and reasons written once per distinct
    combination of matches, so 30k connections score in a fraction of a second. Returns a new
    DataFrame; the input is not modified.
    """
    out = connections.copy()
    title = connections["headline"].where(connections["headline"] != "", connections["position"])
    t, t_uniques = pd.factorize(title.astype("str").fillna(""))
    c, c_uniques = pd.factorize(connections["company"].astype("str").fillna(""))
    titles = pd.Series(np.asarray(t_uniques, dtype=object), dtype="str")
    companies = pd.Series(np.asarray(c_uniques, dtype=object), dtype="str")
    n = len(connections)
    if n:
        codes, seniority, function = _codes(titles, companies, t, c, icp)
        combo, first = _pack(codes)
        fit_c, reasons_c = _points_and_reasons({k: v[first] for k, v in codes.items()}, icp)
        fit, reasons = fit_c[combo], reasons_c[combo]
        seniority, function = seniority[t], function[t]
    else:
        fit = np.zeros(0)
        reasons = seniority = function = np.zeros(0, dtype=object)
    ghost = connections["is_blank"].to_numpy(dtype=bool)
    out["fit"] = np.where(ghost, np.nan, fit).astype(float)
    out["fit_band"] = pd.Series(np.where(ghost, "", band(fit, icp.fit_threshold)),
                                index=connections.index, dtype="str")
    for name, values in (("fit_reasons", reasons), ("seniority", seniority),
                         ("function", function)):
        out[name] = pd.Series(np.where(ghost, "", values), index=connections.index, dtype="str")
    return out


# --- words for people -----------------------------------------------------------------------

def _join(items: list[str], word: str = "or") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def industries_in(text: str) -> list[str]:
    """The industry groups a free text names: the group itself, or one of its indicative words.

    Why: the user's own industry from Profile.csv ("Software Development", "Financial
    Services") is offered as a one-click starting point in the wizard. Returns the group whose
    name the text is, else every group with a matching word (in `INDUSTRIES` order); [] when
    nothing matches.
    """
    text = (text or "").strip()
    exact = [g for g in INDUSTRIES if g.lower() == text.lower()]
    if exact or not text:
        return exact
    padded = padded_words(pd.Series([text], dtype="str"))
    return [group for group, words in INDUSTRIES.items()
            if any(has_word(padded, needle(w))[0] for w in words)]


def _levels(seniorities: list[str]) -> str:
    """"Director-level and more senior" for a run of levels from the top, else the levels."""
    ranks = sorted(SENIORITIES.index(s) for s in seniorities if s in SENIORITIES)
    if len(ranks) >= 2 and ranks == list(range(len(ranks))):
        return f"{SENIORITIES[ranks[-1]]}-level and more senior"
    return _join([SENIORITIES[r] for r in ranks])


def summary(icp: ICP) -> str:
    """The ICP in one plain-language sentence, for the wizard's review step and the report.

    e.g. "You want Director-level and more senior people in Sales at companies in Technology,
    Information and Media; a plus if their title or company mentions 'SaaS'; anyone mentioning
    'student' is off-profile. Strong fit from 60/100."
    """
    if icp.is_empty():
        return "Your ICP has no criteria yet: pick at least one function, seniority or keyword."
    who = f"{_levels(icp.seniorities)} people" if icp.seniorities else "people"
    sentence = f"You want {who}"
    if icp.functions:
        sentence += f" in {_join(icp.functions)}"
    if icp.industries:
        sentence += f" at companies in {_join(icp.industries)}"
    if icp.companies:
        sentence += f", ideally at {_join(icp.companies)}"
    if icp.keywords:
        sentence += ("; a plus if their title or company mentions "
                     f"{_join([repr(k) for k in icp.keywords])}")
    off = []
    if icp.exclude_keywords:
        off.append(f"mentioning {_join([repr(k) for k in icp.exclude_keywords])}")
    if icp.exclude_companies:
        off.append(f"working at {_join(icp.exclude_companies)}")
    if len(off) == 2:
        sentence += f"; anyone {off[0]}, or {off[1]}, is off-profile"
    elif off:
        sentence += f"; anyone {off[0]} is off-profile"
    return sentence + f". Strong fit from {icp.fit_threshold:.0f}/100."


PRESETS: dict[str, ICP] = {
    "B2B SaaS founder selling to sales leaders": ICP(
        name="Sales leaders at B2B software companies",
        functions=["Sales", "Business Development", "Entrepreneurship"],
        seniorities=["Owner / Partner", "CXO", "Vice President", "Director"],
        industries=["Technology, Information and Media"],
        keywords=["SaaS", "revenue", "B2B", "pipeline", "enterprise"],
        exclude_keywords=["student", "intern", "recruiter"],
        fit_threshold=60,
    ),
    "Recruiter building a candidate network": ICP(
        name="Engineers and engineering leaders",
        functions=["Engineering", "Information Technology", "Product Management"],
        seniorities=["Senior", "Strategic", "Experienced Manager", "Director"],
        industries=["Technology, Information and Media"],
        keywords=["software", "platform", "data", "cloud"],
        exclude_keywords=["recruiter", "talent acquisition"],
        fit_threshold=55,
    ),
    "Consultant selling to CFOs": ICP(
        name="Finance leaders",
        functions=["Finance", "Accounting"],
        seniorities=["CXO", "Vice President", "Director"],
        industries=["Financial Services", "Manufacturing", "Retail"],
        keywords=["finance", "FP&A", "controller", "treasury"],
        exclude_keywords=["student", "intern"],
        fit_threshold=60,
    ),
    "Agency owner selling to marketing leaders": ICP(
        name="Marketing leaders",
        functions=["Marketing"],
        seniorities=["CXO", "Vice President", "Director", "Experienced Manager"],
        keywords=["brand", "growth", "demand generation", "content"],
        exclude_keywords=["intern", "student"],
        fit_threshold=60,
    ),
}
