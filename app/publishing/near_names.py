"""Names spelled like a registered one: "Muhammad" in the text when the register holds
"Mohammed", "Steven" for "Stephen", "Isobel" for "Isabelle".

Agencies spell a family's names in their own ways, and the register holds the spellings the
author thought of. A spelling it does not hold would be published as written, so the release
check asks about each: the same person (add the spelling to their other names) or someone else
(waive it). A word counts only when the text writes it as a name, with a capital inside a
sentence (not a word that begins one), and only when it sounds like a registered name and is a
spelling or two away from it: "Mission" is not "Mason".
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.publishing.anonymise import fold
from app.publishing.register import RegisterEntry

_DIGRAPHS = (("ph", "f"), ("gh", ""), ("ck", "k"), ("ch", "k"), ("th", "t"), ("sh", "s"))
_SOFT_C = re.compile(r"c(?=[eiy])")
_LETTERS = str.maketrans({"c": "k", "q": "k", "z": "s", "v": "f", "x": "k"})
_VOWELS = re.compile(r"[aeiouyhw]")
_DOUBLE = re.compile(r"(.)\1+")
# A capitalised word inside a sentence, after a word in lower case or a comma ("told Muhammad",
# "Mum, Muhammad"): not one that begins a sentence, follows a label ("Title: Call") or belongs
# to a run of capitalised words ("Telephone Call", "Car Park").
_IN_SENTENCE = re.compile(
    r"(?:(?<![\w'’-])[a-z][\w'’-]*|[,;])\s+([A-Z][a-z]{3,}(?:-[A-Z][a-z]{2,})?)\b"
)
_SHORTEST = 4  # letters: "Ann" and "Anne" are left to the register


def sound_key(word: str) -> str:
    """The consonants of a name as it sounds, its first letter kept: Mohammed, Muhammad and
    Mohamed are "mmd"; Stephen and Steven "stfn"; Catherine and Kathryn "ktrn"."""
    w = re.sub(r"[^a-z]", "", fold(word).lower())
    if not w:
        return ""
    for pair, sound in _DIGRAPHS:
        w = w.replace(pair, sound)
    w = _SOFT_C.sub("s", w).translate(_LETTERS)
    if not w:
        return ""
    return w[0] + _DOUBLE.sub(r"\1", _VOWELS.sub("", w[1:]))


def spellings_apart(a: str, b: str) -> int:
    """Edits (a letter changed, added or left out) from one spelling to the other."""
    a, b = fold(a).lower(), fold(b).lower()
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


@dataclass(frozen=True)
class NearName:
    written: str  # as the text has it: "Muhammad"
    registered: str  # the register's spelling: "Mohammed"
    descriptor: str  # what publication prints for that person: "Father"


def near_names(entries: Iterable[RegisterEntry], texts: Iterable[str], known) -> list[NearName]:
    """The names the texts write that sound like a registered person's name, a spelling or
    two from it, and that the register does not already find (``known(word)`` says whether
    it does)."""
    registered: dict[str, list[tuple[str, str]]] = {}
    spelled: set[str] = set()
    for entry in entries:
        if entry.kind != "person":
            continue
        for name in (entry.name, *entry.variants):
            for word in re.findall(r"[^\W\d_]+", name):
                spelled.add(fold(word).casefold())
                if len(word) >= _SHORTEST:
                    registered.setdefault(sound_key(word), []).append((word, entry.descriptor))
    if not registered:
        return []
    seen: dict[str, NearName] = {}
    for text in texts:
        for word in _IN_SENTENCE.findall(text or ""):
            if word in seen or fold(word).casefold() in spelled:
                continue
            for part in word.split("-"):
                if fold(part).casefold() in spelled:
                    continue
                match = _closest(part, registered.get(sound_key(part), ()))
                if match is not None and not known(word):
                    seen[word] = NearName(word, *match)
                    break
    return list(seen.values())


def _closest(word: str, candidates) -> tuple[str, str] | None:
    for spelling, descriptor in candidates:
        allowed = 3 if len(spelling) >= 7 else 2 if len(spelling) >= 5 else 1
        if 0 < spellings_apart(word, spelling) <= allowed:
            return spelling, descriptor
    return None
