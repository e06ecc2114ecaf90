"""Store-wide commands: encryption, passphrase, a decrypted copy for handing on."""

import getpass
import sys
from pathlib import Path

from app.config import resolve_store_path
from app.errors import UserError
from app.store_access import (
    change_passphrase,
    encrypt_store,
    env_passphrase,
    export_decrypted,
    needs_passphrase,
    passphrase_for,
)
from app.wording import plural

EXIT_OK = 0


def terminal_asker():
    """Asks at the terminal (hidden input), or None when there is no terminal to ask at."""
    if not sys.stdin or not sys.stdin.isatty():
        return None

    def ask(prompt: str, confirm: bool) -> str | None:
        try:
            first = getpass.getpass(f"{prompt}: ")
            if confirm and first and getpass.getpass("Type it again: ") != first:
                raise UserError("The two passphrases differ; nothing was changed.")
        except EOFError:
            return None
        return first

    return ask


def _new_passphrase(env_name: str) -> str:
    import os

    given = os.environ.get(env_name)
    if given:
        return given
    ask = terminal_asker()
    if ask is None:
        raise UserError(
            f"Give the new passphrase in {env_name}, or run the command in a terminal "
            "to be asked for it."
        )
    typed = ask("New passphrase", True)
    if not typed:
        raise UserError("No passphrase was given; nothing was changed.")
    return typed


def cmd_encrypt_store(args) -> int:
    path = resolve_store_path(args.db)
    if not path.exists():
        raise UserError(f"There is no store at {path}.")
    if needs_passphrase(path):
        raise UserError(f"The store {path} is already encrypted.")
    passphrase = env_passphrase() or _new_passphrase("REVIEWDESK_NEW_PASSPHRASE")
    result = encrypt_store(path, passphrase)
    print(f"The store {path} is now encrypted; the unencrypted file was overwritten and removed.")
    for copy in result.copies_encrypted:
        print(f"Encrypted the earlier copy {copy.name} too.")
    return EXIT_OK


def cmd_change_passphrase(args) -> int:
    path = resolve_store_path(args.db)
    current = passphrase_for(path, terminal_asker(), new=False)
    new = _new_passphrase("REVIEWDESK_NEW_PASSPHRASE")
    if current is None:
        raise UserError(f"The store {path} is not encrypted: use 'reviewdesk encrypt-store'.")
    change_passphrase(path, current, new)
    print(f"The passphrase of {path} was changed; the old one no longer opens it.")
    return EXIT_OK


def cmd_export_store(args) -> int:
    path = resolve_store_path(args.db)
    if not path.exists():
        raise UserError(f"There is no store at {path}.")
    if not args.decrypt:
        raise UserError(
            "export-store writes an unencrypted copy of the whole store, readable by anyone "
            "who has the file. Say so with --decrypt (for an encrypted copy, use 'backup')."
        )
    passphrase = passphrase_for(path, terminal_asker(), new=False)
    target = export_decrypted(path, passphrase, Path(args.output), overwrite=args.force)
    print(f"Wrote an UNENCRYPTED copy of the store to {target}. Keep it safe; delete it when done.")
    return EXIT_OK


def register(add) -> None:
    """The store-wide commands, added to the main parser by ``add(name, func, help)``."""
    add("encrypt-store", cmd_encrypt_store, "encrypt an unencrypted store with a passphrase")
    add("change-passphrase", cmd_change_passphrase, "choose a new passphrase for the store")
    p = add(
        "export-store",
        cmd_export_store,
        "write an unencrypted copy of the whole store, for handing on (needs --decrypt)",
    )
    p.add_argument("--decrypt", action="store_true", help="yes, write it unencrypted")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    register_salvage(add)


def cmd_salvage(args) -> int:
    from db.salvage import salvage

    source = Path(args.db).expanduser() if args.db else resolve_store_path(None)
    if not source.is_file():
        raise UserError(f"There is no store at {source}.")
    passphrase = passphrase_for(source, terminal_asker(), new=False)
    report = salvage(source, Path(args.output).expanduser(), passphrase)
    print(f"Recovered {plural(report.recovered, 'row')} from {source} into {report.target}.")
    for line in report.lines():
        print(line)
    if report.lost:
        print(
            f"{plural(report.lost, 'row')} could not be recovered; the list above says from where."
        )
    else:
        print("Nothing was lost.")
    print(
        f"The damaged store was not changed. Check the new one, then use it with --db {report.target}."
    )
    return EXIT_OK


def register_salvage(add) -> None:
    p = add(
        "salvage",
        cmd_salvage,
        "recover every readable row of a damaged store into a new store, and say what was lost",
    )
    p.add_argument("-o", "--output", required=True, metavar="NEW", help="the new store to write")
