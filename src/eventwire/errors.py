"""The eventwire exception tree.

Every error carries a short stable ``code`` (``E1xx`` input, ``E2xx`` model/NLP, ``E3xx`` dictionaries,
``E4xx`` schema/records, ``E5xx`` store, ``E6xx`` evaluation) and a message that names the file, line or
story it concerns.  Third-party exceptions are translated into these where they enter eventwire.

    EventwireError
     ├── InputError        a story or input file cannot be read or is not a story
     ├── ModelError        the spaCy pipeline cannot be loaded or run
     ├── DictionaryError   a dictionary / pattern data file is invalid
     ├── SchemaError       a record does not validate against the event schema
     ├── StoreError        the DuckDB store cannot be opened, migrated or written
     └── EvalError         a gold file cannot be read or scored
"""

from __future__ import annotations


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
    code = "E100"


class ModelError(EventwireError):
    code = "E200"


class DictionaryError(EventwireError):
    code = "E300"


class SchemaError(EventwireError):
    code = "E400"


class StoreError(EventwireError):
    code = "E500"


class EvalError(EventwireError):
    code = "E600"
