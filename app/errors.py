"""Errors the user is meant to read: plain words, no traceback."""


class UserError(Exception):
    """Something the user asked for cannot be done; the message says why."""


class ValidationError(UserError):
    pass


class NotFoundError(UserError):
    pass
