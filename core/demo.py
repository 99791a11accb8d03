"""The demo network: a realistic, deterministic LinkedIn export of a fictional B2B SaaS founder.

It is written in LinkedIn's real formats (shared/formats/linkedin-export.md): Connections.csv with
its Notes preamble, messages.csv of the 2024+ era, Invitations.csv, Profile.csv, Positions.csv,
plus files the app ignores (Reactions.csv, Comments.csv). The app reads it back through
`core.connections.load_export`, so every demo exercises the real loader.

Everyone in it is fictional: names are drawn from lists of common first and last names across
cultures, companies are built from word lists (plus a few big, real employers), e-mail addresses
use reserved example domains. The owner, Maya Lindqvist, sold software at a big vendor, then
founded Pipewise (forecasting software for sales teams), so a "sales leaders" ICP finds a
meaningful share of her network.

`scripts/make_demo.py` regenerates `core/data/demo_export.zip`; `connections_csv(n)` writes just
a Connections.csv of any size (and of older formats) for benchmarks and tests.
"""

from __future__ import annotations

import base64
import csv
import io
import unicodedata
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import numpy as np

DEMO_PATH = Path(__file__).resolve().parent / "data" / "demo_export.zip"
DEMO_SIZE = 2500
DEMO_SEED = 7
EXPORT_DATE = date(2026, 11, 2)

#: The Notes preamble of every modern Connections.csv, byte for byte (3 lines, then the header).
PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
#: Connections.csv layouts `connections_csv` can write (see the formats file for each era).
VARIANTS = ("modern", "no_url", "legacy", "resaved")

# --- names ----------------------------------------------------------------------------------
# (first names, last names, weight): common names per culture, paired within a culture.
CULTURES: list[tuple[str, str, float]] = [
    ("James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
     "Richard Susan Joseph Jessica Thomas Sarah Chris Karen Daniel Lisa Matthew Nancy Anthony "
     "Sandra Mark Ashley Steven Emily Paul Michelle Andrew Amanda Joshua Melissa Kevin "
     "Stephanie Brian Rebecca Ryan Laura Jason Rachel Eric Megan Adam Hannah Tyler Olivia",
     "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson "
     "Martin Thompson White Harris Clark Lewis Robinson Walker Young Allen King Wright Scott "
     "Green Baker Adams Nelson Hill Campbell Mitchell Roberts Carter Phillips Evans Turner "
     "Parker Collins Edwards Stewart Morris Cook Rogers Reed Bennett Hughes Foster", 34),
    ("Carlos Sofia Mateo Valentina Lucas Camila João Ana Pedro Lucía Diego Isabella Javier "
     "Mariana Alejandro Gabriela Rafael Fernanda Miguel Daniela Andrés Paula Luis Carolina",
     "Garcia Rodriguez Martinez Hernandez Lopez Gonzalez Perez Sanchez Ramirez Silva Santos "
     "Oliveira Costa Fernández Gómez Díaz Núñez Torres Romero Álvarez Ruiz Moreno Pereira", 12),
    ("Priya Arjun Ananya Rahul Ravi Deepa Aditya Kavya Vikram Neha Rohan Sneha Karthik Pooja "
     "Amit Divya Sanjay Meera Anand Lakshmi",
     "Patel Shah Kumar Singh Sharma Gupta Iyer Reddy Nair Mehta Rao Joshi Agarwal Menon", 11),
    ("Wei Li Ming Jing Hao Xin Yuki Haruto Sakura Kenji Hyun Jisoo Minjun Seoyeon Thanh Linh",
     "Chen Wang Zhang Liu Huang Zhao Tanaka Sato Suzuki Watanabe Kim Park Lee Choi Nguyen Tran",
     8),
    ("Pierre Camille Louis Léa Hans Anna Lukas Lena Sophie Julien Marco Giulia Matteo Chiara "
     "Jan Eva Tomás Zofia Mateusz Katarzyna Luca Elena Thomas Clara Felix Marie",
     "Müller Schmidt Schneider Fischer Weber Dubois Laurent Moreau Lefebvre Rossi Russo Bianchi "
     "Novak Kowalski Nowak Wiśniewska Dvořák Horváth Bauer Richter Girard Ferrari", 13),
    ("Sven Ingrid Erik Astrid Lars Freja Mikael Sanna Johan Elin Oskar Maja Henrik Sigrid",
     "Andersson Johansson Karlsson Nilsson Hansen Jensen Larsen Virtanen Korhonen Berg "
     "Lindberg Halvorsen", 6),
    ("Chidi Ngozi Kwame Amara Tunde Adaeze Kofi Abena Emeka Zainab Sipho Thandiwe",
     "Okafor Mensah Adeyemi Okonkwo Boateng Nwosu Owusu Diallo Ndlovu Abiodun", 5),
    ("Mohammed Fatima Omar Aisha Ahmed Layla Yusuf Noor Ali Mariam Elif Mehmet Noa Yosef",
     "Khan Hassan Ali Rahman Haddad Nasser Yilmaz Demir Kaya Cohen Levi Mizrahi", 7),
    ("Siobhan Aoife Niamh Sean Ciara Conor Ken Orla Declan Roisin",
     "Murphy Kelly O'Brien O’Brien Byrne Ryan O'Sullivan Walsh McCarthy Doyle", 4),
]
#: Family + given names written in Chinese characters (their profile URLs are percent-encoded).
NATIVE_CJK = [("伟", "王"), ("静", "李"), ("敏", "张"), ("磊", "刘"), ("芳", "陈"), ("洋", "杨")]
CREDENTIALS = ["MBA", "CPA", "PhD", "PMP", "CFA", "MSc", "SHRM-CP", "ACCA", "CFEI®", "P.Eng."]
NICKNAMES = ["Tyler", "Bob", "Liz", "Sam", "Alex", "Kate", "Mike", "Jen"]
EMOJI = ["✨", "🚀", "🌱", "📈", "☕", "🎯"]

# --- companies ------------------------------------------------------------------------------
_PREFIX = ("North Bright Blue Silver Iron Clear Swift True Peak Open Cedar Atlas Nova Vertex "
           "Summit Harbor Pine Orbit Lumen Apex Quantum Granite Maple Echo Beacon Signal Red "
           "Copper Falcon Tidal Ember Solid Lake").split()
_SUFFIX = ("wind path stone field bridge line point works forge light shift scale stack loop "
           "ly io ware base flow grid mark gate").split()
_KIND = {
    "saas": ["Analytics", "Labs", "Software", "Cloud", "AI", "Technologies", "Systems", "HQ",
             "Data", "Apps"],
    "consulting": ["Consulting", "Partners", "Advisory", "Group"],
    "finance": ["Capital", "Bank", "Financial", "Ventures", "Insurance", "Wealth"],
    "health": ["Health", "Clinic", "Medical", "Care", "Pharma"],
    "education": ["University", "Academy", "School of Business", "Institute", "College"],
    "retail": ["Retail", "Foods", "Brands", "Goods", "Stores"],
    "industry": ["Manufacturing", "Logistics", "Energy", "Industries", "Freight"],
    "staffing": ["Talent", "Recruitment", "Staffing", "People"],
}
BIG = {
    "saas": ["Salesforce", "HubSpot", "Microsoft", "Google", "Oracle", "SAP", "Atlassian",
             "Shopify", "Zendesk"],
    "consulting": ["Deloitte", "Accenture", "McKinsey & Company", "PwC", "EY", "KPMG"],
    "finance": ["JPMorgan Chase", "Goldman Sachs", "HSBC", "Barclays"],
    "health": ["Mayo Clinic", "Pfizer"],
    "education": ["Stanford University", "INSEAD", "University of Manchester"],
    "retail": ["Amazon", "Unilever", "Nestlé"],
    "industry": ["Siemens", "Maersk", "Bosch"],
    "staffing": ["Randstad", "Adecco", "Robert Half"],
}
SECTORS = list(_KIND)
OWNER_COMPANY = "Pipewise"
FORMER_EMPLOYER = "Salesforce"  # where the owner sold software before founding Pipewise

# --- roles ----------------------------------------------------------------------------------
# The seniority ladder: (level, default weight, engagement multiplier).
LEVELS: list[tuple[str, float, float]] = [
    ("intern", 2, 0.3), ("junior", 6, 0.5), ("associate", 5, 0.6), ("ic", 26, 0.8),
    ("senior", 17, 0.95), ("lead", 6, 1.0), ("manager", 12, 1.1), ("senior_manager", 5, 1.2),
    ("director", 7, 1.35), ("head", 4, 1.4), ("vp", 4, 1.5), ("svp", 1, 1.5),
    ("clevel", 1.5, 1.5), ("owner", 0.7, 1.2),
]
LEVEL_NAMES = [lv[0] for lv in LEVELS]

# How each level is written: {ic} an individual role, {noun} the function's name, {chief} C-level.
_LADDER: dict[str, list[str]] = {
    "intern": ["{noun} Intern", "{ic} Intern", "Intern, {noun}", "Intern", "{noun} Trainee"],
    "junior": ["Junior {ic}", "Jr. {ic}", "Junior {ic}", "{ic} I"],
    "associate": ["Associate {ic}", "Associate {ic}", "{noun} Associate", "{noun} Coordinator"],
    "ic": ["{ic}", "{ic}", "{ic}", "{ic}", "{ic}"],
    "senior": ["Senior {ic}", "Sr. {ic}", "Senior {ic}", "{ic} II", "{ic} III", "Sr {ic}"],
    "lead": ["Lead {ic}", "Principal {ic}", "{noun} Lead", "{noun} Team Lead"],
    "manager": ["{noun} Manager", "{noun} Manager", "{noun} Mgr", "Manager, {noun}",
                "{noun} Manager"],
    "senior_manager": ["Senior {noun} Manager", "Sr. {noun} Manager", "Senior Manager, {noun}",
                       "Sr. Manager, {noun}", "Group {noun} Manager"],
    "director": ["Director of {noun}", "{noun} Director", "Director, {noun}",
                 "Senior Director, {noun}", "Sr. Director of {noun}", "Associate Director, {noun}"],
    "head": ["Head of {noun}", "Head of {noun}", "Global Head of {noun}", "Interim Head of {noun}"],
    "vp": ["VP {noun}", "VP of {noun}", "Vice President, {noun}", "VP, {noun}",
           "Vice President of {noun}"],
    "svp": ["SVP {noun}", "SVP, {noun}", "EVP {noun}", "Senior Vice President, {noun}",
            "SVP of {noun}"],
    "clevel": ["{chief}"],
    "owner": ["Owner", "Founder", "Partner", "Freelance {ic}", "Independent {ic}",
              "Founder & {ic}"],
}


class Role:
    """One function of the network: how common it is, where its people work, how they write titles.

    `sectors` maps sector to weight (where its people work), `prop` is the base chance to be in the owner's messages,
    `levels` optional weights per level overriding the default ladder, `own` titles that replace
    the ladder entirely (students, founders), `extra` literal titles mixed in (abbreviations),
    `foreign` non-English titles, `spec` specialisations appended, `tags` headline taglines.
    """

    def __init__(self, name: str, weight: float, prop: float, sectors: dict[str, float], *,
                 ic: str = "", noun: str = "", chief: str = "", extra: str = "",
                 foreign: str = "", spec: str = "", tags: str = "", own: str = "",
                 levels: dict[str, float] | None = None) -> None:
        def split(s: str) -> list[str]:
            return [x.strip() for x in s.split(";") if x.strip()]
        self.name, self.weight, self.prop = name, weight, prop
        self.sectors = list(sectors)
        self.sector_p = np.array(list(sectors.values()), dtype=float)
        self.sector_p /= self.sector_p.sum()
        self.ic, self.noun, self.chief = split(ic), split(noun), split(chief)
        self.extra, self.foreign, self.spec = split(extra), split(foreign), split(spec)
        self.tags, self.own = split(tags) or ["B2B"], split(own)
        w = {lv: dw for lv, dw, _ in LEVELS}
        w.update(levels or {})
        self.level_p = np.array([w[lv] for lv in LEVEL_NAMES], dtype=float)
        self.level_p /= self.level_p.sum()


ROLES: list[Role] = [
    Role("Sales", 19, 0.26, {"saas": 78, "finance": 5, "industry": 6, "consulting": 4,
                             "retail": 4, "health": 3},
         ic="Account Executive; Sales Development Representative; Business Development "
            "Representative; Inside Sales Representative; Sales Representative; Sales Executive; "
            "Enterprise Account Executive; Key Account Manager; Sales Engineer; Solutions "
            "Consultant; Territory Account Executive; Outbound SDR",
         noun="Sales; Sales; Sales; Revenue; Inside Sales; Enterprise Sales; Commercial; Sales "
              "Development; Field Sales; Mid-Market Sales; Global Sales; New Business; "
              "Revenue & Growth",
         chief="Chief Revenue Officer; CRO; Chief Sales Officer; Chief Commercial Officer; "
               "CRO & Co-Founder",
         extra="SDR; BDR; AE; Sr. AE; Enterprise AE; SDR Manager; Sales Mgr; Regional Sales Mgr; "
               "VP Sales & Partnerships; Territory Manager; Account Director; Regional Sales "
               "Manager; Area Vice President; RVP Sales; Founding AE; Sales Leader; Strategic "
               "Account Director; First Sales Hire",
         foreign="Gerente de Ventas; Directeur Commercial; Vertriebsleiter; Diretor de Vendas; "
                 "Responsable Commercial; Ejecutivo de Cuentas; Ingénieur Commercial; "
                 "Vertriebsmitarbeiter; Director Comercial; Executivo de Vendas",
         spec="Enterprise; Mid-Market; SMB; New Business; Strategic Accounts; Public Sector; "
              "Fintech; Commercial; Named Accounts; Emerging Markets; Enterprise Sales; "
              "Nordics; EMEA; North America; DACH; UK&I; APAC; LATAM; Benelux; France",
         tags="SaaS; B2B SaaS; Helping teams hit quota; Revenue growth; Pipeline; "
              "Enterprise software; Building pipeline",
         levels={"intern": 1, "junior": 4, "associate": 3, "ic": 22, "senior": 12, "lead": 4,
                 "manager": 11, "senior_manager": 5, "director": 11, "head": 7, "vp": 10,
                 "svp": 2, "clevel": 4, "owner": 0.3}),
    Role("Revenue Operations", 3.5, 0.2, {"saas": 85, "finance": 5, "industry": 5,
                                          "consulting": 5},
         ic="Revenue Operations Analyst; Sales Operations Analyst; RevOps Specialist; CRM "
            "Administrator; Salesforce Administrator; Sales Enablement Specialist; Deal Desk "
            "Analyst; GTM Analyst",
         noun="Revenue Operations; Sales Operations; RevOps; Sales Enablement; GTM Operations; "
              "Revenue Strategy",
         chief="Chief Revenue Officer; Chief Operating Officer",
         extra="RevOps Lead; Sales Ops Mgr; Head of RevOps; Salesforce Admin; GTM Systems Lead",
         spec="EMEA; Global; Americas; Enterprise; Systems",
         tags="RevOps; Salesforce; HubSpot; GTM"),
    Role("Business Development", 6, 0.2, {"saas": 70, "consulting": 10, "finance": 8,
                                          "industry": 7, "health": 5},
         ic="Business Development Executive; Partner Manager; Alliance Manager; Channel "
            "Account Manager; Business Developer; Partnerships Associate",
         noun="Business Development; Partnerships; Strategic Partnerships; Alliances; Channel; "
              "Corporate Development; Ecosystem",
         chief="Chief Business Officer; CBO; Chief Partnerships Officer",
         extra="BD Manager; BDM; Biz Dev Lead; Head of BD; Partnerships Lead; Channel Sales "
               "Manager; Strategic Alliances Lead",
         foreign="Responsable Développement Commercial; Desarrollo de Negocio; Gerente de "
                 "Desarrollo de Negocio",
         spec="EMEA; Americas; Global; Technology Partners; SaaS; Channel",
         tags="Partnerships; Ecosystems; B2B; Growth",
         levels={"ic": 24, "manager": 16, "director": 9, "head": 7, "vp": 5}),
    Role("Marketing", 9, 0.11, {"saas": 60, "retail": 12, "finance": 6, "consulting": 8,
                                "industry": 6, "health": 4, "education": 4},
         ic="Marketing Specialist; Content Marketer; Content Strategist; Growth Marketer; "
            "Product Marketing Manager; Demand Generation Specialist; SEO Specialist; "
            "Copywriter; Social Media Specialist; Performance Marketer; Lifecycle Marketing "
            "Specialist; Marketing Operations Specialist; Field Marketing Specialist; Brand "
            "Strategist; Community Manager; Email Marketing Specialist",
         noun="Marketing; Marketing; Growth; Demand Generation; Product Marketing; Brand; "
              "Content; Digital Marketing; Performance Marketing; Communications; Field "
              "Marketing; Marketing Operations",
         chief="CMO; Chief Marketing Officer; Chief Growth Officer",
         extra="Marketing Mgr; PMM; Head of Growth; Growth Lead; Marketing Director; Brand "
               "Manager; Social Media Manager; Marketing Coordinator",
         foreign="Responsable Marketing; Chargée de Communication; Marketingleiter; Gerente de "
                 "Marketing; Responsable Marketing Digital; Analista de Marketing",
         spec="B2B; EMEA; Global; SaaS; Demand Gen; ABM; Paid Social; Brand; Events",
         tags="B2B marketing; Storytelling; Demand gen; Content that converts"),
    Role("Engineering", 12, 0.05, {"saas": 80, "finance": 7, "industry": 6, "retail": 4,
                                   "health": 3},
         ic="Software Engineer; Backend Engineer; Frontend Developer; Full Stack Developer; "
            "Data Engineer; Data Scientist; Machine Learning Engineer; Mobile Developer; iOS "
            "Developer; Android Developer; QA Engineer; Software Developer; Platform Engineer; "
            "Site Reliability Engineer; Solutions Architect; Research Scientist; Embedded "
            "Software Engineer; Data Analyst",
         noun="Engineering; Engineering; Software Engineering; Data; Data Science; Platform; "
              "Machine Learning; Quality Assurance; Architecture; Infrastructure Engineering",
         chief="CTO; Chief Technology Officer; Chief Data Officer; CTO & Co-Founder",
         extra="SWE; Sr. Software Eng; SDE II; Staff Engineer; Principal Engineer; Tech Lead; "
               "Engineering Mgr; Engineering Manager; VP Engineering; ML Engineer; Senior SWE",
         foreign="Softwareentwickler; Desarrollador de Software; Ingénieur Logiciel; Engenheiro "
                 "de Software; Entwickler; Ingeniero de Datos",
         spec="Payments; Platform; Backend; Growth; Infrastructure; Data Platform; Search; "
              "Mobile; Core Banking; Integrations; Remote",
         tags="Python; Go; Cloud; Distributed systems; Data; TypeScript; Kubernetes",
         levels={"intern": 3, "senior": 22, "lead": 9, "manager": 7, "svp": 0.5,
                 "owner": 0.4}),
    Role("IT", 4, 0.05, {"industry": 30, "finance": 25, "health": 15, "retail": 15,
                         "saas": 15},
         ic="Systems Administrator; Network Engineer; IT Support Specialist; Help Desk Analyst; "
            "Cloud Engineer; Security Analyst; Cybersecurity Engineer; DevOps Engineer; "
            "Database Administrator; IT Analyst; Cloud Architect; IT Consultant",
         noun="IT; Information Technology; Infrastructure; IT Operations; Information Security; "
              "Cloud; Enterprise Applications",
         chief="CIO; Chief Information Officer; CISO; Chief Information Security Officer",
         extra="IT Mgr; Sysadmin; SRE; IT Manager; IT Director; Helpdesk Technician",
         foreign="Responsable Informatique; Administrador de Sistemas; IT-Leiter; Analista de TI",
         spec="Infrastructure; EMEA; Security; End User Services; Networks; Azure; AWS",
         tags="Cloud; Security; Microsoft 365; ITIL"),
    Role("Product", 5, 0.08, {"saas": 85, "finance": 6, "retail": 5, "health": 4},
         ic="Product Manager; Product Owner; Technical Product Manager; Product Analyst; "
            "Growth Product Manager; Platform Product Manager",
         noun="Product; Product; Product Operations; Product Growth",
         chief="CPO; Chief Product Officer",
         extra="Associate PM; APM; Group Product Manager; PM; Product Lead; Senior PM; "
               "Director of Product Management",
         foreign="Chef de Produit; Responsable Produit; Produktmanager; Gerente de Producto",
         spec="Payments; Growth; Platform; Mobile; Data; Integrations; AI; Core",
         tags="Product; B2B SaaS; Discovery; AI"),
    Role("Design", 3, 0.04, {"saas": 75, "retail": 10, "consulting": 15},
         ic="Product Designer; UX Designer; UI/UX Designer; UX Researcher; Graphic Designer; "
            "Visual Designer; Interaction Designer; Brand Designer; Content Designer",
         noun="Design; Product Design; UX; Creative; Brand Design",
         chief="Chief Design Officer",
         extra="Creative Director; Art Director; Design Lead; Freelance Designer",
         foreign="Diseñador UX; Designer Graphique; Designerin",
         spec="Design Systems; Mobile; Growth; Web",
         tags="Design systems; Figma; UX")
    ,
    Role("Customer Success", 6, 0.17, {"saas": 85, "finance": 5, "health": 5, "retail": 5},
         ic="Customer Success Manager; Customer Success Specialist; Account Manager; "
            "Onboarding Specialist; Implementation Consultant; Customer Support Specialist; "
            "Support Engineer; Technical Account Manager; Renewals Specialist",
         noun="Customer Success; Customer Experience; Support; Customer Support; Account "
              "Management; Client Services",
         chief="Chief Customer Officer; CCO",
         extra="CSM; TAM; Sr. CSM; Head of CS; Customer Success Lead",
         foreign="Chargé de Clientèle; Gerente de Cuentas; Kundenbetreuer",
         spec="Enterprise; Mid-Market; EMEA; Strategic Accounts; SMB; Onboarding",
         tags="Customer success; Retention; SaaS"),
    Role("Founders", 9.5, 0.33, {"saas": 80, "consulting": 8, "retail": 5, "finance": 4,
                                 "health": 3},
         own="Founder; Co-Founder; Founder & CEO; Co-founder & CEO; CEO; Owner; Managing "
             "Director; Co-Founder & CTO; Co-Founder & COO; Founder | Building the future of "
             "B2B sales; Entrepreneur; Serial Entrepreneur; Founder & Managing Partner; "
             "Geschäftsführer; Fundador; Fondateur & CEO; CEO & Co-Founder; Founder (Stealth); "
             "Founder in Residence; President; Managing Partner; Founder & CRO; CEO & Founder; "
             "Co-Founder; Founder, Advisor; Founder & Chief Product Officer",
         tags="B2B SaaS; Building in public; Revenue; Sales tech; Hiring; Pre-seed; Series A",
         levels={lv: (1 if lv == "owner" else 0) for lv in LEVEL_NAMES}),
    Role("Consulting", 7, 0.1, {"consulting": 80, "finance": 10, "saas": 10},
         ic="Consultant; Business Analyst; Strategy Consultant; Management Consultant; Analyst; "
            "Technology Consultant; Advisory Consultant",
         noun="Consulting; Strategy; Advisory; Transformation; Strategy & Operations; "
              "Technology Consulting; Deals",
         chief="Managing Partner; Senior Partner; Associate Partner; Principal; Partner",
         extra="Engagement Manager; Independent Consultant; Freelance Consultant; Advisor; "
               "Principal Consultant; Senior Associate",
         foreign="Consultor; Unternehmensberater; Consultora Sênior; Conseiller en Stratégie",
         spec="Financial Services; Technology; Public Sector; Digital; Operations; TMT; "
              "Go-to-Market",
         tags="Strategy; Transformation; GTM"),
    Role("Finance", 6, 0.08, {"finance": 70, "saas": 15, "industry": 10, "retail": 5},
         ic="Financial Analyst; Accountant; FP&A Analyst; Investment Analyst; Controller; "
            "Auditor; Tax Specialist; Treasury Analyst; Credit Analyst; Investment Banking "
            "Analyst; Portfolio Manager; Risk Analyst",
         noun="Finance; FP&A; Accounting; Treasury; Investments; Risk; Tax; Audit",
         chief="CFO; Chief Financial Officer; Chief Investment Officer",
         extra="Venture Partner; Investment Associate; Comptroller; Finance Mgr; Chartered "
               "Accountant; CPA; Principal, Venture Capital; Angel Investor",
         foreign="Director Financiero; Contrôleur de Gestion; Finanzbuchhalter; Analista "
                 "Financeiro; Responsable Administratif et Financier",
         spec="EMEA; Group; Corporate; Commercial Finance; M&A; SaaS",
         tags="FP&A; SaaS metrics; Investing in B2B",
         levels={"manager": 14, "senior_manager": 6, "director": 12, "head": 6, "vp": 7,
                 "svp": 1.5, "clevel": 5})
    ,
    Role("HR & Recruiting", 8, 0.03, {"staffing": 55, "saas": 30, "consulting": 8,
                                      "finance": 7},
         ic="Recruiter; Technical Recruiter; Talent Acquisition Specialist; Talent Sourcer; HR "
            "Generalist; HR Business Partner; Recruitment Consultant; People Partner; HR "
            "Coordinator; Talent Acquisition Partner; Executive Recruiter",
         noun="People; HR; Human Resources; Talent Acquisition; Talent; Recruiting; People "
              "Operations",
         chief="Chief People Officer; CHRO; Chief Human Resources Officer",
         extra="Sr. Tech Recruiter; TA Lead; HRBP; Recruiter | Hiring in SaaS; We're hiring! "
               "Technical Recruiter; Headhunter; Executive Search Consultant",
         foreign="Responsable RRHH; Chargée de Recrutement; Personalreferentin; Analista de RH; "
                 "Recrutadora",
         spec="Tech; Engineering; Go-to-Market; EMEA; Sales Hiring; Executive Search",
         tags="We're hiring; Tech recruiting; People first"),
    Role("Operations", 5, 0.05, {"industry": 50, "retail": 20, "saas": 20, "health": 10},
         ic="Operations Analyst; Project Manager; Program Manager; Supply Chain Analyst; "
            "Logistics Coordinator; Procurement Specialist; Buyer; Operations Specialist; "
            "Business Operations Associate; Office Manager; Executive Assistant; Quality Engineer",
         noun="Operations; Supply Chain; Logistics; Procurement; Business Operations; Program "
              "Management; Manufacturing",
         chief="COO; Chief Operating Officer; Chief Supply Chain Officer",
         extra="Plant Manager; Ops Mgr; PMO Lead; Scrum Master; General Manager",
         foreign="Directeur des Opérations; Jefe de Operaciones; Betriebsleiter; Gerente de "
                 "Operações",
         spec="EMEA; Europe; North America; Global; Procurement; Fulfilment",
         tags="Operations; Lean; Supply chain"),
    Role("Education", 4, 0.02, {"education": 100},
         own="Student; Student; MBA Candidate; MBA Student; Graduate Student; PhD Candidate; "
             "PhD Student; Master's Student; Research Assistant; Teaching Assistant; Summer "
             "Intern; Marketing Intern; Sales Intern; Software Engineering Intern; Professor; "
             "Associate Professor; Lecturer; Senior Lecturer; Teacher; Estudiante; Étudiant; "
             "Student (Computer Science); Aspiring Product Manager; Open to work; Graduate; "
             "Business Student; Economics Student; Exchange Student",
         tags="Open to work; Looking for internships; Class of 2027",
         levels={lv: (1 if lv == "intern" else 0) for lv in LEVEL_NAMES}),
    Role("Healthcare", 2, 0.02, {"health": 100},
         ic="Registered Nurse; Physician; Pharmacist; Clinical Research Associate; Healthcare "
            "Consultant; Nurse Practitioner; Physiotherapist; Clinical Nurse Specialist; "
            "Resident Physician; Medical Science Liaison; Clinical Data Manager",
         noun="Nursing; Clinical Operations; Medical Affairs; Patient Services",
         chief="Chief Medical Officer; Medical Director",
         spec="Oncology; Cardiology; ICU; Clinical Trials; Digital Health",
         tags="Digital health; Patient care"),
    Role("Legal", 1.5, 0.03, {"consulting": 60, "saas": 25, "finance": 15},
         ic="Attorney; Legal Counsel; Corporate Counsel; Paralegal; Lawyer; Solicitor; "
            "Contract Manager; Compliance Officer; Privacy Counsel",
         noun="Legal; Compliance; Legal Operations",
         chief="General Counsel; Chief Legal Officer",
         foreign="Abogado; Avocate; Rechtsanwalt; Juriste",
         spec="Commercial; Privacy; Employment; Corporate; EMEA",
         tags="Tech law; Privacy; Contracts"),
]
ROLE_NAMES = [r.name for r in ROLES]

_REGIONS = ["EMEA", "North America", "DACH", "Nordics", "UK&I", "APAC", "LATAM", "Benelux",
            "France", "Iberia", "Americas", "Global", "Europe", "US East", "US West"]
_SEP = [", ", " - ", " | ", " (", ", "]

# --- owners and personas --------------------------------------------------------------------
OWNER = {
    "First Name": "Maya", "Last Name": "Lindqvist",
    "Headline": "Founder @ Pipewise | Helping B2B sales leaders forecast with confidence",
    "Industry": "Software Development",
    "Summary": "Building a revenue-forecasting SaaS for sales teams. Ex-enterprise AE; "
               "I write about pipeline reviews, forecasting and the first sales hires.",
    "Geo Location": "Stockholm, Sweden",
    "Websites": "[COMPANY:https://pipewise.example]",
    # (company, title, description, started, finished): the move to the big vendor and the
    # founding of Pipewise are the two bursts in the growth curve (JOB_CHANGE, FOUNDED).
    "Positions": [
        (OWNER_COMPANY, "Founder & CEO", "Forecasting software for B2B sales teams.",
         "Mar 2023", ""),
        (FORMER_EMPLOYER, "Senior Account Executive", "Enterprise accounts, Nordics.",
         "Jan 2020", "Feb 2023"),
        ("Northwind Analytics", "Account Executive", "", "Aug 2014", "Dec 2019"),
    ],
}
OWNER_URL = "https://www.linkedin.com/in/maya-lindqvist-demo"

#: Workshop personas: whose network, the mix of people in it, and the ICP preset that fits.
PERSONAS: dict[str, dict] = {
    "saas": {"label": "B2B SaaS founder", "owner": OWNER, "mix": {},
             "preset": "B2B SaaS founder selling to sales leaders"},
    "recruiter": {
        "label": "Tech recruiter",
        "owner": {"First Name": "Jonas", "Last Name": "Okoro",
                  "Headline": "Senior Tech Recruiter | Hiring engineers for Nordic scale-ups",
                  "Industry": "Staffing and Recruiting",
                  "Summary": "I connect great engineers with growing product teams.",
                  "Geo Location": "Oslo, Norway",
                  "Positions": [("Fjordline Talent", "Senior Tech Recruiter", "", "Apr 2021",
                                 "")]},
        "mix": {"Engineering": 3.0, "IT": 1.5, "HR & Recruiting": 2.0, "Product": 1.5,
                "Sales": 0.4, "Founders": 0.6},
        "preset": "Recruiter building a candidate network"},
    "consultant": {
        "label": "Finance consultant",
        "owner": {"First Name": "Clara", "Last Name": "Martín",
                  "Headline": "Independent CFO advisor | FP&A and board reporting",
                  "Industry": "Business Consulting and Services",
                  "Summary": "I help finance teams close faster and plan better.",
                  "Geo Location": "Madrid, Spain",
                  "Positions": [("Self-employed", "Independent CFO Advisor", "", "Sep 2020",
                                 "")]},
        "mix": {"Finance": 5.0, "Consulting": 1.5, "Operations": 1.5, "Engineering": 0.4,
                "Sales": 0.5},
        "preset": "Consultant selling to CFOs"},
}

# --- the growth curve -----------------------------------------------------------------------
YEARS = 10
# (days after the first possible connection, width in days, height): conference weeks, the move
# to the big vendor (colleagues), founding Pipewise, a post that went viral.
BURSTS = [(420, 6, 3), (780, 12, 4), (1150, 25, 5), (1500, 6, 5), (1880, 8, 6),
          (2330, 40, 5), (2620, 7, 7), (2990, 8, 6), (3230, 10, 6), (3400, 6, 5)]
JOB_CHANGE = (1150, 60)  # (day, half-width): joined FORMER_EMPLOYER, connected with colleagues
FOUNDED = 2330           # day Pipewise was founded (first colleagues after this)


def _connection_days(rng: np.random.Generator, n: int) -> np.ndarray:
    """Days after the start of the 10-year window: a slow start, bursts, more recent growth."""
    days = YEARS * 365
    t = np.arange(days)
    density = 0.12 + (t / days) ** 1.8 * 3.2
    for day, width, height in BURSTS:
        density += height * np.exp(-0.5 * ((t - day) / width) ** 2) * (0.3 + t / days)
    return np.sort(rng.choice(days, size=n, p=density / density.sum()))[::-1]


# --- building the people --------------------------------------------------------------------

def _company_pools(rng: np.random.Generator, n: int) -> dict[str, tuple[list[str], np.ndarray]]:
    """Per sector a pool of fictional companies (plus big real employers) and Zipf-like weights,
    so colleagues cluster at a few employers and most employers appear once or twice."""
    pools = {}
    for sector in SECTORS:
        size = int(min(2400, max(12, n // 12)))
        made = [f"{_PREFIX[a]}{_SUFFIX[b]} {_KIND[sector][c]}" for a, b, c in zip(
            rng.integers(0, len(_PREFIX), size), rng.integers(0, len(_SUFFIX), size),
            rng.integers(0, len(_KIND[sector]), size), strict=True)]
        made = list(dict.fromkeys(made))
        pool = made + BIG[sector]
        w = 1.0 / np.arange(3, len(pool) + 3) ** 0.8
        w[-len(BIG[sector]):] = w[0] * 0.6  # the big employers are among the common ones
        pools[sector] = (pool, w / w.sum())
    return pools


def _pick(options: list[str], u: float) -> str:
    return options[int(u * len(options))]


def _title(role: Role, level: str, company: str, u: list[float]) -> str:
    """One job title: the ladder wording, sometimes an abbreviation, a non-English title, a
    specialisation or region, or headline decoration ("AE @ Brightpath | SaaS")."""
    if role.own:
        title = _pick(role.own, u[0])
        if role.name == "Education" and u[1] < 0.3:
            return f"{title} at {company}"
        if u[1] < 0.12:
            return f"{title} @ {company}"
    elif role.foreign and u[1] < 0.06:
        title = _pick(role.foreign, u[0])
    elif role.extra and u[1] < 0.17:
        title = _pick(role.extra, u[0])
    else:
        form = _pick(_LADDER[level], u[0])
        chief = _pick(role.chief, u[2]) if role.chief else f"Head of {role.noun[0]}"
        title = form.format(ic=_pick(role.ic or role.noun, u[2]),
                            noun=_pick(role.noun or role.ic, u[3]), chief=chief)
        if role.spec and level not in ("clevel", "owner") and u[4] < 0.24:
            sep, spec = _pick(_SEP, u[5]), _pick(role.spec, u[6])
            title = f"{title} ({spec})" if sep == " (" else f"{title}{sep}{spec}"
        elif level not in ("clevel", "owner", "intern") and u[4] < 0.34:
            title = f"{title}, {_pick(_REGIONS, u[6])}"
    d = u[7]
    if d < 0.055:
        title = f"{title} @ {company} | {_pick(role.tags, u[3])}"
    elif d < 0.085:
        title = f"{title} at {company}"
    elif d < 0.1:
        title = f"{title} | {_pick(role.tags, u[3])}"
    elif d < 0.107:
        title = f"{_pick(EMOJI, u[5])} {title}"
    elif d < 0.112:
        title = title.upper() if len(title) < 25 else title
    return title


def _people(n: int, seed: int, days: np.ndarray, mix: dict[str, float] | None = None
            ) -> dict[str, list]:
    """Names, companies, titles, role and engagement propensity of n people (no quirks yet).

    `days` (connection day offsets, newest first) lets colleagues of the owner's former employer
    and of her own company cluster around the job change and after the founding. `mix`
    multiplies the weight of some functions (a recruiter knows more engineers).
    """
    rng = np.random.default_rng(seed)
    mix = mix or {}
    w = np.array([r.weight * mix.get(r.name, 1.0) for r in ROLES])
    role_idx = rng.choice(len(ROLES), size=n, p=w / w.sum())
    level_idx = np.zeros(n, dtype=int)
    sector = np.empty(n, dtype=object)
    for k, role in enumerate(ROLES):
        members = np.flatnonzero(role_idx == k)
        level_idx[members] = rng.choice(len(LEVELS), size=len(members), p=role.level_p)
        sector[members] = rng.choice(role.sectors, size=len(members), p=role.sector_p)
    pools = _company_pools(rng, n)
    company = np.empty(n, dtype=object)
    for s in SECTORS:
        members = np.flatnonzero(sector == s)
        pool, p = pools[s]
        company[members] = np.asarray(pool, dtype=object)[rng.choice(len(pool), len(members),
                                                                      p=p)]
    founders = np.flatnonzero((role_idx == ROLE_NAMES.index("Founders"))
                              & np.isin(company, sum(BIG.values(), [])))
    for i in founders.tolist():  # founders run their own (fictional) companies
        pool, _p = pools[sector[i]]
        company[i] = pool[int(rng.integers(0, len(pool) - len(BIG[sector[i]])))]
    # Colleagues: the former employer around the job change, Pipewise after the founding.
    u_co = rng.random(n)
    near_job = np.abs(days - JOB_CHANGE[0]) < JOB_CHANGE[1]
    company[near_job & (sector == "saas") & (u_co < 0.45)] = FORMER_EMPLOYER
    company[(days > FOUNDED) & (sector == "saas") & (u_co > 0.99)] = OWNER_COMPANY

    # Names: a culture, then a first and last name from it (10% mixed across cultures).
    cw = np.array([c[2] for c in CULTURES])
    culture = rng.choice(len(CULTURES), size=n, p=cw / cw.sum())
    last_culture = np.where(rng.random(n) < 0.1, rng.choice(len(CULTURES), size=n,
                                                            p=cw / cw.sum()), culture)
    first = np.empty(n, dtype=object)
    last = np.empty(n, dtype=object)
    for k, (fs, ls, _w) in enumerate(CULTURES):
        fs_, ls_ = fs.split(), ls.split()
        m = culture == k
        first[m] = np.asarray(fs_, dtype=object)[rng.integers(0, len(fs_), m.sum())]
        m = last_culture == k
        last[m] = np.asarray(ls_, dtype=object)[rng.integers(0, len(ls_), m.sum())]

    u = rng.random((n, 8)).tolist()
    roles, levels, companies = role_idx.tolist(), level_idx.tolist(), company.tolist()
    positions = [_title(ROLES[roles[i]], LEVEL_NAMES[levels[i]], companies[i], u[i])
                 for i in range(n)]
    prop = (np.array([r.prop for r in ROLES])[role_idx]
            * np.array([lv[2] for lv in LEVELS])[level_idx])
    return {"first": first.tolist(), "last": last.tolist(), "position": positions,
            "company": companies, "function": [ROLE_NAMES[k] for k in roles],
            "level": [LEVEL_NAMES[k] for k in levels], "propensity": prop}


_STYLED = {"bold": 0x1D400, "italic": 0x1D434, "sans_bold": 0x1D5D4}


def _styled(name: str, style: str) -> str:
    """'Anand' → '𝐀𝐧𝐚𝐧𝐝': the Mathematical Alphanumeric letters some people use for names."""
    base = _STYLED[style]
    out = []
    for ch in name:
        if "A" <= ch <= "Z":
            out.append(chr(base + ord(ch) - 65))
        elif "a" <= ch <= "z":
            code = base + 26 + ord(ch) - 97
            out.append("ℎ" if code == 0x1D455 else chr(code))  # italic h is a hole in Unicode
        else:
            out.append(ch)
    return "".join(out)


def _fold(text: str) -> str:
    """ASCII letters and digits of a name, for slugs and e-mail addresses ('João' → 'joao')."""
    t = unicodedata.normalize("NFKD", text.replace("'", "").replace("’", ""))
    t = t.encode("ascii", "ignore").decode().lower()
    return "".join(ch if ch.isalnum() else "-" for ch in t).strip("-")


def _accented(text: str) -> bool:
    """Letters LinkedIn keeps in a vanity URL (accents, other scripts, a curly apostrophe), as
    opposed to emoji and styled letters, which never reach a URL."""
    return any(ord(c) > 127 and (c == "’" or (unicodedata.category(c).startswith("L")
                                               and ord(c) < 0x1D400)) for c in text)


def _slug_words(first: str, last: str, raw: bool) -> str:
    """The name part of a profile URL; `raw` keeps accents and other scripts (percent-encoded,
    as LinkedIn writes them: 'ken-o%E2%80%99brien')."""
    last = last.split(",")[0]
    first = first.split('"')[0]
    if raw:
        words = [w for w in f"{first} {last}".lower().replace("'", "").split()
                 if w.isalnum() or "’" in w]
        return quote("-".join(words), safe="-")
    return "-".join(w for w in (_fold(first), _fold(last)) if w)


def _urls(rng: np.random.Generator, first: list[str], last: list[str],
          fixed: dict[int, str]) -> list[str]:
    """Unique profile URLs: most `first-last-<hex>`, some vanity `first-last` or `flast`;
    `fixed` gives some rows their slug."""
    n = len(first)
    kind = rng.random(n).tolist()
    hexes = rng.integers(0, 2**32, size=n).tolist()
    digits = rng.integers(1, 999, size=n).tolist()
    seen: set[str] = set(fixed.values())
    out = []
    for i in range(n):
        if i in fixed:
            out.append(f"https://www.linkedin.com/in/{fixed[i]}")
            continue
        f, s = first[i], last[i]
        raw = _accented(f + s) and (kind[i] < 0.2 or not _fold(f + s))
        words = _slug_words(f, s, raw)
        if kind[i] < 0.12 and words:
            slug = words
        elif kind[i] < 0.16 and words and not raw:
            slug = f"{_fold(f)[:1]}{_fold(s.split(',')[0]).replace('-', '')}"
        elif kind[i] < 0.2 and words:
            slug = f"{words}-{digits[i]}"
        else:
            slug = f"{words}-{hexes[i]:08x}".lstrip("-")
        while slug in seen or not slug:
            slug = f"{slug}-{i:x}"
        seen.add(slug)
        out.append(f"https://www.linkedin.com/in/{slug}")
    return out


def _network(n: int, seed: int, end: date, mix: dict[str, float] | None = None
             ) -> dict[str, list]:
    """People plus the quirks of real exports: ghosts, blank positions, stray spaces, styled and
    emoji names, credentials after a comma, quoted nicknames, NA/Null names, encoded URLs."""
    rng = np.random.default_rng(seed + 1)
    start = end - timedelta(days=YEARS * 365)
    days = _connection_days(rng, n)
    r = _people(n, seed, days, mix)
    first, last, position = r["first"], r["last"], r["position"]

    u = rng.random((n, 8))
    cjk = np.flatnonzero(u[:, 0] < 0.004).tolist()
    for i, j in zip(cjk, rng.integers(0, len(NATIVE_CJK), len(cjk)).tolist(), strict=True):
        first[i], last[i] = NATIVE_CJK[j]
    for i in np.flatnonzero((u[:, 0] >= 0.004) & (u[:, 0] < 0.008)).tolist():
        first[i] = _styled(first[i], list(_STYLED)[i % 3])
    for i in np.flatnonzero((u[:, 0] >= 0.008) & (u[:, 0] < 0.012)).tolist():
        first[i] = f"{first[i]} {EMOJI[i % len(EMOJI)]}"
    for i in np.flatnonzero(u[:, 1] < 0.012).tolist():
        last[i] = f"{last[i]}, {CREDENTIALS[i % len(CREDENTIALS)]}"
    for i in np.flatnonzero(u[:, 2] < 0.003).tolist():
        first[i] = f'{first[i]} "{NICKNAMES[i % len(NICKNAMES)]}"'
    quirks = {  # fixed rows, so tests and the demo always show them
        5: ("James \"Tyler\"", "Reed"), 11: ("𝐀𝐧𝐚𝐧𝐝", "Krishnan"), 17: ("NA", "Hughes"),
        23: ("Null", "Okafor"), 29: ("Ken", "O’Brien"), 31: ("Dana", "Arseienko, CFEI®"),
        37: ("Mia ✨", "Lopez"),
    }
    for i, (f, s) in quirks.items():
        if i < n:
            first[i], last[i] = f, s
    # Row 29 gets the formats file's own example of a percent-encoded URL.
    urls = _urls(rng, first, last, {29: "ken-o%E2%80%99brien"} if n > 29 else {})
    folded = [f"{_fold(f.split(chr(34))[0])}.{_fold(s.split(',')[0])}".strip(".")
              for f, s in zip(first, last, strict=True)]
    email_domains = ["example.com", "example.org", "example.net", "mail.example"]
    email = [""] * n
    for i in np.flatnonzero(u[:, 3] < 0.03).tolist():
        email[i] = f"{folded[i] or 'contact'}@{email_domains[i % 4]}"
    for i in np.flatnonzero(u[:, 4] < 0.03).tolist():
        position[i] = ""
    for i in np.flatnonzero(u[:, 5] < 0.06).tolist():
        first[i] = f" {first[i]}"
    for i in np.flatnonzero((u[:, 5] >= 0.06) & (u[:, 5] < 0.08)).tolist():
        last[i] = f"{last[i]} "
    for i in np.flatnonzero(u[:, 6] < 0.04).tolist():
        if position[i]:
            position[i] = f"{position[i]} "
    company = r["company"]
    for i in np.flatnonzero(u[:, 7] < 0.015).tolist():
        company[i] = f"{company[i]} "
    ghost = u[:, 7] > 0.98
    ghost[[i for i in quirks if i < n]] = False
    for i in np.flatnonzero(ghost).tolist():
        first[i] = last[i] = urls[i] = email[i] = company[i] = position[i] = ""
    r.update(url=urls, email=email, ghost=ghost.tolist(),
             day=[start + timedelta(days=int(d)) for d in days])
    return r


# --- writing CSV ----------------------------------------------------------------------------

def _csv_text(header: list[str], rows: list[list[str]], *, eol: str = "\n") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=eol)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()[: -len(eol)]  # LinkedIn writes no newline after the last row


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def _fmt_day(d: date) -> str:
    """'07 Oct 2026': zero-padded, English month, whatever the user's language."""
    return f"{d.day:02d} {_MONTHS[d.month - 1]} {d.year}"


def _fmt_us(d: datetime) -> str:
    """'12/15/24, 7:47 AM': the US short form of old Connections.csv and of Invitations.csv."""
    hour = d.hour % 12 or 12
    return f"{d.month}/{d.day}/{d.year % 100:02d}, {hour}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"


def connections_csv(n: int, seed: int = DEMO_SEED, *, variant: str = "modern",
                    end: date = EXPORT_DATE) -> bytes:
    """A Connections.csv of n people, for benchmarks and tests (100k rows in about a second).

    The same people as `generate_export` with the same seed. `variant` picks the era:
    "modern" (Notes preamble, 7 columns with URL, "07 Oct 2026"), "no_url" (2021 to early 2023:
    preamble, no URL column), "legacy" (before Nov 2018: no preamble, no URL, "10/7/26, 6:14 PM"),
    "resaved" (a modern file after a spreadsheet re-save: UTF-8 BOM, CRLF, `Notes:,,` rows,
    "7-Oct-26").
    Raises ValueError for an unknown variant.
    """
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(VARIANTS)}, not {variant!r}")
    r = _network(n, seed, end)
    return _connections_file(r, variant).encode("utf-8-sig" if variant == "resaved" else "utf-8")


def _connections_file(r: dict[str, list], variant: str = "modern") -> str:
    cols = [r["first"], r["last"], r["url"], r["email"], r["company"], r["position"]]
    header = list(HEADER)
    if variant in ("no_url", "legacy"):
        del cols[2], header[2]
    if variant == "legacy":
        minutes = [(i * 7919) % 1440 for i in range(len(r["day"]))]
        dates = [_fmt_us(datetime(d.year, d.month, d.day) + timedelta(minutes=m))
                 for d, m in zip(r["day"], minutes, strict=True)]
    elif variant == "resaved":
        dates = [f"{d.day}-{_MONTHS[d.month - 1]}-{d.year % 100:02d}" for d in r["day"]]
    else:
        dates = [_fmt_day(d) for d in r["day"]]
    rows = [list(row) for row in zip(*cols, dates, strict=True)]
    if variant == "legacy":
        return _csv_text(header, rows)
    if variant == "resaved":
        blank = "," * (len(header) - 1)
        note = PREAMBLE.splitlines()[1]
        return (f"Notes:{blank}\r\n{note}{blank}\r\n{blank}\r\n"
                + _csv_text(header, rows, eol="\r\n") + "\r\n")  # spreadsheets end lines
    return PREAMBLE + _csv_text(header, rows)


# --- the other files of the archive ---------------------------------------------------------
_MESSAGE_HEADER = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                   "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER",
                   "ATTACHMENTS", "IS MESSAGE DRAFT"]
_LINES = [
    "Thanks for connecting!", "Great chatting today.", "Sharing the deck here.",
    "Let's catch up next week?", "Congrats on the new role!", "Quick question.",
    "Thanks, {first}. Talk soon.", "Sounds good, see you Thursday.",
    "Hi {first},\nthanks for connecting. Happy to compare notes on forecasting any time.",
    "Loved your post on pipeline reviews.", "Would you be open to a short call?",
    "Sent you the invite.", "Happy new year!", "Thanks for the intro, much appreciated.",
    "Sure, Tuesday works.", "Good luck with the launch!", "Here is the link I mentioned.",
    "Congrats on the round!", "Let me check with the team and come back to you.",
]
_SPAM = ["10x your leads with our done-for-you outreach!!!", "Exclusive offer for founders",
         "Quick question about your growth goals", "Guaranteed 50 meetings a month"]


def _conversation_id(rng: np.random.Generator) -> str:
    raw = bytes(rng.integers(0, 256, 27, dtype=np.uint8).tolist())
    return "2-" + base64.b64encode(raw).decode()


def _stamp(d: datetime) -> str:
    return d.strftime("%Y-%m-%d %H:%M:%S UTC")


def _messages(r: dict[str, list], rng: np.random.Generator, end: date,
              owner: dict = OWNER) -> str:
    """messages.csv (2024+ columns): engaged roles write more and more recently; the owner is
    one side of every conversation; a few group chats, spam and drafts (which the loader skips)."""
    owner_name = f"{owner['First Name']} {owner['Last Name']}"
    end_dt = datetime(end.year, end.month, end.day, 17, 30)
    rows: list[list[str]] = []
    n = len(r["ghost"])
    prop = np.asarray(r["propensity"])
    u = rng.random((n, 4))
    talks = (u[:, 0] < np.minimum(0.9, prop * 1.2)) & ~np.asarray(r["ghost"], dtype=bool)

    def name(i: int) -> str:
        return f"{r['first'][i].strip()} {r['last'][i].strip()}".strip()

    for i in np.flatnonzero(talks).tolist():
        since = max(0.0, (end - r["day"][i]).days - 0.5)  # no message before connecting
        last_ago = rng.exponential(230 if prop[i] > 0.2 else 520)
        if last_ago > 720:  # the last interaction falls within about two years
            last_ago = rng.uniform(300, 720)
        last_ago = min(last_ago, since)
        n_msgs = 1 + int(rng.poisson(prop[i] * 7))
        conv = _conversation_id(rng)
        ago = last_ago
        incoming = bool(u[i, 1] < 0.5)
        folder = "ARCHIVE" if u[i, 2] < 0.2 else "INBOX"
        for _ in range(n_msgs):
            when = end_dt - timedelta(days=ago, minutes=int(rng.integers(0, 900)))
            frm, frm_url, to, to_url = ((name(i), r["url"][i], owner_name, OWNER_URL) if incoming
                                        else (owner_name, OWNER_URL, name(i), r["url"][i]))
            line = _LINES[int(rng.integers(0, len(_LINES)))].format(
                first=(r["first"][i] if incoming else owner["First Name"]).strip())
            rows.append([conv, "", frm, frm_url, to, to_url, _stamp(when), "", line, folder,
                         "", "false"])
            incoming = not incoming if rng.random() < 0.8 else incoming
            ago = min(since, ago + rng.exponential(12))
    # Group chats: the owner and two or three connections; RECIPIENT PROFILE URLS comma-joined.
    pool = np.flatnonzero(talks).tolist()
    for g in range(min(8, len(pool) // 4)):
        members = [pool[k] for k in rng.choice(len(pool), size=2 + g % 2, replace=False)]
        people = [(owner_name, OWNER_URL)] + [(name(i), r["url"][i]) for i in members]
        conv, title = _conversation_id(rng), f"{OWNER_COMPANY} x {r['company'][members[0]]}"
        for k in range(3):
            frm = people[(g + k) % len(people)]
            others = [p for p in people if p != frm]
            when = end_dt - timedelta(days=float(rng.uniform(5, 300)))
            rows.append([conv, title.strip(), frm[0], frm[1], ", ".join(p[0] for p in others),
                         ",".join(p[1] for p in others), _stamp(when), "",
                         "Looping everyone in here.", "INBOX", "", "false"])
    # Spam (some from connections) and unsent drafts: both must be skipped by the loader.
    real = np.flatnonzero(~np.asarray(r["ghost"], dtype=bool) & ~talks).tolist()
    for k in range(min(12, len(real))):
        i = real[(k * 37) % len(real)]
        when = end_dt - timedelta(days=float(rng.uniform(1, 200)))
        if k % 2:
            frm, url = "Growth Outreach", f"https://www.linkedin.com/in/growth-outreach-{k}"
        else:
            frm, url = name(i), r["url"][i]
        rows.append([_conversation_id(rng), "", frm, url, owner_name, OWNER_URL, _stamp(when),
                     "", _SPAM[k % len(_SPAM)], "SPAM", "", "false"])
        j = real[(k * 53 + 11) % len(real)]
        rows.append([_conversation_id(rng), "", owner_name, OWNER_URL, name(j), r["url"][j],
                     _stamp(when), "", f"Hi {r['first'][j].strip()}, ", "INBOX", "", "true"])
    rows.sort(key=lambda row: row[6], reverse=True)
    return _csv_text(_MESSAGE_HEADER, rows)


_NOTES_IN = [  # invitations to the owner
    "Hi {owner}, I enjoyed your post on forecasting. Would love to connect.",
    "Hello {owner}, fellow founder here, would be great to connect.",
    "Hi {owner}, we met at the SaaS meetup last week. Let's stay in touch!",
]
_NOTES_OUT = [  # the owner's invitations
    "Hi {name}, I'm building {company} and would love to swap notes on pipeline reviews.",
    "Hi {name}, great meeting you at the conference. Let's stay in touch!",
]


def _invitations(r: dict[str, list], rng: np.random.Generator, end: date,
                 owner: dict = OWNER) -> str:
    """Invitations.csv: the last 12 months only, incoming and outgoing, a few with a note, plus
    pending invitations to and from people who are not (yet) connections."""
    header = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
              "inviteeProfileUrl"]
    owner_name = f"{owner['First Name']} {owner['Last Name']}"
    cutoff = end - timedelta(days=365)
    rows: list[tuple[datetime, list[str]]] = []
    for i, day in enumerate(r["day"]):
        if day < cutoff:
            break  # rows are newest first
        if r["ghost"][i]:
            continue
        sent = datetime(day.year, day.month, day.day) - timedelta(
            minutes=int(rng.integers(0, 60 * 24 * 4)))
        if sent.date() < cutoff:
            continue
        name = f"{r['first'][i].strip()} {r['last'][i].strip()}"
        incoming = rng.random() < 0.6
        note = ""
        if rng.random() < 0.15:
            note = _pick(_NOTES_IN if incoming else _NOTES_OUT, rng.random()).format(
                owner=owner["First Name"], name=r["first"][i].strip(), company=OWNER_COMPANY)
        if incoming:
            rows.append((sent, [name, owner_name, _fmt_us(sent), note, "INCOMING",
                                r["url"][i], OWNER_URL]))
        else:
            rows.append((sent, [owner_name, name, _fmt_us(sent), note, "OUTGOING", OWNER_URL,
                                r["url"][i]]))
    for k in range(max(1, len(rows) // 12)):  # pending: not in Connections.csv
        sent = datetime(end.year, end.month, end.day) - timedelta(
            minutes=int(rng.integers(60, 60 * 24 * 60)))
        fs, ls, _w = CULTURES[k % len(CULTURES)]
        f, s = _pick(fs.split(), rng.random()), _pick(ls.split(), rng.random())
        who = f"{f} {s}"
        url = f"https://www.linkedin.com/in/{_fold(f)}-{_fold(s)}-{int(rng.integers(0, 2**32)):08x}"
        row = ([who, owner_name, _fmt_us(sent), "", "INCOMING", url, OWNER_URL] if k % 3
               else [owner_name, who, _fmt_us(sent), "", "OUTGOING", OWNER_URL, url])
        rows.append((sent, row))
    rows.sort(key=lambda x: x[0], reverse=True)
    return _csv_text(header, [row for _, row in rows])


def _profile(owner: dict = OWNER) -> str:
    header = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
              "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
              "Instant Messengers"]
    return _csv_text(header, [[owner.get(h, "") for h in header]])


def _positions(owner: dict) -> str:
    """Positions.csv: the owner's own career (the demo owner's explains the network's bursts)."""
    header = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
    loc = owner.get("Geo Location", "")
    rows = [[company, title, desc, loc, started, finished]
            for company, title, desc, started, finished in owner.get("Positions", [])]
    return _csv_text(header, rows)


def _reactions(rng: np.random.Generator, end: date) -> str:
    rows = []
    for _ in range(40):
        when = datetime(end.year, end.month, end.day) - timedelta(
            minutes=int(rng.integers(0, 60 * 24 * 365)))
        rows.append([when.strftime("%Y-%m-%d %H:%M:%S"),
                     _pick(["LIKE", "LIKE", "LIKE", "PRAISE", "EMPATHY", "INTEREST"],
                           rng.random()),
                     f"https://www.linkedin.com/feed/update/urn:li:activity:"
                     f"{int(rng.integers(7_000_000_000, 7_400_000_000)) * 1_000_000_000}"])
    rows.sort(reverse=True)
    return _csv_text(["Date", "Type", "Link"], rows)


def _comments(rng: np.random.Generator, end: date) -> str:
    notes = ["Great post, \\\"spot on\\\" about forecast calls.", "Congrats to the whole team!",
             "This matches what we see with first sales hires.", "Thanks for sharing."]
    lines = ["Date,Link,Message"]  # 2026 exports escape quotes as \" (written by hand here)
    for k in range(8):
        when = datetime(end.year, end.month, end.day) - timedelta(
            minutes=int(rng.integers(60, 60 * 24 * 300)))
        lines.append(f'{when:%Y-%m-%d %H:%M:%S},https://www.linkedin.com/feed/update/'
                     f'urn:li:activity:{7_300_000_000_000_000_000 + k * 7919},"{notes[k % 4]}"')
    return "\n".join(lines)


def generate_export(n: int = DEMO_SIZE, seed: int = DEMO_SEED, *, export_date: date = EXPORT_DATE,
                    nested: bool = False, persona: str = "saas") -> bytes:
    """A whole LinkedIn export zip of n connections, byte-identical for the same arguments.

    Files sit at the archive root like a real `Basic_LinkedInDataExport_MM-DD-YYYY.zip`, or in a
    top-level folder of that name when `nested`. `persona` picks whose network it is (see
    PERSONAS): the owner and the mix of people. Raises KeyError for an unknown persona.
    """
    spec = PERSONAS[persona]
    owner = spec["owner"]
    r = _network(n, seed, export_date, spec["mix"])
    rng = np.random.default_rng(seed + 2)
    files = {
        "Connections.csv": _connections_file(r),
        "messages.csv": _messages(r, rng, export_date, owner),
        "Invitations.csv": _invitations(r, rng, export_date, owner),
        "Profile.csv": _profile(owner),
        "Positions.csv": _positions(owner),
        "Reactions.csv": _reactions(rng, export_date),
        "Comments.csv": _comments(rng, export_date),
    }
    prefix = f"Basic_LinkedInDataExport_{export_date:%m-%d-%Y}/" if nested else ""
    stamp = (export_date.year, export_date.month, export_date.day, 0, 0, 0)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            info = zipfile.ZipInfo(prefix + name, date_time=stamp)  # no clock time: reproducible
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"), compresslevel=9)
    return buf.getvalue()


def demo_bytes() -> bytes:
    """The shipped demo export (core/data/demo_export.zip) as bytes; raises OSError if missing."""
    return DEMO_PATH.read_bytes()
