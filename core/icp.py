"""The Ideal Customer Profile and explainable fit scores for every connection.

Scoring follows common practice (HubSpot, Apollo; see shared/research/linkedin-facts.md):
disqualifiers first (an excluded keyword or account lands "off" with fit 0), then a weighted
sum of the dimensions the ICP defines, capped per dimension, scaled to 0-100. A dimension the
ICP leaves empty does not count against anyone: its weight is spread over the others. Missing
data scores 0 and says so ("no job title").

Every point comes with a reason a person can read: "Vice President (+25) · Sales function (+30)".
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from core.text import has_word, needle, normalise_titles, padded_words
from core.titles import classify_normalised
from core.vocabulary import FUNCTIONS, INDUSTRIES, SENIORITIES

SCHEMA_VERSION = 1
DIMENSIONS = ("function", "seniority", "industry", "keywords", "company")
DEFAULT_WEIGHTS = {"function": 30, "seniority": 25, "industry": 15, "keywords": 20, "company": 10}

# Bounds for hostile or broken ICP files.
_MAX_JSON_BYTES = 100_000
_MAX_ITEMS = 60
_MAX_TEXT = 80


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
        return not (self.functions or self.seniorities or self.industries or self.keywords
                    or self.companies)

    def to_json(self) -> str:
        """The ICP as JSON with a schema version. Criteria only: never personal data."""
        return json.dumps({"schema": SCHEMA_VERSION, **asdict(self)}, ensure_ascii=False,
                          indent=2)

    @classmethod
    def from_json(cls, text: str | bytes) -> ICP:
        """Parse and validate; raises ValueError naming the field that is wrong."""
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
        except (json.JSONDecodeError, RecursionError) as exc:
            raise ValueError(f"file: not valid JSON ({exc.__class__.__name__})") from exc
        if not isinstance(data, dict):
            raise ValueError("file: expected a JSON object with ICP fields")
        schema = data.pop("schema", None)
        if schema != SCHEMA_VERSION:
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
    if len(value) > _MAX_TEXT:
        raise ValueError(f"{name}: longer than {_MAX_TEXT} characters")
    return value


def _text_list(value, name: str) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(f"{name}: expected a list of text")
    if len(value) > _MAX_ITEMS:
        raise ValueError(f"{name}: more than {_MAX_ITEMS} entries")
    return [_text(v, name) for v in value]


def _number(value, name: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
        raise ValueError(f"{name}: expected a number")
    if not lo <= value <= hi:
        raise ValueError(f"{name}: must be between {lo:g} and {hi:g}")
    return float(value)


# --- scoring --------------------------------------------------------------------------------

def _contains_any(padded, terms: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(matched: bool array, first matching term: object array) over padded texts.

    One RE2 pass over everything for "any term", then per-term passes over the hits only.
    """
    n = len(padded)
    hit = np.zeros(n, dtype=bool)
    which = np.full(n, "", dtype=object)
    needles = [(t, needle(t)) for t in terms]
    needles = [(t, nd) for t, nd in needles if nd.strip()]
    if not needles or n == 0:
        return hit, which
    # One RE2 pass finds whether any term matches and which (the leftmost in the text).
    by_needle = {}
    for term, nd in needles:
        by_needle.setdefault(nd, term)
    pattern = "(?P<w>" + "|".join(re.escape(nd) for nd in by_needle) + ")"
    found = pc.struct_field(pc.extract_regex(padded, pattern), [0])
    valid = pc.is_valid(found).to_numpy(zero_copy_only=False)
    hit = valid
    if hit.any():
        which[hit] = pd.Series(found.to_numpy(zero_copy_only=False)[hit]).map(by_needle).to_numpy()
    return hit, which


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
    """strong ≥ threshold; partial ≥ half the threshold; off below."""
    fit = np.asarray(fit, dtype=float)
    return np.where(fit >= threshold, "strong", np.where(fit >= threshold / 2, "partial", "off"))


def _score_distinct(texts: pd.Series, companies: pd.Series, icp: ICP) -> pd.DataFrame:
    """Scores for distinct (text, company) pairs: the expensive part, done once per pair."""
    # Titles repeat across companies: classify each distinct title once.
    t_codes, t_uniques = pd.factorize(texts)
    norm_u = normalise_titles(pd.Series(np.asarray(t_uniques, dtype=object), dtype="str"))
    sen_u, fun_u = classify_normalised(norm_u)
    seniority, function = sen_u[t_codes], fun_u[t_codes]
    norm = norm_u.to_numpy()[t_codes]
    full = padded_words(texts.fillna("") + " " + companies.fillna(""))
    comp = padded_words(companies.fillna(""))
    w = _active_weights(icp)
    n = len(texts)
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

    if w["function"]:
        m = np.isin(function, icp.functions)
        add(m, w["function"], function.astype(object) + " function")
    if w["seniority"]:
        wanted = np.array([s in icp.seniorities for s in SENIORITIES])
        rank = {s: i for i, s in enumerate(SENIORITIES)}
        ranks = np.array([rank.get(s, -1) for s in seniority])
        exact = np.isin(seniority, icp.seniorities)
        # One level away from a wanted level earns half: "Director" is close to "VP".
        near = np.zeros(n, dtype=bool)
        for i, ok in enumerate(wanted):
            if ok:
                near |= (np.abs(ranks - i) == 1) & (ranks >= 0)
        near &= ~exact
        add(exact, w["seniority"], seniority.astype(object))
        add(near, w["seniority"] / 2, seniority.astype(object) + " (close)")
    if w["industry"]:
        terms = [t for ind in icp.industries for t in INDUSTRIES.get(ind, ())]
        m, which = _contains_any(full, terms)
        add(m, w["industry"], "industry word '" + which + "'")
    if w["keywords"]:
        count = np.zeros(n)
        first = np.full(n, "", dtype=object)
        for term in icp.keywords:
            nd = needle(term)
            if not nd.strip():
                continue
            m = has_word(full, nd)
            first[(count == 0) & m] = term
            count += m
        # The first keyword earns 60% of the weight, each further one 20%, capped at 100%.
        share = np.where(count > 0, np.minimum(1.0, 0.6 + 0.2 * (count - 1)), 0.0)
        extra = np.where(count > 1, " +" + (count - 1).astype(int).astype(str).astype(object)
                         + " more", "")
        label = "keyword '" + first + "'" + extra
        add(count > 0, w["keywords"] * share, label)
    if w["company"]:
        m, which = _contains_any(comp, icp.companies)
        add(m, w["company"], "target account '" + which + "'")

    excluded, why = _contains_any(full, icp.exclude_keywords)
    ex_co, why_co = _contains_any(comp, icp.exclude_companies)
    why = np.where(excluded, "excluded: '" + why + "'", "")
    why = np.where(~excluded & ex_co, "excluded account: '" + why_co + "'", why)
    excluded |= ex_co

    fit = np.clip(np.round(points), 0, 100)
    fit = np.where(excluded, 0, fit)
    text_reasons = np.where(excluded, why, reasons)
    blank_title = norm == ""
    text_reasons = np.where(blank_title & ~excluded & (fit == 0),
                            "no job title (data gap)", text_reasons)
    text_reasons = np.where((text_reasons == "") & ~excluded, "no ICP criteria matched",
                            text_reasons)
    return pd.DataFrame({
        "fit": fit.astype(float), "fit_band": band(fit, icp.fit_threshold),
        "fit_reasons": text_reasons, "seniority": seniority, "function": function,
    })


def score(connections: pd.DataFrame, icp: ICP) -> pd.DataFrame:
    """The connection table plus `fit` (0-100), `fit_band`, `fit_reasons`, `seniority`, `function`.

    Ghost rows get NaN fit, an empty band and no reasons. Work is done once per distinct
    (position/headline, company) pair, then mapped back, so 30k connections score in well under
    a second. Returns a new DataFrame; the input is not modified.
    """
    out = connections.copy()
    title = connections["headline"].where(connections["headline"] != "", connections["position"])
    key = title.astype("str") + "\x1f" + connections["company"].astype("str")
    codes, uniques = pd.factorize(key)
    parts = pd.Series(np.asarray(uniques, dtype=object), dtype="str").str.split("\x1f", n=1,
                                                                               expand=True)
    if len(uniques):
        scored = _score_distinct(parts[0].astype("str"), parts[1].astype("str"), icp)
        rows = scored.iloc[codes].reset_index(drop=True)
    else:
        rows = pd.DataFrame(columns=["fit", "fit_band", "fit_reasons", "seniority", "function"])
    rows.index = connections.index
    ghost = connections["is_blank"].to_numpy(dtype=bool)
    out["fit"] = rows["fit"].astype(float).where(~ghost, np.nan)
    out["fit_band"] = rows["fit_band"].astype("str").where(~ghost, "")
    out["fit_reasons"] = rows["fit_reasons"].astype("str").where(~ghost, "")
    out["seniority"] = rows["seniority"].astype("str").where(~ghost, "")
    out["function"] = rows["function"].astype("str").where(~ghost, "")
    return out


# --- words for people -----------------------------------------------------------------------

def _join(items: list[str], word: str = "or") -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def summary(icp: ICP) -> str:
    """One plain-language sentence: "You want Vice President or CXO people in Sales at ..."."""
    if icp.is_empty():
        return "Your ICP has no criteria yet: pick at least one function, seniority or keyword."
    who = _join(icp.seniorities) + " " if icp.seniorities else ""
    what = f"people in {_join(icp.functions)}" if icp.functions else "people"
    parts = [f"You want {who}{what}".replace("  ", " ")]
    if icp.industries:
        parts.append(f"in {_join(icp.industries)}")
    if icp.companies:
        parts.append(f"ideally at {_join(icp.companies)}")
    sentence = " ".join(parts)
    if icp.keywords:
        sentence += f"; a plus if their title mentions {_join([repr(k) for k in icp.keywords])}"
    if icp.exclude_keywords or icp.exclude_companies:
        off = [repr(k) for k in icp.exclude_keywords] + icp.exclude_companies
        sentence += f"; {_join(off, 'and')} are off-profile"
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
