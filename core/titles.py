"""Job titles and headlines → Sales Navigator function(s), seniority, confidence and why.

The model has two layers (docs/title-labelling.md says what "right" means):

1. A multilingual lexicon (`core/data/titles/lexicon.csv`): role nouns, field words and level
   words in English, Portuguese, Spanish, French, German, Italian, Dutch and Swedish. A title
   is cut into segments (headline pieces) and parts (roles: "Founder & CTO"); in each part the
   strongest phrase decides the function, so the head of the role phrase wins ("Design
   Engineer" → Engineering, "Product Designer" → Arts and Design, "HR Consultant" → Human
   Resources). Unknown German/Swedish/Dutch compounds are split on a known role ending
   ("Systemutvecklare" → system + utvecklare). Seniority is the highest level stated; a plain
   role is Entry Level.
2. When the lexicon finds no function, a linear model fitted on public occupation taxonomies
   (O*NET, ESCO, CBO; `scripts/build_title_model.py`) reads the words and word pieces, and
   answers only when it is fairly sure.

Everything runs once per distinct title and is vectorised over all of them (Arrow for
cleaning, numpy for phrase look-up and per-title choices): 20,000 distinct titles take tens of
milliseconds. The lexicon and the model load once per process; nothing read from an upload
is kept after the call (no per-process word caches).
"""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.text import AT_WORDS, PART_WORDS, SOFT_AT_WORDS, clean_titles
from core.vocabulary import FUNCTIONS, SENIORITIES

DATA = Path(__file__).resolve().parent / "data" / "titles"
#: Characters of a title that are read (LinkedIn headlines stop at 220).
MAX_CHARS = 300


class Correction(NamedTuple):
    """The user's reading of one title, which wins over the model ("Growth Hacker is Marketing").

    `title` is the `title_key` of the text; an empty function or seniority leaves that part to
    the model. Criteria only: a correction never names a person.
    """

    title: str
    function: str = ""
    seniority: str = ""


#: The user's corrections: a tuple, so it can key a cache and be saved in the ICP file.
Corrections = tuple[Correction, ...]

# Kinds of lexicon entries and of tokens.
MOD, ROLE, HEAD, TRAIN, STOP = 0, 1, 2, 3, 4
WORD, SEG, AT, SOFT, PART, DROP = 0, 1, 2, 3, 4, 5
_KINDS = {"mod": MOD, "role": ROLE, "head": HEAD, "train": TRAIN, "stop": STOP}
#: Articles carry nothing: "directeur des ventes" reads as "directeur ventes".
_DROP_WORDS = frozenset("the a an la el los las le les l der die das den dem il lo gli het".split())
#: A segment opening with one of these is a tagline ("Helping founders scale"), read last.
_TAGLINE = frozenset(
    """helping help helps i we im passionate building build making driving
connecting empowering turning transforming creating love lover obsessed aspiring enthusiast
ajudando ayudando apaixonado apaixonada apasionado apasionada passionne passionnee former
formerly previously ex sharing scaling growing unlocking my your our bridging""".split()
)
#: A segment opening with one of these states an aim, not a role ("I help SaaS companies grow
#: revenue"): when no other segment is left, the title reads as unknown.
_NOT_A_ROLE = frozenset("i we im my our your helping help helps ajudando ayudando".split())
_TRAINING = SENIORITIES.index("In Training")
_ENTRY = SENIORITIES.index("Entry Level")
_DIRECTOR = SENIORITIES.index("Director")
_FOUNDER = FUNCTIONS.index("Entrepreneurship")
#: Unknown compounds ending in one of these read at the suffix's level, except "-chef", which is
#: a Swedish head of department (Director) where the plain word is a French manager.
_SUFFIX_SENIORITY = {"chef": _DIRECTOR}
# No word of an upload outlives the call that reads it (DESIGN: everything stays in the
# session): the model keeps only what it ships with; per-call work is per distinct word.
#: Short endings that make compounds even after an unknown beginning ("enhetschef").
_SHORT_ENDS = frozenset({"chef", "lead"})


# --- the lexicon ----------------------------------------------------------------------------


class _Entry(NamedTuple):
    fn: int  # index into FUNCTIONS, -1 none
    w: float  # weight of the function evidence
    sen: int  # index into SENIORITIES, -1 none
    head: bool  # names a role (manager, engineer, founder), so a plain one is Entry Level
    train: bool  # in-training role: wins over other levels of its part
    stop: bool  # says there is no current role ("Retired", "Open to work")


_NONE = _Entry(-1, 0.0, -1, False, False, False)


def _tokens(cleaned: str) -> list[str]:
    """Words of a cleaned text, articles dropped (as the reader drops them)."""
    return [t for t in cleaned.split(" ") if t and t not in _DROP_WORDS]


class _Lexicon:
    """Phrases (tuples of cleaned words, 1-3 long) → `_Entry`, plus compound splitting."""

    def __init__(self, path: Path):
        rows: dict[tuple[str, ...], list[tuple[str, int, float, str]]] = {}
        raw: list[tuple[str, str, str, str, str]] = []
        with path.open(encoding="utf-8") as f:
            for line in csv.reader(ln for ln in f if not ln.startswith("#")):
                if len(line) == 5 and line[0] != "function":
                    raw.append(tuple(line))  # type: ignore[arg-type]
        phrases = [p.strip() for r in raw for p in r[4].split(";") if p.strip()]
        cleaned = iter(clean_titles(phrases).to_pylist())
        for fn, kind, weight, sen, text in raw:
            for p in text.split(";"):
                if not p.strip():
                    continue
                key = tuple(_tokens(next(cleaned)))
                if key and len(key) <= 3:
                    rows.setdefault(key, []).append((fn, _KINDS[kind], float(weight), sen))
        self.entries: dict[tuple[str, ...], _Entry] = {k: self._merge(v) for k, v in rows.items()}
        self._derive_levels()
        self.uni = {k[0]: e for k, e in self.entries.items() if len(k) == 1}
        self.uni_index = pd.Index(list(self.uni))
        vals = list(self.uni.values())
        self.uni_fn = np.array([x.fn for x in vals], dtype=np.int64)
        self.uni_w = np.array([x.w for x in vals], dtype=np.float32)
        self.uni_sen = np.array([x.sen for x in vals], dtype=np.int64)
        self.uni_flags = np.array([(x.head, x.train, x.stop) for x in vals], dtype=bool)
        self.multi = {k: e for k, e in self.entries.items() if len(k) > 1}
        # Compound endings: role nouns and level words of four letters or more.
        self.suffixes = {
            w for w, e in self.uni.items() if len(w) >= 4 and (e.head or e.train) and not e.stop
        }

    @staticmethod
    def _merge(rows: list[tuple[str, int, float, str]]) -> _Entry:
        """One phrase listed in several rows: the strongest function, the first level stated."""
        with_fn = [r for r in rows if r[0]]
        best = max(with_fn, key=lambda r: r[2]) if with_fn else None
        sen = next((SENIORITIES.index(r[3]) for r in rows if r[3]), -1)
        kinds = {r[1] for r in rows}
        return _Entry(
            FUNCTIONS.index(best[0]) if best else -1,
            best[2] if best else 0.0,
            sen,
            bool(kinds & {ROLE, HEAD, TRAIN}),
            TRAIN in kinds,
            STOP in kinds,
        )

    def _derive_levels(self) -> None:
        """A phrase with no level of its own takes the highest level its words state ("vp
        sales" → Vice President, "software architect" → Strategic); the founder/owner/partner
        words do not count (the "owner" of "product owner" is not a level); one-word
        compounds take their ending's level."""
        for key, e in list(self.entries.items()):
            if e.sen >= 0 or e.stop:
                continue
            levels, train = [], e.train
            if len(key) > 1:
                for n in range(1, len(key)):
                    for i in range(len(key) - n + 1):
                        sub = self.entries.get(key[i : i + n])
                        if sub and sub.fn != _FOUNDER and sub.sen >= 0:
                            levels.append(sub.sen)
                            train |= sub.train
            else:
                levels = [s for s in [self._suffix_level(key[0])] if s >= 0]
            if train:
                self.entries[key] = e._replace(sen=_TRAINING, train=True)
            elif levels:
                self.entries[key] = e._replace(sen=min(levels))

    def _suffix_level(self, word: str) -> int:
        for k in range(len(word) - 2, 3, -1):
            sub = self.entries.get((word[-k:],))
            if sub and sub.fn < 0 and sub.sen >= 0:
                return _SUFFIX_SENIORITY.get(word[-k:], sub.sen)
        return -1

    def word(self, tok: str) -> _Entry:
        """The entry of one word: the lexicon's, else a compound's ("vertriebsleiter")."""
        e = self.uni.get(tok)
        return e if e is not None else self._compound(tok)

    def _compound(self, tok: str, depth: int = 0) -> _Entry:
        """Split an unknown word on the longest known ending: a role noun or level word
        ("vertriebs|leiter"), or a field word when the beginning is known too
        ("administrativo|financeiro"). `_NONE` when there is no such ending."""
        if len(tok) < 6 or not tok.isalpha():
            return _NONE
        # Feminine forms of known role nouns: "managerin", "ingegnera", "gerenta".
        for stem in (
            tok[:-2] if tok.endswith("in") else "",
            tok[:-1] + "o",
            tok[:-1] + "e",
            tok[:-1] if tok.endswith("ora") else "",
        ):
            if stem and stem in self.uni and self.uni[stem].head:
                return self.uni[stem]
        for k in range(len(tok) - 2, 3, -1):
            suffix = tok[-k:]
            end = self.uni.get(suffix)
            if end is None or end.stop:
                continue
            prefix = tok[:-k]
            pre = _NONE
            for cand in (prefix, prefix[:-1] if prefix.endswith("s") else ""):
                if cand and cand in self.uni:
                    pre = self.uni[cand]
                    break
            if pre is _NONE and depth == 0 and len(prefix) >= 6:
                pre = self._compound(prefix, depth + 1)
            role_end = suffix in self.suffixes
            if not role_end and (pre is _NONE or len(prefix) < 4):
                continue
            # An unknown beginning needs a long, compound-like ending: "abteilungs|leiter",
            # "mjukvaru|utvecklare", "enhets|chef", but not "contr|actor".
            if pre is _NONE and (len(prefix) < 3 or (k < 6 and suffix not in _SHORT_ENDS)):
                continue
            fn, w = (pre.fn, pre.w) if pre.w > end.w or end.fn < 0 else (end.fn, end.w)
            end_sen = _SUFFIX_SENIORITY.get(suffix, end.sen) if end.sen >= 0 else -1
            levels = [x for x in (end_sen, pre.sen) if x >= 0]
            sen = min(levels) if levels else -1
            if end.train or pre.train:
                sen = _TRAINING
            return _Entry(fn, w, sen, role_end or pre.head, end.train or pre.train, False)
        return _NONE


# --- the fallback model ---------------------------------------------------------------------


class _Fallback:
    """Linear model over word features, fitted on occupation taxonomies (see module doc)."""

    def __init__(self, path: Path):
        data = np.load(path, allow_pickle=False)
        self.index = {f: i for i, f in enumerate(data["features"].tolist())}
        self.weights = data["weights"].astype(np.float32)
        self.bias = data["bias"].astype(np.float32)
        # "none": the model's class for texts that are no role; it never answers that.
        self.classes = np.array(
            [FUNCTIONS.index(c) if c in FUNCTIONS else -1 for c in data["classes"].tolist()]
        )
        self.threshold = float(data["threshold"])
        self._names = pd.Index(data["features"].astype(object))

    @staticmethod
    def features(words: list[str]) -> list[str]:
        """What the model reads: words, word beginnings and endings (compounds, inflections),
        and word pairs. `scripts/build_title_model.py` trains on the same features."""
        out = []
        for w in words:
            out.append("w:" + w)
            if len(w) >= 6:
                out.append("p:" + w[:5])
            if len(w) >= 7:
                out.append("s:" + w[-5:])
        out += ["b:" + a + "_" + b for a, b in zip(words, words[1:], strict=False)]
        return out

    def _token_features(self, tok: str) -> np.ndarray:
        """Indices of one word's known features (`predict` asks once per distinct word)."""
        feats = [f for f in self.features([tok]) if f in self.index]
        return np.array([self.index[f] for f in feats], dtype=np.int64)

    def predict(
        self, rows: np.ndarray, codes: np.ndarray, vocab: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(titles, function index or -1, probability) for the words given as parallel arrays
        `rows` (title of each word, ascending) and `codes` (word index into `vocab`)."""
        if len(rows) == 0:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0)
        uniq, inv = np.unique(codes, return_inverse=True)
        per = [self._token_features(vocab[c]) for c in uniq.tolist()]
        lens = np.array([len(f) for f in per], dtype=np.int64)
        flat = np.concatenate(per) if lens.sum() else np.zeros(0, np.int64)
        n_pos = lens[inv]
        r1 = np.repeat(rows, n_pos)
        start = np.repeat(np.r_[0, np.cumsum(lens)[:-1]][inv], n_pos)
        offset = np.arange(n_pos.sum()) - np.repeat(np.cumsum(n_pos) - n_pos, n_pos)
        c1 = flat[start + offset]
        same = rows[1:] == rows[:-1]
        if same.any():
            words = vocab[codes].astype(object)
            keys = "b:" + words[:-1][same] + "_" + words[1:][same]
            c2 = self._names.get_indexer(keys)
            r2 = rows[1:][same][c2 >= 0]
            c2 = c2[c2 >= 0]
        else:
            r2 = c2 = np.zeros(0, np.int64)
        r, c = np.concatenate([r1, r2]), np.concatenate([c1, c2])
        pair = np.unique(r.astype(np.int64) * len(self.index) + c)
        r, c = pair // len(self.index), pair % len(self.index)
        titles, first, counts = np.unique(r, return_index=True, return_counts=True)
        if len(titles) == 0:
            return titles, np.zeros(0, np.int64), np.zeros(0)
        scores = np.add.reduceat(self.weights[c], first, axis=0) / np.sqrt(counts)[:, None]
        scores += self.bias
        scores -= scores.max(axis=1, keepdims=True)
        prob = np.exp(scores)
        prob /= prob.sum(axis=1, keepdims=True)
        best = prob.argmax(axis=1)
        p = prob[np.arange(len(titles)), best]
        fn = np.where((p >= self.threshold) & (self.classes[best] >= 0), self.classes[best], -1)
        return titles, fn, np.where(fn >= 0, p, 0.0)


_LOCK = threading.Lock()
_CACHE: dict[str, object] = {}


def _model() -> tuple[_Lexicon, _Fallback | None]:
    """The lexicon and the fallback model, loaded once per process (thread-safe)."""
    if "lex" not in _CACHE:
        with _LOCK:
            if "lex" not in _CACHE:
                path = DATA / "fallback.npz"
                _CACHE["fb"] = _Fallback(path) if path.exists() else None
                _CACHE["lex"] = _Lexicon(DATA / "lexicon.csv")
    return _CACHE["lex"], _CACHE["fb"]  # type: ignore[return-value]


def load() -> None:
    """Load the model now (at server start), so the first page does not wait for it."""
    _model()


# --- reading titles -------------------------------------------------------------------------

_MARKS = (
    {"|": SEG, "@": AT, ",": PART, "": DROP}
    | {w: PART for w in PART_WORDS}
    | {w: AT for w in AT_WORDS}
    | {w: SOFT for w in SOFT_AT_WORDS}
    | {w: DROP for w in _DROP_WORDS}
)
_MARK_INDEX = pd.Index(list(_MARKS))
_MARK_CODES = np.array(list(_MARKS.values()), dtype=np.int8)
_TAG_INDEX = pd.Index(sorted(_TAGLINE))
_AIM_INDEX = pd.Index(sorted(_NOT_A_ROLE))
#: "of" in the languages read: the word before it heads the role phrase.
_PREP_INDEX = pd.Index(
    ["de", "do", "da", "dos", "das", "di", "del", "della", "du", "d", "of", "van", "av", "von"]
)


def _token_table(vocab: np.ndarray, varr, lex: _Lexicon):
    """Per distinct token: marker (word, segment/part/company mark, dropped), lexicon entry
    (fn, w, sen, flags: head/train/stop), tagline flag and whether it has letters. Hash
    look-ups over all tokens at once; only unknown long words go through compound splitting
    (once per distinct word of this call; nothing is kept after it)."""
    m = _MARK_INDEX.get_indexer(vocab)
    marker = np.where(m >= 0, _MARK_CODES[np.maximum(m, 0)], WORD).astype(np.int8)
    tagline = (_TAG_INDEX.get_indexer(vocab) >= 0).astype(np.int8)
    tagline[_AIM_INDEX.get_indexer(vocab) >= 0] = 2
    e = lex.uni_index.get_indexer(vocab)
    known = e >= 0
    ek = np.maximum(e, 0)
    fn = np.where(known, lex.uni_fn[ek], -1)
    w = np.where(known, lex.uni_w[ek], 0).astype(np.float32)
    sen = np.where(known, lex.uni_sen[ek], -1)
    flags = lex.uni_flags[ek] & known[:, None]
    letters = pc.match_substring_regex(varr, r"\p{L}").to_numpy(zero_copy_only=False)
    long_alpha = pc.utf8_is_alpha(varr).to_numpy(zero_copy_only=False) & (
        pc.utf8_length(varr).to_numpy(zero_copy_only=False) >= 6
    )
    for i in np.flatnonzero(~known & long_alpha & (marker == WORD)).tolist():
        x = lex.word(vocab[i])
        if x is not _NONE:
            fn[i], w[i], sen[i] = x.fn, x.w, x.sen
            flags[i] = (x.head, x.train, x.stop)
    return marker, fn, w, sen, flags, tagline, letters


def _leftmost(starts: np.ndarray, n: int) -> np.ndarray:
    """Of overlapping phrase matches of length `n` (sorted starts), keep the leftmost of each
    chain, as reading left to right does ("sales operations | manager", not "sales |
    operations manager"). Exact for chains of n=2; a close approximation for n=3."""
    if len(starts) < 2:
        return starts
    new_run = np.r_[True, np.diff(starts) >= n]
    run_start = np.maximum.accumulate(np.where(new_run, starts, 0))
    return starts[(starts - run_start) % n == 0]


def _within(first: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Running sum of `x` restarting wherever `first` is True."""
    cs = np.cumsum(x, dtype=np.int64)
    group = np.cumsum(first) - 1
    starts = np.flatnonzero(first)
    base = cs[starts] - x[starts]
    return cs - base[group]


class _Reading(NamedTuple):
    function: np.ndarray  # int, -1 unknown
    function2: np.ndarray  # int, -1 none
    seniority: np.ndarray  # int, -1 unknown
    confidence: np.ndarray
    why: np.ndarray  # object
    segment: np.ndarray  # int: which segment of the title the lexicon read (0 first), -1 none


def _unread(n: int) -> _Reading:
    """The reading of `n` titles before anything is known about them."""
    return _Reading(
        np.full(n, -1, dtype=np.int64),
        np.full(n, -1, dtype=np.int64),
        np.full(n, -1, dtype=np.int64),
        np.zeros(n),
        np.full(n, "", dtype=object),
        np.full(n, -1, dtype=np.int64),
    )


def _phrase_text(tok: np.ndarray, pos: np.ndarray, length: np.ndarray) -> np.ndarray:
    """The words of each matched phrase, joined ("data engineer")."""
    out = tok[pos].astype(object)
    for k in (1, 2):
        more = length > k
        if more.any():
            out[more] = out[more] + " " + tok[pos[more] + k]
    return out


class _Tokens:
    """The words of all titles as flat arrays: `title` (which title), `codes` (index into
    `vocab`), `mk` (marker), plus per-vocabulary-word lexicon attributes (t_*)."""

    def __init__(self, cleaned, lex: _Lexicon):
        lists = pc.split_pattern(cleaned, " ")
        lengths = pc.list_value_length(lists).to_numpy(zero_copy_only=False)
        enc = pc.dictionary_encode(pc.list_flatten(lists))
        codes = enc.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        self.vocab = enc.dictionary.to_numpy(zero_copy_only=False).astype(object)
        (self.marker, self.t_fn, self.t_w, self.t_sen, self.t_flags, self.t_tag, self.t_letters) = (
            _token_table(self.vocab, enc.dictionary, lex)
        )
        self.t_known = (self.t_fn >= 0) | (self.t_sen >= 0) | self.t_flags.any(axis=1)
        self.is_prep = _PREP_INDEX.get_indexer(self.vocab) >= 0
        title = np.repeat(np.arange(len(cleaned)), lengths)
        keep = self.marker[codes] != DROP
        # Which segment of its title each word is in, counted as `_keys` counts them.
        self.seg_ord = _segment_ordinals(title, self.marker[codes] == SEG)[keep]
        self.codes, self.title = codes[keep], title[keep]
        self.mk = self.marker[self.codes]
        self.same = self.title[1:] == self.title[:-1]  # word i+1 is in the title of word i


class _Evidence(NamedTuple):
    """One row per matched phrase: where it starts, how long it is, what it says."""

    pos: np.ndarray
    length: np.ndarray
    fn: np.ndarray
    w: np.ndarray
    sen: np.ndarray
    flags: np.ndarray  # head, train, stop
    covered: np.ndarray  # per word: inside a matched multi-word phrase


def _phrase_keys(tk: _Tokens, lex: _Lexicon):
    """The lexicon's 2- and 3-word phrases whose words all occur, as integer keys
    (id << 20 | id), with their entries. Phrases with unseen words cannot match: skipped."""
    entries, keys2, ids2, keys3, ids3 = [], [], [], [], []
    if len(tk.vocab) >= (1 << 20):  # never with real networks; keys would overflow
        return entries, keys2, ids2, keys3, ids3
    vid = {w: i for i, w in enumerate(tk.vocab.tolist())}
    for words, e in lex.multi.items():
        ids = [vid.get(x) for x in words]
        if None in ids:
            continue
        if len(ids) == 2:
            keys2.append((ids[0] << 20) | ids[1])
            ids2.append(len(entries))
        else:
            keys3.append((ids[0] << 40) | (ids[1] << 20) | ids[2])
            ids3.append(len(entries))
        entries.append(e)
    return entries, keys2, ids2, keys3, ids3


def _lookup(keys: list[int], ids: list[int], probe: np.ndarray) -> np.ndarray:
    """Entry index of each probe key (-1 when it is no phrase), by one hash look-up."""
    if not keys or len(probe) == 0:
        return np.full(len(probe), -1, dtype=np.int64)
    hit = pd.Index(np.asarray(keys, dtype=np.int64)).get_indexer(probe)
    return np.where(hit >= 0, np.asarray(ids, dtype=np.int64)[hit], -1)


def _match(tk: _Tokens, lex: _Lexicon) -> _Evidence:
    """Every phrase of the lexicon found in the titles: 3-word phrases first, then 2-word ones
    not inside them, then single words not inside either (leftmost on overlaps)."""
    entries, keys2, ids2, keys3, ids3 = _phrase_keys(tk, lex)
    c, n, same = tk.codes, len(tk.codes), tk.same
    e2 = _lookup(keys2, ids2, (c[:-1] << 20) | c[1:])
    e2[~same] = -1
    e3 = _lookup(keys3, ids3, (c[:-2] << 40) | (c[1:-1] << 20) | c[2:])
    if len(e3):
        e3[~(same[:-1] & same[1:])] = -1
    cov = np.zeros(n + 2, dtype=bool)
    s3 = _leftmost(np.flatnonzero(e3 >= 0), 3)
    for k in range(3):
        cov[s3 + k] = True
    s2 = np.flatnonzero(e2 >= 0)
    s2 = _leftmost(s2[~cov[s2] & ~cov[s2 + 1]], 2)
    cov[s2] = cov[s2 + 1] = True
    cov = cov[:n]
    s1 = np.flatnonzero(tk.t_known[c] & ~cov & (tk.mk == WORD))
    multi = [entries[i] for i in np.concatenate([e3[s3], e2[s2]]).tolist()]
    uc = c[s1]
    return _Evidence(
        pos=np.concatenate([s3, s2, s1]),
        length=np.concatenate([np.full(len(s3), 3), np.full(len(s2), 2), np.ones(len(s1))]).astype(
            np.int64
        ),
        fn=np.concatenate([[e.fn for e in multi], tk.t_fn[uc]]).astype(np.int64),
        w=np.concatenate([[e.w for e in multi], tk.t_w[uc]]).astype(np.float32),
        sen=np.concatenate([[e.sen for e in multi], tk.t_sen[uc]]).astype(np.int64),
        flags=np.concatenate(
            [
                np.asarray([(e.head, e.train, e.stop) for e in multi], dtype=bool).reshape(-1, 3),
                tk.t_flags[uc],
            ]
        ),
        covered=cov,
    )


class _Places(NamedTuple):
    """Where each word sits: segment and part (global ids), after a company mark ("@", "at")
    or a soft one ("en", "em", "for"), and each segment's tagline kind (1 tagline, 2 aim)."""

    seg_id: np.ndarray
    part_id: np.ndarray
    after_hard: np.ndarray
    after_soft: np.ndarray
    seg_tag: np.ndarray


def _places(tk: _Tokens, cov: np.ndarray) -> _Places:
    mk = tk.mk
    first = np.r_[True, ~tk.same]
    seg_mark = mk == SEG
    seg_first = first | seg_mark
    seg_id = np.cumsum(seg_first) - 1
    part_id = np.cumsum(first | seg_mark | ((mk == PART) & ~cov)) - 1
    after_hard = _within(seg_first, (mk == AT).astype(np.int64)) > 0
    after_soft = _within(seg_first, ((mk == SOFT) & ~cov).astype(np.int64)) > 0
    seg_tag = np.zeros(int(seg_id[-1]) + 1, dtype=np.int8)
    word_pos = np.flatnonzero(mk == WORD)
    opener = pd.Series(word_pos).groupby(seg_id[word_pos]).first()
    seg_tag[opener.index.to_numpy()] = tk.t_tag[tk.codes[opener.to_numpy()]]
    return _Places(seg_id, part_id, after_hard, after_soft, seg_tag)


def _weigh(ev: _Evidence, tk: _Tokens, pl: _Places) -> _Evidence:
    """Evidence after a company mark counts 0.3 (0.6 after a soft one) and states no level;
    on a tie, the word before "de/of" wins ("Ingénieur de recherche" is Engineering)."""
    hard, soft = pl.after_hard[ev.pos], pl.after_soft[ev.pos]
    w = ev.w * np.where(hard, 0.3, np.where(soft, 0.6, 1.0)).astype(np.float32)
    nxt = ev.pos + ev.length
    ok = nxt < len(tk.codes)
    nxt = np.minimum(nxt, len(tk.codes) - 1)
    before_of = ok & tk.is_prep[tk.codes[nxt]] & (tk.title[nxt] == tk.title[ev.pos])
    w = w + np.where(before_of, 0.05, 0).astype(np.float32)
    return ev._replace(w=w, sen=np.where(hard, -1, ev.sen))


def _choose_segments(ev: _Evidence, et: np.ndarray, pl: _Places, n: int):
    """One segment per title: one that names a function, else a level, taglines last, aims
    ("I help...") never. Returns (evidence rows kept, best segment code per title)."""
    n_seg = len(pl.seg_tag)
    eseg = pl.seg_id[ev.pos]
    seg_fn = np.zeros(n_seg, dtype=bool)
    seg_fn[eseg[(ev.fn >= 0) & (ev.w > 0)]] = True
    seg_lvl = np.zeros(n_seg, dtype=bool)
    seg_lvl[eseg[(ev.sen >= 0) | ev.flags[:, 0]]] = True
    rank = np.where(seg_fn, 0, np.where(seg_lvl, 1, 2)) + 4 * (pl.seg_tag > 0)
    rank = np.where(pl.seg_tag == 2, 99, rank)
    best_seg = np.full(n, _NO_SEGMENT)
    np.minimum.at(best_seg, et, rank[eseg].astype(np.int64) * (1 << 40) + eseg)
    keep = ((best_seg[et] & ((1 << 40) - 1)) == eseg) & (rank[eseg] < 99)
    best_seg = np.where((best_seg >> 40) >= 99, _NO_SEGMENT, best_seg)
    return np.flatnonzero(keep), best_seg


_NO_SEGMENT = np.iinfo(np.int64).max
_FUNCTION_NAMES = np.asarray(FUNCTIONS, dtype=object)


def _functions(ev: _Evidence, et, epart, n_parts: int, tok: np.ndarray, out) -> np.ndarray:
    """Function per part: its strongest phrase (the later one on a tie: English heads come
    last). Primary: the first part with a function; second: a later part naming another role,
    or a decisive phrase (C-level, founder) beside the first. Fills out's fn, fn2, conf, why;
    returns the evidence rows the why names, per title (n × 2, -1 for none)."""
    fn_out, fn2_out, _, conf_out, why_out = out[:5]
    said = np.full((len(fn_out), 2), -1, dtype=np.int64)
    f = np.flatnonzero(ev.fn >= 0)
    if len(f) == 0:
        return said
    order = f[np.lexsort((ev.pos[f], ev.w[f], epart[f]))]
    best = order[np.r_[epart[order][1:] != epart[order][:-1], True]]
    part_head = np.zeros(n_parts, dtype=bool)
    part_head[epart[ev.flags[:, 0]]] = True
    bt = et[best]
    prim = best[np.r_[True, bt[1:] != bt[:-1]]]
    fn_out[et[prim]] = ev.fn[prim]
    said[et[prim], 0] = prim
    prim_part = np.full(len(fn_out), -1, dtype=np.int64)
    prim_part[et[prim]] = epart[prim]
    later = best[
        (epart[best] > prim_part[bt]) & part_head[epart[best]] & (ev.fn[best] != fn_out[bt])
    ]
    beside = f[(epart[f] == prim_part[et[f]]) & (ev.w[f] >= 4) & (ev.fn[f] != fn_out[et[f]])]
    w = ev.w[prim]
    conf_out[et[prim]] = np.select(
        [w >= 4, w >= 3, w >= 2.2, w >= 2, w >= 1], [0.95, 0.9, 0.8, 0.75, 0.6], 0.45
    )
    why_out[et[prim]] = (
        '"'
        + _phrase_text(tok, ev.pos[prim], ev.length[prim])
        + '" → '
        + _FUNCTION_NAMES[ev.fn[prim]]
    )
    cand = np.concatenate([later, beside])
    if len(cand):
        cand = cand[np.lexsort((ev.pos[cand], et[cand]))]
        second = cand[np.r_[True, et[cand][1:] != et[cand][:-1]]]
        fn2_out[et[second]] = ev.fn[second]
        said[et[second], 1] = second
        why_out[et[second]] += (
            ', "'
            + _phrase_text(tok, ev.pos[second], ev.length[second])
            + '" → '
            + _FUNCTION_NAMES[ev.fn[second]]
        )
    return said


def _seniority(ev: _Evidence, et, epart, n_parts: int, n: int, fn_out):
    """(level per title, stopped per title, evidence row that stated the level or -1): the
    highest level stated, an in-training part reading as In Training; a role with no level is
    Entry Level unless the title says there is no current role ("Retired")."""
    sen_out = np.full(n, -1, dtype=np.int64)
    level_row = np.full(n, -1, dtype=np.int64)
    lv = np.flatnonzero(ev.sen >= 0)
    if len(lv):
        part_level = np.full(n_parts, 99, dtype=np.int64)
        np.minimum.at(part_level, epart[lv], np.where(ev.flags[lv, 1], 99, ev.sen[lv]))
        part_train = np.zeros(n_parts, dtype=bool)
        part_train[epart[lv][ev.flags[lv, 1]]] = True
        part_level = np.where(part_train, _TRAINING, part_level)
        title_level = np.full(n, 99, dtype=np.int64)
        np.minimum.at(title_level, et[lv], part_level[epart[lv]])
        sen_out = np.where(title_level < 99, title_level, -1)
        # The phrase that stated each title's level, for the why (first in reading order).
        own = np.where(ev.flags[lv, 1], _TRAINING, ev.sen[lv])
        hit = lv[own == sen_out[et[lv]]]
        hit = hit[np.lexsort((ev.pos[hit], et[hit]))]
        said = hit[np.r_[True, et[hit][1:] != et[hit][:-1]]] if len(hit) else hit
        level_row[et[said]] = said
    stopped = np.zeros(n, dtype=bool)
    stopped[et[ev.flags[:, 2]]] = True
    role = np.zeros(n, dtype=bool)
    role[et[ev.flags[:, 0]]] = True
    sen_out = np.where((sen_out < 0) & (role | (fn_out >= 0)) & ~stopped, _ENTRY, sen_out)
    return sen_out, stopped, level_row


_LEVEL_NAMES = np.asarray(SENIORITIES, dtype=object)


def _why_level(ev: _Evidence, level_row, said, sen, tok, why) -> None:
    """Add the phrase that stated the level to the why, unless the function's phrase already
    holds it ("vp sales"; `said`: the evidence rows the why names per title, -1 none):
    '"data engineer" → Engineering; "senior" → Senior'."""
    rows = np.flatnonzero(level_row >= 0)
    if len(rows) == 0:
        return
    r = level_row[rows]
    text = '"' + _phrase_text(tok, ev.pos[r], ev.length[r]) + '" → ' + _LEVEL_NAMES[sen[rows]]
    new = (r != said[rows, 0]) & (r != said[rows, 1])
    rows, have, text = rows[new], why[rows[new]], text[new]
    why[rows] = np.where(have == "", text, have + "; " + text)


def _read(cleaned) -> _Reading:
    """Read distinct titles given their `clean_titles` form (see the module doc), vectorised
    over all titles at once: words → phrases → segments and parts → function(s), seniority;
    the fallback model for titles left without a function."""
    lex, fallback = _model()
    n = len(cleaned)
    out = _unread(n)
    if n == 0:
        return out
    tk = _Tokens(cleaned, lex)
    if len(tk.codes) == 0:
        return out
    ev = _match(tk, lex)
    pl = _places(tk, ev.covered)
    best_seg = np.full(n, _NO_SEGMENT)
    stopped = np.zeros(n, dtype=bool)
    if len(ev.pos):
        ev = _weigh(ev, tk, pl)
        keep, best_seg = _choose_segments(ev, tk.title[ev.pos], pl, n)
        ev = _Evidence(*(a[keep] for a in ev[:6]), ev.covered)
        et, epart = tk.title[ev.pos], pl.part_id[ev.pos]
        n_parts = int(pl.part_id[-1]) + 1
        said = _functions(ev, et, epart, n_parts, tk.vocab[tk.codes], out)
        sen, stopped, level_row = _seniority(ev, et, epart, n_parts, n, out.function)
        out.seniority[:] = sen
        _why_level(ev, level_row, said, sen, tk.vocab[tk.codes], out.why)
        has = best_seg != _NO_SEGMENT
        seg_start = np.flatnonzero(np.r_[True, ~tk.same] | (tk.mk == SEG))
        out.segment[has] = tk.seg_ord[seg_start[best_seg[has] & ((1 << 40) - 1)]]
    return _finish(
        out,
        fallback,
        (
            tk.title,
            tk.codes,
            tk.vocab,
            tk.mk,
            tk.t_letters,
            tk.t_known,
            ev.covered,
            pl.after_hard,
            pl.seg_id,
            pl.seg_tag,
            best_seg,
            stopped,
        ),
    )


def _finish(out: _Reading, fallback, ctx) -> _Reading:
    """Ask the fallback model about titles the lexicon gave no function: the words of the
    chosen segment (the first one when none was chosen), before any "@ company", never an
    aim ("I help...")."""
    fn_out, _, sen_out, conf_out, why_out, _ = out
    todo = np.flatnonzero(fn_out < 0)
    if fallback is None or len(todo) == 0 or ctx is None:
        return out
    (
        title,
        codes,
        vocab,
        mk,
        letters,
        known,
        covered,
        after_hard,
        seg_id,
        seg_tag,
        best_seg,
        stopped,
    ) = ctx
    need = np.zeros(len(fn_out), dtype=bool)
    need[todo] = True
    need &= ~stopped
    if not need.any():
        return out
    chosen = np.full(len(fn_out), -1, dtype=np.int64)
    has = best_seg < np.iinfo(np.int64).max
    chosen[has] = best_seg[has] & ((1 << 40) - 1)
    first = np.r_[True, title[1:] != title[:-1]]
    fallback_seg = np.full(len(fn_out), -1, dtype=np.int64)
    fallback_seg[title[first]] = seg_id[first]
    chosen = np.where(chosen >= 0, chosen, fallback_seg)
    # Words the lexicon knows (levels, generic role nouns, phrases such as "chef d'équipe")
    # say nothing about the function: "Praktikant" or "Directeur" alone stay unknown rather
    # than be guessed from noise.
    mask = (
        need[title]
        & (seg_id == chosen[title])
        & ~after_hard
        & (mk == WORD)
        & letters[codes]
        & ~known[codes]
        & ~covered
        & (seg_tag[seg_id] != 2)
    )
    rows, fn, p = fallback.predict(title[mask], codes[mask], vocab)
    ok = fn >= 0
    rows, fn, p = rows[ok], fn[ok], p[ok]
    fn_out[rows] = fn
    conf_out[rows] = np.round(0.75 * p, 2)
    why_out[rows] = np.array(
        [f"reads like {FUNCTIONS[f]} titles in occupation lists" for f in fn.tolist()], dtype=object
    )
    sen_out[rows] = np.where(sen_out[rows] < 0, _ENTRY, sen_out[rows])
    return out


# --- public API -----------------------------------------------------------------------------


def title_key(text: str) -> str:
    """The key a Correction is stored under: the `key` column `read_titles` gives `text`.

    It is the segment of the cleaned title the model read the role from, before any "@
    company" ("Helping founders scale | Sócio-Diretor @ X" → "sociodiretor"); the whole
    cleaned title (each segment before its company) when no segment names a role. Why: the
    same title typed with or without accents, capitals or decoration takes the same
    correction, and a correction never reaches a headline whose role is another. Any str
    (even a broken one) has a key.
    """
    return title_keys([text])[0]


def title_keys(texts) -> list[str]:
    """`title_key` of each text, in one pass of the model (for many titles at once)."""
    values = pd.Series(["" if t is None else str(t) for t in texts], dtype=object)
    return read_titles(values)["key"].tolist()


def _segment_ordinals(title: np.ndarray, seg_mark: np.ndarray) -> np.ndarray:
    """Per word of cleaned titles (flat, `title` ascending): which segment of its title it is
    in, 0 first. A "|" opens a segment; the model and the keys count segments this way."""
    if len(title) == 0:
        return np.zeros(0, dtype=np.int64)
    first = np.r_[True, title[1:] != title[:-1]]
    return _within(first, (first | seg_mark).astype(np.int64)) - 1


_KEY_AT = np.array(sorted(AT_WORDS | {"@"}), dtype=object)


def _keys(cleaned, segment: np.ndarray) -> np.ndarray:
    """`title_key` of each title, given its `clean_titles` form and the segment the model read
    (-1: none, the key is then every segment, " | " between them). Words after a company
    mark ("@", "at", "bei", ...) and role marks (",") are left out; a segment with nothing
    before its company mark keeps its words. Vectorised over the flat words."""
    n = len(cleaned)
    lists = pc.split_pattern(cleaned, " ")
    lengths = pc.list_value_length(lists).to_numpy(zero_copy_only=False)
    flat = pc.list_flatten(lists)
    if len(flat) == 0:
        return np.full(n, "", dtype=object)
    enc = pc.dictionary_encode(flat)
    codes = enc.indices.to_numpy(zero_copy_only=False)
    vocab = enc.dictionary.to_numpy(zero_copy_only=False).astype(object)
    is_seg, is_at = (vocab == "|")[codes], np.isin(vocab, _KEY_AT)[codes]
    word = (~np.isin(vocab, ["|", ",", ""]))[codes]
    title = np.repeat(np.arange(n), lengths)
    first = np.r_[True, title[1:] != title[:-1]]
    seg_first = first | is_seg
    gseg = np.cumsum(seg_first) - 1  # segment id over all titles
    before = word & (_within(seg_first, is_at.astype(np.int64)) == 0)
    has_before = np.zeros(int(gseg[-1]) + 1, dtype=bool)
    has_before[gseg[before]] = True
    chosen = segment[title]
    in_key = (chosen < 0) | (_segment_ordinals(title, is_seg) == chosen)
    keep = in_key & np.where(has_before[gseg], before, word & (vocab[codes] != "@"))
    # " | " between the segments of a whole-title key: before a kept segment that follows one.
    kept_seg = np.zeros(len(has_before), dtype=bool)
    kept_seg[gseg[keep]] = True
    bar = is_seg & (chosen < 0) & kept_seg[gseg] & (_within(first, keep.astype(np.int64)) > 0)
    out = keep | bar
    offsets = np.r_[0, np.cumsum(np.bincount(title[out], minlength=n))].astype(np.int64)
    words = pa.LargeListArray.from_arrays(pa.array(offsets), flat.filter(pa.array(out)))
    joined = pc.binary_join(words, pa.scalar(" ", pa.large_string()))
    return np.asarray(joined.to_pylist(), dtype=object)


def _apply_corrections(
    r: _Reading, keys: np.ndarray, uniques, plain: np.ndarray, corrections: Corrections
) -> _Reading:
    """The user's word wins: overwrite function/seniority of the distinct titles whose key a
    correction names, with confidence 1 and "you said X is Y" as the reason. X is the title
    as written where some text is nothing but it (`plain`: "Growth Hacker"), else the key
    ("sales director"): never another person's headline. Values outside the vocabulary are
    ignored."""
    fn, fn2, sen, conf, why, seg = (a.copy() for a in r)
    for c in corrections:
        f = FUNCTIONS.index(c.function) if c.function in FUNCTIONS else -1
        lv = SENIORITIES.index(c.seniority) if c.seniority in SENIORITIES else -1
        if f < 0 and lv < 0:
            continue
        hit = keys == c.title
        if not hit.any():
            continue
        spelt = [" ".join(str(uniques[i]).split()) for i in np.flatnonzero(hit & plain).tolist()]
        name = (min(spelt, key=lambda t: (len(t), t)) if spelt else c.title)[:80]
        if f >= 0:
            fn[hit], fn2[hit] = f, -1
        if lv >= 0:
            sen[hit] = lv
        conf[hit] = 1.0
        said = " and ".join(
            x for x in (c.function if f >= 0 else "", c.seniority if lv >= 0 else "") if x
        )
        why[hit] = f"you said {name} is {said}"
    return _Reading(fn, fn2, sen, conf, why, seg)


_COLUMNS = ["function", "function2", "seniority", "confidence", "why", "key"]


def read_titles(texts: pd.Series, corrections: Corrections = ()) -> pd.DataFrame:
    """Function(s), seniority, confidence and why for each title/headline, aligned to `texts`.

    Columns: function (primary, "" unknown), function2 ("" none), seniority ("" unknown),
    confidence (0..1), why (the phrase that decided, or "you said X is Y"), key (`title_key`).
    Computed once per distinct text; `corrections` override the model for their keys.
    """
    texts = pd.Series(texts)
    if len(texts) == 0:
        frame = pd.DataFrame({c: pd.Series(dtype="str") for c in _COLUMNS}, index=texts.index)
        frame["confidence"] = frame["confidence"].astype(float)
        return frame
    codes, uniques = _distinct(texts)
    # LinkedIn caps a headline at 220 characters: anything past 300 is not a title.
    short = pc.utf8_slice_codeunits(uniques, 0, MAX_CHARS)
    cleaned = clean_titles(short)
    r = _read_latin(cleaned)
    keys = _keys(cleaned, r.segment)
    if corrections:
        plain = keys == np.asarray(cleaned.to_pylist(), dtype=object)
        r = _apply_corrections(r, keys, uniques, plain, corrections)
    per_title = {
        "function": _labels(FUNCTIONS, r.function),
        "function2": _labels(FUNCTIONS, r.function2),
        "seniority": _labels(SENIORITIES, r.seniority),
        "confidence": pa.array(r.confidence),
        "why": pa.array(r.why, type=pa.large_string()),
        "key": pa.array(keys, type=pa.large_string()),
    }
    take = pa.array(codes)
    out = pd.DataFrame(
        {
            c: (
                pd.array(a.take(take), dtype="str")
                if c != "confidence"
                else a.take(take).to_numpy(zero_copy_only=False)
            )
            for c, a in per_title.items()
        },
        index=texts.index,
    )
    return out


def _read_latin(cleaned) -> _Reading:
    """`_read` over the titles that have a Latin letter once cleaned; the others (Arabic,
    Hebrew, Cyrillic, CJK, emoji, digits only) cannot match the lexicon or the model and read
    as unknown without further work, so bad input costs less than good input."""
    latin = pc.match_substring_regex(cleaned, "[a-z]").to_numpy(zero_copy_only=False)
    if latin.all():
        return _read(cleaned)
    out = _unread(len(cleaned))
    idx = np.flatnonzero(latin)
    if len(idx):
        part = _read(cleaned.take(pa.array(idx)))
        for whole, got in zip(out, part, strict=True):
            whole[idx] = got
    return out


def _distinct(texts: pd.Series) -> tuple[np.ndarray, pa.Array]:
    """(code of each text, distinct texts as an Arrow array); missing values read as "".

    Arrow dictionary encoding when the texts convert cleanly (the usual case, fast); Python
    otherwise, e.g. lone surrogates from a broken export, which are replaced.
    """
    try:
        arr = pa.array(texts, from_pandas=True)
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        arr = arr.cast(pa.large_string())
        arr = pc.fill_null(arr, "") if arr.null_count else arr
        enc = pc.dictionary_encode(arr)
        return enc.indices.to_numpy(zero_copy_only=False), enc.dictionary
    except (UnicodeEncodeError, pa.ArrowException, TypeError, ValueError):
        values = texts.to_numpy(dtype=object, na_value="")
        codes, uniques = pd.factorize(values)
        fixed = [
            (v if isinstance(v, str) else str(v)).encode("utf-8", "replace").decode("utf-8")
            for v in uniques
        ]
        return codes, pa.array(fixed, type=pa.large_string())


def _labels(names: tuple[str, ...], idx: np.ndarray) -> pa.Array:
    """Vocabulary names for indices (-1 → "") as an Arrow string array."""
    return pa.array(("",) + names, type=pa.large_string()).take(pa.array(idx + 1))


# --- the older interface, kept for existing callers ------------------------------------------


def classify_titles(texts: pd.Series) -> pd.DataFrame:
    """Seniority and (primary) function of each raw title, aligned to `texts` ("" unknown)."""
    read = read_titles(texts)
    return read[["seniority", "function"]]


def classify_title(text: str) -> tuple[str, str]:
    """(seniority, function) of one title, e.g. "Sr. VP Sales @ Acme" → ("Vice President", "Sales")."""
    row = classify_titles(pd.Series([text])).iloc[0]
    return row["seniority"], row["function"]
