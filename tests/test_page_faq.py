"""FAQ page in AppTest: renders, search ranks, sources link, decision helper waits for answers."""

from __future__ import annotations

from core.faq import load_faq
from tests.conftest import app_state, modern_csv, new_app

PAGE = "pages/4_Remove_or_block.py"
KEYS = ("dh_harass", "dh_posts", "dh_message", "dh_client")


def _page(query: dict | None = None, upload: bool = False):
    at = new_app()
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    if upload:
        at.file_uploader(key="upload").set_value(
            ("Connections.csv", modern_csv(), "text/csv")
        ).run()
        assert not app_state(at).network.is_demo
    at.switch_page(PAGE).run()
    assert not at.exception
    return at


def test_renders_table_and_questions():
    at = _page()
    assert len(at.expander) == len(load_faq()) >= 9
    assert list(at.table[0].value.columns) == ["Remove", "Unfollow", "Block"]


def test_renders_on_an_upload_too():
    at = _page(upload=True)
    assert len(at.expander) == len(load_faq())


def test_search_ranks_and_opens_the_best_answer():
    at = _page()
    total = len(at.expander)
    at.text_input(key="faq_search").set_value("Will they be NOTIFIED?").run()
    assert not at.exception
    assert 1 <= len(at.expander) < total
    assert at.expander[0].label == "Will they know I removed them?"
    assert [e.proto.expanded for e in at.expander][:2] == [True, False]
    at.text_input(key="faq_search").set_value("limit per day").run()
    assert at.expander[0].label == "Can I remove many connections at once?"


def test_sources_render_as_links():
    at = _page()
    captions = [c.value for c in at.caption if c.value.startswith("Sources:")]
    assert captions
    assert any("](https://www.linkedin.com/help/linkedin/answer/49)" in c for c in captions)


def test_decision_helper_waits_for_every_answer():
    at = _page()
    assert all(at.radio(key=k).value is None for k in KEYS)
    assert not at.success
    assert any("Answer the 4 questions" in i.value for i in at.info)
    at.radio(key="dh_harass").set_value("No").run()
    at.radio(key="dh_posts").set_value("No").run()
    at.radio(key="dh_message").set_value("No").run()
    assert not at.success  # three of four answered: still no recommendation
    assert any("Answer the last question" in i.value for i in at.info)
    at.radio(key="dh_client").set_value("No").run()
    assert not at.exception
    assert [s.value.split("**")[1] for s in at.success] == ["Remove."]
    at.radio(key="dh_client").set_value("Yes").run()
    assert [s.value.split("**")[1] for s in at.success] == ["Unfollow."]
    at.radio(key="dh_harass").set_value("Yes").run()
    assert [s.value.split("**")[1] for s in at.success] == ["Block."]


def test_deep_link_opens_the_removal_steps():
    at = _page({"faq": "how-to-remove"})
    opened = [e for e in at.expander if e.proto.expanded]
    assert [e.label for e in opened] == ["How do I remove a connection?"]
