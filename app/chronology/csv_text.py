"""Reading a CSV chronology: the text encoding decided from the evidence of the whole file, a
stray bad byte flagged on its own row (never a reason to misread every name), and the file
read a line at a time, so a huge file is refused before it fills the memory.
"""

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from app.chronology.file_guard import ImportRefused
from app.chronology.fixed_width import cut, fixed_columns

MAX_CSV_CHARACTERS = 40_000_000  # far beyond any chronology; bounds the memory an import takes
_SAMPLE = 65536
_DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SINGLE_BYTE = ["cp1252", "iso8859_15", "cp850", "mac_roman"]
_LABELS = {"utf_8": "UTF-8", "cp1252": "Windows-1252", "iso8859_15": "Latin-9", "cp850": "DOS",
           "cp1250": "Windows-1250 (Central European)", "iso8859_2": "ISO-8859-2 (Latin-2)",
           "cp1251": "Windows-1251 (Cyrillic)", "koi8_u": "KOI8 (Cyrillic)",
           "cp1253": "Windows-1253 (Greek)", "iso8859_5": "ISO-8859-5 (Cyrillic)",
           "cp866": "DOS 866 (Cyrillic)", "iso8859_7": "ISO-8859-7 (Greek)",
           "cp1257": "Windows-1257 (Baltic)", "iso8859_13": "ISO-8859-13 (Baltic)"}  # fmt: skip

SAVE_AS_XLSX = (
    "Open it in Excel and save it as .xlsx (File › Save As › Excel Workbook), then import that."
)


def not_a_spreadsheet(shown: str) -> ImportRefused:
    return ImportRefused(
        f"{shown} is not a spreadsheet or a CSV file ReviewDesk can read. Check you chose the "
        "right file, or ask the agency for the chronology as .xlsx or .csv."
    )


def _too_large(shown: str, what: str) -> ImportRefused:
    return ImportRefused(
        f"{shown} holds {what}, more than ReviewDesk reads at once. Split the chronology into "
        "smaller files (for example one per year) and import each one."
    )


def _wide_encoding(head: bytes, shown: str) -> tuple[str, str, int] | None:
    """(codec, label, bytes to skip) for UTF-16/32 text, with or without a byte order mark."""
    for bom, codec, label in (
        (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
    ):
        if head.startswith(bom):
            return codec, label, len(bom)
    if b"\x00" in head:
        even, odd = head[0::2].count(0), head[1::2].count(0)
        half = len(head) / 2
        for zeros, other, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
            if zeros > 0.4 * half and other < 0.05 * half:
                return codec, "UTF-16", 0
        raise not_a_spreadsheet(shown)
    return None


def _byte_lines(path: Path, skip: int) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        handle.seek(skip)
        yield from handle


def _single_byte_codec(samples: list[bytes]) -> str:
    """The single-byte encoding that reads the lines that are not UTF-8 most plausibly."""
    from charset_normalizer import from_bytes

    cyrillic = _cyrillic(samples)
    if cyrillic:
        return cyrillic
    best = from_bytes(b"\n".join(samples)[:200_000], cp_isolation=_SINGLE_BYTE).best()
    codec = best.encoding if best is not None else "cp1252"
    if codec == "cp1252":
        return _central_european(samples) or _baltic(samples) or codec
    return codec


# Cyrillic words: a capital then two or more small letters, all outside ASCII. Windows-1251 has
# the capitals at C0-DF (and Ukrainian Ё Є І Ї at A8 AA B2 AF) and the small letters at E0-FF
# (ё є і ї ґ at B8 BA B3 BF B4); KOI8 the other way round (capitals E0-FF, small C0-DF; Ukrainian
# і ї є ґ at A6 A7 A4 AD). Western text (Windows-1252, Latin-9, DOS) has no such words: its
# accented letters sit between plain ones, and a DOS ruled line repeats one byte.
_CYRILLIC_1251 = re.compile(
    rb"(?<![\x80-\xff])[\xc0-\xdf\xa8\xaa\xb2\xaf][\xe0-\xff\xb8\xba\xb3\xbf\xb4]{2,}"
)
_CYRILLIC_KOI8 = re.compile(
    rb"(?<![\x80-\xff])[\xe0-\xff\xb6\xb4\xb7][\xc0-\xdf\xa6\xa4\xa7\xad]{2,}"
)
# ISO-8859-5 (Unix): capitals at B0-CF (Ё Є І Ї at A1 A4 A6 A7), small letters at D0-EF (ё є і ї
# at F1 F4 F6 F7). DOS code page 866: capitals at 80-9F (Ё Є Ї at F0 F2 F4), small letters at
# A0-AF and E0-EF (ё є ї at F1 F3 F5); no letter of a Western DOS word starts such a run after
# a plain letter.
_CYRILLIC_ISO = re.compile(
    rb"(?<![\x80-\xff])[\xb0-\xcf\xa1\xa4\xa6\xa7][\xd0-\xef\xf1\xf4\xf6\xf7]{2,}"
)
_CYRILLIC_DOS = re.compile(
    rb"(?<![\x80-\xffA-Za-z])[\x80-\x9f\xf0\xf2\xf4][\xa0-\xaf\xe0-\xef\xf1\xf3\xf5]{2,}"
)
_CYRILLIC_LAYOUTS = (
    ("cp1251", _CYRILLIC_1251),
    ("koi8_u", _CYRILLIC_KOI8),
    ("iso8859_5", _CYRILLIC_ISO),
    ("cp866", _CYRILLIC_DOS),
)


# Greek (Windows-1253) puts its letters in the same ranges as Windows-1251, but its stressed
# vowels ά έ ή ί sit at DC-DF, among its capitals: a small letter after them, inside a word, is
# Greek (Cyrillic would need a capital Ь Э Ю Я in the middle of a word).
_GREEK_STRESS = re.compile(rb"[\xc1-\xfe][\xdc-\xdf][\xe0-\xfe]")
# "σ" and "υ" (F3 F5 in both Greek code pages, in most Greek words: "-ου", "-ος") inside words:
# ISO-8859-5 puts letters only Macedonian uses there, so Greek is not read as Russian.
_SIGMA_UPSILON = re.compile(rb"[\xc1-\xfe][\xf3\xf5]")
# ISO-8859-7 has the same Greek letters as Windows-1253 but for "Ά", at B6 (A2 in Windows-1253).
_ALPHA_TONOS_ISO = re.compile(rb"(?<![\x80-\xffA-Za-z])\xb6[\xe0-\xfe]")


def _cyrillic(samples: list[bytes]) -> str:
    """ "cp1251", "koi8_u", "iso8859_5" or "cp866" when three or more words read as Cyrillic
    words in that code page and more than in any other; "cp1253" or "iso8859_7" when the words
    read as Windows-1251 are Greek; "" otherwise."""
    text = b"\n".join(samples)[:200_000]
    counts = sorted(
        ((len(pattern.findall(text)), codec) for codec, pattern in _CYRILLIC_LAYOUTS), reverse=True
    )
    (best, codec), (second, _other) = counts[0], counts[1]
    windows = dict((c, n) for n, c in counts)["cp1251"]
    stressed = len(_GREEK_STRESS.findall(text))
    if stressed >= max(2, windows // 4) and len(_SIGMA_UPSILON.findall(text)) >= 2:
        return "iso8859_7" if _ALPHA_TONOS_ISO.search(text) else "cp1253"
    if best < 3 or best == second:
        return ""
    return codec


# Bytes Windows-1250 and ISO-8859-2 (Central European: Polish, Czech, Slovak, Hungarian...)
# read as letters and Windows-1252 as signs no word holds. Both: "Ł" (£), "ł" (³), "ż" (¿).
# Windows-1250 only: "ą" (¹), "Ą" (¥), "ś" (œ), "Ś" (Œ), "ź" (Ÿ), "Ź", "š" (š), "Š", "ž", "Ž".
# ISO-8859-2 only: "ą" (±), "Ą" (¡), "ś" (¶), "Ś" (¦), "ź" (¼), "Ź" (¬), "š" (¹), "Š" (©), "ž"
# (¾), "Ž" (®). (B9 is "ą" in one and "š" in the other: a letter in both.)
_SHARED_CE = (rb"\xb3\xbf\xb9", rb"\xa3\xaf")  # (small letters, capitals)
_ONLY_1250 = (rb"\x9a\x9c\x9e\x9f", rb"\x8a\x8c\x8e\x8f\xa5")
_ONLY_LATIN2 = (rb"\xb1\xb6\xbc\xbe", rb"\xa6\xa9\xac\xae")


def _in_words(letters: tuple[bytes, bytes]) -> re.Pattern[bytes]:
    """A small letter after a letter, or a capital before a small letter."""
    small, capital = letters
    return re.compile(rb"[A-Za-z][" + small + rb"]|[" + capital + rb"][a-z]")


_CE_SHARED, _CE_1250, _CE_LATIN2 = (_in_words(s) for s in (_SHARED_CE, _ONLY_1250, _ONLY_LATIN2))


def _central_european(samples: list[bytes]) -> str:
    """ "cp1250" or "iso8859_2" when the lines are Central European text: three or more letters
    of its words where Windows-1252 would put signs inside words, and no pound sign before a
    figure; the one whose own letters appear more (Windows-1250 on a tie). "" otherwise."""
    text = b"\n".join(samples)[:200_000]
    shared = len(_CE_SHARED.findall(text))
    windows, latin2 = len(_CE_1250.findall(text)), len(_CE_LATIN2.findall(text))
    if shared + windows + latin2 < 3 or re.search(rb"\xa3\s?\d", text) is not None:
        return ""
    return "iso8859_2" if latin2 > windows else "cp1250"


# Baltic (Windows-1257 and ISO-8859-13 put the letters in the same places): "š" and "ž" at F0
# and FE, "Š" and "Ž" at D0 and DE, which Windows-1252 reads as the Icelandic "ð þ Ð Þ";
# Lithuanian and Latvian write them in most names. Icelandic text has "ú" and "ý" (FA FD) too,
# which are "ś" and "ż" in the Baltic code pages, letters neither Lithuanian nor Latvian uses.
_BALTIC = re.compile(rb"[A-Za-z\xc0-\xff][\xf0\xfe]|[\xd0\xde\xf0\xfe][a-z\xe0-\xff]")
_ICELANDIC = re.compile(rb"[A-Za-z\xc0-\xff][\xfa\xfd]|[\xfa\xfd][a-z]")
# ISO-8859-13's curly quotes (A1 ” , A5 „ , B4 “) are not letters or signs in Windows-1257.
_QUOTES_8859_13 = re.compile(rb"[\xa1\xa5\xb4]")


def _baltic(samples: list[bytes]) -> str:
    """ "cp1257" (or "iso8859_13" when its quotes are used) when the lines are Lithuanian or
    Latvian text: three or more "š ž Š Ž" inside words and few Icelandic letters; else ""."""
    text = b"\n".join(samples)[:200_000]
    found = len(_BALTIC.findall(text))
    if found < 3 or len(_ICELANDIC.findall(text)) * 4 > found:
        return ""
    return "iso8859_13" if _QUOTES_8859_13.search(text) else "cp1257"


def _decide(path: Path, skip: int) -> tuple[str, set[int], str]:
    """(codec for the file, physical lines that are not valid in it, fallback for those)."""
    bad: list[int] = []
    bad_samples: list[bytes] = []
    good_non_ascii = 0
    for number, line in enumerate(_byte_lines(path, skip), 1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good_non_ascii += 1
        except UnicodeDecodeError:
            bad.append(number)
            if len(bad_samples) < 2000:
                bad_samples.append(line)
    if not bad:
        return "utf_8", set(), ""
    # A UTF-8 file with a stray byte (a curly quote pasted from Word, most often): only the
    # stray bytes are read as Windows-1252, the commonest single-byte text in the UK.
    if good_non_ascii and len(bad) <= max(3, good_non_ascii // 10):
        return "utf_8", set(bad), "cp1252"
    return _single_byte_codec(bad_samples), set(), ""


# Two or three Windows-1252 letters standing for one UTF-8 letter: "Ã¢" for "â", "â€™" for "’".
_MISREAD_UTF8 = re.compile("[\u00c2-\u00c5][\u0080-\u00bf\u0152-\u2122]|\u00e2\u20ac.")


def _redecoded(text: str) -> str | None:
    """``text`` written back as Windows-1252 bytes and read as the UTF-8 they were; None when
    that is not what happened to it."""
    try:
        raw = text.encode("cp1252")
    except UnicodeEncodeError:
        try:  # the five bytes Windows-1252 leaves unnamed are read as the same code points
            raw = b"".join(c.encode("cp1252") if ord(c) > 255 else bytes([ord(c)]) for c in text)
        except UnicodeEncodeError:
            return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _put_back(lines: Iterator[str]) -> Iterator[str]:
    for line in lines:
        yield line if line.isascii() else (_redecoded(line) or line)


def _text_lines(path: Path, skip: int, codec: str, bad: set[int], fallback: str) -> Iterator[str]:
    if codec == "utf_8_misread":
        yield from _put_back(_text_lines(path, skip, "utf_8", bad, fallback))
        return
    if not bad:
        # Byte order marks are read by the codec itself.
        codec = {"utf_8": "utf-8-sig", "utf-16-le": "utf-16-le"}.get(codec, codec)
        if skip and codec in ("utf-16-le", "utf-16-be"):
            codec = "utf-16"
        if skip and codec in ("utf-32-le", "utf-32-be"):
            codec = "utf-32"
        with open(path, encoding=codec, newline="", errors="replace") as handle:
            yield from handle
        return
    handler = _stray_bytes_handler(fallback)
    for number, line in enumerate(_byte_lines(path, skip), 1):
        yield line.decode("utf-8", handler) if number in bad else line.decode("utf-8")


def _stray_bytes_handler(fallback: str) -> str:
    """An error handler reading only the bytes that are not UTF-8 in the fallback encoding
    (the rest of the line is UTF-8 like the rest of the file)."""
    name = f"reviewdesk-stray-{fallback}"

    def handle(error: UnicodeDecodeError) -> tuple[str, int]:
        stray = error.object[error.start : error.end]
        return stray.decode(fallback, "replace"), error.end

    try:
        codecs.lookup_error(name)
    except LookupError:
        codecs.register_error(name, handle)
    return name


def sniff_delimiter(sample: str) -> str:
    """The separator that splits the sample into the most rows of one same width; first among
    them, one splitting the first line (the header) into that width too. A separator found
    only inside quoted notes (a tab before each bullet of a long note) splits those notes into
    many rows of one width, but never the header into as many columns. A file of lines each
    starting with its date, the commas and semicolons its sentences' own, has none (LINES)."""
    lines = [line for line in sample.splitlines() if line.strip()]
    # Nearly every line starts with a date: perhaps a log of dated lines of prose, whose commas
    # and semicolons are its sentences' own.
    dated_log = bool(lines) and sum(map(bool, map(_DATED_LINE.match, lines))) >= 0.8 * len(lines)
    best, best_key, best_rows = ",", (False, -1, -1), []
    # A title over the table (a line with no separator at all) is not its heading line.
    every = sample.splitlines(keepends=True)
    lead = next((n for n, line in enumerate(every) if any(d in line for d in _DELIMITERS)), 0)
    sample = "".join(every[lead:])
    for delimiter in _DELIMITERS:
        if delimiter not in sample:
            continue
        own, part = lead, sample
        if delimiter == "\t" and "\t" not in every[lead]:
            # Lines of prose over a table parted by tabs (a note saved with the sheet as
            # Unicode text): their commas are their sentences', the table starts at the tabs.
            # (Not tabs inside a quoted note's lines, "\t- seen".)
            at = next(n for n, line in enumerate(every) if "\t" in line)
            if (
                every[at][:1].strip()
                and every[at].count("\t") >= 2
                and not any('"' in line for line in every[:at])
            ):
                own, part = at, "".join(every[at:])
        try:
            rows = list(csv.reader(io.StringIO(part, newline=""), delimiter=delimiter))
        except csv.Error:
            continue
        widths = [len(r) for r in rows]
        first = widths[0] if widths else 0
        unsplit_heading = first == 1 or own > 0
        if (dated_log or unsplit_heading) and _punctuation(rows, 2 if unsplit_heading else 4):
            continue  # (a heading line it does not split: a one-column export of prose)
        widths = [w for w in widths[:-1] or widths if w > 1]  # the last line may be cut short
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        key = (first == common, widths.count(common), common)
        if key > best_key:
            best, best_key, best_rows = delimiter, key, rows
    if dated_log and 2 * best_key[1] < len(lines):
        return LINES  # few lines share a width: each line one cell
    filled = [r for r in best_rows if any(v.strip() for v in r)]
    if 2 * sum(1 for r in filled if len(r) > 1) < len(filled):
        # The separator splits few of the rows: it is their sentences' own (a one-column
        # export whose notes hold semicolons), each row one cell.
        return _one_column(sample)
    return best


def _one_column(sample: str) -> str:
    """How to read a file of one column: as CSV when its commas are all inside quoted cells
    (a spreadsheet's one column saved as CSV), else line by line."""
    try:
        rows = csv.reader(io.StringIO(sample, newline=""))
        return "," if all(len(row) <= 1 for row in rows) else LINES
    except csv.Error:
        return LINES


LINES = "\x1f"  # no separator: a text file of lines, each read as one cell


class _FixedWidth:
    """Rows of a fixed-width text, as the csv reader gives them (with its line_num)."""

    def __init__(
        self, lines: Iterator[str], starts: list[int], heading: int = 0, titles=()
    ) -> None:
        self._lines, self._starts, self.line_num = lines, starts, 0
        self._heading = heading
        self._titles = {_page_line(t) for t in titles if t.strip()}
        self.furniture: list[int] = []  # lines repeating a page's title, or ruling it off

    def __iter__(self) -> "_FixedWidth":
        return self

    def __next__(self) -> list[str]:
        line = next(self._lines)
        self.line_num += 1
        if "\f" in line:  # a printer's new page
            line = line.replace("\f", "")
        if not line.strip():
            return []
        if self.line_num > self._heading + 2 and (
            _page_line(line) in self._titles or not line.strip(" -=_\t\r\n")
        ):
            self.furniture.append(self.line_num)
            return []
        return cut(line, self._starts)


def _page_line(line: str) -> str:
    """A line as it is on every page: its figures (the page number, the date printed) aside."""
    return " ".join(re.sub(r"\d+", "#", line.replace("\f", "")).split())


_PROSE_AFTER = re.compile(r" [a-z]")
_DATED_LINE = re.compile(
    r"\s*(?:\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}|\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4})\b"
)


# A table drawn with vertical bars at both ends of each line: a Markdown table pasted into an
# e-mail ("| Date | Worker |", "|:---|:---|"), a MySQL client's output ("| contact_date |" between
# "+------+" rules).
_BOXED_LINE = re.compile(r"\s*\|[^\n]*\|[^\n]*\|\s*")
_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
# Markdown's line under a table's headings, with or without the bars at its ends: "--- | ---",
# "|:---|:---:|".
_MARKDOWN_RULE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*")


def _boxed(sample: str) -> bool:
    """Three or more lines drawn as a table with bars at both ends, the same number of bars on
    each; or Markdown's rule under a line of headings parted by as many bars. Never when a line
    of the sample is parted by tabs."""
    if "\t" in sample:
        return False
    every = sample.replace(_ESCAPED_BAR, "").splitlines()
    for above, line in zip(every, every[1:], strict=False):
        if _MARKDOWN_RULE.fullmatch(line) and above.count("|") >= 1:
            return line.strip().strip("|").count("|") == above.strip().strip("|").count("|")
    lines = [line for line in every if _BOXED_LINE.fullmatch(line)]
    if len(lines) < 3:
        return False
    bars = Counter(line.count("|") for line in lines).most_common(1)[0]
    return bars[1] >= 3 and bars[1] >= 0.8 * len(lines)


_ESCAPED_BAR = "\\|"  # a bar inside a Markdown cell: part of the value, not between two
_HELD_BAR = "\ue000"  # where an escaped bar is held while the line is cut at the others


def _unbox(rows: list[list[str]]) -> None:
    """The bars at the ends of each boxed line dropped, the values unpadded, a Markdown line
    break ("<br>") read as one and an escaped bar ("\\|") as a bar."""
    for index, row in enumerate(rows):
        if len(row) >= 3 and not row[0].strip() and not row[-1].strip():
            row = row[1:-1]
        if len(row) >= 2:
            rows[index] = [_BREAK_TAG.sub("\n", c).replace(_HELD_BAR, "|").strip() for c in row]


def _punctuation(rows: list[list[str]], least: int = 4) -> bool:
    """The separator is punctuation in prose: nearly every value after one (outside quotes)
    starts with a space and a word in lower case ("present; agreed", "flat, cold"), as no
    system writes its fields; ``least`` such values at least."""
    after = [value for row in rows for value in row[1:]]
    if len(after) < least:
        return False
    return sum(1 for value in after if _PROSE_AFTER.match(value)) >= 0.8 * len(after)


def read_csv(
    path: Path, max_rows: int, lines_of_rows: list[int] | None = None
) -> tuple[list[list[str]], list[str], dict[int, str]]:
    """(rows, notes, row number -> problem) of a CSV file. ``lines_of_rows``, when given, is
    filled with the line each row starts on when rows and lines part (a database dump whose
    escaped line breaks join lines into one row), so that rows are reported by the lines the
    file shows; it is left empty when each row is its own line."""
    shown = path.name
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SAMPLE)
    except OSError as error:
        raise ImportRefused(
            f"{shown} could not be opened ({error.strerror or error}). "
            "Close it in any other program and try again."
        ) from None
    wide = _wide_encoding(head, shown)
    bad: set[int] = set()
    fallback = ""
    if wide is not None:
        codec, label, skip = wide
    else:
        skip = len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0
        codec, bad, fallback = _decide(path, skip)
        label = _LABELS.get(codec, codec.upper().replace("_", "-"))
    try:
        sample = "".join(_first_chars(_text_lines(path, skip, codec, bad, fallback), _SAMPLE))
    except UnicodeDecodeError:
        raise not_a_spreadsheet(shown) from None
    if codec == "utf_8" and len(_MISREAD_UTF8.findall(sample)) >= 2 and _redecoded(sample):
        # UTF-8 read as Windows-1252 and saved again ("SiÃ¢n", "mumâ€™s"): each line put back.
        label = "UTF-8 once misread as Windows-1252 and saved again, its letters put back:"
        sample = "".join(_first_chars(_put_back(_text_lines(path, skip, codec, bad, fallback)),
                                      _SAMPLE))  # fmt: skip
        bad, fallback, codec = set(), "", "utf_8_misread"
    if len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise not_a_spreadsheet(shown)
    lines = _text_lines(path, skip, codec, bad, fallback)
    marked = (
        path.suffix.lower() in (".md", ".markdown") or len(_MARKDOWN_HEADING.findall(sample)) > 2
    )
    if marked and _MARKDOWN_HEADING.search(sample) and not _boxed(sample):
        found = _markdown_rows(lines, label)
        if found is not None:
            return found
        lines = _text_lines(path, skip, codec, bad, fallback)
    if len(stamped := _CHAT_STAMP.findall(sample)) >= 3 and _chat_lines(sample, len(stamped)):
        return _chat_rows(lines, label)
    if (
        "\n\n" in sample.replace("\r", "")
        and (prose := dated_prose(sample)) is not None
        and fixed_columns(sample.replace("\f", "\n").splitlines()) is None
    ):  # (a report printed in columns, blank lines between its entries, is no prose)
        return _prose_rows(lines, label, prose)
    first = sample.split("\n", 1)[0]
    sep = re.fullmatch(r'"?sep=(.)"?\s*', first)  # Excel's "sep=;" line
    fixed = None
    boxed = False
    if sep:
        delimiter = sep.group(1)
        next(lines, None)
    else:
        # A printout in fixed-width columns: a heading line of words parted by spaces alone.
        fixed = fixed_columns(sample.splitlines())
        if fixed is not None and any(d in sample.splitlines()[fixed[0]] for d in _DELIMITERS):
            fixed = None
        boxed = fixed is None and _boxed(sample)
        delimiter = (
            LINES
            if fixed is not None
            else "|"
            if boxed
            else sniff_delimiter(sample.rsplit("\n", 1)[0] if len(sample) >= _SAMPLE else sample)
        )
    escaped = False
    rows: list[list[str]] = [[]] if sep else []  # keep row numbers as the file shows them
    flags: dict[int, str] = {}
    characters = 0
    if fixed is not None:
        reader = _FixedWidth(
            lines, fixed[1], fixed[0], sample.replace("\f", "\n").splitlines()[: fixed[0]]
        )
    elif delimiter == LINES or boxed:
        if boxed:
            lines = (line.replace(_ESCAPED_BAR, _HELD_BAR) for line in lines)
        reader = csv.reader(lines, delimiter=delimiter, quoting=csv.QUOTE_NONE)
    elif escaped := delimiter == "\t" and _BACKSLASH_ESCAPES.search(sample) is not None:
        # A database's SELECT ... INTO OUTFILE: no quotes, a backslash before what it escapes.
        starts: list[int] = []
        reader = csv.reader(
            _escaped_lines(lines, starts, 2 if sep else 1), delimiter="\t", quoting=csv.QUOTE_NONE
        )
    else:
        reader = csv.reader(lines, delimiter=delimiter)
    previous_line = 1 if sep else 0
    joined: list[int] = []  # rows starting with a byte order mark
    try:
        for row in reader:
            if row and row[0][:1] == "\ufeff":  # a file's mark, inside files joined together
                row[0] = row[0][1:]
                joined.append(len(rows) + 1)
            rows.append(row)
            characters += sum(map(len, row))
            if bad and any(n in bad for n in range(previous_line + 1, reader.line_num + 1)):
                flags[len(rows)] = (
                    "some characters in this row are not valid UTF-8 text (the rest of the file "
                    f"is); they were read as {_LABELS.get(fallback, fallback)}: check the names "
                    "and words in it"
                )
            previous_line = reader.line_num + (1 if sep else 0)
            if len(rows) > max_rows + 50:
                raise _too_large(shown, f"more than {max_rows:,} rows")
            if characters > MAX_CSV_CHARACTERS:
                raise _too_large(
                    shown, f"more than {MAX_CSV_CHARACTERS // 1_000_000} million characters of text"
                )
    except csv.Error as error:
        raise ImportRefused(
            f"{shown} could not be read as a CSV file ({error}). " + SAVE_AS_XLSX
        ) from None
    named = _DELIMITERS.get(delimiter, f"'{delimiter}'")
    notes = [f"Read as a CSV file ({label} text, values separated by {named})."]
    if fixed is not None:
        notes = [f"Read as text ({label}) in fixed-width columns: each line is cut where the "
                 f"headings on line {fixed[0] + 1} start."]  # fmt: skip
        if reader.furniture:
            listed = ", ".join(map(str, reader.furniture[:20]))
            notes.append(f"Lines repeating the report's title at the top of a page, or ruling "
                         f"it off, were left out (line {listed}).")  # fmt: skip
    elif boxed:
        _unbox(rows)
        notes = [f"Read as text ({label}): a table drawn with vertical bars between the values "
                 "(a Markdown table, or a database tool's output)."]  # fmt: skip
    elif delimiter == LINES:
        notes = [f"Read as text ({label}), one line a row: its commas and semicolons are the "
                 "punctuation of its sentences, not separators."]  # fmt: skip
    if flags:
        listed = ", ".join(map(str, list(flags)[:10]))
        notes.append(
            f"{len(flags)} row(s) hold characters that are not valid UTF-8 (row {listed}); "
            "they are flagged for checking."
        )
    if joined:
        notes.append(
            f"Row(s) {', '.join(map(str, joined[:10]))} start with the mark that begins a text "
            'file: files joined one after the other (as "copy a.csv + b.csv" does); the mark '
            "is left out."
        )
    if escaped:
        rows[:] = [[_unescaped(c) for c in row] for row in rows]
        if lines_of_rows is not None and starts and starts[-1] != len(starts) + (1 if sep else 0):
            lines_of_rows[:] = ([1] if sep else []) + starts  # (line breaks joined lines)
        notes.append("Its backslash escapes, as a database's SELECT ... INTO OUTFILE writes them, "
                     "were read back: \\N for an empty value, \\t for a tab, a backslash before "
                     "a line break inside a value.")  # fmt: skip
    notes += _rejoin_overflow(rows, delimiter, named, flags)
    if delimiter == "|" and rows and sum(c[:1] == " " or c[-1:] == " " for c in rows[0]) > 1:
        # A query tool's output (" event_date | worker "): the values padded to the columns.
        rows[:] = [[c.strip() for c in row] for row in rows]
    if '="' in sample:
        notes += _unwrap_formulas(rows)
    if f"{delimiter}'" in sample or "\n'" in sample:
        notes += _text_markers(rows)
    return rows, notes, flags


# "\N" standing alone between tabs, or a backslash ending a line (a line break inside a value).
_BACKSLASH_ESCAPES = re.compile(r"(?:^|\t)\\N(?:\t|\r?$)|(?<!\\)\\\r?$", re.M)
_ESCAPE = re.compile(r"\\(.)", re.S)
_ESCAPED = {"n": "\n", "t": "\t", "r": "\r", "0": "", "b": "", "Z": "", "\n": "\n"}


def _escaped_lines(lines: Iterator[str], starts: list[int], first: int) -> Iterator[str]:
    """Lines ending in an escaping backslash joined to the next: the value runs on, its line
    break kept as the escape "\\n" until the values are read back. ``starts`` is given the
    line (counted from ``first``) each joined line starts on."""
    held = ""
    number = first - 1
    for line in lines:
        number += 1
        if not held:
            starts.append(number)
        body = line.rstrip("\r\n")
        trailing = len(body) - len(body.rstrip("\\"))
        if trailing % 2:
            held += body[:-1] + "\\n"
            continue
        yield held + line
        held = ""
    if held:
        yield held


def _unescaped(cell: str) -> str:
    if "\\" not in cell:
        return cell
    if cell == "\\N":
        return ""
    return _ESCAPE.sub(lambda m: _ESCAPED.get(m[1], m[1]), cell)


def _figures(text: str) -> bool:
    """A number, a date or a time: what Excel's text marker is put before."""
    from app.chronology.dates import parse_date, parse_time

    return text.isdigit() or len(text) <= 40 and (parse_date(text).ok or bool(parse_time(text)))


def _text_markers(rows: list[list[str]]) -> list[str]:
    """Excel's text marker kept before figures by some exports ("'14/03/2016", "'10:32",
    "'001200"): the value is what follows it. Returns notes."""
    count = 0
    for row in rows:
        for i, cell in enumerate(row):
            if cell[:1] == "'" and cell[1:2].isdigit() and _figures(cell[1:]):
                row[i] = cell[1:]
                count += 1
    if not count:
        return []
    return [f"{count} value(s) began with Excel's text marker (') before their figures; the "
            "value after it is read."]  # fmt: skip


def _unwrap_formulas(rows: list[list[str]]) -> list[str]:
    """Some systems write a value as an Excel formula so that Excel keeps it as text
    (="14/03/2016", ="00123"): the value is what is inside. Returns notes."""
    count = 0
    for row in rows:
        for i, cell in enumerate(row):
            if cell[:2] == '="' and cell[-1:] == '"' and len(cell) >= 3:
                row[i] = cell[2:-1].replace('""', '"')
                count += 1
    if not count:
        return []
    return [f'{count} value(s) were written as ="..." (so Excel keeps them as text); the text '
            "inside is read."]  # fmt: skip


def _headings(row: list[str]) -> bool:
    """A row of column headings: three or more short cells, most of them known headings."""
    from app.chronology.mapping import header_score

    cells = [c.strip() for c in row if c.strip()]
    return (
        len(cells) >= 3
        and all(len(c) <= 40 for c in cells)
        and header_score(cells) * 10 >= len(cells) * 6
    )


def _rejoin_overflow(
    rows: list[list[str]], delimiter: str, named: str, flags: dict[int, str]
) -> list[str]:
    """A row with more values than the file's other rows has the separator inside its text
    (written without quotes): its extra values are joined back into its last column, with
    the separator between them, and the row is flagged for checking. Returns notes."""
    widths = Counter(len(row) for row in rows if any(cell.strip() for cell in row))
    if not widths:
        return []
    width, most = widths.most_common(1)[0]
    if width < 2 or 2 * most < sum(widths.values()):
        return []  # no usual width to go by
    joined: list[int] = []
    prose_rows: list[int] = []
    part = width  # the width of the rows under the last header row (a wider export's)
    for index, row in enumerate(rows):
        if len(row) > part and _headings(row):
            part = len(row)  # another export pasted under the first, with more columns
            continue
        if len(row) > part and any(cell.strip() for cell in row[part:]):
            extra = len(row) - part
            # Prose cut at ", " (each piece after the first starts with a space) is the last
            # column's own text joined back as it was; anything else is flagged for checking.
            prose = row[part - 1][:1] != " " and all(c[:1] == " " for c in row[part:])
            row[part - 1 :] = [delimiter.join(row[part - 1 :])]
            if prose and delimiter == ",":
                prose_rows.append(index + 1)
                continue
            number = index + 1
            problem = (
                f"this row had {extra} more value(s) than the others: the separator is inside "
                "its text, so they were joined back into its last column; check the entry"
            )
            flags[number] = f"{flags[number]}; {problem}" if number in flags else problem
            joined.append(number)
    notes = []
    if prose_rows:
        listed = ", ".join(map(str, prose_rows[:10])) + (", ..." if len(prose_rows) > 10 else "")
        notes.append(
            f"{len(prose_rows)} row(s) had their last column's text cut at its commas (written "
            f"without quotes; row {listed}): the pieces were joined back as they were written."
        )
    if not joined:
        return notes
    listed = ", ".join(map(str, joined[:10])) + (", ..." if len(joined) > 10 else "")
    return notes + [
        f"{len(joined)} row(s) had more values than the others, {named} inside their text "
        f"(row {listed}): the extra values were joined into the last column and the rows "
        "flagged for checking."
    ]


# Markdown (a wiki's or a notes tool's text): headings "## ...", lists, **bold**, [links](...).
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.M)
_MARKDOWN_BLOCK = re.compile(r"#{1,6}[ \t]+|(?:[-*+]|\d{1,3}[.)])[ \t]+|>[ \t]?")
_MARKDOWN_MARKS = re.compile(r"\*\*|__|`+|\[([^\]\n]*)\]\([^)\s]*\)")


def _markdown_paragraphs(text: str) -> list[str]:
    """The text's paragraphs, its markup taken off: blank lines part them, and a heading, a
    list item or a quote starts a paragraph of its own."""
    paragraphs: list[list[str]] = [[]]
    for raw in text.replace("\r", "").split("\n"):
        line = raw.strip()
        if not line:
            paragraphs.append([])
            continue
        if re.fullmatch(r"[-*_=]{3,}", line):  # a rule, or a heading's underline
            paragraphs.append([])
            continue
        block = _MARKDOWN_BLOCK.match(line)
        if block:
            paragraphs.append([])
            line = line[block.end() :].rstrip("# ")
        line = _MARKDOWN_MARKS.sub(lambda m: m.group(1) or "", line)
        paragraphs[-1].append(line)
        if block and block.group().startswith("#"):
            paragraphs.append([])
    return [" ".join(p) for p in paragraphs if p]


def _markdown_rows(lines, label: str):
    """(rows, notes, flags) of a chronology written in Markdown as dated headings or
    paragraphs, or None when its paragraphs are no chronology."""
    from app.chronology.word_tables import paragraphs_chronology

    found = paragraphs_chronology(_markdown_paragraphs("".join(lines)))
    if found is None:
        return None
    rows, notes = found
    notes = [f"Read as text ({label}) written in Markdown: its headings, paragraphs and "
             "list items read as a document's paragraphs, their marks left out.", *notes[1:],
             notes[0].replace("The document has no table: each", "Each")]  # fmt: skip
    return rows, notes, {}


# A chat's export (WhatsApp on an iPhone, a Teams or Skype copy): each message a line starting
# with its stamp in brackets, "[14/03/2016, 10:32:07] Sam Ellery: ...". No CSV row so starts.
# WhatsApp on Android writes the stamp without brackets, a dash after it:
# "14/03/2016, 10:32 - Sam Ellery: ..." (the comma there would otherwise split it as a CSV).
_CHAT_STAMP = re.compile(
    r"^(?:\[\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4},?\s+\d{1,2}[:.]\d{2}(?::\d{2})?"
    r"(?:\s?[AaPp]\.?[Mm]\.?)?\]"
    r"|\d{1,2}/\d{1,2}/\d{2,4},\s\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\s[-\u2013]\s)",
    re.M,
)
# WhatsApp on an iPhone opens its own lines (the encryption notice, "<attached: …>") with an
# invisible left-to-right mark, after the name of the chat's owner.
_APP_MARK = "\u200e"
# "Sam Ellery: " opening a message: who sent it (a name or a number, not a sentence).
_SENDER = re.compile(r"([^\s:][^:\n]{0,40}?):\s")


def _chat_lines(sample: str, stamped: int) -> bool:
    """Whether most of the sample's lines start with a chat's stamp (the others continue the
    message above)."""
    lines = [line for line in sample.replace("\r", "").split("\n")[:-1] if line.strip()]
    return stamped >= 0.5 * len(lines)


def _chat_rows(lines, label: str):
    """(rows, notes, flags) of a chat's messages: each line starting with its stamp an entry
    of that day and time, the lines under it its text."""
    from app.chronology.word_tables import dated_lines

    rows, before = dated_lines(line.rstrip("\r\n") for line in lines)
    note = (
        f"Read as text ({label}): a chat's messages, each line starting with its date and time "
        f"an entry ({len(rows) - 1}; rows are counted from 2, one an entry), the lines under it "
        "its text"
    )
    note += f"; {before} line(s) above the first message were left out." if before else "."
    rows, system = _chat_senders(rows)
    if system:
        note += (
            f" {len(system)} line(s) written by the chat program itself, not by anyone in the "
            "chat, were left out: " + "; ".join(f"\u201c{t[:120]}\u201d" for t in system[:10]) + "."
        )
    return rows, [note], {}


def _chat_senders(rows: list[list[str]]) -> tuple[list[list[str]], list[str]]:
    """A chat's rows with each message's sender in a column of its own ("Written by"), when
    most messages open with one ("Sam Ellery: ..."); the lines that name no sender (the app's
    own: the encryption notice, a group renamed) left out. (rows, the lines left out)."""
    messages = rows[1:]
    senders = [_SENDER.match(text) for _date, text in messages]
    named = [m.group(1) for m in senders if m is not None]
    # a sender is a few words at most, and the same few people write most messages
    if len(named) < max(3, 0.6 * len(messages)) or len(set(named)) > max(3, len(named) // 2):
        return rows, []
    if any(len(n.split()) > 4 for n in set(named)):
        return rows, []
    out = [["Date", "Written by", "Entry"]]
    system = []
    for (day, text), sender in zip(messages, senders, strict=True):
        if sender is None or text[sender.end() :].startswith(_APP_MARK):
            system.append(" ".join(text.replace(_APP_MARK, "").split()))
        else:
            out.append([day, sender.group(1), text[sender.end() :]])
    return out, system


def _first_chars(lines: Iterator[str], limit: int) -> Iterator[str]:
    total = 0
    for line in lines:
        yield line
        total += len(line)
        if total >= limit:
            return


# Text written as prose (an e-mail's body saved as .txt): paragraphs parted by blank lines, each
# entry a paragraph starting with its date, its lines wrapped where the mail program cut them.
_SIGN_OFF = re.compile(
    r"\s*(?:(?:kind|best|warm|with)\s+regards|regards|yours\s+(?:sincerely|faithfully)"
    r"|many\s+thanks|thanks|(?:best|kind|warm)(?:est)?\s+wishes|all\s+the\s+best)\b",
    re.I,
)


def sign_off_at(paragraphs: list[str]) -> int:
    """Where a letter's closing ("Kind regards", "Best wishes") starts, below the first
    paragraph starting with a date; the number of paragraphs when there is none."""
    from app.chronology.word_tables import _LEADING_DATE

    dated = next((n for n, p in enumerate(paragraphs) if _LEADING_DATE.match(p)), None)
    if dated is None:
        return len(paragraphs)
    return next(
        (n for n in range(dated + 1, len(paragraphs)) if _SIGN_OFF.match(paragraphs[n])),
        len(paragraphs),
    )


def _paragraphs(text: str) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in text.replace("\r", "").split("\n"):
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [p for p in paragraphs if p]


# A printed journal's entry line: the date and time, then who wrote it with the role in
# brackets ("Sam Ellery (Health Visitor)", "Dr Jo Ward (GP)"), set apart from the rest of the
# line (the place) by two or more spaces, or ending it.
_AUTHOR_FIRST = re.compile(
    r"((?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Nurse|PC|DC|Sgt|DS)\.? )?[A-Z][\w'\u2019.-]+"
    r"(?:,? [A-Z][\w'\u2019.-]+){1,3} \([^()]{2,50}\))(?:\s{2,}|$)"
)


def _authors_after_dates(rows: list[list[str]]) -> tuple[list[list[str]], bool]:
    """Rows of (date, entry) whose entries nearly all open with a name and role in brackets
    set apart by spaces: that name and role as a column of its own, "Written by"."""
    found = [_AUTHOR_FIRST.match(r[1]) if len(r) == 2 else None for r in rows[1:]]
    if len(found) < 3 or sum(f is not None for f in found) < 0.8 * len(found):
        return rows, False
    out = [[rows[0][0], "Written by", rows[0][1]]]
    for row, match in zip(rows[1:], found, strict=True):
        if match is None:
            out.append([row[0], "", row[1]])
        else:
            out.append([row[0], match[1], row[1][match.end() :].strip()])
    return out, True


def dated_prose(sample: str) -> int | None:
    """How many paragraphs of the text's start begin with a date, when the text is prose so
    written (three or more such paragraphs, most of them wrapped over several lines, no line
    opening a quoted field); None when it is not."""
    from app.chronology.word_tables import _LEADING_DATE

    paragraphs = _paragraphs(sample.rsplit("\n", 1)[0])
    dated = [p for p in paragraphs if _LEADING_DATE.match(p[0])]
    if len(dated) < 3 or sum(len(p) > 1 for p in dated) < 0.6 * len(dated):
        return None
    if any(line.startswith('"') for p in paragraphs for line in p):
        return None
    return len(dated)


def _prose_rows(lines, label: str, _found: int):
    """The rows of a text written as dated paragraphs: a Date and an Entry heading, then an
    entry a paragraph (its wrapped lines joined), the paragraphs without a date under one
    continuing it, up to a closing such as "Kind regards"; (rows, notes, flags)."""
    from app.chronology.word_tables import dated_lines

    # A first line ending with a bracket (a journal's "Sam Ellery (Health Visitor)") stays set
    # apart from the lines under it, as a name and role ending a line are.
    paragraphs = [
        (p[0] + "  " + " ".join(p[1:]) if len(p) > 1 and p[0].endswith(")") else " ".join(p))
        for p in _paragraphs("".join(lines))
    ]
    end = next((n for n, p in enumerate(paragraphs) if _SIGN_OFF.match(p)), len(paragraphs))
    rows, before = dated_lines(paragraphs[:end])
    note = (
        f"Read as text ({label}) written as paragraphs: each of the {len(rows) - 1} paragraphs "
        "starting with a date is an entry (its lines joined; rows are counted from 2, one an "
        "entry), the paragraphs under it its text"
    )
    rows, authors = _authors_after_dates(rows)
    if authors:
        note += "; the name and role after each date (set apart by spaces) is who wrote it"
    left = [f"{before} paragraph(s) above the first entry"] if before else []
    if end < len(paragraphs):
        left.append(
            f"{len(paragraphs) - end} from \u201c{paragraphs[end][:30]}\u201d on (the sign-off)"
        )
    note += f"; left out: {' and '.join(left)}." if left else "."
    return rows, [note], {}
