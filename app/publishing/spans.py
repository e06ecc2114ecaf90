"""What is taken out with a name so that the text still reads, and the hits that make one.

- A title or initials written before a surname go with it: "Mr Young" and "F. Young" become
  "Mother's partner", not "Mr Mother's partner" or "F. Mother's partner".
- Hits that overlap or touch become one: "Z. D'Arcy" never leaves "'Arcy" behind; "SIÔN
  O'NEILL" (a first and last name without the middle one) and a name broken over a line are
  one person, printed once; "Siôn (known as Xander)" and "Zo (Zoë Ní Bhrádaigh)" are one
  person too.
- A possessive follows the descriptor: "KAYLA'S" gives "Child K's", "Tomás' mother" gives
  "Perpetrator's mother".
"""

import re
from dataclasses import replace

# Titles in the languages families speak, written before a surname as "Mr" is: Polish "Pan
# Lewandowski", "Pani Zielińska"; German, Spanish, Portuguese, Italian, French, Dutch, Turkish
# ("Bay", "Bayan"), Arabic ("Sayed", "Sheikh", "Haji"), West African ("Alhaji", "Chief") and
# South Asian ("Shri", "Smt"), Czech ("Paní"), Thai ("Khun") and Yiddish ("Reb") ones.
OTHER_TITLES = (
    "Pan Pani Panna Herr Frau Señor Señora Señorita Senor Senora Sr Sra Srta Senhor Senhora "
    "Signor Signora Monsieur Madame Mme Mlle Meneer Mevrouw Dhr Mevr Bay Bayan Sayed Sayyid "
    "Sayyida Syed Sheikh Sheikha Shaikh Haji Hajji Hajja Alhaji Alhaja Chief Shri Smt Shrimati "
    "Paní Khun Reb Rav Rebbetzin Seu Dona Domnul Doamna Dl Dna Kuya Ate Tito Tita Chị Ông Daw"
).split()
TITLE_WORDS = (
    "Mr|Mrs|Ms|Miss|Mx|Dr|Doctor|Prof|Professor|Rev|Revd|Reverend|Sir|Dame|PC|PCSO|DC|DS|DI|"
    "DCI|DSI|Sgt|Sergeant|Insp|Inspector|Constable|Det|Cllr|Councillor|Nurse|Sister|Matron|"
    "Judge|HHJ|" + "|".join(OTHER_TITLES)
)
# Before a name: a title (with a collar number), then initials ("Mr F. Young", "PC 4471 D'Arcy").
_BEFORE = re.compile(
    rf"(?:(?<![\w'’])(?:{TITLE_WORDS})\.?[ \t]+(?:\d{{2,6}}[ \t]+)?)?"
    r"(?:(?<![\w.'’])[A-Z]\.[ \t]?)*$"
)
# Between two hits for the same person: a space, a hyphen, a line break, perhaps a word that
# links the parts of a name ("Angharad verch Gruffudd", "Maria dos Santos", Kikuyu "Wanjiru wa
# Kamau"); or an aside.
_TOUCHING = re.compile(
    r"[\s\-]*(?:(?:ferch|verch|ap|ab|bin|bint|ibn|ben|bat|de|da|do|dos|das|del|della|di|du"
    r"|van|von|der|den|y|e|wa)[ \t]+)?"
)
_ASIDE = re.compile(
    r"\s*\(\s*(?:(?:also\s+)?known\s+as|aka|a\.k\.a\.|called|nicknamed|n[ée]e|formerly)?\s*"
)
_CLOSE = re.compile(r"\s*\)")
NAMELIKE = ("name", "initials")


def with_titles(text: str, hits: list) -> list:
    """Name hits widened to the title and initials written just before them."""
    out = []
    for hit in hits:
        if hit.what in NAMELIKE and hit.start and _capital_before(text, hit.start):
            m = _BEFORE.search(text, max(0, hit.start - 40), hit.start)
            if m and m.start() < hit.start:
                hit = replace(hit, start=m.start(), text=text[m.start() : hit.end])
        out.append(hit)
    return out


def _capital_before(text: str, start: int) -> bool:
    """True when the word just before ``start`` may be a title, a collar number or an initial
    (it starts with a capital or a digit): the title pattern is tried only there ("said Kerry"
    has none)."""
    before = text[max(0, start - 12) : start].rstrip(" \t")
    if len(before) == len(text[max(0, start - 12) : start]):
        return text[start - 1] == "."  # "A.Kowalski"; else a word joined to the name
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    first = next((c for c in word if c.isalnum()), "")  # "(Mr": "M"
    return first.isupper() or first.isdigit()


def merged(text: str, hits: list) -> list:
    """Hits in order, none overlapping: overlapping hits become one (the whole of both is
    replaced), and hits for the same person side by side are printed once."""
    hits = sorted(hits, key=lambda f: (f.start, -(f.end - f.start)))
    kept: list = []
    for hit in hits:
        if kept:
            last = kept[-1]
            end = None
            if hit.start < last.end:
                end = max(last.end, hit.end)
            elif _same_person(last, hit):
                gap = text[last.end : hit.start]
                if _TOUCHING.fullmatch(gap):
                    end = hit.end
                elif _ASIDE.fullmatch(gap) and (close := _CLOSE.match(text, hit.end)):
                    end = close.end()
            if end is not None:
                kept[-1] = replace(last, end=end, text=text[last.start : end])
                continue
        kept.append(hit)
    return kept


def _same_person(a, b) -> bool:
    return a.what in NAMELIKE and b.what in NAMELIKE and a.replacement == b.replacement


_POSSESSIVE = re.compile(r"(['’])(S\b|(?![\w]))")


def possessive(text: str, hit, replacement: str) -> tuple[str, int]:
    """The possessive after a name as it reads after the descriptor, and how much it took."""
    m = _POSSESSIVE.match(text, hit.end)
    if not m or replacement.startswith("["):
        return "", 0
    if m.group(2) == "S" and not replacement.isupper():
        return m.group(1) + "s", m.end() - hit.end
    if not m.group(2) and hit.text[-1:] in "sS" and replacement[-1:] not in "sS":
        return m.group(1) + "s", m.end() - hit.end
    return "", 0
