"""Step 7 — story context: no events triggered inside a photo credit or caption header, and no violence in
sports reporting ("struck out two", "beat the Wizards 3-1").

READS: ``s.cands``, the story context (``context.py``: boilerplate spans, sports cues of the sentence and
the story).
ADDS: ``s.cands`` without those events.
"""

from __future__ import annotations

from ..state import DocState, SentenceWork

READS: tuple[str, ...] = ("cands", "story_context")
ADDS: tuple[str, ...] = ("cands",)


def run(st: DocState, s: SentenceWork) -> None:
    """Drop events triggered inside a photo credit or caption header, and violence in sports reporting."""
    ctx = st.ctx
    if ctx is None:
        return
    keep = []
    for c in s.cands:
        t = c.trigger
        if ctx.in_boilerplate(t.idx, t.idx + len(t.text)):
            st.note(f"  drop {c.code} at '{t.text}': inside a credit or caption header")
            continue
        why = ctx.blocks(s.sent, c.code, st.lem(t))
        if why:
            st.note(f"  drop {c.code} at '{t.text}': a game, not violence ({why})")
            continue
        keep.append(c)
    s.cands = keep
