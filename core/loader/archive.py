"""Getting the files of an export out of what the user gave us: a path, bytes, a file object, a
zip, or several files chosen together (a macOS user's export is often unzipped already).

Everything is read through bounds before it is parsed: a zip bomb, a lying zip header or a
damaged download becomes an `ExportError` (or, for an optional file, a warning), never a crash.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import IO, Any

from core.loader.errors import EXPECTED_FILE, ExportError, quote

#: A CSV larger than this is not a LinkedIn export (the largest real Connections.csv seen is ~1 MB;
#: 100k rows are ~12 MB). Bounds memory before anything is parsed.
MAX_CSV_BYTES = 40 * 1024 * 1024
#: A whole export zip is a few MB; a much larger upload is refused before it is read.
MAX_ZIP_BYTES = 200 * 1024 * 1024
#: Sum of the uncompressed sizes an archive may declare (zip-bomb guard).
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
#: Files we read out of an archive are read through a bounded stream: declared sizes can lie.
MAX_MEMBER_BYTES = MAX_CSV_BYTES
#: Expansion ratio above which Connections.csv is treated as a bomb (text compresses ~5-15x).
MAX_RATIO = 200

_ORDER = ("connections", "messages", "invitations", "profile")
# The files we use, by lower-case base name; browsers add " (1)" to a second download.
_KNOWN = re.compile(r"^(connections|messages|invitations|profile)(?:\s*\(\d+\)|[-_ ]\d+)?\.csv$")


@dataclass(frozen=True)
class Member:
    """One file of the export: its name as the user sees it, and its bytes."""

    name: str
    data: bytes


@dataclass
class Bundle:
    """The export's files we use, keyed "connections", "messages", "invitations", "profile",
    and what we chose or skipped, in words."""

    files: dict[str, Member] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    label: str = ""  # what the user chose, in their words (the zip's or the files' names)

    @property
    def connections(self) -> Member:
        return self.files["connections"]


def read_source(source: Any, name: str | None = None) -> tuple[bytes, str | None]:
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
            raise ExportError(
                f"Could not open the file {quote(os.path.basename(path))!r}."
            ) from exc
        name = name or os.path.basename(path)
    elif hasattr(source, "read"):
        data = _read_bounded(source, MAX_ZIP_BYTES)
        name = name or getattr(source, "name", None)
    else:
        raise ExportError(f"Nothing to read: please upload {EXPECTED_FILE}.")
    if len(data) > MAX_ZIP_BYTES:
        raise ExportError(_too_big(len(data)))
    return data, name


def unpack(data: bytes, name: str | None = None) -> Bundle:
    """The files of one upload: a zip's members, or the upload itself as Connections.csv."""
    if _is_zip(data, name):
        return _from_zip(data)
    _check_csv(data, name or "the file")
    return Bundle({"connections": Member(name or "Connections.csv", data)})


def gather(files: Sequence[tuple[str, bytes]]) -> Bundle:
    """Several files chosen together, in the order chosen: Connections.csv with messages.csv,
    Invitations.csv, Profile.csv (loads like the zip), or an export zip.

    The upload box keeps adding files, so the newest choice wins: when the last file is a zip,
    that zip alone; otherwise the newest copy of each CSV we use. Without a file named like
    Connections.csv, the newest other CSV is taken as it. What is not read is named in a
    warning, never guessed at.
    """
    files = [(n or "upload", bytes(d)) for n, d in files]
    if not files:
        raise ExportError(f"Nothing to read: please upload {EXPECTED_FILE}.")
    if sum(len(d) for _, d in files) > MAX_ZIP_BYTES:
        raise ExportError(_too_big(sum(len(d) for _, d in files)))
    newest_first = files[::-1]
    name, data = newest_first[0]
    if len(files) == 1 or _is_zip(data, name):
        bundle = unpack(data, name)
        bundle.label = name
        _not_read(bundle, [n for n, _ in newest_first[1:]])
        return bundle
    chosen: dict[str, int] = {}  # key -> position in newest_first
    for i, (n, d) in enumerate(newest_first):
        key = _key(n)
        if key and key not in chosen and not _is_zip(d, n):
            chosen[key] = i
    if "connections" not in chosen:
        other = [
            i for i, (n, d) in enumerate(newest_first) if _key(n) is None and not _is_zip(d, n)
        ]
        if not other:
            raise ExportError(
                "None of the files chosen is Connections.csv. Choose Connections.csv (and, if "
                "you like, messages.csv, Invitations.csv and Profile.csv with it), or the whole "
                "export .zip."
            )
        chosen["connections"] = other[0]
    bundle = Bundle({key: Member(*newest_first[chosen[key]]) for key in _ORDER if key in chosen})
    _check_csv(bundle.connections.data, bundle.connections.name)
    bundle.label = ", ".join(m.name for m in bundle.files.values())
    _not_read(bundle, [n for i, (n, _) in enumerate(newest_first) if i not in chosen.values()])
    return bundle


def _not_read(bundle: Bundle, names: list[str]) -> None:
    if names:
        bundle.warnings.append(
            "Not read (not a file this app uses, or an older choice): "
            f"{quote(', '.join(names[::-1]))}."
        )


def _key(name: str) -> str | None:
    base = PurePosixPath(name.replace("\\", "/")).name.lower()
    m = _KNOWN.match(base)
    return m.group(1) if m else None


def _is_zip(data: bytes, name: str | None) -> bool:
    return data[:4] == b"PK\x03\x04" or (name or "").lower().endswith(".zip")


def _check_csv(data: bytes, name: str) -> None:
    if len(data) > MAX_CSV_BYTES:
        raise ExportError(
            f"{quote(name)!r} is {len(data) / 1e6:.0f} MB, far larger than any LinkedIn "
            f"Connections.csv (those are a few MB at most). Please upload {EXPECTED_FILE}."
        )


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


def _from_zip(data: bytes) -> Bundle:
    """The members we use out of an export zip, refusing bombs without inflating them whole."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        zlib.error,
    ) as exc:  # NotImplementedError: "zip version 6.4"
        raise ExportError(
            "This looks like a zip archive but it could not be opened (it may be damaged or "
            f"incomplete). Please download the export again and upload {EXPECTED_FILE}."
        ) from exc
    declared = sum(max(i.file_size, 0) for i in infos)
    if declared > MAX_UNZIPPED_BYTES:
        raise ExportError(
            f"This archive would expand to {declared / 1e9:.1f} GB, which no LinkedIn export does. "
            "It was not opened. Please upload the export zip you downloaded from LinkedIn."
        )
    chosen, copies = _choose(infos)
    if "connections" not in chosen:
        raise ExportError(_no_connections_message(infos))
    bundle = Bundle()
    if len(copies) > 1:
        bundle.warnings.append(
            f"This archive holds {len(copies)} Connections.csv files; used "
            f"{quote(chosen['connections'].filename)!r} (the one nearest the top of the archive, or the first of equals), not "
            f"{quote(', '.join(c for c in copies if c != chosen['connections'].filename))}."
        )
    for key, info in chosen.items():
        try:
            bundle.files[key] = Member(info.filename, _read_member(zf, info, key))
        except ExportError as exc:
            if key == "connections":
                raise
            bundle.warnings.append(f"{exc} The rest of the export was loaded without it.")
    return bundle


def _choose(infos: list[zipfile.ZipInfo]) -> tuple[dict[str, zipfile.ZipInfo], list[str]]:
    """Which member to read for each file we use (the shallowest copy; the first of equals),
    and every Connections.csv path seen (so a choice among several is said, not silent)."""
    chosen: dict[str, zipfile.ZipInfo] = {}
    copies: list[str] = []
    for info in infos:
        if info.is_dir():
            continue
        base = PurePosixPath(info.filename.replace("\\", "/")).name
        if base.startswith("._"):  # macOS resource forks next to the real file
            continue
        key = _key(base)
        if key is None:
            continue
        if key == "connections":
            copies.append(info.filename)
        if key not in chosen or info.filename.count("/") < chosen[key].filename.count("/"):
            chosen[key] = info
    return chosen, copies


def _no_connections_message(infos: list[zipfile.ZipInfo]) -> str:
    if any(i.filename.startswith("xl/") or i.filename == "[Content_Types].xml" for i in infos):
        return (
            "This is an Excel workbook, not a CSV. Open it in your spreadsheet app, choose "
            "File → Save As → CSV, and upload that file (or upload LinkedIn's original export)."
        )
    return (
        "This zip has no Connections.csv in it. Upload the export LinkedIn emailed you "
        "(Settings → Data privacy → Get a copy of your data, with Connections ticked)."
    )


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, key: str) -> bytes:
    """One member's bytes through a bounded stream; every way it can fail is an ExportError."""
    label = quote(info.filename)
    if (
        key == "connections"
        and info.compress_size
        and info.file_size / max(info.compress_size, 1) > MAX_RATIO
    ):
        raise ExportError(
            f"{label!r} in this archive expands suspiciously ({info.file_size / 1e6:.0f} MB "
            "from a tiny file), so it was not opened. Please upload the export zip from LinkedIn."
        )
    try:
        with zf.open(info) as fh:
            blob = fh.read(MAX_MEMBER_BYTES + 1)
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        zlib.error,
    ) as exc:
        raise ExportError(
            f"Could not read {label!r} from the archive (damaged or encrypted). "
            "Please download the export again."
        ) from exc
    if len(blob) > MAX_MEMBER_BYTES:
        raise ExportError(
            f"{label!r} in this archive is larger than {MAX_MEMBER_BYTES // 2**20} MB, more than "
            "any LinkedIn export file, so it was not read."
        )
    return blob
