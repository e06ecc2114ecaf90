"""The anonymiser's three measures for a leak case, on the code of the tree it runs from:

- the case's leaked forms: its planted text anonymised, unregistered names removed, and read
  for what is left (the case's own ``leaks``);
- held-out leaks: sentences written before any rule; a part left after anonymising and
  removing unregistered names, and (the stricter count) left and not asked about by the
  release check's near names either; and the words changed in a held-out set's own ORDINARY
  prose (words of the language that are also its register's names);
- over-blocking: ordinary prose (the reference documents in ../shared/reference and the cases'
  ORDINARY prose) anonymised with every case's register: words replaced, near names asked;
- time: building the name patterns and anonymising the prose, best of ``--runs``.

    python benchmarks/anonymise_measures.py [--case 18] [--heldout 16 17 18] [--runs 5] [-v]
"""

import argparse
import difflib
import importlib
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.publishing.anonymise import Anonymiser  # noqa: E402
from app.publishing.near_names import near_names  # noqa: E402
from app.publishing.register import RegisterEntry  # noqa: E402
from app.publishing.transforms import protect  # noqa: E402

REFERENCE = next(
    (
        p
        for p in (
            Path(__file__).resolve().parent.parent.parent / "shared" / "reference",
            Path("/work/shared/reference"),
        )
        if p.is_dir()
    ),
    Path("."),
)
CASES = range(8, 19)


def register_of(module) -> list[RegisterEntry]:
    out = []
    for person in module.PEOPLE:
        if isinstance(person, RegisterEntry):
            out.append(person)
        else:
            name, descriptor, _role, variants, *rest = person
            born, addresses, ids = (*rest, None, (), ())[:3]
            out.append(
                RegisterEntry(
                    name,
                    descriptor,
                    variants=tuple(variants or ()),
                    date_of_birth=born,
                    addresses=tuple(addresses or ()),
                    identifiers=tuple(ids or ()),
                )
            )
    for name, descriptor, variants in getattr(module, "PLACES", ()):
        out.append(RegisterEntry(name, descriptor, kind="place", variants=tuple(variants)))
    return out


def published(register, text: str) -> str:
    """As a draft for publication prints it: names no register holds after a title or role,
    and names spelled like a registered one, removed; the register's people anonymised."""
    return protect(
        text,
        marking=None,
        anonymiser=Anonymiser(register),
        unregistered_out=True,
        register=register,
    )


def asked(register, text: str) -> set[str]:
    return {n.written for n in near_names(register, [text], Anonymiser(register).find)}


def case_leaks(number: int, verbose: bool) -> int:
    case = importlib.import_module(f"tests.publishing_leak{number}_case")
    register = register_of(case)
    out = published(register, case.PLANTED + " " + getattr(case, "ORDINARY", ""))
    found = case.leaks(out)
    count = sum(len(v) for v in found.values())
    print(f"case {number}: {count} leaked forms")
    if verbose:
        for kind, forms in found.items():
            print(f"  {kind}: {forms}")
    return count


def heldout_leaks(number: int, verbose: bool) -> tuple[int, int, int]:
    held = importlib.import_module(f"tests.publishing_leak{number}_heldout")
    left = unasked = 0
    for sentence, part in held.SENTENCES:
        out = published(held.REGISTER, sentence)
        if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", out):
            left += 1
            near = asked(held.REGISTER, sentence)
            flag = "asked" if any(part in n or n in part for n in near) else "NOT ASKED"
            unasked += flag == "NOT ASKED"
            if verbose:
                print(f"  left ({flag}): {sentence!r} -> {out!r}")
    n = len(held.SENTENCES)
    print(f"held-out {number}: {left}/{n} left in the text, {unasked}/{n} left and not asked")
    if isinstance(ordinary := getattr(held, "ORDINARY", None), str):
        # Its own prose that shares words with its register's names: words changed in it.
        out = published(held.REGISTER, ordinary)
        diff = difflib.ndiff(ordinary.split(), out.split())
        changed = [w[2:] for w in diff if w.startswith("- ")]
        print(f"held-out {number} ordinary prose: {len(changed)} words changed")
        if verbose and changed:
            print(f"  changed: {changed} -> {out!r}")
    return left, unasked, n


def corpus() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(REFERENCE.glob("*.txt"))]
    for number in CASES:
        case = importlib.import_module(f"tests.publishing_leak{number}_case")
        for attr in ("ORDINARY", "KEPT_PROSE"):
            if isinstance(getattr(case, attr, None), str):
                texts.append(getattr(case, attr))
    texts.append("The Raja Yoga class met. The Cruz Azul team played. The Rosa Lind cafe opened.")
    return texts


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def over_blocking(verbose: bool) -> tuple[int, int]:
    texts = corpus()
    replaced = asks = 0
    for number in CASES:
        case = importlib.import_module(f"tests.publishing_leak{number}_case")
        register = register_of(case)
        anonymiser = Anonymiser(register)
        for text in texts:
            for f in anonymiser.find(text):
                if f.what in ("name", "initials", "place"):
                    replaced += 1
                    if verbose:
                        lo, hi = max(f.start - 20, 0), f.end + 20
                        print(
                            f"  replaced (case {number}): {text[lo:hi]!r} [{text[f.start : f.end]}]"
                        )
        words = asked(register, "\n".join(texts))
        asks += len(words)
        if verbose and words:
            print(f"  asked (case {number}): {sorted(words)}")
    print(f"over-blocking: {replaced} replacements, {asks} near-name asks in ordinary prose")
    return replaced, asks


def timing(runs: int) -> None:
    """Best and mean of ``runs``: building every case's anonymiser, anonymising the prose with
    each, and looking for near names in it with each (what the release check does)."""
    texts = corpus()
    registers = [
        register_of(importlib.import_module(f"tests.publishing_leak{n}_case")) for n in CASES
    ]
    joined = "\n".join(texts)
    times: dict[str, list[float]] = {"build": [], "anonymise": [], "near names": []}
    for _ in range(runs):
        t0 = time.perf_counter()
        anonymisers = [Anonymiser(r) for r in registers]
        t1 = time.perf_counter()
        for a in anonymisers:
            for text in texts:
                a.apply(text)
        t2 = time.perf_counter()
        for r, a in zip(registers, anonymisers, strict=True):
            near_names(r, [joined], a.find)
        t3 = time.perf_counter()
        times["build"].append(t1 - t0)
        times["anonymise"].append(t2 - t1)
        times["near names"].append(t3 - t2)
    print(
        f"time ({len(registers)} registers, {len(joined)} chars, best / median of {runs}): "
        + "; ".join(
            f"{k} {min(v) * 1000:.1f} / {sorted(v)[len(v) // 2] * 1000:.1f} ms"
            for k, v in times.items()
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", type=int, nargs="*", default=[18])
    parser.add_argument("--heldout", type=int, nargs="*", default=[16, 17, 18])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    for number in args.case:
        case_leaks(number, args.verbose)
    for number in args.heldout:
        heldout_leaks(number, args.verbose)
    over_blocking(args.verbose)
    if args.runs:
        timing(args.runs)


if __name__ == "__main__":
    main()
