"""Groups of connections by what people do, with names a person recognises.

Why function first: a group a person recognises is "the recruiters" or "the sales leaders", and
the title model (`core.titles.read_titles`) already knows each title's job function in any
language ("Recruiter", "Rekryterare" and "Analista de Recrutamento" are all Human Resources).
Clustering words alone put accountants with account managers and founders with consultants; so
here the function decides first and words only split or join within it.

`prepare` (once per network, method and corrections)
  the role segment of each headline ("Helping founders scale | VP Sales @ Acme" → "vice
  president sales") → the title model's function and seniority for each distinct text → level and
  stop words dropped ("Senior Software Engineer" and "Software Engineer" become one text) →
  distinct (function, seniority band, words) units ("docs"), weighted by how many people have
  them → word 1-2 gram + char_wb 3-5 gram TF-IDF → TruncatedSVD(100) → unit length, plus a small
  seniority-band block (so a large function can part its leaders from its individual
  contributors).

`cluster_prepared` (per k, fast)
  one group per job function present; large functions split by their words and seniority
  (spherical k-means inside the function) so no group holds more than a quarter of the network;
  functions under half a percent of the people join the group they are most like when that
  group stays 70% one function. A chosen number of groups starts from the same plan and adds
  splits (to the functions with most people per group) or merges the most alike groups, within
  a function first and never into a catch-all (a group that is not 70% one function is named
  "Mixed: ..."). Titles with no function are grouped by their words.
  Names: the dominant function, then the most typical words of the group (no stop words, never a
  word only one person has). A 2-D map places similar groups close.

`carry_over` maps the user's renames and keep/review/prune marks from one grouping to the next
by overlap of people, and says what moved.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.cluster import kmeans_plusplus
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.manifold import smacof
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from core.text import ABBREVIATIONS, AT_WORDS, clean_titles, fold
from core.titles import Corrections, read_titles


def _with_folded(words) -> frozenset[str]:
    """Words in both spellings, as written and folded ("für", "fur"): groups compare folded
    role texts, names show accented ones."""
    words = list(words)
    return frozenset(words) | {fold(w) for w in words}


#: Small words of the languages people write titles in. Never part of a group name ("Analista
#: De · Recrutamento Seleção" was a real name) and not worth grouping on.
STOP_WORDS = _with_folded(
    """
of the and for in at a an to with from on by or as vs via per
de da do das dos e em na no nas nos para com por ao aos um uma
del la el los las y en con al un una lo
du des le les et pour chez au aux sur d l un une
und für fur der die das im bei von vom zu zum zur mit den dem ein eine
van het en voor bij met op te aan
och för av på i med till vid hos
di della delle dei degli il per con ed
""".split()
)

#: Words that say how senior someone is or where they work, not what they do (any language).
#: Dropped before grouping: "VP Sales" and "VP Engineering" part ways; "Sr." does not matter.
LEVEL_WORDS = (
    _with_folded(
        """
senior junior lead principal staff head chief vice president executive officer director
manager associate assistant intern trainee i ii iii iv v sr jr snr mid level entry experienced
global regional international group team emea apac dach latam uk uki us usa nordics benelux
france germany spain iberia north south america europe remote hybrid contract freelance
interim part full time based mid market enterprise strategic accounts smb ex
júnior sênior pleno estagiário estagiária estagiario estagiaria gerente diretor diretora
directora directeur directrice direktor coordenador coordenadora coordinador coordinadora
jefe jefa responsable leiter leiterin chef praktikant werkstudent stagiaire alternant
""".split()
    )
    | STOP_WORDS
)

#: Level words that never name a group; role nouns like "manager" or "director" may.
_NAME_DROP = (
    _with_folded(
        """
senior junior lead principal staff head chief vice president intern trainee i ii iii iv v sr jr
snr mid level entry experienced global regional international team emea apac dach latam uk uki
us usa nordics benelux france germany spain iberia north south america europe remote hybrid
contract freelance interim part full time based market enterprise strategic smb ex vp svp evp
avp júnior sênior pleno co
""".split()
    )
    | STOP_WORDS
)

#: How a function reads in a group name (no stop words: "Arts & Design", not "Arts and Design").
FUNCTION_LABELS: dict[str, str] = {
    "Arts and Design": "Arts & Design",
    "Community and Social Services": "Community & Social Services",
    "Customer Success and Support": "Customer Success & Support",
    "Entrepreneurship": "Founders & Owners",
    "Healthcare Services": "Healthcare",
    "Information Technology": "IT",
    "Media and Communication": "Media & Communication",
    "Military and Protective Services": "Military & Protective Services",
    "Program and Project Management": "Project Management",
}

#: Seniority levels in four bands: what splits a large function ("Sales leaders").
BANDS: dict[str, str] = {
    "Owner / Partner": "leaders",
    "CXO": "leaders",
    "Vice President": "leaders",
    "Director": "leaders",
    "Experienced Manager": "managers",
    "Entry Level Manager": "managers",
    "Strategic": "",
    "Senior": "",
    "Entry Level": "",
    "In Training": "trainees",
}
_BAND_ORDER = ("leaders", "managers", "", "trainees")

#: No group above this share of the people, unless one title alone is more.
MAX_SHARE = 0.25
#: The automatic choice gives a function one group per this share of the people.
TARGET_SHARE = 0.25
#: Titles with no function: one group per this share of the people (they share no function,
#: so their words must do the grouping and smaller groups keep those words coherent).
UNKNOWN_SHARE = 0.08
#: A function with fewer people than this share (and at least 3) joins the group it is most
#: like in the automatic choice, instead of a group of its own.
MIN_SHARE = 0.005
#: A group is named for its function when at least this share of its people have it.
PURE = 0.70
#: Dimensions kept by the SVD step; above SVD_FIT_ROWS texts the SVD is fitted on a sample.
N_COMPONENTS = 100
SVD_FIT_ROWS = 10_000
#: Weight of the seniority-band block next to the (unit-length) word vector.
BAND_WEIGHT = 0.45

_TOKEN = re.compile(r"[^\W\d_][\w&+#]*|\d+[a-z]+", re.UNICODE)
# How taglines start ("Helping founders scale", "I help teams hire"): such a segment is the role
# only when no other segment is one.
_TAGLINE = re.compile(
    r"^(?:helping|making|building|turning|scaling|driving|empowering"
    r"|connecting|creating|transforming|passionate|bringing|enabling|growing"
    r"|changing|solving|obsessed|shaping|simplifying|fixing|redefining"
    r"|reimagining|unlocking|on a mission|i help|we help|i|we|my|our|love"
    r"|proud|former|ex|open to|looking for|seeking)\b"
)
_MAX_SEGMENTS = 4


def clean_for_grouping(text: str) -> str:
    """A normalised title without level, scope and stop words ("" when nothing else is left).

    "senior software engineer emea" → "software engineer"; "vice president sales" → "sales";
    "analista de recrutamento e seleção" → "analista recrutamento seleção".
    """
    words = [w for w in _TOKEN.findall(text) if len(w) > 1 and w not in LEVEL_WORDS]
    return " ".join(words)


def role_texts(texts: Iterable[str], why: Iterable[str] | None = None) -> list[str]:
    """The role each headline states, cleaned (`core.text.clean_titles`, accents kept) with
    abbreviations expanded, "" when none.

    A headline is cut into segments at the title model's separators ("|", "•", " - ", "!",
    emoji...); the role is the segment holding the phrase the title model decided on (`why` of
    `core.titles.read_titles`, read here when not given), else the first segment that does
    not open like a tagline ("Helping...", "I help..."), before any "@ company" / " at ".
    So "Helping B2B founders scale | Sales Director @ Acme" reads as "sales director". Call
    it on distinct texts.
    """
    return _roles(list(texts), why)[1]


def _roles(texts: list[str], why: Iterable[str] | None) -> tuple[list[str], list[str]]:
    """(folded, shown) role text of each text: the same words, accents folded in the first
    (what groups compare) and kept in the second (what names show)."""
    if not texts:
        return [], []
    texts = [str(t) for t in texts]
    folded = clean_titles(texts).to_pylist()
    shown = list(folded)  # plain ASCII titles have no accents to keep
    accented = [i for i, t in enumerate(texts) if not t.isascii()]
    if accented:
        kept = clean_titles([texts[i] for i in accented], keep_accents=True).to_pylist()
        for i, k in zip(accented, kept, strict=True):
            shown[i] = k
    reasons = _reasons(texts, folded, why)
    out_f, out_s = [], []
    for f, s, reason in zip(folded, shown, reasons, strict=True):
        words_f = f.split()
        if "|" not in f and "," not in f and not _COMPANY.intersection(words_f):
            span = range(len(words_f))  # the usual title: one segment, no company, one role
        else:
            span = _role_span(words_f, *_role_segment(words_f, reason))
        rf = _expand(words_f, span)
        words_s = s.split() if s is not f else words_f
        if len(words_s) != len(words_f):  # a lone combining mark: show the folded words
            words_s = words_f
        out_f.append(rf)
        out_s.append(rf if words_s is words_f else _expand(words_s, span))
    return out_f, out_s


def _reasons(texts: list[str], folded: list[str], why: Iterable[str] | None) -> list[str]:
    """The title model's why for each text with several segments ("" for the others)."""
    if why is not None:
        return [str(r or "") for r in why]
    reasons = [""] * len(texts)
    multi = [i for i, f in enumerate(folded) if "|" in f]
    if multi:
        got = read_titles(pd.Series([texts[i] for i in multi], dtype=object))["why"]
        for i, r in zip(multi, got.tolist(), strict=True):
            reasons[i] = r
    return reasons


def _role_segment(words: list[str], reason: str) -> tuple[int, int]:
    """(start, end) of the segment holding the role: the one the model read the role in (the
    phrase of its `reason`), else the first that is not a tagline; empty ones never."""
    segs = _segments(words)
    if len(segs) == 1:
        return segs[0]
    decided = _WHY.match(reason)
    phrase = f" {decided.group(1)} " if decided else None
    ranks = []
    for a, b in segs:
        text = " ".join(words[a:b])
        if not _role_span(words, a, b):
            ranks.append(9)
        elif phrase and phrase in f" {text} ":
            ranks.append(0)
        else:
            ranks.append(4 if _TAGLINE.match(text) else 3)
    return segs[int(np.argmin(ranks))] if min(ranks) < 9 else (0, 0)


_WHY = re.compile(r'^"([^"]+)" →')
#: Words of a segment after which the company (or the boss) follows: the title model's.
_COMPANY = AT_WORDS | {"@"}


def _segments(words: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each "|"-separated segment of cleaned words (the first _MAX_SEGMENTS)."""
    bars = [i for i, w in enumerate(words) if w == "|"]
    starts, ends = [0] + [i + 1 for i in bars], bars + [len(words)]
    return list(zip(starts, ends, strict=True))[:_MAX_SEGMENTS]


def _role_span(words: list[str], a: int, b: int) -> list[int]:
    """Positions of the role words of segment words[a:b]: those before a company mark (all
    of them when none comes before it), without role marks (",")."""
    cut = next((i for i in range(a, b) if words[i] in _COMPANY), b)
    keep = [i for i in range(a, cut) if words[i] != ","]
    return keep or [i for i in range(a, b) if words[i] not in {",", "@"}]


def _expand(words: list[str], span) -> str:
    """The words at `span`, abbreviations expanded ("vp sales" → "vice president sales")."""
    return " ".join(ABBREVIATIONS.get(words[i], words[i]) for i in span)


def grouping_texts(connections: pd.DataFrame) -> pd.Series:
    """What each connection is grouped by: the headline, else the job title; "" for ghost rows
    and people with only a company (grouping them by employer name would mislead)."""
    headline = (
        connections["headline"]
        if "headline" in connections
        else pd.Series("", index=connections.index)
    )
    role = headline.where(headline.fillna("") != "", connections["position"]).fillna("")
    if "is_blank" in connections:
        role = role.where(~connections["is_blank"].astype(bool), "")
    return role.astype(str)


def function_label(function: str) -> str:
    """How a job function reads in a group name ("Program and Project Management" →
    "Project Management"); "" stays ""."""
    return FUNCTION_LABELS.get(function, function)


@dataclass
class Prepared:
    """Everything about a set of texts that does not depend on k (computed once per network).

    - codes: for each input, the index of its doc (-1 for blank input)
    - docs: distinct cleaned texts (level and stop words dropped), one per (function, band,
      words); several docs can share words when the model reads them differently
    - examples: a readable role text for each doc (the most common one behind it)
    - weights: how many inputs have each doc
    - functions: job function of each doc ("" when the title model cannot read one)
    - bands: seniority band of each doc ("leaders", "managers", "" or "trainees")
    - vectors: unit-length vectors of the docs (n_docs × d)
    """

    codes: np.ndarray
    docs: list[str]
    examples: list[str]
    weights: np.ndarray
    functions: np.ndarray
    bands: np.ndarray
    vectors: np.ndarray

    @property
    def n_inputs(self) -> int:
        return len(self.codes)


@dataclass
class ClusterResult:
    """Group of each input (-1 for blank text), with names and a 2-D map.

    - labels: int array, one per input text; groups are numbered largest first
    - k: number of groups (0 when every input is blank)
    - names: group id → readable, unique name ("Sales leaders: Commercial · Business
      Development", "Mixed: Finance · Accounting")
    - top_terms: group id → its most typical words, best first
    - functions: group id → its dominant job function ("" when mostly unreadable titles)
    - purity: group id → share of its people who have that function
    - coords: float array (n, 2) for a map (NaN for blank inputs)
    - sizes: group id → number of inputs in it
    - typicality: float array, cosine of each input to its group's centre (NaN for blank)
    """

    labels: np.ndarray
    k: int
    names: dict[int, str] = field(default_factory=dict)
    top_terms: dict[int, list[str]] = field(default_factory=dict)
    functions: dict[int, str] = field(default_factory=dict)
    purity: dict[int, float] = field(default_factory=dict)
    coords: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    sizes: dict[int, int] = field(default_factory=dict)
    typicality: np.ndarray = field(default_factory=lambda: np.zeros(0))


# --- representation -----------------------------------------------------------------------


def _one_hot(values: np.ndarray, order: Iterable[str] | None = None) -> sp.csr_matrix:
    cats = pd.Categorical(values, categories=list(order) if order is not None else None)
    codes = np.asarray(cats.codes)
    ok = codes >= 0
    return sp.csr_matrix(
        (np.ones(int(ok.sum()), dtype=np.float32), (np.flatnonzero(ok), codes[ok])),
        shape=(len(values), len(cats.categories)),
    )


def _vectorise(docs: list[str]) -> sp.csr_matrix:
    """Word 1-2 gram and character 3-5 gram TF-IDF blocks of the cleaned texts (each block's
    rows unit length).

    Character n-grams (what ties "Desenvolvedor" to "Developer" and "Engenheiro" to
    "Engineer") are computed once per distinct word, then summed over each text's words: the
    same n-grams as `char_wb` on the whole text (it never crosses a word either), at a
    fraction of the cost when 20,000 texts share a few thousand words.
    """
    token = r"(?u)\b\w[\w&+#]*\b"
    parts = []
    try:
        parts.append(
            TfidfVectorizer(
                analyzer="word",
                ngram_range=(1, 2),
                sublinear_tf=True,
                token_pattern=token,
                dtype=np.float32,
            ).fit_transform(docs)
        )
        counts = CountVectorizer(token_pattern=token, dtype=np.float32)
        incidence = counts.fit_transform(docs)
        chars = TfidfVectorizer(
            analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, dtype=np.float32
        ).fit_transform(counts.get_feature_names_out())
        parts.append(normalize(incidence @ chars))
    except ValueError:  # empty vocabulary (only one-letter words, say)
        pass
    if not parts:
        return sp.csr_matrix(np.ones((len(docs), 1), dtype=np.float32))
    return sp.hstack(parts).tocsr()


def _reduce(x: sp.csr_matrix, random_state: int) -> np.ndarray:
    """Unit-length dense vectors: TruncatedSVD to N_COMPONENTS dimensions for more docs than
    that, the TF-IDF rows themselves otherwise (small inputs are cheap anyway)."""
    if x.shape[0] > N_COMPONENTS and x.shape[1] > N_COMPONENTS:
        svd = TruncatedSVD(n_components=N_COMPONENTS, n_iter=4, random_state=random_state)
        if x.shape[0] > SVD_FIT_ROWS:  # the directions settle long before: fit on a sample
            rows = np.random.default_rng(random_state).choice(
                x.shape[0], SVD_FIT_ROWS, replace=False
            )
            svd.fit(x[np.sort(rows)])
            dense = svd.transform(x)
        else:
            dense = svd.fit_transform(x)
    else:
        dense = x.toarray()
    dense = normalize(np.asarray(dense, dtype=np.float64))
    # A text with no shared feature at all projects to zero: give it its own direction rather
    # than a zero vector (which every centre would tie on).
    zero = ~np.isfinite(dense).all(axis=1) | (np.abs(dense).sum(axis=1) == 0)
    if zero.any():
        dense[zero] = 0.0
        dense[zero, 0] = 1.0
    return dense


def _word_vectors(
    docs: list[str], random_state: int, embedder: Callable[[list[str]], np.ndarray] | None
) -> np.ndarray:
    """Unit vectors of the distinct word texts: lexical (TF-IDF → SVD) or the embedder's."""
    if not docs:
        return np.zeros((0, 2))
    if embedder is not None:
        return normalize(np.asarray(embedder(docs), dtype=float))
    if len(docs) == 1:
        return np.array([[1.0, 0.0]])
    # One BLAS thread: these matrices are small, and on a busy machine threads only wait on
    # each other (measured 0.6 s single-threaded against 1-4 s threaded for 2k titles).
    with one_blas_thread():
        return _reduce(_vectorise(docs), random_state)


class _OneBlasThread:
    """BLAS limited to one thread while any grouping runs in this process (`one_blas_thread`).

    Why not a plain `threadpool_limits` block: its limit is process-wide and each block restores
    what it saw on entry, so two overlapping groupings (two sessions, or the background worker
    and a page) that exit out of order leave BLAS at one thread for good. Here the first in
    sets the limit and the last out restores it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._limit: threadpool_limits | None = None

    def __enter__(self) -> None:
        with self._lock:
            if self._users == 0:
                self._limit = threadpool_limits(limits=1, user_api="blas")
            self._users += 1

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._users -= 1
            if self._users == 0 and self._limit is not None:
                self._limit.restore_original_limits()
                self._limit = None


_ONE_BLAS_THREAD = _OneBlasThread()


def one_blas_thread() -> _OneBlasThread:
    return _ONE_BLAS_THREAD


def _texts_series(texts) -> pd.Series:
    values = texts.to_numpy() if isinstance(texts, pd.Series) else list(texts)
    return pd.Series(values, dtype="object").fillna("").astype(str)


def prepare(
    texts,
    random_state: int = 0,
    embedder: Callable[[list[str]], np.ndarray] | None = None,
    corrections: Corrections = (),
    reading: pd.DataFrame | None = None,
) -> Prepared:
    """The k-independent part of grouping: read, clean, deduplicate, vectorise (module doc).

    `texts`: any iterable or Series of titles/headlines (None/NaN count as blank).
    `corrections`: the user's title corrections, applied by the title model; or `reading`: the
    title model's reading of these same texts (`core.titles.read_titles` columns, aligned to
    `texts`), when the caller has it already. `embedder`
    (optional, e.g. `core.semantic.EmbeddingCache()`) maps distinct word texts to vectors
    instead of the lexical TF-IDF/SVD (semantic mode). Deterministic for a `random_state`.
    """
    raw = _texts_series(texts)
    raw_codes, raw_uniques = pd.factorize(raw)
    uniques = pd.Series(np.asarray(raw_uniques, dtype=object), dtype="object")
    if reading is not None and len(uniques):
        # The caller's reading of the same texts (the app reads every title once for all pages).
        first = np.unique(raw_codes, return_index=True)[1]
        read = reading.iloc[first][["function", "seniority", "why"]].reset_index(drop=True)
    else:
        read = read_titles(uniques.astype(str), corrections) if len(uniques) else None
    empty = np.zeros(0, dtype=object)
    folded, shown = _roles(uniques.tolist(), read["why"]) if len(uniques) else ([], [])
    roles = np.asarray(shown, dtype=object)  # what names show: accents kept
    function = read["function"].to_numpy(dtype=object) if read is not None else empty
    band = (
        read["seniority"].map(BANDS).fillna("").to_numpy(dtype=object)
        if read is not None
        else empty
    )
    cleaned = np.asarray([clean_for_grouping(r) or r for r in folded], dtype=object)
    blank_raw = np.asarray([not c.strip() for c in cleaned], dtype=bool)
    key = pd.Series(function + "\x1f" + band + "\x1f" + cleaned, dtype="object")
    key[blank_raw] = ""
    doc_codes, keys = pd.factorize(key)
    parts = [str(k).split("\x1f") for k in keys]
    keep = np.asarray([k != "" for k in keys], dtype=bool)
    remap = np.full(len(keys), -1, dtype=int)
    remap[keep] = np.arange(int(keep.sum()))
    per_raw = remap[doc_codes] if len(doc_codes) else np.zeros(0, dtype=int)
    codes = per_raw[raw_codes] if len(raw_codes) else np.zeros(0, dtype=int)
    kept = [p for p, k in zip(parts, keep, strict=True) if k]
    functions = np.asarray([p[0] for p in kept], dtype=object)
    bands = np.asarray([p[1] for p in kept], dtype=object)
    docs = [p[2] for p in kept]
    n_docs = len(docs)
    weights = np.bincount(codes[codes >= 0], minlength=n_docs).astype(float)
    raw_count = (
        np.bincount(raw_codes, minlength=len(uniques)) if len(raw_codes) else np.zeros(0, dtype=int)
    )
    frame = pd.DataFrame({"doc": per_raw, "role": roles, "n": raw_count})
    frame = frame[frame["doc"] >= 0].sort_values(
        ["doc", "n"], ascending=[True, False], kind="stable"
    )
    examples_s = frame.groupby("doc", sort=True)["role"].first()
    examples = [str(e) for e in examples_s.reindex(range(n_docs)).fillna("")]
    # Words are vectorised once per distinct word text, whatever its function or band.
    word_codes, words = pd.factorize(pd.Series(docs, dtype="object"))
    word_vecs = _word_vectors([str(w) for w in words], random_state, embedder)
    vectors = word_vecs[word_codes] if n_docs else np.zeros((0, 2))
    if n_docs:
        band_block = BAND_WEIGHT * _one_hot(bands, _BAND_ORDER).toarray()
        vectors = normalize(np.hstack([vectors, band_block]))
    return Prepared(
        codes=codes,
        docs=docs,
        examples=examples,
        weights=weights,
        functions=functions,
        bands=bands,
        vectors=vectors,
    )


# --- grouping -------------------------------------------------------------------------------


def _group_sums(x: np.ndarray, labels: np.ndarray, weights: np.ndarray, k: int) -> np.ndarray:
    """Weighted sum of the rows of x in each group (k × d), as one sparse product."""
    member = sp.csr_matrix((weights, (labels, np.arange(len(labels)))), shape=(k, len(labels)))
    return np.asarray(member @ x)


def _centres(x: np.ndarray, labels: np.ndarray, weights: np.ndarray, k: int) -> np.ndarray:
    return normalize(_group_sums(x, labels, weights, k))


def _spherical_kmeans(
    x: np.ndarray,
    k: int,
    weights: np.ndarray,
    random_state: int,
    n_init: int = 3,
    max_iter: int = 60,
) -> np.ndarray:
    """Weighted k-means on the unit sphere: each point joins the most similar centre (cosine).

    Why spherical: with Euclidean k-means, titles whose words nobody else uses collect around
    one centre near the origin (a catch-all). Seeded with k-means++; the best of `n_init` runs
    (highest total weighted similarity) wins.
    """
    n = len(x)
    if k >= n:
        return np.arange(n)
    if k <= 1:
        return np.zeros(n, dtype=int)
    rng = np.random.RandomState(random_state)
    x32 = x.astype(np.float32)
    total = weights.sum()
    best_score, best = -np.inf, np.zeros(n, dtype=int)
    for _ in range(n_init):
        centres, _ = kmeans_plusplus(
            x, k, sample_weight=weights, random_state=rng.randint(2**31 - 1)
        )
        centres = normalize(centres).astype(np.float32)
        labels = np.full(n, -1)
        for _ in range(max_iter):
            sims = x32 @ centres.T
            new = np.argmax(sims, axis=1)
            moved = weights[new != labels].sum()
            labels = new
            sums = _group_sums(x32, labels, weights, k).astype(np.float32)
            empty = np.flatnonzero(np.bincount(labels, minlength=k) == 0)
            if empty.size:  # re-seed empty groups with the worst-fitting points
                worst = np.argsort(sims[np.arange(n), labels])[: empty.size]
                sums[empty] = x32[worst]
                labels[worst] = empty
            centres = normalize(sums).astype(np.float32)
            if moved <= 0.001 * total:
                break
        score = float((weights * np.sum(x32 * centres[labels], axis=1)).sum())
        if score > best_score:
            best_score, best = score, labels.copy()
    return best


def _units(prep: Prepared) -> tuple[np.ndarray, list[str], np.ndarray]:
    """(unit of each doc, unit functions, unit weights): one unit per function present."""
    codes, funcs = pd.factorize(pd.Series(prep.functions, dtype="object"), sort=True)
    weight = np.bincount(codes, weights=prep.weights, minlength=len(funcs))
    return codes, [str(f) for f in funcs], weight


def _auto_plan(funcs: list[str], weight: np.ndarray, n_docs: np.ndarray) -> np.ndarray:
    """Groups per function for the automatic choice (0: too small, joins its nearest group).

    One per function present, more for a function above TARGET_SHARE of the people (so no
    catch-all), and titles with no function in groups of about UNKNOWN_SHARE each.
    """
    total = weight.sum()
    share = weight / max(total, 1e-9)
    plan = np.where(
        _known(funcs), np.ceil(share / TARGET_SHARE), np.ceil(share / UNKNOWN_SHARE)
    ).astype(int)
    plan = np.clip(plan, 1, n_docs)
    minor = weight < max(3.0, MIN_SHARE * total)
    if (~minor).any():
        plan[minor] = 0
    return plan


def _known(funcs: list[str]) -> np.ndarray:
    return np.asarray([f != "" for f in funcs], dtype=bool)


def _grow_plan(
    plan: np.ndarray, funcs: list[str], weight: np.ndarray, n_docs: np.ndarray, k: int
) -> np.ndarray:
    """More groups up to k: each to the function with the most people per group (D'Hondt),
    titles with no function counted TARGET_SHARE / UNKNOWN_SHARE times (their words vary more),
    never more groups than texts."""
    plan = plan.copy()
    boost = np.where(_known(funcs), 1.0, TARGET_SHARE / UNKNOWN_SHARE)
    for _ in range(max(0, k - int(plan.sum()))):
        room = plan < n_docs
        if not room.any():
            break
        quotient = np.where(room, boost * weight / (plan + 1), -1.0)
        plan[int(np.argmax(quotient))] += 1
    return plan


def _split_units(
    prep: Prepared, unit: np.ndarray, plan: np.ndarray, random_state: int
) -> np.ndarray:
    """Doc labels: each unit with plan g > 0 split into g groups by spherical k-means."""
    labels = np.full(len(unit), -1)
    next_id = 0
    for u, g in enumerate(plan):
        if g <= 0:
            continue
        idx = np.flatnonzero(unit == u)
        sub = _spherical_kmeans(prep.vectors[idx], int(g), prep.weights[idx], random_state)
        labels[idx] = sub + next_id
        next_id += int(sub.max()) + 1
    return labels


def _join_nearest(
    x: np.ndarray, w: np.ndarray, labels: np.ndarray, movers: list[np.ndarray]
) -> np.ndarray:
    """Docs of each small function in `movers` (lists of doc indices) join the group whose
    centre is most like the function's centre, unless that would leave the group under PURE
    one function; then the small function keeps a group of its own."""
    labels = labels.copy()
    k = int(labels.max()) + 1
    centres = _centres(x[labels >= 0], labels[labels >= 0], w[labels >= 0], k)
    size = np.bincount(labels[labels >= 0], weights=w[labels >= 0], minlength=k)
    for idx in movers:
        c = normalize(_group_sums(x[idx], np.zeros(len(idx), dtype=int), w[idx], 1))[0]
        target = int(np.argmax(centres @ c))
        if w[idx].sum() <= (1 / PURE - 1) * size[target]:
            labels[idx] = target
        else:
            labels[idx] = int(labels.max()) + 1
    return labels


def _merge_to(
    x: np.ndarray, w: np.ndarray, labels: np.ndarray, functions: np.ndarray, k: int
) -> np.ndarray:
    """Merge groups until k are left, Ward's way (the pair whose merging loses least): groups
    of one function before groups of different functions, and a merge above MAX_SHARE last."""
    ids = list(np.unique(labels))
    k = max(k, 1)
    if len(ids) <= k:
        return labels
    labels = labels.copy()
    sums = np.vstack(
        [
            _group_sums(
                x[labels == c], np.zeros(int((labels == c).sum()), dtype=int), w[labels == c], 1
            )[0]
            for c in ids
        ]
    )
    size = np.asarray([w[labels == c].sum() for c in ids], dtype=float)
    func = np.asarray([_mode(functions[labels == c], w[labels == c]) for c in ids], dtype=object)
    alive = np.ones(len(ids), dtype=bool)
    # With few groups some must be large: a catch-all is one well above an even share.
    cap = max(MAX_SHARE, 1.5 / k) * size.sum()
    while alive.sum() > k:
        act = np.flatnonzero(alive)
        cen = normalize(sums[act])
        dist = 1.0 - cen @ cen.T
        ward = np.outer(size[act], size[act]) / np.add.outer(size[act], size[act]) * dist
        ward += np.where(func[act][:, None] == func[act][None, :], 0.0, 1e6)
        # A merge that would make a catch-all comes last.
        ward += np.where(np.add.outer(size[act], size[act]) > cap, 1e9, 0.0)
        np.fill_diagonal(ward, np.inf)
        i, j = np.unravel_index(int(np.argmin(ward)), ward.shape)
        a, b = act[i], act[j]
        if size[b] > size[a]:
            a, b = b, a
        labels[labels == ids[b]] = ids[a]
        sums[a] += sums[b]
        size[a] += size[b]
        alive[b] = False
    return labels


def _mode(values: np.ndarray, weights: np.ndarray) -> str:
    s = pd.Series(weights).groupby(pd.Series(values, dtype="object")).sum()
    return str(s.idxmax()) if len(s) else ""


def _relieve_largest(
    prep: Prepared,
    unit: np.ndarray,
    plan: np.ndarray,
    labels: np.ndarray,
    random_state: int,
    rounds: int = 12,
) -> tuple[np.ndarray, np.ndarray]:
    """While a group holds more than MAX_SHARE of the people and its function can split
    further, give that function one more group (a catch-all never survives)."""
    w = prep.weights
    total = w.sum()
    for _ in range(rounds):
        sizes = np.bincount(labels, weights=w)
        big = int(np.argmax(sizes))
        if sizes[big] <= MAX_SHARE * total:
            break
        members = np.flatnonzero(labels == big)
        u = int(np.bincount(unit[members], weights=w[members]).argmax())
        n_docs = int((unit == u).sum())
        if plan[u] == 0 or plan[u] >= n_docs or len(members) <= 1:
            break
        plan = plan.copy()
        plan[u] += 1
        labels = _place(prep, unit, plan, random_state)
    return plan, labels


def _place(prep: Prepared, unit: np.ndarray, plan: np.ndarray, random_state: int) -> np.ndarray:
    labels = _split_units(prep, unit, plan, random_state)
    movers = [np.flatnonzero(unit == u) for u in np.flatnonzero(plan == 0)]
    if movers and (labels >= 0).any():
        labels = _join_nearest(prep.vectors, prep.weights, labels, movers)
    return labels


def _assign(prep: Prepared, k: int | None, random_state: int) -> np.ndarray:
    """A group id for each doc (0..k-1, arbitrary order): function first, words within.

    k=None: the automatic plan (`_auto_plan`). A chosen k starts from the same plan with every
    function in a group of its own, then adds groups (`_grow_plan`) or merges the most alike
    (`_merge_to`) until there are k.
    """
    unit, funcs, weight = _units(prep)
    n_docs = np.bincount(unit, minlength=len(funcs))
    plan = _auto_plan(funcs, weight, n_docs)
    if k is None:
        labels = _place(prep, unit, plan, random_state)
        return pd.factorize(_relieve_largest(prep, unit, plan, labels, random_state)[1], sort=True)[
            0
        ]
    plan = np.maximum(plan, 1)
    if k >= plan.sum():
        labels = _place(prep, unit, _grow_plan(plan, funcs, weight, n_docs, k), random_state)
    else:
        labels = _place(prep, unit, plan, random_state)
        # Pieces of the no-function titles share no function: each is its own for merging.
        kind = np.where(prep.functions == "", "\x1f" + labels.astype(str), prep.functions)
        labels = _merge_to(prep.vectors, prep.weights, labels, kind, k)
    return pd.factorize(labels, sort=True)[0]


def auto_k(prep: Prepared, random_state: int = 0) -> int:
    """The automatic number of groups for this network (what k=None gives)."""
    if not prep.docs:
        return 0
    return int(_assign(prep, None, random_state).max()) + 1


# --- names ---------------------------------------------------------------------------------

_SHORT_UPPER = {
    "ai",
    "ml",
    "it",
    "hr",
    "ux",
    "ui",
    "qa",
    "bi",
    "ceo",
    "cto",
    "cfo",
    "coo",
    "seo",
    "crm",
    "erp",
    "sap",
    "aws",
    "b2b",
    "b2c",
    "saas",
    "r&d",
    "fp&a",
    "l&d",
    "cmo",
    "cro",
    "cio",
    "cpo",
    "sdr",
    "bdr",
    "pr",
    "rh",
    "ti",
    "gtm",
    "cx",
    "mba",
    "hrbp",
}
_CONTRACT = [
    ("chief executive officer", "ceo"),
    ("chief technology officer", "cto"),
    ("chief financial officer", "cfo"),
    ("chief operating officer", "coo"),
    ("chief marketing officer", "cmo"),
    ("chief revenue officer", "cro"),
    ("chief information officer", "cio"),
    ("chief product officer", "cpo"),
    ("human resources business partner", "hrbp"),
    ("co founder", "co-founder"),
    ("cofounder", "co-founder"),
]
#: Role nouns that add nothing next to the function's own words ("Business Development:
#: Development Manager" says no more than "Business Development").
_GENERIC = _with_folded(
    """manager director executive officer specialist engineer analyst
consultant coordinator lead associate assistant representative partner head team supervisor
gerente gestor gestora jefe jefa diretor diretora directora directeur directrice direktor
responsable responsabile ufficio coordenador coordenadora coordinador coordinadora leiter
leiterin chef analista especialista consultor consultora asesor ejecutivo executivo assistente
asistente auxiliar técnico tecnico encargado encargada referent referentin mitarbeiter
mitarbeiterin medewerker""".split()
)
_DISPLAY = {
    "phd": "PhD",
    "full stack": "Full-Stack",
    "e commerce": "E-Commerce",
    "hrbp": "HRBP",
    "co-founder": "Co-Founder",
    # `core.text.clean_titles` joins hyphenated words and writes "R&D" as "rnd".
    "fullstack": "Full-Stack",
    "ecommerce": "E-Commerce",
    "rnd": "R&D",
    "fpna": "FP&A",
    "lnd": "L&D",
    "mna": "M&A",
    "pnl": "P&L",
}


def _name_tokens(text: str) -> list[str]:
    """Words of a role text that may name a group, with adjacent pairs ("account executive");
    a pair never spans a dropped word, so no "analista recrutamento" from "analista de
    recrutamento"."""
    for long, short in _CONTRACT:
        if long in text:
            text = text.replace(long, short)
    # A name never starts a word with a formula sign ("+sum") and never holds a word longer
    # than a real one (a 10,000-character "title").
    words = [w.lstrip("+#&") if w not in _SHORT_UPPER else w for w in text.split()]
    keep = [
        w
        if (
            w not in _NAME_DROP
            and (len(w) > 2 or w in _SHORT_UPPER)
            and len(w) <= 30
            and not w.isdigit()
        )
        else ""
        for w in words
    ]
    out = [w for w in keep if w]
    out += [f"{a} {b}" for a, b in zip(keep, keep[1:], strict=False) if a and b]
    return out


def _title_case(term: str) -> str:
    """A term as a name shows it: "software engineer" → "Software Engineer", "hr" → "HR"."""
    shown = _DISPLAY.get(term)
    if shown:
        return shown
    words = []
    for w in term.split():
        if w in _DISPLAY:
            words.append(_DISPLAY[w])
        elif w in _SHORT_UPPER:
            words.append(w.upper())
        else:
            words.append(w[:1].upper() + w[1:])
    return " ".join(words)


def _top_terms(
    prep: Prepared, labels: np.ndarray, k: int, n_terms: int = 5
) -> dict[int, list[str]]:
    """Most typical words of each group (c-TF-IDF), each said by at least two people and 5% of
    the group (so one outlier title never names a group), best first, none inside another."""
    vec = CountVectorizer(analyzer=_name_tokens, min_df=1)
    try:
        counts = vec.fit_transform(prep.examples)
    except ValueError:
        return {c: [] for c in range(k)}
    terms = np.asarray(vec.get_feature_names_out()).astype(str)
    counts.data[:] = 1
    counts = (sp.diags(prep.weights) @ counts).tocsr()
    member = sp.csr_matrix(
        (np.ones(len(labels)), (labels, np.arange(len(labels)))), shape=(k, len(labels))
    )
    per = np.asarray((member @ counts).todense())
    size = np.bincount(labels, weights=prep.weights, minlength=k)
    tf = per / np.maximum(size[:, None], 1)
    ctfidf = tf * np.log(1 + per.sum() / max(k, 1) / np.maximum(per.sum(axis=0), 1))
    ctfidf *= np.where(np.char.count(terms, " ") > 0, 1.3, 1.0)
    need = np.where(size > 3, np.maximum(2.0, 0.02 * size), 1.0)
    ctfidf[per < need[:, None]] = 0
    top: dict[int, list[str]] = {}
    for c in range(k):
        chosen: list[str] = []
        for j in np.argsort(-ctfidf[c], kind="stable")[: 30 * n_terms]:
            if ctfidf[c, j] <= 0 or len(chosen) == n_terms:
                break
            t = str(terms[j])
            inside = [i for i, s in enumerate(chosen) if s in t.split()]
            if inside and " " in t:
                chosen[inside[0]] = t  # "Account Executive" reads better than "Account"
                continue
            if any(set(t.split()) <= set(s.split()) for s in chosen):
                continue
            chosen.append(t)
        top[c] = list(dict.fromkeys(chosen))
    return top


def _composition(prep: Prepared, labels: np.ndarray, k: int, values: np.ndarray) -> list[pd.Series]:
    """Per group, the share of people with each value (largest first)."""
    frame = pd.DataFrame({"c": labels, "v": values, "w": prep.weights})
    per = frame.groupby(["c", "v"], sort=False)["w"].sum()
    out = []
    for c in range(k):
        s = (
            per.get(c, pd.Series(dtype=float))
            if c in per.index.get_level_values(0)
            else pd.Series(dtype=float)
        )
        s = s / s.sum() if s.sum() else s
        out.append(s.sort_values(ascending=False, kind="stable"))
    return out


def _head(function: str, band_share: pd.Series, siblings: int) -> str:
    """The group's function label, with its seniority band when the function has several
    groups and most of this one share a band ("Sales leaders")."""
    label = function_label(function)
    if siblings > 1 and len(band_share) and function != "Entrepreneurship":
        band, share = str(band_share.index[0]), float(band_share.iloc[0])
        if band and share >= 0.6:
            return f"{label} {band}"
    return label


def _names(
    prep: Prepared, labels: np.ndarray, k: int
) -> tuple[dict[int, str], dict[int, list[str]], dict[int, str], dict[int, float]]:
    """Names, top terms, dominant function and its share for each group (see module doc)."""
    top = _top_terms(prep, labels, k)
    funcs = _composition(prep, labels, k, prep.functions)
    bands = _composition(prep, labels, k, prep.bands)
    dominant = {c: (str(funcs[c].index[0]) if len(funcs[c]) else "") for c in range(k)}
    purity = {c: (float(funcs[c].iloc[0]) if len(funcs[c]) else 0.0) for c in range(k)}
    siblings = pd.Series(dominant).value_counts()
    names: dict[int, str] = {}
    for c in range(k):
        f, p = dominant[c], purity[c]
        if p < PURE:
            known = [function_label(str(v)) for v in funcs[c].index if v][:2]
            if len(known) < 2 and "" in funcs[c].index:
                known.append("other titles")
            names[c] = "Mixed: " + " · ".join(known)
            continue
        head = _head(f, bands[c], int(siblings.get(f, 0))) if f else "Other"
        label_words = set(f"{head} {f}".lower().replace("&", " ").split())
        terms = [t for t in top[c] if not set(t.split()) - label_words <= _GENERIC]
        # The second term shares no word with the first (no "Supply Chain · Chain Analyst").
        terms = terms[:1] + [t for t in terms[1:] if not set(t.split()) & set(terms[0].split())][:1]
        shown = " · ".join(_title_case(t) for t in terms)
        if len(head) + len(shown) > 46 and len(terms) > 1:  # a name must fit a chart label
            shown = _title_case(terms[0])
        names[c] = f"{head}: {shown}" if shown else (head if f else "Other titles")
    return _unique(names, top), top, dominant, purity


def _unique(names: dict[int, str], top: dict[int, list[str]]) -> dict[int, str]:
    """Names must be unique to be useful in a table: add a further term, else a number."""
    seen: dict[str, int] = {}
    out = {}
    for c in sorted(names):
        base = names[c]
        if base in seen:
            extra = next((t for t in top[c][2:] if _title_case(t) not in base), None)
            sep = " · " if ":" in base else ": "
            candidate = f"{base}{sep}{_title_case(extra)}" if extra else ""
            base = (
                candidate if candidate and candidate not in seen else f"{base} ({seen[base] + 1})"
            )
        seen[names[c]] = seen.get(names[c], 0) + 1
        seen.setdefault(base, 1)
        out[c] = base[:80]
    return out


# --- map -----------------------------------------------------------------------------------


def _map(x: np.ndarray, labels: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """2-D positions: groups placed by how alike they are, members spread around their group.

    Group centres: metric MDS of the distances between centres, scaled so the typical gap
    between neighbouring groups is 1. Members: around their group's centre, further out as they
    are less like the group (within 0.5), in the direction of their offset along the group's own
    two main directions (so similar titles sit together inside a blob).
    """
    n, k = len(x), len(centres)
    if n == 0:
        return np.zeros((0, 2))
    if k >= 3:
        d2 = np.clip(2 - 2 * centres @ centres.T, 0, None)
        j = np.eye(k) - 1.0 / k
        b = -0.5 * j @ d2 @ j
        vals, vecs = np.linalg.eigh(b)
        order = np.argsort(vals)[::-1][:2]
        start = vecs[:, order] * np.sqrt(np.clip(vals[order], 1e-12, None))
        pos = smacof(
            np.sqrt(d2),
            metric=True,
            n_components=2,
            init=start,
            n_init=1,
            max_iter=200,
            normalized_stress=False,
        )[0]
        pos *= np.where(pos[0] > 0, -1.0, 1.0)  # deterministic: the largest group lower left
    elif k == 2:
        pos = np.array([[-1.0, 0.0], [1.0, 0.0]])
    else:
        pos = np.zeros((1, 2))
    if k >= 2:
        gaps = np.sqrt(((pos[:, None, :] - pos[None, :, :]) ** 2).sum(-1))
        np.fill_diagonal(gaps, np.inf)
        pos = pos / max(float(np.median(gaps.min(axis=1))), 1e-9)
    local = np.zeros((n, 2))
    dist = 1.0 - np.sum(x * centres[labels], axis=1)  # 0 for a textbook member
    golden = np.pi * (3 - np.sqrt(5))
    for c in range(k):
        idx = np.flatnonzero(labels == c)
        if idx.size == 0:
            continue
        off = x[idx] - centres[c]
        if idx.size >= 3 and x.shape[1] >= 2:
            sample = off[:: max(1, idx.size // 2000)]
            sample = sample - sample.mean(axis=0)
            _, vecs = np.linalg.eigh(sample.T @ sample)  # main directions, largest last
            plane = off @ vecs[:, [-1, -2]]
            angle = np.arctan2(plane[:, 1], plane[:, 0])
        else:
            angle = golden * np.arange(idx.size)
        scale = max(float(np.percentile(dist[idx], 90)), 1e-9)
        radius = np.clip(0.38 * dist[idx] / scale, 0, 0.5)
        local[idx] = np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])
    return pos[labels] + local


# --- public entry points -------------------------------------------------------------------


def cluster_prepared(prep: Prepared, k: int | None = None, random_state: int = 0) -> ClusterResult:
    """Group prepared texts into k groups (k=None: the automatic number, see `auto_k`).

    k is capped at the number of distinct texts. Groups are numbered largest first.
    Deterministic for a given `random_state`.
    """
    n = prep.n_inputs
    labels = np.full(n, -1, dtype=int)
    coords = np.full((n, 2), np.nan)
    typ = np.full(n, np.nan)
    n_docs = len(prep.docs)
    if n_docs == 0:
        return ClusterResult(labels=labels, k=0, coords=coords, typicality=typ)
    if k is not None:
        k = max(1, min(int(k), n_docs))
    # One BLAS thread: the matrices are small, and on a busy machine threads only wait on each
    # other (the map's eigen-decompositions took 0.7 s threaded, a few ms single-threaded).
    with one_blas_thread():
        return _cluster(prep, k, random_state, labels, coords, typ)


def _cluster(
    prep: Prepared,
    k: int | None,
    random_state: int,
    labels: np.ndarray,
    coords: np.ndarray,
    typ: np.ndarray,
) -> ClusterResult:
    u = _assign(prep, k, random_state)
    x, w = prep.vectors, prep.weights
    sizes = np.bincount(u, weights=w)
    order = [c for c in np.argsort(-sizes, kind="stable") if sizes[c] > 0]
    rank = np.full(len(sizes), -1)
    rank[order] = np.arange(len(order))
    u = rank[u]
    k_eff = len(order)
    centres = _centres(x, u, w, k_eff)
    sim_u = np.sum(x * centres[u], axis=1)
    names, top, dominant, purity = _names(prep, u, k_eff)
    xy_u = _map(x, u, centres)
    real = prep.codes >= 0
    labels[real] = u[prep.codes[real]]
    typ[real] = sim_u[prep.codes[real]]
    coords[real] = xy_u[prep.codes[real]]
    # Deterministic jitter so people with the same title do not hide behind one dot.
    rng = np.random.default_rng(random_state)
    coords[real] += rng.normal(0, 0.035, size=(int(real.sum()), 2))
    counts = np.bincount(labels[real], minlength=k_eff)
    return ClusterResult(
        labels=labels,
        k=k_eff,
        names=names,
        top_terms=top,
        functions=dominant,
        purity=purity,
        coords=coords,
        sizes={c: int(counts[c]) for c in range(k_eff)},
        typicality=typ,
    )


def cluster_texts(
    texts,
    k: int | None = None,
    random_state: int = 0,
    embedder: Callable[[list[str]], np.ndarray] | None = None,
    corrections: Corrections = (),
) -> ClusterResult:
    """Group texts (titles/headlines) into k groups; k=None picks the number from the data.

    `prepare` then `cluster_prepared` (see the module doc). Blank texts (ghost rows, empty or
    decoration-only titles) get label -1. Works for 0 to 100k+ inputs; deterministic for a
    given random_state.
    """
    return cluster_prepared(prepare(texts, random_state, embedder, corrections), k, random_state)


def suggest_k(
    prep: Prepared, ks: Iterable[int] | None = None, random_state: int = 0
) -> pd.DataFrame:
    """How each number of groups describes the network, to help choose k.

    One row per k (default 2 to 30 and the automatic k, capped at the distinct texts) with
    function_purity (share of
    people, among those with a known function, whose function is their group's most common
    one; NaN if none is known), largest_share (share of people in the biggest group), smallest
    (people in the smallest group) and suggested (True on the automatic number of groups).
    """
    n_docs = len(prep.docs)
    cols = ["k", "function_purity", "largest_share", "smallest", "suggested"]
    if n_docs < 2:
        return pd.DataFrame(columns=cols)
    auto = auto_k(prep, random_state)
    # By default a dozen points from 2 to 30 and the automatic one (each costs a grouping).
    ks = (2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, auto) if ks is None else ks
    ks = sorted({int(k) for k in ks if 2 <= int(k) <= n_docs})
    if not ks:
        return pd.DataFrame(columns=cols)
    w = prep.weights
    known = prep.functions != ""
    rows = []
    for k in ks:
        u = _assign(prep, k, random_state)
        purity = np.nan
        if known.any():
            f = pd.DataFrame({"c": u[known], "f": prep.functions[known], "w": w[known]})
            purity = float(
                f.groupby(["c", "f"])["w"].sum().groupby(level=0).max().sum() / w[known].sum()
            )
        sizes = np.bincount(u, weights=w)
        rows.append(
            [k, purity, float(sizes.max() / w.sum()), int(sizes[sizes > 0].min()), k == auto]
        )
    return pd.DataFrame(rows, columns=cols)


def cluster_stats(
    connections: pd.DataFrame,
    labels: np.ndarray,
    names: dict[int, str],
    scored: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per group: size, share, top titles and companies, ICP fit, engaged share.

    `connections`: the connection table (reads position, company, engaged). `labels`: one
    group id per row (-1 = not grouped). `scored` (from `core.icp.score`, same rows) adds
    mean_fit (0-100) and strong_share. share is of the people in a group (everyone with a job
    title), so the shares add up to 100% and ghost rows count nowhere, as on every other page;
    engaged_share is among people whose engagement is known (NaN when nobody's is). Sorted by
    group id.
    """
    labels = np.asarray(labels)
    df = pd.DataFrame(
        {
            "cluster": labels,
            "position": connections["position"].to_numpy(),
            "company": connections["company"].to_numpy(),
        }
    )
    engaged = (
        connections["engaged"]
        if "engaged" in connections
        else pd.Series(pd.NA, index=connections.index, dtype="boolean")
    )
    df["engaged"] = engaged.astype("boolean").to_numpy()
    if scored is not None:
        df["fit"] = scored["fit"].to_numpy()
        df["strong"] = (scored["fit_band"] == "strong").to_numpy()
    df = df[df["cluster"] >= 0]
    total = len(df)
    rows = []
    for c, g in df.groupby("cluster", sort=True):
        known = g["engaged"].dropna()
        row = {
            "cluster": int(c),
            "name": names.get(int(c), f"Group {int(c) + 1}"),
            "size": len(g),
            "share": len(g) / total if total else 0.0,
            "top_titles": ", ".join(
                g["position"][g["position"] != ""].value_counts().head(3).index.tolist()
            ),
            "top_companies": ", ".join(
                g["company"][g["company"] != ""].value_counts().head(3).index.tolist()
            ),
            "engaged_share": float(known.astype(bool).mean()) if len(known) else np.nan,
        }
        if scored is not None:
            row["mean_fit"] = float(g["fit"].mean())
            row["strong_share"] = float(g["strong"].mean())
        rows.append(row)
    cols = ["cluster", "name", "size", "share", "top_titles", "top_companies", "engaged_share"]
    if scored is not None:
        cols += ["mean_fit", "strong_share"]
    return pd.DataFrame(rows, columns=cols)


# --- the user's work across groupings ------------------------------------------------------


@dataclass(frozen=True)
class CarryOver:
    """The user's renames and marks mapped onto new groups, and what moved, in plain words."""

    names: dict[int, str]
    tags: dict[int, str]
    messages: tuple[str, ...]


_COUNT_WORDS = {2: "two", 3: "three", 4: "four", 5: "five"}
#: A new group follows an old one when most of its people come from it.
_FOLLOW = 0.5
#: An old group counts as part of a new one from this share of the new group's people.
_PART = 0.25


def _overlap(old: np.ndarray, new: np.ndarray) -> pd.DataFrame:
    both = (old >= 0) & (new >= 0)
    return pd.crosstab(old[both], new[both])


def carry_over(
    old_labels: np.ndarray,
    new_labels: np.ndarray,
    names: dict[int, str],
    tags: dict[int, str],
    old_names: dict[int, str] | None = None,
    default_tag: str = "keep",
) -> CarryOver:
    """Map renames and marks (keyed by old group id) to the new groups by shared people.

    A new group takes the mark most of its people had (an unmarked group counts as
    `default_tag`); when at least a quarter of its people had another mark, it is marked
    "review" so nobody is pruned by accident. A new group takes a name when most of its people
    come from groups of that name; an old group that split keeps its name on each part,
    numbered ("Sales leaders (2)"), and the parts of a split are one again when they come back
    together. `old_names`: the names the user saw (for the messages). Returns a `CarryOver`
    whose messages say what moved ("'Sales leaders' split in two: both keep your 'keep' mark").
    """
    if not names and not tags:
        return CarryOver({}, {}, ())
    shown = {**(old_names or {}), **names}
    m = _overlap(np.asarray(old_labels), np.asarray(new_labels))
    if m.empty:
        lost = ", ".join(f"'{shown.get(o, f'Group {o + 1}')}'" for o in sorted({*names, *tags}))
        return CarryOver({}, {}, (f"Your names and marks on {lost} no longer match any group.",))
    out_names = _carry_names(m, names)
    out_tags, merged = _carry_tags(m, tags, shown, default_tag)
    messages = [
        msg
        for o in sorted({*names, *tags})
        if (msg := _what_moved(o, m, names, tags, shown, out_names, out_tags))
    ]
    return CarryOver(out_names, out_tags, tuple(messages + merged))


def _work(o: int, names: dict[int, str], tags: dict[int, str]) -> str:
    parts = []
    if o in tags:
        parts.append(f"your '{tags[o]}' mark")
    if o in names:
        parts.append("your name")
    return " and ".join(parts)


def _carry_tags(
    m: pd.DataFrame, tags: dict[int, str], shown: dict[int, str], default_tag: str
) -> tuple[dict[int, str], list[str]]:
    """Marks per new group (see `carry_over`), and a message for each group marked "review"
    because groups with different marks came together."""
    out: dict[int, str] = {}
    messages = []
    mark = pd.Series([tags.get(int(o), default_tag) for o in m.index], index=m.index)
    marked = pd.Series([int(o) in tags for o in m.index], index=m.index)
    for n in m.columns:
        col = m[n]
        if not (col[marked] > 0).any():
            continue
        share = col.groupby(mark).sum() / col.sum()
        strong = share[share >= _PART]
        if (
            len(strong) == 1
            and strong.iloc[0] > _FOLLOW
            and (col[marked & (mark == strong.index[0])] > 0).any()
        ):
            out[int(n)] = str(strong.index[0])
        elif len(strong) >= 2:
            out[int(n)] = "review"
            parts = [int(o) for o in m.index if col[o] >= _PART * col.sum()]
            who = " and ".join(f"'{shown.get(o, f'Group {o + 1}')}' ({mark[o]})" for o in parts)
            if len({mark[o] for o in parts}) >= 2:
                messages.append(f"{who} are now one group: marked 'review' so you can decide.")
            else:
                messages.append(
                    f"A group now mixes people marked {' and '.join(strong.index)}:"
                    " marked 'review' so you can decide."
                )
    return out, messages


def _what_moved(
    o: int,
    m: pd.DataFrame,
    names: dict[int, str],
    tags: dict[int, str],
    shown: dict[int, str],
    out_names: dict[int, str],
    out_tags: dict[int, str],
) -> str:
    """One sentence on what happened to an old group the user worked on ("" when it simply
    became one new group)."""
    label = shown.get(o, f"Group {o + 1}")
    if o not in m.index:
        return f"'{label}' has nobody in it any more: {_work(o, names, tags)} was dropped."
    row = m.loc[o]
    new_size = m.sum(axis=0)
    kids = [int(n) for n in m.columns if m[n].idxmax() == o and m.loc[o, n] > _FOLLOW * new_size[n]]
    base = (_NUMBERED.match(names[o]) or [None, names[o]])[1] if o in names else None
    kept_name = base is not None and any(
        v == base or v.startswith(f"{base} (") for v in out_names.values()
    )
    if (
        len(kids) >= 2
        and all(out_tags.get(n) == tags.get(o) for n in kids)
        and (o not in names or all(n in out_names for n in kids))
    ):
        many = _COUNT_WORDS.get(len(kids), str(len(kids)))
        every = "both keep" if len(kids) == 2 else f"all {many} keep"
        return f"'{label}' split in {many}: {every} {_work(o, names, tags)}."
    lost = []
    if o in tags:
        follow = [n for n in m.columns if out_tags.get(int(n)) in (tags[o], "review")]
        if row[follow].sum() < _FOLLOW * row.sum():
            lost.append(f"your '{tags[o]}' mark")
    if o in names and not kept_name:
        lost.append("your name")
    if lost:
        return (
            f"'{label}' is spread over other groups now: {' and '.join(lost)} could not follow it."
        )
    return ""


_NUMBERED = re.compile(r"^(.*) \(\d+\)$")


def _carry_names(m: pd.DataFrame, names: dict[int, str]) -> dict[int, str]:
    """A new group takes a user's name when most of its people come from groups of that name
    (the parts of an earlier split count as one: "Sales leaders (1)" and "(2)" are "Sales
    leaders" again once together); a name on several new groups is numbered, largest first."""

    def base(o: int) -> str:
        n = names.get(int(o), "")
        return (_NUMBERED.match(n) or [None, n])[1] if n else f"\x00{o}"

    by_base = m.groupby([base(o) for o in m.index]).sum()
    new_size = m.sum(axis=0)
    takers: dict[str, list[int]] = {}
    for n in m.columns:
        top = by_base[n].idxmax()
        if not str(top).startswith("\x00") and by_base[n].max() > _FOLLOW * new_size[n]:
            takers.setdefault(str(top), []).append(int(n))
    out = {}
    for name, groups in takers.items():
        groups.sort(key=lambda n: -new_size[n])
        for i, n in enumerate(groups):
            out[n] = name if len(groups) == 1 else f"{name} ({i + 1})"
    return out
