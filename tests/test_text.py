"""core.text: the one title cleaner, one separator set, one way to fold accents and to pad
words, which the title model, the groups, ICP matching, search and the FAQ all use."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core import text
from core.text import clean_titles, fold, has_word, needle, padded_words, search_mask


@pytest.mark.parametrize(
    "raw, cleaned",
    [
        ("We're hiring! Technical Recruiter", "we re hiring | technical recruiter"),
        ("Software Engineer 🚀 Speaker", "software engineer | speaker"),
        ("Sócio-Diretor @ Acme", "sociodiretor @ acme"),
        ("Founder & CTO / Coach", "founder , cto , coach"),
        ("R&D Lead; Speaker", "rnd lead | speaker"),
        ("VP Sales – EMEA • ex-Google", "vp sales | emea | exgoogle"),
        ("𝐅𝐨𝐮𝐧𝐝𝐞𝐫 | Ｃ Ｅ Ｏ", "founder | c e o"),
        ("Geschäftsführer", "geschaftsfuhrer"),
        ("Straße", "strasse"),
    ],
)
def test_clean_titles(raw, cleaned):
    assert clean_titles([raw]).to_pylist() == [cleaned]


def test_plain_and_unicode_titles_are_cut_by_the_same_separators():
    # The ASCII fast path and the Unicode path split on the same marks: the same title with
    # and without one accented letter has the same segments.
    marks = ["|", "!", "?", ";", "//", " - ", "^", "`"]
    for m in marks:
        plain, accented = f"Sales Lead{m}Coach", f"Sales Lead{m}Coách"
        got = clean_titles([plain, accented]).to_pylist()
        assert got[0] == got[1] == "sales lead | coach", (m, got)


def test_keep_accents_gives_the_same_words_with_their_accents():
    raw = ["Analista de Recrutamento e Seleção | Sócio", "Plain Title @ X"]
    folded = clean_titles(raw).to_pylist()
    shown = clean_titles(raw, keep_accents=True).to_pylist()
    assert shown == ["analista de recrutamento e seleção | sócio", "plain title @ x"]
    assert [fold(s) for s in shown] == folded


def test_fold_is_the_arrow_fold():
    words = ["Sócio", "NOTIFICACIÓN Löschen", "Straße", "𝐅𝐨𝐮𝐧𝐝𝐞𝐫", "İstanbul", "Nestlé"]
    assert [fold(w) for w in words][:4] == ["socio", "notificacion loschen", "strasse", "founder"]
    padded = padded_words(pd.Series(words)).to_pylist()
    assert padded == [needle(w) for w in words]


def test_whole_words_with_or_without_accents():
    padded = padded_words(pd.Series(["Sócio diretor", "Director of CTO office", "socio", None]))
    assert has_word(padded, needle("SOCIO")).tolist() == [True, False, True, False]
    assert has_word(padded, needle("cto")).tolist() == [False, True, False, False]
    assert has_word(padded, needle("sócio diretor")).tolist() == [True, False, False, False]


def test_search_mask_uses_the_same_folding():
    texts = pd.Series(["José Silva", "Director", "CTO", "SÓCIO gerente", None])
    assert search_mask(texts, "jose").tolist() == [True, False, False, False, False]
    assert search_mask(texts, "CTO").tolist() == [False, False, True, False, False]
    assert search_mask(texts, "socio").tolist() == [False, False, False, True, False]
    assert search_mask(texts, "  ").all()


def test_the_old_copies_are_gone():
    for name in (
        "_NON_WORD",
        "normalise_title",
        "normalise_titles",
        "strip_marks",
        "matches",
        "title_part",
        "expand_abbreviations",
        "_plain",
    ):
        assert not hasattr(text, name), name


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=8))
def test_any_text_cleans_without_error(values):
    values = [v.encode("utf-8", "replace").decode("utf-8") for v in values]
    out = clean_titles(pa.array(values, type=pa.large_string())).to_pylist()
    assert len(out) == len(values)
    assert all(o == o.strip() and "  " not in o for o in out)
