"""Evaluation of the extractor against annotated data (see `sagte.eval.quotes`)."""

from sagte.eval.quotes import (
    QuoteScorer,
    evaluate,
    fold_of,
    format_report,
    pair_statements,
    predict_document,
    score_documents,
)

__all__ = [
    "QuoteScorer",
    "evaluate",
    "fold_of",
    "format_report",
    "pair_statements",
    "predict_document",
    "score_documents",
]
