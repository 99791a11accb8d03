"""Loading a LinkedIn data export into the connection table (`core.schema.COLUMNS`).

`load_export` reads as the pipeline it is: get the files (archive), read Connections.csv into the
table (table, with dates and urls), add engagement from the optional files (engagement), and say
what happened in a frozen `LoadReport`. Every failure a user can cause is an `ExportError`
phrased for them; a broken optional file is a warning, never a failed upload.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

import pandas as pd

from core.loader import engagement
from core.loader.archive import (
    MAX_CSV_BYTES,
    MAX_MEMBER_BYTES,
    MAX_RATIO,
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_BYTES,
    Bundle,
    gather,
    read_source,
    unpack,
)
from core.loader.dates import parse_dates
from core.loader.errors import EXPECTED_FILE, QUOTE_LIMIT, ExportError, quote
from core.loader.report import MISSING_COLUMN_EFFECTS, Duplicate, LoadReport, Network
from core.loader.table import Connections, read_connections
from core.loader.urls import normalise_url, normalise_urls, url_keys
from core.schema import CONNECTION_CAP, ENGAGED_WINDOW_MONTHS

__all__ = [
    "CONNECTION_CAP",
    "EXPECTED_FILE",
    "MAX_CSV_BYTES",
    "MAX_MEMBER_BYTES",
    "MAX_RATIO",
    "MAX_UNZIPPED_BYTES",
    "MAX_ZIP_BYTES",
    "MISSING_COLUMN_EFFECTS",
    "QUOTE_LIMIT",
    "Duplicate",
    "ExportError",
    "LoadReport",
    "Network",
    "load_connections",
    "load_export",
    "load_files",
    "normalise_url",
    "normalise_urls",
    "parse_dates",
    "quote",
    "url_keys",
]


def load_connections(source: Any, name: str | None = None) -> pd.DataFrame:
    """Just the connection table of `load_export`."""
    return load_export(source, name=name).df


def load_export(
    source: Any,
    name: str | None = None,
    *,
    engaged_window_months: int = ENGAGED_WINDOW_MONTHS,
    is_demo: bool = False,
) -> Network:
    """Load a Connections.csv or a whole export zip (a path, bytes, or a binary file object).

    `engaged` means an interaction within `engaged_window_months` before the export's newest
    date. Raises `ExportError` for anything that is not a usable export.
    """
    data, name = read_source(source, name)
    return _load(
        unpack(data, name), name or "upload", _fingerprint([data]), engaged_window_months, is_demo
    )


def load_files(
    files: Sequence[tuple[str, bytes]], *, engaged_window_months: int = ENGAGED_WINDOW_MONTHS
) -> Network:
    """Several files chosen together, as (name, bytes): Connections.csv with messages.csv,
    Invitations.csv and Profile.csv loads like the zip (a macOS user's export is often
    unzipped already)."""
    bundle = gather(files)
    return _load(
        bundle, bundle.label, _fingerprint([d for _, d in files]), engaged_window_months, False
    )


def _fingerprint(blobs: list[bytes]) -> str:
    # Keys this session's cache of derived results (never shared between sessions): a checksum
    # and the length suffice there; a cryptographic hash costs ~2 ms at 30k rows for no benefit.
    crc = 0
    for b in blobs:
        crc = zlib.crc32(b, crc)
    return f"{crc:08x}{sum(len(b) for b in blobs):x}"


def _load(bundle: Bundle, label: str, fingerprint: str, window: int, is_demo: bool) -> Network:
    table = read_connections(bundle.connections.data)
    df, found = engagement.measure(table.df, table.user_engagement, bundle.files, window)
    profile = (
        engagement.read_profile(bundle.files["profile"].data) if "profile" in bundle.files else {}
    )
    warnings = (*bundle.warnings, *_table_warnings(table), *found.warnings)
    return Network(
        df=df,
        report=_report(table, df, found, bundle, warnings, window),
        profile=profile,
        source_label=label,
        fingerprint=fingerprint,
        is_demo=is_demo,
    )


def _table_warnings(t: Connections) -> list[str]:
    out = []
    if t.over_cap:
        out.append(
            f"This file has {t.over_cap + len(t.df):,} connections; LinkedIn caps a "
            f"network at {CONNECTION_CAP:,}, so the newest {CONNECTION_CAP:,} are analysed "
            f"and the {t.over_cap:,} oldest are left out."
        )
    if t.rows_malformed:
        out.append(
            f"{t.rows_malformed:,} row(s) had the wrong number of fields (a line cut or "
            "joined by an editor) and were skipped."
        )
    return out


def _report(
    t: Connections,
    df: pd.DataFrame,
    found: engagement.Engagement,
    bundle: Bundle,
    warnings: tuple[str, ...],
    window: int,
) -> LoadReport:
    real = ~df["is_blank"]
    first, last = df["connected_on"].min(), df["connected_on"].max()
    m = found.messages
    return LoadReport(
        files_used=tuple(member.name for member in bundle.files.values()),
        encoding=t.layout.encoding,
        delimiter=t.layout.delimiter,
        preamble_lines=t.layout.preamble_lines,
        columns=t.columns,
        rows_read=t.rows_read,
        rows_malformed=t.rows_malformed,
        connections=len(df),
        ghost_rows=int(df["is_blank"].sum()),
        duplicates=t.duplicates,
        over_cap=t.over_cap,
        unparseable_dates=t.unparseable_dates,
        blank_positions=int(((df["position"] == "") & real).sum()),
        emails=int((df["email"] != "").sum()),
        first_connected=first if pd.notna(first) else None,
        last_connected=last if pd.notna(last) else None,
        export_date=found.export_date,
        engagement_source=found.source,
        engaged_window_months=window,
        engagement_coverage=int(df.loc[real, "engaged"].notna().sum())
        if found.source != "none"
        else 0,
        messages_read=m.read if m else 0,
        messages_skipped=m.skipped if m else 0,
        connections_in_messages=m.matched if m else 0,
        messages_matched_by=m.by if m else "",
        invitations_matched=found.invitations_matched,
        warnings=warnings,
    )
