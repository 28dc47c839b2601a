"""Reject codes of ingest (``E1xx``) and the limits ingest enforces.

Every input ingest cannot turn into a story becomes a ``Reject`` with one of these codes and a reason that
names the file, line or story. The table is documented in ``docs/ingest.md``.
"""

from __future__ import annotations

# Longest story text eventwire codes. It equals spaCy's default ``Language.max_length`` and must stay equal
# to ``eventwire.pipeline.MAX_STORY_CHARS`` (a test checks it); longer stories are rejected, never truncated.
MAX_STORY_CHARS = 1_000_000

UNREADABLE = "E101"        # the path does not exist or cannot be read (permissions, I/O error)
BINARY = "E102"            # binary content (NUL bytes): not a text file
ENCODING = "E103"          # not valid UTF-8 (and no fallback encoding configured)
UNSUPPORTED = "E104"       # a file inside a folder whose type eventwire does not read
NO_FILES = "E105"          # a folder that holds no story files at all
BAD_GZIP = "E106"          # a .gz file that is truncated or not gzip
EMPTY = "E110"             # an empty story: nothing left after the header and dateline
TOO_LONG = "E111"          # a story longer than MAX_STORY_CHARS
NO_TEXT = "E112"           # a JSON/CSV record without a "text" field (or without a text column)
BAD_TEXT = "E113"          # a "text" field that is not a string (nor a list of strings)
BAD_JSON = "E114"          # a JSONL line / JSON document that does not parse
NOT_OBJECT = "E115"        # a JSON value that is not an object (e.g. a bare string or number)
BAD_CSV = "E116"           # a CSV row that cannot be parsed or has more fields than the header
NO_HTML_TEXT = "E117"      # an HTML page from which no main text could be extracted
HTML_UNAVAILABLE = "E118"  # the HTML extractor (trafilatura) cannot be imported
BAD_DATE = "E121"          # a date that is not an ISO date / datetime
