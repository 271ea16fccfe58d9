"""Stories layer: grouping articles into stories (not yet implemented; see issue 5)."""

__all__: list[str] = []
