"""The title classifier: every seniority level and the common functions, in real title shapes."""

from __future__ import annotations

import pandas as pd
import pytest

from core.titles import classify_title, classify_titles
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


def test_vectorised_matches_single():
    titles = pd.Series(["VP Sales", "Student", "VP Sales", "", "CFO"])
    out = classify_titles(titles)
    assert list(out.index) == list(titles.index)
    assert out["seniority"].tolist() == ["Vice President", "In Training", "Vice President", "",
                                         "CXO"]
