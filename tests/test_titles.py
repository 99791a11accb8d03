"""The title model (core.titles): the cases issue 12 names, corrections, bad input, and
accuracy floors on the held-out evaluation sets and on the development set."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.titles import (
    Correction,
    classify_title,
    classify_titles,
    read_titles,
    title_key,
)
from core.vocabulary import FUNCTIONS, SENIORITIES

DATA = Path(__file__).parent / "data"


def read1(title: str) -> pd.Series:
    return read_titles(pd.Series([title])).iloc[0]


@pytest.mark.parametrize(
    ("title", "function", "seniority"),
    [
        # the data family the issue measured as unread
        ("Data Analyst", "Information Technology", "Entry Level"),
        ("Business Analyst", "Information Technology", "Entry Level"),
        ("BI Analyst", "Information Technology", "Entry Level"),
        ("Application Development Analyst", "Information Technology", "Entry Level"),
        # non-English titles from the issue
        ("Analista de RH", "Human Resources", "Entry Level"),
        ("Analista de Recrutamento e Seleção", "Human Resources", "Entry Level"),
        ("Engenheiro de dados", "Engineering", "Entry Level"),
        ("Analista de dados", "Information Technology", "Entry Level"),
        ("Coordenador de RH", "Human Resources", "Entry Level Manager"),
        ("Rekryterare", "Human Resources", "Entry Level"),
        ("Systemutvecklare", "Engineering", "Entry Level"),
        ("Konsultchef", "Consulting", "Director"),
        ("Personalreferentin", "Human Resources", "Entry Level"),
        ("Cofundadora", "Entrepreneurship", "Owner / Partner"),
        ("Sócia", "Entrepreneurship", "Owner / Partner"),
        ("socia", "Entrepreneurship", "Owner / Partner"),
        ("Proprietária", "Entrepreneurship", "Owner / Partner"),
        ("Desenvolvedor Sênior", "Engineering", "Senior"),
        ("Desenvolvedora Júnior", "Engineering", "Entry Level"),
        ("Analista de Sistemas Pleno", "Information Technology", "Senior"),
        ("Vertriebsleiter", "Sales", "Director"),
        ("Försäljningschef", "Sales", "Director"),
        ("Geschäftsführer", "Entrepreneurship", "CXO"),
        ("Chef de projet", "Program and Project Management", "Experienced Manager"),
        ("Directrice Marketing chez L'Oréal", "Marketing", "Director"),
        ("Gerente de Ventas", "Sales", "Experienced Manager"),
        ("Responsabile Commerciale", "Sales", "Experienced Manager"),
        ("Projectleider", "Program and Project Management", "Experienced Manager"),
        # word priority: the head of the role phrase decides
        ("Design Engineer", "Engineering", "Entry Level"),
        ("Product Designer", "Arts and Design", "Entry Level"),
        ("Executive Search Consultant", "Human Resources", "Entry Level"),
        ("Consultor de Recrutamento", "Human Resources", "Entry Level"),
        ("HR Consultant", "Human Resources", "Entry Level"),
        ("Accountant", "Accounting", "Entry Level"),
        ("Account Manager", "Sales", "Experienced Manager"),
        # LinkedIn jargon
        ("SDR", "Sales", "Entry Level"),
        ("BDR", "Sales", "Entry Level"),
        ("AE", "Sales", "Entry Level"),
        ("CSM", "Customer Success and Support", "Entry Level"),
        ("RevOps Manager", "Operations", "Experienced Manager"),
        ("HRBP", "Human Resources", "Entry Level"),
        ("Staff Engineer", "Engineering", "Strategic"),
        ("Principal Engineer", "Engineering", "Strategic"),
        ("Founder in Residence", "Entrepreneurship", "Owner / Partner"),
        ("Fractional CMO", "Marketing", "CXO"),
        # plain individual-contributor titles are Entry Level; levels as stated
        ("Software Engineer", "Engineering", "Entry Level"),
        ("Recruiter", "Human Resources", "Entry Level"),
        ("Consultant", "Consulting", "Entry Level"),
        ("Senior Software Engineer", "Engineering", "Senior"),
        ("Head of Sales", "Sales", "Director"),
        ("Senior Director, Marketing", "Marketing", "Director"),
        ("Product Manager", "Product Management", "Experienced Manager"),
        ("Marketing Intern", "Marketing", "In Training"),
        ("Estagiário de Marketing", "Marketing", "In Training"),
        ("Lead Programmer", "Engineering", "Senior"),
        ("Tech Lead", "Engineering", "Senior"),
        ("Team Lead, Customer Support", "Customer Success and Support", "Entry Level Manager"),
        ("Sr. VP Sales @ Acme | Helping SaaS founders scale", "Sales", "Vice President"),
        ("Helping founders scale | Sales Director @ Acme", "Sales", "Director"),
        ("CEO", "Entrepreneurship", "CXO"),
    ],
)
def test_reads_function_and_seniority(title, function, seniority):
    row = read1(title)
    assert (row["function"], row["seniority"]) == (function, seniority)


@pytest.mark.parametrize(
    ("title", "function", "function2"),
    [
        ("Founder & CTO", "Entrepreneurship", "Engineering"),
        ("Founder, CTO", "Entrepreneurship", "Engineering"),
        ("CTO & Co-Founder", "Engineering", "Entrepreneurship"),
        ("Co Owner/CTO, Lead Programmer", "Entrepreneurship", "Engineering"),
        ("Sócio e Diretor Comercial", "Entrepreneurship", "Sales"),
        ("Writer/Director/Web Developer", "Media and Communication", "Engineering"),
        ("Founder & CEO", "Entrepreneurship", ""),
        ("Analista de Recrutamento e Seleção", "Human Resources", ""),
        ("Research and Development Engineer", "Engineering", ""),
    ],
)
def test_two_roles_carry_two_functions(title, function, function2):
    row = read1(title)
    assert (row["function"], row["function2"]) == (function, function2)


def test_seniority_is_the_highest_stated():
    assert read1("Founder & CTO")["seniority"] == "Owner / Partner"
    assert read1("CTO & Co-Founder")["seniority"] == "Owner / Partner"
    assert read1("Senior Director")["seniority"] == "Director"
    assert read1("Sócio-Diretor")["seniority"] == "Owner / Partner"


@pytest.mark.parametrize(
    "title", ["Retired", "Open to work", "🚀", "--", "", "Ninja", "Wizard of Light"]
)
def test_no_role_reads_as_unknown(title):
    row = read1(title)
    assert (row["function"], row["seniority"]) == ("", "")
    assert row["confidence"] == 0


def test_why_names_the_deciding_words_and_confidence_is_graded():
    row = read1("Senior Data Engineer")
    assert row["why"] == '"data engineer" → Engineering; "senior" → Senior'
    assert read1("VP Sales")["why"] == '"vp sales" → Sales'
    assert read1("Manager")["why"] == '"manager" → Experienced Manager'
    sure, vague = read1("Software Engineer")["confidence"], read1("Sales")["confidence"]
    assert 0 < vague < sure <= 1


def test_role_partners_are_not_firm_partners():
    assert read1("HR Business Partner")[["function", "seniority"]].tolist() == [
        "Human Resources",
        "Entry Level",
    ]
    assert read1("Recruitment Partner")["function"] == "Human Resources"
    assert read1("Managing Partner")["seniority"] == "Owner / Partner"


def test_owner_roles_are_not_business_owners():
    assert read1("Product Owner")[["function", "seniority"]].tolist() == [
        "Product Management",
        "Entry Level",
    ]
    assert read1("Business Owner")["function"] == "Entrepreneurship"


# --- corrections -------------------------------------------------------------------------------


def test_a_correction_wins_and_says_so():
    texts = pd.Series(
        ["Growth Hacker", "growth  hacker @ Acme", "Growth Hacker | speaker", "Data Analyst"],
        index=[10, 11, 12, 13],
    )
    fix = (Correction(title_key("Growth Hacker"), "Marketing", "Senior"),)
    out = read_titles(texts, fix)
    assert out.loc[[10, 11, 12], "function"].tolist() == ["Marketing"] * 3
    assert out.loc[[10, 11, 12], "seniority"].tolist() == ["Senior"] * 3
    assert (out.loc[[10, 11, 12], "confidence"] == 1.0).all()
    assert out.loc[10, "why"] == "you said Growth Hacker is Marketing and Senior"
    assert out.loc[13, "function"] == "Information Technology"


def test_a_function_correction_keeps_the_model_seniority():
    fix = (Correction(title_key("Chief Happiness Officer"), "Human Resources"),)
    row = read_titles(pd.Series(["Chief Happiness Officer"]), fix).iloc[0]
    assert (row["function"], row["seniority"], row["function2"]) == ("Human Resources", "CXO", "")
    assert row["why"] == "you said Chief Happiness Officer is Human Resources"


def test_corrections_outside_the_vocabulary_are_ignored():
    fix = (Correction(title_key("Data Analyst"), "Wizardry", "Supreme"),)
    row = read_titles(pd.Series(["Data Analyst"]), fix).iloc[0]
    assert row["function"] == "Information Technology" and not row["why"].startswith("you said")


def test_title_key_ignores_case_accents_and_decoration():
    assert title_key("Sócio-Diretor") == title_key("SOCIO-DIRETOR") == "sociodiretor"
    assert title_key("Growth Hacker @ Acme | Speaker") == "growth hacker"
    assert title_key("Growth Hacker at Acme") == "growth hacker"
    assert title_key("") == ""


def test_a_correction_is_keyed_on_the_segment_the_role_was_read_from():
    # Same opening tagline, different roles: correcting one must leave the other alone.
    texts = pd.Series(
        [
            "Helping founders scale | Sales Director",
            "Helping founders scale | Software Engineer",
            "Sales Director @ Globex",
        ]
    )
    keys = read_titles(texts)["key"].tolist()
    assert keys == ["sales director", "software engineer", "sales director"]
    assert [title_key(t) for t in texts] == keys
    fix = (Correction(title_key(texts[0]), "Marketing"),)
    out = read_titles(texts, fix)
    assert out["function"].tolist() == ["Marketing", "Engineering", "Marketing"]
    assert out.loc[1, "why"] == '"software engineer" → Engineering'
    # The reason names the corrected role, never another person's headline.
    assert out.loc[[0, 2], "why"].tolist() == ["you said sales director is Marketing"] * 2
    plain = read_titles(pd.concat([texts, pd.Series(["SALES director"])]), fix)
    assert set(plain["why"][plain["function"] == "Marketing"]) == {
        "you said SALES director is Marketing"
    }


def test_the_unknown_titles_list_never_lumps_different_titles():
    from core.icp import unknown_titles

    texts = pd.Series(
        ["Helping founders scale | Zorblaxer"] * 3
        + ["Helping founders scale | Quuxer"] * 2
        + ["Helping founders scale | Sales Director"]
    )
    share, top = unknown_titles(texts, read_titles(texts))
    assert share == 5 / 6
    assert top["title"].tolist() == [
        "Helping founders scale | Zorblaxer",
        "Helping founders scale | Quuxer",
    ]
    assert top["people"].tolist() == [3, 2]


def test_titles_with_no_role_read_keep_every_segment_in_their_key():
    # Nothing names a role: the whole title is the key, so two such titles never share one
    # just because they open alike (the unknown-titles list shows each of them).
    a, b = title_key("Ex-Acme | Dreamer"), title_key("Ex-Acme | Zorblaxer")
    assert (a, b) == ("exacme | dreamer", "exacme | zorblaxer")
    # A level word is read: its segment is the key.
    assert title_key("Ex-Acme | Chief Vibes Wrangler") == "chief vibes wrangler"
    assert title_key("Wrangler @ Acme | Dreamer") == "wrangler | dreamer"


@pytest.mark.parametrize(
    "text",
    ["\ud800CTO", "\ud800", "\udfff | \ud800", "x\x00y", "Ｃ Ｅ Ｏ", "|||@@@,,,&&&", "a" * 5000],
)
def test_title_key_never_raises(text):
    key = title_key(text)
    assert isinstance(key, str)
    assert key == read_titles(pd.Series([text], dtype=object))["key"].iloc[0]
    assert title_key("\ud800CTO") == "cto"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40))
def test_title_key_takes_any_str(text):
    assert isinstance(title_key(text), str)


# --- shape and old callers -----------------------------------------------------------------------


def test_output_is_aligned_and_typed():
    texts = pd.Series(["VP Sales", None, "Student", "VP Sales", np.nan], index=list("abcde"))
    out = read_titles(texts)
    assert list(out.index) == list("abcde")
    assert list(out.columns) == ["function", "function2", "seniority", "confidence", "why", "key"]
    assert out["seniority"].tolist() == ["Vice President", "", "In Training", "Vice President", ""]
    empty = read_titles(pd.Series([], dtype="str"))
    assert len(empty) == 0 and list(empty.columns) == list(out.columns)


def test_old_interface_still_works():
    assert classify_title("Sr. VP Sales @ Acme") == ("Vice President", "Sales")
    assert classify_titles(pd.Series(["CFO"])).iloc[0].tolist() == ["CXO", "Finance"]


def test_model_loads_once_per_process():
    from core import titles

    titles.load()
    first = titles._CACHE["lex"]
    read_titles(pd.Series(["Founder"]))
    assert titles._CACHE["lex"] is first


def test_fallback_model_reads_occupations_the_lexicon_lacks():
    from core import titles

    if titles._model()[1] is None:
        pytest.skip("core/data/titles/fallback.npz not built")
    row = read1("Boilermaker")
    assert row["function"] != "" and "occupation lists" in row["why"]


# --- bad input ---------------------------------------------------------------------------------

HOSTILE = [
    ("Sales " * 2000)[:10_000],
    "🚀💼🔥✨" * 3,
    "مدير المبيعات الإقليمي",
    "ראש צוות פיתוח",
    "VP\x00Sales\x07\x1b[31m",
    "\u202eselaS fo daeH\u202c",
    "Директор 销售总监 営業部長",
    "Ｃ Ｅ Ｏ 𝐅𝐨𝐮𝐧𝐝𝐞𝐫",
    "\ud800",
    "|||@@@,,,&&&",
    " - - - ",
    "a" * 5000,
    "\n\t\r",
]


def _valid(out: pd.DataFrame, n: int) -> None:
    assert len(out) == n
    assert set(out["function"]) <= set(FUNCTIONS) | {""}
    assert set(out["function2"]) <= set(FUNCTIONS) | {""}
    assert set(out["seniority"]) <= set(SENIORITIES) | {""}
    assert out["confidence"].between(0, 1).all()
    assert ((out["function2"] == "") | (out["function2"] != out["function"])).all()


def test_hostile_titles_give_unknown_or_a_best_reading():
    out = read_titles(pd.Series(HOSTILE, dtype=object))
    _valid(out, len(HOSTILE))
    assert out.iloc[0]["function"] == "Sales"  # read from its first 300 characters
    assert out.iloc[4][["function", "seniority"]].tolist() == ["Sales", "Vice President"]
    assert out.iloc[7]["function"] == "Entrepreneurship"


_text = (
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
    | st.sampled_from(HOSTILE)
    | st.lists(
        st.sampled_from(
            [
                "Founder",
                "&",
                "CTO",
                "|",
                "@",
                "Sócio",
                "e",
                "de",
                "Senior",
                "chef",
                "-",
                "/",
                ",",
                "🚀",
                "\u202e",
                "RH",
                "utvecklare",
                "Leiter",
                "x",
            ]
        ),
        max_size=10,
    ).map(" ".join)
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_text, min_size=1, max_size=15))
def test_any_text_reads_without_error_into_the_vocabulary(texts):
    _valid(read_titles(pd.Series(texts, dtype="object")), len(texts))


# --- accuracy floors -------------------------------------------------------------------------------
# Reached on 2026-11-30 (bench/bench_titles.py prints the full table). A drop below fails.


def _accuracy(paths: list[Path]) -> dict[str, float]:
    from bench.bench_titles import figures, load_sets, scored

    s = scored(load_sets(paths))
    out = {k: v for k, v in figures(s).items()}
    intl = s[s["lang"] != "en"]
    out["non-English function (titles)"] = 100 * intl["fn_ok"].mean() if len(intl) else 100
    return out


EVAL = [DATA / "titles_eval_en.csv", DATA / "titles_eval_intl.csv"]
EVAL_FLOORS = {
    "function (people)": 96.0,
    "function (titles)": 92.0,
    "non-English function (titles)": 90.5,
    "seniority (people)": 97.8,
}
DEV_FLOORS = {
    "function (people)": 99.0,
    "function (titles)": 98.5,
    "non-English function (titles)": 98.0,
    "seniority (people)": 99.0,
}


@pytest.mark.skipif(not all(p.exists() for p in EVAL), reason="evaluation sets absent")
def test_accuracy_on_the_held_out_sets_stays_above_the_floor():
    got = _accuracy(EVAL)
    low = {k: round(got[k], 1) for k, floor in EVAL_FLOORS.items() if got[k] < floor}
    assert not low, f"below the floor {EVAL_FLOORS}: {low}"


@pytest.mark.skipif(not (DATA / "titles_dev.csv").exists(), reason="development set absent")
def test_accuracy_on_the_development_set_stays_above_the_floor():
    got = _accuracy([DATA / "titles_dev.csv"])
    low = {k: round(got[k], 1) for k, floor in DEV_FLOORS.items() if got[k] < floor}
    assert not low, f"below the floor {DEV_FLOORS}: {low}"


BLIND_FLOORS = {
    "function (people)": 96.5,
    "function (titles)": 92.5,
    "non-English function (titles)": 90.5,
    "seniority (people)": 97.5,
}


def test_accuracy_on_the_blind_set_stays_above_the_floor():
    """The set labelled after the model was frozen (bench_titles.BLIND): a floor guards against
    regressions without showing which rows are wrong."""
    got = _accuracy([DATA / "titles_blind.csv"])
    low = {k: round(got[k], 1) for k, floor in BLIND_FLOORS.items() if got[k] < floor}
    assert not low, f"below the floor {BLIND_FLOORS}: {low}"
