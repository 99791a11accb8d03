"""The demo network: a realistic, deterministic LinkedIn export of a fictional B2B SaaS founder.

It is written in LinkedIn's real formats (Connections.csv with its Notes preamble, messages.csv
of the 2024+ era, Invitations.csv, Profile.csv) and read back through `load_export`, so every
demo exercises the real loader. Everyone in it is fictional: names are drawn from lists of
common first and last names, companies from word lists (plus a few big, real employers).

`scripts/make_demo.py` regenerates `core/data/demo_export.zip`; `connections_csv(n)` writes
just a Connections.csv of any size for benchmarks.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

DEMO_PATH = Path(__file__).resolve().parent / "data" / "demo_export.zip"
DEMO_SIZE = 2500
DEMO_SEED = 7
EXPORT_DATE = date(2026, 11, 2)

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

FIRST = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Chris Karen Daniel Lisa Matthew Nancy Anthony "
    "Sandra Mark Ashley Steven Emily Paul Michelle Andrew Amanda Joshua Melissa Kevin Stephanie "
    "Brian Rebecca Priya Arjun Ananya Rahul Wei Li Ming Yuki Haruto Sakura Mohammed Fatima "
    "Omar Aisha Carlos Sofia Mateo Valentina Lucas Camila João Ana Pedro Lucía Pierre Camille "
    "Louis Léa Hans Anna Lukas Lena Sven Ingrid Olga Dmitri Chidi Ngozi Kwame Amara Tomás "
    "Zoë Siobhan Aoife Niamh Mateusz Zofia Elif Mehmet Noa Yosef Ravi Deepa Hyun Jisoo"
).split()
LAST = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez "
    "Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris "
    "Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Patel Shah Kumar "
    "Singh Chen Wang Zhang Liu Tanaka Sato Suzuki Kim Park Nguyen Tran Müller Schmidt Schneider "
    "Fischer Dubois Laurent Moreau Rossi Russo Silva Santos Oliveira Costa Novak Kowalski "
    "Nowak Andersson Johansson Hansen Jensen O'Brien Murphy Kelly Okafor Mensah Adeyemi Cohen "
    "Levi Yilmaz Demir Ivanova Petrov Fernández Gómez Díaz Núñez"
).split()

_PREFIX = ("North Bright Blue Silver Iron Clear Swift True Peak Open Cedar Atlas Nova Vertex "
           "Summit Harbor Pine Orbit Lumen Apex Quantum Granite Maple Echo Beacon Signal").split()
_SUFFIX = ("wind path stone field bridge line point works forge light shift scale stack loop "
           "ly io ware base flow grid").split()
_KIND = {
    "saas": ["Analytics", "Labs", "Software", "Cloud", "AI", "Technologies", "Systems", "HQ"],
    "consulting": ["Consulting", "Partners", "Advisory", "Group"],
    "finance": ["Capital", "Bank", "Financial", "Ventures", "Insurance"],
    "health": ["Health", "Clinic", "Medical", "Care"],
    "education": ["University", "Academy", "School of Business", "Institute"],
    "retail": ["Retail", "Foods", "Brands", "Goods"],
    "industry": ["Manufacturing", "Logistics", "Energy", "Industries"],
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

# (function, sector, weight, engagement propensity, title templates). {s} = seniority word.
ROLES: list[tuple[str, str, float, float, list[str]]] = [
    ("Sales", "saas", 15, 0.30, [
        "{s} Account Executive", "Account Executive", "Sr. Account Executive", "AE",
        "Sales Development Representative", "SDR", "BDR", "VP Sales", "VP of Sales",
        "Head of Sales", "Sales Director", "Director of Sales", "Chief Revenue Officer", "CRO",
        "Regional Sales Manager", "Sales Manager", "Enterprise Account Executive",
        "SVP Sales", "Head of Revenue", "Gerente de Ventas", "Directeur Commercial",
        "Vertriebsleiter", "Diretor de Vendas", "Sales Lead", "Inside Sales Representative"]),
    ("Revenue Operations", "saas", 4, 0.25, [
        "Revenue Operations Manager", "RevOps Lead", "Sales Operations Manager",
        "Head of Revenue Operations", "Sales Ops Analyst", "Director, Revenue Operations"]),
    ("Business Development", "saas", 6, 0.22, [
        "Business Development Manager", "Head of Business Development", "Partnerships Manager",
        "Director of Partnerships", "BD Manager", "Strategic Alliances Lead",
        "Channel Sales Manager"]),
    ("Marketing", "saas", 9, 0.12, [
        "Marketing Manager", "{s} Marketing Manager", "Head of Marketing", "CMO",
        "Content Marketing Lead", "Demand Generation Manager", "Product Marketing Manager",
        "Growth Marketer", "Digital Marketing Specialist", "VP Marketing", "Brand Manager",
        "SEO Specialist", "Responsable Marketing", "Marketing Coordinator"]),
    ("Engineering", "saas", 12, 0.05, [
        "Software Engineer", "Senior Software Engineer", "Sr. Software Eng", "Backend Developer",
        "Frontend Developer", "Full Stack Developer", "Staff Engineer", "Engineering Manager",
        "VP Engineering", "CTO", "Data Engineer", "DevOps Engineer", "Site Reliability Engineer",
        "Platform Engineer", "Principal Engineer", "Machine Learning Engineer", "Data Scientist",
        "QA Engineer", "Mobile Developer", "Head of Engineering"]),
    ("Product", "saas", 5, 0.08, [
        "Product Manager", "Senior Product Manager", "Head of Product", "VP Product",
        "Product Owner", "Group Product Manager", "Chief Product Officer", "Associate PM"]),
    ("Design", "saas", 3, 0.04, [
        "Product Designer", "UX Designer", "UI/UX Designer", "Design Lead", "Graphic Designer",
        "UX Researcher"]),
    ("Customer Success", "saas", 6, 0.18, [
        "Customer Success Manager", "CSM", "Head of Customer Success", "Account Manager",
        "Customer Support Specialist", "Director of Customer Success", "Onboarding Specialist"]),
    ("Founders", "saas", 7, 0.35, [
        "Founder", "Co-Founder", "Founder & CEO", "Co-founder & CEO", "CEO", "Owner",
        "Managing Director", "Founder | Building the future of B2B sales", "Geschäftsführer",
        "Co-Founder & COO", "Entrepreneur", "Managing Partner"]),
    ("Consulting", "consulting", 7, 0.10, [
        "Consultant", "Senior Consultant", "Management Consultant", "Strategy Consultant",
        "Principal", "Partner", "Associate Partner", "Manager, Strategy & Operations",
        "Business Analyst", "Engagement Manager", "Independent Consultant"]),
    ("Finance", "finance", 6, 0.08, [
        "Financial Analyst", "CFO", "Finance Manager", "Controller", "Accountant",
        "Investment Associate", "VP Finance", "Head of Finance", "Investment Banking Analyst",
        "Venture Partner", "Portfolio Manager", "Director Financiero", "FP&A Manager"]),
    ("HR & Recruiting", "staffing", 8, 0.03, [
        "Recruiter", "Technical Recruiter", "Senior Recruiter", "Talent Acquisition Partner",
        "HR Manager", "HR Business Partner", "Head of People", "Talent Sourcer",
        "Recruitment Consultant", "People Operations Manager", "Chief People Officer",
        "Responsable RRHH", "Executive Recruiter | Hiring in SaaS"]),
    ("Operations", "industry", 5, 0.05, [
        "Operations Manager", "COO", "Supply Chain Manager", "Logistics Coordinator",
        "Project Manager", "Program Manager", "Procurement Manager", "Plant Manager",
        "Head of Operations", "Directeur des Opérations"]),
    ("Education", "education", 4, 0.02, [
        "Student", "MBA Candidate", "Graduate Student", "Research Assistant", "Professor",
        "Lecturer", "PhD Candidate", "Intern", "Marketing Intern", "Teaching Assistant",
        "Estudiante"]),
    ("Healthcare", "health", 2, 0.02, [
        "Registered Nurse", "Physician", "Pharmacist", "Clinical Research Associate",
        "Healthcare Consultant", "Medical Director"]),
    ("Legal", "consulting", 1.5, 0.03, [
        "Attorney", "Legal Counsel", "General Counsel", "Paralegal", "Associate Lawyer"]),
]
_SCOPES = [", EMEA", ", North America", " - Enterprise", " (Mid-Market)", " II", ", DACH",
           " - APAC", ", Nordics", " | SaaS", ", UK&I", " - Strategic Accounts", ", LATAM",
           " (Contract)", " - Remote", ", Benelux", " III", ", France", ", Iberia"]
SENIORITY_WORDS = ["Senior", "Junior", "Lead", "Associate", "Principal", "Regional", "Global"]


def _company_names(rng: np.random.Generator, sector: str, n: int) -> list[str]:
    """A few hundred fictional companies per sector, reused so colleagues cluster together."""
    made = [f"{rng.choice(_PREFIX)}{rng.choice(_SUFFIX)} {rng.choice(_KIND[sector])}"
            for _ in range(max(8, n // 6))]
    pool = made + BIG[sector]
    # Zipf-like: a few employers are common, most are rare.
    weights = 1.0 / np.arange(1, len(pool) + 1) ** 0.8
    weights[-len(BIG[sector]):] *= 3
    idx = rng.choice(len(pool), size=n, p=weights / weights.sum())
    return [pool[i] for i in idx]


def _people(n: int, seed: int, mix: dict[str, float] | None = None) -> dict[str, list]:
    """Columns of a network of n people (no ghosts, no quirks yet), deterministic for a seed.

    `mix` multiplies the weight of some functions (a recruiter knows more engineers).
    """
    rng = np.random.default_rng(seed)
    mix = mix or {}
    weights = np.array([r[2] * mix.get(r[0], 1.0) for r in ROLES])
    role_idx = rng.choice(len(ROLES), size=n, p=weights / weights.sum())
    positions, companies, functions, propensity = [], [], [], []
    company_cache: dict[str, list[str]] = {}
    for r in range(len(ROLES)):
        fn, sector, _w, prop, templates = ROLES[r]
        members = np.flatnonzero(role_idx == r)
        if sector not in company_cache:
            company_cache[sector] = []
        names = _company_names(rng, sector, len(members))
        picks = rng.choice(len(templates), size=len(members))
        words = rng.choice(SENIORITY_WORDS, size=len(members))
        decor = rng.random(len(members))
        for j, i in enumerate(members):
            title = templates[picks[j]].replace("{s}", str(words[j]))
            if rng.random() < 0.35:  # real titles carry scope: regions, segments, levels
                title = f"{title}{rng.choice(_SCOPES)}"
            if decor[j] < 0.06:
                title = f"{title} @ {names[j]} | {rng.choice(['SaaS', 'B2B', 'Growth', 'AI'])}"
            elif decor[j] < 0.09:
                title = f"{title} at {names[j]}"
            elif decor[j] < 0.11:
                title = f"🚀 {title}"
            positions.append((i, title))
            companies.append((i, names[j]))
            functions.append((i, fn))
            propensity.append((i, prop))
    order = lambda pairs: [v for _, v in sorted(pairs, key=lambda p: p[0])]  # noqa: E731
    first = rng.choice(FIRST, size=n).tolist()
    last = rng.choice(LAST, size=n).tolist()
    return {
        "first": first, "last": last, "position": order(positions),
        "company": order(companies), "function": order(functions),
        "propensity": np.array(order(propensity)),
    }


def _connection_dates(rng: np.random.Generator, n: int, end: date) -> np.ndarray:
    """A believable growth curve over ~10 years: slow start, conference bursts, recent growth."""
    days = 3650
    t = np.arange(days)
    density = 0.3 + (t / days) ** 1.6 * 2.2
    for burst_day, width, height in ((900, 20, 6), (1700, 60, 2.5), (2500, 15, 8),
                                     (3100, 30, 4), (3500, 10, 7)):
        density += height * np.exp(-0.5 * ((t - burst_day) / width) ** 2)
    picks = rng.choice(days, size=n, p=density / density.sum())
    start = np.datetime64(end - timedelta(days=days + 25))
    return start + picks.astype("timedelta64[D]")


def _slug(first: str, last: str, i: int) -> str:
    base = f"{first}-{last}".lower().replace(" ", "-").replace("'", "")
    return f"{base}-{i:05x}"


def _fmt_day(d: np.datetime64) -> str:
    return datetime.fromisoformat(str(d)).strftime("%d %b %Y")


def _network(n: int, seed: int, end: date, mix: dict[str, float] | None = None
             ) -> dict[str, list]:
    """People plus quirks: ghosts, blank positions, spaces, styled names, doubled quotes."""
    rng = np.random.default_rng(seed + 1)
    p = _people(n, seed, mix)
    dates = np.sort(_connection_dates(rng, n, end))[::-1]  # newest first, as LinkedIn writes
    rows = {k: list(v) for k, v in p.items()}
    rows["date"] = [_fmt_day(d) for d in dates]
    rows["url"] = [f"https://www.linkedin.com/in/{_slug(f, s, i)}"
                   for i, (f, s) in enumerate(zip(p["first"], p["last"], strict=True))]
    rows["email"] = [""] * n
    u = rng.random((6, n))
    for i in range(n):
        if u[0, i] < 0.03:
            rows["email"][i] = f"{rows['first'][i].lower()}.{rows['last'][i].lower()}@example.com"
        if u[1, i] < 0.03:
            rows["position"][i] = ""
        if u[2, i] < 0.08:
            rows["first"][i] = f" {rows['first'][i]}"
        if u[3, i] < 0.05:
            rows["position"][i] = f"{rows['position'][i]} "
    quirks = {
        5: ("James", '"Tyler"', None), 11: ("𝐀𝐧𝐚𝐧𝐝", "Krishnan", None),
        17: ("NA", "Hughes", None), 23: ("Null", "Okafor", None),
        29: ("Ken", "O’Brien", "https://www.linkedin.com/in/ken-o%E2%80%99brien"),
        31: ("Dana", "Arseienko, CFEI®", None), 37: ("Mia ✨", "Lopez", None),
    }
    for i, (f, last, url) in quirks.items():
        if i < n:
            rows["first"][i], rows["last"][i] = f, last
            if url:
                rows["url"][i] = url
    ghosts = rng.random(n) < 0.02
    rows["ghost"] = ghosts.tolist()
    for i in np.flatnonzero(ghosts):
        for k in ("first", "last", "url", "email", "company", "position"):
            rows[k][i] = ""
    return rows


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().rstrip("\n")  # LinkedIn writes no newline after the last row


def connections_csv(n: int, seed: int = DEMO_SEED, *, end: date = EXPORT_DATE) -> bytes:
    """Just a Connections.csv of n rows, in the modern format (for benchmarks and tests)."""
    r = _network(n, seed, end)
    rows = [[r["first"][i], r["last"][i], r["url"][i], r["email"][i], r["company"][i],
             r["position"][i], r["date"][i]] for i in range(n)]
    return (PREAMBLE + _csv_text(HEADER, rows)).encode("utf-8")


OWNER = {
    "First Name": "Maya", "Last Name": "Lindqvist",
    "Headline": "Founder @ Pipewise | Helping B2B sales leaders forecast with confidence",
    "Industry": "Software Development",
    "Summary": "Building a revenue-forecasting SaaS for sales teams.",
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
                  "Summary": "I connect great engineers with growing product teams."},
        "mix": {"Engineering": 3.0, "HR & Recruiting": 2.0, "Product": 1.5, "Sales": 0.4,
                "Founders": 0.6},
        "preset": "Recruiter building a candidate network"},
    "consultant": {
        "label": "Finance consultant",
        "owner": {"First Name": "Clara", "Last Name": "Martín",
                  "Headline": "Independent CFO advisor | FP&A and board reporting",
                  "Industry": "Business Consulting and Services",
                  "Summary": "I help finance teams close faster and plan better."},
        "mix": {"Finance": 3.5, "Consulting": 1.5, "Operations": 1.5, "Engineering": 0.4,
                "Sales": 0.5},
        "preset": "Consultant selling to CFOs"},
}


def _messages(r: dict[str, list], rng: np.random.Generator, end: date,
              owner: dict[str, str] = OWNER) -> str:
    """messages.csv (2024+ columns): engaged roles write more and more recently."""
    header = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
              "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS",
              "IS MESSAGE DRAFT"]
    owner_name = f"{owner['First Name']} {owner['Last Name']}"
    lines = []
    end_dt = datetime(end.year, end.month, end.day, 18, 0, 0)
    contents = ["Thanks for connecting!", "Great chatting today.", "Sharing the deck here.",
                "Let's catch up next week?", "Congrats on the new role!", "Quick question."]
    for i, prop in enumerate(r["propensity"]):
        if r["ghost"][i] or rng.random() > min(0.95, prop * 1.1):
            continue
        name = f"{r['first'][i].strip()} {r['last'][i]}"
        recency = rng.exponential(240 if prop > 0.15 else 520)
        n_msgs = 1 + rng.poisson(prop * 8)
        for k in range(n_msgs):
            when = end_dt - timedelta(days=float(recency + k * rng.exponential(30)),
                                      minutes=int(rng.integers(0, 600)))
            incoming = rng.random() < 0.5
            frm, frm_url, to, to_url = ((name, r["url"][i], owner_name, OWNER_URL) if incoming
                                        else (owner_name, OWNER_URL, name, r["url"][i]))
            lines.append([f"conv-{i:05d}", "", frm, frm_url, to, to_url,
                          when.strftime("%Y-%m-%d %H:%M:%S UTC"), "",
                          contents[int(rng.integers(0, len(contents)))],
                          "INBOX" if rng.random() < 0.8 else "ARCHIVE", "", "false"])
    # Spam and drafts the loader must skip.
    for i in range(0, min(60, len(r["ghost"]) - 1), 6):
        if not r["ghost"][i]:
            lines.append([f"spam-{i}", "", "Growth Hacker", r["url"][i], owner_name, OWNER_URL,
                          "2026-10-01 09:00:00 UTC", "", "10x your leads!!!", "SPAM", "", "false"])
            lines.append([f"draft-{i}", "", owner_name, OWNER_URL, "x", r["url"][i + 1],
                          "2026-10-02 09:00:00 UTC", "", "draft", "INBOX", "", "true"])
    lines.sort(key=lambda row: row[6], reverse=True)
    return _csv_text(header, lines)


def _invitations(r: dict[str, list], rng: np.random.Generator, end: date,
                 owner: dict[str, str] = OWNER) -> str:
    header = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl",
              "inviteeProfileUrl"]
    owner_name = f"{owner['First Name']} {owner['Last Name']}"
    cutoff = np.datetime64(end - timedelta(days=365))
    lines = []
    for i, d in enumerate(r["date"]):
        when = datetime.strptime(d, "%d %b %Y")
        if r["ghost"][i] or np.datetime64(when.date()) < cutoff:
            continue
        name = f"{r['first'][i].strip()} {r['last'][i]}"
        stamp = when.strftime("%m/%d/%y, %I:%M %p").lstrip("0").replace("/0", "/")
        if rng.random() < 0.55:
            lines.append([name, owner_name, stamp, "", "INCOMING", r["url"][i], OWNER_URL])
        else:
            lines.append([owner_name, name, stamp, "", "OUTGOING", OWNER_URL, r["url"][i]])
    return _csv_text(header, lines)


def _profile(owner: dict[str, str] = OWNER) -> str:
    header = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline",
              "Summary", "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites",
              "Instant Messengers"]
    row = [owner.get(h, "") for h in header]
    row[header.index("Geo Location")] = "Stockholm, Sweden"
    return _csv_text(header, [row])


def generate_export(n: int = DEMO_SIZE, seed: int = DEMO_SEED, *, export_date: date = EXPORT_DATE,
                    nested: bool = False, persona: str = "saas") -> bytes:
    """A whole export zip (byte-identical for the same arguments: fixed timestamps inside).

    `persona` picks whose network it is (see PERSONAS): the mix of people and the owner.
    """
    spec = PERSONAS[persona]
    owner = spec["owner"]
    r = _network(n, seed, export_date, spec["mix"])
    rng = np.random.default_rng(seed + 2)
    rows = [[r["first"][i], r["last"][i], r["url"][i], r["email"][i], r["company"][i],
             r["position"][i], r["date"][i]] for i in range(n)]
    files = {
        "Connections.csv": PREAMBLE + _csv_text(HEADER, rows),
        "messages.csv": _messages(r, rng, export_date, owner),
        "Invitations.csv": _invitations(r, rng, export_date, owner),
        "Profile.csv": _profile(owner),
        "Reactions.csv": "Date,Type,Link\n2026-10-30 08:12:00,LIKE,https://www.linkedin.com/feed/",
        "Comments.csv": 'Date,Link,Message\n2026-10-29 10:00:00,https://www.linkedin.com/feed/,'
                        '"Great post, \\"spot on\\""',
    }
    prefix = f"Basic_LinkedInDataExport_{export_date:%m-%d-%Y}/" if nested else ""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in files.items():
            info = zipfile.ZipInfo(prefix + name, date_time=(2026, 11, 2, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, text.encode("utf-8"))
    return buf.getvalue()
