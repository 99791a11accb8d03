"""Grouping: quality on the held-out labelled title sets, speed at 1k/10k/30k, the page's path.

Targets: per person (titles weighted by count) at the automatic number of groups, V-measure
>= 0.75 and purity >= 0.85 against the hand-labelled job function, largest group <= 25%;
V-measure >= 0.65 over distinct titles at 20 groups. 30,000 connections grouped in <= 3 s cold,
<= 1 s to change the number of groups.

- quality: tests/data/titles_eval_en.csv + titles_eval_intl.csv (title, lang, function, count;
  written by hand, never used to build the title model or to tune the grouping row by row).
  "per person" repeats each title `count` times; "distinct" clusters each title once.
  Purity: share of people whose labelled function is their group's most common one.
- speed: realistic synthetic positions (bench/title_corpus.py, about 60-80 % distinct,
  headlines with taglines and other languages); "stress" keeps 30k titles distinct after
  cleaning. cold = `cluster_texts(positions)` (prepare + automatic grouping) after the modules
  and the title model are loaded; "new k" = `cluster_prepared(prepared, k)` for k=12 and 20
  (what moving the slider costs); median of 3.
- page path: `ui.derived.grouping()` inside a real Streamlit script run (AppTest): first call,
  a new k, and the next rerun (cached).
"""

from __future__ import annotations

import csv
import io
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.metrics import v_measure_score  # noqa: E402

from bench.common import best_of, peak_rss_mb, table  # noqa: E402
from bench.title_corpus import network_titles  # noqa: E402
from core.clustering import cluster_prepared, cluster_texts, prepare  # noqa: E402

DATA = ROOT / "tests" / "data"
EVAL_SETS = ("titles_eval_en.csv", "titles_eval_intl.csv")


def stress_titles(n: int, seed: int = 3) -> list[str]:
    """Positions that stay distinct after cleaning: two extra team words on each."""
    titles, _ = network_titles(n, seed)
    rng = np.random.default_rng(seed)
    words = sorted({w for t in titles[:5000] for w in t.split() if w.isalpha() and len(w) > 3})
    picks = rng.integers(0, len(words), size=(n, 2))
    return [f"{t}, {words[a]} {words[b]}" for t, (a, b) in zip(titles, picks, strict=True)]


# --- quality ----------------------------------------------------------------------------------


def eval_people() -> tuple[pd.DataFrame, pd.DataFrame]:
    """(one row per person, one row per distinct title) of the held-out sets."""
    frames = [
        pd.read_csv(DATA / name, keep_default_na=False)
        for name in EVAL_SETS
        if (DATA / name).exists()
    ]
    titles = pd.concat(frames, ignore_index=True)
    people = titles.loc[titles.index.repeat(titles["count"].clip(lower=1))]
    return people.reset_index(drop=True), titles.drop_duplicates("title")


def purity(truth: pd.Series, labels: np.ndarray) -> float:
    """Share of people whose labelled function is their group's most common one."""
    return float(pd.crosstab(labels, np.asarray(truth)).max(axis=1).sum() / len(truth))


def quality() -> None:
    people, distinct = eval_people()
    truth = people["function"]
    print(
        f"Held-out labelled titles: {len(distinct):,} distinct titles, {len(people):,} people "
        f"(titles weighted by count), {truth.nunique()} functions incl. none; "
        f"{(people['lang'] != 'en').mean():.0%} of people non-English"
    )
    prep = prepare(people["title"])
    rows = []
    for k in (None, 12, 20, 30):
        r = cluster_prepared(prep, k)
        rows.append(
            [
                "auto" if k is None else k,
                r.k,
                f"{v_measure_score(truth, r.labels):.3f}",
                f"{purity(truth, r.labels):.3f}",
                f"{max(r.sizes.values()) / len(people):.1%}",
                sum(p < 0.7 for p in r.purity.values()),
            ]
        )
    print("Per person, against the labelled job function")
    print(
        table(["k asked", "groups", "V-measure", "purity", "largest group", "mixed groups"], rows)
    )
    auto = cluster_prepared(prep)
    langs = []
    for lang, idx in people.groupby("lang").groups.items():
        sub = people.loc[idx, "function"]
        lab = auto.labels[np.asarray(idx)]
        langs.append(
            [lang, f"{len(idx):,}", f"{v_measure_score(sub, lab):.3f}", f"{purity(sub, lab):.3f}"]
        )
    print(
        "Per language, at the automatic number of groups (same grouping, people of that "
        "language only)"
    )
    print(table(["lang", "people", "V-measure", "purity"], langs))
    blind = DATA / "titles_blind.csv"
    if blind.exists():  # labelled after the model was frozen (bench/bench_titles.py)
        b = pd.read_csv(blind, keep_default_na=False)
        b = b.loc[b.index.repeat(b["count"].clip(lower=1))].reset_index(drop=True)
        rb = cluster_prepared(prepare(b["title"]))
        print(
            f"Blind set ({len(b):,} people), automatic number of groups: {rb.k} groups, "
            f"V-measure {v_measure_score(b['function'], rb.labels):.3f}, purity "
            f"{purity(b['function'], rb.labels):.3f}, largest group "
            f"{max(rb.sizes.values()) / len(b):.1%}"
        )
    r20 = cluster_texts(distinct["title"], k=20)
    print(
        f"Distinct titles, each once, 20 groups: V-measure "
        f"{v_measure_score(distinct['function'], r20.labels):.3f}, purity "
        f"{purity(distinct['function'], r20.labels):.3f}"
    )


# --- speed ------------------------------------------------------------------------------------


def speed() -> None:
    cluster_texts(network_titles(300)[0])  # imports, the title model, first-call setup
    rows = []
    for label, n, stress in [
        ("1,000", 1_000, False),
        ("10,000", 10_000, False),
        ("30,000", 30_000, False),
        ("30,000 stress", 30_000, True),
    ]:
        titles = stress_titles(n) if stress else network_titles(n)[0]
        cold = best_of(lambda t=titles: cluster_texts(t), 3, warmup=False)
        prep = prepare(titles)
        new_k = max(
            best_of(lambda p=prep, k=k: cluster_prepared(p, k), 3, warmup=False) for k in (12, 20)
        )
        result = cluster_prepared(prep)
        maker = f"stress_titles({n})" if stress else f"network_titles({n})[0]"
        mem = peak_rss_mb(
            "import sys\n"
            "from bench.bench_clustering import stress_titles\n"
            "from bench.title_corpus import network_titles\n"
            "from core.clustering import cluster_texts\n"
            f"titles = {maker}\ncluster_texts(titles[:300])\n"
            "def work():\n    cluster_texts(titles)"
        )
        largest = max(result.sizes.values()) / int((result.labels >= 0).sum())
        rows.append(
            [
                label,
                f"{len(set(titles)) / n:.0%}",
                f"{len(prep.docs):,}",
                result.k,
                f"{cold:.2f} s",
                f"{new_k:.2f} s",
                f"{mem:.0f} MB",
                f"{largest:.0%}",
            ]
        )
    print(
        "\nSpeed: cluster_texts(positions) cold (automatic k), then a new k on the prepared "
        "titles (worst of k=12, k=20)"
    )
    print(
        table(
            ["connections", "distinct", "docs", "groups", "cold", "new k", "peak", "largest"], rows
        )
    )


# --- the page's path --------------------------------------------------------------------------


def _bench_script(path: str, other_k: int) -> None:
    import time

    import streamlit as st

    from core.loader import load_export
    from ui import derived
    from ui.state import state

    if "bench" not in st.session_state:
        state().replace_network(load_export(path, name="bench.csv"))
        t = time.perf_counter()
        derived.grouping()
        first = time.perf_counter() - t
        state().grouping.k = other_k
        t = time.perf_counter()
        derived.grouping()
        new_k = time.perf_counter() - t
        st.session_state["bench"] = {"first": first, "new_k": new_k}
    else:
        t = time.perf_counter()
        derived.grouping()
        st.session_state["bench"]["cached"] = time.perf_counter() - t


def _connections_csv(titles: list[str]) -> bytes:
    from core.demo import PREAMBLE

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
    )
    for i, t in enumerate(titles):
        w.writerow(
            [
                f"Person{i}",
                "Bench",
                f"https://www.linkedin.com/in/bench-{i}",
                "",
                f"Company {i % 997}",
                t,
                "05 Jan 2024",
            ]
        )
    return (PREAMBLE + buf.getvalue()).encode("utf-8")


def page_path() -> None:
    import logging

    from streamlit.testing.v1 import AppTest

    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage()
    )
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (10_000, 30_000):
            path = Path(tmp) / f"c{n}.csv"
            path.write_bytes(_connections_csv(network_titles(n)[0]))
            at = AppTest.from_function(_bench_script, args=(str(path), 6), default_timeout=300)
            at.run()
            at.run()
            assert not at.exception, at.exception
            b = at.session_state["bench"]
            rows.append(
                [
                    f"{n:,}",
                    f"{b['first']:.2f} s",
                    f"{b['new_k']:.2f} s",
                    f"{b['cached'] * 1e3:.2f} ms",
                ]
            )
    print("\nThe page's path (ui.derived.grouping in a Streamlit run)")
    print(table(["connections", "first call", "new k", "cached (next rerun)"], rows))


def semantic() -> None:
    """Semantic mode (optional extra): quality next to lexical on the held-out sets."""
    from core.semantic import EmbeddingCache, available

    if not available():
        print("\nSemantic mode: not installed (make semantic).")
        return
    people, _ = eval_people()
    sem = cluster_prepared(prepare(people["title"], embedder=EmbeddingCache()))
    print(
        f"\nSemantic mode, per person at the automatic number of groups: V-measure "
        f"{v_measure_score(people['function'], sem.labels):.3f}, purity "
        f"{purity(people['function'], sem.labels):.3f}"
    )


def main() -> None:
    quality()
    speed()
    page_path()
    print(
        "\nTargets: per person at auto k V-measure >= 0.75, purity >= 0.85, largest <= 25%; "
        "distinct titles at k=20 V-measure >= 0.65; 30k cold <= 3 s, new k <= 1 s."
    )
    semantic()


if __name__ == "__main__":
    main()
