"""The NLP stage: load the spaCy pipeline once per process, with only the components the coder reads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from spacy.attrs import IS_SPACE
from spacy.language import Language

from ._attribute_ruler import accelerate
from ._lemmatizer import accelerate as accelerate_lemmatizer
from .errors import error
from .parse_repairs import TEXT_KEY as TEXT_KEY
from .parse_repairs import repair_parse as repair_parse
from .parse_repairs import text_of as text_of
from .prefilter import TriggerFilter, finish

# The coder reads sentences, POS tags, lemmas and the dependency parse. NER costs about half of the
# pipeline's time and is not needed: actors come from dictionaries and the parse.
NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=4)
def load(model: str, *, ner: bool = False, accelerated: bool = True) -> Any:
    """Load the spaCy pipeline ``model`` (an installed package name or a path) once per process.

    Components the coder does not use are excluded (``ner`` only when asked). A model that lacks a
    component eventwire needs gives ``ModelError`` E202. ``accelerated=False`` keeps spaCy's own
    attribute_ruler matcher and lemmatizer loop (same output, slower: for benchmarks against stock spaCy).
    """
    import spacy

    try:
        nlp = spacy.load(model, exclude=[] if ner else ["ner"])
    except (OSError, ImportError, ValueError) as e:
        raise error("E201", model=model, reason=str(e).rstrip(".")) from e
    _split_initialism_hyphens(nlp)
    keep = set(NEEDED) | ({"ner"} if ner else set())
    for name in list(nlp.pipe_names):
        if name not in keep and name not in ("senter", "transformer"):
            nlp.disable_pipe(name)
    if accelerated and "attribute_ruler" in nlp.pipe_names:
        accelerate(nlp.get_pipe("attribute_ruler"))
    if accelerated and "lemmatizer" in nlp.pipe_names:
        accelerate_lemmatizer(nlp.get_pipe("lemmatizer"))
    if "parser" not in nlp.pipe_names:
        raise error("E202", model=model)
    nlp.add_pipe(PARAGRAPHS, before="parser")
    return nlp


# "U.S.-China talks", "the U.N.-backed government", "a U.S.-led coalition": the tokenizer keeps an initialism
# and the word hyphenated to it as one token, and both actors are lost
INITIALISM_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def _split_initialism_hyphens(nlp: Any) -> None:
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ()) + [INITIALISM_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


PARAGRAPHS = "eventwire_paragraphs"


@Language.component(PARAGRAPHS)
def paragraph_starts(doc: Any) -> Any:
    """A blank line ends a sentence: the parser keeps a caption, a photo credit, a subhead or a table row and the
    paragraph after it apart ("REUTERS/Elias Marcou\n\nClashes broke out ...", "'HELD ACCOUNTABLE'\n\nMore
    than 80 women ..."), so no actor or clause of one is read as part of the other."""
    for i in doc.to_array(IS_SPACE).nonzero()[0].tolist():  # token objects for the whitespace tokens only
        if i + 1 < len(doc) and "\n\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


# spaCy's own batch (the coder's batches of stories are cut up into these). The parser's work arrays grow
# with it and the allocator keeps them: 512 wire stories in one process peak at 449 MB RSS with 64, 231 MB
# with 16 and 197 MB with 8, at the same rate within noise from 16 up (docs/spark.md, "What was measured").
SPACY_BATCH = 16


def pipe(
    nlp: Any, texts: Iterable[str], batch_size: int = SPACY_BATCH, prefilter: TriggerFilter | None = None
) -> Iterator[Any]:
    """Run ``nlp.pipe`` in batches; translate spaCy failures into ``ModelError``. Each doc keeps the text
    it was parsed from (``text_of``). With ``prefilter`` the sentences that cannot hold an event skip the
    models (``eventwire.prefilter``: the doc's text and offsets stay the story's)."""
    inputs = ((t, t) for t in texts) if prefilter is None else ((prefilter.prepare(t), t) for t in texts)
    try:
        for doc, text in nlp.pipe(inputs, batch_size=batch_size, as_tuples=True):
            doc.user_data[TEXT_KEY] = text
            yield repair_parse(doc if prefilter is None else finish(doc))
    except (ValueError, RuntimeError) as e:  # spaCy/thinc raise these on bad input or model errors
        raise error("E203", reason=e) from e
