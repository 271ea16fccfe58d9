"""Analysis layer: statements, speakers and the entities they resolve to."""

from sagte.analysis.model import Analysis, Entity, Mention, Statement
from sagte.analysis.quotes import EXTRACTOR, extract_statements

__all__ = ["EXTRACTOR", "Analysis", "Entity", "Mention", "Statement", "extract_statements"]
