"""Define your ICP: a four-step wizard with a live preview of who in your network fits."""

import streamlit as st

import ui
from core.format import count
from core.icp import DIMENSIONS, PRESETS, industries_in, summary
from core.vocabulary import FUNCTIONS, INDUSTRIES, SENIORITIES
from ui import icp_page as w

ui.page_setup("Define your ICP", ":material/target:")
net = ui.network()
draft = w.draft()

st.title("Define your ICP")
st.markdown("Before removing anyone, decide who you want in your network and why. Four short "
            "steps; every answer updates the preview on the right at once.")

top_left, top_mid, top_right = st.columns([2, 2, 1])
with top_left:
    preset = st.selectbox("Start from a workshop preset", ["—"] + list(PRESETS), key=w.PRESET_KEY,
                          help="Fills every step; you can change anything afterwards.")
    st.button("Use this preset", key="use_preset", disabled=preset == "—",
              on_click=w.apply_preset, args=(preset,))
    if w.replaced() is not None:
        st.warning(f"The preset replaced your own ICP “{ui.md_escape(w.replaced().name)}”.",
                   icon=":material/undo:")
        st.button("Undo: bring mine back", key="icp_undo", on_click=w.undo_preset)
with top_mid:
    loaded = st.file_uploader("Or load a saved ICP (.json)", type=["json"], key=w.FILE_KEY,
                              on_change=w.on_file, max_upload_size=1)  # a few hundred bytes
    if loaded is not None and (error := w.load_error()):
        st.error(f"That file is not a usable ICP: {ui.md_escape(error)}", icon=":material/error:")
with top_right:
    st.download_button("Save ICP (.json)", draft.to_json(ui.corrections()),
                       file_name="my_icp.json", mime="application/json", key="icp_download",
                       disabled=draft.is_empty(), icon=":material/download:",
                       help="Your criteria and title corrections: no names, no connections.")
    st.button("Start over", key="icp_clear", on_click=w.clear)

step = w.step()
st.progress((step + 1) / len(w.STEPS), text=f"Step {step + 1} of {len(w.STEPS)}: "
                                            f"{w.STEPS[step]}")

form, preview = st.columns([1, 1], gap="large")
with form:
    if step == 0:
        st.subheader("Who do you serve?")
        if net.profile.get("headline"):
            st.caption(f"Your own headline: {ui.md_escape(net.profile['headline'])}")
        fn_counts, sen_counts = w.function_counts(), w.seniority_counts()
        st.multiselect(
            "Job functions", sorted(FUNCTIONS, key=lambda f: -fn_counts.get(f, 0)),
            key=w.bind("functions"), on_change=w.sync, args=("functions",),
            format_func=lambda f: f"{f} · {count(fn_counts.get(f, 0))}",
            help="Sales Navigator's function names, most common in your network first; the "
                 "number is how many of your connections have that function, read from their "
                 "job titles (a title naming two roles counts for both).")
        st.multiselect(
            "Seniority", list(SENIORITIES), key=w.bind("seniorities"), on_change=w.sync,
            args=("seniorities",), format_func=lambda s: f"{s} · {count(sen_counts.get(s, 0))}",
            help="Sales Navigator's levels, most senior first. One level away from a level you "
                 "pick earns half the points.")
        st.caption("Titles the coach cannot read can still match on keywords and companies; "
                   "tell it how to read the common ones under the preview.")
    elif step == 1:
        st.subheader("Where do they work?")
        ind = w.industry_counts()
        st.multiselect(
            "Industries", sorted(INDUSTRIES, key=lambda i: -ind.get(i, 0)),
            key=w.bind("industries"), on_change=w.sync, args=("industries",),
            format_func=lambda i: f"{i} · {count(ind.get(i, 0))}",
            help="LinkedIn's 20 industry groups, the most common in your network first; the "
                 "number is how many connections mention one of the group's words.")
        st.caption("LinkedIn's export has no industry per connection: an industry is inferred "
                   "from words in the job title and company name (for example 'SaaS', 'Bank'), "
                   "and each fit reason says which word matched.")
        own = net.profile.get("industry", "")
        if own:
            st.caption(f"Your own industry (from your profile): {ui.md_escape(own)}")
            for group in industries_in(own):
                if group not in draft.industries:
                    st.button(f"Add {group}", key=f"icp_add_ind_{list(INDUSTRIES).index(group)}",
                              on_click=w.add_to, args=("industries", [group]),
                              icon=":material/add:")
        options, with_count = w.company_options(draft)
        for field, label, tip in (
                ("companies", "Target accounts (companies you want)",
                 "Your most common employers with how many connections work there; or type a "
                 "name. A company matches when its name contains these words."),
                ("exclude_companies", "Accounts to keep out (competitors, your own employer)",
                 "Anyone at these companies is off-profile, whatever else matches.")):
            st.multiselect(label, options, key=w.bind(field), on_change=w.sync, args=(field,),
                           accept_new_options=True, help=tip,
                           format_func=with_count)
    elif step == 2:
        st.subheader("Signals and deal-breakers")
        keyword_options, exclusion_options, with_count = w.signal_options(draft)
        st.multiselect(
            "Nice-to-have words in their title or company", keyword_options,
            key=w.bind("keywords"), on_change=w.sync, args=("keywords",),
            accept_new_options=True, format_func=with_count,
            help="The most common words in your network come first, with how many connections "
                 "use them; or type your own. Whole words, any case, accents or not. Each one "
                 "only adds points: the first match earns 60% of the keyword points, each "
                 "further match 20% more.")
        st.multiselect(
            "Deal-breakers: anyone with these words is off-profile", exclusion_options,
            key=w.bind("exclude_keywords"), on_change=w.sync, args=("exclude_keywords",),
            accept_new_options=True, format_func=with_count,
            help="Checked in the title and the company name; a match sets the fit to 0.")
        with st.expander("Most common titles in your network (tick to add as keywords)"):
            st.dataframe(w.top("position", 15), hide_index=True, width="stretch",
                         key="icp_titles_pick", on_select="rerun", selection_mode="multi-row",
                         column_config={"position": "Title", "count": "Connections"})
            picked = st.session_state.get("icp_titles_pick")
            n_picked = len(picked.selection.rows) if picked is not None else 0
            st.button(f"Add {n_picked} selected as keywords" if n_picked else
                      "Tick titles above to add them as keywords", key="icp_add_titles",
                      disabled=not n_picked, on_click=w.add_selected_titles,
                      icon=":material/add:")
    else:
        st.subheader("Review and save")
        st.text_input("Name this ICP", key=w.bind("name"), on_change=w.sync, args=("name",),
                      max_chars=80)
        st.slider("Strong fit from", 0, 100, step=5, key=w.bind("fit_threshold"),
                  on_change=w.sync, args=("fit_threshold",),
                  help="A fit at or above this is a strong fit; partial fit starts at half "
                       "this value; below that is off-profile.")
        st.markdown("**How much each part counts** (function, seniority, industry and company "
                    "share 100 points between the parts you filled in; keywords add on top)")
        for col, dim in zip(st.columns(len(DIMENSIONS)), DIMENSIONS, strict=True):
            col.number_input(dim.title(), 0, 100, step=5, key=w.bind(f"w_{dim}"),
                             on_change=w.sync_weight, args=(dim,))
        st.info(ui.md_escape(summary(draft)), icon=":material/summarize:")
        st.page_link("pages/2_Cluster_connections.py", label="Next: see your network as groups",
                     icon=":material/hub:")

    back, nxt, _ = st.columns([1.3, 1.3, 2])
    back.button("Back", key="icp_back", on_click=w.go, args=(-1,), disabled=step == 0,
                icon=":material/arrow_back:")
    nxt.button("Next", key="icp_next", on_click=w.go, args=(1,), type="primary",
               disabled=step == len(w.STEPS) - 1, icon=":material/arrow_forward:")

with preview:
    st.subheader("Live preview")
    w.render_preview(draft)
w.render_people(draft)
