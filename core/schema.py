"""The normalised connection table every module reads: one home for column names and constants.

`load_connections` returns a DataFrame with a RangeIndex (0..n-1: the row position is the
person's id for this session) and these columns:

| column            | dtype              | meaning                                                      |
|-------------------|--------------------|--------------------------------------------------------------|
| first_name        | str ("" if blank)  |                                                              |
| last_name         | str                |                                                              |
| full_name         | str                | "First Last", stripped                                       |
| url               | str                | profile URL as exported ("" when the export has no URL)      |
| url_key           | str                | normalised URL for joins (lower-case, decoded, no / or ?)    |
| email             | str                |                                                              |
| company           | str                |                                                              |
| position          | str                | current job title                                            |
| headline          | str                | from a user-supplied Headline column, else ""                |
| connected_on      | datetime64[ns]     | NaT when missing or unparseable                              |
| text              | str                | what scoring/clustering read: headline or position (+ " @ company") |
| is_blank          | bool               | a "ghost" row: no name and no position/company               |
| interactions      | float              | message count (NaN when engagement unknown)                  |
| last_interaction  | datetime64[ns]     | NaT when none/unknown                                        |
| engaged           | "boolean" (nullable)| NA when engagement is unknown                               |
| direction         | str                | "inbound" / "outbound" / "" (from Invitations.csv)           |

Ghost rows count in totals but are never scored, clustered or put in a removal plan.
"""

COLUMNS = [
    "first_name", "last_name", "full_name", "url", "url_key", "email", "company", "position",
    "headline", "connected_on", "text", "is_blank", "interactions", "last_interaction", "engaged",
    "direction",
]

#: LinkedIn caps first-degree connections at 30,000 (LinkedIn Help a551012).
CONNECTION_CAP = 30_000

#: Default engagement window: interacted within this many months before the export date.
ENGAGED_WINDOW_MONTHS = 12
