"""The store's error for people, in a module light enough for the command line to catch it
before the database layer is loaded."""


class StoreError(Exception):
    """A problem with the store, described in plain words for the user."""


class PasswordNeededError(StoreError):
    """The shared store's server asks for a password and none was given."""


class StoreBusyError(StoreError):
    """Another program held the store's file while a change was saved: nothing was saved."""


BUSY_MESSAGE = (
    "The store was in use by another program just then (a backup or file-sync tool, say), so "
    "nothing was saved. Try again in a moment; if it keeps happening, close the other program "
    "or wait for it to finish."
)


def is_busy_error(exc: BaseException) -> bool:
    """Whether a database error says the store's file was locked by someone else."""
    text = str(getattr(exc, "orig", exc)).casefold()
    return "database is locked" in text or "database is busy" in text
