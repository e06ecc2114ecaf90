"""Repeated-learning matching keeps its measured quality on the labelled pairs."""

import itertools
import sys
from pathlib import Path

import pytest

from app.text_match import THRESHOLD, SimilarityIndex

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import similarity_bench as bench  # noqa: E402


def test_combined_score_beats_each_part_and_keeps_its_f1():
    texts, themes, groups = bench.load()
    index = SimilarityIndex(texts, themes)
    pairs = list(itertools.combinations(range(len(texts)), 2))
    combined = {p: index.score(*p) for p in pairs}
    words_only = {p: index.parts(*p)[0] for p in pairs}
    precision, recall, f1 = bench.evaluate(combined, groups, THRESHOLD)
    assert f1 >= 0.78 and precision >= 0.8 and recall >= 0.75
    _t, (_p, _r, best_words) = bench.best_threshold(words_only, groups)
    assert f1 > best_words  # themes and spelling add what the words alone miss


def test_only_pairs_sharing_words_or_spelling_are_visited_and_none_is_missed():
    texts, themes, _groups = bench.load()
    texts, themes = texts * 2, themes * 2
    index = SimilarityIndex(texts, themes)
    every = {p: index.score(*p) for p in itertools.combinations(range(len(texts)), 2)}
    found = index.candidates()
    assert len(found) < len(every)
    assert {p for p, s in every.items() if s > 0} == {p for p, s in found.items() if s > 0}
    for pair, score in found.items():
        assert score == pytest.approx(every[pair])
    # Two findings under one theme with nothing else in common are not the same learning.
    apart = SimilarityIndex(["Bruising on a baby", "Housing rent arrears"], [("Neglect",)] * 2)
    assert apart.score(0, 1) < THRESHOLD
