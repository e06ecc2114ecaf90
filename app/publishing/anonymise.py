"""Anonymisation for publication: the one place names and identifiers are taken out of text.

Names come from the people register: the full name, its variants, each part alone (first or
last name), hyphenated and double-barrelled forms written either way, whatever the case, with
or without accents ("Zoe" finds "Zoë" and the other way round), possessives kept ("Lennon's"
becomes "Child L's"), surname first ("AL-SAYED, Abdul-Rahman"), run together ("Alsayed"), a
family's plural ("the Wiśniewskis'"), inside a file's name or a web address (the whole of it
goes), and initials (as "[name removed]" when two people share them); a title or
initials written before a name go with it (app.publishing.spans). A place is also found by its
name without what kind of place it is ("Willowbank" of "Willowbank Care Home"), an address by
its street line ("9 Hope Street"), a date of birth however it is written (app.publishing.dates).
Identifiers are found by shape (app.publishing.identifiers).

Speed: the text is folded once (accents off, dashes and apostrophes made plain, one character
for one character so positions still match the original), then one compiled regular
expression built as a trie of every name form runs over it. Nothing loops over names, so a
megabyte of text takes a few hundredths of a second whatever the size of the register.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from app.publishing.dates import birth_keys, dates_in
from app.publishing.identifiers import (  # noqa: F401 (used from here by callers)
    DOB_REMOVED,
    IDENTIFIERS,
    Found,
    find_identifiers,
    nhs_checksum_ok,
)
from app.publishing.inflections import (
    case_forms,
    declines,
    finnish,
    finnish_forms,
    gaelic,
    gaelic_spaced,
    georgian,
    georgian_pets,
    greek,
    greek_forms,
    hungarian,
    hungarian_forms,
    hungarian_pets,
    hungarian_wife,
    icelandic_other,
    long_vowel_spellings,
    other_sex,
    pinyin,
    pinyin_forms,
    pinyin_syllables,
    romanian,
    romanian_forms,
    turkic,
    turkic_forms,
    yoruba_rest,
)
from app.publishing.register import RegisterEntry
from app.publishing.spans import OTHER_TITLES, TITLE_WORDS, merged, possessive, with_titles

NAME_REMOVED = "[name removed]"
ADDRESS_REMOVED = "[address removed]"
ID_REMOVED = "[identifier removed]"

# Words that are also first names: as a part of a name, found only when written with a
# capital, so "she may attend" keeps its "may".
COMMON_WORDS = frozenset(
    """may will rose mark grace hope joy faith bill frank dawn summer april june august
    holly ivy jack lily ruby sky river rich rob pat sue sunny amber autumn heather iris
    jade pearl violet victor earl baker carter cook fisher hunter mason porter taylor turner
    walker ward young white green brown black long little bell hall hill wood king major
    miles page price noble sharp short small stone wells west north south field marsh
    lane best love bright church bishop lord moody fair gay sterling poppy daisy hazel
    robin chase guy dean shiv art bay brook cash clay cliff dale dash drew eve fern ford glen
    heath jay kit lark nick olive penny ray reed rusty sandy skip storm wade warren win wren
    sage star mercy patience prudence honour honor harmony liberty unity bliss carol pip
    hardy bond park rice lamb fox wolf crane swan finch bird gold silver steel good law ash
    sonny blessing precious destiny misty crystal trinity echo memory gift fortune beauty
    charity comfort justice banks fields hills woods mills brooks burns waters rivers stones
    sands knight""".split()
)
TITLES = frozenset(
    "mr mrs ms miss dr prof sir dame rev revd mx master pc pcso dc ds di dci sgt insp det cllr"
    " nurse sister".split()
)
# Letters a practitioner writes for what someone is, not who, and words in a heading typed in
# capitals: never taken as initials unless dotted ("G.P." may be someone; "GP" is the doctor,
# "MY CHILD" is no one).
ABBREVIATIONS = frozenset(
    """GP HV SW PC DC DS DI CP LA NI UK IT OK AM PM MP RC CE ED AE DV DA SG FE HE TA CS EH YP
    CA IO OT PE RE ID NA AT AN AS BE BY DO GO IF IN IS ME MY NO OF ON OR SO TO UP US WE OH HI
    AND THE FOR BUT NOT ALL ANY ARE CAN HAD HAS HER HIM HIS HOW ITS MAY NEW NOW OLD ONE OUR
    OUT SAW SEE SHE TWO WAS WHO WHY YES YOU DAD MUM SON NAN BOY AGE BAD MAD SAD RAG ASK CRY
    SAY LET GET GOT PUT SET SAT RAN WON BIG LAW ACT CIN CAF CME CSE PLO LAC SEN ADD DBS MHA
    MCA DNA NHS SOS ASB CSC SGO EHC EHM SAR DHR IMR CPP CPC NFA FII ABE CID PPN OOH MAR ADHD
    ASD PTSD""".split()
)
# Parts of names that are never a name alone ("Ní" of "Zoë Ní Bhriain", "van" of "van Dijk").
PARTICLES = frozenset(
    "de da di du del della der den la le van von ni nic mac mc bin ibn al el ap ab y st o dela"
    " delos delas ui mhic"
    # Welsh "ferch" (daughter of)
    " ferch verch".split()
)
# What ends a name to mark a child named for a parent ("João Pedro Carvalho Júnior", "Filho",
# "Neto"): after the family's name it is no name alone ("Junior" first is someone's name).
SUFFIXES = frozenset("junior jnr jr filho filha neto neta sobrinho senior snr".split())
# Between the words of a name: spaces, hyphens, the underscores of a file name ("Statement_
# Lukasz_Wisniewski.docx"), a dot after an abbreviated word ("St. Brigid's"), and the comma of
# a name written surname first ("AL-SAYED, Abdul-Rahman").
_SEPARATOR = r"(?:\s*,\s*|\.?[\s\-_]+)"
_MARKS = "[\u0300-\u036f]*"


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[0]
        if base != char and base.isascii() and base.isalpha():
            table[code] = base
    extra = {"ß": "s", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "a"}
    extra |= {"ð": "d", "Ð": "D"}
    extra |= {"Æ": "A", "œ": "o", "Œ": "O", "ı": "i", "\u00a0": " ", "\u202f": " "}
    # Letters with no accent to take off, as English spells them: Azerbaijani "ə" ("Məmmədov"
    # is Mammadov), Maltese "ħ" ("Ħili" is Hili), and the open vowels and other letters of
    # Akan, Ewe and Yoruba spelling ("Kwabɛna", "Ɔpoku", "Ɖoe").
    extra |= {"ə": "a", "Ə": "A", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŋ": "n", "Ŋ": "N"}
    extra |= {"ɛ": "e", "Ɛ": "E", "ɔ": "o", "Ɔ": "O", "ɖ": "d", "Ɖ": "D", "ƒ": "f", "Ƒ": "F"}
    extra |= {"ɣ": "g", "Ɣ": "G", "ʋ": "v", "Ʋ": "V"}
    extra |= {
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "´": "'",
        "`": "'",
        "‐": "-",
        "‑": "-",
        "‒": "-",
        "–": "-",
        "—": "-",
    }
    table.update({ord(k): v for k, v in extra.items()})
    # Full-width Latin letters, as a Chinese or Japanese keyboard types them ("Ａｙｓｅｌ").
    for code in range(0xFF21, 0xFF3B):
        table[code] = chr(code - 0xFF21 + ord("A"))
        table[code + 0x20] = chr(code - 0xFF21 + ord("a"))
    return table


FOLD = _fold_table()
# Letters written out in two where a keyboard or a form has no such letter ("Đorđe" as
# "Djordje", "Þórunn" as "Thorunn", "Müller" as "Mueller", "Ærø" as "Aeroe").
_SPELLED_OUT = str.maketrans(
    {"đ": "dj", "Đ": "Dj", "þ": "th", "Þ": "Th", "ð": "dh", "Ð": "Dh", "æ": "ae", "Æ": "Ae"}
    | {"ø": "oe", "Ø": "Oe", "ß": "ss", "ä": "ae", "Ä": "Ae", "ö": "oe", "Ö": "Oe"}
    | {"ü": "ue", "Ü": "Ue", "å": "aa", "Å": "Aa", "œ": "oe", "Œ": "Oe"}
    # Turkish and Azerbaijani "ş" and "ç" ("Elşən" as "Elshan"), "ŋ" as "ng".
    | {"ş": "sh", "Ş": "Sh", "ș": "sh", "Ș": "Sh", "ç": "ch", "Ç": "Ch", "ŋ": "ng", "Ŋ": "Ng"}
)


def fold(text: str) -> str:
    """Accents off, dashes and apostrophes plain; the same length as ``text``."""
    return text.translate(FOLD)


# Characters that print as nothing but would split a name in two ("Kay\u00adla").
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def plain(text: str) -> str:
    """``text`` with accents composed ("e" + combining diaeresis is "ë") and without invisible
    characters: the text the anonymiser reads and publication prints."""
    if text.isascii():
        return text
    return _INVISIBLE.sub("", unicodedata.normalize("NFC", text))


_COMBINING = re.compile("[\u0300-\u036f]")


def _tokens(name: str) -> list[str]:
    """The words of a name as the patterns hold them: folded, lower case, without the marks
    that sit on a letter of their own ("ọ̀" of "Adébáyọ̀", which has no composed form)."""
    return list(_token_tuple(name))


@lru_cache(maxsize=8192)
def _key(name: str) -> str:
    """The words of a name as the register's keys are written: "kerry marsh"."""
    return " ".join(_token_tuple(name))


@lru_cache(maxsize=8192)
def _token_tuple(name: str) -> tuple[str, ...]:
    name = _COMBINING.sub("", unicodedata.normalize("NFD", plain(name)))
    words = _NAME_SPLIT.split(fold(name).strip().lower())
    return tuple(t for t in (w.rstrip(".") for w in words) if t)


_NAME_SPLIT = re.compile(r"[\s\-_]+")


# ---- names ----------------------------------------------------------------------------------


class _Trie:
    def __init__(self, separator: str = _SEPARATOR) -> None:
        self.root: dict = {}
        self.separator = separator

    def add(self, tokens: list[str]) -> None:
        node = self.root
        for i, token in enumerate(tokens):
            if i:
                node = node.setdefault(" ", {})
            for char in token:
                node = node.setdefault(char, {})
        node[""] = True

    def pattern(self) -> str:
        return self._node(self.root)

    def _node(self, node: dict) -> str:
        ends = "" in node
        branches = []
        for key in sorted(k for k in node if k):
            # A letter may carry marks of its own ("ọ̀": no composed form to fold).
            piece = self.separator if key == " " else re.escape(key) + (_MARKS * key.isalpha())
            branches.append(piece + self._node(node[key]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy: the longest form wins ("Kerry Marsh" before "Kerry").
        return f"(?:{body})?" if ends else body


def _begins(word: str, words: set[str]) -> bool:
    """True when ``word`` is the start of one of ``words`` ("Ca" of "care": a name cut short)."""
    return any(w.startswith(fold(word).lower()) for w in words if w)


def _one_place(descriptors: set[str]) -> str:
    """What a place form prints as: its descriptor, or what two places sharing it are."""
    if len(descriptors) == 1:
        return next(iter(descriptors))
    return ADDRESS_REMOVED if ADDRESS_REMOVED in descriptors else "[place removed]"


def _compiled(forms: dict, separator: str, *, names: bool = False) -> re.Pattern | None:
    """One pattern for every form. A name is a name between anything but letters (a digit or an
    underscore too: "lukasz.wisniewski84", "Statement_Lukasz_Wisniewski"), and may be written
    as a family's plural ("the Wiśniewskis'", group ``plural``); a place or an identifier
    stands between anything but letters and digits."""
    if not forms:
        return None
    trie = _Trie(separator)
    for form in forms:
        trie.add(form.split(" "))
    if names:
        return re.compile(
            # Not after a word and an apostrophe ("don't"); after one capital and one it is a
            # name's prefix ("P'Ploy", "N'Ploy" in Thai, "D'Souza").
            r"(?<![^\W\d_])(?<![^\W\d_]{2}')(?<!(?-i:[^\W\d_A-Z])')(?:"
            + trie.pattern()
            + r")(?P<plural>e?s)?(?![^\W\d_])",
            re.I,
        )
    return re.compile(r"(?<![\w'])(?:" + trie.pattern() + r")(?!\w)", re.I)


# What a place's name ends with that says what kind of place it is, not which one.
_PLACE_KINDS = frozenset(
    """school primary secondary academy infant infants junior juniors nursery college surgery
    practice medical health centre center hospital clinic home care house lodge unit ward
    church mosque temple club hostel refuge""".split()
)
# What a place's name may start with that says what kind of place it is ("Ysgol Gynradd" of
# "Ysgol Gynradd Bryn Ŵyn", "Meddygfa" of "Meddygfa Glan-yr-Afon"), and what may stand between
# its name and its kind ("Catholic" of "St Brigid's Catholic Primary School").
_LEADING_KINDS = frozenset(
    """ysgol gynradd uwchradd feithrin babanod iau meddygfa ysbyty canolfan iechyd cartref
    clinig""".split()
)
_DESIGNATIONS = frozenset("catholic rc ce cofe cp ciw community methodist anglican".split())
_HOUSE_NUMBER = re.compile(r"^\s*\d+[a-z]?(?:\s*[\-/]\s*\d+[a-z]?)?\s+\D", re.I)
# A flat or a room before a building's name: "Flat 7" of "Flat 7, Tŷ Gwyn Court".
_FLAT = re.compile(
    r"^(?:flat|apartment|apt|room|unit|floor|no|plot|pitch|caravan|bay|berth|mooring)\s+\S+\s*",
    re.I,
)


def _stands_alone(tokens: list[str]) -> bool:
    """A short form that names the place, not a word ("hope" of "Hope House" is a word)."""
    kinds = COMMON_WORDS | PARTICLES | _PLACE_KINDS | _LEADING_KINDS | _DESIGNATIONS
    return len(tokens) > 1 or (bool(tokens) and tokens[0] not in kinds)


def place_forms(name: str) -> list[str]:
    """The ways a place or address is written short, as folded lower-case forms: the whole,
    the name without what kind of place it is, before or after ("maple street" of "Maple
    Street Primary School", "willowbank" of "Willowbank Care Home", "bryn wyn" and "ysgol bryn
    wyn" of "Ysgol Gynradd Bryn Ŵyn"), and an address's lines up to and including the street
    ("flat 2 9 hope street", "9 hope street", "hope street") with the building's name before
    it ("ty gwyn court" of "Flat 7, Tŷ Gwyn Court, 3 Heol y Bryn")."""
    parts = [p for p in (p.strip() for p in name.split(",")) if p]
    forms = {" ".join(_tokens(name.replace(",", " ")))}
    tokens = _tokens(parts[0]) if len(parts) == 1 else []
    trimmed = tokens
    while len(trimmed) > 1 and trimmed[-1] in _PLACE_KINDS | _DESIGNATIONS:
        trimmed = trimmed[:-1]
        if _stands_alone(trimmed):
            forms.add(" ".join(trimmed))
    for base in (tokens, trimmed):
        core = base
        while len(core) > 1 and core[0] in _LEADING_KINDS:
            core = core[1:]
            if _stands_alone(core):
                forms.add(" ".join(core))
                forms.add(" ".join([base[0], *core]))
    # "Plot 6, Greenacre Park": a plot, pitch or flat on a site or in a building with no
    # street number; the site's line names the home.
    if len(parts) > 2 and _FLAT.match(parts[0]) and not any(map(_HOUSE_NUMBER.match, parts)):
        forms.add(" ".join(_tokens(" ".join(parts[:2]))))
        site = _tokens(parts[1])
        if len(site) > 1 and _stands_alone(site):
            forms.add(" ".join(site))
    for i, part in enumerate(parts):
        if _HOUSE_NUMBER.match(part):
            forms.add(" ".join(_tokens(" ".join(parts[: i + 1]))))
            forms.add(" ".join(_tokens(part)))
            street = _tokens(re.sub(r"^\s*[\d\s/\-]+[a-z]?\s", "", part, flags=re.I))
            if len(street) > 1:
                forms.add(" ".join(street))
            for before in parts[:i]:
                building = _tokens(_FLAT.sub("", before))
                if _stands_alone(building) and not building[0].isdigit():
                    forms.add(" ".join(building))
                    forms.add(" ".join(_tokens(" ".join(parts[: parts.index(before) + 1]))))
                    if building[0] == "the" and _stands_alone(building[1:]):
                        forms.add(" ".join(building[1:]))  # "Maltings" of "The Maltings"
            break
    # A street's kind is as often written short: "12 Canal St", "Hope Rd", "Elm Gdns".
    for form in list(forms):
        *rest, last = form.split(" ")
        for other in _STREET_KINDS.get(last, ()) if rest else ():
            forms.add(" ".join([*rest, other]))
    return [f for f in forms if f]


_STREET_SHORT = {
    "street": ("st",),
    "road": ("rd",),
    "avenue": ("ave", "av"),
    "lane": ("ln",),
    "close": ("cl",),
    "drive": ("dr",),
    "crescent": ("cres",),
    "court": ("ct",),
    "place": ("pl",),
    "gardens": ("gdns",),
    "terrace": ("terr", "tce"),
    "square": ("sq",),
    "grove": ("gr",),
}
_STREET_KINDS = {long: short for long, short in _STREET_SHORT.items()} | {
    s: (long,) for long, shorts in _STREET_SHORT.items() for s in shorts
}


# What ends the name of a service, a street or a place: the words before it are its name.
_ORGANISATION_WORDS = _PLACE_KINDS | frozenset(
    """service services team project trust street road lane close avenue drive way crescent
    terrace place square court gardens park hub forum partnership board group charity
    foundation society network alliance association programme federation estate""".split()
)
_CAPITALISED_RUN = re.compile(r"(?:[ \t]+[A-Z][\w'’]*){1,4}")
# What a thing with a name is ("the Raja Yoga class", "the Cruz Azul team", "the King's Fund").
_THING_WORDS = _ORGANISATION_WORDS | frozenset(
    """class classes cafe café restaurant shop fund team choir band club festival gym studio
    library market league cup company session sessions zoo museum gallery station airport
    university cathedral castle stadium theatre cinema council""".split()
)
# After a name's word: perhaps "'s", up to three capitalised words, then the word they name.
_THING_AFTER = re.compile(r"(['’]s)?((?:[ \t]+[A-Z][\w'’]*){0,3})[ \t]+([^\W\d_]+)")
_TITLE_BEFORE = re.compile(rf"(?<![\w'’])(?:{TITLE_WORDS})\.?[ \t]+$")


def _acronym(text: str, m: re.Match) -> bool:
    """A name part of two or three letters that begins a word joined by a hyphen to a word in
    lower case is part of that word ("Li-ion" is no "Li")."""
    word = text[m.start() : m.end()]
    after = text[m.end() : m.end() + 2]
    if len(word) > 3 or len(after) < 2 or after[0] != "-" or not after[1].islower():
        return False
    # "Yui-chan", "Ken-kun": a Japanese word of address after the name says it is one.
    return not _RESPECT_AFTER.match(text, m.end()) or (
        _RESPECT_AFTER.match(text, m.end())[1].casefold() not in _HONORIFIC_WORDS
    )


# ("Bolton, M.": the family name first and a comma; "Ashworth-K.": the other half of a
# double-barrelled family name.)
_INITIAL_AFTER = re.compile(r"(?:,?[ \t]+|,|-)([A-Z])\.(?!\w)")
# An initial after a family name with no dot, as registers and sign-offs write it ("Guliyeva A
# wrote", "Okafor N said", "signed: Chaudhary P"): before a word in lower case, a comma or the
# end; not "I" before a word ("Nadia I think").
_BARE_INITIAL_AFTER = re.compile(
    r"(?:,?[ \t]+)((?!I[ \t]+[a-z])[A-Z])(?=[ \t]+[a-z]|[ \t]*[,;:)(<\[]|[ \t]*$)", re.M
)
# ("M-R", "J.-P.": the initials of a hyphened first name, "Mohammad-Reza", "Jean-Pierre".)
_INITIALS_AFTER = re.compile(
    r"[ \t]+((?:[A-Z]\.[ \t]?){1,2}[A-Z]|[A-Z]\.?-[A-Z])(?:\.(?=[ \t]*[,;)a-z])|(?=\.[ \t]*(?:\r?\n|$))|(?![\w.]))"
)
_NEXT_WORD = re.compile(r"[ \t]+([A-Z][a-z'’]{4,})(?![\w-])")
_INITIAL_BEFORE = re.compile(
    r"(?<![\w.'])(?:[A-Z]\.?-[A-Z]\.?[ \t]+|(?:[A-Z][ \t]+){1,3}|(?:[A-Z]\.[ \t]*){1,3}|[A-Z]{2,3}[ \t]+)$"
)
# "P. v.d. Berg", "vd Berg": "van der" / "van den" written short before the family's name.
_VAN_BEFORE = re.compile(r"(?<![\w.])(?:v\.[ \t]?d\.?|v/d|vd|v\.)[ \t]+$", re.I)
# "P'Ploy", "N'Ploy" (Thai: elder, younger): a capital and an apostrophe just before a name.
_LETTER_BEFORE = re.compile(r"(?<![\w'])[A-Z]'$")
# A capitalised word just before a family's name: a first name the register does not hold
# ("Ryan" of "Ryan Ward"), unless it is a word a sentence, a title, a role or a place begins.
_KIN_BEFORE = re.compile(r"(?<![\w'.-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \t]+$")
_NOT_KIN = (
    TITLES
    | PARTICLES
    | frozenset(
        """the this that these those there then they their when what while where which who
        after before during following since until once also and but for from into with she
        he her his its our we you your it in on at by of to as if so not no yes all any each
        every some both either one two here how why later soon baby mum mam dad nan nana
        nanny grandad grandma granny auntie aunty aunt uncle little big young old
        officer worker manager visitor doctor teacher constable sergeant inspector detective
        councillor judge hospital ward school family house street road court team service
        services police probation health social care children adult adults board panel
        meanwhile however today yesterday sadly instead again eventually finally initially
        previously subsequently although because whilst unfortunately only even perhaps
        monday tuesday wednesday thursday friday saturday sunday january february march
        april may june july august september october november december""".split()
    )
    | frozenset(fold(t).lower() for t in OTHER_TITLES)
)
# A title and the initial of a surname, inside a sentence: "Mrs K. said", "Mrs K said". ("Mr
# D" ending a sentence, or when the register calls someone that, is how reviews name
# someone: their pseudonym.)
_TITLE_INITIAL = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+(?:[A-Z]\.?-)?([A-Z])\.?(?=[ \t]*[,;)]|[ \t]+[a-z(])"
)


_MAC = re.compile(r"^ma?c(?=\w{3})")
_NASAB = re.compile(r"[ \t]+(?:bin|ibn|bint|binti|ben|ould)[ \t]+[A-Z][\w'-]+")
_NASAB_WORDS = tuple(f" {w} " for w in "bin ibn bint binti ben ould".split())
# Words of respect written after a name, not a name ("Emine Hanım", "Mehmet Bey", "Harpreet
# Ji", "Gurdeep Sahib", Pashto and Dari "Farzana Jan", Nepali "Sunita Didi" and "Bishnu Dai"
# (elder sister, brother)).
HONORIFICS = frozenset(
    "Hanım Hanim Bey Abla Ağabey Abi Teyze Amca Ji Jee Sahib Saheb Sahiba Sahab Bhai Baji"
    " Jan Jaan Jon Didi Dai Daju Bahini chan kun san sama sensei senpai sempai dono"
    # Korean "-ssi", "-nim"; Hungarian "bácsi" (uncle), "néni" (aunt) said of any elder.
    " ssi nim bácsi bacsi néni neni"
    # Malayalam "Chechi", "Chettan" (elder sister, brother), "Achayan"; Cantonese "jai", "zai"
    # (boy), "mui" (girl), "gor" (elder brother), written after a name with a hyphen.
    " Chechi Chettan Chetta Achayan Ammachi jai zai mui gor"
    # Azerbaijani and Persian "xanım"/"khanum" (lady), "bəy" (sir), "müəllim" (teacher, said of
    # any educated man), "ağa" and "dayı", as English letters write them too.
    " xanım xanim xanum khanum khanim khanom bəy müəllim müəllimə muallim muellim mualim"
    " ağa agha dayı dayi xala".split()
)
_HONORIFIC_WORDS = frozenset(fold(w).casefold() for w in HONORIFICS)
# With its capital, not before a number ("Kerry Jan 2023" is a date) or another name.
_RESPECT_AFTER = re.compile(r"(?:[ \t]+|-)([A-Za-z][a-z]+)\b(?![ \t]*\d)(?![ \t]+[A-Z])")
_WIFE_AFTER = re.compile(r"[ \t]+[A-ZÁÉÍÓÖŐÚÜŰ][^\W\d_]*né(?![^\W\d_])")
# A parent named by a child: the Arabic kunya ("Abu Tomasz", "Umm Tomasz") and the same custom
# in other languages: Yoruba and Swahili "Mama"/"Baba"/"Iya", Urdu and Punjabi "Ammi"/"Abbu",
# Somali "Hooyo"/"Aabo", Igbo "Nne"/"Nna", Lingala and French "Mama"/"Papa"/"Maman" (which
# may also be the person's own name with respect: either way not to be printed).
PARENT_WORDS = (
    "Abu Abou Umm Um Om Mama Maama Baba Iya Iye Yeye Papa Maman Ammi Ammu Ami Abbu Abba Abbo"
    " Hooyo Aabo Nne Nna Mma Amai"
).split()
_KUNYA_WORDS = tuple(f"{w} " for w in PARENT_WORDS)
_KUNYA = re.compile(r"(?<![\w'])(?:" + "|".join(PARENT_WORDS) + r")[ \t]+$")
# "Mama T", "Abu K": a parent named by the initial of a child's name.
_PARENT_INITIAL = re.compile(
    r"(?<![\w'])(?:" + "|".join(PARENT_WORDS) + r")[ \t]+([A-Z])\.?(?![\w'’.-]\w)"
)


def _core(name: str) -> list[str]:
    """The words of a name that name someone: no particle, title or "Júnior" at its end."""
    core = [t for t in _tokens(name) if t not in PARTICLES | TITLES]
    return core[:-1] if len(core) > 2 and core[-1] in SUFFIXES else core


def _joined(names: list[str]) -> list[str]:
    """A name as it is also written run together: at its hyphens ("Abdulrahman Alsayed" of
    "Abdul-Rahman Al-Sayed") and after its particles ("apgwilym", "vanderberg", "delacruz"),
    as transliterations, e-mail addresses and user names write it."""
    out = []
    for name in names:
        words = re.split(r"\s+", fold(name).strip())
        hyphens = " ".join(w.replace("-", "") for w in words)
        tokens = hyphens.lower().split()
        glued: list[str] = []
        after_particle = False
        for token in tokens:
            if glued and after_particle:
                glued[-1] += token
            else:
                glued.append(token)
            after_particle = token in PARTICLES
        # "MacAllister" and "McAllister", "Ó Súilleabháin" and "O'Súilleabháin" are one name.
        parts = _tokens(name)
        other = [_MAC.sub(lambda m: "mc" if m[0] == "mac" else "mac", t) for t in parts]
        apostrophe = []
        for token in parts:
            if apostrophe and apostrophe[-1] == "o":
                apostrophe[-1] = "o'" + token
            else:
                apostrophe.append(token)
        apostrophe = " ".join(apostrophe)
        # "Mc Donagh" and "Mac Donagh" of "McDonagh".
        spaced = [" ".join(_MAC.sub(lambda m: m[0] + " ", t) for t in ts) for ts in (parts, other)]
        # "M'Intyre": the old written short of Mac/Mc.
        clipped = " ".join(_MAC.sub("m'", t) for t in parts)
        forms = {hyphens, " ".join(glued), " ".join(other), apostrophe, clipped, *spaced}
        out += [n for n in forms if n and n.lower() != fold(name).lower()]
    return out


def _glued(name: str) -> list[str]:
    """A name as user names and e-mail addresses run it together: "rebeccakowalska",
    "kowalskarebecca", "rkowalska", "rebeccak" (as "@rebeccak19" or "RebeccaK")."""
    core = [t for t in _tokens(name) if t not in PARTICLES | TITLES and t.isalpha()]
    if len(core) < 2:
        return []
    first, last = core[0], "".join(core[1:])
    out = [first + last, last + first, first[0] + last]
    if len(first) >= 4:
        out.append(first + last[0])
    return out


# Irish surnames change with who bears them: a son is "Ó Briain" or "Mac Gearailt", a daughter
# "Ní Bhriain" or "Nic Ghearailt", a wife "Uí Bhriain" or "Mhic Ghearailt" (the name after
# "Ní", "Nic", "Uí" and "Mhic" takes an "h" after its first consonant).
_IRISH = {"o": "ni", "ni": "o", "ui": "o", "mac": "nic", "nic": "mac", "mhic": "mac"}
_LENITES = "bcdfgmpst"


def _irish_kin(tokens: list[str]) -> set[str]:
    """The family's Irish surname as a relative of the other sex or a wife carries it:
    "o briain" and "ui bhriain" of "Siobhán Ní Bhriain", "nic ghearailt" of "Mac Gearailt"."""
    out: set[str] = set()
    for i, token in enumerate(tokens[:-1]):
        if token not in _IRISH or not tokens[i + 1][:1].isalpha():
            continue
        name = tokens[i + 1]
        plain = name[0] + name[2:] if len(name) > 2 and name[1] == "h" else name
        soft = plain[0] + "h" + plain[1:] if plain[0] in _LENITES else plain
        if token in ("o", "ni", "ui"):
            out |= {f"o {plain}", f"ni {soft}", f"ui {soft}", f"o'{plain}"}
        else:
            out |= {f"mac {plain}", f"nic {soft}", f"mhic {soft}"}
        out.discard(" ".join(tokens[i : i + 2]))
    return out


# What begins a name written as one word, or with a hyphen, or as two: "Gebremariam",
# "Gebre-Mariam", "Gebre Mariam"; "Abdulrahman"; "Chukwuemeka".
_NAME_PREFIXES = (
    "abdul",
    "abdel",
    "gebre",
    "wolde",
    "welde",
    "habte",
    "tekle",
    "haile",
    "chukwu",
    "oluwa",
    # Maghrebi family names: "Ben Ali", "Ben-Ali" of "Benali"; "Bou Zid"; "Aït Ahmed"
    "ben",
    "bel",
    "bou",
    "ait",
)


def _split_anywhere(token: str) -> list[str]:
    """A name of six letters or more written as one word, cut in two where one syllable ends
    and the next begins, each part of three letters or more: "abdi rahman" of "abdirahman",
    "abu bakr" of "abubakr", "wing yan" of "wingyan". (Written with a hyphen or a space, as
    transliterations and forms do.)"""
    if len(token) < 6 or not token.isalpha():
        return []
    out = []
    for particle in ("al", "el", "ul"):
        # "El-Hassan" of "Elhassan", "Al Amin" of "Alamin"
        if token.startswith(particle) and token[2] not in "aeiouy":
            out.append(f"{particle} {token[2:]}")
    for cut in range(3, len(token) - 2):
        left, right = token[:cut], token[cut:]
        # Where a syllable ends (after a vowel, an "n" or "ng": "Wing-Yan") and the next
        # begins (a consonant before a vowel, an "h", "r", "l", "w" or "y").
        ends = left[-1] in "aeiouy" or (left[-1] in "ng" and left[-2] in "aeioun")
        if (
            ends
            and right[0] not in "aeiou"
            and right[1] in "aeiouyhrlwy"
            and re.search("[aeiouy]", right)
        ):
            out.append(f"{left} {right}")
    return out


def _split_prefix(token: str) -> str | None:
    for prefix in _NAME_PREFIXES:
        if token.startswith(prefix) and len(token) >= len(prefix) + 3:
            return prefix + " " + token[len(prefix) :]
    return None


# Words of respect and kinship Gujarati, Hindi, Urdu, Bengali and Marathi join to a given name
# ("Hiteshbhai", "Hansaben", "Rekhadidi", "Ramji"), or write after it with a hyphen.
_JOINED_AFTER = (
    "bhai bhaiya ben behn bahen kumar kumari ji jee didi bhabhi bhau tai bai apa"
    # Malayalam: "-mol" (girl) and "-mon" (boy) joined to a given name ("Ancymol",
    # "Jomon"), "-chechi", "-chettan", "-kutty" (little one).
    " mol mon chechi chettan kutty"
).split()


def _capital_forms(found, forms: dict, restricted: set, descriptor) -> None:
    """Each of ``found`` not yet a form of a name: a form of this one, found only written with
    its capital (a pet form, a spelling run together or split)."""
    for form in found:
        if form not in forms:
            forms.setdefault(form, set()).add(descriptor)
            restricted.add(form)


def _add_declined(forms: dict[str, set[str]], tokens: list[str], descriptor: str) -> None:
    """The declined forms of a name ("alfreda kowalskiego", "kowalskiemu"), for ``descriptor``:
    each word alone, and the first and last words together in any of their forms."""
    tokens = [t for t in tokens if t not in TITLES]
    options = []
    for token in tokens:
        declined = [] if token in PARTICLES | COMMON_WORDS else sorted(case_forms(token))
        for form in declined:
            forms.setdefault(form, set()).add(descriptor)
        # Side by side, the common forms only: each word alone finds the rest.
        together = set(case_forms(token, rarer=False)) if declined else set()
        options.append([token, *(f for f in declined if f in together)])
    if len(options) > 1:
        for first in options[0]:
            for last in options[-1]:
                forms.setdefault(f"{first} {last}", set()).add(descriptor)


# Names that are also the name of a faith ("Islam", "Jain", "Christian"): the faith, not the
# person, where the words around say so: "practising Islam", "converted to Islam", "the
# teachings of Islam", "the Jain faith". Nothing else: "about Islam", "of Islam" or "Islam
# faith" may be Dr Islam.
_FAITHS = frozenset("islam jain christian hindu sikh buddhist".split())
_FAITH_BEFORE = re.compile(
    r"(?:\b(?:practi[sc](?:e|es|ed|ing)(?:[ \t]+of)?|convert(?:ed|s|ing)?[ \t]+to|conversion"
    r"[ \t]+to|(?:faith|teachings|tenets|pillars|practices)[ \t]+of|the)[ \t]+)$",
    re.I,
)
_FAITH_AFTER = re.compile(r"[ \t]+(?:faith|religion|teachings?|beliefs?|community|tradition)\b")


# "about Islam and her faith": a word of religion later in the sentence says which it is.
_FAITH_NEAR_BEFORE = re.compile(r"\b(?:about|in|into|towards)[ \t]+$")
_FAITH_WORDS = re.compile(
    r"[^.!?\n]*?\b(?:faith|religion|religious|mosque|church|temple|gurdwara|synagogue|prayers?"
    r"|praying|ramadan|eid|qur'?an|koran|bible|scriptures?|worship|spiritual|beliefs?)\b",
    re.I,
)


def _a_faith(folded: str, m: re.Match) -> bool:
    if m.group(0).lower() not in _FAITHS:
        return False
    if (
        _FAITH_NEAR_BEFORE.search(folded, max(0, m.start() - 12), m.start())
        and folded[m.end() : m.end() + 1] not in ("'", "’")
        and _FAITH_WORDS.match(folded, m.end())
    ):
        return True
    before = _FAITH_BEFORE.search(folded, max(0, m.start() - 30), m.start())
    if before and before[0].lower().strip() == "the":
        # "the Jain faith": the word after it says so ("the Jain family" is the Jains).
        return _FAITH_AFTER.match(folded, m.end()) is not None
    return bool(before)


def edits_apart(a: str, b: str) -> int:
    """Letters changed, added or left out from one word to the other."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, start=1):
        current = [i]
        for j, y in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def _family_plural(folded: str, m: re.Match) -> bool:
    """A name with "s" or "es" after it is a family only as "the Wiśniewskis" or with the
    plural's apostrophe ("Al-Sayeds' home"); otherwise it is another word ("Marshes")."""
    return folded[m.end() : m.end() + 1] == "'" or bool(
        re.search(r"(?<!\w)the\s+$", folded[max(0, m.start() - 5) : m.start()], re.I)
    )


LINK_REMOVED = "[web address removed]"
FILE_REMOVED = "[file name removed]"
# A run of text with no space in it that is a web address or a file's name.
_NO_SPACE = re.compile(r"[^\s()<>\[\]\"'‘’“”,;]+")
_LINK = re.compile(r"(?:https?://|www\.)|^[\w.\-]+\.[a-z]{2,}(?:\.[a-z]{2})?/", re.I)
_FILE = re.compile(r"\.(?:docx?|xlsx?|xlsb|csv|pdf|txt|rtf|odt|ods|msg|eml|jpe?g|png|mp4)$", re.I)


_JOINERS = frozenset("/_.-@:=?&#%+~")
USER_REMOVED = "[user name removed]"
TAG_REMOVED = "[tag removed]"


def _handle(token: str, left: str, right: str) -> bool:
    """A user name or a tag ("@AlfredK19", "rebecca_k", "kowalska2019", "#JusticeForAlfred"):
    a token that starts with "@" or "#", or a name joined to more of the token by an
    underscore, a digit or a capital (``left`` and ``right``: the characters either side)."""
    if "/" in token or token.count("@") > 1 or "@" in token[1:]:
        return False
    return token.startswith(("@", "#")) or "_" in (left, right) or left.isalnum() or right.isalnum()


# A tag or a user name: "#JusticeForAlfred", "@TeamKowalski" (not an e-mail address's "@").
_TAGGED = re.compile(r"(?<![\w@#.])[#@][^\W_](?:[\w.]*\w)?")
_HUMP = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _whole_links(text: str, found: list[Found]) -> list[Found]:
    """A name inside a web address or a file's name ("facebook.com/lukasz.wisniewski84",
    "Statement_Lukasz_Wisniewski_v2.docx") takes the whole address or name with it: what is
    left of either would not read, and may name someone in other ways."""
    out = []
    for hit in found:
        left = text[hit.start - 1 : hit.start]
        right = text[hit.end : hit.end + 1]
        if hit.what in ("name", "initials") and (
            left in _JOINERS or right in _JOINERS or left.isalnum() or right.isalnum()
        ):
            for m in _NO_SPACE.finditer(
                text, max(0, hit.start - 200), min(len(text), hit.end + 200)
            ):
                if m.start() <= hit.start and hit.end <= m.end():
                    token = m.group(0).rstrip(".:")
                    if _LINK.search(token):
                        hit = Found(m.start(), m.start() + len(token), token, "name", LINK_REMOVED)
                    elif _FILE.search(token):
                        hit = Found(m.start(), m.start() + len(token), token, "name", FILE_REMOVED)
                    elif _handle(token, left, right):
                        what = TAG_REMOVED if token.startswith("#") else USER_REMOVED
                        hit = Found(m.start(), m.start() + len(token), token, "name", what)
                    break
        out.append(hit)
    return out


# Welsh, Irish and Scottish Gaelic change a name's first sound after certain words: Welsh soft
# mutation ("i Geri" of Ceri, "gan Domos" of Tomos, "i Wenllian" of Gwenllian), nasal ("fy
# Nhomos"), aspirate ("a Thomos", "â Cheri"), and Gaelic lenition ("a Phádraig", "a Mhàiri").
# A name so changed is the person only after a word that changes it.
_SOFT = (
    ("rh", "r"),
    ("ll", "l"),
    ("p", "b"),
    ("t", "d"),
    ("c", "g"),
    ("b", "f"),
    ("d", "dd"),
    ("g", ""),
    ("m", "f"),
)
_NASAL = (("p", "mh"), ("t", "nh"), ("c", "ngh"), ("b", "m"), ("d", "n"), ("g", "ng"))
# The words a mutated name follows: Welsh prepositions, conjunctions and possessives (soft,
# nasal), "a"/"â"/"gyda"/"tua"/"ei" (aspirate; the Gaelic vocative "a" lenites).
_SOFT_AFTER = frozenset(
    "i o at am ar dan gan heb hyd wrth drwy trwy yn ei dy neu na pan mor".split()
)
_NASAL_AFTER = frozenset("fy yn".split())
_AFTER_H = frozenset("a â ac ag gyda efo tua ei na".split())
_WORD_BEFORE = re.compile(r"(?<![\w])([^\W\d_]+)[ \t]+$")


def mutations(token: str) -> dict[str, str]:
    """The forms of a name part (folded, lower case) that mutation makes, each with the kind
    of word that makes it: "soft", "nasal" or "h" (an "h" after the first consonant: the
    Welsh aspirate and the Gaelic lenition)."""
    out: dict[str, str] = {}
    if len(token) < 4 or not token.isalpha():
        return out
    lenited = token
    if token[0] in "bcdfgmpst" and token[1] != "h":
        lenited = token[0] + "h" + token[1:]
        out[lenited] = "h"
    # The Irish vocative also makes the last vowel of a lenited name slender: "a Sheáin" of
    # Seán, "a Chiaráin" of Ciarán, "a Shéamuis" of Séamus (an "i" before the last consonants).
    slender = re.match(r"(.*[aou])([^aeiouy]+)$", lenited)
    if lenited != token and slender and not re.search(r"[ie][^aeiouy]+$", lenited):
        out.setdefault(slender[1] + "i" + slender[2], "h")
    for kind, table in (("soft", _SOFT), ("nasal", _NASAL)):
        for start, becomes in table:
            if token.startswith(start) and not (start == "c" and token.startswith("ch")):
                form = becomes + token[len(start) :]
                if len(form) >= 3 and form != token:
                    out.setdefault(form, kind)
                break
    return out


def _mutated_here(folded: str, text: str, m: re.Match, kind: str) -> bool:
    """True when the word before a mutated name is one that makes that mutation, and the name
    has its capital."""
    if not text[m.start() : m.start() + 1].isupper():
        return False
    before = _WORD_BEFORE.search(folded, max(0, m.start() - 12), m.start())
    if not before:
        return False
    word = before[1]
    # The word that mutates the name may begin a sentence, a quotation or a heading ("'A
    # Sheáin, come in'", "I Wenllian" as a title): then it has its capital. (An English "A"
    # so begins many sentences: only a name called by it, a comma or "!" after it.)
    if not word.islower():
        if not (
            word[:1].isupper()
            and (word[1:] or "a").islower()
            and _OPENS.search(folded, 0, before.start())
        ):
            return False
        word = word.lower()
        if kind == "h" and not re.match(r"[ \t]*[,!]", text[m.end() : m.end() + 3]):
            return False
    if kind == "h":
        return word in _AFTER_H
    words = _SOFT_AFTER if kind == "soft" else _NASAL_AFTER
    return word in words


# Where a sentence, a quotation or a line begins.
_OPENS = re.compile(r"(?:^|[.!?]\s+|\n\s*|[\"“‘'(]\s*)$")


# Words before a word in lower case that make it an ordinary word, not a name ("the line
# manager", "a line"), and a number after it ("line 4").
_DETERMINERS = frozenset(
    "the a an this that these those each every per no any our your their its my his her".split()
)


def _ordinary_word(text: str, m: re.Match) -> bool:
    """A one-word other name written in lower case after "the", "a", "this" and the like, or
    before a number, is a word of the language ("the line manager", "on line 4" where Line is
    someone's short name); a name written in lower case is written so after a verb or a
    comma ("told kerry"), not after an article."""
    word = text[m.start() : m.end()]
    if not word.islower() or not word.isalpha():
        return False
    if re.match(r"[ \t]+\d", text[m.end() : m.end() + 3]):
        return True
    before = _WORD_BEFORE.search(text, max(0, m.start() - 8), m.start())
    return bool(before) and before[1].lower() in _DETERMINERS


# What a family's name written in lower case goes before and is still theirs ("the kowalski
# family", "the patel case").
_THEIR_THINGS = frozenset(
    """family families household home house flat case children kids boys girls twins siblings
    brothers sisters parents household's family's file files referral referrals incident
    matter report visit visits address side clan lot""".split()
)


def _word_before_a_noun(text: str, m: re.Match) -> bool:
    """A one-word name written in lower case between "the", "a", "this" and the like and a
    word in lower case that is not the family's (a household, a case, a visit) is a word of the
    language before its noun ("the rowan tree", "a hazel stick"), not a person ("the kowalski
    family" is the family)."""
    word = text[m.start() : m.end()]
    if not word.islower() or not word.isalpha():
        return False
    before = _WORD_BEFORE.search(text, max(0, m.start() - 8), m.start())
    if not before or before[1].lower() not in _DETERMINERS:
        return False
    after = _WORD_AFTER.match(text, m.end())
    return after is not None and after[1] not in _THEIR_THINGS and "'" not in after[1]


# What a word of the language comes after where a name written in lower case never does: a
# verb of being or seeming, a word of degree ("was shiny", "looked very rosy"), or "in" and
# "of" before a unit or a material ("given in kelvin", "made of amber").
_PREDICATE_BEFORE = re.compile(
    r"(?<![\w'’])(?:(?<!it[ \t])(?<!that[ \t])(?<!this[ \t])(?<!who[ \t])"
    r"(?:was|is|were|are|be|been|being|looked|looks|seemed|seems|felt|feels|became|becomes"
    r"|appeared|appears|remained|stayed|got|very|so|too|quite|rather|really|fairly|extremely)"
    r"|(?:given|measured|recorded|shown|written|expressed|made|read|set)[ \t]+(?:in|of))[ \t]+$"
)
# What ends such a word: the end of a clause or "and", "or", "but" before more of it.
_PREDICATE_END = re.compile(r"(?:[ \t]*(?:[.,;:!?)]|$)|[ \t]+(?:and|or|but)\b)")


def _lower_case_predicate(text: str, m: re.Match) -> bool:
    """A one-word name written in lower case after a verb of being or seeming or a word of
    degree, or after "given in", "made of", at the end of its clause ("the floor was shiny.",
    "given in kelvin."), is a word of the language; "it was kerry" and "told kerry" are not
    read so."""
    word = text[m.start() : m.end()]
    if not word.islower() or not word.isalpha():
        return False
    if not _PREDICATE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
        return False
    return _PREDICATE_END.match(text, m.end()) is not None


# What follows a name that begins a sentence: a verb, a word that joins or qualifies one, or a
# preposition, or a relative ("Young said", "Young then rang", "Young and his wife", "Young at
# the door", "Grace mum rang" as a note writes "Grace's mum").
# Irregular past forms are listed; "-ed", "-ly" and "-s" endings are read as such.
_AFTER_A_NAME = frozenset(
    """is was were are am be been being has had have having do does did doing will would shall
    should can could may might must and or but nor also then later now never always often still
    too again once soon first alone herself himself themselves itself who whose which that as
    at in on to with from by for about after before when while because if into onto over under
    upon via against towards toward without within not just only age
    mum mam mom dad nan nanny gran granny grandma grandad grandmother grandfather brother sister
    aunt auntie uncle cousin partner boyfriend girlfriend husband wife son daughter stepdad
    stepmum
    said told went came saw took gave made left got felt thought knew met ran sat stood spoke
    wrote brought kept found heard lost paid sent spent hit let put set became began drove
    forgot held lay led meant read rang rode rose sang sold shook slept stole swore taught
    threw understood woke wore won broke bought caught chose drank drew ate fell fed fled flew
    fought forgave froze grew hid hung hurt knelt laid lent lit quit sought shot shut sank slid
    spat spread stuck struck swam swept swung tore wept withdrew bit dug shone stank sprang
    stung spun sped bled bent bound bred burnt dealt dreamt dwelt forbade foresaw leant leapt
    learnt overheard overslept overtook shrank spelt spilt strode strung""".split()
)
_WORD_AFTER = re.compile(r"[ \t]+([a-z][a-z'’]*)(?![\w-])")
_DOTTED_BEFORE = re.compile(rf"(?<![\w'’])(?:{TITLE_WORDS}|[A-Z])\.[ \t]+$")


def _ordinary_opening(text: str, m: re.Match) -> bool:
    """True when a word of the language that is also someone's name begins a sentence, with
    the capital only the sentence gives it, and what follows is a word that goes with the word,
    not with a person ("Young people met", "Mark the date", "Grace period"): not a verb, not a
    word that joins or qualifies one, not a preposition ("Young said", "Young then rang",
    "Young and his wife" are the person)."""
    word = text[m.start() : m.end()]
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
        return False
    if _NUMBERED_AFTER.match(text, m.end()):
        # "Page 4 of the plan", "on Ward 7": a word before its number, not someone of that
        # age ("Grace 14 yrs"), at a sentence start or after a preposition.
        before = _WORD_BEFORE.search(text, max(0, m.start() - 8), m.start())
        return bool(
            _OPENS.search(text, max(0, m.start() - 6), m.start())
            or (before and before[1].lower() in _NUMBER_PREPOSITIONS)
        )
    if not _OPENS.search(text, max(0, m.start() - 6), m.start()):
        return False
    if _DOTTED_BEFORE.search(text, max(0, m.start() - 14), m.start()):
        return False  # "Dr. Young", "J. Young": a title's or an initial's dot ends no sentence
    after = _WORD_AFTER.match(text, m.end())
    if after is None:
        return False
    follows = after[1]
    if follows in _PLURAL_VERBS and word.endswith("s") and not word.endswith("ss"):
        return True  # "Banks were shut", "Fields are wet": a plural, never one person
    if follows in _AFTER_A_NAME or "'" in follows or "’" in follows:
        return False
    if follows.endswith(("ed", "ly")):
        return False
    if follows.endswith("s") and not follows.endswith(("ers", "ss")):
        # A verb ("Young says", "Hunter rings the school"), unless a verb of the plural
        # follows it: then it is a plural noun the word goes with ("Hunter wellies were by
        # the door", "Young offenders are seen"). A verb of saying is the person still
        # ("Young says were hungry", as notes write "says they were").
        then = _WORD_AFTER.match(text, after.end())
        return then is not None and then[1] in _PLURAL_VERBS and follows not in _SAYING
    return True


# Relatives a name goes before as notes write them ("Grace mum rang", "Yusufs mum said").
_KIN_NOUNS = frozenset(
    """mum mam mom dad nan nanny gran granny grandma grandad grandmother grandfather brother
    sister aunt auntie uncle cousin partner boyfriend girlfriend husband wife son daughter
    stepdad stepmum""".split()
)
# Words of time and place that follow a noun, never a noun of its own ("wore Jeans today").
_NOT_NOUNS = frozenset("today yesterday tonight tomorrow now here there home anyway".split())
# A number after a word, not an age ("Page 4", "Ward 7"; not "Grace 14 yrs", "Hope 3 months").
_NUMBERED_AFTER = re.compile(
    r"[ \t]+\d+(?!\d)[a-z]?(?![/.:-]\d)(?![ \t]*(?:\(|years?|yrs?|y/?o|months?|mths?|weeks?|wks?"
    r"|days?|times|-year)\b)"
)
_NUMBER_PREPOSITIONS = frozenset("on in at see of".split())
# Verbs that agree only with a plural: after "Hunter wellies" they say "wellies" is a noun.
_PLURAL_VERBS = frozenset("are were have".split())
# Verbs of saying, thinking and wanting that notes write before a clause with no subject.
_SAYING = frozenset(
    """says states reports tells asks thinks feels wants needs claims denies admits explains
    confirms knows believes hopes agrees adds recalls remembers describes discloses alleges
    means seems appears""".split()
)


# Street words: a family's name before one names the street ("Campbell Road").
_STREET_WORDS = frozenset(
    "street road lane avenue close drive way crescent terrace place square gardens grove"
    " row walk mews".split()
)


# What a town's name goes before ("Bolton Council", "Chester Station"): never a person.
_TOWN_THINGS = frozenset(
    "council borough station hospital airport museum zoo cathedral castle college"
    " magistrates crown county town city harbour harbor bay beach pier port docks quay"
    " marina university".split()
)
# What a place is written after: "near", "outside"; a verb of moving and "to", "from" or
# "into" ("moved to", "returned from", "moved back to"); living, being born or a home "in"
# ("lived in", "a flat in"). Not "spoke to", "a call from", "confidence in".
_PLACE_BEFORE = re.compile(
    r"(?<![\w'’])(?:near|outside"
    r"|(?:move[ds]?|moving|relocat(?:ed|ing|es?)|return(?:ed|ing|s)?|travel(?:l?ed|l?ing|s)?"
    r"|fled|flee(?:s|ing)?|transferred|emigrated|drove|driven)[ \t]+(?:back[ \t]+)?"
    r"(?:to|from|into|towards|in)"
    r"|(?:lived|lives?|living|born|based|stay(?:ed|ing|s)?|settled|housed|grew[ \t]+up|placed"
    r"|school|schools|flat|house|home|hostel|accommodation|relatives|family|area|somewhere"
    r"|elsewhere)[ \t]+(?:in|near|outside))[ \t]+$",
    re.I,
)


def _as_a_place(text: str, start: int, end: int) -> bool:
    """The word at ``start:end`` written as a place: before a town's council, station and the
    like (not after a title: "Mr Bolton's college"), or after living "in", "near", moving
    "to" (see ``_PLACE_BEFORE``)."""
    after = re.match(r"[ \t]+([A-Z][a-z]+)\b", text[end : end + 16])
    if after and after[1].lower() in _TOWN_THINGS:
        return not _TITLE_BEFORE.search(text, max(0, start - 14), start)
    return _PLACE_BEFORE.search(text, max(0, start - 40), start) is not None


# Where a given name that is also a place is the place: living or born in it, moving to it.
_GIVEN_PLACE_BEFORE = re.compile(
    r"(?<![\w'’])(?:(?:lived|lives|living|born|based|grew[ \t]+up|settled|holidayed)[ \t]+in"
    r"|(?:move[ds]?|moving|relocat(?:ed|ing|es?)|emigrated)[ \t]+(?:back[ \t]+)?(?:to|from))"
    r"[ \t]+$",
    re.I,
)
# Going or coming somewhere, or someone: "went to", "came back from", "a trip to", "visited".
_WEAK_PLACE_BEFORE = re.compile(
    r"(?<![\w'’])(?:went|go|goes|going|gone|came|come|comes|coming|got[ \t]+back|visit(?:ed"
    r"|ing|s)?|trips?|journey|day[ \t]+out|holiday|bus|train)[ \t]+(?:back[ \t]+)?"
    r"(?:(?:to|from|in|into)[ \t]+)?$",
    re.I,
)
# What says a place was gone to: when, or how ("on Saturday", "for the weekend", "by train").
# Not who with: "went to Bolton with her mum" may be to Mr Bolton, as "went to him with her mum".
_WHEN_AFTER = re.compile(
    r"[ \t]+(?:(?:in|during)[ \t]+(?:january|february|march|april|may|june|july|august"
    r"|september|october|november|december|\d{4}|the[ \t]+(?:summer|holidays?|morning"
    r"|afternoon|evening))|on[ \t]+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|the[ \t]+(?:bus|train)|holiday|foot)|at[ \t]+the[ \t]+weekend|for[ \t]+(?:the|a)[ \t]+"
    r"(?:day|weekend|week|night|holidays?|break|month|summer)|by[ \t]+(?:bus|train|car|coach"
    r"|taxi|tram)|(?:last|next|this)[ \t]+(?:week|month|year|weekend|summer|winter|spring"
    r"|autumn|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|with[ \t]+(?:the|her|his|their)[ \t]+(?:school|class|nursery|college|youth[ \t]+club))\b",
    re.I,
)


# A given name in brackets or between commas just after a family name ("Liu (Zihao)").
_GIVEN_AFTER = re.compile(r"[ \t]*\([ \t]*([A-Z][^\W\d_]+)[ \t]*\)")

# Words after a name that do not say a family does something ("Petrovs and", "Petrovs in").
_NOT_AFTER_FAMILY = frozenset(
    """and or but nor as at in on to with from by for about after before into onto over under
    upon via against towards toward without within not just only age who whose which that
    herself himself itself is was has does""".split()
)

# Family names that are a given name with an "s" (a father's name, as Welsh and English names
# were made): "Evans" is Evan's no more than anyone's.
_S_SURNAMES = frozenset(
    """evans williams roberts edwards phillips philips matthews mathews andrews stephens
    stevens richards peters jenkins watkins hopkins daniels collins adams nicholls owens
    rogers michaels samuels jacobs reynolds simmons simons harris dennis davids thomas
    jones hughes parsons gibbs lewis ellis""".split()
)

# Turkish and Azerbaijani letters as English spells them ("Elşən" as "Elshan").
_TURKIC_AS_ENGLISH = str.maketrans({"ş": "sh", "Ş": "Sh", "ç": "ch", "Ç": "Ch", "ə": "a"})

# Muhammad written short, and what may follow its dot: a name, with its capital.
_WRITTEN_SHORT = frozenset("md mohd muhd".split())
_WORD_AFTER_DOT = re.compile(r"[ \t]+([A-Z][^\W\d_]*)")
# Muhammad in the ways it is romanised ("Mohammed", "Muhammad", "Mohamad", "Muhammed").
_MUHAMMAD = re.compile(r"m[ou]h[ae]mm?[ae]d")


class Anonymiser:
    """Built once from the register; ``apply`` replaces, ``find`` reports."""

    def __init__(
        self,
        entries: Iterable[RegisterEntry],
        keep: Iterable[str] = (),
        initials: bool = True,
        capitals_only: bool = False,
    ) -> None:
        """``initials``: also find the people by their initials. ``capitals_only``: a one-word
        name counts only written with a capital (as a word that is also a name always does)."""
        self.entries = [e for e in entries if e.name.strip()]
        self.keep = frozenset(k for k in keep if k)
        forms: dict[str, set[str]] = {}  # folded lower form -> descriptors
        restricted: set[str] = set()
        places: dict[str, set[str]] = {}  # places and addresses, written with commas or not
        # "Willowbank" of "Willowbank Care Home" -> the words that follow it in the name
        self._short_places: dict[str, set[str]] = {}
        self._births = birth_keys(e.date_of_birth for e in self.entries if e.date_of_birth)
        # "geri" of Ceri -> ("soft", descriptors): found only after a word that mutates it.
        mutated: dict[str, tuple[str, set[str]]] = {}
        joined_to: dict[str, set[str]] = {}  # "hitesh" -> who, for "Hiteshbhai"
        self._tokens_of: dict[str, set[str]] = {}  # descriptor -> the words of their names
        self._roles: dict[str, tuple[str, re.Pattern] | None] = {}  # see ``_shared_role``
        # Who has "van" or "von" in their name ("Pieter van den Berg"): "v.d. Berg" is them.
        self._van = {
            e.descriptor.strip() or NAME_REMOVED
            for e in self.entries
            if {"van", "von"} & set(_tokens(" ".join((e.name, *e.variants))))
        }
        for entry in self.entries:
            descriptor = entry.descriptor.strip() or NAME_REMOVED
            names = [entry.name, *entry.variants]
            mandarin = entry.kind == "person" and pinyin(entry.name)
            georgian_name = entry.kind == "person" and georgian(entry.name)
            hungarian_name = entry.kind == "person" and hungarian(entry.name)
            gaelic_name = entry.kind == "person" and gaelic(entry.name)
            given = set(names)  # as registered, before the forms made of them below
            # "O'Neill" is also typed "ONeill" and "O Neill".
            names += [fold(n).replace("'", c) for n in names if "'" in fold(n) for c in ("", " ")]
            # "Djordje" of "Đorđe", "Thorunn" of "Þórunn", "Mueller" of "Müller".
            names += [t for n in names if (t := n.translate(_SPELLED_OUT)) != n]
            if entry.kind == "person":
                # "Kouno", "Kohno", "Yuuto" of "Kōno", "Yūto"; "Nic Dhòmhnaill" of
                # "NicDhòmhnaill" (and so "Dhòmhnaill" alone).
                names += [v for n in given for v in long_vowel_spellings(n)]
                names += [v for n in given if (v := gaelic_spaced(n)) is not None]
                names += _joined(names) + _glued(entry.name)
            for name in names:
                tokens = _tokens(name)
                if not tokens:
                    continue
                if entry.kind == "place":
                    for form in place_forms(name):
                        places.setdefault(form, set()).add(descriptor)
                        if " " not in form and form != " ".join(tokens):
                            # The word the name goes on with: "care" of "Willowbank Care Home".
                            at = tokens.index(form) if form in tokens else len(tokens)
                            rest = tokens[at + 1] if at + 1 < len(tokens) else ""
                            self._short_places.setdefault(form, set()).add(rest)
                    continue
                forms.setdefault(" ".join(tokens), set()).add(descriptor)
                # Runs of parts: "Smith Jones" of "Zoë Smith-Jones", written either way.
                for size in range(2, len(tokens)):
                    for first in range(len(tokens) - size + 1):
                        run = tokens[first : first + size]
                        if not set(run) <= PARTICLES | TITLES:  # "van der" is no one
                            forms.setdefault(" ".join(run), set()).add(descriptor)
                # Surname first, as case systems write it: "AP GWILYM, Rhys", "Kaur Gurpreet".
                for cut in range(1, len(tokens)):
                    turned = tokens[cut:] + tokens[:cut]
                    if turned[0] not in PARTICLES or len(turned) > 2:
                        forms.setdefault(" ".join(turned), set()).add(descriptor)
                for at, token in enumerate(tokens):
                    # (A number is never a name alone: "20" of "Kayden Marsh 20" is any 20.)
                    if token in TITLES or token in PARTICLES or len(token) < 2 or token.isdigit():
                        continue
                    if token in SUFFIXES and at > 1 and at == len(tokens) - 1:
                        continue  # "Júnior" of João Pedro Carvalho Júnior
                    forms.setdefault(token, set()).add(descriptor)
                    if (split := _split_prefix(token)) is not None:
                        forms.setdefault(split, set()).add(descriptor)
                    if token in COMMON_WORDS:
                        restricted.add(token)
                    if entry.kind == "person" and name in given:
                        # "Abdi-Rahman", "Abu Bakr", "Wing-Yan" of a name registered as one
                        # word: found written with its capital.
                        _capital_forms(_split_anywhere(token), forms, restricted, descriptor)
                if entry.kind == "person" and name in given and len(tokens[0]) >= 3:
                    # "Hiteshbhai", "Hansaben": a word of respect or kinship joined to the
                    # given name (see ``_joined_after``).
                    if tokens[0] not in PARTICLES | TITLES:
                        joined_to.setdefault(tokens[0], set()).add(descriptor)
                if entry.kind == "person" and name in given and mandarin:
                    # "Zi-Han", "Hanhan", "Xiao Han" of Zihan: found with their capital.
                    spelt = (form for token in tokens for form in pinyin_forms(token))
                    _capital_forms(spelt, forms, restricted, descriptor)
                if entry.kind == "person" and name in given:
                    # "Mohd", "Muhd", "Md": Muhammad as it is written short, in any spelling
                    # of it ("Md" only so, not "MD").
                    for token in tokens:
                        if _MUHAMMAD.fullmatch(token):
                            for form in ("mohd", "muhd", "md"):
                                forms.setdefault(form, set()).add(descriptor)
                                restricted.add(form)
                if entry.kind == "person" and name in given and gaelic_name:
                    # "Mhairi" of Màiri, "Chaoimhe" of Caoimhe: the lenited given name is
                    # also a name people go by, with no word before it that lenites it.
                    lenited = (f for f, kind in mutations(tokens[0]).items() if kind == "h")
                    _capital_forms(lenited, forms, restricted, descriptor)
                if entry.kind == "person" and name in given and hungarian_name:
                    # "Timi", "Timike" of Tímea: the given names' pet forms, with their capital.
                    pets = {form for token in tokens for form in hungarian_pets(token)}
                    # and declined as the name is ("Timinek", "Timit").
                    pets |= {form for pet in pets for form in hungarian_forms(pet)}
                    _capital_forms(pets, forms, restricted, descriptor)
                if entry.kind == "person" and name in given and georgian_name:
                    # "Ninuka" of Nino: the given names' pet forms, found with their capital.
                    pets = (form for token in tokens[:-1] for form in georgian_pets(token))
                    _capital_forms(pets, forms, restricted, descriptor)
                if entry.kind == "person" and name in given:
                    # "Abdulkadir", "Kawai" of a name registered in two ("Abdul Kadir",
                    # "Chan Ka Wai"): two words next to each other run together.
                    for a, b in zip(tokens, tokens[1:], strict=False):
                        if a not in PARTICLES | TITLES and b not in PARTICLES | TITLES:
                            forms.setdefault(a + b, set()).add(descriptor)
            if entry.kind == "person" and declines(entry.name):
                for name in (entry.name, *entry.variants):
                    _add_declined(forms, _tokens(name), descriptor)
            if entry.kind == "person" and turkic(entry.name):
                # Turkish and Azerbaijani case, possessive and pet endings with no apostrophe
                # ("Ayselin", "Ayseldən", "Ayselcan"): found with their capital.
                suffixed = (
                    form
                    for name in (entry.name, *entry.variants)
                    for spelt in {name, name.translate(_TURKIC_AS_ENGLISH)}
                    for token in _tokens(spelt)
                    if token not in PARTICLES | TITLES | COMMON_WORDS
                    for form in turkic_forms(token)
                )
                _capital_forms(suffixed, forms, restricted, descriptor)
            if entry.kind == "person":
                # Finnish, Greek and Romanian case forms ("Virtasen", "Konstantine",
                # "Papadopoulou", "Țurcanului"), each word alone.
                made = [
                    how
                    for looks, how in (
                        (finnish, finnish_forms),
                        (greek, greek_forms),
                        (romanian, romanian_forms),
                        (hungarian, hungarian_forms),
                    )
                    if looks(entry.name)
                ]
                for name in (entry.name, *entry.variants) if made else ():
                    for token in _tokens(name):
                        if token not in PARTICLES | TITLES | COMMON_WORDS:
                            for how in made:
                                for form in how(token):
                                    forms.setdefault(form, set()).add(descriptor)
                # A Hungarian married name: "Szabóné" is Mrs Szabó, "Szabó" her name too; and
                # a registered "Balogh" is also written "Baloghné" (his wife, a relative).
                for word in re.findall(r"[^\W\d_]+", plain(" ".join(given))):
                    if (husband := hungarian_wife(word.lower())) is not None:
                        for token in _tokens(husband):
                            forms.setdefault(token, set()).add(descriptor)
            if entry.kind == "person":
                for name in given:
                    for token in _tokens(name):
                        if token in TITLES or token in PARTICLES:
                            continue
                        self._tokens_of.setdefault(descriptor, set()).add(token)
                        for form, kind in mutations(token).items():
                            mutated.setdefault(form, (kind, set()))[1].add(descriptor)
            for texts, removed in (
                (entry.addresses, ADDRESS_REMOVED),
                (entry.identifiers, ID_REMOVED),
            ):
                for text in texts:
                    for form in place_forms(text) if removed == ADDRESS_REMOVED else [text]:
                        tokens = _tokens(form.replace(",", " "))
                        if tokens:
                            places.setdefault(" ".join(tokens), set()).add(removed)
        # The family's name as the other sex carries it ("Kowalska" of Kowalski): a relative,
        # not the registered person.
        relatives: dict[str, set[str]] = {}
        for entry in self.entries:
            core = _core(entry.name)
            if entry.kind == "person" and len(core) > 1 and declines(entry.name):
                for other in other_sex(core[-1]):
                    for form in (other, *case_forms(other)):
                        if form not in forms:
                            relatives.setdefault(form, {NAME_REMOVED})
            if entry.kind == "person" and len(core) > 1:
                # "Einarsdóttir" of Einarsson: his daughter or sister, not him.
                for other in icelandic_other(core[-1]):
                    if other not in forms:
                        relatives.setdefault(other, {NAME_REMOVED})
            if entry.kind == "person" and len(core) > 1 and greek(entry.name):
                # "Papadopoulou": of Papadopoulos, and as often his wife's or daughter's name.
                for form in greek_forms(core[-1]):
                    if form.endswith("ou"):
                        relatives[form] = {NAME_REMOVED}
            if entry.kind == "person" and hungarian(entry.name):
                # "Lakatosné", "Dezsőné": his wife, as Hungarian names a married woman.
                for token in core:
                    if len(token) >= 4 and not token.endswith("ne") and token + "ne" not in forms:
                        relatives.setdefault(token + "ne", {NAME_REMOVED})
            if entry.kind == "person":
                for form in _irish_kin(core and _tokens(entry.name)):
                    if form not in forms:
                        relatives.setdefault(form, {NAME_REMOVED})
        forms |= relatives
        # Words only of other names, no one's registered name ("Line" of Adeline): written in
        # lower case after an article they are words of the language ("the line manager"); a
        # registered name so written is still the person ("the kowalski family").
        own = {t for e in self.entries if e.kind == "person" for t in _tokens(e.name)}
        self._other_names_only = {
            t for e in self.entries if e.kind == "person" for v in e.variants for t in _tokens(v)
        } - own
        self._mutations: dict[str, str] = {}
        for form, (kind, descriptors) in mutated.items():
            if form not in forms:
                forms[form] = descriptors
                self._mutations[form] = kind
                restricted.add(form)
        self._replacement = {
            form: (next(iter(d)) if len(d) == 1 else NAME_REMOVED) for form, d in forms.items()
        }
        self._replacement |= {
            form: _one_place(d) for form, d in places.items() if form not in forms
        }
        self._restricted = set(forms) if capitals_only else restricted
        self._names = _compiled(forms, _SEPARATOR, names=True)
        # A place or an address may be written with commas: "Flat 2, 9 Hope Street".
        self._places = _compiled(places, r"\.?[\s\-,]+")
        self._initials = self._initials_pattern() if initials else None
        self._joined_to = {
            given: next(iter(d)) if len(d) == 1 else NAME_REMOVED for given, d in joined_to.items()
        }
        self._joined = (
            re.compile(
                r"(?<![\w'’-])("
                + "|".join(map(re.escape, sorted(joined_to, key=len, reverse=True)))
                + r")-?(?:"
                + "|".join(_JOINED_AFTER)
                + r")(?![\w-])",
                re.I,
            )
            if joined_to
            else None
        )
        # The first letter of each person's surname -> who (one person) or "[name removed]".
        surnames: dict[str, set[str]] = {}
        self._last_names: set[str] = set()  # "ward" of "Patrick Ward"
        self._given_names: set[str] = set()  # "patrick" of "Patrick Ward"
        self._first_names: set[str] = set()
        for entry in self.entries:
            core = _core(entry.name)
            if entry.kind == "person" and len(core) > 1:
                self._last_names.add(core[-1])
                self._given_names.add(core[0])
                self._first_names |= {t for n in (entry.name, *entry.variants) for t in _tokens(n)}
                surnames.setdefault(core[-1][0], set()).add(
                    entry.descriptor.strip() or NAME_REMOVED
                )
        # The first letters of people's names ("Mama T" of a child called Tunde, of
        # Babatunde).
        self._first_letters = set()
        for entry in self.entries:
            if entry.kind == "person":
                for token in _tokens(entry.name):
                    self._first_letters.add(token[0])
                    if (rest := yoruba_rest(token)) is not None:
                        self._first_letters.add(rest[0].lower())
        self._first_letters = {c for c in self._first_letters if c.isalpha()}
        self._surname_letters = (
            {k: next(iter(v)) if len(v) == 1 else NAME_REMOVED for k, v in surnames.items()}
            if initials
            else {}
        )
        # What the review calls someone ("Mr T"), as a descriptor or its subject's pseudonym.
        self._descriptors = {
            re.sub(r"[\s.]", "", d).lower()
            for d in (*(e.descriptor for e in self.entries), *self.keep)
            if d
        }
        self._letters: dict[str, set[str]] = {}  # descriptor -> first letters of its names
        for entry in self.entries:
            for name in [entry.name, *entry.variants]:
                letters = {t[0] for t in _tokens(name) if t not in PARTICLES}
                if entry.kind == "person" and pinyin(entry.name):
                    # "Liu Z.X." of Liu Zixuan: a given name's syllables, each its initial.
                    letters |= {s[0] for t in _tokens(name) for s in pinyin_syllables(t)}
                self._letters.setdefault(entry.descriptor.strip() or NAME_REMOVED, set()).update(
                    letters
                )

    def _initials_pattern(self) -> re.Pattern | None:
        """Initials of a person (of no one in particular when two share them), with or without the
        particles ("R.G." and "R.a.G." of "Rhys ap Gwilym"), dotted or not; read on the folded
        text ("Ł.W." is "L.W."). Written without dots, two letters that are also a common
        abbreviation ("GP", "SW") are the abbreviation."""
        by_initials: dict[str, set[str]] = {}
        turned: set[str] = set()  # written only dotted
        for entry in self.entries:
            tokens = [t for t in _tokens(entry.name) if t not in TITLES]
            if entry.kind != "person" or len(tokens) < 2:
                continue
            core = [t for t in tokens if t not in PARTICLES]
            words = re.split(r"\s+", fold(entry.name).strip())
            for i, word in enumerate(words):
                parts = word.split("-")
                # "JP" of Jean-Pierre, "AJ" of Abdul-Jabbar: a first name in two parts, called
                # by its initials; and a given name of two short parts after the family name
                # ("JW" of Kim Ji-woo).
                if len(parts) == 2 and all(parts) and (i == 0 or max(map(len, parts)) <= 4):
                    key = "".join(p[0] for p in parts).upper()
                    if key.isalpha():
                        by_initials.setdefault(key, set()).add(entry.descriptor)
                elif len(parts) == 2 and all(parts) and i > 0:
                    # "I.A-K." of Iryna Ashworth-Kovalenko: a double-barrelled family name's
                    # initials with their hyphen, after the given names'.
                    head = "".join(w[0] for w in words[:i] if w not in PARTICLES | TITLES)
                    key = (head + parts[0][0] + "-" + parts[1][0]).upper()
                    if head and key.replace("-", "").isalpha():
                        by_initials.setdefault(key, set()).add(entry.descriptor)
            if len(core) > 1 and len(tokens) > len(core):
                # "T. ap D." of Tomos ap Dafydd: the particle written out between initials.
                key = "".join(t[0].upper() if t not in PARTICLES else t for t in tokens)
                by_initials.setdefault(key, set()).add(entry.descriptor)
            for words in {tuple(tokens), tuple(core)}:
                if len(words) > 1:
                    key = "".join(t[0] for t in words).upper()
                    by_initials.setdefault(key, set()).add(entry.descriptor)
            if len(core) > 2:
                # "W.R.K." of Ruwan Kumara Wickramasinghe: the family name's initial first,
                # as Sri Lankan and South Indian names are written (dotted only).
                key = "".join(t[0] for t in [core[-1], *core[:-1]]).upper()
                if key not in by_initials:
                    by_initials.setdefault(key, set()).add(entry.descriptor)
                    turned.add(key)
        # Initials two people share are still someone's: no descriptor can be chosen.
        self._initial_of = {
            k: next(iter(v)) if len(v) == 1 else NAME_REMOVED for k, v in by_initials.items()
        }
        if not self._initial_of:
            return None
        shapes = []
        for key in self._initial_of:
            if "-" in key:
                first, last = key.split("-")
                shapes.append(
                    r"\.?\s?".join(map(re.escape, first)) + r"\.?-" + re.escape(last) + r"\.?"
                )
                continue
            if not key.isupper():
                # With a particle: "T. ap D." (dotted only).
                pieces = re.findall(r"[A-Z]|[a-z]+", key)
                shape = "".join(
                    re.escape(p) + (r"\.\s?" if p.isupper() else r"\s+") for p in pieces
                )
                shapes.append(shape[: -len(r"\s?")] if shape.endswith(r"\s?") else shape)
                continue
            if key in turned:
                shapes.append(r"\.\s?".join(re.escape(c) for c in key) + r"\.")
                continue
            dotted = r"\.\s?".join(re.escape(c) for c in key) + r"\.?"
            shapes.append(dotted)
            if key not in ABBREVIATIONS:
                shapes.append(r"\.?\s?".join(re.escape(c) for c in key) + r"\.?")
        return re.compile(r"(?<![\w.])(?:" + "|".join(shapes) + r")(?![\w])")

    def _org_word(self, text: str, m: re.Match) -> bool:
        """True when a name that is also a word, with its capital, starts the name of a service,
        a street or a place ("Young People's Services", "Hope Street", "Grace Academy"): that
        is not the person."""
        key = _key(m.group(0))
        if key not in self._restricted or not text[m.start() : m.start() + 1].isupper():
            return False
        run = _CAPITALISED_RUN.match(text, m.end())
        if not run:
            return False
        last = fold(run.group(0).split()[-1]).lower().rstrip("'s").rstrip("'")
        return last in _ORGANISATION_WORDS or last.rstrip("s") in _ORGANISATION_WORDS

    def _named_thing(self, text: str, m: re.Match) -> bool:
        """True when a word of someone's name, with its capital, begins the name of a class, a
        team, a shop or a fund: "the Raja Yoga class", "the Cruz Azul team", "the Rosa Lind
        cafe" (Rosalind written in two), "the King's Fund". The words between it and what the
        thing is are no one's names; with none between, "the" or "a" stands before it (as it
        never stands before a person: "Raja's class" is Raja's). A title before it makes it
        the person ("Mr Raja's team")."""
        if m.group("plural") or not text[m.start() : m.start() + 1].isupper():
            return False
        key = _key(m.group(0))
        if " " in key and key not in self._restricted:
            return False  # a name written whole ("Shazia Raja") is the person
        after = _THING_AFTER.match(text, m.end())
        if after is None:
            return False
        thing = fold(after[3]).lower()
        run = after[2].split()
        if thing not in _THING_WORDS and thing.removesuffix("s") not in _THING_WORDS:
            # "the Chester Zoo trip": the thing's name, with its capital, before a word
            last = fold(run[-1]).lower() if run else ""
            if last not in _THING_WORDS and last.removesuffix("s") not in _THING_WORDS:
                return False
            run = run[:-1]
        between = [fold(w).lower().removesuffix("'s") for w in run]
        if any(w in self._replacement for w in between):
            return False  # "Raja Shazia team": another name
        if _TITLE_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            return False
        if between:
            return not after[1]  # "Raja's Yoga class" is Raja's
        before = _WORD_BEFORE.search(text, max(0, m.start() - 8), m.start())
        return bool(before) and before[1].lower() in _DETERMINERS

    def _street_named(self, text: str, m: re.Match) -> bool:
        """A family's or a given name alone before a street word names the street ("Campbell
        Road", "Lincoln Road")."""
        key = _key(m.group(0))
        if (key not in self._last_names and key not in self._given_names) or " " in key:
            return False
        after = re.match(r"[ \t]+([A-Z][a-z]+)\b", text[m.end() : m.end() + 16])
        return bool(after) and after[1].lower() in _STREET_WORDS

    def _place_named(self, text: str, m: re.Match) -> bool:
        """A family's name alone that is also a town's, written as a place: after living or a
        home "in" ("lived in Bolton", "a flat in Chester"), "near", "outside", after a verb of
        moving and "to", "from" or "into" ("moved to Bolton"), or before a town's council,
        station, hospital and the like ("Bolton Council said"); a given name only in fewer of
        these (see below). Never with an "'s" after it ("in Bolton's care" is the person's), nor after a title."""
        key = _key(m.group(0))
        if m.group("plural") or " " in key:
            return False
        given = key in self._given_names
        if not given and key not in self._last_names:
            return False
        if not text[m.start() : m.start() + 1].isupper():
            return False
        if text[m.end() : m.end() + 1] in ("'", "’"):
            return False
        if given:
            # A given name that is also a place ("Devon", "Lincoln", "Sydney"): only where
            # no one is meant: living or being born in it, moving to or from it, its council,
            # or gone to with a time or a way of travelling ("went to Paris for the weekend").
            # ("Returned to Devon", "sat near Devon" may be the person.)
            if _GIVEN_PLACE_BEFORE.search(text, max(0, m.start() - 30), m.start()):
                return True
            after = re.match(r"[ \t]+([A-Z][a-z]+)\b", text[m.end() : m.end() + 16])
            if after and after[1].lower() in _TOWN_THINGS - {"college", "hospital"}:
                return not _TITLE_BEFORE.search(text, max(0, m.start() - 14), m.start())
            return bool(
                _WEAK_PLACE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                and _WHEN_AFTER.match(text, m.end())
            )
        if _as_a_place(text, m.start(), m.end()):
            return True
        if key in COMMON_WORDS or not _WEAK_PLACE_BEFORE.search(
            text, max(0, m.start() - 30), m.start()
        ):
            return False  # ("went to Young with her mum" may be the grandfather)
        # "went to Bolton": a person is gone to too ("went to Young for help"). A place when
        # a time or a way of travelling follows ("went to Bolton on Saturday", "by train"),
        # or the same text writes the name as a place elsewhere ("moved to Bolton").
        if _WHEN_AFTER.match(text, m.end()):
            return True
        word = re.escape(text[m.start() : m.end()])
        return any(
            _as_a_place(text, o.start(), o.end())
            for o in re.finditer(rf"(?<![\w'’]){word}(?![\w'’])", text)
            if o.start() != m.start()
        )

    def _shared_role(self, key: str) -> tuple[str, re.Pattern] | None:
        """What everyone who has the name ``key`` is, when it is one numbered role ("Police
        Officer 1" and "Police Officer 2" are both "a police officer"), with the pattern of
        the role's words written just before a name ("Officer ", "Police Officer "); None
        when they are not all one role."""
        if key in self._roles:
            return self._roles[key]
        sharers = [d for d, tokens in self._tokens_of.items() if key in tokens]
        stems = {_NUMBERED.match(d) and _NUMBERED.match(d)[1].lower() for d in sharers}
        role = None
        if len(sharers) > 1 and len(stems) == 1 and (stem := stems.pop()):
            words = stem.split()
            tails = [r"[ \t]+".join(map(re.escape, words[i:])) for i in range(len(words))]
            before = re.compile(r"(?<![\w'’])(?:" + "|".join(tails) + r")[ \t]+$", re.I)
            role = ("a " + stem, before)
        self._roles[key] = role
        return role

    def _family_doing(self, text: str, m: re.Match) -> bool:
        """A registered family name with "s" and no "the" before a verb ("Petrovs came",
        "Kowalskis were told", as notes write a family; "Petrovs" is also the Latvian form of
        Petrov): the family. With the name's capital, a family name of five letters or more
        that is no word of the language and no given name."""
        if m.group("plural") != "s" or not text[m.start() : m.start() + 1].isupper():
            return False
        key = _key(text[m.start() : m.start("plural")])
        if " " in key or key in COMMON_WORDS or len(key) < 5 or key.endswith("s"):
            return False
        if key not in self._last_names or key in self._given_names or key in self._restricted:
            return False
        verb = _WORD_AFTER.match(text, m.end())
        if verb is None:
            return False
        word = verb[1]
        return (
            word in _PLURAL_VERBS
            or (word in _AFTER_A_NAME and word not in _KIN_NOUNS and word not in _NOT_AFTER_FAMILY)
            or (word.endswith("ed") and len(word) > 4)
        )

    def _unmarked_possessive(self, text: str, m: re.Match) -> bool:
        """A registered name with an "s" and no apostrophe before a noun, as notes write a
        possessive ("Yusufs bag was left", "took Yusufs coat"): with the name's capital, the
        name not a word of the language ("Wards", "Days" are words), not ending in "s", and a
        word in lower case after it that is no verb, adverb or preposition ("Jeans were
        muddy", "Days later" are plurals). At a sentence start, where the capital says
        nothing, a verb must follow that word ("Yusufs bag was left")."""
        if m.group("plural") != "s" or not text[m.start() : m.start() + 1].isupper():
            return False
        key = _key(text[m.start() : m.start("plural")])
        if " " in key or key in COMMON_WORDS or key.endswith("s") or len(key) < 4:
            return False
        if key not in self._replacement or key in self._restricted:
            return False
        noun = _WORD_AFTER.match(text, m.end())
        if noun is None or noun[1] in _NOT_NOUNS or noun[1] in _DETERMINERS:
            return False
        if noun[1] in _AFTER_A_NAME and noun[1] not in _KIN_NOUNS:
            return False
        if noun[1].endswith(("ed", "ly", "ing")) or "'" in noun[1] or "’" in noun[1]:
            return False
        if _TITLE_BEFORE.search(text, max(0, m.start() - 14), m.start()):
            return False  # "Mrs Evans report": a family name of its own, Evan registered
        if not _OPENS.search(text, max(0, m.start() - 6), m.start()):
            return True
        verb = _WORD_AFTER.match(text, noun.end())
        if noun[1].endswith("s"):
            # "Nadias notes were brief": a plural noun, then a verb of the plural.
            return verb is not None and verb[1] in _PLURAL_VERBS and not noun[1].endswith("ss")
        return verb is not None and (
            verb[1] in _AFTER_A_NAME or verb[1].endswith(("ed", "s")) or verb[1] in _SAYING
        )

    def _by_initials(self, folded: str, m: re.Match, named: str):
        """Who a family name several people share is, by the initials written before or after
        it ("H.K. Patel", "Liu Z.X."): (descriptor, their letters) when the letters are all of
        one sharer's names and of no other's; (NAME_REMOVED, every sharer's letters) when they
        are of several; None when there are no initials."""
        key = _key(named)
        before = _INITIAL_BEFORE.search(folded, max(0, m.start() - 12), m.start())
        after = (
            _INITIALS_AFTER.match(folded, m.end())
            or _INITIAL_AFTER.match(folded, m.end())
            or _BARE_INITIAL_AFTER.match(folded, m.end())
        )
        written = (before[0] if before else "") + (after[1] if after else "")
        capitals = {c.lower() for c in re.findall(r"[A-Z]", written)}
        if not capitals:
            return None
        sharers = [d for d, tokens in self._tokens_of.items() if key in tokens]
        fits = [d for d in sharers if capitals <= self._letters.get(d, set())]
        if len(fits) == 1:
            return fits[0], self._letters.get(fits[0], set())
        if fits:
            return NAME_REMOVED, set().union(*(self._letters.get(d, set()) for d in fits))
        return None

    def _misspelt_after(self, text: str, end: int, descriptor: str) -> int:
        """Where a name ends when the word after it is the person's other name misspelt
        ("Ceri Pritchad" of Ceri Pritchard): a letter apart, two in a long name."""
        after = _NEXT_WORD.match(text, end)
        if not after:
            return end
        word = fold(after[1]).lower().replace("’", "'")
        for token in self._tokens_of.get(descriptor, ()):
            if len(token) >= 5 and word != token and word[:1] == token[:1]:
                if edits_apart(word, token) <= (2 if len(token) >= 8 else 1):
                    return after.end()
        return end

    def _descriptor(self, matched: str) -> str | None:
        key = _key(matched.replace(",", " "))
        if key in self._restricted and not matched[:1].isupper():
            return None
        return self._replacement.get(key)

    def find(self, text: str) -> list[Found]:
        """Every register name, register detail and identifier in ``text``, and the names
        broken over a line with a hyphen ("Kowal-\nski", as text copied from a PDF has them)."""
        if not text:
            return []
        text = plain(text)
        found = self._find(text)
        if "-" in text and _LINE_HYPHEN.search(text):
            found = merged(text, found + _rejoined(text, self._find))
        return found

    def _find(self, text: str) -> list[Found]:
        found: list[Found] = []
        folded = fold(text)
        matches = []
        unmarked: set[int] = set()  # where a name with an "s" and no apostrophe is a possessive
        for m in [] if self._names is None else self._names.finditer(folded):
            if m.group("plural") and not _family_plural(folded, m):
                if self._family_doing(text, m):
                    pass  # "Petrovs came": the family, with no "the"
                elif not self._unmarked_possessive(text, m):
                    continue
                else:
                    unmarked.add(m.start())
            if self._org_word(text, m) or _acronym(text, m) or self._named_thing(text, m):
                continue
            if (
                not m.group("plural")
                and (word := _key(m[0])) in COMMON_WORDS
                and word in self._restricted
                and _ordinary_opening(text, m)
            ):
                continue
            whole = m.group(0)[: m.start("plural") - m.start()] if m.group("plural") else m[0]
            if whole == "MD":
                continue  # a doctor of medicine, a managing director
            if self._mutations and (kind := self._mutations.get(_key(whole))):
                if not _mutated_here(folded, text, m, kind):
                    continue
            if (
                self._other_names_only and _key(whole) in self._other_names_only
            ) and _ordinary_word(text, m):
                continue
            if not m.group("plural") and (
                _word_before_a_noun(text, m) or _lower_case_predicate(text, m)
            ):
                continue
            if self._street_named(text, m) or (self._last_names and self._place_named(text, m)):
                continue
            matches.append(m)
        for m in [] if self._places is None else self._places.finditer(folded):
            key = _key(m.group(0).replace(",", " "))
            # "Willowbank" alone is the home; "Brackenford Police" is not "Brackenford Primary".
            after = re.match(r"\s+([A-Z]\w*)", text[m.end() :])
            if (
                key in self._short_places
                and after
                and not _begins(after[1], self._short_places[key])
            ):
                continue
            matches.append(m)
        if matches:
            for m in matches:
                if _a_faith(folded, m):
                    continue
                named = m.group(0)
                if m.re is self._names and m.group("plural"):
                    named = folded[m.start() : m.start("plural")]
                descriptor = self._descriptor(text[m.start() : m.start() + len(named)])
                if descriptor in (ID_REMOVED, ADDRESS_REMOVED):
                    what = "identifier in the register" if descriptor == ID_REMOVED else "address"
                    found.append(
                        Found(m.start(), m.end(), text[m.start() : m.end()], what, descriptor)
                    )
                elif descriptor is not None:
                    end = m.end()
                    if (
                        m.re is self._names
                        and m.group("plural") == "s"
                        and (key := _key(named)) + "s" in _S_SURNAMES
                        and key not in self._last_names
                    ):
                        # "the Evans report", "Evans said" where Evan is someone's given name:
                        # a family name of its own (someone else's) or Evan's, unmarked: no one
                        # is named, and no one is printed.
                        unmarked.discard(m.start())
                        descriptor = NAME_REMOVED
                    letters = self._letters.get(descriptor, ())
                    if descriptor == NAME_REMOVED:
                        # A family name several registered people share ("Patel" of a child,
                        # a mother and a father): the initials beside it say which.
                        resolved = self._by_initials(folded, m, named)
                        if resolved is not None:
                            descriptor, letters = resolved
                    shared = None
                    if descriptor == NAME_REMOVED:
                        # "Officer Liu" of two police officers called Liu: what they both
                        # are ("a police officer"), the role's words before it taken with it.
                        shared = self._shared_role(_key(named))
                        if shared is not None:
                            descriptor = shared[0]
                            # "Officer Liu (Zihao)", "PC Liu (Zixuan)": the given name
                            # after it says which of them.
                            given = _GIVEN_AFTER.match(text, end)
                            which = given and [
                                d
                                for d, tokens in self._tokens_of.items()
                                if _key(named) in tokens and _key(given[1]) in tokens
                            ]
                            if which and len(which) == 1:
                                descriptor, letters = which[0], self._letters.get(which[0], ())
                                end = given.end()
                    # "Gurpreet K.": the initial of the rest of the name goes with it.
                    # "Ceri Pritchad" of Ceri Pritchard: the next word, the person's other
                    # name misspelt by a letter or two, goes with it.
                    end = self._misspelt_after(text, end, descriptor)
                    # "Volkov D.A.": the initials of the rest of the name go with it.
                    several = _INITIALS_AFTER.match(folded, end)
                    if several and all(
                        c.lower() in letters for c in re.findall(r"[A-Z]", several[1])
                    ):
                        end = several.end()
                    after = _INITIAL_AFTER.match(folded, end)
                    if after and after[1].lower() in letters:
                        # Its dot also ends the sentence when nothing or a new sentence follows.
                        ends = re.match(r"\s+[A-Z]|\s*$", folded[after.end() :])
                        end = after.end() - (1 if ends else 0)
                    elif (bare := _BARE_INITIAL_AFTER.match(folded, end)) and bare[1].lower() in (
                        letters
                    ):
                        end = bare.end()
                    start = m.start()
                    if descriptor in self._van:
                        van = _VAN_BEFORE.search(folded, max(0, start - 8), start)
                        start = van.start() if van else start
                    elif start and folded[start - 1] == "'":
                        prefix = _LETTER_BEFORE.search(folded, max(0, start - 3), start)
                        start = prefix.start() if prefix else start
                    # "G Kaur", "M.A. Chaudhry", "YM Katz": initials before the name, if they
                    # are the name's.
                    before = _INITIAL_BEFORE.search(folded, max(0, start - 12), start)
                    if (
                        before
                        and before[0].strip() not in ABBREVIATIONS
                        and all(c.lower() in letters for c in re.findall(r"[A-Z]", before[0]))
                    ):
                        start = before.start()
                    if shared is not None and (role := shared[1].search(text, 0, start)):
                        start = role.start()
                    key = _key(text[m.start() : m.start() + len(named)])
                    kin = _KIN_BEFORE.search(folded, max(0, start - 30), start)
                    if (
                        key in self._last_names
                        and kin
                        and text[kin.start()].isupper()
                        and kin[1].lower() not in self._first_names | _NOT_KIN
                        # "Abdi-Rahman Warsame" of Abdirahman Warsame, "Jean-Pierre"
                        and kin[1].lower().replace("-", "") not in self._first_names
                        and not set(kin[1].lower().split("-")) <= self._first_names
                    ):
                        # "Ryan Ward" when Patrick Ward is registered: a relative no register
                        # holds, with the family's name. Not the registered person.
                        start, descriptor = kin.start(), NAME_REMOVED
                    # "Imran bin Yusuf": the father's name after a name goes with it (a
                    # nasab); "Abu Tomasz", "Umm Tomasz": a parent named by a child (a kunya).
                    lineage = folded.startswith(_NASAB_WORDS, end) and _NASAB.match(folded, end)
                    if lineage:
                        end = lineage.end()
                    # "Sunita Didi", "Farzana Jan", "Emine Hanım", "Gurung-ji": a word of
                    # respect after the name goes with it.
                    respect = _RESPECT_AFTER.match(folded, end)
                    if respect and respect[1].casefold() in _HONORIFIC_WORDS:
                        end = respect.end()
                    elif respect and respect[1].casefold() in SUFFIXES:
                        # "Carvalho Jr.": its dot too, unless it also ends the sentence.
                        end = respect.end()
                        if re.match(r"\.[ \t]*[a-z,;)]", text[end : end + 3]):
                            end += 1
                    # "Szabó Jánosné" (Mrs János Szabó): a Hungarian married woman's name
                    # after the family's goes with it.
                    wife = _WIFE_AFTER.match(text, end)
                    if wife:
                        end = wife.end()
                    kunya = folded.endswith(_KUNYA_WORDS, 0, start) and _KUNYA.search(
                        folded, max(0, start - 8), start
                    )
                    if kunya:
                        start, descriptor = kunya.start(), NAME_REMOVED
                    if (
                        text[end : end + 1] == "."
                        and _key(named) in _WRITTEN_SHORT
                        and (nxt := _WORD_AFTER_DOT.match(text, end + 1))
                        and _key(nxt[1]) in self._replacement
                    ):
                        end += 1  # "Md. Kamal Uddin": the dot of a name written short
                    if m.start() in unmarked and m.re is self._names:
                        # "Yusufs bag": the possessive, its apostrophe left out, after the
                        # descriptor ("Child Y's bag").
                        descriptor += "'s"
                    found.append(Found(start, end, text[start:end], "name", descriptor))
        if self._initials is not None:
            for m in self._initials.finditer(folded):
                key = re.sub(r"[\s.]", "", m.group(0))
                initials = text[m.start() : m.end()]
                found.append(Found(m.start(), m.end(), initials, "initials", self._initial_of[key]))
        if self._surname_letters:
            for m in _TITLE_INITIAL.finditer(folded):
                who = self._surname_letters.get(m[1].lower())
                written = re.sub(r"[\s.]", "", m.group(0)).lower()
                if who is None or written in self._descriptors:
                    continue  # "Mr T" may be what the review calls someone
                end = m.end()
                found.append(Found(m.start(), end, text[m.start() : end], "initials", who))
        if self._first_letters:
            for m in _PARENT_INITIAL.finditer(folded):
                if m[1].lower() in self._first_letters:
                    found.append(Found(m.start(), m.end(), m.group(0), "initials", NAME_REMOVED))
        if self._names is not None and ("#" in text or "@" in text):
            found += self._in_handles(text)
        if self._joined is not None:
            found += self._joined_after(text, folded)
        if self._births and re.search(r"\d", text):
            for start, end, day, month, year in dates_in(text):
                if (day, month, year) in self._births:
                    found.append(Found(start, end, text[start:end], "date of birth", DOB_REMOVED))
        found += find_identifiers(text, self.keep)
        found = _whole_links(text, found)
        # A user name of the person's own name prints them, before the name inside it.
        mentions = [
            h for h in found if h.what == "name" and h.text[:1] == "@" and "[" not in h.replacement
        ]
        return merged(text, with_titles(text, mentions + found))

    def _joined_after(self, text: str, folded: str) -> list[Found]:
        """A given name with a word of respect or kinship joined to it or after a hyphen
        ("Hiteshbhai", "Hansaben", "Hansa-ben", "Raviji"), written with its capital."""
        return [
            Found(m.start(), m.end(), text[m.start() : m.end()], "name", self._joined_to[key])
            for m in self._joined.finditer(folded)
            if text[m.start()].isupper() and (key := m[1].lower()) in self._joined_to
        ]

    def _in_handles(self, text: str) -> list[Found]:
        """A registered name run into a tag or a user name in CamelCase, with no digit or
        underscore to part it from the rest ("#JusticeForAlfred", "@TeamKowalski"): the whole
        tag or user name goes. (The name pattern needs a non-letter either side, so it never
        sees a name inside a word. Only a text with "#" or "@" is read for them: one in
        CamelCase with neither is asked about by the release check.)"""
        out = []
        for m in _TAGGED.finditer(text):
            token = m.group(0)
            words = [fold(h).lower() for h in _HUMP.findall(token)]
            for i, word in enumerate(words):
                pair = " ".join(words[i : i + 2])
                if (" " in pair and pair in self._replacement) or (
                    len(word) >= 3 and word in self._replacement
                ):
                    what = TAG_REMOVED if token.startswith("#") else USER_REMOVED
                    if token.startswith("@"):
                        what = self._whose_handle(token) or what
                    out.append(Found(m.start(), m.end(), token, "name", what))
                    break
        return out

    def _whose_handle(self, token: str) -> str | None:
        """The person a user name is made of their own name only ("@lincoln_pryce",
        "@LincolnPryce", "@lincoln.pryce", "@LPryce"): their label, as any mention of them
        prints; None when the user name holds any other word, or its words are of several."""
        if any(c.isdigit() for c in token):
            return None  # "@AlfredK19": a user name with more in it than the name
        words = [fold(h).lower() for h in _HUMP.findall(token[1:])]
        if not words or not any(len(w) >= 3 for w in words):
            return None
        whose = {
            d
            for d, tokens in self._tokens_of.items()
            if all(w in tokens or (len(w) == 1 and any(t[0] == w for t in tokens)) for w in words)
        }
        return whose.pop() if len(whose) == 1 else None

    def apply(self, text: str) -> str:
        """``text`` as it may be published."""
        if not text:
            return text
        hits = self.find(text)
        if not hits:
            return text
        text = plain(text)
        out, last = [], 0
        for hit in hits:
            before = text[last : hit.start]
            if hit.what == "name" and (folded := _appositive(before, text, hit)) is not None:
                # "his mother, Kerry Marsh, said" reads "his mother said", not "his mother,
                # Mother, said": the name only repeated what the words around it say.
                kept, last = folded
                out.append(kept)
                continue
            out.append(before)
            out.append(_cased(hit.replacement, text, hit.start))
            suffix, taken = possessive(text, hit, hit.replacement)
            out.append(suffix)
            last = hit.end + taken
        out.append(text[last:])
        return "".join(out)


# A word broken over a line with a hyphen: "Kowal-" at the end of one line, "ski" next.
# A word broken over a line with a hyphen ("Kowal-\nski"), or so broken and its line break
# made a space as a summary's paragraph is ("Aa- rav": the rest in lower case).
_LINE_HYPHEN = re.compile(
    r"(?<=[^\W\d_])-(?:[ \t]*\r?\n[ \t]*(?=[^\W\d_])|[ \t](?=[^\W\d_A-Z]+(?![\w-])))"
)


def _rejoined(text: str, find) -> list[Found]:
    """What ``find`` sees in ``text`` with its words broken over a line joined again, that
    spans a join, at its places in ``text``."""
    at: list[int] = []  # at[i]: the place in ``text`` of character i of the joined text
    pieces, last = [], 0
    for m in _LINE_HYPHEN.finditer(text):
        pieces.append(text[last : m.start()])
        at.extend(range(last, m.start()))
        last = m.end()
    pieces.append(text[last:])
    at.extend(range(last, len(text) + 1))
    joined = "".join(pieces)
    out = []
    for hit in find(joined):
        start, end = at[hit.start], at[hit.end - 1] + 1
        if end - start != hit.end - hit.start:  # it spans a join
            out.append(replace(hit, start=start, end=end, text=text[start:end]))
    return out


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_OWNER = r"(?:(?:his|her|their|the)\s+)?"
_NUMBERED = re.compile(r"^(.*[^\W\d])\s+(?:\d+|[A-Z])$")


_NEAR = 80  # characters before a descriptor's words that may stand between them and the name


def _appositive(before: str, text: str, hit: Found) -> tuple[str, int] | None:
    """When a name stands beside words that already describe the person, the text without it.

    Returns what to write for ``before`` and where to go on in ``text``; None when the name is
    not beside its own description.
    """
    core = _ARTICLE.sub("", hit.replacement.strip())
    if not core or core.startswith("["):
        return None
    numbered, described, named = _beside(core)
    # A numbered descriptor after the words it numbers: "social worker NAME" and "social
    # worker (NAME)" -> "Social Worker 1" (set off by commas, it is left as it was).
    if numbered is not None:
        near = max(0, len(before) - len(core) - _NEAR)
        m = numbered.search(before, near)
        closing = _CLOSING_BRACKET.match(text, hit.end)
        if m and (not m.group(1).strip() or closing):
            rest = hit.end + (closing.end() - hit.end if m.group(1).strip() else 0)
            return before[: m.start()] + _cased(hit.replacement, text, m.start()), rest
    # Described first: "his mother, NAME," / "her mother (NAME)" / "Mother NAME". (Looked
    # for at the end of what comes before only: a search ending at $ would try every place.)
    near = max(0, len(before) - len(core) - _NEAR)
    m = described.search(before, near)
    if m:
        rest = hit.end
        bracket = "(" in m.group(1)
        closing = (_CLOSING_BRACKET if bracket else _CLOSING_COMMA).match(text, rest)
        if closing and (bracket or "," in m.group(1)):
            rest = closing.end()
        elif bracket:
            return None
        return before[: m.start(1)], rest
    # Named first: "NAME, his mother, said" / "I met NAME, her mother."
    m = named.match(text, hit.end)
    if m:
        phrase = m.group(1)
        return before + _cased(phrase, text, hit.start), m.end()
    return None


_CLOSING_BRACKET = re.compile(r"\s*\)")
_CLOSING_COMMA = re.compile(r"\s*,")


@lru_cache(maxsize=1024)
def _beside(core: str) -> tuple[re.Pattern | None, re.Pattern, re.Pattern]:
    """The patterns of a descriptor's words beside a name (numbered, described first, named
    first), made once for each descriptor. Each is matched from a place in the text, never on a
    copy of the rest of it (a megabyte of text has thousands of names)."""
    stem = _NUMBERED.match(core)
    numbered = None
    if stem:
        words = r"\s+".join(re.escape(w) for w in stem.group(1).split())
        numbered = re.compile(r"(?<!\w)" + _OWNER + words + r"(\s*\(\s*|\s+)$", re.I)
    words = r"\s+".join(re.escape(w) for w in core.split())
    described = re.compile(r"(?<!\w)" + words + r"(\s*,\s*|\s*\(\s*|\s+)$", re.I)
    named = re.compile(r"\s*,\s*(" + _OWNER + words + r")(?:\s*,|(?=\s*[.;:!?)]|\s*$))", re.I)
    return numbered, described, named


_SENTENCE_START = re.compile(r"(?:[.!?:]\s+|\n\s*)$")


def _cased(replacement: str, text: str, start: int) -> str:
    """A descriptor starting lower case ("the health visitor") capitalised at a sentence start."""
    at_start = start == 0 or _SENTENCE_START.search(text[max(0, start - 4) : start])
    if replacement[:1].islower() and at_start:
        return replacement[:1].upper() + replacement[1:]
    return replacement


class StoreAnonymiser:
    """The document's own registers, then every other register in the store.

    A review's text may name someone only another review registered (a practitioner who
    worked on both, a family met again). The document's own registers decide first, with
    their descriptors; whatever another review registered that is still there then prints as
    "[name removed]" (another review's descriptor would tie that review to this document)."""

    def __init__(
        self,
        entries: Iterable[RegisterEntry],
        others: Iterable[RegisterEntry] = (),
        keep: Iterable[str] = (),
    ) -> None:
        self.own = Anonymiser(entries, keep=keep)
        held = {_name_key(n) for e in self.own.entries for n in (e.name, *e.variants)}
        rest = [
            replace(e, descriptor=NAME_REMOVED)
            for e in others
            if e.name.strip() and not {_name_key(n) for n in (e.name, *e.variants)} & held
        ]
        # Not by initials: two capitals are far more often an abbreviation than someone only
        # another review knows, and every review in the store adds its people's.
        # A word of a name only another review knows counts with its capital only ("grant").
        self.others = (
            Anonymiser(rest, keep=keep, initials=False, capitals_only=True) if rest else None
        )
        self.keep = self.own.keep

    def find(self, text: str) -> list[Found]:
        found = self.own.find(text)
        return found + self.others.find(text) if self.others is not None else found

    def apply(self, text: str) -> str:
        text = self.own.apply(text)
        return self.others.apply(text) if self.others is not None else text


def _name_key(name: str) -> str:
    return " ".join(fold(name).casefold().split())
