"""Who the user talks to, from the optional files of the export.

Engagement comes from, in order: engagement columns the user added to their CSV, the archive's
messages.csv, else nothing (then the app says "unknown" rather than guess). Invitations.csv says
who reached out to whom; Profile.csv holds the user's own headline (a seed for the ICP wizard).
A broken optional file never spoils the export: it is skipped with a warning saying why.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.loader.archive import Member
from core.loader.dates import parse_dates
from core.loader.errors import ExportError, quote
from core.loader.table import TEXT_CSV, decode_text
from core.loader.urls import normalise_urls, url_keys

_TRUE = {"yes", "y", "true", "1", "x", "engaged", "ja", "oui", "sí", "si"}


@dataclass(frozen=True)
class Messages:
    """messages.csv matched to the connection table."""

    interactions: np.ndarray  # float per row: messages exchanged (NaN for ghost rows)
    last: np.ndarray  # datetime64[ns] per row: the latest message (NaT if none)
    newest: pd.Timestamp | None  # the newest message in the file (the export's date)
    read: int
    skipped: int  # drafts and spam
    matched: int  # connections that appear in messages
    by: str  # "profile URL" or "name"


@dataclass(frozen=True)
class Engagement:
    """What the optional files said, for the load report."""

    source: str = "none"  # "none", "user columns" or "messages"
    messages: Messages | None = None
    invitations_matched: int | None = None
    export_date: pd.Timestamp | None = None
    warnings: tuple[str, ...] = ()


def measure(
    df: pd.DataFrame, user: pd.DataFrame, files: Mapping[str, Member], window_months: int
) -> tuple[pd.DataFrame, Engagement]:
    """The table with engagement and invitation direction filled in from the user's own columns
    (`user`), messages.csv and Invitations.csv, and what they said. A broken optional file is a
    warning: the connections load without it."""
    notes: list[str] = []
    given = user_columns(df, user) or {}
    df = df.assign(**given)
    source = "user columns" if given else "none"
    messages = _optional(
        files,
        "messages",
        lambda m: match_messages(df, m.data, m.name),
        notes,
        "Your connections were loaded without engagement from messages.",
    )
    if messages is not None and source == "none":
        df = df.assign(interactions=messages.interactions, last_interaction=messages.last)
        source = "messages"
    direction = _optional(
        files,
        "invitations",
        lambda m: match_invitations(df, m.data, m.name),
        notes,
        "Who invited whom is unknown.",
    )
    if direction is not None:
        df = df.assign(direction=direction)
    export_date = _export_date(df, messages.newest if messages else None)
    if source == "messages" or (source == "user columns" and "engaged" not in given):
        df = df.assign(engaged=derive_engaged(df, export_date, window_months))
    invited = int((direction != "").sum()) if direction is not None else None
    return df, Engagement(source, messages, invited, export_date, tuple(notes))


def _optional(files: Mapping[str, Member], key: str, read, notes: list[str], without: str):
    """`read(member)` for an optional file, or None (with a warning saying why) when it is
    missing or unusable."""
    if key not in files:
        return None
    try:
        return read(files[key])
    except ExportError as exc:
        notes.append(f"{exc} {without}")
        return None


def _export_date(df: pd.DataFrame, newest_message: pd.Timestamp | None) -> pd.Timestamp | None:
    """The export's date: its newest connection or message (not today's date)."""
    dates = [d for d in (df["connected_on"].max(), newest_message) if d is not None and pd.notna(d)]
    return max(dates) if dates else None


def read_table(data: bytes, label: str) -> pd.DataFrame:
    """A secondary export file as strings, columns lower-cased and trimmed (of two columns that
    fold to one name, the first wins). Raises ExportError saying why it is unreadable."""
    try:
        text = decode_text(data)
    except ExportError as exc:
        raise ExportError(f"{quote(label)} is empty or not a text file.") from exc
    first = text[:4096].split("\n", 1)[0]
    delim = max((",", ";", "\t"), key=first.count)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            t = pd.read_csv(
                io.StringIO(text),
                sep=delim,
                **TEXT_CSV,
            )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, UnicodeError) as exc:
        raise ExportError(f"{quote(label)} could not be read as a table.") from exc
    t.columns = [str(c).strip().lower() for c in t.columns]
    return t.loc[:, ~t.columns.duplicated()].astype("str")


def _col(t: pd.DataFrame, *names: str) -> str | None:
    return next((n for n in names if n in t.columns), None)


def match_messages(df: pd.DataFrame, data: bytes, label: str = "messages.csv") -> Messages:
    """Count each connection's messages and find the latest; drafts and spam skipped. Raises
    ExportError (the caller turns it into a warning) when the file says nothing usable."""
    t = read_table(data, label)
    date_col = _col(t, "date")
    if date_col is None:
        raise ExportError(f"{quote(label)} has no DATE column.")
    keep = _not_draft_or_spam(t)
    t = t[keep]
    dates, _ = parse_dates(t[date_col].str.replace(" UTC", "", regex=False), keep_time=True)
    who, by = _participants(t, dates, by_url=(df["url_key"] != "").any())
    if who is None:
        raise ExportError(f"{quote(label)} names no sender or recipient.")
    key = _name_key(df) if by == "name" else df["url_key"]
    who = _without_owner(who, set(key) - {""})
    if who.empty:
        raise ExportError(
            f"{quote(label)} holds only your own messages (no one else takes part), "
            "so it says nothing about who you talk to."
        )
    who = who[who["key"] != ""]
    if who.empty:
        raise ExportError(
            f"The people in {quote(label)} have no usable profile address (cut short by a "
            "spreadsheet re-save?), so they cannot be matched to your connections."
        )
    agg = who.groupby("key").agg(n=("date", "size"), last=("date", "max"))
    counts = key.map(agg["n"]).where(key != "")
    real = ~df["is_blank"]
    newest = dates.max()
    return Messages(
        interactions=counts.fillna(0).astype(float).where(real, np.nan).to_numpy(),
        last=key.map(agg["last"]).where(key != "").astype("datetime64[ns]").to_numpy(),
        newest=newest if pd.notna(newest) else None,
        read=len(t),
        skipped=int((~keep).sum()),
        matched=int((counts.fillna(0) > 0).sum()),
        by="name" if by == "name" else "profile URL",
    )


def _not_draft_or_spam(t: pd.DataFrame) -> pd.Series:
    keep = pd.Series(True, index=t.index)
    folder = _col(t, "folder")
    if folder:
        keep &= t[folder].str.strip().str.upper() != "SPAM"
    for draft in ("is message draft", "is conversation draft"):
        if draft in t.columns:
            keep &= ~t[draft].str.strip().str.lower().isin({"true", "yes", "1"})
    return keep


def _participants(
    t: pd.DataFrame, dates: pd.Series, by_url: bool
) -> tuple[pd.DataFrame | None, str]:
    """(who, key, date), one row per participant of each message: by profile URL since 2021
    when the connections have URLs, else by name (the 2018 format; 2021-2023 connections
    without a URL column)."""
    sender, recips = _col(t, "sender profile url"), _col(t, "recipient profile urls")
    if sender and by_url:
        parts = [pd.DataFrame({"who": t[sender], "date": dates})]
        if recips:
            parts.append(
                pd.DataFrame({"who": t[recips].str.split(","), "date": dates}).explode("who")
            )
        m = pd.concat(parts, ignore_index=True)
        raw = m["who"].fillna("").astype("str")
        return m.assign(who=normalise_urls(raw), key=url_keys(raw)), "url"
    frm, to = _col(t, "from"), _col(t, "to")
    if not frm:
        return None, ""
    parts = [pd.DataFrame({"who": t[frm], "date": dates})]
    if to:
        parts.append(pd.DataFrame({"who": t[to], "date": dates}))
    m = pd.concat(parts, ignore_index=True)
    names = m["who"].fillna("").astype("str").str.strip().str.casefold()
    return m.assign(who=names, key=names), "name"


def _without_owner(m: pd.DataFrame, connections: set[str]) -> pd.DataFrame:
    """The other participants (their join key may be "": no real profile). The owner takes
    part in every conversation: the most frequent participant is them (found on the plain URL,
    whatever its shape). With one correspondent two are equally frequent: the owner is the one
    with a real profile who is not among their own connections."""
    m = m[m["who"] != ""]
    if not m.empty:
        counts = m.groupby("who")["key"].agg(["size", "first"])
        top = counts[counts["size"] == counts["size"].max()]
        strangers = top[~top["first"].isin(connections) & (top["first"] != "")]
        owner = (strangers if len(strangers) else top).index[0]
        m = m[m["who"] != owner]
    return m


def _name_key(df: pd.DataFrame) -> pd.Series:
    """Names as join keys; a name two connections share cannot be attributed, so it is none."""
    key = df["full_name"].str.casefold()
    return key.where(~key.duplicated(keep=False), "")


def match_invitations(df: pd.DataFrame, data: bytes, label: str = "Invitations.csv") -> pd.Series:
    """ "inbound" / "outbound" / "" per connection, from who sent the invitation."""
    t = read_table(data, label)
    if "direction" not in t.columns:
        raise ExportError(f"{quote(label)} has no Direction column.")
    direction = t["direction"].str.strip().str.upper()
    inviter, invitee = _col(t, "inviterprofileurl"), _col(t, "inviteeprofileurl")
    if inviter and invitee and (df["url_key"] != "").any():
        other = url_keys(t[inviter].where(direction == "INCOMING", t[invitee]))
        key = df["url_key"]
    else:
        frm, to = _col(t, "from"), _col(t, "to")
        if not (frm and to):
            raise ExportError(f"{quote(label)} names neither profiles nor people.")
        other = t[frm].where(direction == "INCOMING", t[to]).str.strip().str.casefold()
        key = _name_key(df)
    label_of = direction.map({"INCOMING": "inbound", "OUTGOING": "outbound"}).fillna("")
    lookup = pd.Series(label_of.to_numpy(), index=other.to_numpy())
    lookup = lookup[(lookup.index != "") & ~lookup.index.duplicated(keep="last")]
    found = pd.Series(key.map(lookup), dtype="str")  # all-missing maps to float: cast first
    return found.where(key != "").fillna("").astype("str")


def read_profile(data: bytes) -> dict[str, str]:
    """The user's own name, headline, industry and summary (never address or birth date: not
    needed). An unreadable Profile.csv gives {}."""
    try:
        t = read_table(data, "Profile.csv")
    except ExportError:
        return {}
    if t.empty:
        return {}
    row = t.iloc[0]
    out = {}
    for key in ("first name", "last name", "headline", "industry", "summary"):
        if key in t.columns and str(row[key]).strip():
            out[key.replace(" ", "_")] = str(row[key]).strip()[:2000]
    return out


def user_columns(df: pd.DataFrame, user: pd.DataFrame) -> dict[str, object] | None:
    """Engagement columns the user added to their CSV (Engaged, Last Interaction, Interactions),
    as table columns to assign, or None when they say nothing."""
    out: dict[str, object] = {}
    if "u_count" in user:
        counts = pd.to_numeric(user["u_count"].str.strip(), errors="coerce")
        if counts.notna().any():
            out["interactions"] = counts.to_numpy(dtype=float)
    if "u_last" in user:
        last, _ = parse_dates(user["u_last"])
        if last.notna().any():
            out["last_interaction"] = last.to_numpy()
    if "u_engaged" in user:
        flag = user["u_engaged"].str.strip().str.lower()
        given = flag != ""
        if given.any():
            eng = pd.Series(pd.NA, index=flag.index, dtype="boolean")
            eng[given] = flag[given].isin(_TRUE)
            out["engaged"] = eng.where(~df["is_blank"].to_numpy(), pd.NA).array
    return out or None


def derive_engaged(df: pd.DataFrame, export_date: pd.Timestamp | None, months: int) -> pd.Series:
    """engaged = interacted within `months` before the export date (not today: results must not
    drift with the calendar); NA where unknown and for ghost rows."""
    if export_date is None or pd.isna(export_date):
        export_date = df["last_interaction"].max()
    engaged = pd.Series(pd.NA, index=df.index, dtype="boolean")
    known = df["last_interaction"].notna() | df["interactions"].notna()
    if pd.notna(export_date):
        recent = df["last_interaction"] >= export_date - pd.DateOffset(months=months)
        engaged[known] = recent[known]
    engaged[df["is_blank"]] = pd.NA
    return engaged
