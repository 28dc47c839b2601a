"""Step 1 — find triggers: the tokens of the sentence whose lemma can start a frame.

READS: the sentence's tokens and the document's lemmas (lower-cased, lemma fixes applied), the trigger
lemmas of the compiled patterns (verbs, nouns, light verbs, speech verbs, governing words) and those a
sentence needs one of (a light verb alone, "was", holds no event).
ADDS: ``s.triggers``; the sentence's span and lemmas on the document state (a light frame is tried only when
one of its event nouns is in the sentence). A sentence without a trigger is done: no event.
"""

from __future__ import annotations

from ..state import DocState, SentenceWork

READS: tuple[str, ...] = ("sentence", "lemmas", "patterns.trigger_lemmas", "patterns.needed_lemmas")
ADDS: tuple[str, ...] = ("triggers", "sentence_lemmas")


def run(st: DocState, s: SentenceWork) -> None:
    """Find the triggers; mark the sentence done when there is none."""
    sent = s.sent
    doc = sent.doc
    st.bind(doc)
    lem, tset = st.lemmas, st.trig
    s.triggers = [doc[i] for i in range(sent.start, sent.end) if lem[i] in tset]
    if not any(lem[t.i] in st.needed for t in s.triggers):  # only light verbs ("was"), no event noun
        s.done = True
        return
    st.sent_span = (sent.start, sent.end)
    st.sent_lemmas = set(lem[sent.start : sent.end])
