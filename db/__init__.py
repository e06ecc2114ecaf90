"""The ReviewDesk store: models, engine set-up, locking, auditing and migrations (no Qt)."""
