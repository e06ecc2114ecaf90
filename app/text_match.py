"""Light, offline text matching: TF-IDF over stemmed words and character n-grams, BM25 for
search. Pure Python: no model to download, nothing to install beyond the app itself."""

import math
import re
from collections import Counter
from collections.abc import Iterable

_WORD_RE = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not of off on once only or other our out over own same she should so some
    such than that the their them then there these they this those through to too under until
    up very was we were what when where which while who whom why will with would you your
    been were being s t there's it's which whose within without upon also may might must shall
    one two three""".split()
)
# A few words of the trade that mean the same thing in reviews, folded to one term.
SYNONYMS = {
    "dad": "father",
    "fathers": "father",
    "stepfather": "father",
    "males": "male",
    "men": "male",
    "man": "male",
    "partner": "male",
    "boyfriend": "male",
    "mum": "mother",
    "mothers": "mother",
    "curious": "curiosity",
    "questioning": "curiosity",
    "dna": "attend",
    "attendance": "attend",
    "appointments": "appointment",
    "brought": "attend",
    "supervisor": "supervision",
    "supervisors": "supervision",
    "manager": "oversight",
    "managers": "oversight",
    "management": "oversight",
    "escalate": "escalation",
    "escalated": "escalation",
    "challenge": "escalation",
    "challenged": "escalation",
    "infant": "baby",
    "babies": "baby",
    "newborn": "baby",
    "shared": "share",
    "sharing": "share",
    "passed": "share",
    "handover": "share",
    "teenager": "young",
    "adolescent": "young",
    "capacity": "capacity",
    "recorded": "record",
    "recording": "record",
    "records": "record",
    "notes": "record",
    "drinking": "alcohol",
    "drug": "substance",
    "drugs": "substance",
}
_SUFFIXES = ("ational", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "edly", "ies",
             "ied", "ely", "ly", "ed", "es", "s")  # fmt: skip


def stem(word: str) -> str:
    """A light suffix-stripping stem (enough to fold 'sharing', 'shared', 'shares')."""
    word = SYNONYMS.get(word, word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return SYNONYMS.get(word, word)


def words(text: str) -> list[str]:
    found = _WORD_RE.findall(text.casefold().replace("'", ""))
    return [stem(w) for w in found if w not in STOPWORDS and len(w) > 1]


def word_features(text: str) -> Counter:
    terms = words(text)
    features = Counter(terms)
    features.update(f"{a} {b}" for a, b in zip(terms, terms[1:], strict=False))
    return features


def char_features(text: str, n: int = 4) -> Counter:
    grams: Counter = Counter()
    for word in _WORD_RE.findall(text.casefold()):
        if word in STOPWORDS:
            continue
        padded = f" {word} "
        grams.update(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams


class TfIdf:
    """TF-IDF vectors (sublinear term frequency, smoothed IDF) with cosine similarity."""

    def __init__(self, documents: Iterable[Counter]):
        self.vectors: list[dict[str, float]] = []
        docs = list(documents)
        df: Counter = Counter()
        for doc in docs:
            df.update(doc.keys())
        n = len(docs)
        self.idf = {term: math.log((1 + n) / (1 + count)) + 1 for term, count in df.items()}
        self.default_idf = max(self.idf.values(), default=1.0)  # a term never seen: rarest
        for doc in docs:
            self.vectors.append(self.vector(doc))

    def vector(self, features: Counter) -> dict[str, float]:
        weights = {
            t: (1 + math.log(c)) * self.idf.get(t, self.default_idf) for t, c in features.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        return {t: w / norm for t, w in weights.items()}

    def overlapping(self) -> dict[tuple[int, int], float]:
        """Cosine of every pair (i < j) that shares a term, through the terms' postings:
        pairs with nothing in common are never visited."""
        postings: dict[str, list[tuple[int, float]]] = {}
        for doc, vector in enumerate(self.vectors):
            for term, weight in vector.items():
                postings.setdefault(term, []).append((doc, weight))
        sims: dict[tuple[int, int], float] = {}
        for entries in postings.values():
            for a, (i, wi) in enumerate(entries):
                for j, wj in entries[a + 1 :]:
                    sims[(i, j)] = sims.get((i, j), 0.0) + wi * wj
        return sims

    @staticmethod
    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(w * b.get(t, 0.0) for t, w in a.items())


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    sa, sb = set(a), set(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


# Weights of the combined score, and the threshold above which two findings are called the
# same learning; both chosen on benchmarks/data/similarity_pairs.json (see the benchmark).
# Shared themes count in full only once the texts themselves are this alike (THEME_GATE):
# two findings under one theme but with nothing else in common are not the same learning.
WORD_WEIGHT, CHAR_WEIGHT, THEME_WEIGHT = 0.4, 0.3, 0.3
THEME_GATE = 0.1
THRESHOLD = 0.2


class SimilarityIndex:
    """Pairwise similarity of short texts (findings), each with its themes."""

    def __init__(self, texts: list[str], themes: list[tuple[str, ...]] | None = None):
        self.themes = themes or [() for _ in texts]
        self.words = TfIdf(word_features(t) for t in texts)
        self.chars = TfIdf(char_features(t) for t in texts)

    def parts(self, i: int, j: int) -> tuple[float, float, float]:
        return (
            TfIdf.cosine(self.words.vectors[i], self.words.vectors[j]),
            TfIdf.cosine(self.chars.vectors[i], self.chars.vectors[j]),
            jaccard(self.themes[i], self.themes[j]),
        )

    def score(self, i: int, j: int, use_themes: bool = True) -> float:
        return combine(*self.parts(i, j), use_themes and bool(self.themes[i] and self.themes[j]))

    def candidates(self) -> dict[tuple[int, int], float]:
        """The combined score of every pair (i < j) that shares a word or any spelling; other
        pairs score 0 (no likeness in the text, so the themes cannot count either)."""
        found = {}
        word_sims, char_sims = self.words.overlapping(), self.chars.overlapping()
        for i, j in word_sims.keys() | char_sims.keys():
            word, char = word_sims.get((i, j), 0.0), char_sims.get((i, j), 0.0)
            theme = jaccard(self.themes[i], self.themes[j])
            found[(i, j)] = combine(word, char, theme, bool(self.themes[i] and self.themes[j]))
        return found


def combine(word: float, char: float, theme: float, with_themes: bool) -> float:
    text = (WORD_WEIGHT * word + CHAR_WEIGHT * char) / (WORD_WEIGHT + CHAR_WEIGHT)
    if not with_themes:
        return text  # no themes to compare: the text alone decides, on the same scale
    gate = min(1.0, text / THEME_GATE)
    return WORD_WEIGHT * word + CHAR_WEIGHT * char + THEME_WEIGHT * theme * gate


class Bm25:
    """Okapi BM25 over word features, for searching every review's text."""

    def __init__(self, texts: list[str], k1: float = 1.4, b: float = 0.75):
        self.docs = [Counter(words(t)) for t in texts]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = (sum(self.lengths) / len(self.lengths)) if self.lengths else 0.0
        df: Counter = Counter()
        for doc in self.docs:
            df.update(doc.keys())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self.k1, self.b = k1, b

    def scores(self, query: str) -> list[float]:
        terms = list(dict.fromkeys(words(query)))
        result = []
        for doc, length in zip(self.docs, self.lengths, strict=True):
            total = 0.0
            for term in terms:
                tf = doc.get(term, 0)
                if tf:
                    norm = tf + self.k1 * (1 - self.b + self.b * length / (self.avg or 1))
                    total += self.idf[term] * tf * (self.k1 + 1) / norm
            result.append(total)
        return result
