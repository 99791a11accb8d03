"""The FAQ on removing, unfollowing and blocking: content in core/faq.toml, logic here.

Content lives in a data file so it is easy to edit and every entry can be checked by tests:
each has a question, an answer and at least one dated source.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from core.text import fold  # lower case without accents: "Notificación" → "notificacion"

FAQ_PATH = Path(__file__).resolve().parent / "faq.toml"


_URL = re.compile(r"https?://[^\s()<>\[\]\"']+")


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    checked: date
    url: str = ""  # "" when we have no verified address for it

    def cite(self) -> str:
        """Plain text: publisher, title, date checked (the HTML report escapes it)."""
        return f"{self.publisher}, “{self.title}”, checked {self.checked.day} {self.checked:%b %Y}"

    def cite_markdown(self) -> str:
        """The citation with the title as a link when we have the address (our content)."""
        if not self.url:
            return self.cite()
        title = self.title.replace("[", "(").replace("]", ")")
        return (
            f"{self.publisher}, [“{title}”]({self.url}), checked {self.checked.day} "
            f"{self.checked:%b %Y}"
        )


@dataclass(frozen=True)
class FaqEntry:
    id: str
    question: str
    answer: str
    tags: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Recommendation:
    action: str  # "keep", "unfollow", "remove" or "block"
    reason: str
    steps: str
    faq_id: str


def _parse(data: dict) -> tuple[list[FaqEntry], pd.DataFrame]:
    sources = {}
    for key, s in data.get("sources", {}).items():
        if not all(k in s for k in ("publisher", "title", "checked")):
            raise ValueError(f"source {key}: needs publisher, title and checked")
        url = str(s.get("url", ""))
        if url and not _URL.fullmatch(url):
            raise ValueError(f"source {key}: url must be a plain http(s) address")
        sources[key] = Source(str(s["publisher"]), str(s["title"]), s["checked"], url)
    entries = []
    for e in data.get("entry", []):
        eid = e.get("id", "?")
        for field in ("id", "question", "answer", "sources"):
            if not e.get(field):
                raise ValueError(f"entry {eid}: missing {field}")
        missing = [s for s in e["sources"] if s not in sources]
        if missing:
            raise ValueError(f"entry {eid}: unknown source {missing[0]}")
        entries.append(
            FaqEntry(
                id=eid,
                question=e["question"].strip(),
                answer=e["answer"].strip(),
                tags=tuple(e.get("tags", ())),
                sources=tuple(sources[s] for s in e["sources"]),
            )
        )
    ids = [e.id for e in entries]
    if len(set(ids)) != len(ids):
        raise ValueError("entries: duplicate id")
    comp = data.get("comparison", {})
    table = pd.DataFrame(
        [r[1:] for r in comp.get("rows", [])],
        columns=comp.get("columns"),
        index=[r[0] for r in comp.get("rows", [])],
    )
    table.index.name = "What happens"
    return entries, table


@lru_cache(maxsize=1)
def _load(path: str) -> tuple[tuple[FaqEntry, ...], pd.DataFrame]:
    with open(path, "rb") as fh:
        entries, table = _parse(tomllib.load(fh))
    return tuple(entries), table


def load_faq(path: Path = FAQ_PATH) -> list[FaqEntry]:
    """All entries, validated (ValueError naming the entry when one is incomplete)."""
    return list(_load(str(path))[0])


def comparison_table(path: Path = FAQ_PATH) -> pd.DataFrame:
    """Remove vs unfollow vs block, one row per consequence."""
    return _load(str(path))[1].copy()


# ---------------------------------------------------------------------------------------------
# Search: the words people type are not the words of the answers ("notified" vs "notification",
# "daily limit" vs "10 to 20 a day", "delete" vs "remove"). Both sides go through the same
# pipeline: fold accents and case, split into words, strip common English endings, then map
# synonyms and short phrases to one concept. Entries are ranked by how many of the query's
# concepts they contain, where (question > tags > answer) and how rare each concept is.

#: Words that carry no meaning in a question ("how do I ...", "will they ...").
_STOPWORDS = frozenset(
    "a an the i im me my mine you your they them their theirs he him his she her it its we us "
    "our is are am be been being was were will would can could should shall may might must do "
    "does did doing done to of in on for with at by from into if what whats how when why who "
    "whom which that this these those there here and or so but not no yes get got any some "
    "someone somebody anyone person people linkedin still after about also just ever really "
    "want wanted need like then than one ones as way without more have has had".split()
)

#: Concept → the words and short phrases that mean it (English, plus a few words that
#: workshop attendees from France, Spain and Germany type). Written as people write them; the
#: same normalisation as the entries is applied when the table is built.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "notify": (
        "notify",
        "notification",
        "notice",
        "know",
        "find out",
        "found out",
        "alert",
        "aware",
        "tell",
        "told",
        "inform",
        "informed",
        "warned",
        "notificación",
        "notificar",
        "notifier",
        "benachrichtigt",
        "benachrichtigung",
    ),
    "limit": (
        "limit",
        "cap",
        "capped",
        "maximum",
        "max",
        "ceiling",
        "how many",
        "quota",
        "allowed",
        "upper bound",
        "límite",
        "limite",
        "grenze",
    ),
    "30000": ("30k", "30 000", "30000", "thirty thousand"),
    "daily": (
        "day",
        "daily",
        "days",
        "per day",
        "a day",
        "each day",
        "every day",
        "session",
        "pace",
        "rate",
        "how fast",
        "how quickly",
        "speed",
        "per week",
        "weekly",
        "week",
        "por día",
        "par jour",
        "pro tag",
    ),
    "remove": (
        "remove",
        "removal",
        "delete",
        "deletion",
        "disconnect",
        "unconnect",
        "unfriend",
        "prune",
        "pruning",
        "cut",
        "get rid",
        "eliminate",
        "purge",
        "clean up",
        "cleanup",
        "eliminar",
        "borrar",
        "supprimer",
        "retirer",
        "entfernen",
        "löschen",
    ),
    "block": (
        "block",
        "restrict",
        "ban",
        "blacklist",
        "report",
        "bloquer",
        "bloquear",
        "blockieren",
        "sperren",
    ),
    "unfollow": (
        "unfollow",
        "mute",
        "hide",
        "silence",
        "snooze",
        "stop seeing",
        "dejar de seguir",
        "ne plus suivre",
        "entfolgen",
    ),
    "reconnect": (
        "reconnect",
        "reconnection",
        "add back",
        "add again",
        "re add",
        "readd",
        "connect again",
        "invite again",
        "reinvite",
        "re invite",
        "undo",
        "change my mind",
        "come back",
    ),
    "bulk": (
        "bulk",
        "mass",
        "many",
        "all at once",
        "at once",
        "batch",
        "several",
        "multiple",
        "lot",
        "lots",
        "hundreds",
        "thousands",
        "tool",
        "automate",
        "automation",
        "bot",
        "script",
        "extension",
        "en masse",
        "masivo",
    ),
    "message": ("message", "messaging", "inmail", "dm", "chat", "write to", "contact"),
    "endorse": ("endorsement", "endorse", "recommendation", "recommend", "skill", "skills"),
    "reach": (
        "reach",
        "impression",
        "impressions",
        "visibility",
        "algorithm",
        "boost",
        "viral",
        "virality",
        "audience",
        "alcance",
    ),
    "ssi": ("ssi", "social selling index", "social selling", "selling index"),
    "mobile": ("mobile", "phone", "iphone", "android", "app", "tablet", "móvil", "handy"),
    "desktop": ("desktop", "computer", "laptop", "browser", "pc", "mac"),
    "compare": (
        "compare",
        "comparison",
        "difference",
        "different",
        "differ",
        "vs",
        "versus",
        "between",
        "better",
        "which one",
        "instead",
    ),
    "harass": (
        "harass",
        "harassing",
        "harassment",
        "spam",
        "spammer",
        "spamming",
        "abuse",
        "abusive",
        "stalk",
        "stalker",
        "creep",
        "creepy",
        "troll",
        "scam",
        "scammer",
    ),
    "change": (
        "change",
        "happen",
        "happens",
        "consequence",
        "effect",
        "lose",
        "loss",
        "what changes",
        "what does",
    ),
    "steps": (
        "steps",
        "step",
        "how to",
        "how do i",
        "how can i",
        "how do you",
        "instructions",
        "guide",
        "button",
        "where",
    ),
    "risk": (
        "risk",
        "banned",
        "suspend",
        "suspended",
        "restricted",
        "jail",
        "safe",
        "terms",
        "user agreement",
        "against the rules",
    ),
    "hurt": ("hurt", "harm", "lower", "damage", "penalty", "penalise", "penalize", "bad"),
}

_FIELD_WEIGHT = {"question": 3.0, "tags": 2.0, "answer": 1.0}
#: An entry scoring below this share of the best one is left out.
_KEEP = 0.15
_SUFFIXES = ("ation", "ment", "ion", "ing", "ed", "al")


def stem(word: str) -> str:
    """A light English stemmer: notified/notifies/notification → notify, removal → remov.

    Crude on purpose: it only has to send the same word family to the same key on both sides.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    for end, repl in (("ifications", "ify"), ("ification", "ify"), ("ies", "y"), ("ied", "y")):
        if word.endswith(end) and len(word) - len(end) >= 2:
            return word[: -len(end)] + repl
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for end in _SUFFIXES:
        if word.endswith(end) and len(word) - len(end) >= 3:
            word = word[: -len(end)]
            break
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word


_WORDS = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(fold(text))


def _stems(text: str) -> list[str]:
    return [stem(w) for w in _words(text)]


def _concept_table() -> tuple[dict[tuple[str, ...], str], int]:
    phrases: dict[tuple[str, ...], str] = {}
    for concept, words in SYNONYMS.items():
        for w in (concept, *words):
            key = tuple(_stems(w))
            if key:
                phrases.setdefault(key, "#" + concept)
    return phrases, max(len(k) for k in phrases)


_PHRASES, _LONGEST = _concept_table()


def _match_phrases(tokens: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Replace the longest known phrases by their concept, left to right.

    A token is (stem, is_stopword); a concept is never a stopword.
    """
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(tokens):
        for n in range(min(_LONGEST, len(tokens) - i), 0, -1):
            concept = _PHRASES.get(tuple(t for t, _ in tokens[i : i + n]))
            if concept is not None:
                out.append((concept, False))
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def terms(text: str) -> list[str]:
    """The searchable terms of a text: synonym concepts ("#notify") and the other word stems.

    Phrases are looked up with the small words ("how many", "a day"), then again without them
    ("add them back" → "add back").
    """
    tokens = _match_phrases([(stem(w), w in _STOPWORDS) for w in _words(text)])
    content = [(t, False) for t, is_stop in tokens if not is_stop and len(t) > 1]
    return [t for t, _ in _match_phrases(content)]


@dataclass(frozen=True)
class _Index:
    weights: tuple[dict[str, float], ...]  # per entry: term → best field weight
    idf: dict[str, float]


def _index(entries: tuple[FaqEntry, ...]) -> _Index:
    weights = []
    for e in entries:
        w: dict[str, float] = {}
        seen: dict[str, int] = {}
        for field, text in (
            ("answer", e.answer),
            ("tags", " ".join(e.tags)),
            ("question", e.question),
        ):
            for t in terms(text):
                w[t] = max(w.get(t, 0.0), _FIELD_WEIGHT[field])
                seen[t] = seen.get(t, 0) + 1
        # A little for repetition: the entry that keeps talking about it is more about it.
        weights.append({t: v + 0.1 * min(seen[t] - 1, 5) for t, v in w.items()})
    n = len(entries)
    df: dict[str, int] = {}
    for w in weights:
        for t in w:
            df[t] = df.get(t, 0) + 1
    idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
    return _Index(tuple(weights), idf)


@lru_cache(maxsize=4)
def _cached_index(entries: tuple[FaqEntry, ...]) -> _Index:
    return _index(entries)


def _query_terms(query: str, vocabulary: dict[str, float]) -> list[tuple[str, float]]:
    """Unique query terms with a factor; a word not in the FAQ matches words it starts (typing)."""
    out: dict[str, float] = {}
    for t in terms(query):
        if t in vocabulary or t.startswith("#"):
            out[t] = max(out.get(t, 0.0), 1.0)
        elif len(t) >= 4:
            for v in vocabulary:
                if v.startswith(t):
                    out[v] = max(out.get(v, 0.0), 0.8)
            for key, concept in _PHRASES.items():
                if len(key) == 1 and key[0].startswith(t):
                    out[concept] = max(out.get(concept, 0.0), 0.8)
            out.setdefault(t, 0.0)  # counts as asked, so coverage stays honest
        else:
            out.setdefault(t, 0.0)
    return list(out.items())


def rank(entries: list[FaqEntry], query: str) -> list[tuple[FaqEntry, float]]:
    """Entries matching the query with a relevance score, best first (ties in FAQ order).

    Score: for each query term, its rarity (idf) times where the entry has it (question 3,
    tags 2, answer 1); the sum is scaled by the share of query terms the entry has, so an
    entry that answers every part of the question beats one that repeats a single word.
    """
    index = _cached_index(tuple(entries))
    asked = _query_terms(query, index.idf)
    if not asked:
        return []
    wanted = {t for t, f in asked if f > 0 or t.startswith("#")}
    scored = []
    for pos, (entry, w) in enumerate(zip(entries, index.weights, strict=True)):
        total = 0.0
        hit_words = set()
        for t, factor in asked:
            if t in w:
                total += index.idf[t] * w[t] * max(factor, 0.0)
                hit_words.add(t)
        if total > 0:
            coverage = len(hit_words & wanted) / max(len(asked), 1)
            scored.append((-(total * (0.25 + coverage)), pos, entry))
    scored.sort(key=lambda s: (s[0], s[1]))
    if not scored:
        return []
    best = -scored[0][0]
    # Far weaker matches (a shared common word) are noise, not answers.
    return [(entry, -s) for s, _, entry in scored if -s >= _KEEP * best]


def search(entries: list[FaqEntry], query: str) -> list[FaqEntry]:
    """Entries that answer the query, most relevant first; every entry when the query is empty.

    Word forms, synonyms, accents and case do not matter ("notified", "Notificación" and
    "notification" find the same answer; "daily limit" finds the pacing advice).
    """
    if not terms(query):  # empty, or only words like "how do I"
        return list(entries)
    return [entry for entry, _ in rank(entries, query)]


def recommend(
    harassing: bool, keep_messaging: bool, see_posts: bool, potential_client: bool = False
) -> Recommendation:
    """The decision helper: four yes/no answers → one action, with the reason and the steps."""
    if harassing:
        return Recommendation(
            "block",
            "They are harassing you or spamming: blocking cuts every channel, and they "
            "are not notified in most cases.",
            "Profile → More → Report / Block → Block.",
            "remove-unfollow-block",
        )
    if see_posts:
        return Recommendation(
            "keep",
            "You still want their posts, so stay connected; nothing to do.",
            "Nothing to do. Engage with their posts to strengthen the tie.",
            "remove-unfollow-block",
        )
    if keep_messaging or potential_client:
        return Recommendation(
            "unfollow",
            "You want to keep the door open (free messages, a possible client) "
            "but not their posts: unfollow keeps the connection and mutes the feed.",
            "Profile → More → Unfollow (or the three dots on one of their posts → Unfollow).",
            "remove-unfollow-block",
        )
    return Recommendation(
        "remove",
        "You want neither their posts nor a channel to them: removing keeps your "
        "network focused, and they are not notified.",
        "Profile → More → Remove connection → Remove. Follow the checklist, 10 to 20 a day.",
        "how-to-remove",
    )
