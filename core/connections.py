"""The loader's old import path, kept because many modules use it: everything lives in
`core.loader` (archive, table, dates, urls, engagement)."""

from core.loader import (
    CONNECTION_CAP,
    EXPECTED_FILE,
    MAX_CSV_BYTES,
    MAX_MEMBER_BYTES,
    MAX_RATIO,
    MAX_UNZIPPED_BYTES,
    MAX_ZIP_BYTES,
    Duplicate,
    ExportError,
    LoadReport,
    Network,
    load_connections,
    load_export,
    load_files,
    normalise_url,
    normalise_urls,
    parse_dates,
    url_keys,
)

__all__ = [
    "CONNECTION_CAP",
    "EXPECTED_FILE",
    "MAX_CSV_BYTES",
    "MAX_MEMBER_BYTES",
    "MAX_RATIO",
    "MAX_UNZIPPED_BYTES",
    "MAX_ZIP_BYTES",
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
    "url_keys",
]
