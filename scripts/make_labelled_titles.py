"""Build the fixed evaluation set for clustering: realistic titles labelled by occupation group.

Titles vary the vocabulary inside each group (not just one word plus seniority), carry real
decoration (abbreviations, "@ company | tagline", scopes, other languages), so the set is not
separable by construction. Output: tests/data/labelled_titles.csv (title,group). Deterministic.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

GROUPS: dict[str, list[str]] = {
    "Sales": ["Account Executive", "Sales Representative", "Sales Development Representative",
              "SDR", "BDR", "AE", "Inside Sales Rep", "Sales Manager", "VP Sales",
              "Chief Revenue Officer", "Enterprise Account Executive", "Regional Sales Director",
              "Territory Manager", "Key Account Manager", "Sales Executive", "Gerente de Ventas",
              "Directeur Commercial", "Vertriebsleiter", "Head of Sales", "Sales Consultant",
              "Outside Sales Representative", "Commercial Director", "Sales Associate"],
    "Marketing": ["Marketing Manager", "Content Marketer", "Growth Marketing Manager",
                  "Demand Generation Manager", "Product Marketing Manager", "Brand Manager",
                  "SEO Specialist", "Social Media Manager", "CMO", "Digital Marketing Specialist",
                  "Performance Marketing Lead", "Marketing Coordinator", "Head of Growth",
                  "Email Marketing Specialist", "Responsable Marketing", "Copywriter",
                  "Field Marketing Manager", "Marketing Director"],
    "Software Engineering": ["Software Engineer", "Backend Developer", "Frontend Developer",
                             "Full Stack Developer", "SWE", "Platform Engineer", "Staff Engineer",
                             "Principal Software Engineer", "iOS Developer", "Android Developer",
                             "Mobile Engineer", "Web Developer", "Software Developer",
                             "Engineering Manager", "VP Engineering", "CTO", "Desarrollador",
                             "Softwareentwickler", "Java Developer", "Python Developer"],
    "Data": ["Data Scientist", "Data Analyst", "Data Engineer", "Machine Learning Engineer",
             "ML Engineer", "Analytics Engineer", "BI Analyst", "Business Intelligence Developer",
             "Head of Data", "AI Researcher", "Research Scientist, Machine Learning",
             "Statistician", "Analytics Manager", "Chief Data Officer", "Data Architect"],
    "IT & Infrastructure": ["System Administrator", "Network Engineer", "IT Manager",
                            "DevOps Engineer", "Site Reliability Engineer", "SRE",
                            "Cloud Architect", "IT Support Specialist", "Help Desk Technician",
                            "Security Analyst", "Cybersecurity Engineer", "CIO",
                            "Infrastructure Engineer", "IT Director", "Solutions Architect"],
    "Product & Design": ["Product Manager", "Senior Product Manager", "Product Owner",
                         "Head of Product", "Chief Product Officer", "Product Designer",
                         "UX Designer", "UI/UX Designer", "UX Researcher", "Design Lead",
                         "Group Product Manager", "Associate PM", "Interaction Designer",
                         "Graphic Designer", "Creative Director"],
    "Human Resources & Recruiting": ["Recruiter", "Technical Recruiter", "Talent Acquisition "
                                     "Partner", "HR Manager", "HR Business Partner",
                                     "Head of People", "People Operations Manager",
                                     "Talent Sourcer", "Recruitment Consultant", "CHRO",
                                     "Chief People Officer", "HR Generalist",
                                     "Compensation Analyst", "Responsable RRHH",
                                     "Executive Recruiter", "Learning and Development Manager"],
    "Finance & Accounting": ["Financial Analyst", "CFO", "Controller", "Accountant",
                             "Senior Accountant", "FP&A Manager", "Finance Manager",
                             "VP Finance", "Treasury Analyst", "Tax Manager", "Auditor",
                             "Investment Analyst", "Portfolio Manager", "Bookkeeper",
                             "Director Financiero", "Accounts Payable Specialist",
                             "Investment Banking Associate"],
    "Operations & Supply Chain": ["Operations Manager", "COO", "Supply Chain Manager",
                                  "Logistics Coordinator", "Procurement Manager", "Buyer",
                                  "Plant Manager", "Warehouse Supervisor", "Head of Operations",
                                  "Operations Analyst", "Purchasing Manager",
                                  "Fleet Manager", "Directeur des Opérations",
                                  "Production Planner", "Inventory Analyst"],
    "Customer Success & Support": ["Customer Success Manager", "CSM", "Customer Support "
                                   "Specialist", "Support Engineer", "Head of Customer Success",
                                   "Onboarding Specialist", "Customer Service Representative",
                                   "Technical Support Engineer", "Customer Experience Manager",
                                   "Implementation Consultant", "Account Manager",
                                   "Client Services Manager"],
    "Founders & Executives": ["Founder", "Co-Founder", "Founder & CEO", "CEO", "Owner",
                              "Managing Director", "Co-founder & CTO", "Entrepreneur",
                              "Geschäftsführer", "President", "Managing Partner",
                              "Serial Entrepreneur", "Fundador", "Business Owner"],
    "Consulting": ["Consultant", "Management Consultant", "Strategy Consultant",
                   "Senior Consultant", "Engagement Manager", "Principal Consultant",
                   "Business Analyst", "Independent Consultant", "Advisory Manager",
                   "Transformation Consultant", "Partner, Consulting", "Berater"],
    "Education & Research": ["Student", "PhD Candidate", "Professor", "Lecturer",
                             "Teaching Assistant", "Research Assistant", "Graduate Student",
                             "MBA Candidate", "Postdoctoral Researcher", "Teacher",
                             "Assistant Professor", "Estudiante", "Intern", "Dean"],
    "Healthcare": ["Registered Nurse", "Physician", "Pharmacist", "Clinical Research Associate",
                   "Medical Doctor", "Nurse Practitioner", "Physical Therapist", "Surgeon",
                   "Dentist", "Medical Director", "Clinical Psychologist", "Paramedic"],
    "Legal": ["Attorney", "Lawyer", "Legal Counsel", "General Counsel", "Paralegal",
              "Associate Attorney", "Corporate Lawyer", "Compliance Officer",
              "Contracts Manager", "Abogado", "Solicitor"],
}
LEVELS = ["", "", "", "Senior ", "Sr. ", "Junior ", "Lead ", "Principal ", "Associate "]
SCOPES = ["", "", "", ", EMEA", " - Enterprise", " (Remote)", ", North America", " II",
          " | B2B SaaS", ", DACH"]
COMPANIES = ["Acme", "Brightpath", "Northwind", "Globex", "Initech", "Umbrella", "Stark"]
TAGLINES = ["Helping teams grow", "Speaker", "Ex-Google", "Building the future", "Hiring!"]


def main(n_per_group: int = 80, seed: int = 20261128) -> Path:
    rng = random.Random(seed)
    rows = []
    for group, titles in GROUPS.items():
        for _ in range(n_per_group):
            t = rng.choice(titles)
            level = rng.choice(LEVELS) if not t.startswith(("VP", "Head", "Chief", "CFO")) else ""
            title = f"{level}{t}{rng.choice(SCOPES)}"
            r = rng.random()
            if r < 0.15:
                title = f"{title} @ {rng.choice(COMPANIES)} | {rng.choice(TAGLINES)}"
            elif r < 0.22:
                title = f"{title} at {rng.choice(COMPANIES)}"
            rows.append((title, group))
    out = Path(__file__).resolve().parents[1] / "tests" / "data" / "labelled_titles.csv"
    with out.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "group"])
        w.writerows(rows)
    return out


if __name__ == "__main__":
    print(f"wrote {main()}")
