"""Sub-step of a verb (``verbs.py``): the governors of the predicate — negation, modality, futures, reported
speech and reported obligations.

READS: the verb's draft (frame, code, actors), its auxiliaries and negation, the modality tables and
families (``modality.yaml``), the governors (``governors.py``), the conditional modals and the
unconditional and cooperative roots (``codes.yaml``).
ADDS: the draft's code, rule, modality and confidence, or ends the verb with no event:

* a negated future ("will not accept", "said it would not meet") is a rejection; of an act of force ("said it
  would not attack civilians") a pledge to refrain, an intent to de-escalate;
* a reported obligation ("X said Y must withdraw") is a demand (an appeal for "should") from the speaker to Y;
* a future in the main clause of a condition ("X will withdraw its troops unless Y ...") is a conditional
  threat (conflictual or withdrawing actions) or promise (cooperative ones): emitted here;
* a party saying it could take a hostile step ("Turkey said it could cut ties with Israel") threatens it;
* a negated, denied, alleged or hypothetical predicate gives no event;
* a future is an intent (modality ``intended``); an event in a speech verb's clause is ``reported``.
"""

from __future__ import annotations

from typing import Any

from .. import modality as _mod
from ..actors import fill, not_self
from ..arguments import load_rules
from ..emit import emit, main_conf
from ..governors import blocked, obligation_speaker, reported
from ..roles import roles
from ..state import Candidate, DocState, SentenceWork, VerbDraft


def apply(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """Negated future, reported obligation, or the asserted/conditional/future reading."""
    v = d.trigger
    neg = any(c.dep_ == "neg" for c in v.children)
    fut = _mod.future(v, st.m)
    oblig = next(
        (st.m.obligation[st.lem(c)] for c in v.children if c.dep_ == "aux" and st.lem(c) in st.m.obligation), None
    )
    pledge = {"cease", "intent"} <= set(st.m.families) and d.frame.code[:2] in st.c.armed_action_roots
    pledge = pledge and not any(c.dep_ == "auxpass" for c in v.children)  # not "will not be intimidated"
    if neg and fut and pledge:  # "the army said it would not attack civilians": a pledge to refrain from force
        ceased = st.m.family_code(st.m.families["cease"], d.frame.code)
        d.code = st.m.family_code(st.m.families["intent"], ceased)
        d.rule, d.modality = f"modality.yaml:negated-future+cease+{d.frame.rule}", "intended"
        return True
    if neg and fut and "reject" in st.m.families:  # "will not accept", "said it would not meet"
        d.code = st.m.family_code(st.m.families["reject"], d.frame.code)
        d.rule, d.modality = f"modality.yaml:negated-future+{d.frame.rule}", "asserted"
        return True
    if oblig and not neg and oblig in st.m.families:
        speaker = obligation_speaker(st, v)
        if speaker is not None:
            return _obligation(st, d, oblig, speaker)
    return _asserted(st, s, d, neg, fut)


def _obligation(st: DocState, d: VerbDraft, oblig: str, speaker: Any) -> bool:
    """ "X said Y must withdraw": X demands of Y (no event for an obligation the speaker states for itself)."""
    f = d.frame
    d.code = st.m.family_code(st.m.families[oblig], f.code)
    d.rule = f"modality.yaml:obligation:{oblig}+{f.rule}"
    raw = d.sources
    sroles = roles(st, speaker)
    d.sources, _ = fill(st, ("subj",), sroles)
    d.targets = not_self(st, raw, d.sources) or fill(st, ("to", "iobj"), sroles)[0]
    if raw and not d.targets:
        st.note(f"  {d.label} [{f.rule}]: no event (an obligation the speaker states for itself)")
        return False
    return True


def _asserted(st: DocState, s: SentenceWork, d: VerbDraft, neg: bool, fut: bool) -> bool:
    """A conditional threat or promise (emitted here), no event when blocked, else an intent for a future
    and ``reported`` in reported speech."""
    v, f = d.trigger, d.frame
    why, kind = blocked(st, v), "conditional"
    if not why and d.noun is not None:  # "presented no evidence", "held no talks": the event noun negated
        neg_det = next((c for c in d.noun.children if c.dep_ == "det" and st.lem(c) in st.m.negations), None)
        why = f"negated by '{neg_det.text} {d.noun.text}'" if neg_det is not None else None
    if (
        why
        and why.startswith("modal")
        and not neg
        and any(c.dep_ == "aux" and st.lem(c) in st.w.conditional_modals for c in v.children)
        and _mod.conditional(v, st.m) == _mod.CONDITIONAL_MAIN
    ):
        fut, why = True, _mod.CONDITIONAL_MAIN  # "X may halt its mediation if Y ...": a threat too
    elif why and why.startswith("modal") and not neg and _own_possible_step(st, d):
        fut, why, kind = True, _mod.CONDITIONAL_MAIN, "possible"  # "Turkey said it could cut ties with Israel"
    if why == _mod.CONDITIONAL_MAIN and not fut and not neg and f.code[:2] == st.c.threaten_root:
        why = None  # "warned Kyiv of consequences if it attacked": a warning is conditional by nature, and made
    if why == _mod.CONDITIONAL_MAIN and fut and not neg and f.code[:2] not in st.c.unconditional_roots:
        # "X will withdraw its troops unless Y ...": a conditional threat (conflictual or
        # withdrawing actions) or a conditional promise (cooperative ones), CAMEO-style
        coop = f.code[:2] in st.c.cooperative_roots and not f.code.startswith(st.c.military_retreat)
        fam_name = "intent" if coop else "threaten"
        cfam = st.m.families.get(fam_name)
        if cfam is not None:
            code = st.m.family_code(cfam, f.code)
            rule = f"modality.yaml:{kind}-{fam_name}+{f.rule}"
            modality = "intended" if fam_name == "intent" else "asserted"
            targets = d.targets or (_condition_actors(st, v, d.sources) if fam_name == "threaten" else [])
            emit(
                st,
                Candidate(f, code, v, rule, d.sources, targets, modality, main_conf(v, d.conf * 0.9), recip=f.recip),
                d.label,
                s.cands,
            )
            return False
    if why:
        st.note(f"  {d.label} [{f.rule}]: no event ({why})")
        return False
    if fut:
        ifam = st.m.families.get("intent")
        if ifam is not None:
            d.code = st.m.family_code(ifam, f.code)
            d.rule = f"modality.yaml:future+{f.rule}"
            d.modality, d.conf = "intended", d.conf * 0.95
    elif reported(st, v):
        d.modality = "reported"
    return True


def _own_possible_step(st: DocState, d: VerbDraft) -> bool:
    """ "Turkey said it could cut ties with Israel", "Russia may expel more British diplomats, the Kremlin said":
    a party saying that it could take a hostile step threatens it (CAMEO 13). Only when the speaker is the
    actor (its country; an official of no country named, "..., a spokesman said", is taken as the actor's),
    not for cooperative steps ("could send aid"), passives or guesses about the past ("troops may have been
    involved"), and never a third party's guess ("Iran could close the strait, analysts said")."""
    v = d.trigger
    if not d.sources or d.frame.code[:2] in st.c.cooperative_roots:
        return False
    if not any(c.dep_ == "aux" and st.lem(c) in st.w.conditional_modals for c in v.children):
        return False
    if any(c.dep_ == "auxpass" or (c.dep_ == "aux" and st.lem(c) == "have") for c in v.children):
        return False  # "it could be deployed", "troops may have been involved": no step the speaker takes
    warn = st.m.families.get("threaten")
    sp = _mod.in_reported_speech(v, st.m.speech) or _mod.in_reported_speech(v, warn.lemmas if warn else frozenset())
    if sp is None:
        return False
    sroles = roles(st, sp)
    speakers = fill(st, ("subj",), sroles)[0]
    if not speakers:  # "..., a spokesman said": an official of no country named speaks for the actor
        officials = load_rules().relay_officials
        return any(st.lem(t) in officials for t in sroles.get("subj", ()))
    own = {a.code[:3] for a in d.sources if a.code}
    return any(a.code and a.code[:3] in own for a in speakers)


def _condition_actors(st: DocState, v: Any, sources: list[Any]) -> list[Any]:
    """ "Seoul will retaliate if North Korea fires missiles": the actor of the condition is the one threatened."""
    cond = _mod.condition_clause(v, st.m)
    if cond is None:
        return []
    return not_self(st, fill(st, ("subj",), roles(st, cond))[0], sources)


def not_anonymity(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """No event when the verb's complement is a passive of naming ("a source who refused to be named", "declined to be
    identified"; ``anonymity_words``): the wire's condition of anonymity, not a refusal."""
    for c in d.trigger.children:
        if c.dep_ == "xcomp" and st.lem(c) in st.w.anonymity_words and any(k.dep_ == "auxpass" for k in c.children):
            st.note(f"  {d.label} [{d.frame.rule}]: no event (a source's condition of anonymity)")
            return False
    return True


def not_yet_helped(st: DocState, s: SentenceWork, d: VerbDraft) -> bool:
    """No event for what a future or planned help is for ("pledged to help the rebels fight IS", "will help Iraqi
    forces attack Mosul"; ``helping_verbs``): it has not happened; the help is the event."""
    v, h = d.trigger, d.trigger.head
    if v.dep_ not in ("ccomp", "xcomp") or h.i == v.i or st.lem(h) not in st.w.helping_verbs:
        return True
    if v.tag_ not in ("VB", "VBP") or any(c.dep_ == "mark" for c in v.children):  # (a bare verb often read VBP)
        return True
    # (the help a verb governs, "pledged to help"; not the purpose of an act told, "mobilised groups to help support")
    planned = h.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in h.children)
    if planned or _mod.future(h, st.m):
        st.note(f"  {d.label} [{d.frame.rule}]: no event (what a future or planned help is for)")
        return False
    return True
