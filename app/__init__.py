"""ReviewDesk domain services, use cases and command line (no Qt)."""

__version__ = "0.1.0"
