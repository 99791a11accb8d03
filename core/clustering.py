"""Grouping connections by what their titles say, with names a person recognises.

Pipeline (scikit-learn steps, each testable alone):
clean (headline → role, abbreviations expanded, seniority/scope words dropped so that "Senior
Software Engineer" and "Software Engineer" group together) → distinct texts only, weighted by how
often they occur → word 1-2 gram + char_wb 3-5 gram TF-IDF → TruncatedSVD → unit length →
KMeans → c-TF-IDF names → a 2-D map from the reduced vectors.

K-means on raw sparse TF-IDF puts most titles into one catch-all group; the SVD step is what
makes the groups balanced and meaningful on short titles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import Normalizer

from core.text import normalise_titles
from core.titles import classify_normalised

#: Words that say how senior or where someone is, not what they do. Dropped before grouping so
#: groups are about work ("VP Sales" and "VP Engineering" part ways; "Sr." does not matter).
LEVEL_WORDS = frozenset("""
senior junior lead principal staff head chief vice president executive officer director
manager associate assistant intern trainee i ii iii iv sr jr of the and for in at a an to
global regional international group team emea apac dach latam uk i nordics benelux france
iberia north america europe remote contract freelance mid market enterprise strategic
accounts account level entry experienced & + with from on
""".split()) - {"account"}
# "account" stays: Account Executive / Account Manager are a family of their own.

_TOKEN = re.compile(r"[^\W\d_][\w&+#]*|\d+[a-z]+", re.UNICODE)


def clean_for_grouping(text: str) -> str:
    """A normalised title without level and scope words ("" when nothing is left but them)."""
    words = [w for w in _TOKEN.findall(text) if w not in LEVEL_WORDS]
    return " ".join(words)


def _function_token(function: str) -> str:
    return "fn" + re.sub(r"[^a-z]", "", function.lower())


def default_k(n_distinct: int) -> int:
    """A readable number of groups: about sqrt(distinct/2), between 2 and 12."""
    if n_distinct <= 1:
        return max(n_distinct, 0)
    return int(np.clip(round(np.sqrt(n_distinct / 2)), 2, min(12, n_distinct)))


@dataclass
class ClusterResult:
    """Cluster of each input (-1 for blank text), with names and a 2-D map.

    - labels: int array, one per input text
    - k: number of clusters
    - names: cluster id → short readable name ("Software Engineer · Developer")
    - top_terms: cluster id → most distinctive terms, best first
    - coords: float array (n, 2) for a map (NaN for blank inputs)
    - sizes: cluster id → number of inputs in it
    """

    labels: np.ndarray
    k: int
    names: dict[int, str] = field(default_factory=dict)
    top_terms: dict[int, list[str]] = field(default_factory=dict)
    coords: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    sizes: dict[int, int] = field(default_factory=dict)


def _vectorise(docs: list[str]) -> sp.csr_matrix:
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), min_df=1, sublinear_tf=True,
                            token_pattern=r"(?u)\b\w[\w&+#]*\b")
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=1, sublinear_tf=True)
    parts = []
    for vec in (words, chars):
        try:
            parts.append(vec.fit_transform(docs))
        except ValueError:  # empty vocabulary (e.g. only one-letter words)
            continue
    if not parts:
        return sp.csr_matrix(np.ones((len(docs), 1)))
    return sp.hstack(parts).tocsr()


def _reduce(x: sp.csr_matrix, random_state: int) -> np.ndarray:
    n_comp = min(100, x.shape[1] - 1, x.shape[0] - 1)
    if n_comp >= 2:
        dense = TruncatedSVD(n_components=n_comp, random_state=random_state).fit_transform(x)
    else:
        dense = x.toarray()
    return Normalizer().fit_transform(dense)


def _names(docs: list[str], weights: np.ndarray, labels: np.ndarray, k: int,
           n_terms: int = 5) -> tuple[dict[int, str], dict[int, list[str]]]:
    """c-TF-IDF: terms frequent in a cluster and rare elsewhere name it."""
    vec = CountVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\b[^\W\d_][\w&+#]*\b")
    try:
        counts = vec.fit_transform(docs)
    except ValueError:
        return {c: f"Group {c + 1}" for c in range(k)}, {c: [] for c in range(k)}
    terms = np.asarray(vec.get_feature_names_out())
    counts = sp.diags(weights) @ counts
    per = np.zeros((k, counts.shape[1]))
    for c in range(k):
        rows = np.flatnonzero(labels == c)
        if rows.size:
            per[c] = np.asarray(counts[rows].sum(axis=0)).ravel()
    tf = per / np.maximum(per.sum(axis=1, keepdims=True), 1)
    avg = per.sum() / max(k, 1)
    ctfidf = tf * np.log(1 + avg / np.maximum(per.sum(axis=0), 1))
    # Bigrams read better than their words alone: a small bonus.
    ctfidf *= np.where(np.char.count(terms.astype(str), " ") > 0, 1.15, 1.0)
    names, top = {}, {}
    for c in range(k):
        order = np.argsort(-ctfidf[c])
        chosen: list[str] = []
        for t in terms[order]:
            if ctfidf[c][vec.vocabulary_[t]] <= 0:
                break
            if len(t) <= 2 or any(t in s or s in t for s in chosen):
                continue  # "co" of "co founder" names nothing
            chosen.append(str(t))
            if len(chosen) == n_terms:
                break
        top[c] = chosen
        names[c] = " · ".join(w.title() for w in chosen[:2]) or f"Group {c + 1}"
    seen: dict[str, int] = {}
    for c in range(k):  # names must be unique to be useful in a table
        base = names[c]
        if base in seen:
            extra = top[c][2] if len(top[c]) > 2 else str(seen[base] + 1)
            names[c] = f"{base} · {extra.title()}"
        seen[base] = seen.get(base, 0) + 1
    return names, top


def _map_coords(vectors: np.ndarray, random_state: int) -> np.ndarray:
    """2-D positions: the two main directions of the reduced vectors, plus a little jitter."""
    if vectors.shape[0] == 0:
        return np.zeros((0, 2))
    if vectors.shape[1] >= 2 and vectors.shape[0] >= 2:
        centred = vectors - vectors.mean(axis=0)
        _, _, vt = np.linalg.svd(centred[: min(len(centred), 5000)], full_matrices=False)
        xy = centred @ vt[:2].T
    else:
        xy = np.zeros((vectors.shape[0], 2))
    return xy


def cluster_texts(texts, k: int | None = None, random_state: int = 0,
                  embedder: Callable[[list[str]], np.ndarray] | None = None) -> ClusterResult:
    """Group texts (titles/headlines) into k clusters; k=None picks a readable default.

    `embedder` (optional, e.g. `core.semantic.EmbeddingCache()`) maps distinct normalised
    titles to vectors and replaces the lexical TF-IDF/SVD representation (semantic mode).

    Blank texts (ghost rows, empty titles) get label -1. Distinct cleaned texts are clustered
    once, weighted by frequency, and mapped back, so 30k connections cost about as much as
    their distinct titles. Deterministic for a given random_state.
    """
    texts = pd.Series(list(texts) if not isinstance(texts, pd.Series) else texts.to_numpy(),
                      dtype="object").fillna("").astype(str)
    n = len(texts)
    norm = normalise_titles(texts.astype("str"))
    cleaned = norm.map(lambda t: clean_for_grouping(t) or t).astype("str")
    codes, uniques = pd.factorize(cleaned)
    # One readable example title per distinct cleaned text (what an embedder reads).
    example = pd.Series(norm.to_numpy()).groupby(codes).first()
    uniques = np.asarray(uniques, dtype=object)
    blank_u = np.array([u.strip() == "" for u in uniques], dtype=bool)
    keep_u = np.flatnonzero(~blank_u)
    labels = np.full(n, -1, dtype=int)
    coords = np.full((n, 2), np.nan)
    if keep_u.size == 0:
        return ClusterResult(labels=labels, k=0, coords=coords)

    docs = [str(uniques[i]) for i in keep_u]
    weights = np.bincount(codes, minlength=len(uniques))[keep_u].astype(float)
    # What the title classifier knows ("surgeon" and "paramedic" are both healthcare) joins the
    # words as a shared token, so groups follow the work even where the words differ.
    _, functions = classify_normalised(pd.Series(docs, dtype="str"))
    tagged = [f"{d} {_function_token(f)} {_function_token(f)}" if f else d
              for d, f in zip(docs, functions, strict=True)]
    k_eff = default_k(len(docs)) if k is None else int(k)
    k_eff = max(1, min(k_eff, len(docs)))

    if len(docs) == 1:
        u_labels = np.zeros(1, dtype=int)
        reduced = np.zeros((1, 2))
    else:
        if embedder is not None:
            reduced = Normalizer().fit_transform(
                np.asarray(embedder([str(example[i]) for i in keep_u]), dtype=float))
        else:
            reduced = _reduce(_vectorise(tagged), random_state)
        if k_eff == 1:
            u_labels = np.zeros(len(docs), dtype=int)
        else:
            km = KMeans(n_clusters=k_eff, n_init=4, random_state=random_state)
            u_labels = km.fit_predict(reduced, sample_weight=weights)
    # Renumber clusters by size (largest first) so ids read naturally.
    sizes_u = np.bincount(u_labels, weights=weights, minlength=k_eff)
    order = np.argsort(-sizes_u, kind="stable")
    rank = np.empty_like(order)
    rank[order] = np.arange(k_eff)
    u_labels = rank[u_labels]
    k_eff = int(len(np.unique(u_labels)))

    names, top = _names(docs, weights, u_labels, k_eff)
    xy_u = _map_coords(reduced, random_state)
    rng = np.random.default_rng(random_state)
    lookup = np.full(len(uniques), -1, dtype=int)
    lookup[keep_u] = u_labels
    labels = lookup[codes]
    pos = np.full((len(uniques), 2), np.nan)
    pos[keep_u] = xy_u
    coords = pos[codes]
    real = labels >= 0
    spread = np.nanstd(coords[real]) if real.any() else 0.0
    coords[real] += rng.normal(0, 0.03 * (spread or 1.0), size=(int(real.sum()), 2))
    sizes = {c: int((labels == c).sum()) for c in range(k_eff)}
    return ClusterResult(labels=labels, k=k_eff, names=names, top_terms=top, coords=coords,
                         sizes=sizes)


def cluster_stats(connections: pd.DataFrame, labels: np.ndarray, names: dict[int, str],
                  scored: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per cluster: size, share, top titles and companies, ICP fit, engaged share.

    `scored` (from `core.icp.score`) adds mean fit and the share of strong fits; engaged share
    is shown only where engagement is known.
    """
    df = connections.assign(cluster=np.asarray(labels))
    if scored is not None:
        df = df.assign(fit=scored["fit"].to_numpy(), fit_band=scored["fit_band"].to_numpy())
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
            row["strong_share"] = float((g["fit_band"] == "strong").mean())
        rows.append(row)
    return pd.DataFrame(rows)
