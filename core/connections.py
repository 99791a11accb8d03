"""Loading a LinkedIn data export into the normalised connection table.

Real exports vary by year and by what a spreadsheet did to them (see the formats file in
shared/formats/linkedin-export.md): a Notes preamble or none, a URL column or none, four date
formats, BOMs, CRLF, cp1252, `;` delimiters, UTF-16. Everything here is found by name and by
sniffing, never by position, and every failure a user can cause is an `ExportError` whose message
a non-technical person understands.

Entry points: `load_connections(source)` (the table) and `load_export(source)` (the table plus
diagnostics, the user's own profile and where engagement came from).
"""

from __future__ import annotations

import csv
import io
import os
import re
import warnings
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO, Any
from urllib.parse import unquote

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from core.schema import COLUMNS, ENGAGED_WINDOW_MONTHS

# --- limits ---------------------------------------------------------------------------------

#: A CSV larger than this is not a LinkedIn export (the largest real Connections.csv seen is ~1 MB;
#: 100k rows are ~12 MB). Bounds memory before anything is parsed.
MAX_CSV_BYTES = 40 * 1024 * 1024
#: A whole export zip is a few MB; a much larger upload is refused before it is read.
MAX_ZIP_BYTES = 200 * 1024 * 1024
#: Sum of the uncompressed sizes an archive may declare (zip-bomb guard).
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
#: Files we read out of an archive are read through a bounded stream: declared sizes can lie.
MAX_MEMBER_BYTES = MAX_CSV_BYTES
#: Expansion ratio above which an archive entry is treated as a bomb (text compresses ~5-15x).
MAX_RATIO = 200
#: How many lines to scan for the header row (the preamble is 3 lines; re-saves add `Notes:,,` rows).
HEADER_SCAN_LINES = 60

EXPECTED_FILE = "LinkedIn's Connections.csv, or the whole export .zip"


class ExportError(ValueError):
    """A problem with the user's file, phrased for the user."""


@dataclass
class Network:
    """One loaded network: the connection table plus what we know about how it was loaded."""

    df: pd.DataFrame
    diagnostics: dict[str, Any] = field(default_factory=dict)
    profile: dict[str, str] = field(default_factory=dict)
    source_label: str = ""
    engagement_source: str = "none"
    export_date: pd.Timestamp | None = None
    fingerprint: str = ""
    is_demo: bool = False

    @property
    def engagement_known(self) -> bool:
        return self.engagement_source != "none"


# --- public entry points --------------------------------------------------------------------

def load_connections(source: Any, name: str | None = None) -> pd.DataFrame:
    """Load a Connections.csv or a whole export zip into the connection table.

    `source` is a path, bytes, or a binary file object. Returns one row per connection with the
    columns of `core.schema.COLUMNS`. Raises `ExportError` for anything that is not a usable export.
    """
    return load_export(source, name=name).df


def load_export(
    source: Any,
    name: str | None = None,
    *,
    engaged_window_months: int = ENGAGED_WINDOW_MONTHS,
    is_demo: bool = False,
) -> Network:
    """Load an export and keep the diagnostics, the user's profile and the engagement source.

    Engagement comes from, in order: engagement columns in the user's CSV, the archive's
    messages.csv, else none. `engaged` means an interaction within `engaged_window_months`
    before the export's newest date (so results do not drift with today's date).
    """
    data, name = _read_source(source, name)
    # Keys this session's memo of derived results (never shared between sessions): a checksum
    # and the length suffice there (a cryptographic hash costs ~2 ms at 30k rows for no benefit).
    fingerprint = f"{zlib.crc32(data):08x}{len(data):x}"
    files: dict[str, bytes] = {}
    if data[:4] == b"PK\x03\x04" or (name or "").lower().endswith(".zip"):
        files = _read_archive(data)
        conn_bytes = files["connections"]
    else:
        if len(data) > MAX_CSV_BYTES:
            raise ExportError(
                f"This file is {len(data) / 1e6:.0f} MB, far larger than any LinkedIn "
                f"Connections.csv (those are a few MB at most). Please upload {EXPECTED_FILE}."
            )
        conn_bytes = data

    df, diag = _parse_connections(conn_bytes)
    profile = _parse_profile(files["profile"]) if "profile" in files else {}
    diag["files_found"] = sorted(files) if files else ["connections"]

    export_date = df["connected_on"].max()
    engagement_source = "none"
    if diag.pop("_user_engagement", False):
        engagement_source = "user columns"
    elif "messages" in files:
        msg = _parse_messages(files["messages"])
        if msg is not None:
            if msg["date"].notna().any():
                export_date = max(x for x in (export_date, msg["date"].max()) if pd.notna(x))
            _apply_messages(df, msg, diag)
            engagement_source = "messages"
    if "invitations" in files:
        _apply_invitations(df, files["invitations"], diag)

    if engagement_source != "none":
        _derive_engaged(df, export_date, engaged_window_months)
    diag["engaged_window_months"] = engaged_window_months
    real = ~df["is_blank"]
    diag["engagement_coverage"] = (
        int(df.loc[real, "engaged"].notna().sum()) if engagement_source != "none" else 0
    )

    return Network(
        df=df,  # built in COLUMNS order
        diagnostics=diag,
        profile=profile,
        source_label=name or "upload",
        engagement_source=engagement_source,
        export_date=export_date if pd.notna(export_date) else None,
        fingerprint=fingerprint,
        is_demo=is_demo,
    )


# --- reading bytes --------------------------------------------------------------------------

def _read_source(source: Any, name: str | None) -> tuple[bytes, str | None]:
    """Bytes of the upload, bounded: a path, bytes, or a file object (Streamlit's UploadedFile)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, (str, os.PathLike)):
        path = os.fspath(source)
        try:
            size = os.path.getsize(path)
            if size > MAX_ZIP_BYTES:
                raise ExportError(_too_big(size))
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise ExportError(f"Could not open the file {os.path.basename(path)!r}.") from exc
        name = name or os.path.basename(path)
    elif hasattr(source, "read"):
        data = _read_bounded(source, MAX_ZIP_BYTES)
        name = name or getattr(source, "name", None)
    else:
        raise ExportError(f"Nothing to read: please upload {EXPECTED_FILE}.")
    if len(data) > MAX_ZIP_BYTES:
        raise ExportError(_too_big(len(data)))
    if not data.strip():
        raise ExportError(f"The file is empty. Please upload {EXPECTED_FILE}.")
    return data, name


def _too_big(size: int) -> str:
    return (
        f"This file is {size / 1e6:.0f} MB. A LinkedIn export is a few MB; "
        f"please upload {EXPECTED_FILE}."
    )


def _read_bounded(fh: IO[bytes], limit: int) -> bytes:
    data = fh.read(limit + 1)
    if isinstance(data, str):  # a text-mode handle: be forgiving
        data = data.encode("utf-8")
    if len(data) > limit:
        raise ExportError(_too_big(len(data)))
    return data


# Which archive members we read, by lower-case base name.
_MEMBERS = {
    "connections.csv": "connections",
    "messages.csv": "messages",
    "invitations.csv": "invitations",
    "profile.csv": "profile",
}


def _read_archive(data: bytes) -> dict[str, bytes]:
    """The members we use out of an export zip, refusing bombs without inflating them whole."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ExportError(
            f"This looks like a zip archive but it could not be opened (it may be damaged or "
            f"incomplete). Please download the export again and upload {EXPECTED_FILE}."
        ) from exc
    declared = sum(max(i.file_size, 0) for i in infos)
    if declared > MAX_UNZIPPED_BYTES:
        raise ExportError(
            f"This archive would expand to {declared / 1e9:.1f} GB, which no LinkedIn export does. "
            "It was not opened. Please upload the export zip you downloaded from LinkedIn."
        )
    chosen: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.is_dir():
            continue
        base = PurePosixPath(info.filename.replace("\\", "/")).name.lower()
        if base.startswith("._"):  # macOS resource forks next to the real file
            continue
        key = _MEMBERS.get(base)
        # Prefer the shallowest copy if a file appears twice (an export zipped inside a folder).
        if key and (key not in chosen or info.filename.count("/") < chosen[key].filename.count("/")):
            chosen[key] = info
    if "connections" not in chosen:
        excel = any(i.filename.startswith("xl/") or i.filename == "[Content_Types].xml" for i in infos)
        if excel:
            raise ExportError(
                "This is an Excel workbook, not a CSV. Open it in your spreadsheet app, choose "
                "File → Save As → CSV, and upload that file (or upload LinkedIn's original export)."
            )
        raise ExportError(
            "This zip has no Connections.csv in it. Upload the export LinkedIn emailed you "
            "(Settings → Data privacy → Get a copy of your data, with Connections ticked)."
        )
    out: dict[str, bytes] = {}
    for key, info in chosen.items():
        if info.compress_size and info.file_size / max(info.compress_size, 1) > MAX_RATIO:
            raise ExportError(
                f"{info.filename!r} in this archive expands suspiciously ({info.file_size / 1e6:.0f} MB "
                "from a tiny file), so it was not opened. Please upload the export zip from LinkedIn."
            )
        try:
            with zf.open(info) as fh:
                blob = fh.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError,
                RuntimeError) as exc:
            if key != "connections":
                continue  # an optional file we cannot read does not spoil the export
            raise ExportError(
                f"Could not read {info.filename!r} from the archive (damaged or encrypted). "
                "Please download the export again."
            ) from exc
        if len(blob) > MAX_MEMBER_BYTES:
            raise ExportError(
                f"{info.filename!r} in this archive is larger than any LinkedIn export file, so it "
                "was not read. Please upload the export zip from LinkedIn."
            )
        out[key] = blob
    return out


# --- decoding and finding the table -----------------------------------------------------------

def _decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: BOMs first, then UTF-8, then cp1252 (spreadsheet re-saves)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16", errors="replace").lstrip("\ufeff"), "utf-16"
    if b"\x00" in data[:4096]:
        # UTF-16 without a BOM has a NUL in every other byte; anything else is binary.
        if data[1:200:2].count(0) > 50 and data[0:200:2].count(0) < 5:
            return data.decode("utf-16-le", errors="replace"), "utf-16-le"
        raise ExportError(
            "This is not a text file (it looks like a binary or Excel file). "
            f"Please upload {EXPECTED_FILE}."
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


_HEADER_WORDS = ("first name", "last name")


def _find_header(text: str) -> tuple[int, str, int]:
    """(offset of the header line, delimiter, index of the header line) — sniffed, never assumed."""
    offset = 0
    for index, line in enumerate(text[:65536].splitlines(keepends=True)[:HEADER_SCAN_LINES]):
        low = line.lower()
        if all(w in low for w in _HEADER_WORDS):
            counts = {d: low.count(d) for d in (",", ";", "\t")}
            delim = max(counts, key=counts.get)
            return offset, delim, index
        offset += len(line)
    raise ExportError(
        "This file has no 'First Name, Last Name, …' header, so it does not look like LinkedIn's "
        f"Connections.csv. Please upload {EXPECTED_FILE}."
    )


# Column synonyms, lower-case. First match wins.
_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "first_name": ("first name", "firstname", "first"),
    "last_name": ("last name", "lastname", "last"),
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


def _utf8_head(data: bytes) -> str | None:
    """The first 64 KB as text when the file looks like plain UTF-8 (no BOM, no NUL), else None.

    Lets the common case skip decoding the whole file: Arrow's reader validates the rest.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:4096]:
        return None
    head = data[:65536]
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if len(head) == 65536 and exc.start >= len(head) - 4:  # a character cut at the edge
            return head[:exc.start].decode("utf-8", errors="replace")
        return None


def _parse_connections(data: bytes) -> tuple[pd.DataFrame, dict[str, Any]]:
    raw = None
    head = _utf8_head(data)
    if head is not None:
        offset, delim, header_line = _find_header(head)
        encoding = "utf-8"
        # UTF-8 input goes to the reader as it came: no decode or re-encode of the whole file.
        raw = _read_csv_strings(None, delim, data[len(head[:offset].encode("utf-8")):])
    if raw is None:  # BOMs, UTF-16, cp1252 re-saves, or anything Arrow refused
        text, encoding = _decode(data)
        offset, delim, header_line = _find_header(text)
        raw = _read_csv_strings(text[offset:], delim)
    if raw is None:
        raise ExportError(
            "The file could not be read as a table. "
            f"Please upload {EXPECTED_FILE}, straight from LinkedIn if you can."
        )

    lookup = {str(c).strip().strip('"').lower(): c for c in raw}
    cols: dict[str, str] = {}
    for target, names in _COLUMN_NAMES.items():
        for n in names:
            if n in lookup:
                cols[target] = lookup[n]
                break
    if "first_name" not in cols or "last_name" not in cols or not (
        {"company", "position", "connected_on"} & cols.keys()
    ):
        found = ", ".join(str(c) for c in list(raw)[:10]) or "none"
        raise ExportError(
            "This CSV does not have the columns of LinkedIn's Connections.csv (First Name, "
            f"Last Name, Company, Position, Connected On). Columns found: {found}."
        )

    # From here on the work is done on Arrow arrays: one pass per step, no per-row Python.
    n_raw = len(next(iter(raw.values()))) if raw else 0
    blank = pa.nulls(n_raw, _STR).fill_null("")
    arr = {t: (raw[cols[t]] if t in cols else blank) for t in _TEXT_FIELDS}
    date_arr = raw[cols["connected_on"]] if "connected_on" in cols else blank
    empty = {t: pc.equal(a, "") for t, a in arr.items()}
    is_blank = _all(empty[t] for t in ("first_name", "last_name", "position", "company", "headline"))
    # Rows that are entirely empty (trailing `,,,,` lines from a re-save) are not connections,
    # and neither is a `Notes:` row left below a re-saved header.
    keep = pc.invert(_all([is_blank, empty["url"], empty["email"], pc.equal(date_arr, "")]))
    notes = pc.is_in(arr["first_name"], value_set=_NOTES)
    keep = pc.and_(keep, pc.invert(pc.and_(notes, empty["last_name"])))
    if not pc.all(keep).as_py():
        arr = {t: pc.filter(a, keep) for t, a in arr.items()}
        date_arr, is_blank = pc.filter(date_arr, keep), pc.filter(is_blank, keep)
        empty = {t: pc.equal(a, "") for t, a in arr.items()}
    keep_np = _np(keep)

    connected, bad_dates = _parse_date_array(date_arr)
    full_name = pc.binary_join_element_wise(arr["first_name"], arr["last_name"], _sep(" "))
    if pc.any(pc.or_(empty["first_name"], empty["last_name"])).as_py():  # "Ada " → "Ada"
        full_name = pc.utf8_trim_whitespace(full_name)
    url_arr = _url_keys(arr["url"], maybe_encoded=b"%" in data,
                        maybe_query=b"?" in data or b"#" in data)
    is_blank_np = _np(is_blank)

    # Duplicates: the same profile twice (by URL when there is one, else by every field).
    # Ghost rows legitimately look alike, so they are never de-duplicated.
    has_url_mask = pc.not_equal(url_arr, "")
    has_url = _np(has_url_mask)
    dup = np.zeros(len(has_url), dtype=bool)
    if has_url.any():  # first occurrence of each URL key stays; later ones are duplicates
        dup[has_url] = _repeats(pc.filter(url_arr, has_url_mask))
    rest = ~has_url & ~is_blank_np
    if rest.any():
        fields = pd.DataFrame({"n": pd.Series(full_name, dtype="str"),
                               "c": pd.Series(arr["company"], dtype="str"),
                               "p": pd.Series(arr["position"], dtype="str"),
                               "e": pd.Series(arr["email"], dtype="str"),
                               "d": pd.Series(connected)})
        dup[rest] = fields[rest].duplicated().to_numpy()
    n_dup = int(dup.sum())

    # What scoring and clustering read: the headline if the file has one, else the position,
    # with the company as context ("VP Sales @ Acme").
    role = (pc.if_else(empty["headline"], arr["position"], arr["headline"])
            if "headline" in cols else arr["position"])
    role_empty = pc.equal(role, "")
    text = pc.if_else(role_empty, arr["company"], pc.if_else(
        empty["company"], role, pc.binary_join_element_wise(role, arr["company"], _sep(" @ "))))

    n = len(is_blank_np)
    columns = {
        **{t: pd.Series(a, dtype="str") for t, a in arr.items()},
        "full_name": pd.Series(full_name, dtype="str"),
        "url_key": pd.Series(url_arr, dtype="str"),
        "connected_on": connected,
        "text": pd.Series(text, dtype="str"),
        "is_blank": is_blank_np,
        "interactions": np.full(n, np.nan),
        "last_interaction": np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]"),
        "engaged": pd.arrays.BooleanArray(np.zeros(n, dtype=bool), np.ones(n, dtype=bool)),
        "direction": pd.Series(blank_like(n), dtype="str"),
    }
    df = pd.DataFrame({c: columns[c] for c in COLUMNS})
    if n_dup:
        df = df[~dup].reset_index(drop=True)
    # Engagement columns a user added (rare): only those go through pandas.
    user_cols = [cols[c] for c in ("u_engaged", "u_last", "u_count") if c in cols]
    raw_kept = pd.DataFrame({c: pd.Series(raw[c], dtype="str")[keep_np].to_numpy()
                             for c in user_cols})
    if n_dup and user_cols:
        raw_kept = raw_kept[~dup].reset_index(drop=True)
    user_engagement = _apply_user_engagement(df, raw_kept, cols)

    if len(df) == 0:
        raise ExportError(
            "This Connections.csv has a header but no connections in it. "
            "If you just requested your export, LinkedIn may still be preparing the full file."
        )

    has_url = "url" in cols
    diag: dict[str, Any] = {
        "rows_read": n_raw,
        "connections": len(df),
        "ghost_rows": int(is_blank_np.sum()),  # ghosts are never duplicates
        "duplicates_dropped": n_dup,
        "unparseable_dates": bad_dates,
        "blank_positions": int((_np(empty["position"]) & ~is_blank_np & ~dup).sum()),
        "emails": int((~_np(empty["email"]) & ~dup).sum()),
        "encoding": encoding,
        "delimiter": {",": "comma", ";": "semicolon", "\t": "tab"}[delim],
        "preamble_lines": header_line,
        "has_url_column": has_url,
        "has_headline_column": "headline" in cols,
        "first_connected": df["connected_on"].min(),
        "last_connected": df["connected_on"].max(),
        "_user_engagement": user_engagement,
    }
    return df, diag


_NOTES = pa.array(["Notes:", "notes:", "NOTES:", "Notes", "Notes :"], type=pa.large_string())
_TEXT_FIELDS = ("first_name", "last_name", "url", "email", "company", "position", "headline")


_STR = pa.large_string()  # what pandas' Arrow-backed "str" dtype holds


def _arrow(s: pd.Series) -> pa.Array:
    """A Series of text as one contiguous Arrow large_string array (zero-copy when possible)."""
    a = pa.array(s)
    if isinstance(a, pa.ChunkedArray):
        a = a.combine_chunks()
    return a.cast(_STR)


def _np(mask: pa.Array) -> np.ndarray:
    """An Arrow boolean array as numpy."""
    return mask.to_numpy(zero_copy_only=False)


def _encode(a: pa.Array) -> tuple[np.ndarray, pa.Array]:
    """(code per row, distinct values in order of first appearance): Arrow's dictionary encoding."""
    encoded = pc.dictionary_encode(a)
    if isinstance(encoded, pa.ChunkedArray):
        encoded = encoded.combine_chunks()
    return encoded.indices.to_numpy(zero_copy_only=False), encoded.dictionary.cast(_STR)


def _sep(text: str) -> pa.Scalar:
    return pa.scalar(text, _STR)


def blank_like(n: int) -> pa.Array:
    """n empty strings as an Arrow array (cheap: no Python list)."""
    return pa.nulls(n, _STR).fill_null("")


def _all(masks) -> pa.ChunkedArray:
    """Element-wise AND of boolean Arrow arrays."""
    it = iter(masks)
    out = next(it)
    for m in it:
        out = pc.and_(out, m)
    return out


def _read_csv_strings(body: str | None, delim: str, body_bytes: bytes | None = None
                      ) -> dict[str, pa.Array] | None:
    """Every column as a trimmed Arrow large_string array, keyed by header name; None if unreadable.

    Arrow's CSV reader and string kernels first (a 30k-row export in ~10 ms); pandas' C parser
    as the fallback for what Arrow refuses (given `body` text). Rows with the wrong number of
    fields are skipped; of duplicate header names the first wins.
    """
    source = body_bytes if body_bytes is not None else (body or "").encode("utf-8")
    end = source.find(b"\n")
    first = (source if end < 0 else source[:end]).rstrip(b"\r").decode("utf-8", errors="replace")
    try:
        header = next(csv.reader([first], delimiter=delim))
    except (csv.Error, StopIteration):
        return None
    names = [f"c{i}" for i in range(len(header))]
    columns: dict[str, pa.Array] | None = None
    try:
        table = pacsv.read_csv(
            io.BytesIO(source),
            # One block for any real export: splitting a file whose values may hold newlines
            # costs more than the parallel parse gains on 2 cores.
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1,
                                           block_size=max(len(source), 1 << 20) + 1),
            parse_options=pacsv.ParseOptions(
                delimiter=delim, newlines_in_values=True, invalid_row_handler=lambda _row: "skip"
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.large_string() for n in names},
                strings_can_be_null=False, quoted_strings_can_be_null=False,
            ),
        )
        columns = {n: pc.utf8_trim_whitespace(table[n].combine_chunks()) for n in names}
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, ValueError, UnicodeError):
        if body is None:
            return None  # the caller decodes and tries again with text
        try:
            with warnings.catch_warnings():  # extra fields on a row: dropped, not worth a warning
                warnings.simplefilter("ignore", pd.errors.ParserWarning)
                frame = pd.read_csv(
                    io.StringIO(body), sep=delim, dtype=str, keep_default_na=False,
                    na_filter=False, skip_blank_lines=True, on_bad_lines="skip",
                    index_col=False,  # a row with extra fields must not become the index
                    engine="c", header=0, names=names,
                )
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, UnicodeError):
            return None
        columns = {n: _arrow(frame[n].astype("str").str.strip()) for n in names}
    out: dict[str, pa.Array] = {}
    for n, h in zip(names, header, strict=True):
        out.setdefault(h, columns[n])
    return out


def _clean_str(s: pd.Series) -> pd.Series:
    return s.astype("str").fillna("").str.strip()


# --- dates ----------------------------------------------------------------------------------

# Non-English month abbreviations seen after spreadsheet re-saves (Spanish, French, German, ...).
_MONTHS = {
    "ene": "Jan", "feb": "Feb", "mar": "Mar", "abr": "Apr", "may": "May", "jun": "Jun",
    "jul": "Jul", "ago": "Aug", "sep": "Sep", "sept": "Sep", "set": "Sep", "oct": "Oct",
    "nov": "Nov", "dic": "Dec", "janv": "Jan", "févr": "Feb", "fevr": "Feb", "mars": "Mar",
    "avr": "Apr", "mai": "May", "juin": "Jun", "juil": "Jul", "août": "Aug", "aout": "Aug",
    "déc": "Dec", "dec": "Dec", "jan": "Jan", "mär": "Mar", "mrz": "Mar", "okt": "Oct",
    "dez": "Dec", "out": "Oct", "fev": "Feb", "apr": "Apr", "aug": "Aug",
}
_MONTH_RE = re.compile(r"(?<=[\s\-./])([^\W\d_]{3,5})\.?(?=[\s\-./])", re.UNICODE)

_MONTH_NAMES = pa.array(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                         "Nov", "Dec"], type=pa.large_string())

# Formats in the order they are tried; each later one only sees what earlier ones left.
_DATE_FORMATS = (
    "%d %b %Y",           # 20 Nov 2018 / 05 Jan 2026 (every export since Nov 2018)
    "%m/%d/%y, %I:%M %p", # "1/8/18, 6:14 PM" (before Nov 2018)
    "%d-%b-%y",           # 5-Jan-26 (spreadsheet re-save)
    "%d.%m.%Y",           # 16.09.2021 (European re-save)
    "%Y-%m-%d",           # ISO, from other tools
    "%d %B %Y",           # 20 November 2018
    "%m/%d/%Y",           # 1/8/2018
    "%d-%b-%Y",           # 5-Jan-2026
    "%Y-%m-%d %H:%M:%S",  # ISO with time
)


def _parse_distinct(uniques: pa.Array, keep_time: bool) -> np.ndarray:
    """datetime64[ns] for each distinct date string (NaT when no known format fits).

    Takes the distinct strings as an Arrow array (trimmed). The form every export since 2018
    uses ("05 Jan 2026") is parsed with slices and a lookup on Arrow kernels; only what is left
    goes through pandas, one format at a time.
    """
    n = len(uniques)
    out = np.full(n, np.datetime64("NaT"), dtype="datetime64[ns]")
    left = _np(pc.not_equal(uniques, "")) if n else np.zeros(0, dtype=bool)
    modern = pc.match_substring_regex(uniques, r"^\d{2} [A-Z][a-z]{2} \d{4}$")
    if n and pc.any(modern).as_py():
        dm = pc.filter(uniques, modern)
        mon_idx = pc.index_in(pc.utf8_slice_codeunits(dm, 3, 6), value_set=_MONTH_NAMES)
        ok = _np(pc.is_valid(mon_idx))
        mon = pc.fill_null(mon_idx, 0).to_numpy(zero_copy_only=False).astype(np.int64) + 1
        year = pc.cast(pc.utf8_slice_codeunits(dm, 7, 11), pa.int64()).to_numpy()
        dd = pc.cast(pc.utf8_slice_codeunits(dm, 0, 2), pa.int64()).to_numpy()
        first = ((year - 1970) * 12 + mon - 1).astype("datetime64[M]").astype("datetime64[D]")
        days = first + (dd - 1).astype("timedelta64[D]")
        # A day past the month's end ("31 Feb") rolls over: refuse it like strptime does.
        valid = ok & (dd >= 1) & (days.astype("datetime64[M]") == first.astype("datetime64[M]"))
        pos = np.flatnonzero(_np(modern))[valid]
        out[pos] = days[valid].astype("datetime64[ns]")
        left[pos] = False
    if left.any():
        todo = pd.Series(pc.filter(uniques, pa.array(left)), dtype="str",
                         index=np.flatnonzero(left))
        for fmt in _DATE_FORMATS:
            if todo.empty:
                break
            got = pd.to_datetime(todo, format=fmt, errors="coerce")
            ok = got.notna()
            out[todo.index[ok.to_numpy()]] = got[ok].to_numpy(dtype="datetime64[ns]")
            todo = todo[~ok]
        if not todo.empty:  # non-English month names: translate, then try the month formats
            translated = (" " + todo + " ").map(
                lambda s: _MONTH_RE.sub(lambda m: _MONTHS.get(m.group(1).lower(), m.group(1)), s)
            ).str.strip()
            for fmt in ("%d-%b-%y", "%d %b %Y", "%d-%b-%Y", "%d %b %y"):
                got = pd.to_datetime(translated, format=fmt, errors="coerce")
                ok = got.notna()
                out[translated.index[ok.to_numpy()]] = got[ok].to_numpy(dtype="datetime64[ns]")
                translated = translated[~ok]
    # Dates outside LinkedIn's lifetime are typos or mis-parses, not connections.
    out[(out < np.datetime64("2003-01-01")) | (out > np.datetime64("2100-01-01"))] = np.datetime64("NaT")
    if not keep_time:
        out = out.astype("datetime64[D]").astype("datetime64[ns]")
    return out


def parse_dates(values: pd.Series, keep_time: bool = False) -> tuple[pd.Series, int]:
    """Parse export dates in any of the known formats. Returns (datetime Series, unparseable count).

    Dates are days (time of day dropped) unless `keep_time`.

    Parses each distinct string once (a network has a few thousand distinct dates at most),
    so 100k rows cost about as much as 3k.
    """
    trimmed = pc.utf8_trim_whitespace(_arrow(values.astype("str").fillna("")))
    parsed, bad = _parse_date_array(trimmed, keep_time)
    return pd.Series(parsed, index=values.index, dtype="datetime64[ns]"), bad


def _parse_date_array(trimmed: pa.Array, keep_time: bool = False) -> tuple[np.ndarray, int]:
    """`parse_dates` on an Arrow array of trimmed strings: (datetime64[ns] array, bad count)."""
    codes, uniques = _encode(trimmed)
    parsed = _parse_distinct(uniques, keep_time)
    if not len(codes):
        return np.array([], dtype="datetime64[ns]"), 0
    # Unparseable: a non-blank distinct string that parsed to nothing, counted per row.
    bad_distinct = np.isnat(parsed) & _np(pc.not_equal(uniques, ""))
    bad = int(np.bincount(codes, minlength=len(parsed))[bad_distinct].sum()) \
        if bad_distinct.any() else 0
    return parsed[codes], bad


# --- URLs -----------------------------------------------------------------------------------

def normalise_url(url: str) -> str:
    """The join key of a profile URL: lower-case, percent-decoded, no scheme/www/query/trailing '/'."""
    u = unquote(url.strip()).lower()
    u = re.split(r"[?#]", u, maxsplit=1)[0].rstrip("/")
    u = re.sub(r"^https?://", "", u)
    u = re.sub(r"^(www\.|[a-z]{2}\.)linkedin\.com", "linkedin.com", u)
    return u


def normalise_urls(urls: pd.Series, *, maybe_encoded: bool = True,
                   maybe_query: bool = True) -> pd.Series:
    """`normalise_url` over a Series, on Arrow string kernels (30k URLs in a few ms)."""
    a = pc.utf8_trim_whitespace(_arrow(urls.astype("str").fillna("")))
    out = _url_keys(a, maybe_encoded=maybe_encoded, maybe_query=maybe_query)
    return pd.Series(out, dtype="str", index=urls.index)


def _url_keys(a: pa.Array, *, maybe_encoded: bool = True, maybe_query: bool = True) -> pa.Array:
    """URL join keys for trimmed URLs. The common shape (https://www.linkedin.com/in/slug)
    takes a fast path; only percent-encoded, query-carrying or unusual URLs take slower steps.
    The loader passes `maybe_encoded` / `maybe_query` as False when the file has no '%' / '?#'.
    """
    if isinstance(a, pa.ChunkedArray):
        a = a.combine_chunks()
    a = a.cast(_STR)
    # ASCII lower-casing is ten times faster than Unicode's, and profile URLs are nearly all
    # ASCII. The few percent-encoded or non-ASCII ones ("l%C3%A9a-bianchi") are decoded and
    # lower-cased in Python, then put back in one step.
    special = _rows_with_bytes(a, b"%" if maybe_encoded else b"", non_ascii=True)
    lowered = pc.ascii_lower(a)
    if special.any():
        picked = pc.filter(a, pa.array(special)).to_pylist()
        if maybe_encoded:
            decoded = unquote("\n".join(picked)).split("\n")  # one call, not one per URL
            if len(decoded) != len(picked):  # an encoded newline ("%0A"): one by one
                decoded = [unquote(u) for u in picked]
            picked = decoded
        a = pc.replace_with_mask(lowered, pa.array(special),
                                 pa.array([u.lower() for u in picked], _STR))
    else:
        a = lowered
    query = _rows_with_bytes(a, b"?#") if maybe_query else None
    if query is not None and query.any():
        a = pc.if_else(pa.array(query), pc.replace_substring_regex(a, r"(?s)[?#].*$", ""), a)
    if pc.any(pc.ends_with(a, "/")).as_py():
        a = pc.utf8_rtrim(a, characters="/")
    common = "https://www.linkedin.com"
    fast = pc.starts_with(a, common)
    # Drop "https://www." by byte offset (ASCII, so no character is cut); the few rows of
    # another shape are rewritten below from `a`.
    out = pc.binary_replace_slice(a.view(pa.large_binary()), 0, len("https://www."),
                                  "").view(_STR)
    slow = pc.and_(pc.invert(fast), pc.not_equal(a, ""))
    if pc.any(slow).as_py():  # other shapes (http://, de.linkedin.com, no scheme): few
        fixed = pc.replace_substring_regex(
            pc.filter(a, slow), r"^(?:https?://)?(?:www\.|[a-z]{2}\.)?linkedin\.com",
            "linkedin.com")
        out = pc.replace_with_mask(out, slow, fixed)
    return out


def _repeats(a: pa.Array) -> np.ndarray:
    """True where a value already occurred earlier in `a` (pandas' duplicated(keep="first")).

    Arrow's dictionary encoding numbers values in order of first appearance, so a row is a
    first occurrence exactly when its code is larger than every code before it: one hash pass
    and a running maximum, about half the time pandas takes.
    """
    codes, uniques = _encode(a)
    if len(uniques) == len(a):
        return np.zeros(len(a), dtype=bool)
    codes = codes.astype(np.int64)
    seen = np.maximum.accumulate(np.concatenate([[-1], codes[:-1]]))
    return codes <= seen


def _rows_with_bytes(a: pa.Array, chars: bytes = b"", *, non_ascii: bool = False) -> np.ndarray:
    """Which strings of a (large_)string array contain any of the ASCII `chars` (or, with
    `non_ascii`, any byte >= 0x80), as a numpy bool mask.

    Why: Arrow's substring search costs ~50 ns a string; scanning the value buffer once with
    numpy and mapping hits to rows through the offsets costs a tenth of that. ASCII bytes never
    occur inside a multi-byte UTF-8 character, so a byte hit is a character hit.
    """
    n = len(a)
    mask = np.zeros(n, dtype=bool)
    if n == 0:
        return mask
    width = np.int64 if pa.types.is_large_string(a.type) else np.int32
    offsets = np.frombuffer(a.buffers()[1], dtype=width)[a.offset:a.offset + n + 1]
    values = a.buffers()[2]
    if values is None:
        return mask
    raw = np.frombuffer(values, dtype=np.uint8)[offsets[0]:offsets[-1]]
    hit = raw >= 0x80 if non_ascii else np.zeros(len(raw), dtype=bool)
    for c in chars:
        hit |= raw == c
    where = np.flatnonzero(hit)
    if len(where):
        mask[np.searchsorted(offsets, where + offsets[0], side="right") - 1] = True
    if a.null_count:
        mask &= _np(a.is_valid())
    return mask


# --- engagement -----------------------------------------------------------------------------

_TRUE = {"yes", "y", "true", "1", "x", "engaged", "ja", "oui", "sí", "si"}


def _apply_user_engagement(df: pd.DataFrame, raw: pd.DataFrame, cols: dict[str, str]) -> bool:
    """Engagement columns the user added to their CSV win over everything else."""
    used = False
    if "u_count" in cols:
        counts = pd.to_numeric(_clean_str(raw[cols["u_count"]]), errors="coerce")
        df["interactions"] = counts.to_numpy(dtype=float)
        used = used or bool(counts.notna().any())
    if "u_last" in cols:
        last, _ = parse_dates(_clean_str(raw[cols["u_last"]]))
        df["last_interaction"] = last.to_numpy()
        used = used or bool(last.notna().any())
    if "u_engaged" in cols:
        flag = _clean_str(raw[cols["u_engaged"]]).str.lower()
        eng = pd.Series(pd.NA, index=df.index, dtype="boolean")
        eng[(flag != "").to_numpy()] = flag[flag != ""].isin(_TRUE).to_numpy()
        df["engaged"] = eng
        used = used or bool(eng.notna().any())
    if used:
        df.attrs["user_engaged_given"] = "u_engaged" in cols
    return used


def _derive_engaged(df: pd.DataFrame, export_date: pd.Timestamp | None, months: int) -> None:
    """engaged = interacted within `months` before the export date, unless the user said so."""
    if df.attrs.pop("user_engaged_given", False) and df["engaged"].notna().any():
        df.loc[df["is_blank"], "engaged"] = pd.NA
        return
    if export_date is None or pd.isna(export_date):
        export_date = df["last_interaction"].max()
    engaged = pd.Series(pd.NA, index=df.index, dtype="boolean")
    known = df["last_interaction"].notna() | df["interactions"].notna()
    if pd.notna(export_date):
        cutoff = export_date - pd.DateOffset(months=months)
        recent = (df["last_interaction"] >= cutoff).fillna(False)
        engaged[known.to_numpy()] = recent[known].to_numpy()
    engaged[df["is_blank"].to_numpy()] = pd.NA
    df["engaged"] = engaged


def _read_table(data: bytes) -> pd.DataFrame | None:
    """A secondary export file (messages, invitations, profile) as strings, or None if unreadable."""
    try:
        text, _ = _decode(data)
    except ExportError:
        return None
    first = text[:2048].splitlines()[0] if text.strip() else ""
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    delim = max(counts, key=counts.get)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            t = pd.read_csv(io.StringIO(text), sep=delim, dtype=str, keep_default_na=False,
                            na_filter=False, on_bad_lines="skip", index_col=False, engine="c")
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, UnicodeError):
        return None
    t.columns = [str(c).strip().lower() for c in t.columns]
    return t


def _col(t: pd.DataFrame, *names: str) -> str | None:
    for n in names:
        if n in t.columns:
            return n
    return None


def _parse_messages(data: bytes) -> pd.DataFrame | None:
    """Messages as (who: url_key or name, date) pairs, one per participant; drafts and spam skipped."""
    t = _read_table(data)
    if t is None or t.empty:
        return None
    date_col = _col(t, "date")
    if date_col is None:
        return None
    keep = pd.Series(True, index=t.index)
    folder = _col(t, "folder")
    if folder:
        keep &= t[folder].str.strip().str.upper() != "SPAM"
    for draft in ("is message draft", "is conversation draft"):
        if draft in t.columns:
            keep &= ~t[draft].str.strip().str.lower().isin({"true", "yes", "1"})
    t = t[keep]
    skipped = int((~keep).sum())
    dates = _parse_message_dates(t[date_col])
    sender = _col(t, "sender profile url")
    recips = _col(t, "recipient profile urls")
    if sender:
        parts = [pd.DataFrame({"who": t[sender], "date": dates})]
        if recips:
            r = pd.DataFrame({"who": t[recips].str.split(","), "date": dates}).explode("who")
            parts.append(r)
        m = pd.concat(parts, ignore_index=True)
        m["who"] = normalise_urls(m["who"].fillna("").astype("str"))
        m["by"] = "url"
    else:  # 2018 era: From/To are names only
        frm, to = _col(t, "from"), _col(t, "to")
        if not frm:
            return None
        parts = [pd.DataFrame({"who": t[frm], "date": dates})]
        if to:
            parts.append(pd.DataFrame({"who": t[to], "date": dates}))
        m = pd.concat(parts, ignore_index=True)
        m["who"] = m["who"].fillna("").astype("str").str.strip().str.lower()
        m["by"] = "name"
    m = m[m["who"] != ""]
    if m.empty:
        return None
    # The owner is in every conversation: the most frequent participant is them, not a connection.
    owner = m["who"].value_counts().index[0]
    m = m[m["who"] != owner]
    m.attrs["skipped"] = skipped
    m.attrs["messages"] = int(len(t))
    return m


def _parse_message_dates(s: pd.Series) -> pd.Series:
    s = s.astype("str").fillna("").str.strip()
    iso = pd.to_datetime(s.str.replace(" UTC", "", regex=False), format="%Y-%m-%d %H:%M:%S",
                         errors="coerce")
    rest = iso.isna() & (s != "")
    if rest.any():
        other, _ = parse_dates(s[rest], keep_time=True)
        iso[rest] = other
    return iso.astype("datetime64[ns]")


def _apply_messages(df: pd.DataFrame, m: pd.DataFrame, diag: dict[str, Any]) -> None:
    by_name = m["by"].iloc[0] == "name"
    key = df["full_name"].str.lower() if by_name else df["url_key"]
    if by_name:  # a name shared by two connections cannot be attributed
        key = key.where(~key.duplicated(keep=False), "")
    agg = m.groupby("who").agg(n=("date", "size"), last=("date", "max"))
    real = ~df["is_blank"]
    matched = key.map(agg["n"])
    df["interactions"] = matched.fillna(0).astype(float).where(real, np.nan).to_numpy()
    df["last_interaction"] = key.map(agg["last"]).astype("datetime64[ns]").to_numpy()
    diag["messages_read"] = m.attrs.get("messages", 0)
    diag["messages_skipped"] = m.attrs.get("skipped", 0)
    diag["connections_in_messages"] = int((matched.fillna(0) > 0).sum())
    diag["messages_matched_by"] = "name" if by_name else "profile URL"


def _apply_invitations(df: pd.DataFrame, data: bytes, diag: dict[str, Any]) -> None:
    t = _read_table(data)
    if t is None or t.empty or "direction" not in t.columns:
        return
    direction = t["direction"].str.strip().str.upper()
    inviter, invitee = _col(t, "inviterprofileurl"), _col(t, "inviteeprofileurl")
    if inviter and invitee:
        other = normalise_urls(t[inviter].where(direction == "INCOMING", t[invitee]))
        key = df["url_key"]
    else:
        frm, to = _col(t, "from"), _col(t, "to")
        if not (frm and to):
            return
        other = t[frm].where(direction == "INCOMING", t[to]).str.strip().str.lower()
        key = df["full_name"].str.lower()
    label = direction.map({"INCOMING": "inbound", "OUTGOING": "outbound"}).fillna("")
    lookup = dict(zip(other.to_numpy(), label.to_numpy(), strict=True))
    lookup.pop("", None)
    df["direction"] = key.map(lookup).fillna("").astype("str").to_numpy()
    diag["invitations_matched"] = int((df["direction"] != "").sum())


def _parse_profile(data: bytes) -> dict[str, str]:
    """The user's own headline, industry and name (never address or birth date: not needed)."""
    t = _read_table(data)
    if t is None or t.empty:
        return {}
    row = t.iloc[0]
    out = {}
    for key, names in {
        "first_name": ("first name",), "last_name": ("last name",), "headline": ("headline",),
        "industry": ("industry",), "summary": ("summary",),
    }.items():
        c = _col(t, *names)
        if c and str(row[c]).strip():
            out[key] = str(row[c]).strip()[:2000]
    return out
