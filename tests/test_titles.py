"""The title classifier: every seniority level and the common functions, in real title shapes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.text import normalise_title, normalise_titles
from core.titles import classify_title, classify_titles, normalise_titles_fast
from core.vocabulary import SENIORITIES


@pytest.mark.parametrize(
    ("title", "seniority"),
    [
        ("Founder", "Owner / Partner"), ("Owner", "Owner / Partner"),
        ("Co-founder & CEO", "Owner / Partner"), ("Partner", "Owner / Partner"),
        ("CEO", "CXO"), ("CRO", "CXO"), ("Chief Revenue Officer", "CXO"), ("CxO", "CXO"),
        ("Geschäftsführer", "CXO"), ("Managing Director", "CXO"), ("President", "CXO"),
        ("VP Sales", "Vice President"), ("SVP Sales", "Vice President"),
        ("Vice President of Marketing", "Vice President"),
        ("Director of Sales", "Director"), ("Head of Marketing", "Director"),
        ("Directeur Commercial", "Director"), ("Diretor de Vendas", "Director"),
        ("Vertriebsleiter", "Director"),
        ("Sales Mgr", "Experienced Manager"), ("Gerente de Ventas", "Experienced Manager"),
        ("Responsable Marketing", "Experienced Manager"),
        ("Team Lead", "Entry Level Manager"), ("Assistant Manager", "Entry Level Manager"),
        ("Principal Engineer", "Strategic"), ("Staff Engineer", "Strategic"),
        ("Sr. Account Executive", "Senior"), ("Senior Software Engineer", "Senior"),
        ("SDR", "Entry Level"), ("BDR", "Entry Level"), ("Junior Analyst", "Entry Level"),
        ("Marketing Intern", "In Training"), ("Student", "In Training"),
        ("MBA Candidate", "In Training"),
    ],
)
def test_seniority(title, seniority):
    assert classify_title(title)[0] == seniority


def test_every_seniority_level_is_reachable():
    titles = ["Founder", "CEO", "VP Sales", "Head of Sales", "Sales Manager", "Team Lead",
              "Principal Engineer", "Senior Engineer", "Junior Engineer", "Intern"]
    assert [classify_title(t)[0] for t in titles] == list(SENIORITIES)


@pytest.mark.parametrize(
    ("title", "function"),
    [
        ("VP Sales", "Sales"), ("AE", "Sales"), ("SDR", "Sales"), ("CRO", "Sales"),
        ("Gerente de Ventas", "Sales"), ("Directeur Commercial", "Sales"),
        ("Head of Marketing", "Marketing"), ("Product Marketing Manager", "Marketing"),
        ("VP Engineering", "Engineering"), ("Sr. Software Eng", "Engineering"),
        ("CTO", "Engineering"), ("Business Development Manager", "Business Development"),
        ("Recruiter", "Human Resources"), ("HR Business Partner", "Human Resources"),
        ("CFO", "Finance"), ("Controller", "Accounting"), ("Product Manager", "Product Management"),
        ("Customer Success Manager", "Customer Success and Support"),
        ("Founder & CEO", "Entrepreneurship"), ("Geschäftsführer", "Entrepreneurship"),
        ("Management Consultant", "Consulting"), ("Professor", "Education"),
        ("Registered Nurse", "Healthcare Services"), ("General Counsel", "Legal"),
        ("Operations Manager", "Operations"), ("UX Designer", "Arts and Design"),
        ("QA Engineer", "Quality Assurance"), ("Responsable Marketing", "Marketing"),
    ],
)
def test_function(title, function):
    assert classify_title(title)[1] == function


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Sr. VP Sales @ Acme | Helping SaaS founders scale", ("Vice President", "Sales")),
        ("🚀 Head of Growth at Brightpath • Speaker", ("Director", "Marketing")),
        ("𝐕𝐏 𝐒𝐚𝐥𝐞𝐬 | ex-Google", ("Vice President", "Sales")),
        ("Account Executive @ Brightpath | SaaS", ("", "Sales")),
    ],
)
def test_headline_forms(headline, expected):
    assert classify_title(headline) == expected


@pytest.mark.parametrize("title", ["Wizard of Light", "", "Dreamer", "Ninja"])
def test_unknown_stays_unknown(title):
    assert classify_title(title) == ("", "")


def test_partner_roles_are_not_firm_partners():
    assert classify_title("HR Business Partner")[0] != "Owner / Partner"
    assert classify_title("Talent Acquisition Partner")[0] != "Owner / Partner"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Product Owner", ("", "Product Management")),
        ("Senior Product Owner", ("Senior", "Product Management")),
        ("Account Owner", ("", "Sales")),
        ("Process Owner", ("", "")),
        ("Founder & Product Owner", ("Owner / Partner", "Entrepreneurship")),
        ("Business Owner", ("Owner / Partner", "Entrepreneurship")),
        ("Owner, Bakery", ("Owner / Partner", "Entrepreneurship")),
    ],
)
def test_owner_roles_are_not_business_owners(title, expected):
    assert classify_title(title) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Gerente General", ("Director", "")), ("Jefe de Ventas", ("Experienced Manager", "Sales")),
        ("PDG", ("CXO", "Entrepreneurship")), ("Vorstand", ("CXO", "")),
        ("Responsable des ventes", ("Experienced Manager", "Sales")),
        ("Vendedor", ("", "Sales")), ("Chef de projet", ("", "Program and Project Management")),
        ("Geschäftsführerin @ Müller GmbH", ("CXO", "Entrepreneurship")),
        ("Directrice Marketing chez L'Oréal", ("Director", "Marketing")),
        ("Tech Lead", ("Senior", "Engineering")),
    ],
)
def test_more_non_english_and_lead_titles(title, expected):
    assert classify_title(title) == expected


def test_vectorised_matches_single():
    titles = pd.Series(["VP Sales", "Student", "VP Sales", "", "CFO"])
    out = classify_titles(titles)
    assert list(out.index) == list(titles.index)
    assert out["seniority"].tolist() == ["Vice President", "In Training", "Vice President", "",
                                         "CXO"]


# --- the Arrow cleaner must say what core.text says -------------------------------------------
_TOKENS = ["VP", "Sr.", "Mgr", "r&d", "at", "AT", "en", "chez", "bei", "@", "|", " - ", "-", "–",
           "—", "•", "·", ";", "//", "/", "_", ".", ",", "&", "+", "#", "'", "(", ")", " ", "  ",
           "\t", "\n", "\u00a0", "\u2028", "\x1c", "é", "Geschäftsführer", "🚀", "𝐕𝐏", "ﬁ",
           "²", "Ⅳ", "sales", "Head of", "CEO", "x", "Ü", "ǅ", "①", "\u0301"]
# Arrow lower-cases one character at a time: Turkish İ and Greek Σ are the documented exceptions.
_chars = st.characters(blacklist_categories=("Cs", "Cn"), blacklist_characters="İΣ")
_raw = st.lists(st.sampled_from(_TOKENS), max_size=12).map("".join) | st.text(_chars, max_size=30)


@settings(max_examples=300, deadline=None)
@given(st.lists(_raw, min_size=1, max_size=20))
def test_fast_cleaning_matches_the_shared_cleaner(texts):
    fast = normalise_titles_fast(pd.Series(texts, dtype="str")).tolist()
    assert fast == [normalise_title(t) for t in texts]


def test_fast_cleaning_matches_on_real_titles():
    titles = pd.read_csv(Path(__file__).parent / "data" / "labelled_titles.csv")["title"]
    titles = pd.concat([titles, pd.Series(["Sr. VP Sales @ Acme | SaaS", "🚀 Head of Growth at X",
                                           "", "  ", "| only a tagline", "CEO@Acme"])])
    titles = titles.astype("str").reset_index(drop=True)
    pd.testing.assert_series_equal(normalise_titles_fast(titles), normalise_titles(titles))
