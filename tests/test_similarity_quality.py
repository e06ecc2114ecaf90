"""Repeated-learning matching keeps its measured quality on the labelled pairs."""

import itertools
import sys
from pathlib import Path

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
    assert f1 >= 0.75 and precision >= 0.6 and recall >= 0.9
    _t, (_p, _r, best_words) = bench.best_threshold(words_only, groups)
    assert f1 > best_words  # themes and spelling add what the words alone miss
