"""Analysis layer: statements, speakers and the entities they resolve to."""

from sagte.analysis.extract import (
    MODES,
    Mode,
    ModelUnavailable,
    extract_statements,
    resolve_mode,
)
from sagte.analysis.model import Analysis, Entity, Mention, Statement
from sagte.analysis.quotes import EXTRACTOR

__all__ = [
    "EXTRACTOR",
    "MODES",
    "Analysis",
    "Entity",
    "Mention",
    "Mode",
    "ModelUnavailable",
    "Statement",
    "extract_statements",
    "resolve_mode",
]
