"""What a Spark worker needs to code stories: a small, picklable config, and one ``Coder`` per worker process.

The config travels to the executors with each task (it is part of the function ``mapInArrow`` runs); the
coder it names is loaded the first time a worker process meets it and kept for every later batch and task
that process runs (``spark.python.worker.reuse``, Spark's default, keeps the processes alive).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..config import resolve_dictionaries, resolve_model

if TYPE_CHECKING:
    from ..pipeline import Coder


@dataclass(frozen=True, slots=True)
class CoderConfig:
    """The coder of a Spark job: spaCy pipeline, extra actor dictionaries, options.

    ``resolved()`` fixes the model and dictionaries on the driver (``--model`` → ``EVENTWIRE_MODEL`` →
    config file), so executors do not depend on their own environment.  Dictionary paths must be readable
    on every executor (a shared file system, or files shipped with ``spark-submit --files``).
    """

    model: str | None = None
    dictionaries: tuple[str, ...] = field(default_factory=tuple)
    ner: bool = False
    batch_size: int = 32  # stories per ``Coder.code_batch`` call inside a worker

    def resolved(self) -> CoderConfig:
        return replace(
            self,
            model=resolve_model(self.model),
            dictionaries=tuple(resolve_dictionaries(list(self.dictionaries) or None)),
        )


_CODERS: dict[CoderConfig, Coder] = {}


def coder_for(config: CoderConfig) -> Coder:
    """The ``Coder`` of ``config`` in this process: loaded on first use, then reused."""
    coder = _CODERS.get(config)
    if coder is None:
        from ..pipeline import Coder

        coder = Coder(config.model, ner=config.ner, dictionaries=list(config.dictionaries) or None)
        _CODERS[config] = coder
    return coder
