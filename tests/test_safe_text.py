"""Text from a file or a user is never markup, and no table hands a spreadsheet a formula.

`ui.md_escape` is checked against what Streamlit 1.67's Markdown renderer actually does: CommonMark
with backslash escapes, plus GFM autolink literals and emoji/icon shortcodes that are found in the
text *after* escapes are resolved (the regexes below are copied from Streamlit's frontend bundle;
`test_streamlit_still_autolinks_the_way_we_guard_against` fails if an upgrade changes them).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pandas as pd
import pytest
import streamlit
from hypothesis import given, settings
from hypothesis import strategies as st

from core.export import neutralise, safe_for_display
from tests.conftest import ROOT, make_zip, modern_csv, new_app, set_icp
from ui.layout import FAVICON, md_escape

PAYLOADS = [
    "![x](http://evil.example/col.png)",
    "[click](http://evil.example)",
    "$\\color{red}{x}$",
    "$$x^2$$",
    ":red[big]",
    ":material/home:",
    ":smile:",
    "<img src=http://evil.example/i.png>",
    "<script>alert(1)</script>",
    "www.evil.example/w",
    "WWW.EVIL.EXAMPLE",
    "someone@evil.example",
    "mailto:someone@evil.example",
    "HTTPS://evil.example/x",
    "<http://evil.example>",
    "[x]: http://evil.example",
    "[ref][x]",
    '=HYPERLINK("http://evil.example","x")',
    "**bold** _it_ ~~gone~~ `code`",
    "# heading",
    "1. list",
    "- item",
    "> quote",
    "| a | b |",
    "&lt;img src=x&gt; &#60;",
    "    indented code",
    "line one\n\nline two  \nthree\r\n===",
    "trailing backslash \\",
    "[^note]",
    "a\\[b\\](c)",
]

_WORD_JOINER = "\u2060"
_ASCII_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Streamlit 1.67, StreamlitMarkdown bundle (mdast-util-gfm-autolink-literal and remark-emoji).
# JS `\w` is ASCII-only, hence re.ASCII. The e-mail lookbehind is dropped: a superset of matches.
_JS_URL = re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.I | re.A)
_JS_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.A)
_JS_SHORTCODE = re.compile(r":[\w+-][\w_+-]*:", re.A)


def unescape(markdown: str) -> str:
    """The text CommonMark shows for `markdown` when every punctuation mark is escaped; fails
    the test when one is not (that mark could start a link, emphasis, HTML, math, ...)."""
    out, i = [], 0
    while i < len(markdown):
        ch = markdown[i]
        if ch == "\\" and i + 1 < len(markdown) and markdown[i + 1] in _ASCII_PUNCT:
            out.append(markdown[i + 1])
            i += 2
            continue
        assert ch not in _ASCII_PUNCT, f"unescaped {ch!r} at {i} in {markdown!r}"
        out.append(ch)
        i += 1
    return "".join(out)


def assert_inert(text: str) -> None:
    escaped = md_escape(text)
    shown = unescape(escaped)
    assert "\n" not in escaped and "\r" not in escaped
    assert not _JS_URL.search(shown), shown
    assert not _JS_EMAIL.search(shown), shown
    assert not _JS_SHORTCODE.search(shown), shown
    assert ":material/" not in escaped  # Streamlit rewrites this in the source before parsing
    # Nothing lost: the reader sees the text as written (whitespace as a browser shows it).
    assert shown.replace(_WORD_JOINER, "") == re.sub(r"\s+", " ", str(text))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_payload_class_is_shown_as_text(payload):
    assert_inert(payload)
    assert_inert(f"Columns found: {payload}, Company")


def test_links_are_broken_where_streamlit_would_make_one():
    assert md_escape("www.evil.example") == "www\u2060\\.evil\\.example"
    assert md_escape("a@b.co") == "a\\@\u2060b\\.co"
    assert md_escape("http://x") == "http\u2060\\:\\/\\/x"
    assert md_escape(":red[x]") == "\\:\u2060red\\[x\\]"
    assert md_escape("Plain words stay plain") == "Plain words stay plain"
    # An alert without icon= would take a leading emoji as its icon (Streamlit 1.67).
    assert md_escape("😀 hi") == "\u2060😀 hi" and md_escape(" é") == " \u2060é"


def test_non_strings_are_shown_too():
    assert md_escape(3.5) == "3\\.5"
    assert md_escape(None) == "None"


_TRICKY = st.sampled_from(
    [
        "www.",
        "WwW.",
        "http://",
        "https:",
        "@",
        ":",
        "[",
        "](",
        "!",
        "$",
        "\\",
        "<",
        ">",
        "&",
        "`",
        "*",
        "_",
        "~",
        "|",
        "#",
        "\n",
        "    ",
        "\t",
        "\u2028",
        "material/",
        "red[",
        "x.example",
        "é",
        "😀",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_TRICKY, st.text(max_size=6)), max_size=12).map("".join))
def test_any_text_is_inert(text):
    assert_inert(text)


def _bundle() -> str:
    js = Path(streamlit.__file__).parent / "static" / "static" / "js"
    files = sorted(js.glob("StreamlitMarkdown*.js"))
    assert files, "Streamlit's Markdown bundle moved: re-check md_escape against the new one"
    return files[0].read_text(encoding="utf-8")


def test_streamlit_still_autolinks_the_way_we_guard_against():
    """md_escape's word joiners answer exactly these patterns; a new Streamlit must be re-checked."""
    bundle = _bundle()
    assert r"/(https?:\/\/|www(?=\.))([-.\w]+)([^ \t\r\n]*)/gi" in bundle
    assert r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)/gu" in bundle
    assert "replaceAll(`:material/`,`:material_`)" in bundle


# --- downloads and the tab icon ---------------------------------------------------------------


def test_safe_for_display_quotes_formula_cells_only():
    when = pd.Timestamp("2024-01-05")
    df = pd.DataFrame(
        {
            "name": ['=HYPERLINK("http://evil.example","x")', "Ann", None, "-2+3", "@cmd"],
            "title": pd.Series(["+SUM(A1)", "\tq", "CEO", "", "\rx"], dtype="str"),
            "mixed": pd.Series(["=1", 3, None, when, "ok"], dtype=object),
            "n": [1, 2, 3, 4, 5],
            "on": [when] * 5,
        }
    )
    before = df.copy()
    out = safe_for_display(df)
    assert out["name"].tolist()[:2] == ['\'=HYPERLINK("http://evil.example","x")', "Ann"]
    assert pd.isna(out["name"].iloc[2])
    assert out["name"].tolist()[3:] == ["'-2+3", "'@cmd"]
    assert out["title"].tolist() == ["'+SUM(A1)", "'\tq", "CEO", "", "'\rx"]
    assert out["mixed"].tolist()[:2] == ["'=1", 3] and out["mixed"].iloc[3] == when
    assert out["n"].tolist() == [1, 2, 3, 4, 5] and (out["on"] == when).all()
    pd.testing.assert_frame_equal(df, before)  # the caller's table is untouched
    assert str(out["title"].dtype) == str(df["title"].dtype)


def test_safe_for_display_only_the_columns_asked():
    df = pd.DataFrame({"a": ["=1"], "b": ["=2"]})
    assert safe_for_display(df, ["a"]).iloc[0].tolist() == ["'=1", "=2"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=8)), min_size=1, max_size=8))
def test_displayed_text_matches_the_checklist(values):
    out = safe_for_display(pd.DataFrame({"t": pd.Series(values, dtype=object)}))["t"]
    for got, raw in zip(out, values, strict=True):
        assert got == (None if raw is None else neutralise(raw))


def test_builtin_table_export_is_off():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["disableDataExport"] is True


def test_tab_icon_is_a_local_png():
    assert FAVICON.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "page_icon=icon" not in (ROOT / "ui" / "layout.py").read_text()


# --- the pages --------------------------------------------------------------------------------

EVIL_COLUMNS = [
    "![x](http://evil.example/col.png)",
    "[click](http://evil.example)",
    "www.evil.example/w",
    "someone@evil.example",
    ":red[big]",
]


def _markdown_bodies(at) -> list[str]:
    """Every Markdown string this run sends to the browser (alerts, captions, markdown)."""
    out = []
    for kind in ("error", "warning", "info", "success", "caption", "markdown", "toast"):
        out += [str(e.value) for e in getattr(at, kind)]
    return out


def test_home_upload_error_quotes_the_file_as_text():
    header = "First Name,Last Name," + ",".join(f'"{c}"' for c in EVIL_COLUMNS)
    data = (header + "\nA,B,1,2,3,4,5\n").encode()
    at = new_app()
    at.run()
    at.file_uploader(key="upload").set_value(("Connections.csv", data, "text/csv")).run()
    assert not at.exception
    assert len(at.error) == 1
    body = str(at.error[0].value)
    shown = unescape(body)  # fails on any unescaped punctuation
    assert not _JS_URL.search(shown) and not _JS_EMAIL.search(shown)
    assert "evil" in shown  # the message still tells which columns it found


def test_sidebar_file_name_and_icp_name_are_text():
    rows = ["Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,VP Sales,05 Jan 2026"] + [
        f"P{i},Q,https://www.linkedin.com/in/p{i},,Acme,Engineer,0{1 + i % 8} Feb 2025"
        for i in range(30)
    ]
    at = new_app()
    at.run()
    at.file_uploader(key="upload").set_value(
        (
            "www.evil.example-w.zip",
            make_zip({"Connections.csv": modern_csv(rows)}),
            "application/zip",
        )
    ).run()
    assert not at.exception
    from core.icp import ICP

    set_icp(at, ICP(name="www.evil.example/w", keywords=("engineer",)))
    at.run()
    assert not at.exception
    sidebar = [str(c.value) for c in at.sidebar.caption]
    assert any("evil" in c for c in sidebar), sidebar
    for body in _markdown_bodies(at):
        shown = body.replace("\\\\", "").replace("\\", "")
        assert not _JS_URL.search(shown) and not _JS_EMAIL.search(shown), body


def test_no_page_config_asks_for_a_remote_icon():
    for script in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        assert "set_page_config" not in script.read_text(), script  # only ui.page_setup sets it


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PAGES = [
    "pages/1_Define_your_ICP.py",
    "pages/2_Cluster_connections.py",
    "pages/3_Pruning_simulator.py",
]


def _formula_cells(frame: pd.DataFrame) -> list:
    return [
        (c, v)
        for c in frame.columns
        for v in frame[c]
        if isinstance(v, str) and v.startswith(_FORMULA_START)
    ]


def test_tables_of_connections_show_no_formula():
    """Every table (st.dataframe and st.data_editor) on every page, with names, titles and
    companies that start with =, +, -, @: each such cell is shown (and copied) as text."""
    from core.icp import ICP
    from tests.hostile import hostile_rows

    at = new_app()
    at.run()
    at.file_uploader(key="upload").set_value(
        ("Connections.csv", hostile_rows(200), "text/csv")
    ).run()
    assert not at.exception and not at.error
    set_icp(at, ICP(name="Managers", keywords=("manager",)))
    seen = 0
    names = set()
    for page in _PAGES:
        at.switch_page(page).run()
        if page.startswith("pages/3"):
            at.session_state["sim_view"] = "People"  # the people list is a lazy tab
            at.run()
        assert not at.exception, page
        for table in at.dataframe:
            seen += len(table.value)
            names |= set(table.value.columns)
            assert not _formula_cells(table.value), (page, _formula_cells(table.value)[:3])
    assert seen > 50  # the tables were there, with people in them
    assert {"full_name", "top_titles", "name", "title", "company"} <= names, names
