"""Build the title model's fallback (core/data/titles/fallback.npz) from public taxonomies.

    .venv/bin/python scripts/build_title_model.py [--data ../shared/data/occupations]

What it does, and why:
1. Reads tens of thousands of real job titles from O*NET (English alternate titles, by SOC
   code), ESCO (English, Spanish, French labels, by ISCO-08 unit group) and Brazil's CBO 2002
   (Portuguese titles and the synonyms people use), and labels each with a Sales Navigator job
   function through `core/data/titles/crosswalk.csv` (ours: longest code prefix wins, a row with
   a word wins for titles containing it).
2. Adds the lexicon's own phrases (`core/data/titles/lexicon.csv`) as examples, so the model
   also knows LinkedIn jargon and the German, Italian, Dutch and Swedish words the taxonomies
   lack.
3. Fits a multinomial logistic regression (scikit-learn, SGD) over the features
   `core.titles._Fallback.features` reads at run time: words, 5-letter beginnings and endings
   (inflections, compounds) and word pairs; rows are L2-normalised, as at run time.
4. Picks the probability threshold at which held-out taxonomy titles are read right at least
   90% of the time (the model answers only then), and saves features, weights (float16),
   bias, classes and threshold. The app never reads ../shared at run time.

Run time: about a minute. Deterministic (fixed seeds).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import scipy.sparse as sp  # noqa: E402
from sklearn.linear_model import SGDClassifier  # noqa: E402

from core.text import clean_titles  # noqa: E402
from core.titles import _DROP_WORDS, DATA, _Fallback, _Lexicon  # noqa: E402
from core.vocabulary import FUNCTIONS  # noqa: E402

OUT = DATA / "fallback.npz"
MARKS = {"|", "@", ","}
#: Most taxonomy titles are trades (Operations); a LinkedIn network is mostly office work.
#: Cap each function's examples so the model does not answer "Operations" by default.
PER_CLASS = 9_000
PRECISION = 0.90


#: Texts that are no role at all (taglines, life, companies, placeholders), in the languages
#: the model reads: class "none", so the model learns to abstain on them instead of guessing.
NOT_ROLES = """helping companies grow|passionate about technology|lifelong learner|dreamer|ninja|wizard
rockstar|guru|husband and father|mother of two|proud mom|proud dad|dog lover|coffee addict|traveler
foodie|gamer|christian|believer|optimist|thinker|doer|maker|innovator|visionary|change agent
problem solver|team player|people person|self starter|go getter|hustler|connector|networker
explorer|adventurer|creative soul|citizen of the world|human|person|me|myself|n a|na|none
nothing|unknown|test|tbd|various|multiple roles|different roles|several companies|confidential
private|company|the company|my company|family|home|life|love|god|jesus|blessed|happy
living the dream|enjoying life|on a journey|work in progress|in between|figuring it out
what is next|next chapter|new beginnings|available|unemployed|job seeker|open to work|retired
retiree|pensioner|former employee|google|microsoft|amazon|acme inc|acme corp|ltd|gmbh|ltda|llc
sa de cv|bv|group|holding|apaixonado por tecnologia|em busca de novos desafios|buscando nuevos retos
a la recherche d un emploi|auf der suche|pa jakt efter jobb|op zoek naar werk|in cerca di lavoro
mae|pai|madre|padre|mere|vater|mutter|familie|vida|amor|deus|viajante|viajero|voyageur
reisender|aposentado|jubilado|retraite|rentner|pensionar|gepensioneerd|pensionato|desempregado
desempleado|sans emploi|arbeitslos|arbetslos|werkloos|disoccupato|empresa|entreprise|unternehmen
foretag|bedrijf|azienda|minha empresa|mi empresa|ma societe|meine firma|mitt foretag|mijn bedrijf
self|freedom|peace|music lover|book lover|runner|cyclist|surfer|dancer at heart|world traveler
digital nomad|nomad|content|stuff|things|work|job|jobs|career|looking|seeking|hello|hi|welcome
just me|simply me|yours truly|a|x|xx|xxx|asdf|qwerty|abc|lorem ipsum|student of life
father|mother|wife|husband|son|daughter|grandmother|grandfather|homemaker|housewife
""".replace("\n", "|").split("|")


def crosswalk() -> list[tuple[str, str, str, str]]:
    """(source, code prefix, word, function) rows of crosswalk.csv."""
    with (DATA / "crosswalk.csv").open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(ln for ln in f if not ln.startswith("#"))]
    return [tuple(r) for r in rows[1:] if len(r) == 4]  # type: ignore[misc]


def label(source: str, code: str, words: set[str], table) -> str:
    """The function of one taxonomy title: the longest matching prefix; word rows first."""
    best, best_len, best_word = "", -1, False
    for src, prefix, word, fn in table:
        if src != source or not code.startswith(prefix):
            continue
        has_word = bool(word) and word in words
        if word and not has_word:
            continue
        if (len(prefix), has_word) > (best_len, best_word):
            best, best_len, best_word = fn, len(prefix), has_word
    return best


def taxonomy_titles(data: Path) -> pd.DataFrame:
    """(title, source, code, lang) of every taxonomy title."""
    onet = pd.read_csv(data / "onet27_alternate_titles.tsv", sep="\t", dtype=str)
    occ = pd.read_csv(data / "onet27_occupations.tsv", sep="\t", dtype=str)
    frames = [
        pd.DataFrame({"title": onet["Alternate Title"], "code": onet["O*NET-SOC Code"]}),
        pd.DataFrame({"title": onet["Short Title"], "code": onet["O*NET-SOC Code"]}),
        pd.DataFrame({"title": occ["Title"], "code": occ["O*NET-SOC Code"]}),
    ]
    soc = pd.concat(frames).assign(source="soc", lang="en")
    esco = [
        pd.read_csv(data / f"esco_titles_{lang}.csv", dtype=str).assign(lang=lang)
        for lang in ("en", "es", "fr")
    ]
    isco = pd.concat(esco).rename(columns={"isco": "code"}).assign(source="isco")
    cbo = (
        pd.read_csv(data / "cbo2002_titles_pt.csv", dtype=str)
        .rename(columns={"cbo": "code"})
        .assign(source="cbo", lang="pt")
    )
    df = pd.concat([soc, isco, cbo], ignore_index=True)[["title", "code", "source", "lang"]]
    df = df.dropna()
    return df[(df["title"] != "n/a") & (df["title"].str.len() > 1)].drop_duplicates()


def words_of(titles: list[str]) -> list[list[str]]:
    """Cleaned words of each title, as the reader sees them (marks and articles dropped)."""
    cleaned = clean_titles(titles).to_pylist()
    return [
        [w for w in c.split(" ") if w and w not in MARKS and w not in _DROP_WORDS] for c in cleaned
    ]


def lexicon_examples() -> tuple[list[list[str]], list[str]]:
    """The lexicon's phrases that name a function, as (words, function) examples."""
    lex = _Lexicon(DATA / "lexicon.csv")
    docs, labels = [], []
    for words, e in lex.entries.items():
        if e.fn >= 0 and e.w >= 1.9:
            docs.append(list(words))
            labels.append(FUNCTIONS[e.fn])
    return docs, labels


def matrix(docs: list[list[str]], index: dict[str, int]) -> sp.csr_matrix:
    """Binary feature rows, L2-normalised (as `_Fallback.predict` scores them)."""
    rows, cols = [], []
    for i, words in enumerate(docs):
        feats = {index[f] for f in _Fallback.features(words) if f in index}
        rows += [i] * len(feats)
        cols += sorted(feats)
    x = sp.csr_matrix(
        (np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(docs), len(index))
    )
    norms = np.sqrt(np.asarray(x.getnnz(axis=1), dtype=np.float32))
    norms[norms == 0] = 1
    return sp.diags(1 / norms) @ x


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "occupations"))
    args = ap.parse_args()
    data = Path(args.data)
    table = crosswalk()
    df = taxonomy_titles(data)
    docs = words_of(df["title"].tolist())
    df["function"] = [
        label(s, c, set(w), table) for s, c, w in zip(df["source"], df["code"], docs, strict=True)
    ]
    df["words"] = docs
    df = df[(df["function"] != "") & df["words"].map(bool)]
    df["key"] = df["words"].map(" ".join)
    df = df.drop_duplicates(subset=["key", "function"])
    rng = np.random.default_rng(20261130)
    df = df.iloc[rng.permutation(len(df))]
    df = df.groupby("function", group_keys=False).head(PER_CLASS)
    print(
        "taxonomy titles by function:", dict(Counter(df["function"]).most_common()), file=sys.stderr
    )
    hold = rng.random(len(df)) < 0.1
    lex_docs, lex_labels = lexicon_examples()
    none_docs = [d for d in words_of([t for t in NOT_ROLES if t.strip()]) if d]
    train_docs = df["words"][~hold].tolist() + lex_docs * 3 + none_docs * 3
    train_y = df["function"][~hold].tolist() + lex_labels * 3 + ["none"] * (3 * len(none_docs))

    counts = Counter(f for d in train_docs for f in set(_Fallback.features(d)))
    features = sorted(f for f, c in counts.items() if c >= 2 or f.startswith("w:"))
    index = {f: i for i, f in enumerate(features)}
    x = matrix(train_docs, index)
    model = SGDClassifier(
        loss="log_loss", alpha=2e-6, max_iter=30, tol=1e-4, random_state=0, class_weight="balanced"
    )
    model.fit(x, train_y)

    # Threshold: the lowest probability at which held-out titles are right >= PRECISION.
    xh = matrix(df["words"][hold].tolist(), index)
    proba = model.predict_proba(xh)
    pred = model.classes_[proba.argmax(axis=1)]
    p = np.where(pred == "none", 0.0, proba.max(axis=1))
    right = pred == df["function"][hold].to_numpy()
    threshold = 0.5
    for t in np.arange(0.2, 0.95, 0.05):
        if right[p >= t].mean() >= PRECISION:
            threshold = float(t)
            break
    print(
        f"held-out: accuracy {right.mean():.3f}; at threshold {threshold:.2f}: "
        f"{(p >= threshold).mean():.1%} answered, {right[p >= threshold].mean():.1%} right",
        file=sys.stderr,
    )

    w = model.coef_.T.astype(np.float32)
    keep = np.abs(w).max(axis=1) >= 0.05
    np.savez_compressed(
        OUT,
        features=np.asarray(features)[keep],
        weights=w[keep].astype(np.float16),
        bias=model.intercept_.astype(np.float32),
        classes=np.asarray(model.classes_),
        threshold=np.float32(threshold),
    )
    print(
        f"wrote {OUT.relative_to(ROOT)}: {keep.sum():,} features, "
        f"{OUT.stat().st_size / 1e6:.1f} MB",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
