"""How well ReviewDesk finds repeated learning: precision and recall on labelled pairs.

    .venv/bin/python benchmarks/similarity_bench.py [--threshold 0.3]

Every pair of statements in benchmarks/data/similarity_pairs.json is scored; a pair from the
same group is the same learning. The table compares the parts of the combined score and
sweeps the threshold; speed is given as a ratio to the word-only method, measured here.
"""

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import text_match  # noqa: E402
from app.text_match import SimilarityIndex, jaccard  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "similarity_pairs.json"


def load():
    data = json.loads(DATA.read_text("utf-8"))
    texts, themes, groups = [], [], []
    for number, group in enumerate(data["groups"]):
        for item in group["items"]:
            texts.append(item["text"])
            themes.append(tuple(item["themes"]))
            groups.append(number)
    return texts, themes, groups


def evaluate(scores: dict, groups: list[int], threshold: float) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for (i, j), score in scores.items():
        same = groups[i] == groups[j]
        called = score >= threshold
        tp += same and called
        fp += called and not same
        fn += same and not called
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def methods(index: SimilarityIndex, themes):
    return {
        "word TF-IDF (uni+bigrams)": lambda i, j: index.parts(i, j)[0],
        "character 4-grams": lambda i, j: index.parts(i, j)[1],
        "themes only (Jaccard)": lambda i, j: jaccard(themes[i], themes[j]),
        "words + characters": lambda i, j: index.score(i, j, use_themes=False),
        "words + characters + themes (used)": lambda i, j: index.score(i, j),
    }


def best_threshold(scores, groups) -> tuple[float, tuple[float, float, float]]:
    candidates = [t / 100 for t in range(5, 80)]
    return max(((t, evaluate(scores, groups, t)) for t in candidates), key=lambda x: x[1][2])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=text_match.THRESHOLD)
    args = parser.parse_args()
    texts, themes, groups = load()
    pairs = list(itertools.combinations(range(len(texts)), 2))
    positives = sum(groups[i] == groups[j] for i, j in pairs)
    print(
        f"{len(texts)} statements in {len(set(groups))} groups: {len(pairs)} pairs, "
        f"{positives} the same learning, {len(pairs) - positives} different.\n"
    )
    index = SimilarityIndex(texts, themes)
    rows = []
    anchor = None
    for fn in methods(index, themes).values():  # warm up, so the first timing is fair
        for i, j in pairs:
            fn(i, j)
    for name, fn in methods(index, themes).items():
        start = time.perf_counter()
        scores = {(i, j): fn(i, j) for i, j in pairs}
        elapsed = time.perf_counter() - start
        anchor = anchor or elapsed
        p, r, f = evaluate(scores, groups, args.threshold)
        t_best, (bp, br, bf) = best_threshold(scores, groups)
        rows.append((name, p, r, f, t_best, bp, br, bf, elapsed / anchor))
    header = (
        f"{'method':<36} {'P@' + str(args.threshold):>7} {'R':>6} {'F1':>6} | "
        f"{'best t':>6} {'P':>6} {'R':>6} {'F1':>6} | {'time ×':>6}"
    )
    print(header)
    print("-" * len(header))
    for name, p, r, f, t, bp, br, bf, ratio in rows:
        print(
            f"{name:<36} {p:>7.2f} {r:>6.2f} {f:>6.2f} | {t:>6.2f} {bp:>6.2f} {br:>6.2f} "
            f"{bf:>6.2f} | {ratio:>6.1f}"
        )
    combined = {(i, j): index.score(i, j) for i, j in pairs}
    print(f"\nThreshold sweep, combined score (the app uses {text_match.THRESHOLD}):")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6}")
    for t in (0.1, 0.14, 0.16, 0.18, 0.2, 0.25, 0.3, 0.4):
        p, r, f = evaluate(combined, groups, t)
        print(f"{t:>9.2f} {p:>9.2f} {r:>7.2f} {f:>6.2f}")
    held_out(combined, groups)
    scale(texts, themes)
    return 0


def scale(texts, themes, copies: int = 8) -> None:
    """A store-sized set (every statement several times over): all pairs scored one by one,
    against only the pairs that share a word, found through postings."""
    many = texts * copies
    many_themes = themes * copies
    start = time.perf_counter()
    index = SimilarityIndex(many, many_themes)
    built = time.perf_counter() - start
    start = time.perf_counter()
    every = {(i, j): index.score(i, j) for i, j in itertools.combinations(range(len(many)), 2)}
    naive = time.perf_counter() - start
    start = time.perf_counter()
    found = index.candidates()
    fast = time.perf_counter() - start
    above = {p for p, s in every.items() if s >= text_match.THRESHOLD}
    same = above == {p for p, s in found.items() if s >= text_match.THRESHOLD}
    print(
        f"\nScale: {len(many)} findings, {len(every):,} pairs; time as a ratio to scoring "
        "every pair one by one, measured in this run:"
    )
    print(f"{'step':<42} {'ratio':>6}")
    print(f"{'every pair scored one by one':<42} {1.0:>6.2f}")
    print(f"{'building the index':<42} {built / naive:>6.2f}")
    print(f"{'pairs sharing words/spelling (postings)':<42} {fast / naive:>6.2f}")
    print(f"same pairs above the threshold: {'yes' if same else 'NO'} ({len(above):,})")


def held_out(scores: dict, groups: list[int]) -> None:
    """Two folds by group: the threshold is chosen on one half and measured on the other."""
    print("\nHeld out (threshold chosen on the other half of the groups):")
    print(f"{'fold':>4} {'chosen t':>8} {'precision':>9} {'recall':>7} {'F1':>6}")
    results = []
    for fold in (0, 1):
        train = {p: s for p, s in scores.items() if groups[p[0]] % 2 != fold
                 and groups[p[1]] % 2 != fold}  # fmt: skip
        test = {p: s for p, s in scores.items() if groups[p[0]] % 2 == fold
                and groups[p[1]] % 2 == fold}  # fmt: skip
        t, _ = best_threshold(train, groups)
        p, r, f = evaluate(test, groups, t)
        results.append((p, r, f))
        print(f"{fold:>4} {t:>8.2f} {p:>9.2f} {r:>7.2f} {f:>6.2f}")
    mean = [sum(x) / len(x) for x in zip(*results, strict=True)]
    print(f"{'mean':>4} {'':>8} {mean[0]:>9.2f} {mean[1]:>7.2f} {mean[2]:>6.2f}")


if __name__ == "__main__":
    sys.exit(main())
