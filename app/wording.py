"""Counts in words, for every message the command line and the window print."""


def plural_noun(word: str) -> str:
    """The plural of a noun as the messages use them: entries, actions, IMRs, matches."""
    if len(word) > 1 and word.isupper():
        return word + "s"  # IMR -> IMRs, GP -> GPs
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 entry', '3 entries', '1,204 entries'; the last word of ``one`` takes the plural
    ('2 chronology entries', '3 audit entries') unless ``many`` is given."""
    if count == 1:
        return f"1 {one}"
    if many is None:
        head, _, last = one.rpartition(" ")
        many = f"{head} {plural_noun(last)}" if head else plural_noun(last)
    return f"{count:,} {many}"


def possessive(name: str) -> str:
    """ "Northgate Police's", "Children's Services'": a name ending in s takes the apostrophe
    alone."""
    name = name.strip()
    return f"{name}'" if name.endswith(("s", "S")) else f"{name}'s"
