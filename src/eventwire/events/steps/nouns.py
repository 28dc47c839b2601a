"""Step 5 — nominal events not used by a verb ("the meeting between X and Y", "Israel's strikes on Gaza"):
only with an actor on both sides (or two actors joined by "between", or an actor held responsible: "X was
behind the attack"), never under a copula, an idiom, a negation or a blocked governing verb.

READS: ``s.triggers``, ``s.consumed``, ``s.governed``, ``s.cands`` (a noun that a coded or governed act is about
is skipped), the noun frames, the guards, the governors and the actors.
ADDS: candidates to ``s.cands``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ...mentions import ActorMention
from ..actors import actors_at, as_states, authors, fill, inner_event_target, on_strike_holder, responsible, town_place
from ..adjustments import on_foreign_state
from ..emit import emit, names
from ..frames import Frame
from ..governors import blocked, failed, reported
from ..grammar import NOUN_POS, VERB_POS, Roles
from ..headline_verbs import headline_sentence
from ..match import match_noun
from ..modality import negated
from ..roles import noun_roles, roles
from ..state import Candidate, DocState, SentenceWork
from .noun_parties import (
    clause_subject,
    convened,
    engaged_subject,
    fighting_subject,
    hyphen_pair,
    nested_between,
    prep_word,
)
from .verb_places import foreign_place, place_named
from .verb_violence import armed_strike

READS: tuple[str, ...] = ("triggers", "consumed", "governed", "cands")
ADDS: tuple[str, ...] = ("cands",)


def run(st: DocState, s: SentenceWork) -> None:
    """Code every event noun among the triggers that no governing word used and no coded event is about."""
    coded = {c.trigger.i for c in s.cands}
    for t in s.triggers:
        if t.i in s.consumed or t.pos_ not in NOUN_POS or st.lem(t) not in st.p.nouns:
            continue
        head = t.head.head if t.dep_ == "pobj" else t.head
        if (
            t.dep_ in ("dobj", "pobj")
            and (head.i in coded or head.i in s.governed or _governed_clause(st, head))
            and not (t.dep_ == "pobj" and st.lem(t.head) in st.w.temporal_preps)
            and not _hosted(st, t, head, s)
        ):  # "offered to host talks between X and Y": the talks are what is offered
            st.note(f"  noun '{t.text}': not coded (it is what the event at '{head.text}' is about)")
            continue
        code_noun(st, s, t)


def _hosted(st: DocState, t: Any, head: Any, s: SentenceWork) -> bool:
    """ "Saudi Arabia hosted talks between Russian and Ukrainian officials": the object of a coded hosting verb
    (``hosting_verbs``) with "between" parties is their own event too (not when the hosting is governed:
    "offered to host talks")."""
    return (
        t.dep_ == "dobj"
        and st.lem(head) in st.w.hosting_verbs
        and head.i not in s.governed
        and not _governed_clause(st, head)
        and any(st.lem(c) == "between" for c in t.children)
    )


def _governed_clause(st: DocState, v: Any) -> bool:
    """``v`` is the infinitive a governing word governs ("offered to host", "urged them to hold")."""
    return (
        v.dep_ == "xcomp"  # the small model tags some such infinitives as nouns ("to host talks")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)
        and st.lem(v.head) in st.m.by_lemma
    )


def code_noun(st: DocState, s: SentenceWork, n: Any) -> None:
    """The event of noun ``n``: frame, checks, actors, modality, emit."""
    mn = match_noun(st, n)
    if mn is None:
        return
    f, r = mn
    label = f"noun '{n.text}'"
    if _earlier_force(st, n, f):
        st.note(f"  {label} [{f.rule}]: no event (the story's armed strike told before, not a walkout)")
        return
    occ = occurrence(st, n)
    protesting = _in_protest(st, n, f)
    if protesting is not None and any(c.trigger.i == protesting.i for c in s.cands):
        st.note(f"  {label} [{f.rule}]: no event (the manner of the event of '{protesting.text}')")
        return  # "went on strike in protest at the killings": the strike is the protest
    occurs = occ is not None or _headline_noun(n) or protesting is not None or bool(on_strike_holder(st, n))
    if occ is not None:  # "clashes broke out between X and Y": the verb's prepositions are the noun's
        for h in [occ] + [c for c in occ.children if c.dep_ == "acomp"]:  # "were ongoing in Minsk"
            r = {**{k: v for k, v in roles(st, h).items() if k not in _CLAUSE_SLOTS}, **r}
        if f.code[:2] == st.c.protest_root and _turns_violent(st, occ):
            f = replace(f, code=st.c.violent_protest, rule=f"{f.rule}+{st.lem(occ)} violent")
    if (occ is not None or _headline_noun(n)) and _crowd_clash(st, n, r):
        f = replace(f, code=st.c.violent_protest, rule=f"{f.rule}+protest", recip=False)
    # "there were clashes": no description; "trade talks" are talks, a "trade war" no war
    why = None if occurs else st.g.nominal(n, f.code[:2] not in st.c.cooperative_roots)
    why = why or (st.g.benign(n) if f.violent else None)
    if why:
        st.note(f"  {label} [{f.rule}]: no event ({why})")
        return
    if (
        n.dep_ == "pobj"
        and prep_word(st, n.head) in st.w.background_preps
        and n.head.head.pos_ in VERB_POS
        and f.code[:2] != st.c.consult_root  # "after talks with Y, X said ...": X met Y (rule 17)
        and not (f.code[:2] in st.c.reaction_roots and fill(st, f.src, r)[0] and not fill(st, f.tgt, r)[0])
    ):
        # "after talks with Iran, Russia said ...", "amid protests, the president resigned": the setting of the
        # sentence's news, reported as its own news elsewhere
        st.note(f"  {label} [{f.rule}]: no event (the background of the clause, after '{n.head.text}')")
        return
    if n.dep_ == "pobj" and n.head.lower_ == "of" and st.lem(n.head.head) in st.w.sequel_nouns:
        st.note(f"  {label} [{f.rule}]: no event (the background of the clause, in the '{n.head.head.text}' of it)")
        return
    if _announced(st, s, n, f, r, label):
        return  # "said there would be (no more) talks with the rebels": an intent (a refusal)
    why = negated(n, st.m, st.w.negating_verbs)
    if why:  # "no talks", "no discussions about a possible meeting", "without talks", "to stop incursions"
        st.note(f"  {label} [{f.rule}]: no event ({why})")
        return
    end = failed(st, n)  # "the talks between X and Y collapsed": halted; "the truce broke down": none
    if end is not None and f.code[:2] == st.c.consult_root:
        f = replace(f, code=st.c.halted_talks, rule=f"{f.rule}+{st.lem(end)}")
    elif end is not None and f.code[:2] in st.c.cooperative_roots:
        st.note(f"  {label} [{f.rule}]: no event (it failed: '{end.text}')")
        return
    if n.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj") and n.head.pos_ in VERB_POS:
        why2 = blocked(st, n.head)
        if why2:
            st.note(f"  {label} [{f.rule}]: no event ({why2})")
            return
    got = _actors(st, n, f, r, label, occurs, protesting)
    if got is None:
        return
    sources, targets = got
    clause = n.head
    while clause.pos_ not in VERB_POS and clause.head.i != clause.i:  # "X said Iran was behind the attack"
        clause = clause.head
    modality = "reported" if reported(st, n.head) or reported(st, clause) else "asserted"
    code, rule = f.code, f.rule
    if on_foreign_state(st, code, n, sources, targets):  # "the EU's ban on Russian oil": an embargo
        code, rule, targets = st.c.foreign_restriction, f"{rule}/foreign-state", as_states(targets)
    elif armed_strike(st, code, n, sources):  # "Israel's strikes in Gaza": force
        code, rule = st.c.state_strike, f"{rule}/state"
    elif _street_clash(st, code, n, [*sources, *targets]):  # "clashes between supporters and opponents": a riot
        code, rule = st.c.violent_protest, f"{rule}/street"
    emit(st, Candidate(f, code, n, rule, sources, targets, modality, f.conf, recip=f.recip), label, s.cands)


def _announced(st: DocState, s: SentenceWork, n: Any, f: Frame, r: Roles, label: str) -> bool:
    """ "The spokesman said there would be talks with the rebels": an event noun in a future existential
    ("there will / would be ...") that a speaker states is the speaker's intent (the intent family's code)
    toward the noun's other party; denied by "no" ("there will be no more talks"), a refusal of it (the
    reject family's code)."""
    be = n.head
    said = be.head if be.dep_ == "ccomp" else be.head.head if be.dep_ == "conj" and be.head.dep_ == "ccomp" else None
    if not (  # "said that ... and that there would be no more talks": the second content clause too
        n.dep_ == "attr"
        and st.lem(be) == "be"
        and any(c.dep_ == "expl" for c in be.children)
        and any(c.dep_ == "aux" and st.lem(c) in ("will", "would") for c in be.children)
        and said is not None
        and st.lem(said) in st.m.speech
        and not any(c.dep_ == "neg" for c in be.children)
    ):
        return False
    ruled_out = any(  # "no talks", "no more talks"
        c.lower_ == "no" and c.dep_ in ("det", "neg") for x in (n, *n.children) for c in x.children if c.i < n.i
    )
    fam = st.m.families.get("reject" if ruled_out else "intent")
    if fam is None or (not ruled_out and f.code[:2] not in st.c.cooperative_roots):
        return False  # "the UN said there will be more clashes": a forecast, no one's intent
    if any(k in r for k in ("between", "poss", "by")) or fill(st, f.src, r)[0]:
        return False  # "there will be talks between X and Y": the parties' own event, a forecast by the speaker
    sources, _ = fill(st, ("subj",), roles(st, said))
    targets, _ = fill(st, f.tgt, r)
    code = st.m.family_code(fam, f.code)
    rule = f"modality.yaml:{'ruled-out' if ruled_out else 'announced'}+{f.rule}"
    modality = "asserted" if ruled_out else fam.modality
    cand = Candidate(
        replace(f, code=code, rule=rule), code, n, rule, sources, targets, modality, f.conf, recip=f.recip, tensed=True
    )
    emit(st, cand, label, s.cands)
    return True


def _actors(
    st: DocState, n: Any, f: Frame, r: Roles, label: str, occurs: bool = False, protesting: Any = None
) -> tuple[list[ActorMention], list[ActorMention]] | None:
    """(sources, targets) of a nominal event, or ``None`` (no event: a false friend, or a side missing). A
    protest or violence said to happen needs only one side: the place it happens in gives its source ("protests
    erupted in Lagos", "fighting broke out in Sirte"), or its target is enough ("protests against the spy agency
    took place")."""
    between: list[ActorMention] = []
    for t in r.get("between", ()) or nested_between(st, n):
        between.extend(a for a in actors_at(st, t) if a not in between)
    between = between or hyphen_pair(st, n)
    if f.recip and len(between) >= 2:
        return between, []
    sources, stok = fill(st, f.src, r)
    if not sources and not f.recip:  # "airstrikes carried out by Russian warplanes" (not "a truce brokered by X")
        sources = authors(st, n)
    culprit = responsible(st, n)
    if culprit and not any(a.country for a in sources):
        sources = culprit  # "X is responsible for the killings", "X was behind the attack": enough alone
    if not sources and f.recip and "of" not in f.tgt:
        sources, _ = fill(st, ("of",), r)  # "the talks of X with Y", "a meeting of the two leaders"
    if not sources and f.code[:2] == st.c.consult_root:
        sources = clause_subject(st, n)  # "after talks with Y, X said ...": X met Y
    if not sources and f.recip and f.code[:2] in st.c.violent_roots:
        sources = fighting_subject(st, n)  # "rebels suffered losses in clashes with the army"
    if not sources:
        sources = engaged_subject(st, n)  # "X is in talks with Y", "X and Y remain locked in talks"
    if not sources and protesting is not None:  # "traders shut their shops in protest against ..."
        sources = fill(st, ("subj",), roles(st, protesting))[0]
    sources = sources or on_strike_holder(st, n)  # "Jailed activist on hunger strike"
    if not sources and n.dep_ == "dobj" and st.lem(n.head) in st.w.announcing_verbs:
        # "the interior ministry announced the arrest of 12 militants": the announcer's own act
        done_to = fill(st, f.tgt, r)[0]
        sources = [a for a in fill(st, ("subj",), roles(st, n.head))[0] if a not in done_to]
    if not sources and f.recip:
        sources = convened(st, n)  # "the summit brought together leaders from Albania and Kosovo"
    # a protest or violence said to happen in a place: the place's side ("protests erupted in Lagos", "heavy
    # fighting broke out in Sirte")
    one_sided = occurs and (f.code[:2] == st.c.protest_root or f.code[:2] in st.c.violent_roots)
    if not sources and one_sided:
        sources = [a for t in r.get("in", ()) for a in actors_at(st, t) if a.country] or [
            a for t in r.get("in", ()) for a in town_place(st, t)
        ]
        sources = sources or place_named(st, r, (*st.w.location_preps, "on", "to"), [], nested=True)[0]  # "spread to"
        # "Lagos riots left four dead", "Nairobi protests turned violent": a town named before the noun
        sources = sources or [a for t in n.children if t.dep_ in ("compound", "nmod") for a in town_place(st, t)]
        if f.code == st.c.violent_protest:  # "clashes on a Greek island", "riots in Lagos": the place's crowd
            crowd = tuple(sorted(st.c.crowd_sectors))
            sources = [replace(a, sectors=crowd) if not a.sectors else a for a in sources]
    targets, ttok = fill(st, f.tgt, r)
    targets = targets or _target_of(st, n) or inner_event_target(st, n) or _appos_target(st, n, f)
    if not targets and f.code[:2] in st.c.violent_roots:  # "the Russian siege of Mariupol": a foreign place
        targets, ptok = foreign_place(st, r, sources, tuple(f.tgt))
        ttok = ptok if targets else ttok
    if sources and not targets and f.code[:2] in st.c.reaction_roots:
        targets = [a for a in clause_subject(st, n) if a not in sources]  # "after criticism from X, Y withdrew"
    if occurs and not sources and not targets and _definite(n) and f.code[:2] in st.earlier:
        # "the protests continued", "the talks resumed on Monday", "the fighting spread": the story's events of
        # that kind told before
        sources, targets = st.earlier[f.code[:2]]
    why = st.g.violent_target(f, ttok, bool(ttok is not None and st.idx.at(ttok.i)))
    if why:
        st.note(f"  {label} [{f.rule}]: no event (false friend: {why})")
        return None
    # an event noun said to happen is news like an agentless passive: one coded side is enough ("a raid on the
    # opposition's offices took place", "resulted in the arrest of 12 militants")
    two_sided = (f.recip and not targets and len(sources) >= 2) or (occurs and bool(sources or targets))
    if not two_sided and (not sources or not targets) and not culprit:
        st.note(
            f"  {label} [{f.rule}]: no event (a nominal event needs a source and a target actor; "
            f"src={names(sources)}, tgt={names(targets)})"
        )
        return None
    return sources, targets


def _street_clash(st: DocState, code: str, n: Any, parties: list[ActorMention]) -> bool:
    """A clash noun (``crowd_clash_nouns``) coded as force whose every party is people in the street
    (``street`` sectors: "clashes between supporters and opponents of the president")."""
    return bool(
        code == st.c.aerial_root + "0"
        and st.lem(n) in st.w.crowd_clash_nouns
        and parties
        and all(a.sectors and set(a.sectors) <= st.c.street_sectors for a in parties)
    )


def _target_of(st: DocState, n: Any) -> list[ActorMention]:
    """ "the city of Homs was the target of airstrikes", "the embassy became a target of attacks": the subject of
    the copula a target noun follows (an actor, or a town the gazetteer places)."""
    g = n.head.head if n.dep_ == "pobj" and n.head.lower_ == "of" else None
    if g is None or st.lem(g) not in st.w.target_nouns or g.dep_ != "attr":
        return []
    for x in g.head.children:
        if x.dep_ == "nsubj":
            places = [p for q in (x, *(c for c in x.subtree if c.dep_ == "pobj")) for p in town_place(st, q)]
            return actors_at(st, x) or places[:1]
    return []


def _appos_target(st: DocState, n: Any, f: Frame) -> list[ActorMention]:
    """ "The Turkish offensive, the third operation against Kurdish fighters in Syria, ...": the target of an event
    noun of the same root in apposition to the event noun (its own target slots; not "the strike, the deadliest
    attack on X": a labour strike is no attack)."""
    for c in n.children:
        frames = st.p.nouns.get(st.lem(c), ()) if c.dep_ == "appos" and c.pos_ in NOUN_POS else ()
        if any(a.code[:2] == f.code[:2] for a in frames):
            slots = tuple(dict.fromkeys(x for a in frames for x in a.tgt if x not in ("obj", "subj")))
            got = fill(st, slots, noun_roles(st, c))[0]
            if got:
                return got
    return []


def _crowd_clash(st: DocState, n: Any, r: Roles) -> bool:
    """Clashes said to happen with no party named, in a sentence of protest ("clashes broke out on the island in
    protest against the camp"): a crowd's riot (``crowd_clash_nouns``, ``protest_words``)."""
    if st.lem(n) not in st.w.crowd_clash_nouns or any(
        actors_at(st, t) for p in ("between", "with") for t in r.get(p, ())
    ):
        return False
    if hyphen_pair(st, n):
        return False
    return bool(st.sent_lemmas & st.w.protest_words) or "against" in r


def _earlier_force(st: DocState, n: Any, f: Frame) -> bool:
    """ "An air strike hit the compound ... The group says the strike occurred at dawn": a bare "the strike" after
    the story told of armed force and of no protest refers to that force, not to a walkout."""
    return (
        f.code[:2] == st.c.protest_root
        and st.lem(n) == "strike"
        and not any(c.dep_ in ("amod", "compound") for c in n.children)
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in n.children)
        and st.c.protest_root not in st.earlier
        and any(r in st.earlier for r in st.c.armed_action_roots)
    )


def _definite(n: Any) -> bool:
    """The noun refers back in a main clause: "the protests continued" ("since the protests began in
    December" is background)."""
    v = n.head
    if v.dep_ == "ccomp" and v.head.dep_ == "ROOT" and v.head.i > v.i:
        v = v.head  # "the talks continued on Tuesday, a spokesman said": a trailing attribution
    main = v.dep_ == "ROOT" or (v.dep_ == "conj" and v.head.dep_ == "ROOT")
    return main and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that") for c in n.children)


_CLAUSE_SLOTS = frozenset({"subj", "obj", "iobj", "attr"})


def occurrence(st: DocState, n: Any) -> Any | None:
    """The verb saying that event noun ``n`` happened, or ``None``: "clashes *broke out*", "protests
    *erupted*", "talks *took place*" (``occurrence_verbs``), "the protest *turned* violent", "*there were*
    clashes", "clashes *were* ongoing", "the verdict *sparked* protests" (``causing_verbs``). Never in a
    relative clause: "Kharkiv, which recently saw heavy shelling" is the place's background."""
    v = _occurrence(st, n)
    return None if v is None or v.dep_ == "relcl" else v


def _occurrence(st: DocState, n: Any) -> Any | None:
    v = n.head
    if n.dep_ == "conj" and v.pos_ in NOUN_POS:
        return _occurrence(st, v)  # "resulted in 20 searches and the detention of eight people"
    if n.dep_ == "pobj" and v.lower_ == "of" and st.lem(v.head) in st.w.time_nouns and v.head.i != v.head.head.i:
        return _occurrence(st, v.head)  # "weeks of protests forced the minister out", "after a night of rioting"
    if n.dep_ == "pobj" and v.lower_ in ("to", "in") and v.head.pos_ in VERB_POS:
        # "the law led to mass demonstrations", "the operation resulted in the arrest of 12 militants"
        verbs = st.w.causing_verbs if v.lower_ == "to" else st.w.resulting_verbs
        return v.head if st.lem(v.head) in verbs and _not_negated(v.head) else None
    if v.i == n.i or v.pos_ not in VERB_POS:
        return None
    if n.dep_ == "dobj" and _causing(st, v):  # "the verdict sparked protests in Dhaka"
        return v
    if n.dep_ in ("dobj", "xcomp") and _witnessed(st, v):  # "Kharkiv has seen heavy shelling"
        return v
    kids = {(c.dep_, st.lem(c)) for c in v.children}
    if st.lem(v) in st.w.copulas:  # the existential "there were clashes", "clashes were ongoing"
        under_way = any(st.lem(c) == "under" and any(st.lem(x) == "way" for x in c.children) for c in v.children)
        ok = (n.dep_ in ("attr", "nsubj") and any(d == "expl" for d, _ in kids)) or (
            n.dep_ == "nsubj" and (under_way or any(d == "acomp" and w in st.w.ongoing_words for d, w in kids))
        )  # "clashes were ongoing", "an offensive against X is under way"
    else:  # "came hours after the army announced ...": the clause's "after" is the verb's word
        words = {w for _, w in kids} | {
            st.lem(m) for c in v.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"
        }
        said = any(o.split()[0] == st.lem(v) and set(o.split()[1:]) <= words for o in st.w.occurrence_verbs)
        # "two more US airstrikes were reported", "raids were carried out overnight": the passive's subject
        done = any(o.split()[0] == st.lem(v) and set(o.split()[1:]) <= words for o in st.w.passive_occurrence_verbs)
        ok = (n.dep_ == "nsubj" and (said or _turns_violent(st, v))) or (n.dep_ == "nsubjpass" and done)
    return v if ok else None


def _in_protest(st: DocState, n: Any, f: Frame) -> Any | None:
    """The verb protest noun ``n`` is the bare manner phrase of ("shut their shops in protest against the tax",
    "walked out in protest", "wore black armbands in protest": the phrase hung on the object), or ``None``:
    the verb's subject protests."""
    if f.code[:2] != st.c.protest_root or n.dep_ != "pobj" or n.head.lower_ != "in":
        return None
    if any(c.dep_ in ("det", "poss") for c in n.children):
        return None
    v = n.head.head
    v = v.head if v.dep_ == "dobj" else v
    # not in a relative clause: "the alliance, which formed the opposition in protest of ...", its background
    return v if v.pos_ in VERB_POS and v.dep_ != "relcl" else None


def _headline_noun(n: Any) -> bool:
    """ "Riots in Delhi over the citizenship law", "Protests in Hong Kong against extradition bill": a headline
    without a verb whose head is the event noun reports that it happens."""
    return n.dep_ == "ROOT" and headline_sentence(n) and not any(t.pos_ in VERB_POS for t in n.sent)


def _causing(st: DocState, v: Any) -> bool:
    """``v`` is a verb of causing ("spark", "trigger"), not negated."""
    return st.lem(v) in st.w.causing_verbs and _not_negated(v)


def _not_negated(v: Any) -> bool:
    return not any(c.dep_ == "neg" for c in v.children)


def _witnessed(st: DocState, v: Any) -> bool:
    """``v`` is a verb of witnessing whose subject is where its object happened ("the town has seen heavy
    fighting", "Mosul witnessed clashes"); not negated, not a verb of judging ("saw the protests as a threat")."""
    return (
        st.lem(v) in st.w.witness_verbs
        and _not_negated(v)
        and not any(c.dep_ == "prep" and c.lower_ == "as" for c in v.children)
        and any(
            c.dep_ == "nsubj" and c.pos_ != "PRON" and not any(a.kind == "person" or a.sectors for a in st.idx.at(c.i))
            for c in v.children
        )
    )


def _turns_violent(st: DocState, v: Any) -> bool:
    """ "turned violent", "became deadly"."""
    return any(c.dep_ in ("acomp", "oprd") and st.lem(c) in st.w.violent_turn_words for c in v.children)
