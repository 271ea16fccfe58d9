"""Store layer: SQLite or PostgreSQL with versioned migrations and transactional writes."""

from sagte.store.sqlite import MIGRATIONS, ArticleRecord, Store

__all__ = ["MIGRATIONS", "ArticleRecord", "Store"]
