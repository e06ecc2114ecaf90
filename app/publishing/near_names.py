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
# A name-like word (capitalised, four letters or more); it counts when it stands inside a
# sentence, after a word in lower case or a comma ("told Muhammad", "Mum, Muhammad"): not one
# that begins a sentence, follows a label ("Title: Call") or belongs to a run of capitalised
# words ("Telephone Call", "Car Park").
_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][a-z]{3,}(?:-[A-Z][a-z]{2,})?\b")
_BEFORE = re.compile(r"(?:(?<![\w'’-])[a-z][\w'’-]*|[,;])\s+$")
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
    seen: dict[str, NearName | None] = {}  # word -> what it is near (None: nothing)
    keys: dict[str, str] = {}
    for text in texts:
        for m in _CAPITALISED.finditer(text or ""):
            word = m.group(0)
            if word in seen:
                continue
            parts = word.split("-")
            for part in parts:
                if part not in keys:
                    keys[part] = sound_key(part)
            if not any(keys[p] in registered for p in parts) or fold(word).casefold() in spelled:
                seen[word] = None
                continue
            if not _BEFORE.search(text, max(m.start() - 40, 0), m.start()):
                continue  # not inside a sentence here; perhaps elsewhere
            seen[word] = None
            for part in parts:
                if fold(part).casefold() in spelled:
                    continue
                match = _closest(part, registered.get(keys[part], ()))
                if match is not None and not known(word):
                    seen[word] = NearName(word, *match)
                    break
    return [near for near in seen.values() if near is not None]


def _closest(word: str, candidates) -> tuple[str, str] | None:
    for spelling, descriptor in candidates:
        allowed = 3 if len(spelling) >= 7 else 2 if len(spelling) >= 5 else 1
        if 0 < spellings_apart(word, spelling) <= allowed:
            return spelling, descriptor
    return None
