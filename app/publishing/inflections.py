"""The forms a name takes in a language that declines names, and the family's name as the other
sex carries it.

Polish, Czech, Slovak, Russian and Lithuanian put an ending on a name for its place in the
sentence ("Kowalskiego" and "Kowalskiemu" of Kowalski, "Kowalskiej" of Kowalska, "Karoliny"
and "Karolinie" of Karolina, "Wójcika" of Wójcik, "Kazlausko" of Kazlauskas), and a family's
name changes with the sex of who bears it ("Kowalska" is Kowalski's wife or daughter,
"Kazlauskienė" Kazlauskas's wife, "Kazlauskaitė" his daughter, "Nováková" Novák's). Agency
records copy what interpreters, letters from abroad and the family's own messages write, so
these forms reach the text.

The forms are made only for a name that looks like one of these languages' (its letters or its
family name's ending), so an English register gains nothing: "Paula" is never taken for Paul.
Everything here works on folded, lower-case words (accents off: "ą" is "a", "ė" is "e").
"""

import re
import unicodedata

# A name from a language that declines names: letters only these languages use, or a family
# name's ending.
_LETTERS = re.compile("[ąćęłńśźżčřěůšžėįųūťďňľĺŕāēīūģķļņ]", re.I)
_ENDINGS = re.compile(
    r"(?:[sc]ki|dzki|[sc]ka|dzka|sk[yiáýa]|wicz|owicz|ewicz|czyk|czak|owski|ewski|ińsk[ia]"
    r"|ov|ova|ová|ev|eva|ová|enko|auskas|iauskas|evičius|avičius|aitis|ėnas|ūnas|onis|ienė"
    r"|aitė|ytė|utė|iūtė|[aeiyu]k)$",
    re.I,
)
_SHORTEST = 4  # letters of a word that is declined: "Jan" and "Ewa" stay as they are


def declines(name: str) -> bool:
    """True when ``name`` (a person's whole name as registered) looks like one from a language
    that declines names."""
    words = re.findall(r"[^\W\d_]+", name)
    return bool(_LETTERS.search(name)) or any(_ENDINGS.search(_folded(w)) for w in words[1:])


def _soft(stem: str) -> str:
    """The stem before the "-e" of the Polish locative and dative: "Marta" -> "Marcie",
    "Alfred" -> "Alfredzie", "Agnieszka" -> "Agnieszce", "Olga" -> "Oldze"."""
    for hard, soft in (("st", "scie"), ("t", "cie"), ("d", "dzie"), ("r", "rze"), ("l", "le")):
        if stem.endswith(hard):
            return stem[: -len(hard)] + soft
    for hard, soft in (("k", "ce"), ("g", "dze"), ("ch", "sze")):
        if stem.endswith(hard):
            return stem[: -len(hard)] + soft
    return stem + "ie"


def case_forms(word: str, rarer: bool = True) -> set[str]:
    """The declined forms of one word of a name (folded, lower case), itself left out.
    ``rarer``: also the Czech, Slovak and Latvian forms that are written alone more than
    beside the rest of the name (possessives, "Petrovi", "Horváthom")."""
    w = word
    if len(w) < _SHORTEST or not w.isalpha():
        return set()
    out: set[str] = set()
    more: set[str] = set()
    if re.search(r"(?:[sc]|dz)k[iy]$", w):  # Kowalski, Nowicki, Czech Novotný-like -ský
        stem = w[:-1]
        out |= {stem + e for e in ("iego", "iemu", "im", "ich", "imi", "ie", "eho", "emu", "ym")}
        plural = {"sk": "scy", "ck": "ccy"}.get(stem[-2:], "cy")
        out.add(stem[:-2] + plural if plural != "cy" else stem[:-1] + plural)  # the Kowalscy
    elif re.search(r"(?:[sc]|dz)ka$", w) and len(w) > 5:  # Kowalska
        stem = w[:-1]
        out |= {stem + "iej", stem + "ie", stem + "e", stem + "ou", stem + "aja", stem + "oj"}
        # A first name that ends so ("Eliška") declines as a noun: "Elišce" (to), "Elišky"
        # (of), "Eliškou" (with), and "Eliščin" (hers).
        more |= {_soft(stem), stem + "y", stem + "u", stem[:-1] + "cin", stem[:-1] + "cina"}
    elif w.endswith(("iene", "aite", "yte", "ute")):  # Lithuanian wife's and daughter's names
        out |= {w + "s", w + "i", w[:-1] + "es", w[:-1] + "ei"}
    elif w.endswith(("ius", "ys", "is")) and len(w) > 5:  # Lithuanian: Adomavičius, Vilkaitis
        stem = w[:-3] if w.endswith("ius") else w[:-2]
        out |= {stem + e for e in ("iaus", "iui", "iu", "iumi", "io", "iui", "i", "iu", "yje")}
        if w.endswith("is"):  # Latvian: Jānis, Jāņa (of), Jānim (to), Jāni
            more |= {stem + e for e in ("im", "a", "i")}
    elif w.endswith("is") and len(w) == 5:  # a short Latvian name: "Jānim" (to) of Jānis
        more.add(w[:-2] + "im")
    elif w.endswith(("as", "us")) and len(w) > 5:  # Lithuanian: Kazlauskas, Jonas
        stem = w[:-2]
        out |= {stem + e for e in ("o", "ui", "a", "u", "e", "ai", "aus", "ams")}
    elif w.endswith(("ova", "eva")):  # Russian and Czech wives' names: Ivanova, Nováková
        stem = w[:-1]
        out |= {stem + e for e in ("oj", "oy", "u", "ou", "e", "y")}
        more.add(stem + "ej")  # Slovak: "Novákovej"
    elif w.endswith("a"):  # Karolina, Agnieszka, Zofia
        stem = w[:-1]
        hard = "i" if stem.endswith(("k", "g", "i", "l", "j")) else "y"
        out |= {stem + hard, _soft(stem), stem + "e", stem + "o", stem + "oj", stem + "u"}
        if w.endswith(("owa", "ewa")):  # Nowakowa: Nowakowej (declined as an adjective)
            out |= {stem + "ej", stem + "a"}
        if stem.endswith("i"):  # Zofia: Zofii, Zofię, Zofią
            out |= {stem + "i", stem + "e"}
        # Lithuanian: Jurgitos (of), Jurgitai (to), Jurgitoje (at); Latvian: Līgas (of)
        out |= {stem + "os", stem + "ai", stem + "oje"}
        more.add(stem + "as")
        # Czech: "Janin" (Jana's), "Janina", "Janiny"
        possessive = stem[:-1] + "c" if stem.endswith("k") else stem
        more |= {possessive + e for e in ("in", "ina", "iny")}
    elif w.endswith("e") and len(w) > 4 and w[-2] not in "aeiouy":
        # Lithuanian first names in -ė: Gintarės (of), Gintarei (to), Gintarėje (at)
        out |= {w + "s", w[:-1] + "ei", w + "je"}
    elif w[-1] not in "aeiouy":  # Wójcik, Alfred, Nowak, Ivanov, Novák
        soft = "iem" if w.endswith(("k", "g")) else "em"
        out |= {w + "a", w + "owi", w + soft, w + "u", _soft(w), w + "owie", w + "ow"}
        # Czech and Slovak: "Petrovi" (to), "Horváthom" (with), "Petrův" (his)
        out |= {w + "ovi", w + "ym", w + "ich"}
        more |= {w + "om", w + "uv", w + "ove"}
        for stem in _fleeting(w):
            soft = "iem" if stem.endswith(("k", "g")) else "em"
            out |= {stem + "a", stem + "owi", stem + soft, stem + "u", _soft(stem)}
    if rarer:
        out |= more
    out.discard(w)
    return {f for f in out if len(f) > len(w) - 2}


_VOWELS = "aeiouy"


def _fleeting(word: str) -> tuple[str, ...]:
    """The stem of a name whose last "e" drops when an ending is put on ("Kacper" -> "Kacpra",
    "Kacprem"; "Paweł" -> "Pawła"; "Marek" -> "Marka"; "Kaczmarek" -> "Kaczmarka"): the "e"
    between the last two consonants, taken out. (Both stems are made: "Walter" keeps its
    "e", "Waltera".) Only before the consonants it drops before: -ek, -eł, -er, -ec, -eń."""
    if len(word) >= 5 and re.search(r"[^aeiouy]e[klrcn]$", word):
        return (word[:-2] + word[-1],)
    return ()


def diminutives(word: str) -> set[str]:
    """The pet forms Polish, Czech, Slovak and Lithuanian make of a first name (folded, lower case), by their
    endings rather than from a list: the name's first syllable and the consonants after it with
    -ek, -uś, -cio, -eczek, -ka, -ula, -ukas, -utė ("Bartek", "Bartuś" of Bartosz, "Tomek" of
    Tomasz, "Piotrek" of Piotr, "Jurgutė" of Jurgita), its first consonants and vowel with
    -sia, -sio, -siek ("Basia" of Barbara, "Jasio" of Jan), and "-ek" forms as they decline
    ("Bartka", "Bartkiem", "Bartkowi")."""
    w = word
    if len(w) < 3 or not w.isalpha():
        return set()
    m = re.match(rf"([^{_VOWELS}]*[{_VOWELS}]+)([^{_VOWELS}]*)", w)
    if not m or not m[1] or (not m[2] and len(w) > len(m[1])):
        return set()
    opening, stem = m[1], m[1] + m[2]
    out: set[str] = set()
    if w[-1] not in _VOWELS and len(w) >= 4:
        # The whole name with the ending, as it declines: "Kacperek", "Pawełek", "Adamek";
        # "Kacperka", "Kacperkiem"; and "Mareczek" of Marek.
        out |= {w + e for e in ("ek", "ka", "kiem", "kowi", "ku", "us", "usia")}
        if w.endswith("ek"):
            out |= {w[:-1] + e for e in ("czek", "czka", "czkiem", "czku")}
    if m[2]:
        for ending in ("ek", "us", "cio", "eczek", "ka", "ula", "usia", "ukas", "ute"):
            out.add(stem + ending)
        # Czech and Slovak: "Janička", "Janinka", "Januška", "Petulka" and their vocatives
        # ("Janičko", "Terezko").
        for ending in ("icka", "inka", "uska", "ulka", "enka", "ko", "icko", "inko", "usko"):
            out.add(stem + ending)
        out |= {stem + e for e in ("ka", "kiem", "kowi", "ku")}  # Bartek declined
    if w[-1] in _VOWELS and len(w) >= 5 and w[-2] not in _VOWELS:
        # The same endings on the whole name but its last vowel: "Terezka", "Terezko" of
        # Tereza, "Zuzanka" (the first syllable alone gives "Terka", "Zuzka").
        whole = w[:-1]
        out |= {whole + e for e in ("ka", "ko", "icka", "icko", "inka", "inko", "ulka", "enka")}
    if len(opening) >= 2 and opening[0] not in _VOWELS:
        out |= {opening + e for e in ("sia", "sio", "siek", "siu", "sienka")}
    out.discard(w)
    return {f for f in out if len(f) >= 4}


def south_slavic_pets(word: str) -> set[str]:
    """The pet forms Bulgarian, Macedonian and Serbian make of a first name (folded, lower
    case), by their endings rather than from a list: the first syllable open with "-sho"
    ("Pesho" of Petar, "Tosho" of Todor); the first syllable and the consonants after it with
    "-i", "-ka", "-ko", "-cho" ("Tsveti", "Tsvetka" of Tsvetelina, "Radka" of Radostina,
    "Stefcho" of Stefan); a syllable from further in with "-ko", "-cho", "-ka", "-aka"
    ("Mitko", "Mitaka" of Dimitar, "Vancho" of Ivan, "Dancho" of Yordan); and the whole name
    ending in a consonant with "-cho", "-ko" ("Stoyancho", "Ivanko")."""
    w = word
    if len(w) < 4 or not w.isalpha():
        return set()
    out: set[str] = set()
    m = re.match(rf"([^{_VOWELS}]*[{_VOWELS}])([^{_VOWELS}]*)", w)
    if m and m[1][0] not in _VOWELS:
        out |= {m[1] + e for e in ("sho", "sha")}
    if m and m[2] and len(m[0]) >= 3:
        out |= {m[0] + e for e in ("i", "ka", "ko", "cho", "che")}
    for inner in re.finditer(rf"(?=([^{_VOWELS}][{_VOWELS}][^{_VOWELS}]))", w[1:]):
        out |= {inner[1] + e for e in ("ko", "cho", "ka", "aka")}
    if w[-1] not in _VOWELS:
        out |= {w + e for e in ("cho", "ko", "che")}
    out.discard(w)
    return {f for f in out if len(f) >= 4}


def other_sex(word: str) -> set[str]:
    """The family name as someone of the other sex carries it (folded, lower case):
    "kowalska" of "kowalski" and back, "kazlauskiene" and "kazlauskaite" of "kazlauskas",
    "novakova" of "novak", "ivanova" of "ivanov"."""
    w = word
    if len(w) < 5 or not w.isalpha():
        return set()
    if re.search(r"(?:[sc]|dz)k[iy]$", w):
        return {w[:-1] + "a"}
    if re.search(r"(?:[sc]|dz)ka$", w):
        return {w[:-1] + "i"}
    if w.endswith(("iene", "aite", "yte", "ute")):
        cut = 4 if w.endswith(("iene", "aite")) else 3
        stem = w[:-cut]
        sisters = {stem + "iene", stem + "aite", stem + "yte"} - {w}
        return {stem + "as", stem + "is", stem + "ys", stem + "us", stem + "ius"} | sisters
    if w.endswith(("as", "is", "ys")):
        stem = w[:-2]
        return {stem + "iene", stem + "aite", stem + "yte"}
    if w.endswith("ius"):
        stem = w[:-3]
        return {stem + "iene", stem + "iute"}
    if w.endswith(("ov", "ev", "in")):
        return {w + "a"}
    if w.endswith(("ova", "eva")):
        return {w[:-1]} | ({w[:-3]} if w.endswith("ova") and len(w) > 6 else set())
    if re.search(r"[^aeiouy]$", w) and re.search(r"(?:ak|ek|ik|uk|ec|ar|ny|ka)$", w):
        return {w + "ova", w + "owa"}  # Novák: Nováková
    return set()


def _folded(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word)
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


# The opening words of Yoruba names ("Oluwa-seyi", "Baba-tunde", "Ade-bayo", "Ayo-dele").
_YORUBA_OPENINGS = ("oluwa", "olu", "baba", "ade", "ayo", "oyin", "ola", "ife")
_YORUBA = re.compile(r"(?:(?:gb|kp|[bdfhjklmnprstwy])?[aeiou]n?)+")


def yoruba_rest(word: str) -> str | None:
    """The part of a Yoruba name after its opening word, the name it is called by ("Seyi" of
    Oluwaseyi, "Tunde" of Babatunde): three letters or more, beginning with a consonant, and
    the whole name spelled in Yoruba's syllables (a consonant and a vowel, perhaps an "n").
    None for any other name."""
    folded = _folded(word)
    if not _YORUBA.fullmatch(folded):
        return None
    for opening in _YORUBA_OPENINGS:
        rest = folded[len(opening) :]
        if folded.startswith(opening) and len(rest) >= 3 and rest[0] not in "aeiou":
            return word[len(opening) :].capitalize()
    return None


# A Finnish name: a family name in "-nen" (Virtanen, Korhonen, Nieminen), or the letters "ä" and
# "ö" with the language's long vowels and consonants ("Mäkelä", "Hämäläinen").
# A word with "ä" or "ö" ending in a vowel is Finnish (or Estonian) too: "Mäkelä", "Heikkilä",
# "Järvi".
_FINNISH = re.compile(
    r"\w{3,}nen\b|[äö].*(?:aa|ee|ii|uu|yy|ää|kk|pp|tt|ll)|[äö]\w*[aeiouy]\b|\w[äö]\b", re.I
)
# Finnish case endings after a name's stem: of, to, on, from, in, out of, as, into.
_FINNISH_CASES = ("n", "lle", "lla", "lta", "sta", "ssa", "ksi", "na", "a", "t")


def finnish(name: str) -> bool:
    """True when ``name`` (a person's whole name as registered) looks Finnish."""
    return bool(_FINNISH.search(name))


def finnish_forms(word: str) -> set[str]:
    """The case forms Finnish gives one word of a name (folded, lower case), itself left out:
    a name in "-nen" takes its endings on "-se-" ("Virtasen" of Virtanen, "Virtaselle"), a name
    ending in a vowel takes them as it is ("Ainon", "Ainolle" of Aino) and, with a doubled
    k, p or t before the vowel, on the single one too ("Mikon" of Mikko: consonant gradation).
    A name ending in another consonant takes them after an "i" ("Pekkaa", "Jussi"; "Ahtin")."""
    w = word
    if len(w) < 4 or not w.isalpha():
        return set()
    if w.endswith("nen") and len(w) >= 6:
        stem = w[:-3] + "se"
        out = {stem + e for e in _FINNISH_CASES if e not in ("a", "t")}
        out |= {w[:-3] + "sta", w[:-3] + "set", stem + "en", w[:-3] + "sia"}
    elif w[-1] in "aeiouyäö":
        stems = {w}
        if re.search(r"(kk|pp|tt)[aeiouy]$", w):
            stems.add(w[:-2] + w[-1])
        out = {s + e for s in stems for e in _FINNISH_CASES}
    else:
        out = {w + "i" + e for e in _FINNISH_CASES}
    out.discard(w)
    return out


# A Greek name: a family name with one of the language's endings ("Papadopoulos",
# "Georgiadis", "Nikolaidou", "Christodoulakis", "Konstantinou"), or a first name in "-os"
# beside a family name in "-os", "-is", "-as" or "-ou".
_GREEK_FAMILY = re.compile(
    r"(?:poulos|poulou|opoulos|idis|idou|iadis|akis|akos|atos|elis|oglou|iou|aki|ellis)$"
)


def greek(name: str) -> bool:
    """True when ``name`` (a person's whole name as registered) looks Greek."""
    words = [_folded(w) for w in re.findall(r"[^\W\d_]+", name)]
    if len(words) < 2:
        return False
    return bool(_GREEK_FAMILY.search(words[-1])) or (
        words[0].endswith("os") and re.search(r"(?:os|is|as|ou)$", words[-1]) is not None
    )


def greek_forms(word: str) -> set[str]:
    """The forms Greek gives one word of a name (folded, lower case), itself left out: a name
    in "-os" is "-ou" (of; and a woman's family name: "Papadopoulou" is Papadopoulos's wife or
    daughter), "-o" and "-e" (called: "Konstantine"); in "-is" "-i"; in "-as" "-a"; in "-es"
    "-e"."""
    w = word
    if len(w) < 5 or not w.isalpha():
        return set()
    stem, end = w[:-2], w[-2:]
    forms = {"os": ("ou", "o", "e"), "is": ("i", "ou"), "as": ("a",), "es": ("e",)}
    return {stem + e for e in forms.get(end, ())}


# A Romanian name: its letters ("ș", "ț", "ă", "â", "î", either "ș" or "ş"), or a family name
# in "-escu", "-eanu", "-anu", "-aru".
_ROMANIAN = re.compile("[șşțţăâ]|(?:escu|eanu|anu|aru|oiu)\\b", re.I)


def romanian(name: str) -> bool:
    """True when ``name`` (a person's whole name as registered) looks Romanian."""
    return bool(_ROMANIAN.search(name))


def romanian_forms(word: str) -> set[str]:
    """The forms Romanian gives one word of a name (folded, lower case), itself left out: of
    and to with "-ului" after a consonant or "-lui" after "-u" ("Țurcanului"), "-ei" for a
    name in "-a" ("Mariei"), and called with "-e" ("Ștefane")."""
    w = word
    if len(w) < 4 or not w.isalpha():
        return set()
    if w.endswith("u"):
        return {w + "lui"}
    if w.endswith("a"):
        return {w[:-1] + "ei"}
    if w[-1] not in "aeiouy":
        return {w + "ului", w + "e", w + "ule"}
    return set()


def hungarian_wife(word: str) -> str | None:
    """The name inside a Hungarian married woman's name ("Szabó" of "Szabóné": Mrs Szabó), as
    written; None when ``word`` is no such name."""
    if len(word) >= 5 and word.endswith("né") and word[:-2].isalpha():
        return word[:-2]
    return None


def hungarian(name: str) -> bool:
    """True when ``name`` (a person's whole name as registered) looks Hungarian: the letters
    and spellings of the language ("ő", "ű", "cs", "gy", "zs", "sz", "Horváth") and one of its
    accents, or a word ending in a long "ó" or "ú" after a consonant ("Ildikó Fekete")."""
    return bool(
        re.search(r"[őű]|cs|gy|zs|sz|[áóé]th\b", name, re.I)
        and re.search("[áéíóöőúüű]", name, re.I)
    ) or bool(_HUNGARIAN_LONG_END.search(name))


# A word ending in a consonant and a long "ó" or "ú", as Hungarian names do and English,
# Spanish and Portuguese ones rarely do ("Ildikó", "Anikó", "Szabó", "Bíró", "Hajdú").
_HUNGARIAN_LONG_END = re.compile(r"[^\W\d_aeiouyáéíóöőúüű][óú](?![^\W\d_])", re.I)


def hungarian_pets(word: str) -> set[str]:
    """The pet names Hungarian makes of a given name (folded, lower case): its first syllable
    and the consonants after its vowel, with "-i" and then "-ka" or "-ke" ("Timi", "Timike" of
    Tímea; "Zsuzsi", "Zsuzsika" of Zsuzsanna; "Kati", "Katika" of Katalin); of four letters or
    more."""
    m = re.match(r"[^aeiou]*([aeiou])[^aeiou]+", word)
    if not m or not word.isalpha() or m.end() >= len(word):
        return set()
    stem = m.group(0)
    little = "ike" if m[1] in "ei" else "ika"
    return {form for form in (stem + "i", stem + little) if len(form) >= 4 and form != word}


# ---- Mandarin given names in pinyin -----------------------------------------------------------
# A syllable of pinyin: an initial (or none), then a final. Written without tone marks as
# registers and agencies type them.
_PINYIN_INITIAL = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])"
_PINYIN_FINAL = (
    "(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|ia|ie"
    "|iu|in|ua|uo|ui|un|ue|ve|a|o|e|i|u|v)"
)
_SYLLABLE = re.compile(f"{_PINYIN_INITIAL}?{_PINYIN_FINAL}")
_SYLLABLE_WITH_INITIAL = re.compile(f"{_PINYIN_INITIAL}{_PINYIN_FINAL}")
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1")


def _syllables(word: str) -> list[str] | None:
    """``word`` (folded, lower case) as one or two pinyin syllables of two letters or more,
    the second with its initial ("zihan": "zi", "han"; pinyin writes "Xi'an" where a syllable
    starts with a vowel); None when it is not."""
    if not word.isalpha() or _DOUBLED.search(word):
        return None
    if len(word) >= 2 and _SYLLABLE.fullmatch(word):
        return [word]
    for cut in range(2, len(word) - 1):
        left, right = word[:cut], word[cut:]
        if _SYLLABLE.fullmatch(left) and _SYLLABLE_WITH_INITIAL.fullmatch(right):
            return [left, right]
    return None


def pinyin_syllables(word: str) -> list[str]:
    """``word``'s pinyin syllables ("zixuan": "zi", "xuan"); empty when it is no pinyin of one
    or two syllables."""
    return _syllables(word) or []


def pinyin(name: str) -> bool:
    """True when every word of ``name`` reads as one or two syllables of pinyin and one of
    them is one syllable, the family name ("Wang Zihan", "Li Jiaxin"): a Mandarin name."""
    words = [_folded(w) for w in re.findall(r"[^\W\d_]+", name)]
    if len(words) < 2:
        return False
    split = [_syllables(w) for w in words]
    return all(split) and any(len(s) == 1 for s in split) and any(len(s) == 2 for s in split)


def pinyin_forms(word: str) -> set[str]:
    """How a two-syllable Mandarin given name (folded, lower case) is also written and called:
    its syllables apart ("zi han", with a space or a hyphen), either syllable doubled as a pet
    name ("hanhan", "zizi"; of three letters or more, so no "nana"), and either syllable
    after "Xiao" (little) or the "Ah" of southern Chinese ("xiao han", "ah han")."""
    syllables = _syllables(word)
    if not syllables or len(syllables) != 2:
        return set()
    out = {" ".join(syllables)}
    for s in syllables:
        if len(s) >= 3:
            out.add(s + s)
        out |= {f"xiao {s}", f"ah {s}"}
    return out


# ---- Japanese long vowels ---------------------------------------------------------------------
_LONG_VOWELS = {
    "ā": ("aa",),
    "ī": ("ii",),
    "ū": ("uu", "uh"),
    "ē": ("ee", "ei"),
    "ō": ("ou", "oo", "oh"),
}


def long_vowel_spellings(name: str) -> set[str]:
    """A name written with long vowels marked (the macron of Japanese romanisation: "Kōno",
    "Yūto") as other romanisations and keyboards write them: "Kouno", "Koono", "Kohno",
    "Yuuto". (The vowel written plain, "Kono", is what folding gives already.)"""
    if not any(v in name.lower() for v in _LONG_VOWELS):
        return set()
    out = set()
    for i in range(3):
        table = {v: ways[min(i, len(ways) - 1)] for v, ways in _LONG_VOWELS.items()}
        table |= {v.upper(): w.capitalize() for v, w in table.items()}
        out.add("".join(table.get(c, c) for c in name))
    return out


# ---- Gaelic "Nic" and "Mac" run into the family name ------------------------------------------
_GLUED_GAELIC = re.compile(r"\b(Nic|Mhic|Ní|Ó|Uí)(?=[A-ZÀ-ÖØ-Þ])")


def gaelic_spaced(name: str) -> str | None:
    """A Gaelic name written with its "Nic", "Mhic", "Ní" or "Ó" run into the family name and
    the family name's capital kept ("Catrìona NicDhòmhnaill") as it is also written apart
    ("Nic Dhòmhnaill"), so the family name is found alone too; None when there is none.
    ("Mac" and "Mc" are written apart by the anonymiser's own rule for them.)"""
    spaced = _GLUED_GAELIC.sub(r"\1 ", name)
    return spaced if spaced != name else None


_GAELIC_MARKS = re.compile(
    r"[àèìòù]|(?<![^\W\d_])(?:Nic|Ní|Ó|Uí|Mhic|Ua)(?![^\W\d_])|(?<![^\W\d_])(?:Nic|Mac)[A-Z]"
)


def gaelic(name: str) -> bool:
    """True when ``name`` (a person's whole name as registered) is written as Scottish or
    Irish Gaelic writes names: a grave accent ("Màiri"), or "Nic", "Ní", "Ó", "Uí", "Mhic"
    as a word or "Mac"/"Nic" run into the family name ("NicLeòid")."""
    return _GAELIC_MARKS.search(name) is not None


# ---- Georgian pet names ----------------------------------------------------------------------
def georgian(name: str) -> bool:
    """True when ``name``'s family name ends as Georgian family names do ("Beridze",
    "Gelashvili", "Kapanadze"): its last word, of six letters or more."""
    words = re.findall(r"[^\W\d_]+", _folded(name))
    return (
        len(words) > 1
        and len(words[-1]) >= 6
        and re.search(r"(?:shvili|dze)$", words[-1]) is not None
    )


def georgian_pets(word: str) -> set[str]:
    """The pet names Georgian makes of a given name (folded, lower case) with "-iko", "-uka"
    and "-ika", on the name or the name without its last vowel: "Ninuka", "Niniko" of Nino;
    "Tamriko" of Tamar, the vowel before a last consonant dropped as the ending is added."""
    stems = {word[:-1] if len(word) >= 4 and word[-1] in "aeiou" else word}
    if len(word) >= 5 and re.fullmatch(r".*[^aeiou][aeiou][lmnr]", word):
        stems.add(word[:-2] + word[-1])
    out = {stem + e for stem in stems if len(stem) >= 3 for e in ("iko", "uka", "ika")}
    # The first syllable and the consonant after it, with "-i", "-o", "-ino", "-una", "-uka",
    # "-iko" ("Keti", "Keto", "Ketino", "Ketuna" of Ketevan; "Tamuna" of Tamar), and the
    # first syllable open with "-ko" ("Tako" of Tamar, "Mako" of Mariam).
    m = re.match(r"[^aeiou]*[aeiou]([^aeiou])?", word)
    if m and len(word) >= 5:
        if m[1]:
            first = m.group(0)
            out |= {first + e for e in ("i", "o", "ino", "una", "uka", "iko")}
            out.add(first[:-1] + "ko")
    out.discard(word)
    return {form for form in out if len(form) >= 4}


# Hungarian case endings, put on a name as written ("Tímeát", "Tímeának", "Tímeával",
# "Szalaiék"; folded, the lengthened last vowel is the plain one): after a vowel, and after a
# consonant (with a linking vowel, or "-val"/"-vel" taking the consonant's sound: "Kardossal").
_HUNGARIAN_CASES = (
    "nak nek val vel ban ben ba be bol hoz hez tol rol ra re nal nel ert ig ek eknek eket"
    " ekkel eke e"
).split()


def hungarian_forms(word: str) -> set[str]:
    """The case forms Hungarian gives one word of a name (folded, lower case), itself left
    out: the accusative ("Tímeát", "Kardost"), the dative, the instrumental, the places and
    the family's "-ék" ("Szalaiék", "the Szalais"); of five letters or more."""
    w = word
    if len(w) < 4 or not w.isalpha():
        return set()
    out = {w + e for e in _HUNGARIAN_CASES}
    if w[-1] in "aeiouy":
        out |= {w + "t", w + "n"}
    else:
        out |= {w + e for e in ("ot", "et", "on", "en")}
        out |= {w + w[-1] + e for e in ("al", "el")}  # "Kardossal", "Péterrel"
    out.discard(w)
    return {form for form in out if len(form) >= 5}


# Turkish and Azerbaijani names: a letter only those alphabets write ("ə", "ğ", "ı", "ş"), or a
# family name of their customs ("Guliyev", "Məmmədzadə", "Hüseynoğlu", "Əliyeva").
# (No re.I: it would let "ı" match the "i" of any name.)
_TURKIC_LETTERS = re.compile("[əğışƏĞŞİ]")
_TURKIC_FAMILY = re.compile(r"(?:[iy]yev|[iy]yeva|zad[eəa]|o[gğ]lu|o[gğ]ly|q[iı]z[iı]|k[iı]z[iı])$")
# Case and possessive endings written on a name with no apostrophe, as the languages write
# them ("Ayselin" her, "Ayseli", "Aysələ", "Ayseldən", "Ayselle"), and the pet endings ("-cik",
# "-can", "-cım"), folded and in each vowel of the harmony, after a consonant and a vowel.
_TURKIC_AFTER_CONSONANT = (
    "in un i u a e da de ta te dan den tan ten la le im um ler lar cik can cim"
    " larin lerin lari leri lara lere"
).split()
_TURKIC_AFTER_VOWEL = (
    "nin nun yi yu ya ye da de dan den yla yle m ler lar cik can cim larin lerin lari leri"
).split()


def turkic(name: str) -> bool:
    """True when ``name`` (as registered, with its letters) is Turkish or Azerbaijani by a
    letter or its family name's ending."""
    if _TURKIC_LETTERS.search(name):
        return True
    words = re.findall(r"[^\W\d_]+", name)
    return len(words) > 1 and any(_TURKIC_FAMILY.search(w.lower()) for w in words[1:])


def turkic_forms(word: str) -> set[str]:
    """``word`` (folded, lower case) with the case, possessive and pet endings written on it
    ("aysel": "ayselin", "ayseli", "ayselde", "ayselcan"); words of four letters or more."""
    if len(word) < 4 or not word.isalpha():
        return set()
    endings = _TURKIC_AFTER_VOWEL if word[-1] in "aeiouy" else _TURKIC_AFTER_CONSONANT
    return {word + e for e in endings}


def icelandic_other(word: str) -> set[str]:
    """An Icelandic father's name as a son or a daughter carries it (folded, lower case):
    "einarsdottir" of "einarsson" and back; and "einarsdottur", "einarssonar" as the
    language declines them."""
    if len(word) > 6 and word.endswith("sson"):
        stem = word[:-3]
    elif len(word) > 8 and word.endswith(("sdottir", "sdottur")):
        stem = word[:-6]
    else:
        return set()
    return {stem + "son", stem + "sonar", stem + "dottir", stem + "dottur"} - {word}
