"""The store's error for people, in a module light enough for the command line to catch it
before the database layer is loaded."""


class StoreError(Exception):
    """A problem with the store, described in plain words for the user."""


class PasswordNeededError(StoreError):
    """The shared store's server asks for a password and none was given."""
