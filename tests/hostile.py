"""Bad and hostile files, shared by the loader, page and browser sweeps (issue: trustworthy input).

Each entry: (file name, bytes, expectation) where expectation is "error" (a friendly message and
the previous network kept) or "load" (loads, with hostile text shown as text).
"""

from __future__ import annotations

import io
import zipfile

from tests.conftest import MODERN_HEADER, PREAMBLE, make_zip, modern_csv

XSS = "<img src=x onerror=alert(1)>"
INJECTIONS = [
    '=HYPERLINK("http://evil","x")',
    "+SUM(A1)",
    "-2+3",
    "@cmd",
    XSS,
    "**bold** [link](http://evil) $x^2$",
    "<script>alert(2)</script>",
]


def zip_bomb() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv", b"0" * (60 * 1024 * 1024))
    return buf.getvalue()


def hostile_rows(n: int) -> bytes:
    """A real-format export whose every text column carries formula or HTML injection."""
    rows = []
    for i in range(n):
        bad = INJECTIONS[i % len(INJECTIONS)].replace('"', '""')
        rows.append(
            f'"{bad}","{bad} {i}",https://www.linkedin.com/in/h-{i},,"{bad}",'
            f'"{bad} Manager",05 Jan 2026'
        )
    return (PREAMBLE + MODERN_HEADER + "\n" + "\n".join(rows)).encode("utf-8")


def xlsx() -> bytes:
    return make_zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "xl/workbook.xml": b"<workbook/>",
            "xl/worksheets/sheet1.xml": b"<worksheet/>",
        }
    )


MARKUP = "![x](http://evil.example/col.png)"


def markup_header() -> bytes:
    """A CSV whose column names are Markdown (a tracking pixel): refused, the name quoted as text."""
    return f"First Name,Last Name,{MARKUP},$x^2$ :red[red]\nA,B,C,D\n".encode()


def markup_member() -> bytes:
    """A zip whose Connections.csv sits under a folder named like Markdown: loads, with a
    warning naming both copies."""
    return make_zip({f"{MARKUP}/Connections.csv": modern_csv(), "Connections.csv": modern_csv()})


def corrupt_zip() -> bytes:
    """A damaged download: the deflate data of Connections.csv is broken."""
    raw = bytearray(make_zip({"Connections.csv": modern_csv() * 20}))
    start = raw.index(b"Connections.csv") + len("Connections.csv")
    raw[start + 5 : start + 40] = b"\xff" * 35
    return bytes(raw)


def cases(big: int = 30_000) -> list[tuple[str, bytes, str]]:
    return [
        ("columns.csv", markup_header(), "error"),
        ("twice.zip", markup_member(), "load"),
        ("damaged.zip", corrupt_zip(), "error"),
        ("Connections-utf16be.csv", modern_csv().decode().encode("utf-16-be"), "load"),
        ("Connections-nul.csv", modern_csv().replace(b"Anna", b"An\x00na\x1b"), "load"),
        ("empty.csv", b"", "error"),
        ("random.bin", bytes(range(256)) * 40, "error"),
        ("Connections.xlsx", xlsx(), "error"),
        ("Connections-utf16.csv", modern_csv().decode().encode("utf-16"), "load"),
        ("people.csv", b"name,age\nbob,3\n", "error"),
        ("archive.zip", make_zip({"Profile.csv": b"First Name,Last Name\nA,B\n"}), "error"),
        ("bomb.zip", zip_bomb(), "error"),
        ("Connections.csv", hostile_rows(big), "load"),
    ]
