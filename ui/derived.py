"""Values derived from the session's state, each computed once per session for what it depends on.

One small typed function per derived value: it names its cache key explicitly (everything the
result depends on, starting with the network's fingerprint) and its own bound. Pages call these;
they never call the cache themselves and never stash a result for another page to read, so a page
always shows what the current ICP, corrections, groups and rules give.
"""

from __future__ import annotations

from concurrent.futures import Future
from functools import partial

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core import charts
from core.clustering import (
    ClusterResult,
    Prepared,
    carry_over,
    cluster_prepared,
    grouping_texts,
    prepare,
    suggest_k,
)
from core.icp import score, spellings, title_text
from core.icp import unknown_titles as find_unknown
from core.overview import Overview, top_values
from core.overview import overview as network_overview
from core.text import has_word, needle, padded_words
from core.titles import read_titles
from core.vocabulary import INDUSTRIES
from ui.state import ahead, cached, state

#: How many results each of the grouping's caches keeps (`group_ahead` fills the same stores).
TITLES_BOUND, PREPARED_BOUND, GROUPING_BOUND = 2, 2, 4


def titles() -> pd.DataFrame:
    """The title model's reading of every connection's title (function, function2, seniority,
    confidence, why, key; aligned to the connection table), with the user's corrections on top.

    Reads the role only (`core.icp.title_text`: headline, else position), never the company, so
    a company name is not taken for a job. Scoring reuses it, so changing the ICP never reads
    titles again; a correction changes the key, so every page sees it at once.
    """
    s = state()
    net, corrections = s.network, s.corrections
    return cached(
        "titles",
        (net.fingerprint, corrections),
        partial(_read_titles, net.df, corrections),
        bound=TITLES_BOUND,
    )


def _read_titles(df: pd.DataFrame, corrections) -> pd.DataFrame:
    return read_titles(title_text(df), corrections)


def scored() -> pd.DataFrame | None:
    """Every connection scored against the current ICP with the user's corrections (None while
    there is no ICP): `core.icp.score` columns (fit, fit_band, fit_reasons, function, ...)."""
    s = state()
    if s.icp is None:
        return None
    net, icp, corrections = s.network, s.icp, s.corrections
    return cached(
        "scored",
        (net.fingerprint, icp, corrections),
        partial(score, net.df, icp, corrections, titles=titles()),
        bound=2,
    )


def grouping() -> ClusterResult:
    """The groups for the current method, number of groups and corrections.

    Also keeps the user's renames and keep/review/prune marks on the groups they were made
    for: when the grouping changed since they were made (another k, method or correction),
    `core.clustering.carry_over` maps them to the new groups by overlap and leaves what moved
    in `state().grouping.moved` for the clusters page to say. Here, not in a page, so every
    page that reads marks (the simulator too) sees them on the groups it gets.
    """
    s = state()
    g = s.grouping
    result = _groups(g.method, g.k, s.corrections)
    basis = (s.network.fingerprint, g.method, g.k, s.corrections)
    if g.basis != basis:
        if g.basis and g.basis[0] == basis[0] and (g.names or g.tags):
            old = _groups(*g.basis[1:])
            moved = carry_over(old.labels, result.labels, g.names, g.tags, old.names)
            g.names, g.tags, g.moved = moved.names, moved.tags, moved.messages
        g.basis = basis
    return result


def _groups(method: str, k: int | None, corrections) -> ClusterResult:
    """One grouping (once per network, method, number of groups and corrections). The prepared
    titles are looked up only when the grouping is not there: a kept grouping (the one the
    user's names were made on) needs nothing else to be kept."""
    net = state().network
    return cached(
        "grouping",
        (net.fingerprint, method, k, corrections),
        partial(_cluster, method, corrections, k),
        bound=GROUPING_BOUND,
    )


def _cluster(method: str, corrections, k: int | None) -> ClusterResult:
    return cluster_prepared(_prepared(method, corrections), k)


def grouping_prepared() -> Prepared:
    """The prepared titles behind `grouping()` (distinct titles, functions, vectors)."""
    s = state()
    return _prepared(s.grouping.method, s.corrections)


def _prepared(method: str, corrections) -> Prepared:
    """The prepared titles for one method and set of corrections (once per network)."""
    net = state().network
    return cached(
        "grouping.prepared",
        (net.fingerprint, method, corrections),
        partial(_prepare, net.df, method, corrections),
        bound=PREPARED_BOUND,
    )


def _prepare(df: pd.DataFrame, method: str, corrections) -> Prepared:
    embedder = None
    if method == "semantic":
        from core.semantic import EmbeddingCache

        # One embedding cache per session: each distinct title is embedded once.
        embedder = cached("grouping.embedder", (), EmbeddingCache, bound=1)
    # The title model's reading of every connection, shared with scoring (read once), when it
    # is for these corrections (an earlier grouping, kept for carry-over, may have others).
    reading = titles() if corrections == state().corrections else None
    return _prepare_texts(df, corrections, reading, embedder)


def _prepare_texts(df: pd.DataFrame, corrections, reading, embedder=None) -> Prepared:
    return prepare(
        grouping_texts(df),
        random_state=0,
        embedder=embedder,
        corrections=corrections,
        reading=reading,
    )


def group_ahead() -> None:
    """Queue the grouping the clusters page will show on the background worker, if it is not
    there yet (`ui.state.ahead`).

    Pages call this last, once they are drawn, so the user's next click finds the groups ready
    instead of waiting for them. One task per step, queued in order on the one worker: the
    title reading, the prepared titles, the grouping, under the same keys and bounds as
    `titles()`, `_prepared()` and `_groups()`, so those pick the results up. Not for a demo
    network (grouping 2,500 people inline is quick, and everyone opens Home on the demo) nor
    for semantic grouping (its model is loaded on request, never ahead of it).
    """
    s = state()
    g, net, corrections = s.grouping, s.network, s.corrections
    if net.is_demo or g.method != "lexical":
        return
    reading = ahead(
        "titles",
        (net.fingerprint, corrections),
        partial(_read_titles, net.df, corrections),
        bound=TITLES_BOUND,
    )
    prep = ahead(
        "grouping.prepared",
        (net.fingerprint, g.method, corrections),
        partial(_prepare_after, net.df, corrections, reading),
        bound=PREPARED_BOUND,
    )
    ahead(
        "grouping",
        (net.fingerprint, g.method, g.k, corrections),
        partial(_cluster_after, prep, g.k),
        bound=GROUPING_BOUND,
    )


def _prepare_after(df: pd.DataFrame, corrections, reading: Future) -> Prepared:
    return _prepare_texts(df, corrections, reading.result())


def _cluster_after(prep: Future, k: int | None) -> ClusterResult:
    return cluster_prepared(prep.result(), k)


def scenario_result(scenario):
    """`core.simulator.run` for `scenario` on the current scored table (the bare table while
    there is no ICP), with the current groups when the scenario prunes a group.

    Keyed by everything the plan depends on (network, ICP, corrections, grouping, scenario), so
    the simulator page, a shared link and the report get the same plan, never a stale one.
    """
    from core.simulator import run

    s = state()
    net = s.network
    table = scored()
    if table is None:
        table = net.df
    labels, groups_key = None, None
    if scenario.prune_groups:
        labels = _group_labels()
        groups_key = (s.grouping.method, s.grouping.k)
    key = (net.fingerprint, s.icp, s.corrections, groups_key, scenario)
    return cached("scenario", key, partial(run, table, scenario, groups=labels), bound=4)


def _group_labels():
    """The current grouping's label per row (its marks carried over by `grouping()`)."""
    return grouping().labels


# --- counts for the ICP wizard, the report and the clusters page's "help me choose" ----------
# Plain functions with explicit arguments (`partial`), never closures: the key names everything
# the value depends on.


def _real(df: pd.DataFrame) -> pd.DataFrame:
    """People with a name or a title (ghost rows say nothing about a network's make-up)."""
    return df[~df["is_blank"]]


def reading_counts() -> tuple[pd.Series, pd.Series]:
    """(people per function, people per seniority) among real connections, as the title model
    reads them with the user's corrections; a title naming two roles counts for both."""
    s = state()
    key = (s.network.fingerprint, s.corrections)
    return cached("reading_counts", key, partial(_reading_counts, s.network.df), bound=2)


def _reading_counts(df: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    reading = titles()[~df["is_blank"].to_numpy()]
    both = pd.concat([reading["function"], reading["function2"]])
    return both[both != ""].value_counts(), reading["seniority"].value_counts()


def industry_counts() -> dict[str, int]:
    """How many real connections each industry group's words would match (as scoring matches:
    whole words, accents or not)."""
    net = state().network
    return cached("industry_counts", (net.fingerprint,), partial(_industry_counts, net.df))


def _industry_counts(df: pd.DataFrame) -> dict[str, int]:
    padded = padded_words(_real(df)["text"])
    counts = {}
    for industry, words in INDUSTRIES.items():
        hit = np.zeros(len(padded), dtype=bool)
        for w in words:
            hit |= has_word(padded, needle(w))
        counts[industry] = int(hit.sum())
    return counts


def word_suggestions(n: int = 40) -> pd.DataFrame:
    """The `n` words found in the most real connections' title/company text, as keyword
    suggestions. Columns: word (its most common spelling), folded (the form scoring matches),
    count (people whose text holds the word in any spelling: "Sócio" and "socio" are one word,
    as a keyword matches both)."""
    net = state().network
    return cached("word_suggestions", (net.fingerprint, n), partial(_words, net.df, n))


#: Words that make poor keyword suggestions: headline glue, level words (the seniority step
#: covers them) and company-name suffixes (folded: no accents).
SUGGESTION_STOPWORDS = frozenset(
    (
        "a an and the of for to in on at with by from as or & + # de del la le les el y e et und "
        "der die das des du en von zu fur my our your i we you is are be who help helping "
        "manager managers director directors senior sr snr jr junior lead head specialist associate "
        "analyst executive assistant coordinator representative officer chief vp svp evp avp vice "
        "president intern trainee principal staff member team mgr ii iii iv "
        "inc ltd llc gmbh co corp corporation company sa ag plc bv srl hq"
    ).split()
)


def _words(df: pd.DataFrame, n: int) -> pd.DataFrame:
    texts = _real(df)["text"]
    pairs = _word_pairs(padded_words(texts))
    pairs = pairs[
        (pairs["word"].str.len() > 1)
        & ~pairs["word"].isin(SUGGESTION_STOPWORDS)
        & ~pairs["word"].str.isdigit()
    ]
    counts = pairs["word"].value_counts().head(n)
    spelling = _spellings(texts, set(counts.index))
    folded = counts.index.astype(str)
    return pd.DataFrame(
        {
            "word": [spelling.get(w, w) for w in folded],
            "folded": folded,
            "count": counts.to_numpy(),
        }
    )


def _word_pairs(padded) -> pd.DataFrame:
    """(row, word) once per row and word, from " word word " texts."""
    words = pc.split_pattern(pc.utf8_trim(padded, characters=" "), " ")
    rows = pc.list_parent_indices(words).to_numpy()
    flat = pc.list_flatten(words).to_numpy(zero_copy_only=False)
    return pd.DataFrame({"row": rows, "word": flat}).drop_duplicates()


def _spellings(texts: pd.Series, wanted: set[str]) -> dict[str, str]:
    """The most common lower-case spelling (accents kept) of each folded word in `wanted`."""
    arr = pa.array(texts.astype("str").fillna(""), type=pa.large_string())
    arr = pc.utf8_lower(pc.utf8_normalize(arr, form="NFC"))
    tokens = pc.list_flatten(pc.split_pattern_regex(arr, r"[^\p{L}\p{M}\p{N}&+#]+"))
    spelled = pd.Series(tokens.to_numpy(zero_copy_only=False)).value_counts()
    out: dict[str, str] = {}
    for token in spelled.index:  # most common first: the first spelling seen wins
        folded = needle(str(token)).strip()
        if folded in wanted and folded not in out:
            out[folded] = str(token)
            if len(out) == len(wanted):
                break
    return out


def term_counts(terms: tuple[str, ...]) -> dict[str, int]:
    """How many real connections mention each term as whole words in their title or company,
    matched as scoring matches (any case, accents or not)."""
    net = state().network
    key = (net.fingerprint, terms)
    return cached("term_counts", key, partial(_term_counts, net.df, terms), bound=4)


def _term_counts(df: pd.DataFrame, terms: tuple[str, ...]) -> dict[str, int]:
    padded = padded_words(_real(df)["text"])
    return {t: int(has_word(padded, needle(t)).sum()) if needle(t).strip() else 0 for t in terms}


def common_values(column: str, n: int = 30) -> pd.DataFrame:
    """The `n` most common values of one column among real connections (columns: column,
    count)."""
    net = state().network
    key = (net.fingerprint, column, n)
    return cached("common_values", key, partial(_common_values, net.df, column, n), bound=4)


def _common_values(df: pd.DataFrame, column: str, n: int) -> pd.DataFrame:
    return top_values(_real(df)[column], n, column)


def unknown_titles() -> tuple[float, pd.DataFrame]:
    """Share of titled real connections with no function read, and the most common such titles
    (`core.icp.unknown_titles`: key, title, people), with the user's corrections."""
    s = state()
    key = (s.network.fingerprint, s.corrections)
    return cached("unknown_titles", key, partial(_unknown_titles, s.network.df))


def _unknown_titles(df: pd.DataFrame) -> tuple[float, pd.DataFrame]:
    real = ~df["is_blank"].to_numpy()
    return find_unknown(title_text(df[real]), titles()[real])


def correction_spellings() -> dict[str, str]:
    """How people in this network write each corrected title (`core.icp.spellings`), so the
    list of corrections shows "Psicóloga Organizacional", not the key it is stored under."""
    s = state()
    key = (s.network.fingerprint, s.corrections)
    fn = partial(_correction_spellings, s.network.df, s.corrections)
    return cached("correction_spellings", key, fn, bound=1)


def _correction_spellings(df: pd.DataFrame, corrections) -> dict[str, str]:
    return spellings(title_text(df), titles(), [c.title for c in corrections])


def overview() -> Overview:
    """The network's headline facts (`core.overview.overview`), once per network."""
    net = state().network
    return cached("overview", (net.fingerprint,), partial(network_overview, net.df), bound=1)


def growth_chart():
    """The Home page's growth chart (`core.charts.growth_chart`), once per network."""
    net = state().network
    return cached(
        "growth_chart",
        (net.fingerprint,),
        partial(charts.growth_chart, net.df["connected_on"]),
        bound=1,
    )


def group_counts() -> pd.DataFrame:
    """`core.clustering.suggest_k` for the current method and corrections: purity and largest
    group for 2 to 30 groups. Once per network, method and corrections (the number of groups
    chosen does not change it), so reruns of the clusters page do not try 29 groupings again."""
    s = state()
    key = (s.network.fingerprint, s.grouping.method, s.corrections)
    return cached("group_counts", key, _group_counts, bound=1)


def _group_counts() -> pd.DataFrame:
    return suggest_k(grouping_prepared())
