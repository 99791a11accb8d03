"""The FAQ on removing, unfollowing and blocking: content in core/faq.toml, logic here.

Content lives in a data file so it is easy to edit and every entry can be checked by tests:
each has a question, an answer and at least one dated source.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import pandas as pd

FAQ_PATH = Path(__file__).resolve().parent / "faq.toml"


@dataclass(frozen=True)
class Source:
    publisher: str
    title: str
    checked: date

    def cite(self) -> str:
        return f"{self.publisher}, “{self.title}”, checked {self.checked.day} " \
               f"{self.checked:%b %Y}"


@dataclass(frozen=True)
class FaqEntry:
    id: str
    question: str
    answer: str
    tags: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Recommendation:
    action: str       # "keep", "unfollow", "remove" or "block"
    reason: str
    steps: str
    faq_id: str


def _parse(data: dict) -> tuple[list[FaqEntry], pd.DataFrame]:
    sources = {}
    for key, s in data.get("sources", {}).items():
        if not all(k in s for k in ("publisher", "title", "checked")):
            raise ValueError(f"source {key}: needs publisher, title and checked")
        sources[key] = Source(str(s["publisher"]), str(s["title"]), s["checked"])
    entries = []
    for e in data.get("entry", []):
        eid = e.get("id", "?")
        for field in ("id", "question", "answer", "sources"):
            if not e.get(field):
                raise ValueError(f"entry {eid}: missing {field}")
        missing = [s for s in e["sources"] if s not in sources]
        if missing:
            raise ValueError(f"entry {eid}: unknown source {missing[0]}")
        entries.append(FaqEntry(id=eid, question=e["question"].strip(),
                                answer=e["answer"].strip(), tags=tuple(e.get("tags", ())),
                                sources=tuple(sources[s] for s in e["sources"])))
    ids = [e.id for e in entries]
    if len(set(ids)) != len(ids):
        raise ValueError("entries: duplicate id")
    comp = data.get("comparison", {})
    table = pd.DataFrame([r[1:] for r in comp.get("rows", [])], columns=comp.get("columns"),
                         index=[r[0] for r in comp.get("rows", [])])
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


def search(entries: list[FaqEntry], query: str) -> list[FaqEntry]:
    """Entries whose question, answer or tags contain every word of the query (any case)."""
    words = query.lower().split()
    if not words:
        return list(entries)
    hits = []
    for e in entries:
        hay = " ".join((e.question, e.answer, " ".join(e.tags))).lower()
        if all(w in hay for w in words):
            hits.append(e)
    return hits


def recommend(harassing: bool, keep_messaging: bool, see_posts: bool,
              potential_client: bool = False) -> Recommendation:
    """The decision helper: four yes/no answers → one action, with the reason and the steps."""
    if harassing:
        return Recommendation(
            "block", "They are harassing you or spamming: blocking cuts every channel, and they "
            "are not notified in most cases.",
            "Profile → More → Report / Block → Block.", "remove-unfollow-block")
    if see_posts:
        return Recommendation(
            "keep", "You still want their posts, so stay connected; nothing to do.",
            "Nothing to do. Engage with their posts to strengthen the tie.",
            "remove-unfollow-block")
    if keep_messaging or potential_client:
        return Recommendation(
            "unfollow", "You want to keep the door open (free messages, a possible client) "
                        "but not their posts: unfollow keeps the connection and mutes the feed.",
            "Profile → More → Unfollow (or the three dots on one of their posts → Unfollow).",
            "remove-unfollow-block")
    return Recommendation(
        "remove", "You want neither their posts nor a channel to them: removing keeps your "
                  "network focused, and they are not notified.",
        "Profile → More → Remove connection → Remove. Follow the checklist, 10 to 20 a day.",
        "how-to-remove")
