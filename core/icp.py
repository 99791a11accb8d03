"""The Ideal Customer Profile and explainable, graded fit scores for every connection.

Scoring follows common practice (HubSpot, Apollo; see shared/research/linkedin-facts.md):
disqualifiers first (an excluded keyword or account lands "off" with fit 0), then a weighted
sum of the dimensions the ICP defines, scaled to 0-100. A dimension the ICP leaves empty does not
count against anyone: its weight is spread over the others. Missing data scores 0 and says so.

What a title says comes from the title model (`core.titles.read_titles`), with the user's
corrections on top. Its confidence grades the points a title earns, so ranking by fit means
something: a clear "Head of Sales" ranks above a hesitant reading. A person whose title names two
roles ("Founder & CTO") matches if either function is wanted.

Keywords and target accounts are nice-to-haves: they only ever ADD points on top of the other
dimensions (capped at 100), so naming one never lowers anyone's fit. Keywords, industry words and accounts match whole
words, any case, with or without accents ("socio" finds "Sócio"). A title word counts once: the
words that proved a function are not also evidence of an industry ("Software Engineer" is
Engineering, not also an industry hint for "software").

Every point comes with a reason a person can read:
"Sales function (+30) · Vice President (+25) · you said Growth Hacker is Marketing".

Bands: "strong" from `fit_threshold` (default 60), "partial" from half of it, "off" below. A
strong fit must also be in a job function the ICP names and at a seniority it names or the one
just above (when it names them); anyone else stops just below the threshold, and says why.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.text import fold, has_word, needle, padded_words
from core.titles import Correction, Corrections, read_titles, title_keys
from core.vocabulary import FUNCTIONS, INDUSTRIES, SENIORITIES

SCHEMA_VERSION = 1
DIMENSIONS = ("function", "seniority", "industry", "keywords", "company")
DEFAULT_WEIGHTS = {"function": 30, "seniority": 25, "industry": 15, "keywords": 20, "company": 10}
#: Dimensions that only add points on top of the others (see `_active_weights`).
BONUS = ("keywords", "company")
#: The ICP's list fields (tuples in memory, lists in the JSON file).
LIST_FIELDS = (
    "functions",
    "seniorities",
    "industries",
    "keywords",
    "exclude_keywords",
    "companies",
    "exclude_companies",
)

# Bounds for hostile or broken ICP files. The wizard keeps answers within them, and a file at
# every bound at once (4-byte characters included) stays under the size bound, so whatever the
# app saves loads again.
_MAX_JSON_BYTES = 400_000
MAX_ITEMS = 60
MAX_TEXT = 80
MAX_CORRECTIONS = 250
MAX_TITLE = 200


def _weights(value) -> tuple[tuple[str, float], ...]:
    """Weights as (dimension, points) pairs in DIMENSIONS order, defaults filling the gaps."""
    given = dict(value.items() if isinstance(value, Mapping) else value)
    return tuple((d, float(given.get(d, DEFAULT_WEIGHTS[d]))) for d in DIMENSIONS)


@dataclass(frozen=True)
class ICP:
    """Who the user wants in their network. Every field has a default: `ICP(functions=("Sales",))`.

    Frozen, with tuple fields, so an ICP can key a cache and a module-level preset can go into a
    session as it is; change one with `dataclasses.replace`. Lists are accepted and become tuples.

    - functions / seniorities / industries: values from `core.vocabulary`.
    - keywords: nice-to-have terms ("SaaS", "revenue"); each match adds points.
    - exclude_keywords: deal-breakers ("student", "recruiter"): a match means off-profile.
    - companies: target accounts; exclude_companies: accounts to keep out (e.g. competitors).
    - weights: points per dimension, as (dimension, points) pairs (a dict is accepted).
    - fit_threshold: fit at or above which a connection is a strong fit (0-100).
    """

    name: str = "My ICP"
    functions: tuple[str, ...] = ()
    seniorities: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    exclude_keywords: tuple[str, ...] = ()
    companies: tuple[str, ...] = ()
    exclude_companies: tuple[str, ...] = ()
    weights: tuple[tuple[str, float], ...] = _weights(DEFAULT_WEIGHTS)
    fit_threshold: float = 60.0

    def __post_init__(self) -> None:
        for name in LIST_FIELDS:
            value = getattr(self, name)
            object.__setattr__(self, name, (value,) if isinstance(value, str) else tuple(value))
        object.__setattr__(self, "weights", _weights(self.weights))
        object.__setattr__(self, "fit_threshold", float(self.fit_threshold))

    def weight(self, dimension: str) -> float:
        """The points the user gives one dimension (see DIMENSIONS)."""
        return dict(self.weights)[dimension]

    def is_empty(self) -> bool:
        """True when no criterion is set (exclusions alone do not define anyone to look for)."""
        return not (
            self.functions or self.seniorities or self.industries or self.keywords or self.companies
        )

    def to_json(self, corrections: Corrections = ()) -> str:
        """The ICP as indented JSON with a schema version, for a download.

        `corrections` (the user's title readings) go along so they come back with the file;
        only those `load_icp_file` accepts, so a saved file always loads again. Criteria only:
        neither the ICP nor a correction names a person, so the file holds no personal data.
        """
        data = {"schema": SCHEMA_VERSION, **asdict(self), "weights": dict(self.weights)}
        data["corrections"] = [
            {"title": c.title, "function": c.function, "seniority": c.seniority}
            for c in _savable(corrections)
        ]
        return json.dumps(data, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str | bytes) -> ICP:
        """An ICP from a saved file (its corrections ignored; see `load_icp_file`)."""
        return load_icp_file(text)[0]


def load_icp_file(text: str | bytes) -> tuple[ICP, Corrections]:
    """The ICP and the title corrections in a saved file (str or UTF-8 bytes), validated.

    Files come from users (and may be hostile), so size, nesting, list lengths, text lengths,
    types, vocabulary, ranges and the text itself (no lone surrogates or control characters,
    which cannot be shown or saved again) are all checked. Files saved before corrections
    existed load with none. Raises ValueError whose message starts with the bad field
    ("keywords: more than 60 entries"; "file: ..." for the whole file).
    """
    data = _parse(text)
    schema = data.pop("schema", None)
    if type(schema) is not int or schema != SCHEMA_VERSION:  # true == 1 in Python
        raise ValueError(f"schema: expected {SCHEMA_VERSION}, got {_quote(schema)}")
    corrections = _corrections(data.pop("corrections", []))
    known = {f.name for f in fields(ICP)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ValueError(f"{_quote(unknown[0])[1:-1]}: unknown field")
    kwargs: dict = {}
    if "name" in data:
        kwargs["name"] = _text(data["name"], "name")
    vocab = {"functions": FUNCTIONS, "seniorities": SENIORITIES, "industries": INDUSTRIES}
    for key in LIST_FIELDS:
        if key in data:
            items = _text_list(data[key], key)
            if key in vocab:
                bad = [i for i in items if i not in vocab[key]]
                if bad:
                    raise ValueError(f"{key}: unknown value {bad[0]!r}")
            kwargs[key] = tuple(items)
    if "weights" in data:
        w = data["weights"]
        if not isinstance(w, dict) or set(w) - set(DIMENSIONS):
            raise ValueError(f"weights: expected numbers for {', '.join(DIMENSIONS)}")
        kwargs["weights"] = {k: _number(v, f"weights.{k}", 0, 100) for k, v in w.items()}
    if "fit_threshold" in data:
        kwargs["fit_threshold"] = _number(data["fit_threshold"], "fit_threshold", 0, 100)
    return ICP(**kwargs), corrections


def _parse(text: str | bytes) -> dict:
    """The file's JSON object, or ValueError("file: ...")."""
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
    return data


def _quote(value) -> str:
    """repr() safe to show: a lone surrogate in a key or value must not break the message."""
    return repr(value).encode("utf-8", "backslashreplace").decode("utf-8")


def _text(value, name: str, limit: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{name}: expected text")
    if len(value) > limit:
        raise ValueError(f"{name}: longer than {limit} characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:  # "\ud800" escapes decode to lone surrogates
        raise ValueError(
            f"{name}: contains a broken character (an unpaired surrogate) that "
            "cannot be shown or saved; retype that text"
        ) from exc
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise ValueError(f"{name}: contains a control character; retype that text")
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


def _corrections(value) -> Corrections:
    """Validated corrections: known titles' keys with vocabulary values, the last one per title."""
    if not isinstance(value, list):
        raise ValueError("corrections: expected a list of {title, function, seniority}")
    if len(value) > MAX_CORRECTIONS:
        raise ValueError(f"corrections: more than {MAX_CORRECTIONS} entries")
    for i, item in enumerate(value):
        if not isinstance(item, dict) or set(item) - {"title", "function", "seniority"}:
            raise ValueError(f"corrections[{i}]: expected title, function and seniority")
    titles = [
        _text(item.get("title"), f"corrections[{i}].title", MAX_TITLE)
        for i, item in enumerate(value)
    ]
    out: dict[str, Correction] = {}
    for i, (item, key) in enumerate(zip(value, title_keys(titles), strict=True)):
        where = f"corrections[{i}]"
        function = _text(item.get("function", ""), f"{where}.function")
        seniority = _text(item.get("seniority", ""), f"{where}.seniority")
        if function and function not in FUNCTIONS:
            raise ValueError(f"{where}.function: unknown value {function!r}")
        if seniority and seniority not in SENIORITIES:
            raise ValueError(f"{where}.seniority: unknown value {seniority!r}")
        if not key or not (function or seniority):
            raise ValueError(f"{where}: needs a title and a function or seniority")
        out.pop(key, None)
        out[key] = Correction(key, function, seniority)
    return tuple(out.values())


def _savable(corrections: Corrections) -> Corrections:
    """The corrections an ICP file can hold: vocabulary values, a title within MAX_TITLE, the
    newest MAX_CORRECTIONS (a correction made elsewhere may not have gone through
    `with_correction`)."""
    ok = tuple(
        c
        for c in corrections
        if 0 < len(c.title) <= MAX_TITLE
        and (c.function or c.seniority)
        and c.function in ("", *FUNCTIONS)
        and c.seniority in ("", *SENIORITIES)
    )
    return ok[-MAX_CORRECTIONS:]


def with_correction(corrections: Corrections, correction: Correction) -> Corrections:
    """`corrections` with `correction` in force: it replaces any earlier one for the same title,
    and a correction naming neither function nor seniority removes the title's correction.

    Within the file's bounds, so the ICP file always loads again: the newest MAX_CORRECTIONS
    are kept, and a title longer than MAX_TITLE characters (pasted text, not a job title) is
    not taken.
    """
    kept = tuple(c for c in corrections if c.title != correction.title)
    if (correction.function or correction.seniority) and 0 < len(correction.title) <= MAX_TITLE:
        kept += (correction,)
    return kept[-MAX_CORRECTIONS:]


# Matching is by whole words, any case, with or without accents: `core.text.padded_words`
# for the texts, `core.text.needle` for the terms.


# --- scoring --------------------------------------------------------------------------------
#
# The work is split by what it depends on, so each piece runs over as few values as possible:
# 1. per distinct title: the title model's reading, keyword/industry/exclusion matches;
#    per distinct company: account, keyword and industry matches (Arrow kernels);
# 2. per connection: small integer codes saying what matched (numpy);
# 3. per distinct combination of those codes (a few hundred to a few thousand, whatever the
#    network size): points and the readable reasons, then mapped back to every row.

#: A wanted function that is the title's second role ("Founder, CTO" for Engineering) earns this
#: share of the function points: it matches, a little less squarely than a title that leads with it.
SECOND_ROLE = 0.9
#: Below this title confidence, the reason says the function is only likely.
_SURE = 0.6


def _text_column(connections: pd.DataFrame, name: str) -> pd.Series:
    """One text column, "" where missing (an export may lack a column altogether)."""
    if name not in connections:
        return pd.Series("", index=connections.index, dtype="str")
    return connections[name].astype("str").fillna("")


def title_text(connections: pd.DataFrame) -> pd.Series:
    """What a person's title is read from: the headline when the file has one, else the
    position (the company is matched separately, never read as a title)."""
    headline = _text_column(connections, "headline")
    return headline.where(headline != "", _text_column(connections, "position"))


def _term_index(padded, needles: list[str]) -> np.ndarray:
    """Index into `needles` of the leftmost one each padded text contains (-1 where none does).

    One RE2 pass over all texts; user terms are escaped, never patterns.
    """
    out = np.full(len(padded), -1, dtype=np.int64)
    first_of: dict[str, int] = {}
    for i, nd in enumerate(needles):
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


#: Characters of a title or company name that are matched against terms. LinkedIn caps a
#: headline at 220 characters and a position at 100; anything longer is pasted text, and reading
#: all of it would let a 10,000-character "title" slow every ICP change.
MATCHED_CHARS = 300


def _arrow(texts) -> pa.Array:
    """Text as one Arrow large_string array ("" for missing)."""
    if not isinstance(texts, (pa.Array, pa.ChunkedArray)):
        texts = pa.array(texts.astype("str").fillna(""), type=pa.large_string())
    return texts.combine_chunks() if isinstance(texts, pa.ChunkedArray) else texts


def _clip(texts) -> pa.Array:
    """The first MATCHED_CHARS characters of each text, as an Arrow array."""
    return pc.utf8_slice_codeunits(_arrow(texts), 0, MATCHED_CHARS)


def _distinct(texts: pd.Series) -> tuple[np.ndarray, pa.Array]:
    """(position of each text among the distinct ones, the distinct texts), on Arrow."""
    encoded = pc.dictionary_encode(_arrow(texts))
    return encoded.indices.to_numpy(zero_copy_only=False), encoded.dictionary


def _industry_in_titles(pad_t, why: pd.Series, read: np.ndarray, needles: list[str]) -> np.ndarray:
    """Per distinct title, the first industry word it holds that did not decide its function.

    A title word counts once: where the title model read a function, the words it names in
    `why` ("software engineer") are evidence of that function, not of an industry, so they are
    masked before the industry words are looked for again.
    """
    idx = _term_index(pad_t, needles)
    redo = (idx >= 0) & read
    if redo.any():
        titles = pc.filter(pad_t, pa.array(redo)).to_pylist()
        spent = [set(y.split()) for y in padded_words(_clip(why[redo])).to_pylist()]
        # "|" is never part of a term, so a masked word can neither match nor join two others.
        rest = [
            " ".join("|" if w in used else w for w in t.split())
            for t, used in zip(titles, spent, strict=True)
        ]
        idx[redo] = _term_index(pa.array([f" {r} " for r in rest], pa.large_string()), needles)
    return idx


def _active_weights(icp: ICP) -> dict[str, float]:
    """Points each dimension can earn on the 0-100 scale.

    Function, seniority and industry share 100 between the ones the ICP defines: they describe
    who the person is. Keywords and target accounts come on top (capped at 100 in the end), each
    worth what its weight is among the defined dimensions, so naming a keyword or a company you
    want only ever adds points: it never pushes anyone else below strong.
    """
    defined = {
        "function": bool(icp.functions),
        "seniority": bool(icp.seniorities),
        "industry": bool(icp.industries),
        "keywords": bool(icp.keywords),
        "company": bool(icp.companies),
    }
    raw = {d: max(0.0, icp.weight(d)) if defined[d] else 0.0 for d in DIMENSIONS}
    base = sum(v for d, v in raw.items() if d not in BONUS)
    out = {d: (100.0 * raw[d] / base if base > 0 else 0.0) for d in DIMENSIONS}
    for d in BONUS:
        everything = base + raw[d]
        out[d] = 100.0 * raw[d] / everything if everything > 0 else 0.0
    return out


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
        if span >= 2**62:  # many corrected titles or terms; stay exact anyway
            frame = pd.DataFrame(codes)
            ids = frame.groupby(list(codes), sort=False).ngroup().to_numpy()
            return ids, np.unique(ids, return_index=True)[1]
        key = key * radix + (values + 1)
    ids, uniques = pd.factorize(key)
    first = np.full(len(uniques), n, dtype=np.int64)
    np.minimum.at(first, ids, np.arange(n))
    return ids, first


def _index_of(values: np.ndarray, vocabulary: tuple[str, ...], wanted) -> np.ndarray:
    """Position of each value in `vocabulary` where it is one of `wanted`, else -1."""
    table = {v: i for i, v in enumerate(vocabulary) if v in set(wanted)}
    codes, uniques = pd.factorize(values)  # a few distinct labels among many titles
    lookup = np.array([table.get(u, -1) for u in uniques] + [-1], dtype=np.int64)
    return lookup[codes]


def _codes(
    titles: pa.Array,
    companies: pa.Array,
    reading: pd.DataFrame,
    t: np.ndarray,
    c: np.ndarray,
    icp: ICP,
) -> dict[str, np.ndarray]:
    """What matched for each row, as integer codes.

    `titles`/`companies` are the distinct values and `reading` the title model's reading of
    each distinct title; `t`/`c` give each row's position in them.
    """
    pad_t, pad_c = padded_words(_clip(titles)), padded_words(_clip(companies))
    fn1 = reading["function"].to_numpy(dtype=object)
    fn2 = reading["function2"].to_numpy(dtype=object)
    codes: dict[str, np.ndarray] = {}

    def either(terms, on_title: bool = True) -> np.ndarray:
        """Row-level index of the matching term: the title's first, else the company's."""
        needles = [needle(x) for x in terms]
        in_company = _term_index(pad_c, needles)[c]
        if not on_title:
            return in_company
        in_title = _term_index(pad_t, needles)[t]
        return np.where(in_title >= 0, in_title, in_company)

    # Function: the title's first role if wanted, else its second; 1 = first, 2 = second.
    first, second = (
        _index_of(fn1, FUNCTIONS, icp.functions),
        _index_of(fn2, FUNCTIONS, icp.functions),
    )
    codes["function"] = np.where(first >= 0, first, second)[t]
    codes["function_role"] = np.where(first >= 0, 1, np.where(second >= 0, 2, 0))[t]
    # Seniority: the level, and 1 = a wanted level, 2 = one level away from a wanted one.
    level = _index_of(reading["seniority"].to_numpy(dtype=object), SENIORITIES, SENIORITIES)[t]
    wanted = [SENIORITIES.index(s) for s in icp.seniorities if s in SENIORITIES]
    exact = np.isin(level, wanted)
    near = np.zeros(len(t), dtype=bool)
    for i in wanted:
        near |= (np.abs(level - i) == 1) & (level >= 0)
    state = np.where(exact, 1, np.where(near, 2, 0))
    codes["seniority"] = np.where(state > 0, level, -1)
    codes["seniority_state"] = state
    # The title model's confidence grades the function points (in hundredths, to keep the
    # combinations few); 0 where it earns nothing.
    conf = np.clip(np.nan_to_num(reading["confidence"].to_numpy(dtype=float)), 0.0, 1.0)
    codes["confidence"] = np.where(codes["function_role"] > 0, np.rint(conf * 100)[t], 0).astype(
        np.int64
    )
    industry = [needle(w) for ind in icp.industries for w in INDUSTRIES.get(ind, ())]
    in_title = _industry_in_titles(pad_t, reading["why"], (fn1 != "") | (fn2 != ""), industry)[t]
    codes["industry"] = np.where(in_title >= 0, in_title, _term_index(pad_c, industry)[c])
    # Keywords: the first that matches and how many distinct ones do.
    count = np.zeros(len(t), dtype=np.int64)
    first_kw = np.full(len(t), -1, dtype=np.int64)
    seen: set[str] = set()
    for i, term in enumerate(icp.keywords):
        nd = needle(term)
        if not nd.strip() or nd in seen:
            continue
        seen.add(nd)
        m = has_word(pad_t, nd)[t] | has_word(pad_c, nd)[c]
        first_kw = np.where((first_kw < 0) & m, i, first_kw)
        count += m
    codes["keyword"], codes["keyword_count"] = first_kw, count
    codes["company"] = either(icp.companies, on_title=False)
    codes["excluded"] = either(icp.exclude_keywords)
    codes["excluded_company"] = either(icp.exclude_companies, on_title=False)
    codes["no_title"] = (reading["key"].to_numpy(dtype=object) == "").astype(np.int64)[t]
    # The user's own reading of the title, named in the reasons: the distinct title's index.
    said = reading["why"].str.startswith("you said").to_numpy(dtype=bool)
    codes["said"] = np.where(said, np.arange(len(titles)), -1)[t]
    return codes


def _points_and_reasons(
    k: dict[str, np.ndarray], icp: ICP, why: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Fit (0-100) and reasons for each combination of codes (arrays of one combination each).

    `why` is the title model's explanation per distinct title (for "you said ..." notes).
    """
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
        note(mask, labels + " (+" + earned + ")")

    def note(mask: np.ndarray, text: np.ndarray) -> None:
        nonlocal reasons
        reasons = np.where(mask, np.where(reasons == "", text, reasons + " · " + text), reasons)

    def label(values, index: np.ndarray) -> np.ndarray:
        """The text behind each index ("" for -1)."""
        table = np.array(list(values) + [""], dtype=object)
        return table[np.where(index >= 0, index, len(values))]

    if w["function"]:
        conf = k["confidence"] / 100.0
        role = k["function_role"]
        share = conf * np.where(role == 2, SECOND_ROLE, 1.0)
        text = label(FUNCTIONS, k["function"]) + " function"
        text = text + np.where(role == 2, ", second role", "")
        text = text + np.where(conf < _SURE, ", likely", "")
        add(role > 0, w["function"] * share, text)
    if w["seniority"]:
        level = label(SENIORITIES, k["seniority"])
        add(k["seniority_state"] == 1, w["seniority"], level)
        # One level away from a wanted level earns half: "Director" is close to "VP".
        add(k["seniority_state"] == 2, w["seniority"] / 2, level + " (close)")
    if w["industry"]:
        terms = [t for ind in icp.industries for t in INDUSTRIES.get(ind, ())]
        add(
            k["industry"] >= 0, w["industry"], "industry word '" + label(terms, k["industry"]) + "'"
        )
    if w["company"]:
        add(
            k["company"] >= 0,
            w["company"],
            "target account '" + label(icp.companies, k["company"]) + "'",
        )
    if w["keywords"]:
        count = k["keyword_count"]
        # The first keyword earns 60% of the keyword points, each further one 20%, up to 100%.
        share = np.where(count > 0, np.minimum(1.0, 0.6 + 0.2 * (count - 1)), 0.0)
        extra = np.where(count > 1, " +" + (count - 1).astype(str).astype(object) + " more", "")
        add(
            count > 0,
            w["keywords"] * share,
            "keyword '" + label(icp.keywords, k["keyword"]) + "'" + extra,
        )

    # Disqualifiers win over everything.
    excluded = k["excluded"] >= 0
    ex_company = (k["excluded_company"] >= 0) & ~excluded
    off = np.where(
        excluded,
        "excluded: '" + label(icp.exclude_keywords, k["excluded"]) + "'",
        "excluded account: '" + label(icp.exclude_companies, k["excluded_company"]) + "'",
    )
    out_of_profile = excluded | ex_company
    fit = np.where(out_of_profile, 0.0, np.clip(np.round(points), 0, 100))
    fit = _at_most_partial(fit, k, w, icp, note)
    reasons = np.where(out_of_profile, off, reasons)
    reasons = np.where(
        (k["no_title"] == 1) & ~out_of_profile & (fit == 0), "no job title (data gap)", reasons
    )
    reasons = np.where(reasons == "", "no ICP criteria matched", reasons)
    note(k["said"] >= 0, label(why, k["said"]))
    return fit, reasons


def _at_most_partial(fit: np.ndarray, k: dict[str, np.ndarray], w, icp: ICP, note):
    """A strong fit is someone in a job function the ICP names and at a seniority it names or
    the one just above (when it names them): anyone else stays just below the strong threshold,
    whatever the other parts add, and the reasons say why. Why: "strong fit" is what a coach
    protects and targets; a Key Account Manager one level below the Directors asked for, or a
    VP of another function at a target account, is worth a look (partial), not the profile.
    """
    missing = []
    if w["function"]:
        missing.append((k["function_role"] == 0, "not a job function you picked"))
    if w["seniority"]:
        wanted = [SENIORITIES.index(s) for s in icp.seniorities if s in SENIORITIES]
        above = (k["seniority_state"] == 2) & np.isin(k["seniority"] + 1, wanted)
        below = (k["seniority_state"] != 1) & ~above  # SENIORITIES runs from the top down
        missing.append((below, "not a seniority you picked"))
    ceiling = max(np.ceil(icp.fit_threshold) - 1, 0)
    for mask, why in missing:
        capped = mask & (fit > ceiling)
        fit = np.where(capped, ceiling, fit)
        note(capped, f"at most partial: {why}")
    return fit


def _reading(
    titles: pa.Array, t: np.ndarray, corrections: Corrections, given: pd.DataFrame | None
) -> pd.DataFrame:
    """The title model's reading of each distinct title (positions as in `titles`)."""
    if given is None:
        texts = pd.Series(titles.to_numpy(zero_copy_only=False), dtype="str")
        return read_titles(texts, corrections).reset_index(drop=True)
    if len(given) != len(t):
        raise ValueError("titles: expected one reading per connection")
    first = np.full(len(titles), len(t), dtype=np.int64)
    np.minimum.at(first, t, np.arange(len(t)))
    return given.iloc[first].reset_index(drop=True)


def score(
    connections: pd.DataFrame,
    icp: ICP,
    corrections: Corrections = (),
    *,
    titles: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The connection table plus fit and what the title model read.

    Adds `fit` (0-100), `fit_band`, `fit_reasons`, `function`, `function2`, `seniority`,
    `title_confidence`, `title_why` and `title_key`. Takes the connection table (core/schema.py),
    an ICP and the user's title corrections; `titles` is `read_titles(title_text(connections),
    corrections)` when the caller already has it (the ICP then changes without reading titles
    again). Ghost rows get NaN fit and empty text columns. Work is done once per distinct
    title, company and combination of matches, so 30k connections score in a fraction of a
    second. Returns a new DataFrame; the input is not modified.
    """
    out = connections.copy()
    t, titles_u = _distinct(title_text(connections))
    c, companies_u = _distinct(_text_column(connections, "company"))
    reading = _reading(titles_u, t, corrections, titles)
    n = len(connections)
    if n:
        codes = _codes(titles_u, companies_u, reading, t, c, icp)
        combo, first = _pack(codes)
        why = reading["why"].to_numpy(dtype=object)
        fit_c, reasons_c = _points_and_reasons({k: v[first] for k, v in codes.items()}, icp, why)
        fit, reasons = fit_c[combo], reasons_c[combo]
    else:
        fit, reasons = np.zeros(0), np.zeros(0, dtype=object)
    ghost = connections["is_blank"].to_numpy(dtype=bool)
    out["fit"] = np.where(ghost, np.nan, fit).astype(float)
    out["fit_band"] = pd.Series(
        np.where(ghost, "", band(fit, icp.fit_threshold)), index=connections.index, dtype="str"
    )
    text_columns = {
        "fit_reasons": reasons,
        "function": reading["function"].to_numpy()[t],
        "function2": reading["function2"].to_numpy()[t],
        "seniority": reading["seniority"].to_numpy()[t],
        "title_why": reading["why"].to_numpy()[t],
        "title_key": reading["key"].to_numpy()[t],
    }
    for name, values in text_columns.items():
        out[name] = pd.Series(np.where(ghost, "", values), index=connections.index, dtype="str")
    conf = reading["confidence"].to_numpy(dtype=float)[t]
    out["title_confidence"] = np.where(ghost, np.nan, conf)
    return out


def unknown_titles(
    texts: pd.Series, reading: pd.DataFrame, n: int = 8
) -> tuple[float, pd.DataFrame]:
    """How much of a network the title model cannot read, and what to correct first.

    Takes people's title texts and their `read_titles` reading (aligned). Returns the share of
    people with a title whose function is unknown, and the `n` most common such titles as a
    frame (key: the `title_key` a correction is stored under, title: its most common spelling,
    people), most people first. Why: one correction of a common title fixes many people.
    """
    titled = (reading["key"] != "").to_numpy()
    unknown = titled & (reading["function"] == "").to_numpy()
    share = float(unknown.sum() / titled.sum()) if titled.any() else 0.0
    people = reading["key"][unknown].value_counts(sort=False).rename("people")
    spelling = pd.Series(spellings(texts[unknown], reading[unknown]))
    top = people.sort_values(ascending=False, kind="stable").head(n)
    frame = pd.DataFrame(
        {
            "key": top.index.astype(str),
            "title": spelling.reindex(top.index).to_numpy(),
            "people": top.to_numpy(),
        }
    )
    return share, frame.astype({"key": "str", "title": "str"})


def spellings(texts: pd.Series, reading: pd.DataFrame, keys=None) -> dict[str, str]:
    """The way people in this network most often write each title key (of `keys`, default all).

    Why: a correction is stored under the folded key ("psicologa organizacional") so it holds
    for every spelling; the user should see the text they know ("Psicóloga Organizacional").
    Keys nobody here carries are left out.
    """
    key = reading["key"].to_numpy()
    wanted = key != "" if keys is None else np.isin(key, list(keys))
    pairs = pd.DataFrame({"key": key[wanted], "title": texts.astype("str").to_numpy()[wanted]})
    pairs["title"] = pairs["title"].str.strip()
    top = pairs.value_counts(["key", "title"], sort=True).reset_index().drop_duplicates("key")
    return dict(zip(top["key"], top["title"], strict=True))


# --- words for people -----------------------------------------------------------------------


def _join(items, word: str = "or") -> str:
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
    return [
        group
        for group, words in INDUSTRIES.items()
        if any(has_word(padded, needle(w))[0] for w in words)
    ]


def _levels(seniorities) -> str:
    """ "Director-level and more senior" for a run of levels from the top, else the levels."""
    ranks = sorted(SENIORITIES.index(s) for s in seniorities if s in SENIORITIES)
    if len(ranks) >= 2 and ranks == list(range(len(ranks))):
        return f"{SENIORITIES[ranks[-1]]}-level and more senior"
    return _join([SENIORITIES[r] for r in ranks])


def file_name(icp: ICP) -> str:
    """A download name from the ICP's own name ("Sales leaders at B2B" → "sales-leaders-at-b2b.icp.json"),
    so several saved ICPs can be told apart; plain ASCII letters and digits only, whatever the
    name holds."""
    folded = fold(icp.name).lower()
    slug = "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in folded).split())
    return f"{slug[:60].rstrip('-') or 'my-icp'}.icp.json"


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
        sentence += (
            f"; a plus if their title or company mentions {_join([repr(k) for k in icp.keywords])}"
        )
    off = []
    if icp.exclude_keywords:
        off.append(f"mentioning {_join([repr(k) for k in icp.exclude_keywords])}")
    if icp.exclude_companies:
        off.append(f"working at {_join(icp.exclude_companies)}")
    if len(off) == 2:
        sentence += f"; anyone {off[0]}, or {off[1]}, is off-profile"
    elif off:
        sentence += f"; anyone {off[0]} is off-profile"
    strong = f"Strong fit from {icp.fit_threshold:.0f}/100"
    outside = (["outside your functions"] if icp.functions else []) + (
        ["below the levels you picked"] if icp.seniorities else []
    )
    if outside:
        strong += f"; anyone {' or '.join(outside)} is at most a partial fit"
    return sentence + f". {strong}."


PRESETS: dict[str, ICP] = {
    "B2B SaaS founder selling to sales leaders": ICP(
        name="Sales leaders at B2B software companies",
        functions=("Sales", "Business Development", "Entrepreneurship"),
        seniorities=("Owner / Partner", "CXO", "Vice President", "Director"),
        industries=("Technology, Information and Media",),
        keywords=("SaaS", "revenue", "B2B", "pipeline", "enterprise"),
        exclude_keywords=("student", "intern", "recruiter"),
        fit_threshold=60,
    ),
    "Recruiter building a candidate network": ICP(
        name="Engineers and engineering leaders",
        functions=("Engineering", "Information Technology", "Product Management"),
        seniorities=("Senior", "Strategic", "Experienced Manager", "Director"),
        industries=("Technology, Information and Media",),
        keywords=("software", "platform", "data", "cloud"),
        exclude_keywords=("recruiter", "talent acquisition"),
        fit_threshold=55,
    ),
    "Consultant selling to CFOs": ICP(
        name="Finance leaders",
        functions=("Finance", "Accounting"),
        seniorities=("CXO", "Vice President", "Director"),
        industries=("Financial Services", "Manufacturing", "Retail"),
        keywords=("finance", "FP&A", "controller", "treasury"),
        exclude_keywords=("student", "intern"),
        fit_threshold=60,
    ),
    "Agency owner selling to marketing leaders": ICP(
        name="Marketing leaders",
        functions=("Marketing",),
        seniorities=("CXO", "Vice President", "Director", "Experienced Manager"),
        keywords=("brand", "growth", "demand generation", "content"),
        exclude_keywords=("intern", "student"),
        fit_threshold=60,
    ),
}
