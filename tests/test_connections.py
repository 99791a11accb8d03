"""The loader against every variant in shared/formats/linkedin-export.md, and against bad input."""

from __future__ import annotations

import io
import zipfile

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.loader import (
    MAX_UNZIPPED_BYTES,
    ExportError,
    load_connections,
    load_export,
    normalise_url,
    normalise_urls,
    parse_dates,
)
from core.schema import COLUMNS
from tests.conftest import MODERN_HEADER, PREAMBLE, make_zip, modern_csv

OLD_HEADER = "First Name,Last Name,Email Address,Company,Position,Connected On"


def test_modern_export_has_every_column_and_row(modern_bytes):
    df = load_connections(modern_bytes)
    assert list(df.columns) == COLUMNS
    assert len(df) == 5
    assert isinstance(df.index, pd.RangeIndex)
    anna = df.iloc[0]
    assert anna["full_name"] == "Anna Smith"
    assert anna["connected_on"] == pd.Timestamp("2026-01-05")
    assert anna["text"] == "VP Sales @ Acme Software"
    assert anna["url_key"] == "linkedin.com/in/anna-smith"


def test_quirky_text_is_kept_as_text(modern_bytes):
    df = load_connections(modern_bytes)
    james = df[df["first_name"] == "James"].iloc[0]
    assert james["last_name"] == '"Tyler"'  # doubled quotes unescaped once
    assert james["company"] == "Arseienko, CFEI®"  # comma inside a quoted field
    assert james["url_key"] == "linkedin.com/in/ken-o\u2019brien"  # percent-decoded for joins
    na = df[df["first_name"] == "NA"].iloc[0]
    assert na["last_name"] == "Null"  # a person named NA Null is not missing data


def test_ghost_rows_are_counted_and_flagged(modern_bytes):
    net = load_export(modern_bytes)
    assert net.report.ghost_rows == 1
    ghost = net.df[net.df["is_blank"]].iloc[0]
    assert ghost["connected_on"] == pd.Timestamp("2020-02-01")
    assert ghost["text"] == ""


def test_no_preamble_no_url_column_2019_format():
    data = (
        OLD_HEADER + "\nAnna,Smith,,Acme,VP Sales,20 Nov 2018\nBo,Li,,Initech,CTO,03 Jan 2019"
    ).encode()
    net = load_export(data)
    assert len(net.df) == 2
    assert net.report.preamble_lines == 0
    assert not net.report.has_url_column
    assert (net.df["url"] == "").all()
    assert net.df["connected_on"].tolist() == [
        pd.Timestamp("2018-11-20"),
        pd.Timestamp("2019-01-03"),
    ]


def test_pre_2018_quoted_datetime_format():
    data = (OLD_HEADER + '\nAnna,Smith,,Acme,VP Sales,"1/8/18, 6:14 PM"').encode()
    df = load_connections(data)
    assert df["connected_on"].iloc[0] == pd.Timestamp("2018-01-08")


def test_2021_preamble_without_url_column():
    data = (PREAMBLE + OLD_HEADER + "\nAnna,Smith,,Acme,VP Sales,05 Jan 2022").encode()
    net = load_export(data)
    assert net.report.preamble_lines == 3
    assert net.df["position"].iloc[0] == "VP Sales"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("20 Nov 2018", "2018-11-20"),
        ("05 Jan 2026", "2026-01-05"),
        ("1/8/18, 6:14 PM", "2018-01-08"),
        ("5-Jan-26", "2026-01-05"),
        ("30-oct-09", "2009-10-30"),
        ("15-ene-21", "2021-01-15"),
        ("3-dic-19", "2019-12-03"),
        ("16.09.2021", "2021-09-16"),
        ("2024-03-01", "2024-03-01"),
    ],
)
def test_every_date_format(raw, expected):
    parsed, bad = parse_dates(pd.Series([raw]))
    assert bad == 0
    assert parsed.iloc[0] == pd.Timestamp(expected)


def test_unparseable_dates_are_counted_not_fatal():
    parsed, bad = parse_dates(pd.Series(["not a date", "20 Nov 2018", ""]))
    assert bad == 1
    assert pd.isna(parsed.iloc[0]) and pd.isna(parsed.iloc[2])


def _resave(text: str, encoding: str = "utf-8", bom: bool = False, sep: str = ",") -> bytes:
    """What Excel does to the file: CRLF, maybe a BOM, cp1252, `;`, `Notes:,,` rows."""
    text = text.replace(",", sep) if sep != "," else text
    data = text.replace("\n", "\r\n").encode(encoding)
    return (b"\xef\xbb\xbf" + data) if bom else data


RESAVED = (
    "Notes:,,,,,,\n,,,,,,\n" + MODERN_HEADER + "\n"
    "José,Núñez,https://www.linkedin.com/in/jose,,Telefónica,Gerente de Ventas,5-Jan-26\n"
    "Zoë,Müller,https://www.linkedin.com/in/zoe,,Bäckerei,Geschäftsführerin,16.09.2021\n"
)


@pytest.mark.parametrize(
    "data",
    [
        _resave(RESAVED, bom=True),
        _resave(RESAVED, encoding="cp1252"),
        _resave(RESAVED, encoding="cp1252", sep=";"),
        _resave(RESAVED, sep=";"),
        "\ufeff".encode("utf-16-le") + RESAVED.encode("utf-16-le"),
        RESAVED.replace(",", "\t").encode("utf-16"),
    ],
    ids=["bom-crlf", "cp1252", "cp1252-semicolon", "semicolon", "utf16le-bom", "utf16-tab"],
)
def test_spreadsheet_resaves(data):
    net = load_export(data)
    df = net.df
    assert df["full_name"].tolist() == ["José Núñez", "Zoë Müller"]
    assert df["company"].tolist() == ["Telefónica", "Bäckerei"]
    assert df["connected_on"].tolist() == [pd.Timestamp("2026-01-05"), pd.Timestamp("2021-09-16")]
    assert not df["is_blank"].any()  # the `Notes:,,` row is not a connection


def test_columns_found_by_name_in_any_order_and_case():
    data = b"connected on,POSITION,company,last name,first name\n05 Jan 2026,CTO,Acme,Smith,Anna"
    df = load_connections(data)
    assert df.iloc[0]["full_name"] == "Anna Smith"
    assert df.iloc[0]["position"] == "CTO"


def test_whitespace_is_stripped():
    df = load_connections(modern_csv(["  Anna , Smith ,,,  Acme ,  VP Sales  ,05 Jan 2026"]))
    row = df.iloc[0]
    assert (row["first_name"], row["last_name"], row["company"], row["position"]) == (
        "Anna",
        "Smith",
        "Acme",
        "VP Sales",
    )


def test_duplicates_dropped_and_counted():
    row = "Anna,Smith,https://www.linkedin.com/in/anna,,Acme,VP Sales,05 Jan 2026"
    net = load_export(
        modern_csv([row, row.replace("/anna", "/anna/"), ",,,,,,01 Feb 2020", ",,,,,,01 Feb 2020"])
    )
    assert net.report.duplicates_removed == 1
    assert len(net.df) == 3  # two identical ghost rows are two hidden accounts, both kept


def test_headline_column_is_preferred_for_text():
    data = (
        b"First Name,Last Name,Company,Position,Headline,Connected On\n"
        b"Anna,Smith,Acme,Manager,Helping SaaS founders scale | VP Sales,05 Jan 2026"
    )
    df = load_connections(data)
    assert df.iloc[0]["text"].startswith("Helping SaaS founders scale")


def test_user_engagement_columns_win():
    data = (
        b"First Name,Last Name,Company,Position,Connected On,Engaged,Last Interaction,Interactions\n"
        b"Anna,Smith,Acme,VP Sales,05 Jan 2026,yes,01 Oct 2026,4\n"
        b"Bo,Li,Initech,CTO,03 Jan 2019,no,,0\n"
    )
    net = load_export(data)
    assert net.engagement_source == "user columns"
    assert net.df["engaged"].tolist() == [True, False]
    assert net.df["interactions"].tolist() == [4.0, 0.0]


# --- zips -----------------------------------------------------------------------------------

MESSAGES_2024 = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
    "SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
    "c1,,Anna Smith,https://www.linkedin.com/in/anna-smith,Me,https://www.linkedin.com/in/me,"
    "2025-12-16 18:24:37 UTC,,Hi,INBOX,,false\n"
    "c1,,Me,https://www.linkedin.com/in/me,Anna Smith,https://www.linkedin.com/in/Anna-Smith/,"
    "2025-12-17 09:00:00 UTC,,Hello,INBOX,,false\n"
    "c2,,Me,https://www.linkedin.com/in/me,Bob Jones,https://www.linkedin.com/in/bob-jones,"
    "2023-01-02 10:00:00 UTC,,Old,ARCHIVE,,false\n"
    "c3,,Spam Bot,https://www.linkedin.com/in/na-null,Me,https://www.linkedin.com/in/me,"
    "2026-01-02 10:00:00 UTC,,Buy,SPAM,,false\n"
    "c4,,Me,https://www.linkedin.com/in/me,NA Null,https://www.linkedin.com/in/na-null,"
    "2026-01-03 10:00:00 UTC,,draft,INBOX,,true\n"
)
INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    'Anna Smith,Me,"12/15/25, 7:47 AM",,INCOMING,https://www.linkedin.com/in/anna-smith,'
    "https://www.linkedin.com/in/me\n"
    'Me,Bob Jones,"11/02/25, 9:01 PM",,OUTGOING,https://www.linkedin.com/in/me,'
    "https://www.linkedin.com/in/bob-jones\n"
)
PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,"
    "Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    "Maya,Owner,,1 Secret Street,1 Jan 1980,Founder @ SaaS for sales teams,,Software Development,"
    ",,,,\n"
)


@pytest.fixture
def full_zip(modern_bytes) -> bytes:
    return make_zip(
        {
            "Basic_LinkedInDataExport_01-06-2026/Connections.csv": modern_bytes,
            "Basic_LinkedInDataExport_01-06-2026/messages.csv": MESSAGES_2024.encode(),
            "Basic_LinkedInDataExport_01-06-2026/Invitations.csv": INVITATIONS.encode(),
            "Basic_LinkedInDataExport_01-06-2026/Profile.csv": PROFILE.encode(),
            "Basic_LinkedInDataExport_01-06-2026/Reactions.csv": b"Date,Type,Link\n",
        }
    )


def test_zip_with_messages_measures_engagement(full_zip):
    net = load_export(full_zip, name="export.zip")
    df = net.df.set_index("first_name")
    assert net.engagement_source == "messages"
    assert df.loc["Anna", "interactions"] == 2  # matched on normalised URL (case, trailing /)
    assert df.loc["Anna", "last_interaction"] == pd.Timestamp("2025-12-17 09:00:00")
    assert bool(df.loc["Anna", "engaged"]) is True
    assert df.loc["Bob", "interactions"] == 1
    assert bool(df.loc["Bob", "engaged"]) is False  # 2023 is outside the 12-month window
    assert df.loc["NA", "interactions"] == 0  # spam and drafts do not count
    assert pd.isna(net.df.loc[net.df["is_blank"], "engaged"]).all()
    assert net.report.messages_skipped == 2


def test_engagement_window_is_a_parameter(full_zip):
    net = load_export(full_zip, engaged_window_months=48)
    assert bool(net.df.set_index("first_name").loc["Bob", "engaged"]) is True


def test_zip_direction_and_profile(full_zip):
    net = load_export(full_zip)
    df = net.df.set_index("first_name")
    assert df.loc["Anna", "direction"] == "inbound"
    assert df.loc["Bob", "direction"] == "outbound"
    assert net.profile["headline"] == "Founder @ SaaS for sales teams"
    assert net.profile["industry"] == "Software Development"
    assert "address" not in net.profile  # never keep what we do not need


def test_messages_2018_era_matched_by_name(modern_bytes):
    msgs = (
        b"From,To,Date,Subject,Content,Direction,Folder\n"
        b'Anna Smith,Me,"10/16/25, 8:36 AM",,Hi,INCOMING,INBOX\n'
        b'Me,Anna Smith,"10/17/25, 8:36 AM",,Hi,OUTGOING,INBOX\n'
        b'Me,Bob Jones,"10/17/25, 8:36 AM",,Hi,OUTGOING,INBOX\n'
    )
    net = load_export(make_zip({"Connections.csv": modern_bytes, "Messages.csv": msgs}))
    assert net.df.set_index("first_name").loc["Anna", "interactions"] == 2


def test_bare_csv_has_no_engagement(modern_bytes):
    net = load_export(modern_bytes)
    assert net.engagement_source == "none"
    assert net.df["engaged"].isna().all()


def test_path_and_file_object_sources(tmp_path, modern_bytes):
    p = tmp_path / "Connections.csv"
    p.write_bytes(modern_bytes)
    assert len(load_connections(p)) == 5
    assert len(load_connections(str(p))) == 5
    assert len(load_connections(io.BytesIO(modern_bytes))) == 5


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not a text file"),
        (b"name,age\nbob,3\n", "header"),
        (b"First Name,Last Name,Age\nBob,Li,3\n", "neither a Position nor a Company"),
        (MODERN_HEADER.encode(), "no connections"),
        (b"PK\x03\x04garbage", "could not be opened"),
    ],
    ids=["empty", "blank", "binary", "wrong-csv", "wrong-columns", "header-only", "broken-zip"],
)
def test_bad_input_gives_friendly_error(data, words):
    with pytest.raises(ExportError) as err:
        load_connections(data)
    assert words in str(err.value)
    assert "Traceback" not in str(err.value)


def test_zip_without_connections():
    with pytest.raises(ExportError, match="no Connections.csv"):
        load_connections(make_zip({"Profile.csv": PROFILE.encode()}))


def test_xlsx_is_recognised():
    xlsx = make_zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"})
    with pytest.raises(ExportError, match="Excel"):
        load_connections(xlsx, name="Connections.xlsx")


def test_zip_bomb_refused_without_inflating():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv", b"0" * (50 * 1024 * 1024))  # 50 MB of zeros, ~50 KB zipped
    assert len(buf.getvalue()) < 200_000
    with pytest.raises(ExportError, match="not opened|suspicious|larger"):
        load_connections(buf.getvalue())


def test_zip_bomb_with_many_entries_refused():
    buf = io.BytesIO()
    chunk = b"0" * (8 * 1024 * 1024)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(MAX_UNZIPPED_BYTES // len(chunk) + 2):
            zf.writestr(f"junk/{i}.bin", chunk)
        zf.writestr("Connections.csv", modern_csv())
    with pytest.raises(ExportError, match="expand"):
        load_connections(buf.getvalue())


def test_lying_zip_header_is_bounded(monkeypatch, modern_bytes):
    """A member whose declared size is small but that inflates past the bound is still refused."""
    import core.loader.archive as archive

    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 1000)
    monkeypatch.setattr(archive, "MAX_RATIO", 10**9)
    big = modern_csv(["Anna,Smith,,,Acme,VP,05 Jan 2026"] * 200)
    with pytest.raises(ExportError, match="larger than"):
        load_connections(make_zip({"Connections.csv": big}))


def test_normalise_url():
    assert normalise_url("https://www.LinkedIn.com/in/Ken-O%E2%80%99Brien/?trk=x") == (
        "linkedin.com/in/ken-o\u2019brien"
    )
    assert normalise_url("http://de.linkedin.com/in/a#top") == "linkedin.com/in/a"


# --- properties -----------------------------------------------------------------------------


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_table_or_an_export_error(data):
    try:
        df = load_connections(data)
    except ExportError:
        return
    assert list(df.columns) == COLUMNS


# Line breaks inside unquoted cells legitimately split rows; they are covered by the bytes test.
_cell = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=20
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.lists(_cell, min_size=0, max_size=9), max_size=12),
    st.sampled_from([",", ";", "\t"]),
    st.booleans(),
)
def test_csvish_text_under_a_real_header(rows, sep, preamble):
    header = MODERN_HEADER.replace(",", sep)
    body = "\n".join(sep.join(r) for r in rows)
    text = (PREAMBLE if preamble else "") + header + "\n" + body
    try:
        df = load_connections(text.encode("utf-8"))
    except ExportError:
        return
    assert list(df.columns) == COLUMNS
    assert df["is_blank"].dtype == bool
    assert len(df) <= len(rows)


def _plain(text: str) -> str:
    """What the loader keeps of a cell: control characters out (line breaks and tabs as a
    space), surrounding white space stripped."""
    import re

    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    text = re.sub(r"[\t\r\n]+", " ", text)
    return re.sub(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", "", text).strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_cell, _cell, _cell, _cell), min_size=1, max_size=8))
def test_written_rows_round_trip(people):
    """Whatever names and titles are in a well-formed file come back stripped, in order."""
    import csv

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(MODERN_HEADER.split(","))
    for first, last, company, position in people:
        w.writerow([first, last, "", "", company, position, "05 Jan 2026"])
    kept, seen = [], set()
    for person in (tuple(_plain(x) for x in p) for p in people):
        if person in seen:  # the same named row twice (no URL to tell them apart) is one person
            continue
        if (person[0] + " " + person[1]).strip():  # without a name nothing says it is one person
            seen.add(person)
        kept.append(person)
    df = load_connections((PREAMBLE + buf.getvalue()).encode("utf-8"))
    got = list(zip(df["first_name"], df["last_name"], df["company"], df["position"], strict=True))
    assert got == kept


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 35),
    st.sampled_from(["Jan", "Feb", "Mar", "Apr", "Jun", "Sep", "Dec", "Xyz"]),
    st.integers(1990, 2099),
)
def test_modern_date_fast_path_agrees_with_strptime(day, month, year):
    text = f"{day:02d} {month} {year}"
    parsed, _ = parse_dates(pd.Series([text]))
    expected = pd.to_datetime(text, format="%d %b %Y", errors="coerce")
    if pd.isna(expected) or expected < pd.Timestamp("2003-01-01"):
        assert pd.isna(parsed.iloc[0])
    else:
        assert parsed.iloc[0] == expected


# The loader's vectorised shortcuts must agree with their plain one-value-at-a-time references.
_url_part = st.text(
    alphabet=st.sampled_from(list("abcXYZ-_/%?#é0129 "))
    | st.characters(blacklist_categories=("Cs",)),
    max_size=12,
)
_urls = st.lists(
    st.one_of(
        st.builds(lambda s: "https://www.linkedin.com/in/" + s, _url_part),
        st.builds(lambda s: "http://de.linkedin.com/in/" + s, _url_part),
        st.builds(lambda s: "https://www.LinkedIn.com/in/" + s + "/", _url_part),
        st.builds(lambda s: "https://www.linkedin.com/in/" + s + "%0A%E2%80%99", _url_part),
        st.just(""),
        _url_part,
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(_urls)
def test_vectorised_url_keys_match_normalise_url(urls):
    stripped = [u.strip() for u in urls]
    got = normalise_urls(pd.Series(stripped, dtype="str")).tolist()
    assert got == [normalise_url(u) for u in stripped]
