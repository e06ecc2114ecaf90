"""Whether a store's location is a file or a shared store's address (no imports: the
command line decides this before it loads anything heavy)."""

SERVER_SCHEMES = ("postgresql", "postgres")


def is_server_url(location) -> bool:
    """True for ``postgresql://…`` (or ``postgres://``, ``postgresql+psycopg://``) locations."""
    if not isinstance(location, str) or "://" not in location:
        return False
    scheme = location.split("://", 1)[0].lower()
    return scheme.split("+", 1)[0] in SERVER_SCHEMES
