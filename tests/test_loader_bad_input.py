"""Every bad input issue 14 lists gives an ExportError or a plain warning, never a crash; the
rest of a good export still loads."""

from __future__ import annotations

import io
import logging
import zipfile

import pytest

from core.loader import ExportError, load_export
from core.loader.errors import QUOTE_LIMIT
from tests.conftest import MODERN_HEADER, make_zip, modern_csv

MSG_HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
    "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n"
)
ANNA = "https://www.linkedin.com/in/anna-smith"
OWNER = "https://www.linkedin.com/in/maya-owner"


def _msg(frm: str, to: str, date: str = "2025-12-16 18:24:37 UTC") -> str:
    return f"c1,,x,{frm},y,{to},{date},,hi,INBOX\n"


def _with(**files: bytes) -> bytes:
    return make_zip({"Connections.csv": modern_csv(), **files})


def _loads_without_engagement(data: bytes, words: str):
    net = load_export(data)
    assert len(net.df) == 5  # the connections are all there
    assert net.engagement_source == "none"
    assert any(words in w for w in net.report.warnings), net.report.warnings
    return net


def test_owner_only_messages_is_a_warning():
    welcome = MSG_HEADER + _msg("", OWNER)  # LinkedIn's welcome: no sender profile
    _loads_without_engagement(_with(**{"messages.csv": welcome.encode()}), "only your own")


def test_messages_with_one_participant_only():
    lonely = MSG_HEADER + _msg(OWNER, "") + _msg(OWNER, "")
    _loads_without_engagement(_with(**{"messages.csv": lonely.encode()}), "only your own")


@pytest.mark.parametrize("header", ["DATE,Date ", "FOLDER,folder", "FROM,From"])
def test_messages_columns_repeated_after_case_folding(header):
    first, second = header.split(",")
    text = MSG_HEADER.rstrip("\n") + f",{second}\n" + (_msg(ANNA, OWNER).rstrip("\n") + ",x\n") * 2
    text = text.replace(first, first, 1)
    net = load_export(_with(**{"messages.csv": text.encode()}))
    assert len(net.df) == 5  # loads; messages read or skipped with a warning, never a crash


def test_invitations_direction_repeated_after_case_folding():
    inv = (
        "From,To,Sent At,Message,Direction,direction \n"
        'Anna Smith,Me,"12/15/25, 7:47 AM",,INCOMING,OUTGOING\n'
    )
    net = load_export(_with(**{"Invitations.csv": inv.encode()}))
    assert net.df.set_index("first_name").loc["Anna", "direction"] == "inbound"  # first wins


def test_year_one_message_date_is_never_logged(caplog):
    text = MSG_HEADER + _msg(ANNA, OWNER, "0001-01-01 00:00:00 UTC") + _msg(OWNER, ANNA)
    with caplog.at_level(logging.DEBUG):
        net = load_export(_with(**{"messages.csv": text.encode()}))
    assert net.df.set_index("first_name").loc["Anna", "interactions"] == 2
    assert "0001" not in caplog.text


def _corrupt(member: str, data: bytes) -> bytes:
    """A zip whose `member` has damaged deflate data (a broken download), CRC left alone."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("Connections.csv" if member != "Connections.csv" else "x.txt", modern_csv())
        zf.writestr(member, data)
    raw = bytearray(buf.getvalue())
    start = raw.index(member.encode()) + len(member)  # just after the local header's name
    for i in range(start + 5, start + 40):
        raw[i] = 0xFF
    return bytes(raw)


def test_corrupt_connections_deflate_is_an_export_error():
    with pytest.raises(ExportError, match="damaged|could not be opened"):
        load_export(_corrupt("Connections.csv", modern_csv() * 20))


def test_corrupt_messages_deflate_is_a_warning():
    data = _corrupt("messages.csv", (MSG_HEADER + _msg(ANNA, OWNER) * 200).encode())
    _loads_without_engagement(data, "messages.csv")


def test_large_compressible_messages_no_longer_rejects_the_export():
    text = MSG_HEADER + _msg(ANNA, OWNER) * 60_000 + _msg(OWNER, ANNA)  # ~6 MB, ratio > 200
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("Connections.csv", modern_csv())
        zf.writestr("messages.csv", text)
    info = zipfile.ZipFile(buf).getinfo("messages.csv")
    assert info.file_size / info.compress_size > 200
    net = load_export(buf.getvalue())
    assert net.engagement_source == "messages"
    assert net.df.set_index("first_name").loc["Anna", "interactions"] == 60_001


def test_too_large_messages_is_a_warning(monkeypatch):
    import core.loader.archive as archive

    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 2000)
    text = MSG_HEADER + _msg(ANNA, OWNER) * 100
    _loads_without_engagement(_with(**{"messages.csv": text.encode()}), "larger than")


def test_unreadable_messages_is_a_warning():
    _loads_without_engagement(_with(**{"messages.csv": b"\x00\x01\x02" * 500}), "not a text")
    _loads_without_engagement(_with(**{"messages.csv": b"a,b\n1,2\n"}), "DATE")


def test_two_connections_files_warn_naming_the_one_used():
    data = make_zip(
        {
            "old/Connections.csv": modern_csv(["Old,One,,,Acme,CTO,01 Jan 2020"]),
            "Connections.csv": modern_csv(),
        }
    )
    net = load_export(data)
    assert len(net.df) == 5
    (warning,) = net.report.warnings
    assert "used 'Connections.csv'" in warning and "old/Connections.csv" in warning


def test_error_quotes_at_most_200_characters_of_the_file():
    header = ",".join(f"column {i} " + "x" * 40 for i in range(20_000))  # ~800 KB header
    with pytest.raises(ExportError) as err:
        load_export((header + "\n1,2\n").encode())
    assert len(str(err.value)) < QUOTE_LIMIT + 300
    wide = "First Name,Last Name," + header
    with pytest.raises(ExportError) as err:
        load_export((wide + "\nA,B\n").encode())
    assert len(str(err.value)) < QUOTE_LIMIT + 300


def test_member_name_is_quoted_short_and_without_controls():
    name = "Connections.csv"
    long_dir = ("\x1b[31m" + "d" * 500 + "/") + name
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(long_dir, b"0" * (30 * 1024 * 1024))
    with pytest.raises(ExportError) as err:
        load_export(buf.getvalue())
    assert "\x1b" not in str(err.value) and len(str(err.value)) < QUOTE_LIMIT + 300


def test_no_position_or_company_column():
    with pytest.raises(ExportError, match="neither a Position nor a Company"):
        load_export(b"First Name,Last Name,URL\nA,B,https://www.linkedin.com/in/ab-c\n")


def test_header_without_rows():
    with pytest.raises(ExportError, match="no connections"):
        load_export((MODERN_HEADER + "\n,,,,,,\n").encode())


def test_rows_with_the_wrong_number_of_fields_are_counted():
    data = modern_csv(["Anna,Smith,,,Acme,VP Sales,05 Jan 2026", "Bo,Li,too,many,fields,,,,x,y"])
    net = load_export(data)
    assert len(net.df) == 1 and net.report.rows_malformed == 1
    assert any("wrong number of fields" in w for w in net.report.warnings)


def test_hostile_cases_load_or_give_an_export_error():
    """The shared hostile files (also swept in the browser): each loads or is refused politely."""
    from tests.hostile import MARKUP, cases

    for name, data, expect in cases(big=2_000):
        if expect == "error":
            with pytest.raises(ExportError) as err:
                load_export(data, name=name)
            assert len(str(err.value)) < QUOTE_LIMIT + 300
        else:
            net = load_export(data, name=name)
            assert len(net.df) > 0
            assert not net.df["full_name"].str.contains("\x00", regex=False).any()
    with pytest.raises(ExportError, match="Columns found") as err:
        load_export(cases(big=10)[0][1])
    assert MARKUP in str(err.value)  # quoted as text; the page escapes it (tests/test_safe_text)


def test_messages_matched_by_name_when_connections_have_no_url():
    """2021-2023 exports: Connections.csv without URL, messages.csv with names and URLs."""
    connections = (
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Anna,Smith,,Acme,VP Sales,05 Jan 2022\nBo,Li,,Initech,CTO,20 Nov 2021\n"
    )
    messages = (
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT\n"
        f"c1,,Anna Smith,{ANNA},Maya Owner,2022-03-01 10:00:00 UTC,,hi\n"
        f"c1,,Maya Owner,{OWNER},Anna Smith,2022-03-02 10:00:00 UTC,,hello\n"
        f"c2,,Maya Owner,{OWNER},Someone Else,2022-03-03 10:00:00 UTC,,hey\n"
    )
    net = load_export(
        make_zip({"Connections.csv": connections.encode(), "messages.csv": messages.encode()})
    )
    assert net.engagement_source == "messages" and net.report.messages_matched_by == "name"
    assert net.df.set_index("first_name")["interactions"].to_dict() == {"Anna": 2.0, "Bo": 0.0}


def test_messages_whose_urls_were_cut_short_say_so():
    cut = "https://www.linkedin.com/in/??-???"
    text = MSG_HEADER + _msg(cut, OWNER) + _msg(OWNER, cut) + _msg(OWNER, cut + "?")
    _loads_without_engagement(_with(**{"messages.csv": text.encode()}), "cannot be matched")
