"""Step 3 — verbs: light-verb pairs first ("held talks", "launched an attack", "sent 20 tons of aid"), then
the verb's own frames, most specific first (``match.py``). Participles describing a noun, gerund subjects,
infinitives qualifying a noun of possibility ("Moscow's will to agree") and gerunds after a preposition
("accused of shelling") report no event. A matched verb then goes through its sub-steps (``VERB_STEPS``):
actors, governors (negation, modality, futures, reported speech and obligations), violence checks,
adjustments — and is emitted.

READS: ``s.triggers``, ``s.consumed`` (tokens a governing word used), ``s.governed`` (its complements: their
conjuncts are governed too), the frames, the parse.
ADDS: candidates to ``s.cands``; a light verb's event noun to ``s.consumed`` (and a verb of an emergency declared for a
disaster: no statement either).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .. import adjustments
from .. import modality as _mod
from ..actors import responsible
from ..emit import emit, main_conf
from ..grammar import NOUN_POS, VERB_POS
from ..headline_verbs import headline_participle, headline_sentence, noun_verb
from ..match import match_verb
from ..roles import misparsed_main_verb
from ..state import Candidate, DocState, SentenceWork, VerbDraft
from ..subjects import gerund_activity
from . import verb_actors, verb_causes, verb_modality, verb_places, verb_references, verb_violence

READS: tuple[str, ...] = ("triggers", "consumed", "governed")
ADDS: tuple[str, ...] = ("cands", "consumed")

VerbStep = Callable[[DocState, SentenceWork, VerbDraft], bool]

# A matched verb's journey; a sub-step returning False ends it (no event, or it emitted its own event).
VERB_STEPS: tuple[VerbStep, ...] = (
    verb_modality.not_anonymity,  # "a source who refused to be named": no refusal
    verb_modality.not_yet_helped,  # "pledged to help the rebels fight IS": the fight not yet
    verb_actors.from_slots,  # sources and targets from the frame's slots, phrases on the object
    verb_actors.double_object,  # "sent the Houthis missiles": a recipient parsed as a compound
    verb_actors.from_object,  # sources on the object, "claimed responsibility for the attack on X", places
    verb_actors.speaker_party,  # "Peru said the accord with Chile will be signed": Peru
    verb_actors.parties_from,  # "officials from Seoul and Washington held a meeting"
    verb_actors.purpose_target,  # "opened fire to disperse the demonstrators"
    verb_actors.exchange_target,  # "agreed to X in exchange for Y's relief"
    verb_actors.denied_accuser,  # "X accused Y of Z, a charge Y denies"
    verb_actors.told_addressee,  # "told his Japanese counterpart that Hanoi wanted closer ties"
    verb_actors.threatened,  # "threatened to punish X", "... unless X withdraws"
    verb_actors.foreign_envoys,  # "Madagascar expels dozens of diplomats": not its own
    verb_places.topic_target,  # "expressed concern over the coup in Niger"
    verb_places.own_people_abroad,  # "condemned the killing of its citizens in Pakistan"
    verb_places.place_target,  # "attacked a camp for X refugees", "reimposed blockades in the West Bank"
    adjustments.relief_purpose,  # "sent 3,000 police to aid the rescue": relief, not force posture
    verb_modality.apply,  # negated future, reported obligation, conditional, negated/hypothetical, future
    verb_violence.attacker,  # "a rocket was fired from Gaza", "died in a Taliban ambush"
    verb_violence.object_target,  # "fought a war against Iraq"
    verb_places.counted_victims,  # "seven were killed in clashes in Baghdad"
    verb_actors.named_person,  # "the court sentenced Barlet to 21 years": a civilian
    verb_places.crowd_place,  # "thousands marched in Paris"
    verb_places.gathering_place,  # "thousands gathered in Khartoum to demand ...": people of Khartoum
    verb_references.earlier_agent,  # "Museveni welcomed the visit": the visitor the story named before
    verb_references.conjunct_target,  # "Iran slams US sanctions, threatens retaliation": at the US too
    verb_references.mediated_parties,  # "X and Y reached a ceasefire mediated by Egypt": between X and Y
    verb_references.arrival_purpose,  # "a team arrived in Bahrain to begin cooperation": with Bahrain
    verb_references.implied_court,  # "was sentenced to 20 years in Beijing": by a Chinese court
    verb_references.owner_speaker,  # "Azerbaijan said Armenian forces shelled its positions": Azerbaijan's
    verb_actors.uncoded_party,  # "striking miners kept up their sit-in", "they were arrested"
    verb_actors.reporter_subject,  # "a CNN reporter who visited Kabul"
    verb_actors.not_a_vote,  # "voters rejected the referendum": a result, no act
    verb_actors.needs_target,  # weak verbs: only with a target actor
    adjustments.verbal_attack,  # "the opposition leader attacked the prime minister": criticism
    adjustments.not_a_poll,  # "60 percent of voters disapprove of ...": an opinion poll
    verb_violence.false_friends,  # "the crisis hit the economy", "battles to prevent ..."
    verb_actors.between,  # "talks between X and Y"
    adjustments.arrival_home,
    adjustments.home_deployment,  # "deployed a missile system to its capital": no target at home
    adjustments.protest_abroad,
    adjustments.meeting_place,  # third location, visit
    adjustments.joint_exercise,
    verb_places.protest_target,  # "fired tear gas at a rally in Nairobi": at its protesters
    adjustments.repression,  # "police fired on demonstrators": violent repression
    adjustments.crowd_riot,  # "protesters torched police cars": a riot
    adjustments.foreign_ban,  # "imposed a ban on Japanese seafood": an embargo
    adjustments.alleged_violence,  # accusation or claim of responsibility
    verb_violence.state_strike,  # "Israel carried out strikes in Gaza": force, not a labour strike
    adjustments.aerial_force,  # "coalition jets conducted strikes on X": an air strike
    adjustments.private_assault,  # "two men attacked a student": an assault, not military force
    adjustments.official_protest,  # "Japan protested the incursion": an official complaint
    verb_causes.cause_target,  # "lodged a protest after a Chinese ship entered its waters"
    verb_causes.disaster_emergency,  # "declared a state of emergency after the cyclone": disaster response
    verb_violence.agentless,  # "five were killed in violence in Delhi": no attacker, an assault
)


def run(st: DocState, s: SentenceWork) -> None:
    """Code every verb-like trigger not consumed by a governing word, unless it reports no event."""
    for t in s.triggers:
        if t.i in s.consumed or not verbish(st, t):
            continue
        if t.dep_ in ("amod", "compound") and not noun_verb(st, t):  # "Israeli-occupied sector": modifiers
            continue
        if t.i >= 2 and t.nbor(-1).text == "-" and t.nbor(-2).lower_ == "so":  # "the so-called X": a name
            continue
        if _adjectival(st, t):
            st.note(f"  verb '{t.text}': not coded (an adjective before '{t.nbor(1).text}')")
            continue
        if t.dep_ == "conj" and t.head.i in s.governed:  # "aims to tighten sanctions and impose a blockade"
            st.note(f"  verb '{t.text}': not coded (a conjunct of what '{t.head.text}''s governing word governs)")
            continue
        why = _background(st, t)
        if why:
            st.note(f"  verb '{t.text}': not coded ({why})")
            continue
        code_verb(st, s, t)


def _adjectival(st: DocState, t: Any) -> bool:
    """ "by opposing forces", "the occupying forces", "Invading troops crossed ...": a participle of
    ``adjectival_participles`` right after a determiner, a preposition, an adjective or the sentence start and
    right before a common noun, without an auxiliary ("police were attacking protesters" is a verb)."""
    if t.lower_ not in st.w.adjectival_participles or t.i + 1 >= len(t.doc) or t.nbor(1).pos_ != "NOUN":
        return False  # "attacking Israel in 1973": a name after it is its object
    if any(c.dep_ in ("aux", "auxpass") for c in t.children):
        return False
    return t.i == t.sent.start or t.nbor(-1).pos_ in ("DET", "ADP", "ADJ")


def code_verb(st: DocState, s: SentenceWork, v: Any) -> None:
    """The event of verb ``v``: its draft, the sub-steps, then emit."""
    d = _draft(st, s, v)
    if d is None:
        return
    for step in VERB_STEPS:
        if not step(st, s, d):
            return
    emit(
        st,
        Candidate(
            d.frame, d.code, v, d.rule, d.sources, d.targets, d.modality, main_conf(v, d.conf), recip=d.frame.recip
        ),
        d.label,
        s.cands,
    )


def _absolute_clause(st: DocState, g: Any) -> bool:
    """ "..., with protesters marching through the night", "..., with police firing tear gas": a gerund with a
    subject of its own after a comma and "with" on the main verb reports what that subject did (not "talks with
    the countries supporting the government")."""
    w = g.head
    return (
        st.lem(w) == "with"
        and w.head.pos_ in VERB_POS
        and w.i > 0
        and w.nbor(-1).text == ","
        and any(c.dep_ == "nsubj" and (c.pos_ != "PRON" or st.lem(c) in st.w.partitive_pronouns) for c in g.children)
    )


def _draft(st: DocState, s: SentenceWork, v: Any) -> VerbDraft | None:
    """The verb's frame, roles and light noun; ``None`` when nothing matches or the verb reports no event.
    "agreed that ...": a verb with a that-clause takes its clause code."""
    mv = match_verb(st, v)
    if mv is None:
        return None
    f, r, noun = mv
    taken = noun is not None and noun.i in s.consumed and noun.i != v.i
    if taken and v.dep_ == "acl":  # "attended a conference hosted by the U.S.": the participle's own frame
        mv = match_verb(st, v, light=False)
        if mv is None:
            return None
        f, r, noun = mv
        taken = False  # (own frames take no light noun)
    if taken and noun is not None:
        st.note(f"  verb '{v.text}' + '{noun.text}': not coded again (the noun governs an event)")
        return None
    if noun is not None:
        s.consumed.add(noun.i)
    label = f"verb '{v.text}'" + (f" + '{noun.text}'" if noun is not None else "")
    g = v
    while g.dep_ == "xcomp" and g.head.i != g.i:  # "jailed for conspiring to murder ..."
        g = g.head
    culprit = responsible(st, g) if g.dep_ == "pcomp" else None
    if gerund_activity(st, g) and culprit is None and not _absolute_clause(st, g):
        st.note(
            f"  {label} [{f.rule}]: no event (gerund after '{g.head.text}' names an activity, it does not report one)"
        )
        return None
    if v.tag_ == "VBN" and st.lem(v.head) == "with" and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        st.note(f'  {label} [{f.rule}]: no event ("with X {v.text}" describes the circumstances of another event)')
        return None
    clause_code = st.m.clause_codes.get(st.lem(v)) if noun is None else None
    if (
        clause_code
        and "obj" not in r
        and any(
            c.dep_ == "ccomp"
            and not any(
                a.dep_ == "aux" and (st.lem(a) in st.m.hypothetical_aux or st.lem(a) in st.m.future_aux)
                for a in c.children
            )
            for c in v.children
        )
    ):  # not "agreed that they should cooperate"
        f = replace(f, code=clause_code, rule=f"{f.rule}/that-clause", violent=False)  # "agreed that ..."
    return VerbDraft(v, f, r, noun, label, f.code, f.rule, f.conf, culprit=culprit)


def _background(st: DocState, t: Any) -> str | None:
    """Why a verb-like trigger reports no event (a participle describing a noun, a gerund subject, an
    infinitive qualifying a noun), or ``None``."""
    if (
        t.dep_ == "acl"
        and t.tag_ == "VBN"
        and not any(c.dep_ == "agent" for c in t.children)
        and not _existential(t.head)
        and not headline_participle(st, t)  # "Opposition Leader Arrested in Minsk": the headline's event
        and not misparsed_main_verb(st, t)  # "Israeli air strikes killed 20 people"
    ):
        return f"a participle describing '{t.head.text}', background rather than a reported event"
    if t.dep_ == "acl" and t.tag_ == "VBN" and _judged_subject(st, t.head):
        # "the funding requested by Trump is inadequate": what is judged, the verdict is the event
        return f"a participle describing '{t.head.text}', the subject of a verdict on it"
    if t.dep_ == "acl" and t.tag_ == "VBG" and t.head.dep_ in ("nsubj", "nsubjpass") and t.head.head.pos_ in VERB_POS:
        # "demonstrators opposing the law threw bricks", "students demanding reforms marched": who they are
        return f"a participle describing the subject '{t.head.text}' of '{t.head.head.text}', not its own event"
    if t.dep_ == "acl" and t.tag_ == "VBG" and (t.head.pos_ == "PRON" or t.head.head.lower_ in st.w.example_preps):
        # (the word, not the lemma: "including" is tagged a verb, lemma "include")
        # "groups, including those supporting President Obama": who the members of a list are
        return f"a participle describing '{t.head.text}' in a list or as a pronoun, not its own event"
    if (
        st.lem(t) in st.w.state_passives
        and (t.tag_ == "VBN" or (t.tag_ == "VBD" and t.dep_ == "acl"))  # "militias allied with X": tagged VBD
        and (t.dep_ in ("acl", "amod") or any(c.dep_ == "auxpass" for c in t.children))
    ):
        return f"'{t.text}' names a standing relation, not an act"  # "a channel that is allied with X"
    between = any(st.lem(c) == "between" for c in t.children)  # "fighting between X and Y killed 25": an event
    if t.dep_ in ("csubj", "csubjpass", "nsubj", "nsubjpass") and t.tag_ == "VBG" and t.pos_ == "VERB" and not between:
        return f"a gerund subject names a topic: '{t.text} ... {t.head.text}'"
    if _noun_read_as_verb(t):
        return f"'{t.text}' ends the noun phrase '{t.doc[t.i - 1].text} {t.text}', no conjoined verb"
    if noun_infinitive(st, t):
        return f"an infinitive qualifying '{t.head.text}': a purpose, ability or permission, not a reported event"
    return None


def _judged_subject(st: DocState, n: Any) -> bool:
    """``n`` is the subject of a copula whose predicate is a verdict of reproach or praise ("... is inadequate",
    "... was a mistake", "... is welcome")."""
    if n.dep_ != "nsubj" or st.lem(n.head) not in st.w.copulas:
        return False
    preds = [p for p in n.head.children if p.dep_ in ("attr", "acomp")]
    return any(st.lem(p) in st.insults or st.lem(p) in st.praises for p in preds)


def _noun_read_as_verb(t: Any) -> bool:
    """ "postponed over virus fears": a noun the parser made a verb right after a noun of a phrase — a conjunct
    with no "and" or comma between, or a headline's last word after a phrase of its verb (not "Thousands of
    workers strike": the "of" phrase is the subject's)."""
    prev = t.doc[t.i - 1] if t.i > 0 else None
    if prev is None or prev.pos_ not in NOUN_POS or prev.dep_ not in ("pobj", "dobj", "compound"):
        return False
    if t.dep_ == "conj":
        return not any(c.dep_ == "nsubj" for c in t.children) and _bare(t)
    last = t.dep_ == "ROOT" and headline_sentence(t) and t.i == t.sent.end - 1
    return last and prev.head.head.pos_ in VERB_POS and _bare(t)


def _bare(t: Any) -> bool:
    """No coordinator or comma before ``t`` in its head's phrase, and no object or clause of its own."""
    return not any(c.dep_ in ("cc", "punct") for c in t.head.children if t.head.i < c.i < t.i) and not any(
        c.dep_ in ("dobj", "prep", "ccomp", "xcomp") for c in t.children
    )


def noun_infinitive(st: DocState, t: Any, depth: int = 0) -> bool:
    """ "Moscow's will to agree", "permission to help Israel", "a resolution to impose sanctions": an
    infinitive clause that qualifies a noun names a possible action. Not for headline futures ("Chinese
    president to visit Nepal") nor after an ordinal ("the first country to recognize X" did it)."""
    if t.head.i == t.i or not any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return False
    if (
        depth < 2
        and t.dep_ in ("xcomp", "advcl")
        and t.head.pos_ in VERB_POS
        and noun_infinitive(st, t.head, depth + 1)
    ):
        return True  # "the authority to negotiate ... to free the hostages": the purpose of a possibility
    if t.dep_ in ("xcomp", "advcl") and t.head.pos_ in VERB_POS | {"ADJ"}:
        # the parser often hangs the noun's infinitive on the verb: "gave permission to X to help Y",
        # "doubts Moscow's will to agree"
        to = next(c for c in t.children if c.dep_ == "aux" and c.lower_ == "to")
        prev = t.doc[to.i - 1] if to.i > 0 else None
        return (prev is not None and prev.pos_ == "NOUN" and st.lem(prev) in st.modal_nouns) or any(
            c.dep_ == "dobj" and c.i < t.i and st.lem(c) in st.modal_nouns for c in t.head.children
        )
    if t.dep_ not in ("acl", "relcl") or t.head.pos_ not in NOUN_POS or _mod.headline_infinitive(t):
        return False
    if st.lem(t.head) in st.generic:  # "an attempt to assassinate X", "a bid to retake the town"
        return False
    if t.head.lower_ == "order" and t.head.head.lower_ == "in":  # "in order to protest": a purpose clause
        return False
    return not any(c.dep_ in ("amod", "advmod") and st.lem(c) in st.w.ordinals for c in t.head.children)


def _existential(n: Any) -> bool:
    """ "There were dozens of civilians wounded ...": the noun is the attribute of an existential "be", so the
    participle after it reports the event rather than describing the noun."""
    if n.dep_ == "pobj" and n.head.lemma_.lower() == "of" and n.head.head.i != n.head.i:
        n = n.head.head  # "dozens of civilians": the quantity is the attribute
    return bool(n.dep_ == "attr" and n.head.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in n.head.children))


def verbish(st: DocState, t: Any) -> bool:
    """A verb, or a word the tagger took for a noun in a headline ("Police detain five ...") that heads a
    clause with both a subject and a direct object."""
    if noun_verb(st, t):  # "Iraq summons Turkish envoy", "Niger junta orders French ambassador to leave"
        return True
    if t.pos_ in VERB_POS:
        return True
    if (
        t.pos_ == "ADJ"
        and t.dep_ in ("ccomp", "xcomp", "oprd")
        and t.head.lemma_.lower() in st.w.causative_verbs
        and any(c.dep_ == "dobj" for c in t.children)
    ):
        return True  # "let free six workers": the adjective is the released action
    if t.pos_ == "ADJ" and t.dep_ in ("advmod", "acomp", "ccomp", "oprd") and st.lem(t.head) in st.m.speech:
        return st.lem(t) in st.p.verbs and headline_sentence(t)  # "Merz says critical of ECB policy"
    if t.pos_ == "ADJ" and t.dep_ == "acomp" and st.lem(t.head) in st.w.copulas:
        # "Britain is deeply concerned about ...": an attitude adjective's frame (verbs.yaml); not a verdict on
        # the subject ("the actions were welcome": praise of the subject, see steps/statements.py)
        return st.lem(t) not in st.praises
    return bool(
        t.pos_ in NOUN_POS
        and t.dep_ == "ROOT"
        and any(c.dep_ == "nsubj" for c in t.children)
        and any(c.dep_ == "dobj" for c in t.children)
    )
