"""FAQ content and logic: complete entries with sources, search, the decision helper."""

from __future__ import annotations

import itertools

import pytest

from core.faq import comparison_table, load_faq, recommend, search

REQUIRED_IDS = {"how-to-remove", "notified", "after-removing", "reconnect",
                "remove-unfollow-block", "block-limits", "bulk-removal", "connection-limit", "ssi"}


def test_every_entry_has_question_answer_and_dated_source():
    entries = load_faq()
    assert REQUIRED_IDS <= {e.id for e in entries}
    for e in entries:
        assert e.question.endswith("?") and len(e.answer) > 80
        assert e.sources and all(s.publisher and s.title and s.checked.year >= 2026
                                 for s in e.sources)


def test_disagreements_are_said_not_hidden():
    by_id = {e.id: e for e in load_faq()}
    for eid in ("after-removing", "reconnect", "block-limits"):
        assert "disagree" in by_id[eid].answer.lower()


def test_search_finds_by_a_word_in_the_answer():
    entries = load_faq()
    assert [e.id for e in search(entries, "InMail")] == ["after-removing"]
    assert "how-to-remove" in {e.id for e in search(entries, "three dots")}
    assert search(entries, "") == entries
    assert search(entries, "zzqx nothing") == []


def test_comparison_table():
    table = comparison_table()
    assert list(table.columns) == ["Remove", "Unfollow", "Block"]
    assert table.loc["They are notified", "Remove"] == "No"
    assert len(table) >= 6


@pytest.mark.parametrize("answers", list(itertools.product([False, True], repeat=4)))
def test_decision_helper_gives_one_recommendation_for_every_combination(answers):
    rec = recommend(*answers)
    assert rec.action in {"keep", "unfollow", "remove", "block"}
    assert rec.reason and rec.steps
    assert rec.faq_id in {e.id for e in load_faq()}
    harassing, keep_messaging, see_posts, client = answers
    if harassing:
        assert rec.action == "block"
    elif see_posts:
        assert rec.action == "keep"
    elif keep_messaging or client:
        assert rec.action == "unfollow"
    else:
        assert rec.action == "remove"


def test_bad_content_is_refused(tmp_path):
    bad = tmp_path / "faq.toml"
    bad.write_text('[[entry]]\nid = "x"\nquestion = "Q?"\nanswer = ""\nsources = []\n')
    with pytest.raises(ValueError, match="entry x"):
        load_faq(bad)
