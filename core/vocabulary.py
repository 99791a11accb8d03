"""LinkedIn Sales Navigator's lead-filter vocabulary, so the ICP wizard feels familiar.

Sources (checked 2026-11-28): Sales Navigator's seniority and function filters and the industry
taxonomy V2 top-level groups, as listed in shared/research/linkedin-facts.md. The keyword lists
are ours: the export has no industry per connection, so an industry is inferred from words in
the title and company name, and the app says so.
"""

from __future__ import annotations

#: Seniority levels, most senior first (Sales Navigator's order).
SENIORITIES: tuple[str, ...] = (
    "Owner / Partner", "CXO", "Vice President", "Director", "Experienced Manager",
    "Entry Level Manager", "Strategic", "Senior", "Entry Level", "In Training",
)

#: Job functions (Sales Navigator's 26).
FUNCTIONS: tuple[str, ...] = (
    "Accounting", "Administrative", "Arts and Design", "Business Development",
    "Community and Social Services", "Consulting", "Education", "Engineering", "Entrepreneurship",
    "Finance", "Healthcare Services", "Human Resources", "Information Technology", "Legal",
    "Marketing", "Media and Communication", "Military and Protective Services", "Operations",
    "Product Management", "Program and Project Management", "Purchasing", "Quality Assurance",
    "Real Estate", "Research", "Sales", "Customer Success and Support",
)

#: Industry groups (LinkedIn industry taxonomy V2, top level) → indicative words in a title or
#: company name. Matching is whole-word and case-insensitive.
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "Technology, Information and Media": (
        "saas", "software", "cloud", "ai", "analytics", "tech", "technologies", "labs", "data",
        "platform", "digital", "internet", "cyber", "app", "apps", "microsoft", "google",
        "salesforce", "hubspot", "oracle", "sap", "atlassian", "shopify", "zendesk", "media",
        "io", "systems", "developer", "engineer"),
    "Financial Services": (
        "bank", "banking", "capital", "financial", "finance", "insurance", "ventures", "invest",
        "investment", "fintech", "asset", "wealth", "jpmorgan", "goldman", "hsbc", "barclays"),
    "Professional Services": (
        "consulting", "consultant", "advisory", "partners", "agency", "deloitte", "accenture",
        "mckinsey", "pwc", "ey", "kpmg", "law", "legal", "accounting"),
    "Hospitals and Health Care": (
        "health", "healthcare", "clinic", "hospital", "medical", "pharma", "care", "pfizer",
        "nurse", "physician"),
    "Education": ("university", "school", "academy", "college", "institute", "education",
                  "insead", "student", "professor"),
    "Manufacturing": ("manufacturing", "industries", "industrial", "siemens", "bosch",
                      "factory", "plant", "automotive"),
    "Retail": ("retail", "brands", "store", "stores", "ecommerce", "e-commerce", "goods",
               "amazon", "fashion", "foods", "unilever", "nestlé", "nestle"),
    "Transportation, Logistics, Supply Chain and Storage": (
        "logistics", "shipping", "supply chain", "freight", "maersk", "transport"),
    "Administrative and Support Services": (
        "staffing", "recruitment", "talent", "people", "randstad", "adecco", "robert half",
        "outsourcing"),
    "Utilities": ("energy", "utilities", "power", "solar", "water"),
    "Construction": ("construction", "building", "builders", "architecture"),
    "Real Estate and Equipment Rental Services": ("real estate", "property", "realty",
                                                   "properties"),
    "Government Administration": ("government", "ministry", "council", "public sector"),
    "Consumer Services": ("consumer", "services", "salon", "fitness"),
    "Entertainment Providers": ("entertainment", "gaming", "music", "film", "studio"),
    "Accommodation Services": ("hotel", "hospitality", "travel", "restaurant"),
    "Oil, Gas, and Mining": ("oil", "gas", "mining", "petroleum"),
    "Farming, Ranching, Forestry": ("farm", "farming", "agriculture", "forestry"),
    "Wholesale": ("wholesale", "distribution", "distributor"),
    "Holding Companies": ("holding", "holdings", "group"),
}

