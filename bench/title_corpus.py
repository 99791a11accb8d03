"""Realistic LinkedIn-style job titles and headlines for the benchmark networks.

`bench/bench_clustering.py` times grouping on networks whose positions are as varied as a real
network's (about 60-80 % distinct at 30k connections). Quality is measured elsewhere, on the
hand-labelled held-out sets in tests/data/; this file only makes realistic load.

The vocabulary inside each group varies on purpose (Engineering is "Backend Developer", "SRE",
"Firmware Engineer", "Desarrollador"... not "Engineering" plus a level word), groups share words
the way real titles do ("engineer" is in Sales Engineer, Data Engineer and Civil Engineer;
"partner" is in HR Business Partner and Managing Partner; "associate" is a level and a
banking title), and titles carry the decoration real headlines carry: levels, scopes and teams,
"@ company | tagline", pipes with several roles, emoji, capitals, other languages, and now and
then a tagline first. So the set is not separable by construction.

Titles marked with a leading "!" already say their level (VP, Head of, Founder, Student...) and
get no level word in front.
"""

from __future__ import annotations

import random

GROUPS: dict[str, list[str]] = {
    "Sales": [
        "Account Executive", "Enterprise Account Executive", "Mid-Market Account Executive",
        "Sales Development Representative", "SDR", "BDR", "Business Development Representative",
        "AE", "Inside Sales Representative", "Outside Sales Representative", "Sales Manager",
        "Regional Sales Manager", "Area Sales Manager", "Territory Manager", "!VP Sales",
        "!VP of Sales", "!SVP, Global Sales", "!Chief Revenue Officer", "!CRO",
        "Sales Director", "!Head of Sales", "Key Account Manager", "Sales Executive",
        "Sales Engineer", "Solutions Consultant", "Pre-Sales Consultant", "Sales Consultant",
        "Sales Representative", "Sales Associate", "Retail Sales Associate",
        "Channel Sales Manager", "Revenue Operations Manager", "Sales Operations Analyst",
        "Sales Enablement Manager", "Commercial Director", "Commercial Manager",
        "Medical Sales Representative", "Pharmaceutical Sales Rep", "Real Estate Agent",
        "Insurance Agent", "Car Salesman", "Sales Lead", "Deal Desk Analyst",
        "Gerente de Ventas", "Ejecutivo de Ventas", "Directeur Commercial",
        "Ingénieur Commercial", "Vertriebsleiter", "Vertriebsmitarbeiter", "Key Account Manager",
        "Executivo de Vendas", "Accountmanager", "Responsabile Commerciale",
    ],
    "Marketing": [
        "Marketing Manager", "Content Marketing Manager", "Content Marketer",
        "Growth Marketing Manager", "Growth Marketer", "Demand Generation Manager",
        "Product Marketing Manager", "PMM", "Brand Manager", "Brand Strategist",
        "SEO Specialist", "SEO Manager", "SEM Specialist", "PPC Specialist",
        "Social Media Manager", "Community Manager", "!CMO", "!Chief Marketing Officer",
        "Digital Marketing Specialist", "Digital Marketing Manager", "Performance Marketing Lead",
        "Paid Media Manager", "Marketing Coordinator", "Marketing Specialist",
        "Marketing Assistant", "!Head of Growth", "!Head of Marketing", "!VP Marketing",
        "Email Marketing Specialist", "Lifecycle Marketing Manager", "CRM Manager",
        "Marketing Operations Manager", "Field Marketing Manager", "Event Marketing Manager",
        "Partner Marketing Manager", "Marketing Director", "Marketing Analyst",
        "Influencer Marketing Manager", "Affiliate Manager", "Trade Marketing Manager",
        "Category Manager", "Growth Hacker", "Responsable Marketing", "Chef de Projet Marketing",
        "Marketingmanager", "Gerente de Marketing", "Analista de Marketing",
        "Responsabile Marketing",
    ],
    "Software Engineering": [
        "Software Engineer", "Software Developer", "Backend Developer", "Back-end Engineer",
        "Frontend Developer", "Front End Engineer", "Full Stack Developer",
        "Full-Stack Engineer", "SWE", "Platform Engineer", "Staff Engineer",
        "Principal Software Engineer", "iOS Developer", "iOS Engineer", "Android Developer",
        "Mobile Engineer", "Mobile Developer", "Web Developer", "Programmer",
        "Application Developer", "Engineering Manager", "!VP Engineering",
        "!VP of Engineering", "!Head of Engineering", "!CTO", "!Chief Technology Officer",
        "Java Developer", "Python Developer", ".NET Developer", "React Developer",
        "Node.js Developer", "Golang Engineer", "Ruby on Rails Developer", "PHP Developer",
        "C++ Developer", "Embedded Software Engineer", "Firmware Engineer", "Game Developer",
        "Software Architect", "Technical Lead", "Tech Lead", "Dev Lead",
        "Software Development Engineer", "SDE", "Member of Technical Staff", "Coder",
        "Desarrollador", "Desarrollador de Software", "Softwareentwickler",
        "Software-Entwickler", "Ingénieur Logiciel", "Développeur Full Stack",
        "Développeur Web", "Programador", "Sviluppatore Software", "Softwareontwikkelaar",
    ],
    "Data & AI": [
        "Data Scientist", "Data Analyst", "Data Engineer", "Machine Learning Engineer",
        "ML Engineer", "MLOps Engineer", "Analytics Engineer", "BI Analyst", "BI Developer",
        "Business Intelligence Analyst", "Business Intelligence Developer", "!Head of Data",
        "!Head of Analytics", "AI Researcher", "AI Engineer", "Applied Scientist",
        "Research Scientist, Machine Learning", "Statistician", "Analytics Manager",
        "!Chief Data Officer", "Data Architect", "Data Science Manager", "Quantitative Analyst",
        "Quant Researcher", "NLP Engineer", "Computer Vision Engineer",
        "Deep Learning Researcher", "Big Data Engineer", "ETL Developer", "Data Modeler",
        "Reporting Analyst", "Insights Analyst", "Product Analyst", "Decision Scientist",
        "Prompt Engineer", "Generative AI Engineer", "Data Governance Manager",
        "Database Administrator", "DBA", "Analista de Datos", "Científico de Datos",
        "Datenanalyst", "Data Scientist (m/w/d)", "Ingénieur Data",
    ],
    "IT & Security": [
        "System Administrator", "Systems Administrator", "Sysadmin", "Network Engineer",
        "Network Administrator", "IT Manager", "DevOps Engineer", "Site Reliability Engineer",
        "SRE", "Cloud Engineer", "Cloud Architect", "AWS Solutions Architect",
        "IT Support Specialist", "IT Support Technician", "Help Desk Technician",
        "Service Desk Analyst", "Desktop Support", "Security Analyst", "SOC Analyst",
        "Cybersecurity Engineer", "Information Security Manager", "Security Engineer",
        "Penetration Tester", "Ethical Hacker", "!CIO", "!CISO",
        "!Chief Information Security Officer", "Infrastructure Engineer", "IT Director",
        "Solutions Architect", "Enterprise Architect", "IT Consultant", "IT Project Manager",
        "Systems Engineer", "Linux Administrator", "Windows Administrator",
        "Kubernetes Engineer", "IT Administrator", "Technical Support Analyst",
        "IT Operations Manager", "Identity and Access Management Engineer", "GRC Analyst",
        "Administrador de Sistemas", "Técnico Informático", "Responsable Informatique",
        "Ingénieur Système", "IT-Administrator", "Systemadministrator",
    ],
    "Product Management": [
        "Product Manager", "Senior Product Manager", "Product Owner", "!Head of Product",
        "!Chief Product Officer", "!CPO", "!VP Product", "Group Product Manager",
        "Associate Product Manager", "APM", "Associate PM", "Technical Product Manager",
        "Principal Product Manager", "Product Lead", "Director of Product",
        "Director of Product Management", "Product Management Intern", "Platform Product Manager",
        "Growth Product Manager", "Product Operations Manager", "Product Specialist",
        "Product Owner (PO)", "Digital Product Manager", "Product Manager, AI",
        "Chef de Produit", "Product Manager (w/m/d)", "Produktmanager", "Gerente de Producto",
        "Responsable Produit", "Product Director",
    ],
    "Design & Creative": [
        "Product Designer", "UX Designer", "UI Designer", "UI/UX Designer", "UX/UI Designer",
        "UX Researcher", "User Researcher", "Design Lead", "Interaction Designer",
        "Graphic Designer", "Visual Designer", "Creative Director", "Art Director",
        "!Head of Design", "Design Manager", "Motion Designer", "Illustrator",
        "Brand Designer", "Web Designer", "Service Designer", "Content Designer",
        "UX Writer", "Photographer", "Videographer", "Video Editor", "Animator",
        "3D Artist", "Industrial Designer", "Fashion Designer", "Interior Designer",
        "Copywriter", "Creative Strategist", "Diseñador Gráfico", "Diseñadora UX",
        "Grafikdesigner", "Directeur Artistique", "Designer Graphique", "Designer",
    ],
    "HR & Recruiting": [
        "Recruiter", "Technical Recruiter", "Tech Recruiter", "Talent Acquisition Partner",
        "Talent Acquisition Specialist", "Talent Acquisition Manager", "HR Manager",
        "HR Business Partner", "HRBP", "!Head of People", "!Head of Talent",
        "People Operations Manager", "People Partner", "Talent Sourcer", "Sourcer",
        "Recruitment Consultant", "Recruitment Manager", "!CHRO", "!Chief People Officer",
        "!VP People", "HR Generalist", "HR Coordinator", "HR Assistant", "Compensation Analyst",
        "Total Rewards Manager", "Payroll Specialist", "Learning and Development Manager",
        "L&D Specialist", "Training Manager", "Executive Recruiter", "Headhunter",
        "Executive Search Consultant", "Employer Branding Manager", "HR Director",
        "Human Resources Manager", "Human Resources Specialist", "Diversity & Inclusion Lead",
        "Responsable RRHH", "Técnico de Selección", "Chargée de Recrutement",
        "Responsable des Ressources Humaines", "Personalreferent", "Recruiterin",
        "Talent Scout", "Onboarding Coordinator",
    ],
    "Finance & Accounting": [
        "Financial Analyst", "!CFO", "!Chief Financial Officer", "Controller",
        "Financial Controller", "Accountant", "Staff Accountant", "Senior Accountant",
        "FP&A Manager", "FP&A Analyst", "Finance Manager", "!VP Finance", "!Head of Finance",
        "Finance Director", "Treasury Analyst", "Treasurer", "Tax Manager", "Tax Advisor",
        "Auditor", "Internal Auditor", "External Auditor", "Audit Associate",
        "Investment Analyst", "Portfolio Manager", "Bookkeeper", "Accounts Payable Specialist",
        "Accounts Receivable Clerk", "Billing Specialist", "Credit Analyst", "Risk Analyst",
        "Investment Banking Associate", "Investment Banker", "Equity Research Analyst",
        "Private Equity Associate", "Venture Capital Associate", "!Venture Partner",
        "Principal, Venture Capital", "Wealth Manager", "Financial Advisor",
        "Financial Planner", "Actuary", "Underwriter", "Chartered Accountant", "CPA",
        "Director Financiero", "Contador", "Contable", "Comptable", "Contrôleur de Gestion",
        "Directeur Financier", "Buchhalter", "Steuerberater", "Finanzbuchhalter",
        "Controllerin",
    ],
    "Operations & Supply Chain": [
        "Operations Manager", "!COO", "!Chief Operating Officer", "Supply Chain Manager",
        "Supply Chain Analyst", "Logistics Coordinator", "Logistics Manager",
        "Procurement Manager", "Procurement Specialist", "Buyer", "Senior Buyer",
        "Purchasing Manager", "Strategic Sourcing Manager", "Plant Manager",
        "Warehouse Supervisor", "Warehouse Manager", "Warehouse Associate",
        "!Head of Operations", "!VP Operations", "Operations Analyst", "Operations Associate",
        "Business Operations Manager", "Fleet Manager", "Production Planner",
        "Production Manager", "Production Supervisor", "Inventory Analyst",
        "Inventory Manager", "Demand Planner", "Distribution Manager", "Shipping Coordinator",
        "Facilities Manager", "Office Manager", "Operations Coordinator", "Dispatcher",
        "Import Export Coordinator", "Customs Broker", "Store Manager", "Restaurant Manager",
        "General Manager, Operations", "Directeur des Opérations", "Responsable Logistique",
        "Jefe de Operaciones", "Responsable de Compras", "Einkäufer", "Logistikleiter",
        "Lagerleiter", "Gerente de Operaciones",
    ],
    "Customer Success & Support": [
        "Customer Success Manager", "CSM", "Customer Support Specialist",
        "Customer Support Representative", "Support Engineer", "!Head of Customer Success",
        "!VP Customer Success", "Onboarding Specialist", "Onboarding Manager",
        "Customer Service Representative", "Customer Service Agent", "Call Center Agent",
        "Technical Support Engineer", "Customer Experience Manager", "CX Manager",
        "Implementation Consultant", "Implementation Manager", "Implementation Specialist",
        "Account Manager", "Client Services Manager", "Client Success Manager",
        "Client Relationship Manager", "Customer Care Specialist", "Support Team Lead",
        "Customer Support Manager", "Renewals Manager", "Customer Advocate",
        "Technical Account Manager", "TAM", "Professional Services Consultant",
        "Customer Happiness Hero", "Community Support Specialist", "Service Delivery Manager",
        "Atención al Cliente", "Kundenbetreuer", "Kundenberater", "Chargé de Clientèle",
        "Responsable Service Client", "Customer Success Lead",
    ],
    "Founders & Executives": [
        "!Founder", "!Co-Founder", "!Co-founder", "!Cofounder", "!Founder & CEO",
        "!Co-Founder & CEO", "!CEO", "!Chief Executive Officer", "!Owner",
        "!Managing Director", "!Co-founder & CTO", "!Co-Founder & COO", "!Entrepreneur",
        "!Serial Entrepreneur", "!Geschäftsführer", "!Geschäftsführerin", "!President",
        "!President & CEO", "!Managing Partner", "!Founding Partner", "!Fundador",
        "!Fundadora", "!Fundador y CEO", "!Fondateur", "!Fondatrice", "!Président",
        "!Directeur Général", "!Business Owner", "!Owner / Operator", "!Proprietor",
        "!Solopreneur", "!Founder in Residence", "!Entrepreneur in Residence",
        "!Chairman", "!Chairman of the Board", "!Board Member", "!Non-Executive Director",
        "!General Manager", "!Inhaber", "!Socio Fundador", "!Sócio-fundador", "!Oprichter",
        "!Amministratore Delegato", "!Founder, Stealth Startup", "!Building something new",
        "!Stealth Founder",
    ],
    "Consulting & Strategy": [
        "Consultant", "Management Consultant", "Strategy Consultant", "Senior Consultant",
        "Engagement Manager", "Principal Consultant", "Business Analyst",
        "Independent Consultant", "Freelance Consultant", "Advisory Manager",
        "Transformation Consultant", "Partner, Consulting", "Associate Partner",
        "Strategy Manager", "Strategy & Operations Manager", "Chief of Staff",
        "Corporate Strategy Analyst", "Business Consultant", "Strategic Advisor", "Advisor",
        "Board Advisor", "Management Trainee", "Associate Consultant", "Senior Associate",
        "Analyst, Strategy", "Digital Transformation Lead", "Change Manager",
        "Process Improvement Manager", "Lean Six Sigma Consultant", "SAP Consultant",
        "Salesforce Consultant", "ERP Consultant", "Berater", "Unternehmensberater",
        "Consultor", "Consultor Senior", "Consultora Estratégica", "Consultant en Stratégie",
        "Conseiller", "Adviseur",
    ],
    "Education & Research": [
        "!Student", "!PhD Candidate", "!PhD Student", "Professor", "Lecturer",
        "Teaching Assistant", "Research Assistant", "!Graduate Student", "!MBA Candidate",
        "!MBA Student", "Postdoctoral Researcher", "Postdoc", "Teacher", "High School Teacher",
        "Primary School Teacher", "Assistant Professor", "Associate Professor", "!Estudiante",
        "!Intern", "!Summer Intern", "Dean", "Researcher", "Research Fellow",
        "Visiting Scholar", "Tutor", "Instructor", "Academic Advisor", "Principal, High School",
        "Curriculum Developer", "Instructional Designer", "Education Consultant",
        "Trainer", "Coach", "Career Coach", "Lab Manager", "!Undergraduate",
        "!Bachelor Student", "!Master Student", "Doctorant", "Enseignant", "Profesor",
        "Profesora", "Lehrer", "Lehrerin", "Wissenschaftlicher Mitarbeiter", "!Werkstudent",
        "!Stagiaire", "!Alternant", "Docente", "Investigador",
    ],
    "Healthcare": [
        "Registered Nurse", "RN", "Nurse", "Physician", "Pharmacist", "Medical Doctor", "MD",
        "Nurse Practitioner", "Physical Therapist", "Physiotherapist", "Occupational Therapist",
        "Surgeon", "Orthopedic Surgeon", "Dentist", "Dental Hygienist", "Medical Director",
        "Clinical Psychologist", "Psychotherapist", "Paramedic", "EMT", "Radiologist",
        "Anesthesiologist", "Cardiologist", "Pediatrician", "General Practitioner", "GP",
        "Resident Physician", "Medical Resident", "Veterinarian", "Optometrist",
        "Midwife", "Nursing Assistant", "Care Assistant", "Caregiver", "Healthcare Assistant",
        "Clinical Research Associate", "Clinical Research Coordinator",
        "Medical Science Liaison", "Hospital Administrator", "Practice Manager",
        "Dietitian", "Nutritionist", "Speech Therapist", "Lab Technician",
        "Medical Laboratory Scientist", "Enfermera", "Enfermero", "Médico", "Médecin",
        "Infirmière", "Arzt", "Ärztin", "Krankenschwester", "Pflegefachkraft",
        "Apotheker", "Farmacéutico",
    ],
    "Legal & Compliance": [
        "Attorney", "Lawyer", "Legal Counsel", "General Counsel", "Paralegal",
        "Associate Attorney", "Corporate Lawyer", "Compliance Officer", "Compliance Manager",
        "Compliance Analyst", "Contracts Manager", "Contract Specialist", "Solicitor",
        "Barrister", "Legal Assistant", "Legal Secretary", "In-House Counsel",
        "Senior Counsel", "Privacy Counsel", "Data Protection Officer", "DPO",
        "Legal Operations Manager", "Litigation Associate", "Trial Attorney", "Partner, Law Firm",
        "Patent Attorney", "IP Counsel", "Notary", "Judge", "Law Clerk", "!Head of Legal",
        "!Chief Legal Officer", "Regulatory Affairs Manager", "AML Analyst", "KYC Analyst",
        "Abogado", "Abogada", "Avocat", "Avocate", "Juriste", "Rechtsanwalt",
        "Rechtsanwältin", "Syndikusrechtsanwalt", "Advogado", "Avvocato", "Advocaat",
    ],
    "Hardware & Industrial Engineering": [
        "Mechanical Engineer", "Electrical Engineer", "Civil Engineer", "Structural Engineer",
        "Chemical Engineer", "Process Engineer", "Manufacturing Engineer", "Quality Engineer",
        "Hardware Engineer", "Electronics Engineer", "Design Engineer", "Project Engineer",
        "Field Engineer", "Field Service Engineer", "Maintenance Engineer",
        "Maintenance Technician", "Automation Engineer", "Controls Engineer",
        "Robotics Engineer", "Aerospace Engineer", "Systems Engineer, Aerospace",
        "Test Engineer", "Validation Engineer", "Reliability Engineer", "R&D Engineer",
        "Product Development Engineer", "Industrial Engineer", "Mechatronics Engineer",
        "Piping Engineer", "HVAC Engineer", "Energy Engineer", "Environmental Engineer",
        "Geotechnical Engineer", "CAD Designer", "Draftsman", "Technician",
        "Quality Manager", "QA/QC Inspector", "Site Engineer", "Construction Manager",
        "Architect", "Ingeniero Mecánico", "Ingeniero Industrial", "Ingénieur Mécanique",
        "Ingénieur Qualité", "Maschinenbauingenieur", "Elektroingenieur",
        "Konstrukteur", "Ingegnere", "Engenheiro Civil",
    ],
    "Media & Communications": [
        "Journalist", "Editor", "Managing Editor", "Editor-in-Chief", "Reporter",
        "Correspondent", "Communications Manager", "Corporate Communications Manager",
        "Internal Communications Specialist", "PR Manager", "Public Relations Specialist",
        "Press Officer", "Spokesperson", "Content Creator", "Podcaster", "Podcast Host",
        "YouTuber", "Writer", "Author", "Freelance Writer", "Columnist", "Producer",
        "TV Producer", "News Anchor", "Radio Host", "Blogger", "Influencer", "Ghostwriter",
        "Technical Writer", "Speechwriter", "Media Relations Manager",
        "!Head of Communications", "!VP Communications", "Communications Director",
        "Periodista", "Redactor", "Journaliste", "Rédacteur en Chef", "Chargée de Communication",
        "Redakteur", "Pressesprecher", "Giornalista",
    ],
}

# Level words put in front of titles that do not already say their level.
LEVELS = ["Senior ", "Senior ", "Senior ", "Sr. ", "Sr ", "SR. ", "Junior ", "Junior ", "Jr. ",
          "Lead ", "Principal ", "Associate ", "Staff ", "Snr ", "Mid-level ", "Trainee "]
SUFFIX_LEVELS = [" II", " III", " I", " 2", " IV", " (Senior)", " - Senior", " Level 3"]

# Scopes and teams: the same words show up in every group, as in real titles.
SCOPES = [
    ", EMEA", ", DACH", ", North America", ", APAC", ", LATAM", ", Nordics", ", UK&I",
    ", Benelux", " - EMEA", " (Remote)", " - Remote", " (Contract)", " (Freelance)",
    " (Part-time)", " (m/w/d)", " (f/m/d)", ", Global", ", US", ", Europe", ", France",
    ", Germany", ", Spain", " - Interim", " (Interim)", ", Enterprise", " - Mid-Market",
    ", SMB", ", Strategic Accounts", ", Public Sector", ", Financial Services",
    ", Healthcare", ", Retail", ", Automotive",
]
TEAMS = [
    "Payments", "Platform", "Growth", "Core", "Infrastructure", "Mobile", "Web", "Search",
    "Ads", "Cloud", "Security", "Identity", "Checkout", "Marketplace", "Risk", "Fraud",
    "Data Platform", "Developer Experience", "Integrations", "Billing", "Onboarding",
    "Partnerships", "Enterprise", "SMB", "New Business", "Expansion", "Brand", "Consumer",
    "B2B", "B2C", "EMEA", "Innovation", "Digital", "Strategy", "Transformation", "AI",
    "Machine Learning", "Analytics", "Supply", "Logistics", "Retail", "Healthcare",
    "Automotive", "Energy", "Fintech", "Insurance", "Public Sector", "Startups",
    "International", "Operations", "Customer Experience", "Revenue", "Emerging Markets",
    "Kubernetes", "Observability", "Compliance", "Tax", "Treasury", "Oncology", "Cardiology",
    "Litigation", "M&A", "Corporate", "Employment", "Talent", "Product", "Design Systems",
    "Research", "Commercial", "Private Banking", "Pharma", "Biotech", "Gaming", "Media",
    "Sustainability", "ESG", "Climate", "Real Estate", "Hospitality", "Travel", "Education",
    "SaaS", "Ecommerce", "Martech", "Adtech", "Edtech", "Healthtech", "Proptech",
]

COMPANIES = [
    "Acme", "Brightpath", "Northwind", "Globex", "Initech", "Umbrella", "Stark Industries",
    "Google", "Microsoft", "Amazon", "Meta", "Salesforce", "SAP", "Siemens", "Deloitte",
    "Accenture", "McKinsey", "HubSpot", "Stripe", "Shopify", "Spotify", "Zalando", "BNP Paribas",
    "HSBC", "Pfizer", "Novartis", "Bosch", "Unilever", "Nestlé", "IBM", "Oracle", "Atlassian",
    "Datadog", "Klarna", "Revolut", "N26", "Adyen", "Booking.com", "Airbus", "Capgemini",
    "Mercado Libre", "Rakuten", "Infosys", "Tata Consultancy Services", "Freelance",
    "Self-employed", "Stealth", "Peakstone", "Quantumware", "Bluefin Labs", "Hexa Health",
]
TAGLINES = [
    "Helping teams grow", "Speaker", "Ex-Google", "ex-Amazon", "Building the future",
    "Hiring!", "We're hiring", "Open to work", "#OpenToWork", "Mentor", "Angel Investor",
    "Author", "Podcast host", "Keynote Speaker", "Dad of 3", "Coffee lover",
    "Passionate about people", "Lifelong learner", "Top Voice", "Forbes 30 Under 30",
    "MBA", "PhD", "CPA", "PMP", "Views are my own", "Tech enthusiast", "Startup advisor",
    "B2B SaaS", "AI", "SaaS", "Web3", "Sustainability", "DEI advocate", "Runner",
    "Scaling startups from 0 to 1", "Turning data into decisions", "Making work better",
    "Let's connect", "DM me", "Remote first", "Building in public",
]
LEADING_TAGLINES = [
    "Helping B2B founders scale", "Passionate about people and tech",
    "Turning ideas into products", "On a mission to fix healthcare",
    "I help companies hire faster", "Making finance simple",
]
EMOJI = ["🚀", "✨", "💡", "🔥", "🌍", "📈", "👋", "🎯", "⚡", "💼"]
BIG = ["Google", "Amazon", "Meta", "McKinsey", "Goldman Sachs", "Microsoft", "Uber", "Apple"]


def _level_ok(title: str) -> bool:
    return not title.startswith("!")


def _bare(title: str) -> str:
    return title.lstrip("!")


def make_title(group: str, rng: random.Random, base: str | None = None,
               variety: float = 1.0) -> str:
    """One realistic position or headline for `group`.

    `variety` scales how often decoration is added (1.0: as varied as real headlines).
    """
    raw = base if base is not None else rng.choice(GROUPS[group])
    title = _with_level(raw, rng, variety)
    title = _with_scope(title, rng, variety)
    r = rng.random()
    if r < 0.04 * variety:  # two roles from the same group, as people write them
        other = _bare(rng.choice(GROUPS[group]))
        title = f"{title} & {other}" if rng.random() < 0.5 else f"{title} / {other}"
    title = _with_company(title, rng, variety)
    return _with_emoji_and_case(title, rng, variety)


def _with_level(raw: str, rng: random.Random, variety: float) -> str:
    title = _bare(raw)
    if not _level_ok(raw):
        return title
    r = rng.random()
    if r < 0.30 * variety:
        return rng.choice(LEVELS) + title
    if r < 0.36 * variety:
        return title + rng.choice(SUFFIX_LEVELS)
    return title


def _with_scope(title: str, rng: random.Random, variety: float) -> str:
    r = rng.random()
    if r < 0.14 * variety:
        return title + rng.choice(SCOPES)
    if r < 0.24 * variety:
        team = rng.choice(TEAMS)
        return title + rng.choice([f", {team}", f" - {team}", f" ({team})", f", {team} Team",
                                   f" – {team}"])
    return title


def _with_company(title: str, rng: random.Random, variety: float) -> str:
    company = rng.choice(COMPANIES)
    r = rng.random()
    forms = [  # (cumulative share at variety 1, the decorated headline)
        (0.12, lambda: f"{title} @ {company} | {rng.choice(TAGLINES)}"),
        (0.19, lambda: f"{title} at {company}"),
        (0.26, lambda: " | ".join([title, *rng.sample(TAGLINES, 2)])),
        (0.29, lambda: f"{title} • ex-{rng.choice(BIG)}"),
        (0.31, lambda: f"{title} - {company}"),
        # a tagline first: the role is not in the first segment
        (0.33, lambda: f"{rng.choice(LEADING_TAGLINES)} | {title}"),
    ]
    for share, form in forms:
        if r < share * variety:
            return form()
    return title


def _with_emoji_and_case(title: str, rng: random.Random, variety: float) -> str:
    r = rng.random()
    if r < 0.05 * variety:
        title = f"{rng.choice(EMOJI)} {title}"
    elif r < 0.08 * variety:
        title = f"{title} {rng.choice(EMOJI)}"
    r = rng.random()
    if r < 0.02 * variety:
        return title.upper()
    if r < 0.05 * variety:
        return title.lower()
    return title


#: Rough mix of a tech-leaning professional network (relative weights).
NETWORK_MIX = {
    "Sales": 12, "Marketing": 9, "Software Engineering": 12, "Data & AI": 6,
    "IT & Security": 5, "Product Management": 5, "Design & Creative": 4,
    "HR & Recruiting": 7, "Finance & Accounting": 6, "Operations & Supply Chain": 6,
    "Customer Success & Support": 5, "Founders & Executives": 8, "Consulting & Strategy": 6,
    "Education & Research": 5, "Healthcare": 2, "Legal & Compliance": 2,
    "Hardware & Industrial Engineering": 3, "Media & Communications": 2,
}


def network_titles(n: int, seed: int = 7) -> tuple[list[str], list[str]]:
    """`n` positions for a synthetic network, and their groups.

    Popular titles repeat (a Zipf-like choice inside each group) while decoration makes most
    positions distinct, as in real networks (about 60-80 % distinct at 30k).
    """
    rng = random.Random(seed)
    groups = list(NETWORK_MIX)
    weights = [NETWORK_MIX[g] for g in groups]
    zipf = {g: [1 / (i + 1) ** 0.8 for i in range(len(GROUPS[g]))] for g in groups}
    out, labels = [], []
    for g in rng.choices(groups, weights=weights, k=n):
        base = rng.choices(GROUPS[g], weights=zipf[g])[0]
        out.append(make_title(g, rng, base=base, variety=1.2))
        labels.append(g)
    return out, labels
