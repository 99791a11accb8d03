"""Real-format exports load (tests/data/exports: small samples of shapes seen in public exports),
with what is missing said, and no person dropped silently."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from core.demo import connections_csv
from core.loader import ExportError, LoadReport, load_export, load_files
from core.schema import COLUMNS, CONNECTION_CAP
from tests.conftest import make_zip, modern_csv

EXPORTS = Path(__file__).parent / "data" / "exports"


def _load(name: str):
    return load_export(EXPORTS / name)


@pytest.mark.parametrize("path", sorted(EXPORTS.glob("*.csv")), ids=lambda p: p.stem)
def test_every_sample_loads_into_the_table(path):
    net = load_export(path)
    assert list(net.df.columns) == COLUMNS
    assert isinstance(net.report, LoadReport)
    assert net.report.connections == len(net.df) > 0


def test_semicolon_first_name_only_with_spanish_dates():
    net = _load("semicolon_first_name_spanish_dates.csv")
    df = net.df
    assert net.report.delimiter == "semicolon" and net.report.encoding == "cp1252"
    assert df["full_name"].tolist()[:3] == ["María", "José", "Lucía"]
    assert df["connected_on"].tolist()[:5] == [
        pd.Timestamp(d)
        for d in ("2016-12-01", "2009-10-30", "2020-06-18", "2021-01-15", "2019-12-03")
    ]
    assert net.report.unparseable_dates == 0
    assert df["is_blank"].sum() == 1  # the row with only a date is a hidden account
    assert set(net.report.missing) == {"url"}


@pytest.mark.parametrize(
    "name", ["anonymised_company_position.csv", "anonymised_notes_company_position.csv"]
)
def test_anonymised_company_position_export(name):
    net = _load(name)
    df = net.df
    assert net.report.preamble_lines == (3 if "notes" in name else 0)
    # Two people with the same company and title are two people: nothing says otherwise.
    assert df["text"].tolist() == [
        "VP Sales @ Acme Software",
        "Software Engineer @ Globex",
        "Recruiter @ Initech",
        "Head of Growth @ Umbrella, Inc.",
        "Account Executive @ Acme Software",
        "VP Sales @ Acme Software",
    ]
    assert net.report.duplicates_removed == 0
    assert set(net.report.missing) == {"names", "url", "connected_on"}
    assert "title and company" in net.report.missing["names"]
    assert "growth chart" in net.report.missing["connected_on"]


def test_excel_resave_question_marks_keep_distinct_people():
    """A cp1252 re-save turned non-Latin slugs into "?": such keys are no keys, so distinct
    people are never merged; the one real repeat (same profile, same name) is removed."""
    net = _load("excel_cp1252_question_marks.csv")
    df = net.df
    assert len(df) == 10
    assert df["full_name"].value_counts()["Wei Zhang"] == 3
    assert set(df["url_key"]) == {"", "linkedin.com/in/jose-nunez", "linkedin.com/in/anna-smith"}
    (dup,) = net.report.duplicates
    assert (dup.name, dup.company) == ("José Núñez", "Telefónica")


def test_same_key_different_name_is_two_people():
    rows = [
        "Anna,Smith,https://www.linkedin.com/in/anna-smith,,Acme,VP Sales,05 Jan 2026",
        "Anne,Smythe,https://www.linkedin.com/in/anna-smith,,Acme,VP Sales,05 Jan 2026",
        "ANNA,SMITH,https://www.linkedin.com/in/Anna-Smith/,,Acme,VP,04 Jan 2026",
    ]
    net = load_export(modern_csv(rows))
    assert net.df["full_name"].tolist() == ["Anna Smith", "Anne Smythe"]
    assert net.report.duplicates_removed == 1


def test_no_url_column_matches_duplicates_on_every_field():
    old = "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    rows = [
        "Ana,Li,,Acme,CTO,05 Jan 2020",
        "Ana,Li,,Acme,CTO,05 Jan 2020",
        "Ana,Li,,Globex,CTO,05 Jan 2020",
    ]
    net = load_export((old + "\n".join(rows)).encode())
    assert len(net.df) == 2 and net.report.duplicates_removed == 1
    assert "url" in net.report.missing


def test_multilingual_month_names():
    df = _load("multilingual_dates.csv").df
    assert df["connected_on"].dt.strftime("%Y-%m-%d").tolist() == [
        "2021-03-03",
        "2019-05-12",
        "2020-01-05",
        "2022-01-07",
        "2020-03-01",
        "2019-10-04",
        "2023-03-09",
        "2021-01-15",
        "2024-07-02",
        "2018-11-20",
        "2021-09-16",
        "2026-01-05",
    ]


def test_utf16_big_endian_without_bom():
    net = _load("utf16be_no_bom.csv")
    assert net.report.encoding == "utf-16-be" and net.report.delimiter == "tab"
    assert net.df["full_name"].tolist() == ["Zoë Müller", "Åsa Lind"]


def test_nul_bytes_and_control_characters_are_removed():
    df = _load("nul_and_controls.csv").df
    assert df["full_name"].tolist() == ["Anna Smith", "Bo Li"]
    assert df["company"].tolist() == ["Acme", "Initech"]
    assert df["position"].tolist() == ["VP Sales", "CTO and founder"]
    text = "".join(df[["full_name", "company", "position", "text"]].to_numpy().ravel())
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in text)


def test_modern_and_old_eras():
    assert _load("modern.csv").report.missing == {}
    legacy = _load("legacy_2018.csv")
    assert legacy.df["connected_on"].tolist() == [
        pd.Timestamp("2018-01-08"),
        pd.Timestamp("2017-12-24"),
    ]
    assert set(_load("no_url_2022.csv").report.missing) == {"url"}


@pytest.mark.parametrize("variant", ["modern", "no_url", "legacy", "resaved"])
def test_demo_variants_load_whole(variant):
    net = load_export(connections_csv(300, seed=3, variant=variant))
    assert len(net.df) == 300
    assert net.report.unparseable_dates == 0 and net.report.duplicates_removed == 0


def test_more_than_linkedins_cap_keeps_the_newest_and_says_so():
    data = connections_csv(CONNECTION_CAP + 40, seed=2)
    net = load_export(data)
    assert len(net.df) == CONNECTION_CAP and net.report.over_cap == 40
    assert any("30,000" in w and "40" in w for w in net.report.warnings)
    full = pd.read_csv(pd.io.common.BytesIO(data), skiprows=3, dtype=str, keep_default_na=False)
    dates = pd.to_datetime(full["Connected On"], format="%d %b %Y")
    assert net.df["connected_on"].min() >= dates.nlargest(CONNECTION_CAP).min()


# --- several files chosen together (an export unzipped by macOS) ----------------------------

MESSAGES = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
    "SUBJECT,CONTENT,FOLDER\n"
    "c1,,Anna Smith,https://www.linkedin.com/in/anna-smith,Me,https://www.linkedin.com/in/owner,"
    "2025-12-16 18:24:37 UTC,,Hi,INBOX\n"
    "c1,,Me,https://www.linkedin.com/in/owner,Anna Smith,https://www.linkedin.com/in/anna-smith,"
    "2025-12-17 09:00:00 UTC,,Hello,INBOX\n"
    "c2,,Me,https://www.linkedin.com/in/owner,Bob Jones,https://www.linkedin.com/in/bob-jones,"
    "2025-11-02 10:00:00 UTC,,Hey,INBOX\n"
)
PROFILE = "First Name,Last Name,Headline,Industry\nMaya,Owner,Founder @ SaaS,Software\n"


def test_files_chosen_together_load_like_the_zip():
    files = [
        ("Connections.csv", modern_csv()),
        ("messages.csv", MESSAGES.encode()),
        ("Profile.csv", PROFILE.encode()),
        ("Reactions.csv", b"Date,Type,Link\n"),
    ]
    together = load_files(files)
    zipped = load_export(make_zip(dict(files)))
    assert together.engagement_source == zipped.engagement_source == "messages"
    pd.testing.assert_frame_equal(together.df, zipped.df)
    assert (
        together.profile
        == zipped.profile
        == {
            "first_name": "Maya",
            "last_name": "Owner",
            "headline": "Founder @ SaaS",
            "industry": "Software",
        }
    )
    assert any("Reactions.csv" in w for w in together.report.warnings)


def test_one_file_under_any_name_is_connections():
    assert len(load_files([("my network.csv", modern_csv())]).df) == 5


def test_files_without_connections_are_refused():
    with pytest.raises(ExportError, match="Connections.csv"):
        load_files([("messages.csv", MESSAGES.encode()), ("Profile.csv", PROFILE.encode())])


def test_the_newest_choice_wins():
    """The upload box keeps adding files: the last one chosen decides what is read."""
    export = make_zip({"Connections.csv": modern_csv()})
    net = load_files([("notes.txt", b"hello"), ("export.zip", export)])
    assert len(net.df) == 5
    assert any("notes.txt" in w for w in net.report.warnings)
    newer = modern_csv(["Zoe,New,https://www.linkedin.com/in/zoe-new,,Acme,CTO,06 Jan 2026"])
    net = load_files(
        [("export.zip", export), ("Connections.csv", modern_csv()), ("Connections (1).csv", newer)]
    )
    assert net.df["full_name"].tolist() == ["Zoe New"]
    assert net.report.files_used == ("Connections (1).csv",)
    assert net.source_label == "Connections (1).csv"
    assert load_files([("export.zip", export)]).source_label == "export.zip"
    net = load_files([("Connections.csv", modern_csv()), ("photo.png", b"\x89PNG" + bytes(99))])
    assert len(net.df) == 5 and "photo.png" in net.report.warnings[0]
    with pytest.raises(ExportError, match="not a text file"):  # the newest unnamed file is it
        load_files([("export.zip", export), ("random.bin", bytes(range(256)) * 20)])
