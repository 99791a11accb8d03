"""Remove, unfollow or block? What each does, with sources, and a short decision helper."""

import zlib

import streamlit as st

import ui
from core.faq import comparison_table, load_faq, recommend, search

ui.page_setup("Remove or block?", ":material/help:")

st.title("Remove or block?")
st.markdown(
    "People hesitate to prune because they fear the other person will find out, or mix "
    "up removing with blocking. Here is what each action does, and where each fact "
    "comes from."
)

entries = load_faq()
focus = st.query_params.get("faq")  # deep link from the simulator: ?faq=how-to-remove

st.subheader("At a glance")
# st.table, not st.dataframe: plain HTML that wraps and grows with the projector's type size.
st.table(comparison_table())

#: The decision helper's questions: (widget key, question). Yes/No, unanswered at first.
QUESTIONS = (
    ("dh_harass", "Is this person harassing you or spamming you?"),
    ("dh_posts", "Do you still want to see their posts?"),
    ("dh_message", "Do you want to keep the option of messaging them for free?"),
    ("dh_client", "Could they become a client or refer one?"),
)
ICONS = {
    "keep": ":material/favorite:",
    "unfollow": ":material/visibility_off:",
    "remove": ":material/person_remove:",
    "block": ":material/block:",
}

left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader("Questions")
    query = st.text_input(
        "Search the answers",
        key="faq_search",
        placeholder="e.g. will they be notified? daily limit, block vs remove",
    )
    found = search(entries, query)
    if not found:
        st.info(
            "No answer matches those words. Try other words, or browse the list by clearing "
            "the search.",
            icon=":material/search_off:",
        )
    elif query.strip():
        st.caption(f"{len(found)} of {len(entries)} answers, best match first.")
    # An expander's key fixes its identity, and `expanded` only sets its first state: a key per
    # search makes a new search open its best answer again (and keeps what you opened meanwhile).
    search_id = zlib.crc32(query.strip().casefold().encode())
    for rank, entry in enumerate(found):
        opened = entry.id == focus if not query.strip() else rank == 0
        with st.expander(entry.question, expanded=opened, key=f"faq_{entry.id}_{search_id}"):
            st.markdown(entry.answer)
            st.caption("Sources: " + "; ".join(s.cite_markdown() for s in entry.sources))

with right:
    st.subheader("Decision helper")
    with st.container(border=True):
        answers = {
            key: st.radio(question, ["No", "Yes"], index=None, horizontal=True, key=key)
            for key, question in QUESTIONS
        }
        unanswered = sum(a is None for a in answers.values())
        if unanswered:
            st.info(
                f"Answer the {'last' if unanswered == 1 else unanswered} "
                f"question{'s' if unanswered > 1 else ''} for a recommendation.",
                icon=":material/quiz:",
            )
        else:
            yes = {k: a == "Yes" for k, a in answers.items()}
            rec = recommend(yes["dh_harass"], yes["dh_message"], yes["dh_posts"], yes["dh_client"])
            st.success(f"**{rec.action.title()}.** {rec.reason}", icon=ICONS[rec.action])
            st.markdown(f"**How:** {rec.steps}")
            st.caption(
                "More in the answer: “"
                + next(e.question for e in entries if e.id == rec.faq_id)
                + "”"
            )
