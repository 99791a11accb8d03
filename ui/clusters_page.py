"""The clusters page's helpers: the user's controls and work in `ui.state().grouping`, tables
and frames for the page, title corrections. No charts here (core/charts.py) and nothing stored
for another page: the groups come from `ui.derived.grouping()`, which every page shares.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

from core.charts import group_count_chart
from core.clustering import ClusterResult, cluster_stats
from core.export import safe_for_display
from core.format import count, month, pct
from core.icp import MAX_TITLE, title_text, with_correction
from core.text import search_mask
from core.titles import Correction
from core.vocabulary import FUNCTIONS, SENIORITIES
from ui import derived
from ui.layout import md_escape
from ui.state import state

#: Below this many people with a title, groups say nothing useful.
MIN_PEOPLE = 20
DECISIONS = ["keep", "review", "prune"]
#: The decision of a group nobody marked (the table's default; the report says the same).
DEFAULT_DECISION = "keep"
#: The number-of-groups slider: "Auto" or a number of groups.
K_OPTIONS: list = ["Auto"] + list(range(2, 31))
#: Choices for a correction ("" leaves that part to the title model).
FUNCTION_CHOICES = [""] + sorted(FUNCTIONS)
SENIORITY_CHOICES = [""] + list(SENIORITIES)


def semantic_available() -> bool:
    """True when the optional semantic extra is installed (the page then offers the mode)."""
    from core.semantic import available

    return available()


def sync_controls() -> None:
    """Before the widgets: give them the values in the grouping state (so coming back to the
    page shows the grouping in force)."""
    g = state().grouping
    st.session_state.setdefault("clusters_k", "Auto" if g.k is None else g.k)
    st.session_state.setdefault("clusters_method", g.method)


def set_controls(choice, method: str) -> None:
    """After the widgets: the grouping state follows them."""
    g = state().grouping
    g.k = None if choice == "Auto" else int(choice)
    g.method = method


def moved() -> tuple[str, ...]:
    """What the last change of grouping did to the user's names and marks, said once."""
    g = state().grouping
    messages, g.moved = g.moved, ()
    return messages


def names(result: ClusterResult) -> dict[int, str]:
    """Group names with the user's renames applied."""
    out = dict(result.names)
    out.update({c: n for c, n in state().grouping.names.items() if c in out and n.strip()})
    return out


def _engaged_text(share: float) -> str:
    return "not known" if pd.isna(share) else pct(share, 0)


def stats(result: ClusterResult) -> pd.DataFrame:
    """One row per group for the table: name (renames applied), decision, size, share, engaged
    (as text: "not known" rather than a blank), function purity, typical titles, ICP columns
    when an ICP exists."""
    scored = derived.scored()
    df = cluster_stats(state().network.df, result.labels, names(result), scored)
    tags = state().grouping.tags
    df["decision"] = decisions(df["cluster"], tags)
    df["engaged"] = df["engaged_share"].map(_engaged_text)
    df["function"] = [_function_text(result, int(c)) for c in df["cluster"]]
    return df


def decisions(clusters: pd.Series, tags: dict[int, str]) -> pd.Series:
    """Each group's keep/review/prune decision; an unmarked group is kept (`DEFAULT_DECISION`),
    so the page and the report say the same."""
    return clusters.map(lambda c: tags.get(int(c), DEFAULT_DECISION))


def _function_text(result: ClusterResult, c: int) -> str:
    f, p = result.functions.get(c, ""), result.purity.get(c, 0.0)
    return f"{pct(p, 0)} {f}" if f else f"{pct(p, 0)} unread titles"


def bar_frames(
    result: ClusterResult, table: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """(sizes, fit mix) for `core.charts.group_bars_chart`; the mix is None without an ICP."""
    sizes = table[["cluster", "name", "size", "share"]].rename(columns={"name": "label"})
    scored = derived.scored()
    if scored is None:
        return sizes, None
    frame = pd.DataFrame({"cluster": result.labels, "fit_band": scored["fit_band"].to_numpy()})
    frame = frame[(frame["cluster"] >= 0) & frame["fit_band"].isin(["strong", "partial", "off"])]
    mix = frame.groupby(["cluster", "fit_band"]).size().rename("count").reset_index()
    return sizes, mix


def _typed_name(value) -> str:
    """A name cell as text: a cleared cell comes back as None or NaN, which means "use the
    automatic name" (never the text "nan")."""
    return value.strip() if isinstance(value, str) else ""


def save_edits(edited: pd.DataFrame, result: ClusterResult) -> None:
    """Store renames and keep/review/prune decisions from the table's editor. A cleared name
    goes back to the automatic one: the editor starts afresh so the table shows it (every other
    edit is saved by then)."""
    g = state().grouping
    typed = {int(r.cluster): _typed_name(r.name) for r in edited.itertuples()}
    g.names = {c: name[:60] for c, name in typed.items() if name and name != result.names.get(c)}
    g.tags = {
        int(r.cluster): str(r.decision)
        for r in edited.itertuples()
        if str(r.decision) in DECISIONS and (str(r.decision) != "keep" or int(r.cluster) in g.tags)
    }
    if not all(typed.values()):
        st.session_state.pop("cluster_editor", None)
        st.rerun()


def pruned(result: ClusterResult) -> list[str]:
    """Names of the groups marked prune."""
    nm = names(result)
    return [nm[c] for c, t in state().grouping.tags.items() if t == "prune" and c in nm]


def members(result: ClusterResult, cluster: int, query: str = "") -> pd.DataFrame:
    """People in one group matching `query` (whole words, any accents): best ICP fit first when
    an ICP exists, else most typical first. Dates and engagement as text (no blanks)."""
    df = state().network.df
    mask = result.labels == cluster
    out = df.loc[mask, ["full_name", "position", "company"]].copy()
    out["connected"] = df.loc[mask, "connected_on"].map(month)
    if "engaged" in df and df["engaged"].notna().any():
        out["engaged"] = df.loc[mask, "engaged"].map(
            lambda v: "not known" if pd.isna(v) else ("yes" if v else "no")
        )
    out["typical"] = np.clip(np.nan_to_num(result.typicality[mask]), 0, 1)
    scored = derived.scored()
    if scored is not None:
        out["fit"] = scored.loc[mask, "fit"].fillna(0)
        out["fit_reasons"] = scored.loc[mask, "fit_reasons"].fillna("")
        out = out.sort_values(["fit", "typical"], ascending=False, kind="stable")
    else:
        out = out.sort_values("typical", ascending=False, kind="stable")
    if query.strip():
        hay = out["full_name"] + " " + out["position"] + " " + out["company"]
        out = out[search_mask(hay, query)]
    return out


def map_frame(result: ClusterResult, limit: int = 2500) -> pd.DataFrame:
    """Points for the map (a deterministic sample above `limit`, so the browser stays fast)."""
    df = state().network.df
    real = np.flatnonzero(result.labels >= 0)
    if len(real) > limit:
        real = np.sort(np.random.default_rng(0).choice(real, size=limit, replace=False))
    nm = names(result)
    return pd.DataFrame(
        {
            "x": result.coords[real, 0],
            "y": result.coords[real, 1],
            "cluster": result.labels[real],
            "group": [nm[c] for c in result.labels[real]],
            "position": df["position"].to_numpy()[real],
            "company": df["company"].to_numpy()[real],
        }
    )


def picked_cluster(bar_event, map_event, valid: list[int]) -> int | None:
    """The group the user last clicked in either chart (None when no new click).

    Both charts keep their selection; the one that changed since the last run is the newer.
    """

    def first(event, name):
        try:
            points = event.selection.get(name) or []
        except AttributeError:
            return None
        ids = [int(p["cluster"]) for p in points if "cluster" in p]
        return ids[0] if ids else None

    pages = state().pages
    now = {"bar": first(bar_event, "pick"), "map": first(map_event, "pick_map")}
    before = pages.get("cluster_chart_picks", {"bar": None, "map": None})
    pages["cluster_chart_picks"] = now
    for source in ("bar", "map"):
        if now[source] is not None and now[source] != before.get(source) and now[source] in valid:
            return now[source]
    return None


def follow_groups(valid: list[int]) -> str:
    """The drill-down follows the current groups; returns the group picker's widget key.

    The key is new for each grouping: a browser keeps a picker's value when only its options
    change, so with one key a regrouping showed the old group's name over another group's
    people. A new picker starts on the first group; a pick that is no longer a group is dropped.
    """
    pages = state().pages
    basis = state().grouping.basis
    if pages.get("cluster_pick_basis") != basis:
        pages["cluster_pick_basis"] = basis
        pages["cluster_pick_n"] = pages.get("cluster_pick_n", 0) + 1
    key = f"cluster_pick_{pages.get('cluster_pick_n', 0)}"
    if st.session_state.get(key) not in valid:
        st.session_state.pop(key, None)
    return key


def title_choices(result: ClusterResult, cluster: int) -> dict[str, str]:
    """The group's titles a correction can name, most people first: {key: spelling}.

    The key is the `key` column of `derived.titles()` (what the title model and every reader
    look a correction up by), read from the text scoring reads (`core.icp.title_text`: the
    headline when the file has one, else the position); the spelling is that text's most common
    form. Keys too long for the ICP file (pasted text, not a title) are left out.
    """
    in_group = result.labels == cluster
    frame = pd.DataFrame(
        {
            "key": derived.titles()["key"].to_numpy()[in_group],
            "text": title_text(state().network.df).to_numpy()[in_group],
        }
    )
    frame["text"] = frame["text"].astype(str).str.strip()
    frame = frame[(frame["key"] != "") & (frame["key"].str.len() <= MAX_TITLE)]
    order = frame["key"].value_counts().index[:200]
    spelling = frame.value_counts(["key", "text"]).reset_index().drop_duplicates("key")
    spelled = dict(zip(spelling["key"], spelling["text"], strict=True))
    return {str(k): str(spelled[k]) for k in order}


def correct(key: str, spelling: str, function: str, seniority: str) -> str:
    """Store "the title `key` is `function` / `seniority`" (replacing an earlier correction of
    the same title; neither removes it) through `core.icp.with_correction`, so it stays within
    the ICP file's bounds and a saved file keeps it. Returns what was said, for the page."""
    import ui

    ui.set_corrections(with_correction(ui.corrections(), Correction(key, function, seniority)))
    said = " and ".join(x for x in (function, seniority) if x)
    return f"You said {spelling} is {said}." if said else f"{spelling} is read by the model again."


SUGGESTION_SHOWN = "clusters_suggest_shown"


def suggestion_shown() -> bool:
    """Whether the user asked for the comparison (its panel then stays open)."""
    return bool(state().pages.get(SUGGESTION_SHOWN))


def _show_suggestion() -> None:
    state().pages[SUGGESTION_SHOWN] = True


def render_suggestion() -> None:
    """The "help me choose" panel: purity and largest group for 2 to 30 groups, on request."""
    st.markdown(
        "Fewer groups join different jobs together; more groups split one job by its "
        "titles and seniority. The chart shows, for each number of groups, how many "
        "people share their group's job function and how big the largest group is."
    )
    st.button(
        "Compare 2 to 30 groups",
        key="clusters_suggest_go",
        icon=":material/query_stats:",
        on_click=_show_suggestion,
    )
    if not suggestion_shown():
        return
    with st.spinner("Trying each number of groups…"):
        table = derived.group_counts()
    if table.empty or not table["suggested"].any():
        st.info("Too few distinct titles to compare groupings.")
        return
    best = int(table.loc[table["suggested"], "k"].iloc[0])
    st.altair_chart(group_count_chart(table), width="stretch", height=320)
    st.markdown(f"The automatic choice is **{best} groups**.")
    st.button(
        f"Use {best} groups",
        key="clusters_use_suggested",
        on_click=lambda b=best: st.session_state.update(clusters_k=b),
    )


def render_correction(result: ClusterResult, group: int) -> None:
    """A form to reassign one of the group's titles to another function or seniority."""
    pages = state().pages
    choices = title_choices(result, group)
    with st.form("cluster_correction"):
        title = st.selectbox(
            "Title", list(choices), key="correct_title", format_func=lambda k: choices.get(k, k)
        )
        function = st.selectbox(
            "Job function",
            FUNCTION_CHOICES,
            key="correct_function",
            format_func=lambda f: f or "(as the coach reads it)",
        )
        seniority = st.selectbox(
            "Seniority",
            SENIORITY_CHOICES,
            key="correct_seniority",
            format_func=lambda s: s or "(as the coach reads it)",
        )
        if st.form_submit_button("Save correction", icon=":material/check:") and title:
            pages["cluster_said"] = correct(title, choices.get(title, title), function, seniority)
            st.rerun()
    said = pages.pop("cluster_said", None)
    if said:
        st.success(md_escape(said) + " Every page uses it now.", icon=":material/check:")


# --- rendering (the page calls these top to bottom) -------------------------------------------


def render_controls() -> None:
    """The number-of-groups slider and, when installed, the semantic mode; the grouping state
    follows them."""
    sync_controls()
    left, right = st.columns([3, 2], gap="large", vertical_alignment="bottom")
    with left:
        choice = st.select_slider(
            "Number of groups",
            options=K_OPTIONS,
            key="clusters_k",
            help="Auto gives each job function present its own group and splits any function "
            "holding more than a quarter of your network. More groups split functions by "
            "their titles and seniority; fewer join the most alike.",
        )
    method = "lexical"
    if semantic_available():
        with right:
            method = st.radio(
                "Grouping by",
                ["lexical", "semantic"],
                horizontal=True,
                key="clusters_method",
                format_func=METHOD_LABELS.get,
                help="Semantic mode reads each distinct title with a small language model once.",
            )
    set_controls(choice, method)


def wait_text() -> str:
    """What the spinner says while the groups are computed: the semantic mode loads a language
    model and reads every distinct title the first time, which takes a while on a laptop."""
    if state().grouping.method == "semantic":
        return (
            "Reading every title with the language model (the first time can take up to half "
            "a minute)…"
        )
    return "Grouping your connections…"


METHOD_LABELS = {
    "lexical": "Words in the title (fast)",
    "semantic": "Meaning of the title (slower)",
}


def summary(result: ClusterResult, people: int) -> str:
    """One sentence under the controls: how many groups, of whom, and who is in none."""
    df = state().network.df
    untitled = int((~df["is_blank"]).sum()) - people
    mixed = sum(p < 0.7 for p in result.purity.values())
    text = f"{count(result.k)} groups of {count(people)} people with a title"
    text += (
        f", {count(mixed)} of them mixed (no function holds 70% of the group)."
        if mixed
        else ", each mostly one job function."
    )
    if untitled:
        text += f" {count(untitled)} connections have no job title and are in no group."
    if state().icp is None:
        text += " Define an ICP to see how well each group fits it."
    return text


def render_table(table: pd.DataFrame) -> pd.DataFrame:
    """The groups table: rename and decide in place; returns the edited table.

    Edits are kept by row, so after a regrouping the editor starts afresh (the user's names
    and marks were saved and carried over already): an old edit would land on another group.
    """
    pages, basis = state().pages, state().grouping.basis
    if pages.get("cluster_editor_basis") != basis:
        st.session_state.pop("cluster_editor", None)
        pages["cluster_editor_basis"] = basis
    fit_cols = ["mean_fit", "strong_share"] if "mean_fit" in table else []
    shown = table[
        ["cluster", "name", "decision", "size", "share", "function", "engaged"]
        + fit_cols
        + ["top_titles"]
    ].copy()
    # Shares as people read them, "18.6%": one decimal (Streamlit's "percent" shows two).
    for col in ("share", "strong_share"):
        if col in shown:
            shown[col] = shown[col] * 100
    return st.data_editor(
        safe_for_display(shown, ["top_titles"]),  # titles from the file, copied as text
        key="cluster_editor",
        hide_index=True,
        width="stretch",
        disabled=[c for c in shown.columns if c not in ("name", "decision")],
        column_order=[c for c in shown.columns if c != "cluster"],
        column_config=TABLE_COLUMNS,
    )


TABLE_COLUMNS = {
    "name": st.column_config.TextColumn("Group (click to rename)", max_chars=60),
    "decision": st.column_config.SelectboxColumn("Decision", options=DECISIONS, required=True),
    "size": st.column_config.NumberColumn("Connections", format="%d"),
    "share": st.column_config.NumberColumn(
        "Share", format="%.1f%%", help="Of everyone in a group (the people with a job title)."
    ),
    "function": st.column_config.TextColumn(
        "Main job function", help="Share of the group with its most common function."
    ),
    "engaged": st.column_config.TextColumn(
        "Engaged",
        help="Share who messaged with you in the last 12 months ('not known' when your "
        "export has no messages).",
    ),
    "mean_fit": st.column_config.ProgressColumn(
        "Mean ICP fit", min_value=0, max_value=100, format="%d"
    ),
    "strong_share": st.column_config.NumberColumn("Strong fits", format="%.1f%%"),
    "top_titles": st.column_config.TextColumn("Typical titles", width="large"),
}

MEMBER_COLUMNS = {
    "full_name": "Name",
    "position": "Title",
    "company": "Company",
    "connected": "Connected",
    "engaged": "Engaged",
    "typical": st.column_config.ProgressColumn(
        "Typical of group",
        min_value=0,
        max_value=1,
        format="percent",
        help="How close this title is to the group's centre.",
    ),
    "fit": st.column_config.ProgressColumn("ICP fit", min_value=0, max_value=100, format="%d"),
    "fit_reasons": st.column_config.TextColumn("Why", width="large"),
}


def render_pick(result: ClusterResult, bar_event, map_event) -> int:
    """The drill-down's group picker: follows the current groups and clicks in the charts."""
    nm = names(result)
    ids = list(nm)
    key = follow_groups(ids)
    clicked = picked_cluster(bar_event, map_event, ids)
    if clicked is not None:
        st.session_state[key] = clicked  # before the selectbox exists on this run
    return st.selectbox(
        "Group",
        ids,
        format_func=lambda c: nm[c],
        key=key,
        help="Or click a bar or a dot in the charts above.",
    )


@st.fragment
def render_drill_down(result: ClusterResult, people: int, bar_event, map_event) -> None:
    """ "Look inside a group": the picker, the people search, the members and the correction
    form. A fragment, so picking a group or typing a search reruns only this part, not the
    statistics, charts and table above; saving a correction reruns the whole page (it can move
    people between groups)."""
    group = render_pick(result, bar_event, map_event)
    query = st.text_input(
        "Search names, titles or companies (whole words)",
        key="cluster_search",
        placeholder="e.g. Acme or CTO",
    )
    shown = members(result, group, query)
    order = " · best ICP fit first" if state().icp is not None else " · most typical first"
    st.caption(
        f"{count(len(shown))} people · {pct(len(shown) / max(people, 1))} of people with a "
        f"title{order}"
    )
    st.dataframe(
        safe_for_display(shown),  # names, titles, companies: shown and copied as text
        hide_index=True,
        width="stretch",
        height=360,
        column_config=MEMBER_COLUMNS,
    )
    with st.expander(
        "A title is in the wrong group? Tell the coach what it is", icon=":material/edit_note:"
    ):
        render_correction(result, group)
