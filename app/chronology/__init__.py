"""The integrated multi-agency chronology: reading agency files, merging, analysing (no Qt)."""
