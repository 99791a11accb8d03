"""Grouping connections by what their titles say, with names a person recognises.

Pipeline, in two steps so that changing the number of groups does not redo the slow part:

`prepare` (once per network)
  role segment of each headline ("Helping founders scale | VP Sales @ Acme" → "vice president
  sales") → level and scope words dropped ("Senior Software Engineer" and "Software Engineer"
  become one text; "VP Sales" and "VP Engineering" stay apart) → distinct texts only, weighted
  by how many people have them → word 1-2 gram + char_wb 3-5 gram TF-IDF, plus the job function
  the shared title classifier recognises (`core.titles`: "surgeon" and "nurse" are both
  healthcare although they share no letters) → TruncatedSVD(100) → unit length.

`cluster_prepared` (per k)
  spherical k-means weighted by frequency → c-TF-IDF names → a 2-D map.

Why spherical k-means: with ordinary (Euclidean) k-means on these vectors, titles whose words
nobody else uses sit far from every real group and collect around one centroid near the origin,
a catch-all group holding 40 % of the people. Assigning each title to the group it is most
similar to (cosine) keeps groups balanced (largest 12-20 % on the labelled set) at a small
cost in V-measure. On raw sparse TF-IDF, k-means is worse still (55-89 % in one group).

Measured on tests/data/labelled_titles.csv (1,440 realistic titles, 18 occupation groups; see
bench/bench_clustering.py, mean of 3 seeds): the issue's lexical baseline scores V-measure
0.25, this pipeline 0.46 at k=12 (the auto k) and 0.52 at k=18. 30k connections take about
1 s (2.6 s when all 30k titles stay distinct after cleaning).
"""

from __future__ import annotations

import re
import unicodedata
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

from core.text import normalise_title
from core.titles import classify_normalised

#: Words that say how senior someone is or where they work, not what they do. Dropped before
#: grouping so that groups are about the work ("VP Sales" and "VP Engineering" part ways;
#: "Sr." does not matter). "account" stays: Account Executive / Manager is a family of its own.
LEVEL_WORDS = frozenset("""
senior junior lead principal staff head chief vice president executive officer director
manager associate assistant intern trainee i ii iii iv v sr jr snr mid level entry experienced
of the and for in at a an to with from on by our my
global regional international group team emea apac dach latam uk uki us usa nordics benelux
france germany spain iberia north south america europe remote hybrid contract freelance
interim part full time based mid market enterprise strategic accounts smb ex
""".split())

#: Most groups the automatic choice picks (a readable picture); the page's slider goes further.
MAX_AUTO_K = 12
#: Dimensions kept by the SVD step.
N_COMPONENTS = 100
#: Above this many distinct texts, the SVD is fitted on a sample of them (then applied to all).
SVD_FIT_ROWS = 10_000

# Segment separators of a headline. Split on the raw text: `core.text.fold` drops •, ·, – and —
# as decoration before `title_part` could split on them.
_SEGMENTS = re.compile(r"\s*(?:\||•|·|–|—|/{2}|\s-\s|;|\u2022|\u25aa|\u2023|\u25cf)\s*")
_TOKEN = re.compile(r"[^\W\d_][\w&+#]*|\d+[a-z]+", re.UNICODE)
# How taglines start ("Helping founders scale", "I help teams hire"): such a segment is the role
# only when no other segment is one.
_TAGLINE = re.compile(r"^(?:helping|making|building|turning|scaling|driving|empowering"
                      r"|connecting|creating|transforming|passionate|bringing|enabling|growing"
                      r"|changing|solving|obsessed|shaping|simplifying|fixing|redefining"
                      r"|reimagining|unlocking|on a mission|i help|we help|i|we|my|our|love"
                      r"|proud|former|ex|open to|looking for|seeking)\b")
_MAX_SEGMENTS = 4


def clean_for_grouping(text: str) -> str:
    """A normalised title without level and scope words ("" when nothing else is left).

    "senior software engineer emea" → "software engineer"; "vice president sales" → "sales".
    """
    words = [w for w in _TOKEN.findall(text) if len(w) > 1 and w not in LEVEL_WORDS]
    return " ".join(words)


def role_texts(texts: Iterable[str]) -> list[str]:
    """The role each headline states, normalised (`core.text.normalise_title`), "" when none.

    A headline is split into its segments ("|", "•", " - "...); the first segment in which the
    title classifier recognises a job function is the role, else the first that says a level,
    else the first segment; segments that open like a tagline ("Helping...", "I help...") come
    last. So "Helping B2B founders scale | Sales Director @ Acme" reads as
    "sales director", and "Software Engineer • ex-Google" as "software engineer".
    Vectorised over all segments at once; call it on distinct texts.
    """
    texts = list(texts)
    segments: list[list[str]] = []
    for t in texts:
        t = unicodedata.normalize("NFKC", t) if not t.isascii() else t
        parts = [s for s in _SEGMENTS.split(t) if s.strip()][:_MAX_SEGMENTS]
        segments.append([normalise_title(s) for s in parts])
    # Only headlines with several segments need a choice, hence the classifier.
    flat = [s for parts in segments if len(parts) > 1 for s in parts]
    if flat:
        seniority, function = classify_normalised(pd.Series(flat, dtype="str"))
    out, i = [], 0
    for parts in segments:
        n = len(parts)
        if n <= 1:
            out.append(parts[0] if parts else "")
            continue
        # Rank each segment (lower is better; the first of equals wins): a function and not a
        # tagline, a level and not a tagline, a function, anything not a tagline, the rest.
        ranks = []
        for j, part in enumerate(parts):
            fn, lvl = bool(function[i + j]), bool(seniority[i + j])
            tag = bool(_TAGLINE.match(part))
            rank = 0 if fn and not tag else 1 if lvl and not tag else 2 if fn else \
                3 if not tag else 4
            ranks.append(rank if part else 9)
        pick = int(np.argmin(ranks)) if min(ranks) < 9 else None
        out.append(parts[pick] if pick is not None else "")
        i += n
    return out


def default_k(n_distinct: int) -> int:
    """Groups the "auto" setting picks: round(sqrt(distinct texts / 2)), between 2 and 12.

    About 8 groups for 150 distinct titles and the maximum of 12 from about 250: enough to tell
    groups apart, few enough to read. Never more groups than distinct texts.
    """
    if n_distinct <= 1:
        return max(n_distinct, 0)
    return int(np.clip(round(np.sqrt(n_distinct / 2)), 2, min(MAX_AUTO_K, n_distinct)))


@dataclass
class Prepared:
    """Everything about a set of texts that does not depend on k (computed once per network).

    - codes: for each input, the index of its distinct cleaned text (-1 for blank input)
    - docs: distinct cleaned texts (level words dropped); what names are made of
    - examples: a readable role text for each doc (the most common one behind it)
    - weights: how many inputs have each doc
    - functions: job function the title classifier gives each doc ("" when unknown)
    - vectors: unit-length vectors of the docs (n_docs × d)
    """

    codes: np.ndarray
    docs: list[str]
    examples: list[str]
    weights: np.ndarray
    functions: np.ndarray
    vectors: np.ndarray

    @property
    def n_inputs(self) -> int:
        return len(self.codes)


@dataclass
class ClusterResult:
    """Cluster of each input (-1 for blank text), with names and a 2-D map.

    - labels: int array, one per input text; clusters are numbered largest first
    - k: number of clusters (0 when every input is blank)
    - names: cluster id → short readable name ("Software Engineer · Developer"), unique
    - top_terms: cluster id → most distinctive terms, best first
    - coords: float array (n, 2) for a map (NaN for blank inputs)
    - sizes: cluster id → number of inputs in it
    - typicality: float array, cosine of each input to its cluster's centre (NaN for blank);
      1 is a textbook member, near 0 a title that fits nowhere well
    """

    labels: np.ndarray
    k: int
    names: dict[int, str] = field(default_factory=dict)
    top_terms: dict[int, list[str]] = field(default_factory=dict)
    coords: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    sizes: dict[int, int] = field(default_factory=dict)
    typicality: np.ndarray = field(default_factory=lambda: np.zeros(0))


# --- representation -----------------------------------------------------------------------

def _function_block(functions: np.ndarray) -> sp.csr_matrix:
    """One-hot job function per doc (an all-zero row when the function is unknown)."""
    known = np.asarray(functions != "")
    cats = pd.Categorical(functions)
    return sp.csr_matrix((known.astype(np.float32), (np.arange(len(functions)), cats.codes)),
                         shape=(len(functions), len(cats.categories)))


def _vectorise(docs: list[str], functions: np.ndarray) -> sp.csr_matrix:
    """Word and character TF-IDF blocks (each row unit length) plus a one-hot function block."""
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                            token_pattern=r"(?u)\b\w[\w&+#]*\b", dtype=np.float32)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                            dtype=np.float32)
    parts = []
    for vec in (words, chars):
        try:
            parts.append(vec.fit_transform(docs))
        except ValueError:  # empty vocabulary (only one-letter words, say)
            continue
    if (functions != "").any():
        parts.append(_function_block(functions))
    if not parts:
        return sp.csr_matrix(np.ones((len(docs), 1), dtype=np.float32))
    return sp.hstack(parts).tocsr()


def _reduce(x: sp.csr_matrix, random_state: int) -> np.ndarray:
    """Unit-length dense vectors: TruncatedSVD to N_COMPONENTS dimensions for more docs than
    that, the TF-IDF rows themselves otherwise (an SVD capped at n_docs - 1 dimensions would
    merge distinct texts; small inputs are cheap anyway)."""
    if x.shape[0] > N_COMPONENTS and x.shape[1] > N_COMPONENTS:
        svd = TruncatedSVD(n_components=N_COMPONENTS, n_iter=4, random_state=random_state)
        if x.shape[0] > SVD_FIT_ROWS:  # the directions settle long before: fit on a sample
            rows = np.random.default_rng(random_state).choice(x.shape[0], SVD_FIT_ROWS,
                                                              replace=False)
            svd.fit(x[np.sort(rows)])
            dense = svd.transform(x)
        else:
            dense = svd.fit_transform(x)
    else:
        dense = x.toarray()
    dense = normalize(np.asarray(dense, dtype=np.float64))
    # A text with no shared feature at all projects to zero: give it its own direction rather
    # than a zero vector (which every centroid would tie on).
    zero = ~np.isfinite(dense).all(axis=1) | (np.abs(dense).sum(axis=1) == 0)
    if zero.any():
        dense[zero] = 0.0
        dense[zero, 0] = 1.0
    return dense


def prepare(texts, random_state: int = 0,
            embedder: Callable[[list[str]], np.ndarray] | None = None) -> Prepared:
    """The k-independent part of clustering: clean, deduplicate, vectorise (see module doc).

    `texts`: any iterable or Series of strings (None/NaN count as blank). `embedder` (optional,
    e.g. `core.semantic.EmbeddingCache()`) maps the distinct cleaned texts to vectors and replaces
    the lexical TF-IDF/SVD representation (semantic mode). Deterministic for a `random_state`.
    """
    raw = pd.Series(texts.to_numpy() if isinstance(texts, pd.Series) else list(texts),
                    dtype="object").fillna("").astype(str)
    raw_codes, raw_uniques = pd.factorize(raw)
    roles = np.asarray(role_texts(raw_uniques), dtype=object) if len(raw_uniques) else \
        np.zeros(0, dtype=object)
    cleaned = np.asarray([clean_for_grouping(r) or r for r in roles], dtype=object)
    # Distinct cleaned texts over the distinct raw texts, then back to every input.
    doc_codes, docs = pd.factorize(pd.Series(cleaned, dtype="object"))
    docs = [str(d) for d in docs]
    blank = np.asarray([d.strip() == "" for d in docs], dtype=bool)
    keep = np.flatnonzero(~blank)
    remap = np.full(len(docs), -1, dtype=int)
    remap[keep] = np.arange(len(keep))
    per_raw = remap[doc_codes] if len(doc_codes) else np.zeros(0, dtype=int)
    codes = per_raw[raw_codes] if len(raw_codes) else np.zeros(0, dtype=int)
    docs = [docs[i] for i in keep]
    n_docs = len(docs)
    weights = np.bincount(codes[codes >= 0], minlength=n_docs).astype(float)
    # The readable role and the job function behind each doc: those of its most common role.
    raw_count = np.bincount(raw_codes, minlength=len(raw_uniques)) if len(raw_codes) else \
        np.zeros(0, dtype=int)
    frame = pd.DataFrame({"doc": per_raw, "role": roles, "n": raw_count})
    frame = frame[frame["doc"] >= 0].sort_values(["doc", "n"], ascending=[True, False],
                                                kind="stable")
    examples_s = frame.groupby("doc", sort=True)["role"].first()
    examples = [str(e) for e in examples_s.reindex(range(n_docs)).fillna("")]
    if n_docs:
        _, functions = classify_normalised(pd.Series(examples, dtype="str"))
        functions = np.asarray(functions, dtype=object)
    else:
        functions = np.zeros(0, dtype=object)

    if n_docs == 0:
        vectors = np.zeros((0, 2))
    elif embedder is not None:
        # Embeddings of the cleaned texts (level words would dominate a sentence embedding),
        # with the classifier's function at half weight: measured best on the labelled set.
        emb = normalize(np.asarray(embedder(docs), dtype=float))
        vectors = normalize(np.hstack([emb, 0.5 * _function_block(functions).toarray()]))
    elif n_docs == 1:
        vectors = np.array([[1.0, 0.0]])
    else:
        vectors = _reduce(_vectorise(docs, functions), random_state)
    return Prepared(codes=codes, docs=docs, examples=examples, weights=weights,
                    functions=functions, vectors=vectors)


# --- grouping -------------------------------------------------------------------------------

def _spherical_kmeans(x: np.ndarray, k: int, weights: np.ndarray, random_state: int,
                      n_init: int = 3, max_iter: int = 60) -> np.ndarray:
    """Weighted k-means on the unit sphere: each point joins the most similar centre (cosine).

    Centres are the normalised weighted means. Seeded with k-means++; the best of `n_init`
    runs (highest total weighted similarity) wins. Stops when under 0.1 % of the weight moves.
    """
    rng = np.random.RandomState(random_state)
    x32 = x.astype(np.float32)
    total = weights.sum()
    best_score, best = -np.inf, np.zeros(len(x), dtype=int)
    for _ in range(n_init):
        centres, _ = kmeans_plusplus(x, k, sample_weight=weights,
                                     random_state=rng.randint(2**31 - 1))
        centres = normalize(centres).astype(np.float32)
        labels = np.full(len(x), -1)
        for _ in range(max_iter):
            sims = x32 @ centres.T
            new = np.argmax(sims, axis=1)
            moved = weights[new != labels].sum()
            labels = new
            sums = _group_sums(x32, labels, weights, k).astype(np.float32)
            empty = np.flatnonzero(np.bincount(labels, minlength=k) == 0)
            if empty.size:  # re-seed empty groups with the worst-fitting points
                worst = np.argsort(sims[np.arange(len(x)), labels])[: empty.size]
                sums[empty] = x32[worst]
                labels[worst] = empty
            centres = normalize(sums).astype(np.float32)
            if moved <= 0.001 * total:
                break
        score = float((weights * np.sum(x32 * centres[labels], axis=1)).sum())
        if score > best_score:
            best_score, best = score, labels.copy()
    return best


def _group_sums(x: np.ndarray, labels: np.ndarray, weights: np.ndarray, k: int) -> np.ndarray:
    """Weighted sum of the rows of x in each group (k × d), as one sparse product."""
    member = sp.csr_matrix((weights, (labels, np.arange(len(labels)))), shape=(k, len(labels)))
    return np.asarray(member @ x)


def _centres(x: np.ndarray, labels: np.ndarray, weights: np.ndarray, k: int) -> np.ndarray:
    return normalize(_group_sums(x, labels, weights, k))


def _names(docs: list[str], weights: np.ndarray, labels: np.ndarray, k: int,
           n_terms: int = 5) -> tuple[dict[int, str], dict[int, list[str]]]:
    """c-TF-IDF: terms frequent in a cluster and rare elsewhere name it (2 terms, unique)."""
    vec = CountVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\b[^\W\d_][\w&+#]*\b")
    try:
        counts = vec.fit_transform(docs)
    except ValueError:
        return {c: f"Group {c + 1}" for c in range(k)}, {c: [] for c in range(k)}
    terms = np.asarray(vec.get_feature_names_out()).astype(str)
    counts = (sp.diags(weights) @ counts).tocsr()
    member = sp.csr_matrix((np.ones(len(labels)), (labels, np.arange(len(labels)))),
                           shape=(k, len(labels)))
    per = np.asarray((member @ counts).todense())
    tf = per / np.maximum(per.sum(axis=1, keepdims=True), 1)
    avg = per.sum() / max(k, 1)
    ctfidf = tf * np.log(1 + avg / np.maximum(per.sum(axis=0), 1))
    # Bigrams read better than their words alone: a small bonus.
    ctfidf *= np.where(np.char.count(terms, " ") > 0, 1.15, 1.0)
    names, top = {}, {}
    for c in range(k):
        chosen: list[str] = []
        score: dict[str, float] = {}
        for j in np.argsort(-ctfidf[c], kind="stable")[: 20 * n_terms]:
            if ctfidf[c, j] <= 0 or len(chosen) == n_terms:
                break
            t, v = str(terms[j]), float(ctfidf[c, j])
            if len(t) <= 2:
                continue  # "co" of "co founder" names nothing
            inside = [i for i, s in enumerate(chosen) if s in t.split()]
            if inside and " " in t and v >= 0.5 * score[chosen[inside[0]]]:
                # "Information Technology" reads better than "Information" alone.
                chosen[inside[0]] = t
                score[t] = v
                continue
            if any(t in s or s in t for s in chosen):
                continue  # no "Sales · Sales Manager"
            chosen.append(t)
            score[t] = v
        top[c] = chosen
        # The name: the best term and the next one sharing no word with it (no "Human
        # Resources · Resources Coordinator").
        shown = chosen[:1] + [t for t in chosen[1:]
                              if not set(t.split()) & set(chosen[0].split())][:1]
        names[c] = " · ".join(_title_case(w) for w in shown) or f"Group {c + 1}"
    seen: dict[str, int] = {}
    for c in range(k):  # names must be unique to be useful in a table
        base = names[c]
        if base in seen:
            extra = next((t for t in top[c][2:] if _title_case(t) not in base), None)
            names[c] = f"{base} · {_title_case(extra)}" if extra else f"{base} ({seen[base] + 1})"
        seen[base] = seen.get(base, 0) + 1
    return names, top


_SHORT_UPPER = {"ai", "ml", "it", "hr", "ux", "ui", "qa", "bi", "ceo", "cto", "cfo", "coo",
                "seo", "crm", "erp", "sap", "aws", "b2b", "b2c", "saas", "r&d", "fp&a", "l&d"}


_DISPLAY = {"co founder": "Co-Founder", "cofounder": "Co-Founder", "full stack": "Full-Stack",
            "e commerce": "E-Commerce"}


def _title_case(term: str) -> str:
    """A term as a name shows it: "software engineer" → "Software Engineer", "hr" → "HR"."""
    for plain, shown in _DISPLAY.items():
        term = re.sub(rf"\b{plain}\b", shown, term)
    words = []
    for w in term.split():
        if "-" in w and w[:1].isupper():
            words.append(w)  # already shown as wanted ("Co-Founder")
        elif w in _SHORT_UPPER:
            words.append(w.upper())
        else:
            words.append(w[:1].upper() + w[1:])
    return " ".join(words)


def _map(x: np.ndarray, labels: np.ndarray, centres: np.ndarray) -> np.ndarray:
    """2-D positions: groups placed by how alike they are, members spread around their group.

    Group centres: metric MDS of the distances between centres, scaled so the typical gap
    between neighbouring groups is 1. Members: around their group's centre, at a distance that
    grows as they are less like the group (typical titles in the middle, unusual ones on the
    edge, within 0.5) and in the direction of their offset along the group's own two main
    directions (so similar titles sit together inside a blob).
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
        # Metric MDS from the classical solution: all distances count, so one very distinct
        # group does not squeeze the others into a corner. Deterministic (fixed start).
        pos = smacof(np.sqrt(d2), metric=True, n_components=2, init=start, n_init=1,
                     max_iter=200, normalized_stress=False)[0]
        # Deterministic orientation: the largest group in the lower left.
        pos *= np.where(pos[0] > 0, -1.0, 1.0)
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


def cluster_prepared(prep: Prepared, k: int | None = None, random_state: int = 0
                     ) -> ClusterResult:
    """Group prepared texts into k clusters (k=None: `default_k`), named and mapped.

    k is capped at the number of distinct texts. Clusters are numbered largest first.
    Deterministic for a given `random_state`.
    """
    n = prep.n_inputs
    labels = np.full(n, -1, dtype=int)
    coords = np.full((n, 2), np.nan)
    typ = np.full(n, np.nan)
    n_docs = len(prep.docs)
    if n_docs == 0:
        return ClusterResult(labels=labels, k=0, coords=coords, typicality=typ)
    k_eff = default_k(n_docs) if k is None else int(k)
    k_eff = max(1, min(k_eff, n_docs))
    x, w = prep.vectors, prep.weights
    if k_eff == 1:
        u = np.zeros(n_docs, dtype=int)
    else:
        u = _spherical_kmeans(x, k_eff, w, random_state)
    # Renumber by size (largest first) so ids read naturally; drop groups left empty.
    sizes = np.bincount(u, weights=w, minlength=k_eff)
    order = [c for c in np.argsort(-sizes, kind="stable") if sizes[c] > 0]
    rank = np.full(k_eff, -1)
    rank[order] = np.arange(len(order))
    u = rank[u]
    k_eff = len(order)

    centres = _centres(x, u, w, k_eff)
    sim_u = np.sum(x * centres[u], axis=1)
    names, top = _names(prep.docs, w, u, k_eff)
    xy_u = _map(x, u, centres)
    real = prep.codes >= 0
    labels[real] = u[prep.codes[real]]
    typ[real] = sim_u[prep.codes[real]]
    coords[real] = xy_u[prep.codes[real]]
    # Deterministic jitter so people with the same title do not hide behind one dot.
    rng = np.random.default_rng(random_state)
    coords[real] += rng.normal(0, 0.035, size=(int(real.sum()), 2))
    sizes_d = {c: int((labels == c).sum()) for c in range(k_eff)}
    return ClusterResult(labels=labels, k=k_eff, names=names, top_terms=top, coords=coords,
                         sizes=sizes_d, typicality=typ)


def cluster_texts(texts, k: int | None = None, random_state: int = 0,
                  embedder: Callable[[list[str]], np.ndarray] | None = None) -> ClusterResult:
    """Group texts (titles/headlines) into k clusters; k=None picks a readable default.

    `prepare` then `cluster_prepared` (see the module doc). Blank texts (ghost rows, empty or
    decoration-only titles) get label -1. Distinct cleaned texts are clustered once, weighted by
    frequency, and mapped back, so 30k connections cost about as much as their distinct titles.
    Works for 0 to 100k+ inputs; deterministic for a given random_state.
    """
    return cluster_prepared(prepare(texts, random_state, embedder), k, random_state)


def suggest_k(prep: Prepared, ks: Iterable[int] | None = None, random_state: int = 0
              ) -> pd.DataFrame:
    """How well each number of groups describes the network, to help choose k.

    One row per k (default 2..20, capped at the distinct texts) with:
    - coherence: mean similarity of people to their group's centre (0-1; higher = groups of
      more alike titles). It always rises with k, like silhouette does on titles, so it cannot
      pick k by its maximum;
    - function_purity: share of people whose job function (as the title classifier reads it)
      is the most common one in their group, among people with a known function (NaN if none);
    - largest_share: share of people in the biggest group;
    - smallest: people in the smallest group;
    - suggested: True on the knee of the coherence curve, the k after which another group
      adds least (Kneedle: the point furthest above the straight line from first to last k).
    """
    n_docs = len(prep.docs)
    if ks is None:
        ks = range(2, 21)
    ks = sorted({int(k) for k in ks if 2 <= int(k) <= n_docs})
    cols = ["k", "coherence", "function_purity", "largest_share", "smallest", "suggested"]
    if not ks:
        return pd.DataFrame(columns=cols)
    w = prep.weights
    total = w.sum()
    known = prep.functions != ""
    rows = []
    for k in ks:
        u = _spherical_kmeans(prep.vectors, k, w, random_state, n_init=1)
        centres = _centres(prep.vectors, u, w, k)
        coherence = float((w * np.sum(prep.vectors * centres[u], axis=1)).sum() / total)
        purity = np.nan
        if known.any():
            f = pd.DataFrame({"c": u[known], "f": prep.functions[known], "w": w[known]})
            top = f.groupby(["c", "f"])["w"].sum().groupby(level=0).max().sum()
            purity = float(top / w[known].sum())
        sizes = np.bincount(u, weights=w, minlength=k)
        rows.append([k, coherence, purity, float(sizes.max() / total),
                     int(sizes[sizes > 0].min()), False])
    out = pd.DataFrame(rows, columns=cols)
    if len(out) >= 3:
        xs = (out["k"] - out["k"].iloc[0]) / (out["k"].iloc[-1] - out["k"].iloc[0])
        span = out["coherence"].iloc[-1] - out["coherence"].iloc[0]
        ys = (out["coherence"] - out["coherence"].iloc[0]) / (span if span > 0 else 1.0)
        out.loc[int(np.argmax((ys - xs).to_numpy())), "suggested"] = True
    else:
        out.loc[0, "suggested"] = True
    return out


def cluster_stats(connections: pd.DataFrame, labels: np.ndarray, names: dict[int, str],
                  scored: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per cluster: size, share, top titles and companies, ICP fit, engaged share.

    `connections`: the connection table (reads position, company, engaged). `labels`: one
    cluster id per row (-1 = not clustered). `scored` (from `core.icp.score`, same rows) adds
    mean_fit (0-100) and strong_share. share is of the whole network; engaged_share is among
    people whose engagement is known (NaN when nobody's is). Sorted by cluster id.
    """
    labels = np.asarray(labels)
    df = pd.DataFrame({"cluster": labels, "position": connections["position"].to_numpy(),
                       "company": connections["company"].to_numpy()})
    engaged = connections["engaged"] if "engaged" in connections else \
        pd.Series(pd.NA, index=connections.index, dtype="boolean")
    df["engaged"] = engaged.astype("boolean").to_numpy()
    if scored is not None:
        df["fit"] = scored["fit"].to_numpy()
        df["strong"] = (scored["fit_band"] == "strong").to_numpy()
    df = df[df["cluster"] >= 0]
    total = len(connections)
    rows = []
    for c, g in df.groupby("cluster", sort=True):
        known = g["engaged"].dropna()
        row = {
            "cluster": int(c),
            "name": names.get(int(c), f"Group {int(c) + 1}"),
            "size": len(g),
            "share": len(g) / total if total else 0.0,
            "top_titles": ", ".join(g["position"][g["position"] != ""].value_counts()
                                    .head(3).index.tolist()),
            "top_companies": ", ".join(g["company"][g["company"] != ""].value_counts()
                                       .head(3).index.tolist()),
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
