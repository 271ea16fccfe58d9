"""Identity layer: one canonical record per person or organisation across articles."""

from sagte.identity.canonical import canonical_key

__all__ = ["canonical_key"]
