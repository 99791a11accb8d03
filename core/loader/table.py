"""Connections.csv into the connection table (`core.schema.COLUMNS`).

Real exports vary by year and by what a spreadsheet did to them (shared/formats/linkedin-export.md):
a Notes preamble or none, names or none, a URL column or none, any separator, BOMs, CRLF, cp1252,
UTF-16 with or without a BOM. The header is found by its column NAMES, never by position, and
an export needs only a Position or a Company column: anonymised `Company,Position` files still
support the ICP share, groups and the what-if.
"""

from __future__ import annotations

import csv
import io
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from core.loader.dates import parse_dates
from core.loader.errors import CONTROL_RE, EXPECTED_FILE, ExportError, quote
from core.loader.report import Duplicate
from core.loader.urls import url_keys
from core.schema import COLUMNS, CONNECTION_CAP

#: How many lines to scan for the header row (the preamble is 3 lines; re-saves add `Notes:,,` rows).
HEADER_SCAN_LINES = 60
_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab"}

# Column names we read, lower-case; the first match wins.
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "firstname", "first"),
    "last_name": ("last name", "lastname", "last"),
    "name": ("full name", "name"),
    "url": ("url", "profile url", "linkedin url", "profile"),
    "email": ("email address", "email", "e-mail"),
    "company": ("company", "company name", "organization"),
    "position": ("position", "title", "job title"),
    "headline": ("headline",),
    "connected_on": ("connected on", "connected", "connection date"),
    "u_engaged": ("engaged", "is engaged"),
    "u_last": ("last interaction", "last interaction date", "last contacted"),
    "u_count": ("interactions", "interaction count", "messages"),
}
_LOOKUP = {n: field for field, names in COLUMN_NAMES.items() for n in names}
_TEXT = ("first_name", "last_name", "url", "email", "company", "position", "headline")
_NOTES = {"notes:", "notes", "notes :"}
# C0 controls but tab, LF, CR: removed from the bytes before parsing (never inside a
# multi-byte UTF-8 character, so this is safe on UTF-8).
_C0 = bytes(range(0, 9)) + b"\x0b\x0c" + bytes(range(0x0E, 0x20)) + b"\x7f"

#: How every CSV of an export is read: all text, nothing guessed as missing or numeric, a broken
#: line skipped rather than fatal (the user still gets the rest of their network).
TEXT_CSV = dict(
    dtype="str",
    keep_default_na=False,
    na_filter=False,
    on_bad_lines="skip",
    index_col=False,
    engine="c",
)


@dataclass(frozen=True)
class Layout:
    """How the file is written: what we found before reading it."""

    encoding: str
    delimiter: str
    preamble_lines: int


@dataclass(frozen=True)
class Connections:
    """The connection table and the facts the report needs about how it was built."""

    df: pd.DataFrame
    layout: Layout
    columns: tuple[str, ...]
    user_engagement: pd.DataFrame  # the user's own engagement columns (u_*), aligned to df
    rows_read: int
    rows_malformed: int
    duplicates: tuple[Duplicate, ...]
    over_cap: int
    unparseable_dates: int


def read_connections(data: bytes) -> Connections:
    """Connections.csv (bytes) into the connection table; raises `ExportError` when unusable."""
    utf8, encoding = decode(data)
    lines_before, delim, names = find_header(utf8[:65536].decode("utf-8", errors="ignore"))
    raw, malformed = read_rows(utf8, lines_before, delim)
    cols = {field: raw.columns[i] for i, field in _fields(names).items()}
    layout = Layout(encoding, _DELIMITERS[delim], lines_before)
    return build_table(raw, cols, layout, malformed)


# --- bytes to text --------------------------------------------------------------------------


def decode(data: bytes) -> tuple[bytes, str]:
    """The file as valid UTF-8 bytes, and the encoding it came in: BOMs first, UTF-16 without a
    BOM by its NUL pattern, then UTF-8, then cp1252 (spreadsheet re-saves). NUL bytes and other
    control characters are dropped (tab and line ends stay: they are the file's structure); a
    file that is mostly control bytes is binary and refused."""
    if not data.strip():
        raise ExportError(f"The file is empty. Please upload {EXPECTED_FILE}.")
    encoding = _encoding(data)
    if encoding in ("utf-8", "utf-8-sig"):
        utf8 = data.removeprefix(b"\xef\xbb\xbf").translate(None, _C0)
        if not _is_utf8(utf8):
            encoding, utf8 = "cp1252", _recode(data, "cp1252")
    else:
        utf8 = _recode(data, encoding)
    if b"\n" not in utf8[:65536]:  # old Mac line ends
        utf8 = utf8.replace(b"\r", b"\n")
    return utf8, encoding


def decode_text(data: bytes) -> str:
    """`decode` as a str (for the small optional files)."""
    return decode(data)[0].decode("utf-8")


def _encoding(data: bytes) -> str:
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            return codec
    head = data[:400]
    if head[1::2].count(0) > len(head) // 4 and head[0::2].count(0) < 5:
        return "utf-16-le"
    if head[0::2].count(0) > len(head) // 4 and head[1::2].count(0) < 5:
        return "utf-16-be"
    sample = data[:4096]
    if len(sample.translate(None, _C0)) < len(sample) * 0.95:
        raise ExportError(
            "This is not a text file (it looks like a binary or Excel file). "
            f"Please upload {EXPECTED_FILE}."
        )
    return "utf-8"


def _is_utf8(data: bytes) -> bool:
    """Valid UTF-8? Arrow checks 3.5 MB in a fraction of a millisecond (Python's decode: 7 ms)."""
    try:
        pa.array([data], pa.large_binary()).cast(pa.large_string())
    except pa.ArrowInvalid:
        return False
    return True


def _recode(data: bytes, encoding: str) -> bytes:
    text = data.decode(encoding, errors="replace").removeprefix("\ufeff")
    return text.encode("utf-8", errors="replace").translate(None, _C0)


# --- finding the header ---------------------------------------------------------------------


def find_header(text: str) -> tuple[int, str, list[str]]:
    """(lines before the header, delimiter, header cells): the first line among the first
    `HEADER_SCAN_LINES` whose cells, split by some delimiter, name a Position or Company column
    (the delimiter naming the most known columns wins)."""
    lines = [line.rstrip("\r") for line in text[:65536].split("\n")[:HEADER_SCAN_LINES]]
    for index, line in enumerate(lines):
        best = max(
            ((len(_fields(cells)), d, cells) for d, cells in _split(line)),
            key=lambda t: t[0],
            default=(0, ",", []),
        )
        if {"company", "position"} & set(_fields(best[2]).values()):
            return index, best[1], best[2]
    for line in lines:
        for _, cells in _split(line):
            if len(_fields(cells)) >= 2:  # a header, but without Position or Company
                raise ExportError(
                    "This CSV has neither a Position nor a Company column, so there is nothing "
                    "to coach on. LinkedIn's Connections.csv has First Name, Last Name, URL, "
                    f"Company, Position, Connected On. Columns found: {quote(', '.join(cells))}."
                )
    raise ExportError(
        "This file has no header with a Position or Company column, so it does not look like "
        f"LinkedIn's Connections.csv. Please upload {EXPECTED_FILE}."
    )


def _split(line: str) -> list[tuple[str, list[str]]]:
    out = []
    for d in _DELIMITERS:
        if d in line:
            try:
                out.append((d, next(csv.reader([line], delimiter=d))))
            except (csv.Error, StopIteration):
                continue
    return out


def _fields(cells: list[str]) -> dict[int, str]:
    """Which known field each header cell is ({cell index: field}); of repeats the first wins."""
    found: dict[int, str] = {}
    for i, cell in enumerate(cells):
        field = _LOOKUP.get(cell.strip().strip('"').strip().lower())
        if field and field not in found.values():
            found[i] = field
    return found


# --- reading the rows -----------------------------------------------------------------------


def read_rows(utf8: bytes, lines_before: int, delim: str) -> tuple[pd.DataFrame, int]:
    """Every column under the header as trimmed strings (columns named c0, c1, ...), and how
    many rows had the wrong number of fields and were skipped."""
    body = utf8.split(b"\n", lines_before)[-1] if lines_before else utf8
    header = body.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8")
    names = [f"c{i}" for i in range(len(next(csv.reader([header], delimiter=delim))))]
    skipped = []
    try:
        table = pacsv.read_csv(
            io.BytesIO(body),
            # One block: splitting a file whose values may hold newlines costs more than the
            # parallel parse gains on 2 cores.
            read_options=pacsv.ReadOptions(
                column_names=names,
                skip_rows=1,
                block_size=max(len(body), 1 << 20) + 1,
                use_threads=False,  # one block: a thread hand-off only adds waiting
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=delim,
                newlines_in_values=True,
                invalid_row_handler=lambda row: skipped.append(1) or "skip",
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.large_string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
        frame = pd.DataFrame({n: pd.Series(table[n], dtype="str") for n in names})
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError):
        frame, skipped = _read_rows_pandas(body, delim, names), []
    if _may_hold_controls(body, delim, len(frame) + len(skipped)):
        frame = frame.apply(_clean)
    return frame.apply(lambda s: s.str.strip()), len(skipped)


def _may_hold_controls(body: bytes, delim: str, rows: int) -> bool:
    """Whether any value may hold a line break, a tab, a C1 control or a bidirectional override
    (other C0 controls are gone already). A cheap look at the bytes, so the per-column clean-up
    runs only on the rare file that needs it."""
    # The header and `rows` rows are separated by `rows` line ends; more means a line end
    # inside a quoted value (or a blank line: then the clean-up runs for nothing).
    if (delim != "\t" and b"\t" in body) or body.rstrip(b"\r\n").count(b"\n") > rows:
        return True
    if b"\r" in body and body.count(b"\r") != body.count(b"\n"):
        return True
    a = np.frombuffer(body, dtype=np.uint8)
    after_c2 = a[np.flatnonzero(a[:-1] == 0xC2) + 1]  # U+0080..U+009F are C2 80..C2 9F
    if (after_c2 < 0xA0).any():
        return True
    e2 = np.flatnonzero(a[:-2] == 0xE2)  # U+202A..U+202E, U+2066..U+2069 are E2 80/81 xx
    second, third = a[e2 + 1], a[e2 + 2]
    return bool(
        (
            ((second == 0x80) & (third >= 0xAA) & (third <= 0xAE))
            | ((second == 0x81) & (third >= 0xA6) & (third <= 0xA9))
        ).any()
    )


def _read_rows_pandas(body: bytes, delim: str, names: list[str]) -> pd.DataFrame:
    """pandas' C parser, for the rare file Arrow refuses (a stray quote, say)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            return pd.read_csv(
                io.BytesIO(body),
                encoding="utf-8",
                sep=delim,
                **TEXT_CSV,
                header=0,
                names=names,
            )
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, UnicodeError) as exc:
        raise ExportError(
            "The file could not be read as a table. "
            f"Please upload {EXPECTED_FILE}, straight from LinkedIn if you can."
        ) from exc


# --- the table ------------------------------------------------------------------------------


def build_table(
    raw: pd.DataFrame, cols: dict[str, str], layout: Layout, malformed: int = 0
) -> Connections:
    """The connection table from the raw string columns: clean text, drop empty and Notes rows,
    parse dates, key URLs, leave out the same person twice and rows beyond LinkedIn's cap."""
    blank = pd.Series("", index=raw.index, dtype="str")
    f = pd.DataFrame({t: raw[cols[t]] if t in cols else blank for t in _TEXT})
    if "first_name" not in cols and "name" in cols:  # one "Name" column from another tool
        f["first_name"] = raw[cols["name"]]
    dates_text = raw[cols["connected_on"]] if "connected_on" in cols else blank
    user = raw[[cols[c] for c in ("u_engaged", "u_last", "u_count") if c in cols]]
    user.columns = [c for c in ("u_engaged", "u_last", "u_count") if c in cols]

    keep = _is_row(f, dates_text)
    if not keep.all():
        f, dates_text, user = f[keep], dates_text[keep], user[keep]
    rows_read = len(raw)

    connected, bad_dates = parse_dates(dates_text)
    f = f.assign(
        full_name=(f["first_name"] + " " + f["last_name"]).str.strip(),
        url_key=url_keys(f["url"]),
        connected_on=connected,
        is_blank=_all_empty(f, ("first_name", "last_name", "position", "company", "headline")),
    )
    dup = duplicated(f)
    duplicates = tuple(
        Duplicate(r.full_name, r.company, r.position, r.url) for r in f[dup].itertuples()
    )
    newest = _newest(f.loc[~dup, "connected_on"], CONNECTION_CAP)
    over_cap = int((~newest).sum())
    kept = ~dup & newest.reindex(f.index, fill_value=False)
    if not kept.all():
        f, user = f[kept], user[kept]
    if f.empty:
        raise ExportError(
            "This Connections.csv has a header but no connections in it. "
            "If you just requested your export, LinkedIn may still be preparing the full file."
        )

    f["text"] = _role_text(f, has_headline="headline" in cols)
    df = _with_engagement_columns(f).reset_index(drop=True)
    return Connections(
        df=df[COLUMNS],
        layout=layout,
        columns=_present(cols),
        user_engagement=user.reset_index(drop=True),
        rows_read=rows_read,
        rows_malformed=malformed,
        duplicates=duplicates,
        over_cap=over_cap,
        unparseable_dates=bad_dates,
    )


def _clean(s: pd.Series) -> pd.Series:
    """Text without control characters: line breaks and tabs become a space, the rest go."""
    if s.str.contains(CONTROL_RE, regex=True).any():
        s = s.str.replace(r"[\t\r\n]+", " ", regex=True).str.replace(CONTROL_RE, "", regex=True)
    return s.str.strip().astype("str")


def _all_empty(f: pd.DataFrame, columns: tuple[str, ...]) -> np.ndarray:
    return np.logical_and.reduce([(f[c] == "").to_numpy() for c in columns])


def _is_row(f: pd.DataFrame, dates: pd.Series) -> pd.Series:
    """Not a connection: entirely empty lines (`,,,,` after a re-save) and a `Notes:` row left
    below a re-saved header (one cell saying "Notes:", nothing else)."""
    filled = sum((f[c] != "").to_numpy() for c in f) + (dates != "").to_numpy()
    one = f[filled == 1]
    notes = one.apply(lambda s: s.str.lower().isin(_NOTES)).any(axis=1)
    return (filled > 0) & ~notes.reindex(f.index, fill_value=False)


def duplicated(f: pd.DataFrame) -> pd.Series:
    """True for a row that repeats an earlier row's person: the same real profile key AND the
    same name. A row without a trusted key repeats a person only when it has a name and every
    field agrees (no URL column, or a key cut short by a re-save). Rows without a name
    (anonymised exports, hidden accounts) are never duplicates: nothing says it is one person."""
    has_key = f["url_key"] != ""
    named = f["full_name"] != ""
    keyed = has_key & named
    if f.loc[keyed, "url_key"].duplicated().any():  # else no key repeats: nothing to pair
        # Names hold no line break, so the pair splits one way only.
        person = f["url_key"] + "\n" + f["full_name"].str.lower()
        by_key = person[keyed].duplicated()
    else:
        by_key = pd.Series(False, index=f.index[keyed])
    fields = ["first_name", "last_name", "company", "position", "email", "url", "connected_on"]
    by_all = f.loc[~has_key & named, fields].duplicated()
    dup = pd.Series(False, index=f.index)
    dup[by_key.index] = by_key
    dup[by_all.index] = by_all
    return dup


def _newest(dates: pd.Series, cap: int) -> pd.Series:
    """The rows to keep under LinkedIn's cap: the `cap` newest by Connected On (undated rows
    count as oldest; ties keep file order, which is newest first)."""
    if len(dates) <= cap:
        return pd.Series(True, index=dates.index)
    return dates.rank(method="first", ascending=False, na_option="bottom") <= cap


def _role_text(f: pd.DataFrame, has_headline: bool) -> pd.Series:
    """What scoring and clustering read: the headline if the file has one, else the position,
    with the company as context ("VP Sales @ Acme")."""
    role = (
        f["position"].where(f["headline"] == "", f["headline"]) if has_headline else f["position"]
    )
    with_company = (role + " @ " + f["company"]).where(f["company"] != "", role)
    return with_company.where(role != "", f["company"]).astype("str")


def _with_engagement_columns(f: pd.DataFrame) -> pd.DataFrame:
    """Engagement unknown until messages or the user's columns say otherwise."""
    n = len(f)
    return f.assign(
        interactions=np.full(n, np.nan),
        last_interaction=pd.Series(pd.NaT, index=f.index, dtype="datetime64[ns]"),
        engaged=pd.arrays.BooleanArray(np.zeros(n, bool), np.ones(n, bool)),
        direction=pd.Series("", index=f.index, dtype="str"),
    )


def _present(cols: dict[str, str]) -> tuple[str, ...]:
    """The fields the report talks about, in words the Data quality panel uses."""
    out = []
    if {"first_name", "last_name", "name"} & cols.keys():
        out.append("names")
    out += [
        c for c in ("url", "email", "company", "position", "headline", "connected_on") if c in cols
    ]
    return tuple(out)
