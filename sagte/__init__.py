"""sagte: who said what in German online news.

>>> import sagte
>>> statements = sagte.extract('"Wir sind bereit", sagte Jens Stoltenberg.')
>>> statements[0].speaker
'Jens Stoltenberg'

>>> db = sagte.open("sagte.db")  # doctest: +SKIP
>>> db.ingest(["examples/"])  # doctest: +SKIP
>>> db.statements(speaker="Stoltenberg")  # doctest: +SKIP
"""

import logging

from sagte.analysis.model import Entity, Mention, Statement
from sagte.api import Database, ExtractedStatement, extract, open
from sagte.errors import InputError, SagteError

__all__ = [
    "Database",
    "Entity",
    "ExtractedStatement",
    "InputError",
    "Mention",
    "SagteError",
    "Statement",
    "extract",
    "open",
]
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
