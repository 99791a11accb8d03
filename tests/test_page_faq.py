"""FAQ page in AppTest: renders, search narrows, decision helper answers, deep link opens."""

from __future__ import annotations

from tests.conftest import new_app

PAGE = "pages/4_Remove_or_block.py"


def _page(query: dict | None = None):
    at = new_app()
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def test_renders_table_and_questions():
    at = _page()
    assert len(at.expander) >= 9
    assert at.dataframe[0].value.shape[1] == 3


def test_search_narrows_the_list():
    at = _page()
    total = len(at.expander)
    at.text_input(key="faq_search").set_value("InMail").run()
    assert not at.exception
    assert 1 <= len(at.expander) < total


def test_decision_helper_recommends():
    at = _page()
    assert any(s.value.startswith("**Remove.**") for s in at.success)
    at.radio(key="dh_harass").set_value("Yes").run()
    assert any(s.value.startswith("**Block.**") for s in at.success)
    at.radio(key="dh_harass").set_value("No").run()
    at.radio(key="dh_client").set_value("Yes").run()
    assert any(s.value.startswith("**Unfollow.**") for s in at.success)


def test_deep_link_opens_the_removal_steps():
    at = _page({"faq": "how-to-remove"})
    opened = [e for e in at.expander if e.proto.expanded]
    assert [e.label for e in opened] == ["How do I remove a connection?"]
