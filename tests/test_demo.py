"""The demo network: deterministic, real-format, and loaded through the real loader."""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from core.connections import load_export
from core.demo import DEMO_PATH, PREAMBLE, connections_csv, generate_export


def test_generator_is_deterministic():
    assert generate_export(300, seed=3) == generate_export(300, seed=3)
    assert generate_export(300, seed=3) != generate_export(300, seed=4)


def test_shipped_zip_matches_the_generator():
    """Nobody edits the zip without the generator (run scripts/make_demo.py)."""
    assert DEMO_PATH.read_bytes() == generate_export()


def test_zip_layout_and_real_preamble():
    with zipfile.ZipFile(io.BytesIO(generate_export(200))) as zf:
        names = set(zf.namelist())
        assert {"Connections.csv", "messages.csv", "Invitations.csv", "Profile.csv"} <= names
        text = zf.read("Connections.csv").decode("utf-8")
    assert text.startswith(PREAMBLE + "First Name,Last Name,URL,Email Address,Company,Position,")
    assert not text.endswith("\n")
    nested = zipfile.ZipFile(io.BytesIO(generate_export(50, nested=True))).namelist()
    assert all("/" in n for n in nested)


def test_demo_loads_with_measured_engagement():
    net = load_export(DEMO_PATH, is_demo=True)
    df = net.df
    assert len(df) == 2500
    assert net.engagement_source == "messages"
    assert 0.01 <= df["is_blank"].mean() <= 0.03
    assert 0.06 <= df.loc[~df["is_blank"], "engaged"].astype(float).mean() <= 0.2
    assert net.diagnostics["messages_skipped"] > 0  # spam and drafts were there and skipped
    assert net.profile["headline"].startswith("Founder")
    assert (df["direction"] != "").sum() > 100
    span = df["connected_on"].max() - df["connected_on"].min()
    assert span > pd.Timedelta(days=9 * 365)


def test_engagement_follows_role():
    df = load_export(DEMO_PATH).df
    real = df[~df["is_blank"]]
    sales = real["position"].str.contains("Sales|Account Executive|Founder|CEO", regex=True)
    students = real["position"].str.contains("Student|Intern|Recruiter", regex=True)
    assert real.loc[sales, "interactions"].gt(0).mean() > 2 * real.loc[students, "interactions"].gt(0).mean()


def test_connections_csv_sizes():
    df = load_export(connections_csv(1000, seed=5)).df
    assert len(df) == 1000
    assert df["position"].nunique() > 300  # varied titles, like real networks
