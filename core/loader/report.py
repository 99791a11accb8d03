"""What a load found, as plain typed values: `LoadReport` (for the Data quality panel) and
`Network` (the table plus that report)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from core.schema import ENGAGED_WINDOW_MONTHS

#: What each column the coaching reads turns off when an export lacks it (said on the panel).
MISSING_COLUMN_EFFECTS: dict[str, str] = {
    "names": "the checklist lists people by title and company, and people search finds no names",
    "url": "duplicates are matched by name, company, title and date instead of profile URL, "
    "and messages are matched by name",
    "connected_on": "no growth chart and no 'added in the last 12 months'",
    "position": "groups and ICP fit read the company only",
    "company": "the ICP's company rules and the top-companies chart have nothing to read",
}


@dataclass(frozen=True)
class Duplicate:
    """A row left out because an earlier row is the same person."""

    name: str
    company: str
    position: str
    url: str


@dataclass(frozen=True)
class LoadReport:
    """How an export was read: counts, choices made, and warnings in plain words.

    Frozen: it describes one load and never changes; the Data quality panel only reads it.
    """

    files_used: tuple[str, ...] = ()
    encoding: str = "utf-8"
    delimiter: str = "comma"
    preamble_lines: int = 0
    columns: tuple[str, ...] = ()  # the fields found, e.g. ("names", "url", "company")
    rows_read: int = 0  # data rows in the file (before anything is dropped)
    rows_malformed: int = 0  # rows with the wrong number of fields, skipped
    connections: int = 0  # rows in the table (ghosts included)
    ghost_rows: int = 0
    duplicates: tuple[Duplicate, ...] = ()  # rows left out as the same person twice
    over_cap: int = 0  # older rows left out beyond LinkedIn's cap
    unparseable_dates: int = 0
    blank_positions: int = 0
    emails: int = 0
    first_connected: pd.Timestamp | None = None
    last_connected: pd.Timestamp | None = None
    export_date: pd.Timestamp | None = None
    engagement_source: str = "none"  # "none", "user columns" or "messages"
    engaged_window_months: int = ENGAGED_WINDOW_MONTHS
    engagement_coverage: int = 0  # real rows whose engagement is known
    messages_read: int = 0
    messages_skipped: int = 0  # drafts and spam
    connections_in_messages: int = 0
    messages_matched_by: str = ""  # "profile URL", "name" or ""
    invitations_matched: int | None = None  # None: no usable Invitations.csv
    warnings: tuple[str, ...] = ()

    @property
    def duplicates_removed(self) -> int:
        return len(self.duplicates)

    @property
    def has_url_column(self) -> bool:
        return "url" in self.columns

    @property
    def missing(self) -> dict[str, str]:
        """Each column the coaching reads that this export lacks, with what that turns off."""
        return {c: effect for c, effect in MISSING_COLUMN_EFFECTS.items() if c not in self.columns}


@dataclass
class Network:
    """One loaded network: the connection table plus how it was loaded."""

    df: pd.DataFrame
    report: LoadReport = field(default_factory=LoadReport)
    profile: dict[str, str] = field(default_factory=dict)
    source_label: str = ""
    fingerprint: str = ""
    is_demo: bool = False

    @property
    def engagement_source(self) -> str:
        return self.report.engagement_source

    @property
    def engagement_known(self) -> bool:
        return self.report.engagement_source != "none"
