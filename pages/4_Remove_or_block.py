"""Remove, unfollow or block? What each does, with sources, and a short decision helper."""

import streamlit as st

import ui
from core.faq import comparison_table, load_faq, recommend, search

ui.page_setup("Remove or block?", ":material/help:")

st.title("Remove or block?")
st.markdown("People hesitate to prune because they fear the other person will find out, or mix "
            "up removing with blocking. Here is what each action does, and where each fact "
            "comes from.")

entries = load_faq()
focus = st.query_params.get("faq")  # deep link from the simulator: ?faq=how-to-remove

st.subheader("At a glance")
st.dataframe(comparison_table(), width="stretch")

left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader("Questions")
    query = st.text_input("Search the answers", key="faq_search",
                          placeholder="e.g. notified, endorsements, limit")
    found = search(entries, query)
    if not found:
        st.info("No answer mentions all of those words. Try fewer or other words.",
                icon=":material/search_off:")
    for entry in found:
        with st.expander(entry.question, expanded=entry.id == focus or bool(query),
                         key=f"faq_{entry.id}"):
            st.markdown(entry.answer)
            st.caption("Sources: " + "; ".join(s.cite() for s in entry.sources))

with right:
    st.subheader("Decision helper")
    with st.container(border=True):
        harassing = st.radio("Is this person harassing you or spamming you?", ["No", "Yes"],
                             horizontal=True, key="dh_harass") == "Yes"
        see_posts = st.radio("Do you still want to see their posts?", ["No", "Yes"],
                             horizontal=True, key="dh_posts") == "Yes"
        messaging = st.radio("Do you want to keep the option of messaging them for free?",
                             ["No", "Yes"], horizontal=True, key="dh_message") == "Yes"
        client = st.radio("Could they become a client or refer one?", ["No", "Yes"],
                          horizontal=True, key="dh_client") == "Yes"
        rec = recommend(harassing, messaging, see_posts, client)
        icons = {"keep": ":material/favorite:", "unfollow": ":material/visibility_off:",
                 "remove": ":material/person_remove:", "block": ":material/block:"}
        st.success(f"**{rec.action.title()}.** {rec.reason}", icon=icons[rec.action])
        st.markdown(f"**How:** {rec.steps}")
        st.caption("More in the answer: “"
                   + next(e.question for e in entries if e.id == rec.faq_id) + "”")
