"""The demo network: deterministic, in LinkedIn's real formats, and loaded through the real loader.

The catalogue (core/data/demo_catalogue.toml) is validated on load; the committed persona zips
are pinned to the generator; the app reads those zips and never runs the generator.
"""

from __future__ import annotations

import copy
import csv
import importlib.util
import io
import re
import tomllib
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest

from core.demo import (
    CATALOGUE_PATH,
    DEFAULT_PERSONA,
    DEMO_PATH,
    EXPORT_DATE,
    PERSONAS,
    ROLES,
    VARIANTS,
    catalogue,
    connections_csv,
    demo_bytes,
    demo_people,
    generate_export,
    persona_path,
)
from core.demo.catalogue import parse
from core.demo.draws import band
from core.icp import PRESETS
from core.loader import load_export

ROOT = Path(__file__).resolve().parents[1]

# Copied from shared/formats/linkedin-export.md on purpose (not imported from core.demo): the
# bytes every modern export starts with, so a change to the generator's copy fails here.
REAL_PREAMBLE = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    "addresses are missing. You will only see email addresses for connections who have allowed "
    "their connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
)
FILES = {
    "Connections.csv",
    "messages.csv",
    "Invitations.csv",
    "Profile.csv",
    "Positions.csv",
    "Reactions.csv",
    "Comments.csv",
}
OWNER_URL = "https://www.linkedin.com/in/maya-lindqvist-demo"


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _rows(text: str, skip: int = 0) -> list[dict[str, str]]:
    lines = io.StringIO(text)
    for _ in range(skip):
        lines.readline()
    return list(csv.DictReader(lines))


@pytest.fixture(scope="module")
def shipped() -> dict[str, bytes]:
    return _members(demo_bytes())


@pytest.fixture(scope="module")
def people(shipped) -> list[dict[str, str]]:
    return _rows(shipped["Connections.csv"].decode("utf-8"), skip=3)


@pytest.fixture(scope="module")
def net():
    return load_export(DEMO_PATH, is_demo=True)


# --- the generator --------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_output():
    assert generate_export(300, seed=3) == generate_export(300, seed=3)
    assert generate_export(300, seed=3) != generate_export(300, seed=4)
    assert connections_csv(300, seed=3) == connections_csv(300, seed=3)


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_committed_zip_is_what_the_generator_makes_now(persona):
    """Nobody edits one without the other: after a catalogue or generator change, `make demo`.

    Compares names, order and contents (not the deflate stream, which may differ between zlib
    builds); entry timestamps are fixed so the archive carries no build time.
    """
    path = persona_path(persona)
    assert list(_members(generate_export(persona=persona)).items()) == list(
        _members(path.read_bytes()).items()
    )
    with zipfile.ZipFile(path) as zf:
        assert {i.date_time for i in zf.infolist()} == {(2026, 11, 2, 0, 0, 0)}
    assert 80_000 < path.stat().st_size < 250_000  # small enough to ship in the repo


def _make_demo_script():
    spec = importlib.util.spec_from_file_location("make_demo", ROOT / "scripts" / "make_demo.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_demo_check_fails_on_a_stale_zip(tmp_path, monkeypatch, capsys):
    script = _make_demo_script()
    monkeypatch.setattr("sys.argv", ["make_demo.py", "--check"])
    assert script.main() == 0  # the committed zips are current
    assert capsys.readouterr().out.count("up to date") == len(PERSONAS)
    stale = tmp_path / "demo_recruiter.zip"
    stale.write_bytes(generate_export(50, persona="recruiter"))  # a plausible but different zip
    real_path = script.persona_path
    monkeypatch.setattr(
        script, "persona_path", lambda k: stale if k == "recruiter" else real_path(k)
    )
    assert script.main() == 1
    out = capsys.readouterr().out
    assert f"{stale}: OUT OF DATE" in out and out.count("up to date") == len(PERSONAS) - 1


def test_the_app_never_runs_the_generator():
    """The app loads the committed zips; generating 2,500 people at a click is off the run path."""
    app_files = [
        ROOT / "app.py",
        *sorted((ROOT / "pages").glob("*.py")),
        *sorted((ROOT / "ui").glob("*.py")),
    ]
    generator = re.compile(r"\b(generate_export|connections_csv|demo_people|build_network)\b")
    used = [f.relative_to(ROOT).as_posix() for f in app_files if generator.search(f.read_text())]
    assert used == []
    workshop = (ROOT / "ui" / "workshop.py").read_text()
    assert "persona_path" in workshop  # personas are read from their committed zip
    assert {persona_path(k) for k in PERSONAS} == {DEMO_PATH} | {
        DEMO_PATH.parent / f"demo_{k}.zip" for k in PERSONAS if k != DEFAULT_PERSONA
    }


def test_archive_layout_root_and_nested():
    assert set(_members(generate_export(200))) == FILES  # real archives: files at the root
    nested = _members(generate_export(200, nested=True))
    assert set(nested) == {f"Basic_LinkedInDataExport_11-02-2026/{f}" for f in FILES}
    net = load_export(generate_export(200, nested=True))
    assert len(net.df) == 200 and net.engagement_source == "messages"


# --- Connections.csv as LinkedIn writes it ------------------------------------------------------


def test_connections_csv_bytes_follow_the_real_format(shipped):
    raw = shipped["Connections.csv"]
    assert raw.startswith(REAL_PREAMBLE.encode("utf-8"))
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    assert not raw.endswith(b"\n")
    assert connections_csv(50).startswith(REAL_PREAMBLE.encode("utf-8"))


def test_rows_look_like_a_real_network(people):
    assert len(people) == 2500
    days = [datetime.strptime(p["Connected On"], "%d %b %Y") for p in people]
    assert all(re.fullmatch(r"\d{2} [A-Z][a-z]{2} \d{4}", p["Connected On"]) for p in people)
    assert days == sorted(days, reverse=True)  # newest first
    ghosts = [p for p in people if not (p["First Name"] or p["Last Name"] or p["URL"])]
    assert all(not (p["Company"] or p["Position"] or p["Email Address"]) for p in ghosts)
    assert 0.01 <= len(ghosts) / len(people) <= 0.03
    real = [p for p in people if p not in ghosts]
    assert 0.01 <= sum(bool(p["Email Address"]) for p in real) / len(real) <= 0.05
    assert 0.015 <= sum(not p["Position"].strip() for p in real) / len(real) <= 0.05
    padded = sum(
        p["First Name"] != p["First Name"].strip()
        or p["Last Name"] != p["Last Name"].strip()
        or p["Position"] != p["Position"].strip()
        for p in real
    )
    assert 0.03 <= padded / len(real) <= 0.13
    urls = [p["URL"] for p in real]
    assert len(set(urls)) == len(urls)
    assert all(re.fullmatch(r"https://www\.linkedin\.com/in/[A-Za-z0-9%-]+", u) for u in urls)
    positions = [p["Position"].strip() for p in real if p["Position"].strip()]
    assert 0.6 <= len(set(positions)) / len(positions) <= 0.8  # varied, as in real networks


def test_the_awkward_rows_of_real_exports_are_there(shipped, people):
    text = shipped["Connections.csv"].decode("utf-8")
    assert '"James ""Tyler"""' in text and '"Arseienko, CFEI®"' in text
    names = {(p["First Name"], p["Last Name"]) for p in people}
    assert ("NA", "Hughes") in names and ("Null", "Okafor") in names  # not missing values
    assert "https://www.linkedin.com/in/ken-o%E2%80%99brien" in text
    encoded = [p for p in people if "%" in p["URL"]]
    assert 5 <= len(encoded) <= 0.05 * len(people)
    assert any(re.search("[\U0001d400-\U0001d7ff]", p["First Name"]) for p in people)  # 𝐀𝐧𝐚𝐧𝐝
    assert any(
        re.search("[\u2600-\u27bf\U0001f300-\U0001faff]", p["First Name"] + p["Position"])
        for p in people
    )  # emoji


def test_titles_span_functions_levels_and_languages(people):
    positions = [p["Position"] for p in people]
    joined = "\n".join(positions)
    for word in (
        "Intern",
        "Student",
        "Junior",
        "Associate",
        "Senior",
        "Lead",
        "Manager",
        "Director",
        "Head of",
        "VP",
        "SVP",
        "Founder",
        "Partner",
        "Sr.",
        "Mgr",
        "SDR",
        "AE",
        "BDR",
        "CRO",
        "Recruiter",
        "Engineer",
        "Nurse|Physician",
        "Counsel",
    ):
        assert re.search(rf"\b(?:{word})\b", joined), word
    foreign = {t for r in ROLES for t in r.foreign}
    share = sum(p.strip() in foreign for p in positions) / len(positions)
    assert 0.02 <= share <= 0.08  # ~5% non-English titles
    assert sum(" @ " in p and " | " in p for p in positions) > 50  # headline-style positions


def test_growth_curve_is_slow_then_faster(people):
    years = pd.Series([int(p["Connected On"][-4:]) for p in people]).value_counts()
    assert years.index.min() == 2016 and years.index.max() == 2026
    assert years[[2016, 2017, 2018]].sum() < 0.06 * len(people)  # a slow start
    assert years[[2023, 2024, 2025, 2026]].sum() > 0.6 * len(people)  # recent growth


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_variant_loads_to_the_same_people(variant):
    modern = load_export(connections_csv(400, seed=5)).df
    df = load_export(connections_csv(400, seed=5, variant=variant)).df
    assert len(df) == 400
    assert df["full_name"].equals(modern["full_name"])
    assert df["position"].equals(modern["position"])
    assert df["connected_on"].dt.normalize().equals(modern["connected_on"])
    assert (df["url"] != "").any() == (variant in ("modern", "resaved"))


def test_unknown_variant_is_refused():
    with pytest.raises(ValueError, match="variant"):
        connections_csv(10, variant="2019")


# --- the other files ------------------------------------------------------------------------


def test_messages_are_2024_era_rows_with_the_owner_on_one_side(shipped):
    text = shipped["messages.csv"].decode("utf-8")
    assert text.startswith(
        "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
        "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,"
        "IS MESSAGE DRAFT\n"
    )
    rows = _rows(text)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", m["DATE"]) for m in rows)
    assert {m["FOLDER"] for m in rows} <= {"INBOX", "ARCHIVE", "SPAM", ""}
    kept = [m for m in rows if m["FOLDER"] != "SPAM" and m["IS MESSAGE DRAFT"] != "true"]
    assert all(
        OWNER_URL in (m["SENDER PROFILE URL"] + "," + m["RECIPIENT PROFILE URLS"]) for m in kept
    )
    assert any(m["FOLDER"] == "SPAM" for m in rows) and any(
        m["IS MESSAGE DRAFT"] == "true" for m in rows
    )
    assert any("," in m["RECIPIENT PROFILE URLS"] for m in kept)  # group chats


def test_invitations_cover_only_the_last_year(shipped):
    rows = _rows(shipped["Invitations.csv"].decode("utf-8"))
    assert rows and set(rows[0]) == {
        "From",
        "To",
        "Sent At",
        "Message",
        "Direction",
        "inviterProfileUrl",
        "inviteeProfileUrl",
    }
    assert all(
        re.fullmatch(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M", r["Sent At"]) for r in rows
    )
    sent = [datetime.strptime(r["Sent At"], "%m/%d/%y, %I:%M %p").date() for r in rows]
    assert min(sent) >= EXPORT_DATE - timedelta(days=366) and max(sent) <= EXPORT_DATE
    assert {r["Direction"] for r in rows} == {"INCOMING", "OUTGOING"}


def test_profile_is_a_b2b_saas_founder(net):
    assert net.profile["headline"].startswith("Founder @ ")
    assert net.profile["industry"] == "Software Development"


# --- through the real loader ----------------------------------------------------------------


def test_demo_loads_with_engagement_measured_from_messages(net):
    df, rep = net.df, net.report
    assert len(df) == 2500 and net.engagement_source == "messages"
    real = df[~df["is_blank"]]
    assert 0.12 <= real["interactions"].gt(0).mean() <= 0.24  # 7-24% in real exports
    assert 0.1 <= real["engaged"].astype(float).mean() <= 0.16  # engaged in the last 12 months
    assert rep.messages_skipped > 0  # spam and drafts were there, and skipped
    last = real["last_interaction"].dropna()
    assert last.min() > pd.Timestamp(EXPORT_DATE) - pd.DateOffset(years=2, days=5)
    assert (last >= real.loc[last.index, "connected_on"]).all()  # no message before connecting
    recent = real["connected_on"] >= pd.Timestamp(EXPORT_DATE) - pd.DateOffset(months=11)
    assert real.loc[recent, "direction"].ne("").mean() > 0.9  # invitations matched by URL
    assert real.loc[~recent & (real["connected_on"] < "2025-10-01"), "direction"].eq("").all()


def test_engagement_follows_role(net):
    real = net.df[~net.df["is_blank"]]
    pos = real["position"]
    leaders = pos.str.contains(
        r"\b(?:VP|Vice President|Head of|Director|CRO|Chief Revenue"
        r"|Founder|Co-Founder|CEO)\b"
    ) & pos.str.contains(r"Sales|Revenue|Commercial|Founder|CEO")
    juniors = pos.str.contains(r"\b(?:Student|Intern|Recruiter|Estudiante|Candidate)\b")
    assert leaders.sum() > 150 and juniors.sum() > 60
    talked = real["interactions"].gt(0)
    assert talked[leaders].mean() > 3 * talked[juniors].mean()
    assert real.loc[leaders, "interactions"].mean() > 3 * real.loc[juniors, "interactions"].mean()


@pytest.mark.parametrize("persona", list(PERSONAS))
def test_each_persona_is_its_owners_network(persona):
    """Each committed persona: the owner's profile, the owner on one side of every message and
    invitation, about one connection in ten engaged, and the persona's mix showing."""
    net = load_export(persona_path(persona), is_demo=True)
    owner = catalogue().personas[persona]
    assert net.profile["first_name"] == owner.first_name == PERSONAS[persona]["owner"]["First Name"]
    assert len(net.df) == 2500 and net.engagement_source == "messages"
    real = net.df[~net.df["is_blank"]]
    assert 0.08 <= real["engaged"].astype(float).mean() <= 0.16
    files = _members(demo_bytes(persona))
    messages = _rows(files["messages.csv"].decode("utf-8"))
    kept = [m for m in messages if m["FOLDER"] != "SPAM" and m["IS MESSAGE DRAFT"] != "true"]
    assert all(
        owner.url in m["SENDER PROFILE URL"] + "," + m["RECIPIENT PROFILE URLS"] for m in kept
    )
    greeted = [(m["CONTENT"], m["TO"]) for m in kept if re.match(r"(Hi|Thanks,) \w", m["CONTENT"])]
    assert greeted and all(  # "Hi Amit," is written to Amit, never by him
        to.startswith(re.match(r"(?:Hi|Thanks,) ([^,.]+)[,.]", text)[1] + " ")
        for text, to in greeted
    )
    invitations = _rows(files["Invitations.csv"].decode("utf-8"))
    assert all(owner.url in (i["inviterProfileUrl"], i["inviteeProfileUrl"]) for i in invitations)
    functions = pd.Series(demo_people(persona=persona).function).value_counts()
    heaviest = max(ROLES, key=lambda r: r.weight * owner.mix.get(r.name, 1.0)).name
    assert functions.index[0] == heaviest


def test_personas_fit_their_presets():
    assert all(p["preset"] in PRESETS for p in PERSONAS.values())
    assert DEFAULT_PERSONA == "saas" and persona_path("saas") == DEMO_PATH
    with pytest.raises(KeyError):
        persona_path("astronaut")


def test_function_and_seniority_mix_of_the_default_demo():
    """A founder who sold software: sales the largest function, ICs and seniors the bulk,
    leaders (director and up) a sizeable minority, founders at the owner level."""
    people = demo_people()
    functions = pd.Series(people.function).value_counts(normalize=True)
    assert functions.index[0] == "Sales" and 0.12 <= functions["Sales"] <= 0.22
    assert functions[["Engineering", "Marketing", "Founders"]].between(0.06, 0.14).all()
    assert functions.size == len(ROLES)
    levels = pd.Series(people.level).value_counts(normalize=True)
    assert 0.3 <= levels[["ic", "senior"]].sum() <= 0.45
    assert 0.15 <= levels[["director", "head", "vp", "svp", "clevel"]].sum() <= 0.28
    assert 0.05 <= levels["owner"] <= 0.12


def test_colleagues_cluster_around_the_owners_jobs():
    """Maya's former employer shows up among connections made around her move there, her own
    company only after she founded it (Positions.csv tells the same story)."""
    people = demo_people()
    start = EXPORT_DATE - timedelta(days=catalogue().years * 365)
    days = pd.Series([(d - start).days for d in people.day])
    company = pd.Series(people.company).str.strip()
    moved, founded = (c.days for c in catalogue().personas["saas"].colleagues)
    then = days.between(*moved)
    at_vendor = company == "Salesforce"  # also a big employer anyone may work at
    assert at_vendor[then].mean() > 5 * at_vendor[~then].mean()
    assert days[company == "Pipewise"].ge(founded[0]).all()


def test_growth_comes_in_bursts():
    """Conference weeks, a job change, a viral post: some weeks are far busier than usual."""
    day = pd.to_datetime(pd.Series(demo_people().day))
    weeks = pd.Series(1, index=day).resample("W").sum()
    busy = [
        y
        for y, w in weeks.groupby(weeks.index.year)
        if y in range(2021, 2026) and w.max() >= 3 * max(w.median(), 1)
    ]
    assert len(busy) >= 3


# --- the catalogue ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def raw_catalogue() -> dict:
    with open(CATALOGUE_PATH, "rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d["role"][0]["sectors"].update(sass=5), "role Sales: unknown sector 'sass'"),
        (lambda d: d["role"][0].update(levels={"cheif": 1}), "role Sales: unknown level 'cheif'"),
        (lambda d: [d["role"][1].pop(k) for k in ("ic", "noun")], "role Revenue Operations: needs"),
        (
            lambda d: d["personas"]["recruiter"]["mix"].update(Enginering=2),
            "persona recruiter: mix names an unknown function 'Enginering'",
        ),
        (
            lambda d: d["personas"]["saas"]["profile"].pop("Last Name"),
            "persona saas: profile needs 'Last Name'",
        ),
        (lambda d: d["culture"][2].update(last=[]), "every culture needs first and last names"),
    ],
)
def test_a_broken_catalogue_is_refused_naming_the_entry(raw_catalogue, edit, message):
    data = copy.deepcopy(raw_catalogue)
    edit(data)
    with pytest.raises(ValueError, match=re.escape(message)):
        parse(data)


def test_every_template_of_the_catalogue_fills():
    """A typo in a placeholder ({nuon}) would raise in the generator only for the rare person
    who draws that form: check every one."""
    cat = catalogue()
    for level in cat.levels:
        for form in level.forms:
            assert "{" not in form.format(ic="IC", noun="Noun", chief="Chief")
    for role in cat.roles:
        assert "{" not in role.company_form.format(title="T", company="C")
    for persona in cat.personas.values():
        for line in cat.message_lines + persona.lines_in + persona.lines_out:
            assert "{" not in line.format(first="Ann")
        for note in cat.notes_in + cat.notes_out + persona.notes_in + persona.notes_out:
            assert "{" not in note.format(owner="Ann", name="Bo", company="Co")


def test_bands_split_one_draw_by_named_shares():
    shares = (("foreign", 0.06), ("abbreviation", 0.11))
    assert [band(u, shares) for u in (0.0, 0.059, 0.06, 0.169, 0.17, 0.99)] == [
        "foreign",
        "foreign",
        "abbreviation",
        "abbreviation",
        "",
        "",
    ]


@pytest.mark.parametrize("n", [1, 5, 40])
def test_tiny_networks_still_make_a_loadable_export(n):
    net = load_export(generate_export(n, seed=11))
    assert len(net.df) == n
