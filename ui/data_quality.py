"""The Home page's Data quality panel: what the loader read, chose and skipped (`LoadReport`).

Says which columns the export lacks and what that turns off, counts the duplicates removed and
shows them on request, and repeats every warning of the load. Text from the file (file names,
names in duplicates) is shown with st.text / st.dataframe or escaped, never as Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.export import safe_for_display
from core.format import count
from core.loader import LoadReport, Network
from ui.layout import md_escape

#: How the panel names each column the coaching reads.
COLUMN_LABELS = {
    "names": "Names",
    "url": "Profile URL",
    "connected_on": "Connected On",
    "position": "Position",
    "company": "Company",
}


def render(net: Network) -> None:
    rep = net.report
    for warning in rep.warnings:
        st.warning(md_escape(warning), icon=":material/warning:")
    if rep.missing:
        st.markdown("**Not in this export, and what that turns off**")
        st.markdown(
            "\n".join(f"- **{COLUMN_LABELS[c]}**: {effect}." for c, effect in rep.missing.items())
        )
    q1, q2, q3 = st.columns(3)
    q1.metric("Rows read", count(rep.rows_read))
    q2.metric(
        "Duplicates removed",
        count(rep.duplicates_removed),
        help="The same person twice: the same profile URL and the same name (without a "
        "usable URL: every field the same). Rows without a name are never merged.",
    )
    q3.metric("Unreadable dates", count(rep.unparseable_dates))
    q1.metric("Blank job titles", count(rep.blank_positions))
    q2.metric("Email addresses shared", count(rep.emails))
    q3.metric("Profile URLs", "yes" if rep.has_url_column else "no (pre-2023 export)")
    if rep.duplicates and st.toggle(
        f"Show the {count(rep.duplicates_removed)} duplicate rows removed", key="show_duplicates"
    ):
        st.dataframe(duplicates_table(rep), hide_index=True, width="stretch")
    st.text("\n".join(facts(rep)))
    st.caption(f"Engagement source: {md_escape(net.engagement_source)}.")


def duplicates_table(rep: LoadReport) -> pd.DataFrame:
    """The rows left out as repeats, formula-safe for display."""
    table = pd.DataFrame(
        [(d.name, d.company, d.position, d.url) for d in rep.duplicates],
        columns=["Name", "Company", "Position", "Profile URL"],
    )
    return safe_for_display(table)


def facts(rep: LoadReport) -> list[str]:
    """How the file was read, as plain lines (shown with st.text: file names are user text)."""
    out = [
        f"Files used: {', '.join(rep.files_used)}",
        f"Encoding: {rep.encoding}, {rep.delimiter}-separated, "
        f"{rep.preamble_lines} line(s) above the header skipped",
    ]
    if rep.over_cap:
        out.append(f"Left out beyond LinkedIn's cap: {count(rep.over_cap)} oldest connections")
    if rep.rows_malformed:
        out.append(f"Rows with the wrong number of fields, skipped: {count(rep.rows_malformed)}")
    if rep.messages_read:
        out.append(
            f"Messages: {count(rep.messages_read)} read, {count(rep.messages_skipped)} "
            f"drafts/spam skipped, {count(rep.connections_in_messages)} connections "
            f"matched by {rep.messages_matched_by}"
        )
    if rep.invitations_matched is not None:
        out.append(
            f"Invitations: direction known for {count(rep.invitations_matched)} "
            "connections (LinkedIn keeps only the last months)"
        )
    return out
