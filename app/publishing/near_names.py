"""Names spelled like a registered one, and the short forms of a registered name: "Muhammad"
in the text when the register holds "Mohammed", "Kathryn" for "Catherine", "Shivaun" for
"Siobhan"; "Alfie" for "Alfred", "Bex" for "Rebecca", "Kaz" for "Karolina", "Jimmy" for
"James".

Agencies spell a family's names in their own ways and people write the names they use, and the
register holds the forms the author thought of. A form it does not hold would be published as
written, so the release check asks about each: the same person (add it to their other names)
or someone else (waive it).

A word counts only when the text writes it as a name: with a capital inside a sentence (after a
word in lower case, a comma or a bracket), or at the start of a sentence when the texts never
write it in lower case, it is not a heading or a label, and it is the registered name spelled
as said to a letter ("Kathryn asked" is asked about; "Mission statements" is not, because
"mission" is written elsewhere, nor "Themes:" for Thomas). It must sound like a registered name
(the same consonants, as said) and be spelled close to it once spelling that does not change
the sound is put aside (C and K, PH, V and F, silent H, Y for I, a final E, doubled letters,
accents): "Mission" is not "Mason". A short form is a piece of a registered first name (its
start or the name without its first syllable) with a pet ending ("Alf", "Alfie", "Becca",
"Tash", "Bex"), the first sound and a Z ("Kaz", "Shaz"), or a well-known short form ("Jimmy",
"Dai", "Biddy"). A short form of four letters or more in capitals ("ALFIE'S STORY") counts as
one at the start of a sentence does (a spelling that sounds like a name in capitals may be an
acronym: "MASH", "MARAC").
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from app.publishing.anonymise import (
    _ORGANISATION_WORDS,
    ABBREVIATIONS,
    PARENT_WORDS,
    PARTICLES,
    TITLES,
    edits_apart,
    fold,
    mutations,
    plain,
)
from app.publishing.inflections import (
    declines,
    diminutives,
    gaelic,
    south_slavic_pets,
    yoruba_rest,
)
from app.publishing.register import RegisterEntry
from app.publishing.spans import OTHER_TITLES

_SHORTEST = 4  # letters of a registered name part compared by its spelling: "Ann" is left
# to the register, but a three-letter word that sounds exactly the same counts ("Jon", "John")

# Short forms that are not a piece of the name (by full name, folded, lower case).
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "alfred": ("alf", "alfie", "fred", "freddie", "freddy"),
    "alexander": ("sasha", "sandy", "sacha"),
    "alexandra": ("sasha", "sandy", "sandra"),
    "ann": ("annie", "nan", "nancy"),
    "anne": ("annie", "nan", "nancy"),
    "anthony": ("tony",),
    "antonia": ("toni",),
    "barbara": ("babs",),
    "bridget": ("biddy", "bridie", "bid"),
    "catherine": ("kate", "katie", "kitty", "kay", "cathy", "kath", "kathy"),
    "charles": ("charlie", "chas", "chaz", "chuck"),
    "christopher": ("kit", "topher"),
    "dafydd": ("dai", "dewi", "dave", "davy"),
    "david": ("dai", "dave", "davy", "davey"),
    "edward": ("ted", "teddy", "ned", "eddie", "eddy"),
    "eleanor": ("nell", "nellie", "ellie"),
    "elizabeth": ("liz", "lizzie", "lizzy", "beth", "betty", "bess", "bessie", "libby", "lisa"),
    "frances": ("fran", "fanny", "frankie"),
    "francis": ("frank", "frankie"),
    "henry": ("harry", "hal", "hank"),
    "james": ("jim", "jimmy", "jimbo", "jamie", "jay"),
    "john": ("jack", "johnny", "jonny", "jock"),
    "jonathan": ("jon", "jonny", "johnny"),
    "katherine": ("kate", "katie", "kitty", "kay", "cathy", "kath", "kathy"),
    "kathryn": ("kate", "katie", "kitty", "kay", "cathy", "kath", "kathy"),
    "margaret": ("maggie", "meg", "peggy", "peg", "madge", "marge", "greta", "rita"),
    "malgorzata": ("gosia", "gosha"),
    "mary": ("polly", "molly", "mae", "mamie"),
    "michael": ("mick", "micky", "mickey", "mike", "mikey"),
    "mohammed": ("mo", "moe"),
    "muhammad": ("mo", "moe"),
    "mohammad": ("mo", "moe"),
    "natalia": ("tala", "natka"),
    "natasha": ("tash", "tasha", "nat"),
    "jennifer": ("jen", "jenny", "jenna"),
    "samantha": ("sam", "sammy", "sammie"),
    "stephanie": ("steph", "steff"),
    "christine": ("chris", "chrissy", "tina"),
    "christina": ("chris", "chrissy", "tina"),
    "victoria": ("vicky", "vicki", "tori"),
    "oluwaseun": ("seun",),
    "patricia": ("pat", "patty", "trish", "tricia"),
    "patrick": ("paddy", "pat"),
    "rebecca": ("bex", "becks", "becky", "becca"),
    "richard": ("dick", "rick", "ricky", "richie", "rich"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert", "bertie"),
    "sarah": ("sally", "sadie"),
    "susan": ("sue", "susie", "suzy"),
    "theodore": ("ted", "teddy", "theo"),
    "william": ("bill", "billy", "will", "willie", "liam"),
    "wojciech": ("wojtek",),
    "aleksander": ("olek", "olo"),
    # Polish diminutives
    "tomasz": ("tomek", "tomcio", "tomus"),
    "piotr": ("piotrek", "piotrus"),
    "pawel": ("pawelek",),
    "krzysztof": ("krzys", "krzysiek"),
    "agnieszka": ("aga", "agusia"),
    "magdalena": ("magda",),
    "aleksandra": ("ola", "olka", "sasha", "shura", "sanya"),
    "joanna": ("asia", "joasia"),
    "anna": ("ania", "anka"),
    "zofia": ("zosia",),
    "stanislaw": ("stas", "staszek"),
    "michal": ("michas",),
    "lukasz": ("lukas",),
    "jan": ("janek",),
    # Akan day names and their other spellings and short forms (Ghana)
    "kwabena": ("kobby", "kobina", "ebo", "kobi"),
    "kwadwo": ("kojo", "jojo", "kwadjo"),
    "kwaku": ("kweku", "kuuku", "kwaku"),
    "kwasi": ("kwesi", "akwasi", "siisi"),
    "kwame": ("kwamena", "kwamina", "kwamz"),
    "kofi": ("fiifi",),
    "yaw": ("ekow",),
    "akosua": ("esi", "sisi"),
    "adwoa": ("adjoa", "ajoa", "adjo"),
    "abena": ("araba", "abenaa"),
    "akua": ("ekua", "kuukua"),
    "afua": ("efua", "afia", "efia"),
    "yaa": ("aba",),
    "ama": ("ameyo", "amma"),
    "katarzyna": ("kasia", "kaska", "kasienka"),
    # Romanian and Hungarian pet names that are no piece of the name
    "ion": ("nelu", "ionel", "ionica", "nutu"),
    "ionut": ("nelu", "ionel", "nutu"),
    "ionel": ("nelu",),
    "gheorghe": ("ghita", "gigi", "gica"),
    "constantin": ("costel", "costica", "titi", "dinu"),
    "vasile": ("sile", "vasilica"),
    "istvan": ("pisti", "pista"),
    "laszlo": ("laci",),
    "jozsef": ("jozsi", "joska"),
    "erzsebet": ("erzsi", "zsoka", "bozsi"),
    # Welsh
    "tomos": ("twm", "tomi"),
    "gwilym": ("gwil", "wil"),
    "llywelyn": ("llew", "llyw"),
    "iorwerth": ("iolo", "yorath"),
    "gwenllian": ("gwen", "gwenno"),
    "angharad": ("angh", "hari"),
    # Russian and Ukrainian: the pet name is the root of it (its forms with -ka, -enka,
    # -ochka, -ko are made by rule, see ``table_forms``)
    "aleksandr": ("sasha", "shura", "sanya"),
    "oleksandr": ("sasha", "sashko", "olek"),
    "oleksandra": ("sasha", "lesya"),
    "dmitri": ("dima", "mitya"),
    "dmitriy": ("dima", "mitya"),
    "dmytro": ("dima", "dmytryk"),
    "ekaterina": ("katya", "katia", "katyusha"),
    "yekaterina": ("katya", "katia"),
    "kateryna": ("katya", "katia", "katrusya"),
    "mikhail": ("misha",),
    "mykhailo": ("misha", "mykhas"),
    "mariya": ("masha", "marusya"),
    "natalya": ("natasha", "nata"),
    "nataliya": ("natasha", "nata"),
    "tatyana": ("tanya",),
    "tetiana": ("tanya",),
    "vladimir": ("volodya", "vova", "vlad"),
    "volodymyr": ("volodya", "vova", "vlad"),
    "aleksei": ("lyosha", "alyosha"),
    "oleksiy": ("lyosha", "olek"),
    "yevgeny": ("zhenya",),
    "yevgeniya": ("zhenya",),
    "nikolai": ("kolya",),
    "mykola": ("kolya",),
    "olga": ("olya",),
    "elena": ("lena",),
    "olena": ("lena", "olenka"),
    "sergei": ("seryozha", "serezha"),
    "serhiy": ("seryozha", "serhiyko"),
    "ivan": ("vanya",),
    "pavel": ("pasha",),
    "anastasia": ("nastya", "asya"),
    "anastasiya": ("nastya", "asya"),
    "svetlana": ("sveta",),
    "lyudmila": ("lyuda", "mila"),
    "konstantin": ("kostya",),
    "andrei": ("andryusha",),
    "boris": ("borya",),
    "yuri": ("yura",),
    "irina": ("ira",),
    "iryna": ("ira",),
    # Greek
    "konstantinos": ("kostas", "dinos", "kostis", "ntinos"),
    "georgios": ("giorgos", "yiorgos"),
    "eleni": ("lena", "lenio", "elenitsa"),
    "ioannis": ("giannis", "yiannis"),
    "dimitrios": ("mitsos", "dimitris", "takis"),
    "panagiotis": ("panos", "takis"),
    "vasileios": ("vasilis", "vasos"),
    "athanasios": ("thanasis", "sakis"),
    "evangelos": ("vangelis",),
    "aikaterini": ("katerina", "katina"),
    "christos": ("christakis",),
    "charalambos": ("babis", "bambos"),
    # Italian
    "giuseppe": ("peppe", "beppe", "pino", "peppino"),
    "francesco": ("checco", "cecco", "franco"),
    "giovanni": ("gianni", "nanni", "vanni"),
    "salvatore": ("toto", "turi", "salvo"),
    "vincenzo": ("enzo",),
    "domenico": ("mimmo",),
    "luigi": ("gigi",),
    "gaetano": ("tano",),
    "antonio": ("toto", "nino", "tonino"),
    # Irish
    "padraig": ("paidi", "paddy", "paudie"),
    "seamus": ("shay",),
    "sean": ("seanie",),
    "diarmuid": ("dermot",),
    # Spanish and Portuguese
    "fernando": ("nando", "ferdi", "ferdie"),
    "francisco": ("paco", "pancho", "curro", "chico"),
    "jose": ("pepe", "pepito"),
    "ignacio": ("nacho",),
    "manuel": ("manolo", "manu"),
    "enrique": ("quique",),
    "dolores": ("lola",),
    "concepcion": ("concha", "conchita"),
    "rosario": ("charo",),
    "guadalupe": ("lupe",),
    "jesus": ("chuy", "chucho"),
    "harriet": ("hattie", "hatty", "hetty", "harri"),
    # Kikuyu: the "Wanj-" of a clan name said "Sh-"
    "wanjiru": ("shiro", "shiru", "njiru"),
    "wanjiku": ("shiku", "jiku"),
    # Hausa pet names of Arabic names
    "hadiza": ("dije", "dijatu", "diza"),
    "khadija": ("dije", "dija", "khadi"),
    "aishatu": ("shatu", "aisha"),
    "aisha": ("shatu",),
    "fatima": ("fati", "fatu", "tima"),
    "hauwa": ("hauwau",),
    "maryam": ("mairo", "maimuna"),
    "zainab": ("zainu", "zee"),
    "abdullahi": ("abdul", "dullah"),
    "ibrahim": ("ibro", "ibbo"),
    "abubakar": ("bako",),
    "muhammadu": ("mamman", "mamuda"),
    # Hebrew and Yiddish
    "yosef": ("yossi", "yossel", "yoske", "yoshke"),
    "moshe": ("moishe", "moishy", "moishele"),
    "avraham": ("avi", "avrumi", "avrum", "avremel"),
    "yitzchak": ("itzik", "itche", "yitzy"),
    "menachem": ("mendy", "mendel"),
    "rivka": ("rivky", "rivkie", "rivkele"),
    # Czech, Slovak, Serbian, Icelandic, Dutch
    "petr": ("peta", "petulka", "petricek"),
    "dorde": ("dole", "doka", "djole", "djoka"),
    "sigridur": ("sigga", "siggi"),
    "pieter": ("piet", "pietje"),
}
# The same name in other spellings ("Aleksandra" and "Alexandra"): the table by its spelling
# as said.
_BY_SOUND: dict[str, tuple[str, ...]] = {}
# Russian and Ukrainian pet endings on a pet name ("Sashka", "Sashenka", "Sashko" of Sasha).
_SLAVIC_PET = ("ka", "enka", "ochka", "ko", "ulya", "un")
# Endings people put on a short form: "Alf-ie", "Beck-y", "Bec-s", "Tash-a", "Dann-o".
_ENDINGS = ("", "i", "ie", "ei", "o", "s", "a")
# Yiddish and German pet endings on a short form: "Yoss-ele" of Yosef, "Rivk-ale" of Rivka.
_LONG_ENDINGS = ("ele", "ale")
# Words of the calendar, offices and others that sound like a name or a piece of one ("Chair"
# like "Kaur"): never a name.
_NEVER_NAMES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday christmas easter god lord
    chair chairs author authors reviewer lead member members officer manager nurse doctor
    worker head director deputy assistant consultant chief senior panel board
    english welsh irish scottish british polish french german spanish italian portuguese
    romanian hungarian czech slovak somali arabic urdu punjabi bengali tamil kurdish greek
    turkish russian ukrainian chinese korean vietnamese""".split()
) | frozenset(w.casefold() for w in PARENT_WORDS)  # "Ammi", "Abbu": a mother, a father
# Titles of other languages ("Khun", "Daw"): before a name, what someone is called, not who.
_TITLES_OF_OTHERS = frozenset(fold(w).casefold() for w in OTHER_TITLES)
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
# Words that begin sentences and are never a name.
_STARTERS = frozenset(
    """the this that these those there then they their them when what while where which who
    after before during following since until once also and but for from into with within
    she he her his its our we you your it in on at by of to as if so not no yes all any
    each every some many most much more other another such both either neither one two
    three here how why again later soon""".split()
)


@lru_cache(maxsize=16384)
def _spelling(word: str, final_e: bool = False) -> str:
    """A name spelled as it sounds: the spellings of one sound made one ("ph", "v" and "bh"
    are "f"; "c" before a hard vowel, "ck", "ch" and "q" are "k"; "y" is "i"; an "h" after a
    letter is silent; "gh" before a consonant is silent; a final "e" after a consonant is
    silent; "-tion" and "-sion" are "x"), doubled letters once."""
    w = re.sub(r"[^a-z]", "", fold(word).lower())
    if not w:
        return ""
    # "X": the sound of "-tion" (not at a name's start: "Tsion" is "Tsiyon")
    w = re.sub(r"(?<=\w\w)(?:s?sion|tion)", "X", w.replace("x", "ks"))
    w = re.sub(r"gh(?![aeiouy])", "", w)
    for pair, sound in (("ph", "f"), ("bh", "f"), ("mh", "f"), ("ck", "k"), ("ch", "k")):
        w = w.replace(pair, sound)
    for pair, sound in (("th", "t"), ("sh", "s"), ("dh", "d"), ("kh", "k"), ("gh", "g")):
        w = w.replace(pair, sound)
    w = re.sub(r"c(?=[eiy])", "s", w)
    w = w.translate(str.maketrans({"c": "k", "q": "k", "z": "s", "v": "f", "y": "i"}))
    w = w[:1] + w[1:].replace("h", "")
    if len(w) > 3 and not final_e:
        w = re.sub(r"(?<=[^aeiou])e$", "", w)
    return re.sub(r"(.)\1+", r"\1", w)


@lru_cache(maxsize=16384)
def sound_key(word: str) -> str:
    """The consonants of a name as it sounds, its first letter kept: Mohammed, Muhammad and
    Mohamed are "mmd"; Stephen and Steven "stfn"; Catherine and Kathryn "ktrn"; Siobhan and
    Shivaun "sfn"."""
    w = _spelling(word)
    if not w:
        return ""
    return w[0] + re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouw]", "", w[1:]))


def _v_for_w(word: str) -> str:
    """``word`` with a "w" before a vowel written "v", as German and Polish write the sound
    other languages write "v" ("Kowalenko" of Kovalenko, "Wladimir" of Vladimir)."""
    return re.sub(r"w(?=[aeiouy])", "v", word.lower())


def _french_spelt(word: str) -> str:
    """``word`` as English spells what French transliteration of Arabic and of West and North
    African names writes: "ou" before a vowel is "w" ("Ouahiba" of Wahiba, "Ouafae"), "dj" is
    "j" ("Khadidja", "Djamel"), "ch" is "sh" ("Chérif" of Sharif)."""
    w = re.sub(r"ou(?=[aeiy])", "w", word.lower())
    return w.replace("dj", "j").replace("ch", "sh")


def spellings_apart(a: str, b: str) -> int:
    """Edits (a letter changed, added or left out) from one spelling to the other."""
    return edits_apart(fold(a).lower(), fold(b).lower())


def sounds_alike(word: str, registered: str) -> bool:
    """True when ``word`` is another spelling of the registered name ``registered``: the same
    consonants as said, and a letter or two apart once spelled as said (Catherine, Kathryn and
    Katharine; Siobhan and Shivaun; Aisha and Ayesha; Jon and John)."""
    if fold(word).casefold() == fold(registered).casefold():
        return False
    if sound_key(word) != sound_key(registered) and sound_key(_v_for_w(word)) != sound_key(
        _v_for_w(registered)
    ):
        return False
    a, b = _spelling(word), _spelling(registered)
    shortest = min(len(word), len(registered))
    if shortest < _SHORTEST:
        return a == b
    allowed_raw = 3 if len(registered) >= 7 else 2 if len(registered) >= 5 else 1
    if spellings_apart(word, registered) <= allowed_raw:
        return True
    if min(len(a), len(b)) < 4:
        return a == b  # "Care" is not "Kaur"
    return spellings_apart(a, b) <= (2 if min(len(a), len(b)) >= 6 else 1)


def z_form(word: str, name: str) -> bool:
    """True when ``word`` is the first sound of ``name`` and a Z, as British English makes a
    short form ("Kaz" of Karolina and Karen, "Shaz" of Sharon, "Baz" of Barry)."""
    w, n = fold(word).lower(), _spelling(name)
    m = re.fullmatch(r"([^aeiou]+[aeiou])(?:z|zz[aeiy]e?)", w)
    if not m or len(n) < 4:
        return False
    start = _spelling(m[1])
    return n.startswith(start) and n[len(start) : len(start) + 1] not in "aeiou"


def short_forms(name: str, strong: bool = False, tails: bool = True) -> set[str]:
    """The spellings (as ``_spelling`` gives them) of the short forms of a first name: a piece
    of it from its start ("alf" of Alfred) or without its first letters ("beka" of Rebecca,
    or "bek" without its last vowel) with a pet ending, and the well-known ones that are no
    piece of it ("jimi" of James). ``strong``: only those that are no English word as well
    (where a capital says nothing, at the start of a sentence: "Stay" is "Sta-" of Stacey
    with an ending): a piece of four letters or more, a piece with "ie" ("Alfie"), or one
    from the table."""
    spelled = _spelling(name, final_e=True)
    pieces: set[str] = set()
    if len(spelled) >= 4:
        for end in range(3, len(spelled)):
            pieces.add(spelled[:end])  # "alf", "alfr", "alfre"
        for start in range(1, len(spelled) - 3) if tails else ():
            tail = spelled[start:]
            pieces.add(tail)  # "beka", "tasa", "emeka"
            if tail[-1] in "aeiou" and tail[-2] not in "aeiou":
                pieces.add(tail[:-1])  # "tas", "bek"
    out = {p + e for p in pieces for e in _ENDINGS if not strong or len(p) >= 4 or e == "ie"}
    # The whole name with a pet ending: "Dawnie", "Marky", "Jacko".
    if len(spelled) >= 3 and spelled[-1] not in "aeiou":
        out |= {spelled + e for e in ("ie", "i", "o") if not strong or e == "ie"}
    # Portuguese "-zinho" and "-zinha" on the name or a piece of it ("Joãozinho",
    # "Carolzinha"), and "-inho", "-inha", "-ito", "-ita" on the name but its last vowel
    # ("Pedrinho", "Juanita"): never English words.
    out |= {p + e for p in pieces | {spelled} if len(p) >= 3 for e in ("sino", "sina")}
    if len(spelled) >= 4 and spelled[-1] in "aeiou":
        out |= {spelled[:-1] + e for e in ("ino", "ina", "ito", "ita")}
    if len(spelled) >= 4 and spelled[-1] in "nr":
        # Spanish "-cito", "-cita" on a name ending in "n" or "r" ("Carmencita",
        # "Juancito", "Pilarcita"): spelled as said, "sito", "sita".
        out |= {spelled + e for e in ("sito", "sita")}
    # Russian and Ukrainian "-sya", "-usya" on the name's first syllables ("Olesya" of
    # Oleksandra, "Marusya" of Mariya, "Nastusya" of Anastasiya): never English words.
    out |= {p + ("sia" if p[-1] in "aeiou" else "usia") for p in pieces if len(p) >= 3}
    if not strong:
        out |= {p + e for p in pieces if len(p) >= 3 for e in _LONG_ENDINGS}
    if tails and not strong:
        # A syllable from further in with a pet ending: "Detta" of Bernadette, "Zimi" of
        # Gëzim, "Lali" of Gulalai (a consonant after a vowel, a vowel, a consonant).
        for m in re.finditer(r"(?<=[aeiou])(?=([^aeiouhwy][aeiou][^aeiouhwy]))", spelled[1:]):
            out |= {m[1] + e for e in ("i", "ie", "a", "o")}
    out |= pet_forms(spelled)
    out |= doubled_syllables(spelled)
    out |= table_forms(name)
    out.discard(spelled)
    return {form for form in out if len(form) >= 2}


# Doubled syllables that are what a family calls a grandmother or a father, not a pet name.
_KIN_DOUBLED = frozenset("nana dada mama papa baba".split())


def doubled_syllables(spelled: str) -> set[str]:
    """Pet names made of one syllable of a name said twice, as Portuguese, Spanish, French and
    many other languages make them ("Dudu", "Duda" of Eduardo and Eduarda, "Juju" of Juliana,
    "Lulu" of Luiza, "Vivi" of Vitória), from a spelling as ``_spelling`` gives it: a single
    consonant and a vowel that open the name (or its second syllable after an opening vowel),
    doubled, or doubled with the name's last vowel ("Duda"). For names of five sounds or more; never an English word as well, so they count
    as strong short forms."""
    if len(spelled) < 5:
        return set()
    out: set[str] = set()
    last = spelled[-1] if spelled[-1] in "aeiou" else ""
    # The first such syllable: the name's first, or its second after an opening vowel.
    for m in re.finditer(r"^[aeiou]?([^aeiouhwy])([aeiou])", spelled):
        m = re.match(r"([^aeiouhwy])([aeiou])", m[0][-2:])
        out.add(m[0] * 2)
        if last and last != m[2]:
            out.add(m[0] + m[1] + last)
    return out - _KIN_DOUBLED


# How a pet name made of a family name ends as written: "Wicky", "Smithy", "Robbo".
_FAMILY_PET_END = re.compile(r"(?:y|ie|o)$")


def surname_pets(name: str) -> set[str]:
    """The spellings of the pet names made of a long family name's start ("Wicky" of
    Wickramasinghe, "Papo" of Papadopoulos): its first three or four sounds with -i, -ie or
    -o, for a name of eight sounds or more (a short one is said whole)."""
    spelled = _spelling(name, final_e=True)
    if len(spelled) < 8:
        return set()
    return {spelled[:n] + e for n in (3, 4) for e in ("i", "ie", "o")}


def table_forms(name: str) -> set[str]:
    """The spellings of the well-known short forms of a first name that are no piece of it
    ("jimi" of James)."""
    if not _BY_SOUND:
        for full, shorts in SHORT_FORMS.items():
            key = _spelling(full, final_e=True)
            _BY_SOUND[key] = tuple(dict.fromkeys(_BY_SOUND.get(key, ()) + shorts))
    return set(_table_forms(fold(name).lower()))


@lru_cache(maxsize=4096)
def _table_forms(name: str) -> frozenset[str]:
    said = _spelling(name, final_e=True)
    # The table's entry for the name as spelled, with those of its other spellings that sound
    # the same ("Natalia": Natka, Tala; and Natalya's Natasha, Nata).
    shorts = tuple(dict.fromkeys(SHORT_FORMS.get(name, ()) + _BY_SOUND.get(said, ())))
    if not shorts and len(name) >= 5:
        # The same name in another romanisation or language ("Svitlana" of the table's
        # Svetlana, "Jekaterina" of Yekaterina): a table name it sounds like, a letter apart.
        shorts = next(
            (v for k, v in SHORT_FORMS.items() if k[:1] == name[:1] and sounds_alike(name, k)),
            (),
        )
    out = set()
    for short in shorts:
        out.add(_spelling(short, final_e=True))
        if re.search(r"[^aeiou]y?a$", short) and len(short) >= 4:
            # "Sasha" -> "Sashka", "Sashenka", "Sashko"; "Dima" -> "Dimka"
            stem = re.sub(r"y?a$", "", short)
            out |= {_spelling(stem + ending, final_e=True) for ending in _SLAVIC_PET}
        if re.search(r"[^aeiou][aeo]$", short) and len(short) >= 4:
            # Spanish and Italian "-ita", "-ito", "-ina", "-ino" on a short form ("Lupita"
            # of Lupe, of Guadalupe; "Pepito" of Pepe).
            out |= {_spelling(short[:-1] + e, final_e=True) for e in ("ita", "ito", "ina", "ino")}
    return frozenset(out)


def pet_forms(spelled: str) -> set[str]:
    """Pet names made of a name's first sounds that are no piece of it, from a spelling as
    ``_spelling`` gives it: the first syllable with its R or L left out ("Mags", "Maggie" of
    Margaret, "Babs" of Barbara), and the first vowel and consonant of a name that begins
    with a vowel, with "i" or "ie" ("Imi" of Imran, "Edie" of Edith, "Olly" of Oliver).
    Never an English word as well, so they count as strong short forms."""
    out: set[str] = set()
    m = re.match(r"([^aeiou]+[aeiou])[rl]([^aeiouhrlw])", spelled)
    if m:
        out |= {m[1] + m[2] + e for e in ("s", "i", "ie")}
    m = re.match(r"[aeiou][^aeiouhw]", spelled)
    if m and len(spelled) >= 4:
        out |= {m[0] + "i", m[0] + "ie"}
    # The first syllable, a consonant after its vowel, with "s", "si" or "ie": "Migs",
    # "Migsy" of Miguel, "Kels" of Kelvin, "Dels" of Delroy.
    m = re.match(r"[^aeiou]+[aeiou][^aeiouhwr]", spelled)
    if m and len(spelled) >= 5:
        out |= {m[0] + "s", m[0] + "si", m[0] + "ie"}
    return out


# One family name in the ways it is romanised ("Park", "Pak", "Bak" of the Korean 박): each is
# the others' short form.
ROMANISED: tuple[tuple[str, ...], ...] = (
    ("park", "pak", "bak", "bahk"),
    ("lee", "rhee", "yi", "rhie"),
    ("choi", "choe", "chwe"),
    ("jung", "jeong", "chung", "joung"),
    ("kim", "gim"),
    ("yoon", "yun"),
    ("kwon", "gwon"),
    ("baek", "paik", "paek", "baik"),
    ("jeon", "chun", "chon"),
    ("cho", "jo"),
    ("lim", "rim", "yim"),
    ("seo", "suh"),
    ("hwang", "whang"),
    ("zhang", "chang", "cheung", "cheong"),
    ("chen", "chan", "chin"),
    ("liu", "lau", "lao"),
    ("huang", "wong", "hwang"),
    ("zhou", "chow", "chau"),
    ("xu", "hsu", "hui", "tsui"),
    ("wu", "ng", "woo"),
    # Akan day names, in their Twi, Fante and Ewe forms and the short forms they go by: a
    # boy or a girl born on Monday, Tuesday and so on through Sunday.
    ("kojo", "kwadwo", "jojo", "cudjoe", "kodjo", "kwadjo"),
    ("kwabena", "kobina", "kobby", "ebo", "kabenla"),
    ("kwaku", "kweku", "kuuku"),
    ("yaw", "ekow", "yao"),
    ("kofi", "fiifi", "fifi"),
    ("kwame", "kwamena", "kwamina", "kwami", "ato"),
    ("kwesi", "kwasi", "akwasi", "siisi", "kwasie"),
    ("adwoa", "adjoa", "ajoa", "adjowa", "jojo"),
    ("abena", "abenaa", "araba", "abla"),
    ("akua", "ekua", "aku", "kuukua"),
    ("yaa", "aba", "yawa", "baaba"),
    ("afua", "efua", "afia", "afi", "effie"),
    ("ama", "amma", "amba"),
    ("akosua", "esi", "akos", "kosua", "sisi"),
)
_ROMANISED = {w: group for group in ROMANISED for w in group}


@lru_cache(maxsize=16384)
def _romanised(word: str) -> str:
    """A name in Somali spelling as English spells it: "c" for a sound English leaves
    unwritten at its start or end ("Cabdi" is Abdi, "Jaamac" Jama), "x" for an "h" ("Xasan"
    is Hassan; Kurdish too: "Xelîl"), doubled vowels once."""
    w = fold(word).lower()
    w = re.sub(r"^c(?=[aeiou])|(?<=[aeiou])c$", "", w)
    w = w.replace("x", "h")
    return re.sub(r"([aeiou])\1", r"\1", w)


# A name spelled as Somali spells it: an "x", a doubled vowel or a final "c" in one of its
# words ("Cabdiweli Yuusuf Jaamac"; not "Stacey" nor "Carol").
_SOMALI = re.compile(r"x|([aiu])\1|[aeiou]c\b", re.I)


@dataclass(frozen=True)
class NearName:
    written: str  # as the text has it: "Muhammad"
    registered: str  # the register's spelling: "Mohammed"
    descriptor: str  # what publication prints for that person: "Father"
    short: bool = False  # a short form of the registered name ("Alfie" of "Alfred")

    @property
    def how(self) -> str:
        return (
            f"a short form of {self.registered}"
            if self.short
            else (f"spelled like {self.registered}")
        )


# A name-like word: a capital and then letters in lower case, perhaps hyphened to another;
# after a quotation mark too ("'Terezko, come here'"), not after a word's apostrophe. An
# apostrophe inside it as transliteration writes one ("Ts'ion"), not a possessive's.
_CAPITALISED = re.compile(
    r"(?<![\w-])(?<!\w['’])(?![a-z])[^\W\d_][\u0300-\u036f]*[^\W\d_]+(?:[\u0300-\u036f]+[^\W\d_]*)*"
    r"(?:['’](?!(?:ll|ve|re|nt)\b)[a-z]{2,})?(?:-[^\W\d_]{3,})?(?![\w\u0300-\u036f])"
)
# The marks a letter carries of its own ("ẹ̀" of "Ṣẹ̀un", or any typed apart: "I\u0300").
_MARKS = re.compile("[\u0300-\u036f]")
# Inside a sentence: after a word in lower case, a comma, a semicolon or an opening bracket or
# quote ("told Muhammad", "Mum, Muhammad", "(Shivaun)").
_BEFORE = re.compile(
    r"(?:(?<![\w'’-])[a-z][\w'’-]*\s+|[,;]\s+|[(\[\"“‘']\s*"
    r"|(?<![\w-])(?<!\w['’])(?:Nan|Nana|Nanny|Gran|Granny|Grandma|Grandad|Grandpa|Auntie|Aunty|Aunt"
    r"|Uncle|Cousin|Mr|Mrs|Ms|Miss|Mx|Dr|"
    # A title of another language, or a parent named by a child ("Khun Malee", "Mama Seun").
    + "|".join(sorted({*OTHER_TITLES, *PARENT_WORDS}, key=len, reverse=True))
    + r")\.?[ \t]+)$"
)
# A name after one or two others inside a sentence ("(Cabdiweli Yuusuf Jaamac", "told Rojin
# Shexo"): the words before it are names too.
_RUN = re.compile(r"(?:(?<![\w'’-])[A-Z][^\W\d_]+[ \t]+){1,2}$")


_NAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][^\W\d_]+)[ \t]+$")


def _after_a_near_name(before: str, seen: dict) -> bool:
    """True when the word just before is itself a name like a registered one ("Muhammed
    Hussein" of Mohammed Hussain): the word after it is that person's other name, as likely
    as the first to be spelled otherwise."""
    prev = _NAME_BEFORE.search(before)
    return prev is not None and seen.get(prev[1]) is not None


def _in_a_run(before: str, word: str, lower: set[str]) -> bool:
    """True when ``word`` follows one or two capitalised words inside a sentence, none of them
    a word the texts also write in lower case or what names a place ("the Special Care Baby
    Unit", "the Drug Rehabilitation Unit" are no names)."""
    run = _RUN.search(before)
    if run is None or _BEFORE.search(before, 0, run.start()) is None:
        return False
    words = [fold(w).casefold() for w in (*run.group(0).split(), word)]
    if any(w in _STARTERS | _NEVER_NAMES | _PLACE_WORDS for w in words):
        return False
    return not any(w in lower for w in words)


# At the start of a sentence: the text's start, a new line, after the end of a sentence or a
# label's colon ("Visit: Alfie seen").
_STARTS = re.compile(r"(?:^|[.!?:]\s+|\n\s*|[.!?][\"”’)]\s+)[\"“‘(]?$")
# A sentence's opening adverb or conjunction before a word ("Later Sveta rang", "When Sasha
# came"): the word counts as one beginning a sentence does (a name unless the texts write it
# in lower case: "Later Line said so" where "the line manager" is written).
_OPENER = re.compile(
    r"(?:^|[.!?:]\s+|\n\s*)(?:Later|Then|When|After|Before|Since|Until|Once|While|Afterwards"
    r"|Yesterday|Today|Also|And|But|So|If|Because|Although|Meanwhile|Eventually|Finally)"
    r"[ \t]+$"
)
# After a word: a label's colon, or the end of a heading's line.
_LABEL = re.compile(r"[ \t]*(?::|\r?\n|$)")
# A word in lower case in prose (not a piece of an email or web address: "alfie.k@...").
_LOWER_WORD = re.compile(r"(?<![\w'’@./-])[a-z][a-z'’]+(?![\w@/-]|\.\w)")


# A word of a name, with the marks its letters carry ("Ìbùkún" typed with marks apart).
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u0300-\u036f])*")


def _name_parts(entry: RegisterEntry) -> list[tuple[str, bool]]:
    """Each word of the entry's names, with whether it may be what the person is called: the
    first, or a middle name ("Shahidul" of "Mohammed Shahidul Islam", "Cristina" of "Maria
    Cristina Dela Cruz": the name used is often the second), or the last of a Hungarian name,
    written family name first ("Eszter" of "Kovács Eszter"). A Yoruba name's part after its
    opening word ("Seyi" of Oluwaseyi, "Tunde" of Babatunde, "Bayo" of Adebayo) is a name
    people use on its own (see ``yoruba_rest``)."""
    out = []
    for name in (entry.name, *entry.variants):
        words = [
            w
            for w in _WORD.findall(plain(name))
            if _MARKS.sub("", fold(w).lower()) not in PARTICLES | TITLES
        ]
        last_called = len(words) > 1 and _family_first(words[0], name)
        for i, w in enumerate(words):
            called = i == 0 or (i < len(words) - 1 and "middle")
            if last_called and i == len(words) - 1:
                called = "middle"
            out.append((w, called))
    return out


# A Hungarian family name: its letters and spellings ("ő", "cs", "gy", "zs", "Horváth").
# (Or a married woman's, "Horváthné Kiss Ildikó": her husband's family name with "-né".)
_HUNGARIAN = re.compile(r"[őű]|cs|gy|zs|[áóé]th$|^\w{3,}né$", re.I)
_ACCENTED = re.compile(r"[áéíóöőúüű]", re.I)


def _family_first(first: str, name: str) -> bool:
    """True when ``name`` looks Hungarian, written family name first as Hungarians write it
    ("Kovács Eszter", "Nagy Zoltán"): its first word spelled as a Hungarian family name is,
    and an accent of the language in the name."""
    return bool(_HUNGARIAN.search(first) and _ACCENTED.search(name))


def near_names(entries: Iterable[RegisterEntry], texts: Iterable[str], known) -> list[NearName]:
    """The names the texts write that sound like a registered person's name, a spelling or
    two from it, or are a short form of a registered first name, and that the register does
    not already find (``known(word)`` says whether it does)."""
    registered: dict[str, list[tuple[str, str]]] = {}
    shorts: dict[str, tuple[str, str]] = {}
    strong: set[str] = set()  # the short forms that are no English word as well
    tabled: set[str] = set()  # the well-known short forms ("bex", "alf"), spelled as said
    firsts: list[tuple[str, str]] = []
    spelled: set[str] = set()
    syllables: set[str] = set()  # a first name's first syllable, spelled as said: "dom", "jas"
    initials: dict[str, set[str]] = {}  # descriptor -> the first letters of its other names
    family_pets: dict[str, tuple[str, str]] = {}  # "wiki" of Wickramasinghe (as "Wicky")
    for entry in entries:
        if entry.kind != "person":
            continue
        polish = declines(entry.name)
        somali = _SOMALI.search(fold(entry.name)) is not None
        lenites = gaelic(entry.name)
        for word, first in _name_parts(entry):
            spelled.add(_MARKS.sub("", fold(word).casefold()))
            registered.setdefault(sound_key(word), []).append((word, entry.descriptor))
            if lenites and first is True:
                # "Mhairi" of Màiri is a name too, and so spelled otherwise ("Mhari").
                for form, kind in mutations(fold(word).lower()).items():
                    if kind == "h":
                        spelled.add(form)
                        lenited = (form.capitalize(), entry.descriptor)
                        registered.setdefault(sound_key(form), []).append(lenited)
            if somali and (plain := _romanised(word)) != fold(word).casefold():
                # "Cabdiweli" registered: "Abdiweli" is the same name.
                registered.setdefault(sound_key(plain), []).append((plain, entry.descriptor))
            for other in _ROMANISED.get(fold(word).casefold(), ()):
                if len(other) < 3:
                    continue  # "Yi", "Jo": said as letters once spelled as said ("YYYY")
                said = _spelling(other, final_e=True)
                shorts.setdefault(said, (word, entry.descriptor))
                strong.add(said)
                tabled.add(said)
            if not first:
                initials.setdefault(entry.descriptor, set()).add(fold(word[:1]).upper())
                for form in surname_pets(word):
                    family_pets.setdefault(form, (word, entry.descriptor))
            if first and len(word) >= 4:
                firsts.append((word, entry.descriptor))
                # A middle name is cut from its start only ("Shahid" of Shahidul; not "Wales"
                # of Olawale).
                tails = first is True
                for form in short_forms(word, tails=tails):
                    shorts.setdefault(form, (word, entry.descriptor))
                strong |= short_forms(word, strong=True, tails=tails)
                tabled |= table_forms(word)
                syllables |= _first_syllable(word)
            if first and len(word) == 3 and word[-1].lower() in "aeiou":
                # A short given name with a Portuguese or Spanish pet ending on it but its
                # last vowel ("Aninha", "Anita" of Ana; "Evinha" of Eva): never English words.
                for ending in ("inha", "inho", "ita", "ito", "ucha"):
                    said = _spelling(fold(word[:-1]).lower() + ending, final_e=True)
                    shorts.setdefault(said, (word, entry.descriptor))
                    strong.add(said)
            if first and (rest := yoruba_rest(word)):
                # "Seyi" of Oluwaseyi, "SEYI", and the rest's own short forms ("Tobi" of
                # Oluwatobiloba): well-known short forms.
                said = _spelling(rest, final_e=True)
                forms = {said} | short_forms(rest, strong=True, tails=False)
                for form in forms | short_forms(rest, tails=False):
                    shorts.setdefault(form, (word, entry.descriptor))
                strong |= forms
                tabled.add(said)
            if first and polish and len(word) >= 3:
                # "Bartek", "Bartuś" of Bartosz: the language's pet endings, not a list
                folded = fold(word).lower()
                for form in diminutives(folded) | south_slavic_pets(folded):
                    said = _spelling(form, final_e=True)
                    shorts.setdefault(said, (word, entry.descriptor))
                    strong.add(said)
    if not registered:
        return []
    texts = [t for t in texts if t]
    lower: set[str] | None = None  # every word the texts write in lower case
    shouted: dict[str, NearName] = {}  # words in capitals that are only like a name
    seen: dict[str, NearName | None] = {}  # word -> what it is near (None: nothing)
    for text in texts:
        for m in _CAPITALISED.finditer(text):
            word = m.group(0)
            if word in seen:
                continue
            parts = word.split("-")
            capitals = word.isupper()  # "ALFIE'S STORY"
            if len(word) < 3 or not (
                capitals or all(p[0].isupper() and p[1:].islower() for p in parts)
            ):
                # "AlfieK", "BexKowalski", "JusticeForAlfred": a user name or a tag.
                humped = "-" not in word and _CAMEL.search(word)
                seen[word] = (
                    _in_handle(word, registered, shorts, strong, known, syllables, initials)
                    if humped
                    else None
                )
                continue
            if word.casefold() in _TITLES_OF_OTHERS and _CAPITAL_AFTER.match(text, m.end()):
                continue  # "Daw Khin": a title before a name; perhaps a name elsewhere
            near, sure, known_short, syllable = None, False, False, False
            for part in parts:
                part = part.capitalize() if capitals else part
                folded = _MARKS.sub("", fold(part).casefold())
                if folded in spelled or folded in _NEVER_NAMES or folded in _STARTERS:
                    continue
                near = _closest(part, registered.get(sound_key(part), ()))
                if near is None and "w" in folded and (vee := _v_for_w(folded)) != folded:
                    near = _closest(part, registered.get(sound_key(vee), ()))
                if near is None and (french := _french_spelt(folded)) != folded:
                    near = next(
                        (
                            NearName(part, spelling, descriptor)
                            for spelling, descriptor in registered.get(sound_key(french), ())
                            if fold(spelling).casefold() == french or sounds_alike(french, spelling)
                        ),
                        None,
                    )
                if near is None and (plain := _romanised(part)) != folded:
                    near = _closest_romanised(part, plain, registered)
                if near is None:
                    said = _spelling(part, final_e=True)
                    found = shorts.get(said)
                    if found is None and _FAMILY_PET_END.search(folded):
                        found = family_pets.get(said)  # "Wicky", not "Wiki"
                    sure = said in strong
                    known_short = said in tabled
                    syllable = said in syllables
                    if found is None and "z" in folded:
                        found = next((f for f in firsts if z_form(part, f[0])), None)
                        sure = True
                    near = NearName(part, *found, short=True) if found else None
                if near is not None:
                    break
            if near is None:
                seen[word] = None
                continue
            before = text[max(m.start() - 40, 0) : m.start()]
            if capitals:
                # Its case says nothing, as at the start of a sentence.
                if lower is None:
                    lower = _lower_words(texts)
                if word.casefold() in _STARTERS | lower or word in ABBREVIATIONS:
                    seen[word] = None
                    continue
                if not _in_capitals(near, word, sure, known_short) and not (
                    syllable and _in_prose(text, m.start(), m.end())
                ):
                    shouted[word] = near  # counts if the texts write it as a name elsewhere
                    seen[word] = None
                    continue
            elif (
                not _BEFORE.search(before)
                and not _after_a_near_name(before, seen)
                and not (
                    _RUN.search(before)
                    and _in_a_run(
                        before, word, lower := _lower_words(texts) if lower is None else lower
                    )
                )
            ):
                if (
                    not (_STARTS.search(before) or _OPENER.search(before))
                    or word.casefold() in _STARTERS
                ):
                    continue  # a capital that says nothing; perhaps elsewhere
                if lower is None:
                    lower = _lower_words(texts)
                if fold(word).casefold() in lower:
                    seen[word] = None  # a word that begins a sentence ("Mission ...")
                    continue
                if _LABEL.match(text, m.end()) or not (
                    _before_a_name(text, m.end(), known)
                    or (near.short and sure)
                    or (not near.short and _same_sound(near))
                    or (
                        (syllable or (near.short and _PET_END.search(word)))
                        and _VERB_AFTER.match(text, m.end())
                    )
                ):
                    continue  # a heading or a label ("Themes:"), or only like the name
            if names_a_place(text, m.end()):
                continue  # "Becky Street", "Jimmy's Cafe": perhaps the person elsewhere
            seen[word] = None
            if not known(near.written) and not ("-" in word and _whole(known(word), word)):
                # ("Abu-Bakr" of Abubakr: the register finds the whole of it.)
                seen[word] = NearName(word, near.registered, near.descriptor, near.short)
        if "@" in text or "_" in text or ("#" in text and _TAG.search(text)):
            for m in _HANDLE.finditer(text):
                handle = m.group(0).lstrip("@#")
                if handle not in seen:
                    seen[handle] = _in_handle(
                        handle, registered, shorts, strong, known, syllables, initials
                    )
    # "ROS" where "Ros" is asked about: the same name in capitals.
    names = {near.written for near in seen.values() if near is not None}
    for word, near in shouted.items():
        if word.capitalize() in names and not known(near.written):
            seen[word] = NearName(word, near.registered, near.descriptor, near.short)
    return [near for near in seen.values() if near is not None]


# One or two capitalised words after a word.
_WORDS_AFTER = re.compile(r"[ \t]+[A-Z][^\W\d_]+(?:[ \t]+[A-Z][^\W\d_]+)?")


def _before_a_name(text: str, end: int, known) -> bool:
    """True when the word ending at ``end`` stands before a name the register finds, as the
    first of a person's names does ("Cabdiraxmaan Xasan Nuur was at home": at the start of a
    sentence, where its capital says nothing, the name after it does)."""
    after = _WORDS_AFTER.match(text, end)
    if after is None:
        return False
    found = known(after.group(0).strip())
    if isinstance(found, list):
        return any(getattr(f, "what", "name") == "name" for f in found)
    return bool(found)


def _whole(found, word: str) -> bool:
    """Whether what ``known`` says of ``word`` covers all of it (a list of hits: one from its
    start to its end; anything else: as it is)."""
    if isinstance(found, list):
        return any(getattr(h, "start", 1) == 0 and getattr(h, "end", 0) >= len(word) for h in found)
    return bool(found)


def _lower_words(texts: list[str]) -> set[str]:
    """Every word the texts write in lower case (read in one pass; the words are in lower case
    already)."""
    return set(_LOWER_WORD.findall("\n".join(texts)))


def _first_syllable(name: str) -> set[str]:
    """The first three letters of a first name of five or more, spelled as said, when they are
    a consonant, a vowel and a consonant: the short form people say ("Dom" of Dominic, "Jas" of
    Jaswinder, "Shan" of Shanice). Such a piece is an English word often enough ("Pat", "Sal")
    that it counts at a sentence start only before a word in lower case."""
    said = _spelling(name, final_e=True)
    if len(said) >= 5 and re.match(r"[^aeiou][aeiou][^aeiouhw]", said):
        return {said[:3]}
    return set()


# A pet ending on a short form of four letters or more ("Zoli", "Detta", "Bernie"); not "-y",
# which ends as many words ("Stay" of Stacey).
_PET_END = re.compile(r"^\w{3,}(?:i|ie|a|o)$")
# A verb or other word in lower case after a name: "Jas said", "Shan rang".
# ("Zsuzsi néni": a word in lower case with letters of its own language.)
_VERB_AFTER = re.compile(r"(?:['’]s)?[ \t]+[a-z][^\W\d_A-Z]+(?![\w])")


def _in_prose(text: str, start: int, end: int) -> bool:
    """True when a word in capitals stands between words in lower case ("LIZZIE and DOM
    attended"), not in a heading or a line typed in capitals."""
    return bool(
        _VERB_AFTER.match(text, end)
        or re.search(r"\b[a-z]{2,}[ \t]+$", text[max(0, start - 20) : start])
    )


def _in_capitals(near: NearName, word: str, sure: bool, known_short: bool) -> bool:
    """Whether a word in capitals that is near a registered name counts as a name: a strong
    short form of four letters or more ("ALFIE"), a well-known one of three ("BEX", "ALF"),
    or the registered name spelled as said to a letter, six letters or more ("KATHRYN"). An
    acronym is short, and rarely spells a name ("MASH", "MARAC")."""
    if near.short:
        return (sure and len(word) >= 4) or (known_short and len(word) >= 3)
    return len(word) >= 6 and _same_sound(near)


# A user name or a tag: "@bex_k", "#JusticeForAlfie", "AlfieK", "alfiek2019".
# (One in CamelCase with no digit or underscore, "AlfieK", is read with the capitalised words.)
_HANDLE = re.compile(r"(?<![\w@#.'’-])(?:[@#]\w+|[A-Za-z]\w*_\w*|[A-Za-z]+\d\w*)(?![@\w])")
_CAMEL = re.compile(r"[a-z][A-Z]")
_TAG = re.compile(r"#[^\W\d_]")
_NOT_IN_HANDLES = _NEVER_NAMES | _STARTERS
_HUMPS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _in_handle(
    handle: str, registered, shorts, strong, known, syllables=frozenset(), initials=None
) -> NearName | None:
    """A user name or tag with a short form or another spelling of a registered name in it
    ("AlfieK", "bexy_k", "#JusticeForAlfie"), perhaps with the initials after it run on
    ("alfiek2019"), or a first syllable with the initial of the person's other name ("DomP" of
    Dominic Price)."""
    if _whole(known(handle), handle):
        return None  # found already, whole: a user name of a registered name ("lincoln_pryce")
    humps = _HUMPS.findall(handle)
    for at, hump in enumerate(humps):
        if len(hump) == 3 and at + 1 < len(humps) and len(humps[at + 1]) == 1:
            said = _spelling(hump, final_e=True)
            found = shorts.get(said) if said in syllables else None
            if found and humps[at + 1] in (initials or {}).get(found[1], ()):
                if not known(hump):
                    return NearName(handle, *found, short=True)
        # Initials run on ("alfiek2019") only where digits show it is a user name.
        for cut in (0, 1, 2) if any(c.isdigit() for c in handle) else (0,):
            part = hump[: len(hump) - cut].capitalize()
            if len(part) < (4 if cut else 3) or fold(part).casefold() in _NOT_IN_HANDLES:
                break
            near = _closest(part, registered.get(sound_key(part), ()))
            if near is None:
                said = _spelling(part, final_e=True)
                found = shorts.get(said) if said in strong else None
                near = NearName(part, *found, short=True) if found else None
            if near is None and cut == 0:
                # A registered name in a tag or user name ("BexKowalski", "JusticeForAlfred")
                folded = fold(part).casefold()
                for spelling, descriptor in registered.get(sound_key(part), ()):
                    if fold(spelling).casefold() == folded:
                        return NearName(handle, spelling, descriptor)
            if near is not None and not known(near.written):
                return NearName(handle, near.registered, near.descriptor, near.short)
    return None


# What ends the name of a street, a service, a shop or a place ("Becky Street", "Jimmy's
# Cafe"): the name before it is not a person's there.
_PLACE_WORDS = _ORGANISATION_WORDS | frozenset(
    """cafe bakery shop shops store stores market salon restaurant takeaway pub inn bar hotel
    garage bistro kitchen""".split()
)
_PLACE_AFTER = re.compile(r"(?:['’]s)?((?:[ \t]+[A-Z][\w'’]*){1,3})")


def names_a_place(text: str, end: int) -> bool:
    run = _PLACE_AFTER.match(text, end)
    if not run:
        return False
    last = fold(run.group(1).split()[-1]).lower().removesuffix("'s").rstrip("'")
    return last in _PLACE_WORDS or last.rstrip("s") in _PLACE_WORDS


def _same_sound(near: NearName) -> bool:
    """True when the written name is the registered one spelled as said, to a letter: what a
    word at the start of a sentence must be, where its capital says nothing ("Kathryn" for
    Catherine; not "Themes" for Thomas, nor "Summary" for Summer)."""
    return spellings_apart(_spelling(near.written), _spelling(near.registered)) <= 1


def _closest_romanised(word: str, plain: str, registered) -> NearName | None:
    """``word`` in Somali spelling (``plain``: as English spells it) near a registered name;
    only its first "c" changed ("Cabdiweli"), the registered name itself ("Carol" is no
    "Arlo")."""
    somali = _SOMALI.search(fold(word)) is not None
    for spelling, descriptor in registered.get(sound_key(plain), ()):
        if fold(spelling).casefold() == plain or (somali and sounds_alike(plain, spelling)):
            return NearName(word, spelling, descriptor)
    return None


def _closest(word: str, candidates) -> NearName | None:
    for spelling, descriptor in candidates:
        if sounds_alike(word, spelling):
            return NearName(word, spelling, descriptor)
    return None
