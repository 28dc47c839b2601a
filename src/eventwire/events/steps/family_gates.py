"""Sub-steps of the governing words (``families.py``): the gates that decide whether a word's family applies at
all — a possibility raised or only seen, an act ruled out or kept open, force ceased or another act, a source's
condition of anonymity, a gathering convened, a question asked, equipment ordered, a violent complement with an
abstract target (a false friend).

READS: the governing word's draft (word, family, complement), its support verb, particles and negation, the
word lists (``possibility_verbs``, ``anonymity_words``, ``convened_nouns``, ``asking_verbs``), the armed-action
roots (``codes.yaml``) and the governors (``governors.py``).
ADDS: ``d.kept_open`` (a negated "rule out" keeps its act open) and ``d.release`` (no family event, the word's own
frames may code it: an ask for a purpose, a warning addressed to someone); a gate returning False ends the
governing word's event.
"""

from __future__ import annotations

from typing import Any

from .. import physical
from ..actors import fill
from ..governors import blocked, question
from ..grammar import NOUN_POS, VERB_POS, after_open_quote
from ..state import DocState, GovernorDraft
from .verb_causes import public_advice


def raised_possibility(st: DocState, d: GovernorDraft) -> bool:
    """A noun of the ``possibility`` family is an intent (a threat when hostile) only when a verb of
    ``possibility_verbs`` raises it ("raised the possibility of talks with X", "hinted at the possibility of an
    operation", "held out the prospect of a deal"); under any other verb it is a possibility, no event ("saw little
    prospect of talks"; "ruled out the possibility of talks": the verb's own frame codes the refusal)."""
    if d.fam.name != "possibility":
        return True
    g = d.gov
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in d.comp.tok.children):
        # "raised the possibility that Iran would strike": a forecast of someone's act, not the raiser's intent
        st.note(f"  {d.label}: no event (a possibility with a subject of its own)")
        return False
    v = g.head.head if g.dep_ == "pobj" else g.head
    why = blocked(st, v) if g.dep_ == "pobj" else None  # (an object's negated verb: not_blocked)
    if g.dep_ in ("dobj", "pobj") and v.pos_ in VERB_POS and not why and _raising(st, v):
        return True
    if g.dep_ == "dobj" and not_ruled_out(st, v):  # "did not rule out the possibility of sanctions"
        d.kept_open = True
        return True
    st.note(f"  {d.label}: no event (a possibility{f' ({why})' if why else ''}, not raised by the verb's subject)")
    return False


def _raising(st: DocState, v: Any) -> bool:
    """Is ``v`` a verb of ``possibility_verbs``, with the particle or complement the phrase needs ("held out")?"""
    words = {st.lem(c) for c in v.children if c.dep_ in ("prt", "xcomp", "advmod", "oprd", "acomp")}
    return any(o.split()[0] == st.lem(v) and set(o.split()[1:]) <= words for o in st.w.possibility_verbs)


def not_ruled_out(st: DocState, g: Any) -> bool:
    """Is ``g`` a negated word of the ``unruled`` family ("did not rule out", "has not excluded")?"""
    fam = st.m.by_lemma.get(st.lem(g))
    if fam is None or fam.name != "unruled" or not any(c.dep_ == "neg" for c in g.children):
        return False
    return st.lem(g) != "rule" or any(c.dep_ == "prt" and st.lem(c) == "out" for c in g.children)


def kept_open(st: DocState, d: GovernorDraft) -> bool:
    """A word of the ``unruled`` family governs only when negated (``families.run`` passes no other: "ruled out
    talks" is the verb's own refusal): "did not rule out military action", "has not excluded talks" keep the act
    open, an intent, though the word is negated."""
    d.kept_open = d.kept_open or d.fam.name == "unruled"
    return True


def ceased_force(st: DocState, d: GovernorDraft) -> bool:
    """The ``cease`` family governs only an act of force ceased ("the rebels stopped shelling the town"); any other
    act ceased ("stopped paying") is no event of it (the verb's own frames may code it)."""
    if d.fam.name != "cease" or (d.comp.special or d.comp.base or "")[:2] in st.c.armed_action_roots:
        return True
    st.note(f"  {d.label}: no event (no act of force ceased)")
    d.release = True
    return False


def abandoned_plan(st: DocState, d: GovernorDraft) -> bool:
    """A plan or a threat given up ("dropped plans to impose a curfew in Lima", "shelved its threat of sanctions on
    X"): the noun of the ``intent`` or ``threaten`` family as the object of a verb of ``abandoning_verbs`` (not
    negated itself), with a hostile act the ``retract`` family maps, is that family's concession."""
    g = d.gov
    fam = st.m.families.get("retract")
    if fam is None or d.fam.name not in ("intent", "threaten") or g.pos_ not in NOUN_POS or g.dep_ != "dobj":
        return True
    v = g.head
    if v.pos_ not in VERB_POS or st.lem(v) not in st.w.abandoning_verbs or any(c.dep_ == "neg" for c in v.children):
        return True
    base = d.comp.special or d.comp.base or (d.comp.frame.code if d.comp.frame else "")
    if not any(base.startswith(k) for k in fam.map):
        return True
    d.fam, d.abandoned = fam, True
    st.note(f"  {d.label}: given up by '{v.text}' (a concession)")
    return True


def not_anonymity(st: DocState, d: GovernorDraft) -> bool:
    """No event when a source asks not to be named ("an official who asked not to be identified", "asked to
    remain anonymous"; ``anonymity_words``): the wire's condition of anonymity, not an appeal."""
    c = d.comp.tok
    passive = any(k.dep_ == "auxpass" for k in c.children)  # "to be named", not "asked Uganda to name the suspects"
    if d.fam.name == "appeal" and (
        (passive and st.lem(c) in st.w.anonymity_words)
        or any(k.dep_ in ("acomp", "oprd", "attr") and st.lem(k) in st.w.anonymity_words for k in c.children)
    ):
        st.note(f"  {d.label}: no event (a source's request for anonymity)")
        return False
    return True


def not_convened(st: DocState, d: GovernorDraft) -> bool:
    """No appeal when the governing verb's object is a gathering it convenes ("called a press conference to
    address the fallout", "called a meeting to discuss the attacks"; ``convened_nouns``), or the gathering or strike
    it describes ("the walkout called to protest the cuts"; ``protest_events``): the infinitive is the gathering's
    purpose; the verb's own frames may code the call."""
    g = d.gov
    convened = [c for c in g.children if c.dep_ == "dobj"] + ([g.head] if g.dep_ == "acl" else [])  # "a strike called"
    if d.fam.name == "appeal" and any(
        st.lem(c) in st.w.convened_nouns or st.lem(c) in st.w.protest_events for c in convened
    ):
        st.note(f"  {d.label}: no appeal (the object is a gathering the verb convenes)")
        d.release = True
        return False
    return True


def not_a_manner(st: DocState, d: GovernorDraft) -> bool:
    """ "signed a trade deal in a renewed push for economic cooperation", "marched in a call for justice": an appeal
    noun in an "in" phrase, with no party of its own, is the purpose of the act it is hung on, not an appeal."""
    g = d.gov
    if d.fam.name != "appeal" or g.pos_ not in ("NOUN", "PROPN") or g.dep_ != "pobj" or st.lem(g.head) != "in":
        return True
    if any(c.dep_ == "poss" for c in g.children):  # "in Turkey's push for talks": a party of its own
        return True
    st.note(f"  {d.label}: no appeal (the purpose of '{g.head.head.text}')")
    return False


def not_a_question(st: DocState, d: GovernorDraft) -> bool:
    """ "asked whether ...": a question, not a request; "ordered two corvettes to patrol the coast": a purchase
    of equipment (the ordered object is a weapon or an aircraft, no one who could be told), not a command."""
    if d.fam.name in ("appeal", "demand") and st.lem(d.gov) in st.w.asking_verbs and question(st, d.gov, d.comp):
        st.note(f"  {d.label}: no event (a question, not a request)")
        return False
    if d.fam.name == "demand" and any(c.dep_ == "dobj" and st.lem(c) in st.gear for c in d.gov.children):
        st.note(f"  {d.label}: no event (equipment ordered is a purchase, not a command)")
        return False
    return True


def disaster_advice(st: DocState, d: GovernorDraft) -> bool:
    """ "Japan urges telecommuting to curb coronavirus", "Britain advises travellers to self-isolate after Italy
    trips": an appeal (``disaster_advice`` roots) addressed to no one or to the public at home, made for a disaster
    or an epidemic (a physical cause in the governing word's phrases), is public-health advice, no event."""
    if not public_advice(st, d.code, d.sources, d.targets):
        return True  # an appeal for aid after the floods, or one to Congress for funds, is an appeal
    cause = physical.cause_in(d.gov, physical.load_rules())
    if cause is None:
        return True
    st.note(f"  {d.label}: no event (advice for '{cause.text}': disaster response)")
    return False


def not_false_friend(st: DocState, d: GovernorDraft) -> bool:
    """No event when a violent complement's target is a false friend ("vowed to fight corruption")."""
    comp = d.comp
    if comp.frame is not None and comp.frame.violent:
        _, ttok = fill(st, comp.frame.tgt, comp.roles)
        why = st.g.violent_target(comp.frame, ttok, bool(ttok is not None and st.idx.at(ttok.i)))
        if why:
            st.note(f"  {d.label}: no event (false friend: {why})")
            purpose = d.comp.tok.dep_ == "advcl" or any(c.dep_ == "prep" and st.lem(c) == "for" for c in d.gov.children)
            if d.fam.name in ("appeal", "demand") and purpose:
                d.release = True  # "asked Congress for $2.5 billion to fight the virus": the ask itself is coded
            if d.fam.name == "threaten" and any(c.dep_ in ("dobj", "dative") for c in d.gov.children):
                d.release = True  # "warned the US it would retaliate against new tariffs": a warning to the US
            return False
    return True


def not_quoted_command(st: DocState, d: GovernorDraft) -> bool:
    """No event for a command quoted as a slogan (students shouted "stop killing black people"): a bare verb with no
    subject right after an opening quote is what the crowd demands, not its own act."""
    g = d.gov
    if g.tag_ != "VB" or not after_open_quote(g.doc, g.i):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in g.children):
        return True
    st.note(f"  {d.label}: no event (a quoted command)")
    return False


_INDICATIVE_AUX = frozenset({"had", "has", "have", "was", "were", "is", "are", "did", "does", "do", "'s", "'d"})


def not_asserted_claim(st: DocState, d: GovernorDraft) -> bool:
    """No demand when "insist" (``assertive_demands``) governs an indicative clause ("Kenya insisted that its troops
    had not crossed the border"): a claim about what is so, not a demand ("insisted that Uganda withdraw")."""
    c = d.comp.tok
    if d.fam.name != "demand" or st.lem(d.gov) not in st.w.assertive_demands or c.dep_ != "ccomp":
        return True
    if c.tag_ in ("VBD", "VBZ") or any(
        a.dep_ in ("aux", "auxpass") and a.lower_ in _INDICATIVE_AUX for a in c.children
    ):
        st.note(f"  {d.label}: no demand (an indicative clause: a claim)")
        return False
    return True
