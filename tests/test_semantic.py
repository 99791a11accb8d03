"""Optional semantic clustering: runs where the extra is installed (always in CI)."""

from __future__ import annotations

import os

import numpy as np
import pytest

from core.semantic import available

if not available():
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("the semantic extra must be installed in CI (make semantic)", pytrace=False)
    pytest.skip("semantic extra not installed (make semantic)", allow_module_level=True)

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from core.clustering import cluster_texts  # noqa: E402
from core.semantic import EmbeddingCache, embed  # noqa: E402


def test_embeddings_are_unit_length_and_meaningful():
    v = embed(["Registered Nurse", "Paramedic", "Software Engineer"])
    assert v.shape == (3, 384)
    assert np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-3)
    assert v[0] @ v[1] > v[0] @ v[2]  # a nurse is nearer a paramedic than an engineer


def test_cache_embeds_each_title_once():
    cache = EmbeddingCache()
    seen = []
    cache(["CFO", "CTO"], progress=seen.append)
    assert seen and seen[-1] == 1.0
    first = len(cache._vectors)
    cache(["CTO", "CFO"])
    assert len(cache._vectors) == first == 2


def test_semantic_mode_groups_by_meaning():
    titles = [
        "Registered Nurse",
        "Paramedic",
        "Physician",
        "Surgeon",
        "Software Engineer",
        "Backend Developer",
        "Frontend Developer",
        "Programmer",
    ]
    r = cluster_texts(titles, k=2, embedder=EmbeddingCache())
    lab = dict(zip(titles, r.labels, strict=True))
    assert lab["Registered Nurse"] == lab["Paramedic"] == lab["Surgeon"]
    assert lab["Software Engineer"] == lab["Programmer"] != lab["Paramedic"]


def test_clusters_page_in_semantic_mode():
    from tests.conftest import new_app

    at = new_app(timeout=180)
    at.run()
    at.switch_page("pages/2_Cluster_connections.py").run()
    at.radio(key="clusters_method").set_value("semantic").run()
    assert not at.exception
    assert 2 <= len(at.data_editor[0].value) <= 40
