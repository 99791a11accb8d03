"""The normalised connection table every module reads: one home for column names and constants.

`core.loader.load_export(...).df` (also `load_connections`) is a DataFrame with a RangeIndex
(0..n-1: the row position is the person's id for this session) and these columns. An export
needs only a Position or a Company column; what it lacks is "" / NaT here and is listed in
`LoadReport.missing` with what that turns off.

| column            | dtype              | meaning                                                      |
|-------------------|--------------------|--------------------------------------------------------------|
| first_name        | str ("" if blank)  |                                                              |
| last_name         | str                |                                                              |
| full_name         | str                | "First Last", stripped ("" in anonymised exports)             |
| url               | str                | profile URL as exported ("" when the export has no URL)      |
| url_key           | str                | join key: lower-case, decoded, no scheme, / or ?; "" unless a |
|                   |                    | real profile (linkedin.com/in/<3+ chars>, not cut by a "?")  |
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
Text columns hold no control characters (NUL, C0/C1, bidirectional overrides are removed).
At most `CONNECTION_CAP` rows: the newest, as LinkedIn keeps.
"""

COLUMNS = [
    "first_name",
    "last_name",
    "full_name",
    "url",
    "url_key",
    "email",
    "company",
    "position",
    "headline",
    "connected_on",
    "text",
    "is_blank",
    "interactions",
    "last_interaction",
    "engaged",
    "direction",
]

#: LinkedIn caps first-degree connections at 30,000 (LinkedIn Help a551012).
CONNECTION_CAP = 30_000

#: Default engagement window: interacted within this many months before the export date.
ENGAGED_WINDOW_MONTHS = 12
