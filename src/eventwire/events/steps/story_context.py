"""Step 7 — story context: no events triggered inside a photo credit or caption header, no violence in sports
reporting ("struck out two", "beat the Wizards 3-1"), no attack in a disaster or an accident ("the blast
injured 30", "were killed when a gas explosion ripped through ..."), and the time and reality of what is left:
background history (modality ``historical``: "attacked Israel in 1973", "recalled that ...") and habits
(modality ``habitual``: "has always supported").

READS: ``s.cands``, the story context (``context.py``: boilerplate spans, sports cues of the sentence and the
story, the story date, whether the story reports a disaster and no attack), the physical causes and attack
markers (``physical.py``), the time rules (``time.py``), the guarded roots (``codes.yaml``).
ADDS: ``s.cands`` without those events; the modality of background events.
"""

from __future__ import annotations

import datetime as _dt

from .. import physical, time
from ..context import StoryContext
from ..state import Candidate, DocState, SentenceWork

READS: tuple[str, ...] = ("cands", "story_context")
ADDS: tuple[str, ...] = ("cands",)


def run(st: DocState, s: SentenceWork) -> None:
    """Drop events in credits, sports and disasters; mark background history and habits."""
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
        if not why and c.complement is not None:  # "Italy are set to host England in their final match"
            why = ctx.blocks(s.sent, c.code, st.lem(c.complement))
        if why:
            st.note(f"  drop {c.code} at '{t.text}': a game, not violence ({why})")
            continue
        why = _disaster(st, s, c, ctx)
        if why:
            st.note(f"  drop {c.code} at '{t.text}': a disaster or an accident, not an attack ({why})")
            continue
        if not _unrealised(st, c):
            continue
        _reality(st, s, c, ctx.story_date)
        keep.append(c)
    s.cands = keep
    _note_disaster(s, ctx)


def _disaster(st: DocState, s: SentenceWork, c: Candidate, ctx: StoryContext) -> str | None:
    """Why a sourceless violent event is a physical cause without a human agent, or ``None``; casualties with
    no cause of their own count only after the story reported a disaster and when it names no attack."""
    if c.code[:2] not in st.c.physical_guard_roots:
        return None
    rules = physical.load_rules()
    if c.sources:  # "the accident forced the evacuation ..., killing two": a cause as the subject
        why = physical.subject_cause(c.trigger, rules)
        return why if why and physical.marker(s.sent, rules) is None else None
    story = ctx.attack_free and ctx.disaster_seen and c.code[:2] in st.c.casualty_roots
    got = physical.no_attack(c.trigger, s.sent, story, rules)
    if got is None:
        return None
    why, linked = got
    ctx.disaster_seen = ctx.disaster_seen or linked
    return why


def _note_disaster(s: SentenceWork, ctx: StoryContext) -> None:
    """Remember that the story reported a disaster (for later sentences' casualties without a cause)."""
    if ctx.attack_free and not ctx.disaster_seen and physical.reports_disaster(s.sent, physical.load_rules()):
        ctx.disaster_seen = True


def _reality(st: DocState, s: SentenceWork, c: Candidate, story_date: _dt.date | None) -> None:
    """Mark background history and habits (their modality), with the reason in the trace."""
    rules = time.load_rules()
    why = time.historical(c.trigger, s.sent, story_date, rules)
    modality = time.HISTORICAL
    if not why:
        why, modality = time.habitual(c.trigger, rules), time.HABITUAL
    if why:
        st.note(f"  {c.code} at '{c.trigger.text}': modality {modality} ({why})")
        c.modality = modality


def _unrealised(st: DocState, c: Candidate) -> bool:
    """A planned nominal event becomes an intent ("a possible visit" → 036), so does a future one of
    cooperation ("the talks will resume", "said the talks would resume"); a possible one, or a future one of
    conflict, is dropped."""
    if c.tensed:
        return True  # "there would be (no more) talks": the future is the intent's or the refusal's own
    got = time.unrealised(c.trigger, time.load_rules(), st.m.speech)
    if got is None:
        return True
    kind, why = got
    fam = st.m.families.get("intent")
    if kind == "future" and c.code[:2] not in st.c.cooperative_roots:
        kind, why = "possible", f"{why}: a forecast"  # "there will be more clashes"
    if kind == "possible" or fam is None:
        st.note(f"  drop {c.code} at '{c.trigger.text}': {why}")
        return False
    code = st.m.family_code(fam, c.code)
    st.note(f"  {c.code} at '{c.trigger.text}': intent {code} ({why})")
    c.code, c.rule, c.modality = code, f"time.yaml:planned+{c.rule}", fam.modality
    return True
