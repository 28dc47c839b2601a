"""The steps of a sentence's journey through the event coder, one module each, in the order ``coder.STEPS``
runs them. Every step module declares what it ``READS`` and what it ``ADDS`` (as spaCy components declare
``requires``/``assigns``) and has ``run(st, s)``: ``st`` is the document's state (``state.DocState``), ``s`` the
sentence on its way (``state.SentenceWork``). Sub-steps of a step (the complement of a governing word, the
actors, modality and violence checks of a verb) are modules of their own here too.
"""
