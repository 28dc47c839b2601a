"""Step 8 — statements (root 01, including the speech-verb fallback "X said ..."): kept only when nothing
better was coded in the sentence. The fallback is coded only when the statement is news about someone: not an
attribution clause ("..., a police official said", "X told Reuters"), and with a target — a non-media
addressee ("told the Japanese minister"), else a coded actor of another country named in what was said.

READS: ``s.cands``, ``s.triggers``, ``s.consumed``, the speech verbs (``modality.yaml``), the statement root
(``codes.yaml``), the ``media`` noun class, the governors and the actors.
ADDS: ``s.cands``: the statements dropped when a better event exists (not beside a sourceless description
only), else the speech fallback's statements.
"""

from __future__ import annotations

from typing import Any

from ...mentions import ActorMention
from ..actors import fill, uncoded_name
from ..arguments import load_rules, relays
from ..emit import emit
from ..frames import Frame
from ..governors import blocked
from ..grammar import NOUN_POS, VERB_POS
from ..modality import negated
from ..roles import roles
from ..state import Candidate, DocState, SentenceWork

READS: tuple[str, ...] = ("cands", "triggers", "consumed")
ADDS: tuple[str, ...] = ("cands",)


def run(st: DocState, s: SentenceWork) -> None:
    """Drop statements when a better event exists; with none, try the speech-verb fallback."""
    statement = st.c.statement_root
    _claimed_acts(st, s)
    strong = [c for c in s.cands if not c.code.startswith(statement)]
    if strong:
        # "X accused Y of Z, a charge Y denies"; "the BJP denies any bias, but objectors have held protests"
        kept = [c for c in s.cands if any(f(st, c, strong) for f in (_answer, _coordinated, _beside_background))]
        strong += kept
        for c in s.cands:
            if c.code.startswith(statement) and c not in kept:
                st.note(f"  drop {c.code} at '{c.trigger.text}': a better event exists in the sentence")
        s.cands = strong
        for t in s.triggers:  # "said the funding requested by Ruto is inadequate": the verdict on a coded act
            inner = [c for c in strong if c.trigger.i != t.i and any(a.i == t.i for a in c.trigger.ancestors)]
            if t.pos_ in VERB_POS and st.lem(t) in st.m.speech and inner and _judged_acts(st, t, inner):
                speech(st, s, t)
        return
    if any(c.rule.startswith("modality.yaml:allegation") for c in s.cands):
        return  # "X claimed that its troops ...": the claim is coded (015), no bare statement
    for t in s.triggers:
        if (
            t.pos_ in VERB_POS
            and st.lem(t) in st.m.speech
            and t.i not in s.consumed
            and not any(c.trigger.i == t.i for c in s.cands)
        ):
            speech(st, s, t)


def _claimed_acts(st: DocState, s: SentenceWork) -> None:
    """ "The Islamic State claimed responsibility for twin bombings that killed 31 people": the claimant is the
    agent of the sourceless violence it claims (in the object of its claim); the claim gives way to that event."""
    for c in s.cands:
        if c.code != st.c.claim_responsibility or not any(a.code for a in c.sources):
            continue
        v = c.trigger
        claimed = [t for k in v.children if k.dep_ in ("dobj", "prep") for t in k.subtree]
        for o in s.cands:
            if o is not c and not o.sources and o.code[:2] in st.c.alleged_violence_roots and o.trigger in claimed:
                o.sources = list(c.sources)
                o.rule += "/claimed"


def _answer(st: DocState, c: Any, strong: list[Any]) -> bool:
    """A denial by the target of another event of the sentence answers it: an event of its own ("X accused Y
    of war crimes, a charge Y denies")."""
    if c.code not in st.c.responsibility_codes or st.lem(c.trigger) not in st.w.denial_verbs or not c.targets:
        return False
    return any(_same(a, b) for e in strong for a in e.targets for b in c.sources)


def _coordinated(st: DocState, c: Any, strong: list[Any]) -> bool:
    """Statement ``c`` is news of its own when every better event is in a clause coordinated with its verb and
    has other sources ("The BJP denies any bias against Muslims, but objectors have been holding protests"), or
    when it has a target of its own ("Ethiopia rejected the accusation and urged Egypt to return": two acts)."""
    mine = {a.code for a in c.sources if a.code}
    if not c.code.startswith(st.c.statement_root) or not mine:
        return False
    return all(
        (bool(c.targets) or not ({a.code for a in o.sources} & mine))
        and (_conjoined(o.trigger, c.trigger) or _conjoined(c.trigger, o.trigger))
        for o in strong
    )


def _beside_background(st: DocState, c: Any, strong: list[Any]) -> bool:
    """Statement ``c`` of a coded source stays when every better event is a description of its subject without a
    source ("Saudi Arabia, which leads a coalition fighting the Houthis, denied targeting civilians")."""
    if not c.code.startswith(st.c.statement_root) or not any(a.code for a in c.sources):
        return False
    subjects = [t for t in c.trigger.children if t.dep_ in ("nsubj", "nsubjpass")]
    return all(
        not o.sources and o.trigger.dep_ in ("acl", "relcl") and any(s in o.trigger.ancestors for s in subjects)
        for o in strong
    )  # (a description of what the statement is about stays the event: "claimed the bombings that killed 31")


def _conjoined(u: Any, t: Any) -> bool:
    """``u`` is in a clause coordinated with verb ``t`` (``u``'s way up to ``t`` ends in a "conj" on ``t``)."""
    while u.head.i != u.i and u.head.i != t.i:
        u = u.head
    return bool(u.head.i == t.i and u.i != t.i and u.dep_ == "conj")


def _same(a: Any, b: Any) -> bool:
    """One actor named twice: the same code, or a country and one of its sectors ("Moscow" and "Russia")."""
    return bool(a.code == b.code or (a.country and a.country == b.country and not (a.sectors and b.sectors)))


def speech(st: DocState, s: SentenceWork, v: Any) -> None:
    """The statement fallback "X said ...", with an addressee or an actor of another country named."""
    code = st.m.speech[st.lem(v)]
    label = f"speech '{v.text}'"
    why = blocked(st, v)
    if why:
        st.note(f"  {label}: no statement ({why})")
        return
    inner = [c for c in s.cands if c.trigger.i != v.i and any(a.i == v.i for a in c.trigger.ancestors)]
    if inner and not _judged_acts(st, v, inner):
        st.note(f"  {label}: no statement (what was said is coded)")  # "said it was disappointed with X"
        return
    if v.dep_ == "xcomp":  # "are expected to announce", "refused to say": no statement made yet
        st.note(f"  {label}: no statement (complement of '{v.head.text}')")
        return
    # '"...," X said': an attribution of the reported content, a statement only when it accuses or reproaches
    trailing = v.dep_ in ("parataxis", "advcl") or any(c.dep_ == "ccomp" and c.i < v.i for c in v.children)
    r = roles(st, v)
    sources, _ = fill(st, ("subj",), r)
    if not sources:
        sources = _official_speaker(st, r, v)
    if not sources:
        if not _document_accusation(st, s, v, r, label):
            st.note(f"  {label}: no statement (no coded speaker)")
        return
    if relays(st, sources, v.doc):  # "Xinhua reported that ...": the agency relays what others did
        st.note(f"  {label}: no statement (the speaker is a news medium relaying the news)")
        return
    slots = ("to", "iobj", "with", "obj") if st.lem(v) in st.w.telling_verbs else ("to", "iobj", "with")
    addressees = [t for x in slots for t in r.get(x, ()) if not is_media(st, t)]  # "told Putin"
    for m in r.get("in", ()):  # "in a letter to Rutte, X said ...": the letter's addressee
        if st.lem(m) in st.messages:
            addressees += [p for c in m.children if st.lem(c) == "to" for p in c.children if p.dep_ == "pobj"]
    told, _ = fill(st, ("addr",), {"addr": addressees})
    clause, verdict = _reproach(st, v) if code[:2] == st.c.statement_root else (None, "")
    if clause is None and code[:2] == st.c.statement_root:
        clause, verdict = _obliged(st, v, sources)  # "said the protesters should remain calm": an appeal to them
    doers = _wrongdoers(st, v, sources) if code[:2] == st.c.statement_root and clause is None else []
    # the addressee, else the party accused ("said the Chinese broadcaster spread false claims about Kenya": the
    # broadcaster), else the actor what was said is about, else the author of a reproached act
    # ('"...," X told Y': a statement to Y, an official or a known person; not to a medium or an assembly)
    official = [a for a in told if a.kind == "person" or set(a.sectors) & st.c.counterpart_sectors]
    # a reproach is aimed at the author of the reproached act, never at its victim ("their violence against
    # the Israeli people is unacceptable": not the Israelis)
    reproached = _reproached(st, clause, sources) if clause is not None and verdict == "reproach" else []
    about = [a for a in content_actor(st, v, sources) if clause is None or not _victim(st, clause, a)]
    targets = (doers or official or reproached) if trailing else told or doers or reproached or about
    if not targets and clause is not None and verdict != "reproach":
        targets = _reproached(st, clause, sources)
    if not targets:  # '"This is an attack on our sovereignty," Ruto said of the Ugandan incursion': whom it is about
        targets = [a for a in fill(st, ("of", "about"), r)[0] if not any(_same(a, b) for b in sources)]
    if not targets and trailing:
        st.note(f"  {label}: no statement (attribution of the reported content, not a statement)")
        return
    if not targets:
        st.note(f"  {label}: no statement (attribution only: no addressee and no other actor in what was said)")
        return
    rule = f"modality.yaml:speech:{st.lem(v)}"
    if clause is not None and verdict in st.m.families:  # "said X should remain calm": the obligation's family
        code, rule = st.m.families[verdict].default, f"{rule}/obligation:{verdict}"
    elif clause is not None:  # "said Iceland's participation was a mistake" ("... was commendable": praise)
        code, rule = {
            "reproach": (st.c.verbal_attack, rule + "/reproach"),
            "blame": (st.c.accusation, rule + "/blame"),
        }.get(verdict, (st.c.evaluated_praise, rule + "/praise"))
    elif any(a in targets for a in doers):  # "said Palau violated the treaty"
        code, rule = st.c.accusation, rule + "/wrongdoing"
    f = Frame(code=code, lemma=st.lem(v), kind="verb", rule=rule, tgt=("to", "iobj"), conf=0.5)
    emit(st, Candidate(f, code, v, f.rule, sources, targets, "asserted", 0.5), label, s.cands)


def _document_accusation(st: DocState, s: SentenceWork, v: Any, r: dict[str, list[Any]], label: str) -> bool:
    """A document whose author is not named says a party did wrong ("the complaint alleges that the country
    violated the agreement", "the lawsuit says X broke the law"): an accusation (112) of that party, without a
    source."""
    if st.m.speech[st.lem(v)][:2] != st.c.statement_root:
        return False
    if not any(st.lem(t) in st.documents for t in r.get("subj", ())):
        return False
    doers = _wrongdoers(st, v, [])
    if not doers:
        return False
    rule = f"modality.yaml:speech:{st.lem(v)}/document-wrongdoing"
    f = Frame(code=st.c.accusation, lemma=st.lem(v), kind="verb", rule=rule, tgt=("to", "iobj"), conf=0.4)
    emit(st, Candidate(f, f.code, v, rule, [], doers, "asserted", 0.4), label, s.cands)
    return True


def _reproach(st: DocState, v: Any) -> tuple[Any | None, str]:
    """What was said is a verdict on an act: the content clause "X was / is a mistake, unacceptable,
    irresponsible", "X poses a threat" (a copula or a ``verdict_verbs`` verb with a predicate, or one of its
    conjuncts, of the ``insult`` class, not negated: criticism, 111) or "X was welcome, commendable" (the
    ``praise`` class: praise, 051), not a plain statement. (clause, "reproach" | "praise"), or (None, "")."""
    for c in content_clauses(st, v):
        verdict = st.lem(c) in st.w.verdict_verbs  # "said X's launches posed a grave threat"
        if not (verdict or st.lem(c) in st.w.copulas) or negated(c, st.m, st.w.negating_verbs):
            continue
        preds = [p for p in c.children if p.dep_ in (("dobj",) if verdict else ("attr", "acomp"))]
        preds += [p for p in c.children if p.dep_ == "xcomp" and st.lem(p) == "blame"]  # "X was to blame for Y"
        for p in [*preds, *(x for q in preds for x in q.conjuncts)]:  # "was hasty and irresponsible"
            if _negated_word(st, p):
                continue  # not "said there was no interference by Uganda"
            if st.lem(p) in st.insults or _judged_noun(st, p, st.insults) or _hostile_purpose(st, p):
                return c, "reproach"
            if _blamed_for(st, p):  # "said Washington was responsible for the rising tensions"
                return c, "blame"
            if st.lem(p) in st.praises or _praised_partner(st, p) or _judged_noun(st, p, st.praises):
                return c, "praise"
    return None, ""


def _judged_acts(st: DocState, v: Any, inner: list[Candidate]) -> bool:
    """The events coded in what was said are all in the subject of a verdict on them ("said the funding requested by
    Ruto is completely inadequate"): the verdict is still a statement of its own."""
    clause, verdict = _reproach(st, v)
    if clause is None or verdict not in ("reproach", "praise"):
        return False
    judged = {t.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return all(c.trigger.i in judged for c in inner)


def _hostile_purpose(st: DocState, p: Any) -> bool:
    """A predicate noun whose infinitive is a hostile aim ("said Egypt's statements were an attempt to destabilise
    the region", "a ploy to divide the opposition"): ``hostile_aims``."""
    return p.pos_ == "NOUN" and any(
        a.dep_ in ("acl", "relcl") and st.lem(a) in st.w.hostile_aims and any(x.lower_ == "to" for x in a.children)
        for a in p.children
    )


def _judged_noun(st: DocState, p: Any, words: Any) -> bool:
    """A predicate noun an adjective of ``words`` judges ("said the Irish move was a welcome step", "a positive
    development", "an irresponsible decision")."""
    return p.pos_ == "NOUN" and any(a.dep_ == "amod" and st.lem(a) in words for a in p.children)


def _blamed_for(st: DocState, p: Any) -> bool:
    """A predicate of culpability ("responsible", "to blame") with a harm as what it is for."""
    if st.lem(p) not in st.culpable and not (st.lem(p) == "blame" and p.tag_ == "VB"):
        return False
    return any(
        st.lem(o) in st.w.harm_nouns or st.lem(o) in st.insults or st.lem(o) in st.aggression
        for q in p.children
        if st.lem(q) == "for"
        for o in q.children
        if o.dep_ == "pobj"
    )


def _obliged(st: DocState, v: Any, sources: list[ActorMention]) -> tuple[Any | None, str]:
    """A content clause with a reported "should" / "must" whose verb no family governs and whose subject is an
    actor other than the speaker ("said the protesters should remain peaceful"; not "we must first resolve ...",
    "the border must stay open"): (clause, the obligation's family name: appeal, demand), else (None, "")."""
    own = {s.code for s in sources} | {s.country for s in sources}  # "said Serbia must remain neutral"
    for c in content_clauses(st, v):
        subj = [m for x in c.children if x.dep_ == "nsubj" for m in st.idx.at(x.i)]
        if not subj or any(m.code in own for m in subj):
            continue
        for aux in (x for x in c.children if x.dep_ == "aux"):
            fam = st.m.obligation.get(st.lem(aux))
            if fam in st.m.families:
                return c, str(fam)
    return None, ""


def _praised_partner(st: DocState, p: Any) -> bool:
    """ "said Egypt was a reliable partner", "a true friend": a partner noun (``partner_role``) with a word of
    ``partner_praise`` on it."""
    return st.lem(p) in st.partner_roles and any(
        a.dep_ == "amod" and st.lem(a) in st.partner_praises for a in p.children
    )


def content_clauses(st: DocState, v: Any) -> list[Any]:
    """The clauses a speech verb reports: its ``ccomp`` children (and the clause of a belief in them: "said he was
    confident that ..."), and a "that" clause the parser hangs on the message noun of the verb's "in" phrase ("said
    in a statement that Hasan was a terrorist")."""
    out = [c for c in v.children if c.dep_ == "ccomp"]
    # "said he was confident that X was a responsible producer": the clause of the belief
    out += [
        b
        for c in out
        for a in c.children
        if a.dep_ == "acomp" and st.lem(a) in st.w.belief_adjectives
        for b in a.children
        if b.dep_ == "ccomp"
    ]
    for p in v.children:
        if p.dep_ == "prep" and st.lem(p) == "in":
            out += [c for m in p.children if m.dep_ == "pobj" for c in m.children if _message_clause(st, c)]
    return out


def _message_clause(st: DocState, c: Any) -> bool:
    """``c`` is a "that" clause on a message noun ("a statement that ...")."""
    return (
        c.dep_ in ("acl", "relcl")
        and st.lem(c.head) in st.messages
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    )


def _wrongdoers(st: DocState, v: Any, sources: list[ActorMention]) -> list[ActorMention]:
    """Who, what was said says, did wrong: the subject of a content clause whose verb is one of
    ``wrongdoing_verbs`` ("said Palau had violated the treaties", "says Kyiv broke the truce", "said Washington
    was lying"; an uncoded name too), not negated, not a future or a possibility; or the subject of a content
    clause holding one of ``accusation_words`` ("said the broadcaster ran illegal programmes")."""
    for c in content_clauses(st, v):
        if negated(c, st.m, st.w.negating_verbs):
            continue
        act = c  # "said Israel was trying to destabilise the region": the act tried
        if st.lem(c) in st.w.attempt_verbs:
            act = next((x for x in c.children if x.dep_ == "xcomp" and x.pos_ in VERB_POS), c)
        if st.lem(act) in st.w.wrongdoing_verbs:
            if c.tag_ not in ("VBD", "VBN", "VBZ", "VBP", "VBG") or any(
                a.dep_ == "aux" and a.tag_ == "MD" for a in c.children
            ):  # "said Kyiv broke / breaks / is breaking the truce", not "would break"
                continue
        elif not any(
            t.pos_ in ("NOUN", "ADJ", "ADV")
            and st.lem(t) in st.w.accusation_words
            and not _negated_word(st, t)
            and not _nested(t, c)
            for t in c.subtree
        ):
            continue
        got = _subject_actor(st, c, sources)
        if got:
            return got
    return []


def _nested(t: Any, c: Any) -> bool:
    """``t`` sits in a clause below content clause ``c`` ("said Rwanda has a right to know who is behind the
    genocide": the genocide is not what Rwanda is said to have done)."""
    x = t
    while x.i != c.i and x.head.i != x.i:
        if x.dep_ in ("ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "csubj"):
            return True
        x = x.head
    return False


def _negated_word(st: DocState, t: Any) -> bool:
    """A word denied in place: "no interference", "not illegal"."""
    return any(c.dep_ in ("neg", "det") and c.lower_ in st.m.negations for c in t.children)


def _victim(st: DocState, clause: Any, a: ActorMention) -> bool:
    """Is actor ``a`` the one an act with an author in the subject of ``clause`` is aimed at ("their violence
    against X"; not "the violence against protesters in Iran", whose author is left to the reader)?"""
    for subj in (c for c in clause.children if c.dep_ == "nsubj"):
        for p in subj.subtree:
            if p.dep_ != "prep" or st.lem(p) not in st.w.victim_preps or p.head.pos_ not in NOUN_POS:
                continue
            authored = any(c.dep_ == "poss" or (c.dep_ == "prep" and st.lem(c) == "by") for c in p.head.children)
            if authored and p.left_edge.i <= a.head <= p.right_edge.i:
                return True
    return False


def _subject_actor(st: DocState, clause: Any, sources: list[ActorMention]) -> list[ActorMention]:
    """The first actor in the subject of ``clause`` other than the speaker's (not one the act is aimed at), else its
    uncoded proper name."""
    for subj in (c for c in clause.children if c.dep_ == "nsubj"):
        for t in subj.subtree:
            got = [a for a in st.idx.at(t.i) if a not in sources and not _victim(st, clause, a)]
            if got:
                return got[:1]
        named = uncoded_name(st, subj)
        if named:
            return named
    return []


def _reproached(st: DocState, clause: Any, sources: list[ActorMention]) -> list[ActorMention]:
    """The author of the act a reproach is about: an actor in its subject ("said the Japanese move was
    regrettable", "said the president's decree was unconstitutional"), of any country, or a name ("claims
    Perez is corrupt")."""
    return _subject_actor(st, clause, sources)


def _official_speaker(st: DocState, r: dict[str, list[Any]], v: Any) -> list[ActorMention]:
    """A speaker the actor coder marked as reporting (a medium of the state: "Syria's information minister
    said ...") that is a political official, not a news medium relaying: its statement is its own."""
    for tok in r.get("subj", ()):
        marked = [m for m in st.idx.at(tok.i) if m.attribution == "reporting"]
        if marked and not relays(st, marked, v.doc):
            return marked
    return []


def is_media(st: DocState, tok: Any) -> bool:
    """ "told Reuters", "told reporters", "told a news conference", "told BBC Monitoring" (an actor coded as a
    medium): a reporting channel, no addressee."""
    if any(st.lem(t) in st.media for t in tok.subtree):
        return True
    relay = load_rules().relay_sectors
    return any(a.sectors and set(a.sectors) <= relay for a in st.idx.at(tok.i))


def content_actor(st: DocState, v: Any, sources: list[ActorMention]) -> list[ActorMention]:
    """The first coded actor, of another country than the speaker, in the content clause of ``v`` or its
    topic phrase ("commented on relations with Iran": ``speech_topic_preps``)."""
    own = {a.country for a in sources if a.country} | {a.code for a in sources}
    clauses = [*(x for x in v.children if x.dep_ in ("xcomp", "dobj")), *content_clauses(st, v)]
    for c in v.children:  # "commented on the situation in Sudan": the topic of the statement
        if c.dep_ == "prep" and st.lem(c) in st.w.speech_topic_preps:
            clauses += [p for p in c.children if p.dep_ == "pobj"]
    for c in sorted(clauses, key=lambda x: x.i):
        for t in c.subtree:
            for a in st.idx.at(t.i):
                if a in sources or st.lem(t) in st.media or not _participant(st, t, c, a):
                    continue
                if c.dep_ == "dobj" and is_media(st, t):  # "told BBC Monitoring": the channel
                    continue
                if a.country and a.country not in own:
                    return [a]
    return []


def _participant(st: DocState, t: Any, top: Any, a: ActorMention) -> bool:
    """The actor at ``t`` takes part in what was said (a subject, an object, a prepositional object: "said
    relations with India were stable"): not a nationality word on a thing ("said the Turkish economy would
    grow"), nor a place ("said the epidemic peaked in China"; but "the situation in Rwanda": ``topic_nouns``),
    nor inside a clause describing a noun ("reported 90 cases, five involving Bangladeshis", "people who came
    from Iran") or a clause of time ("when the new government is formed"), nor denied ("no company")."""
    head = t.doc[a.head] if a.tok_start <= a.head < a.tok_end else t
    if head.pos_ == "ADJ" and head.dep_ == "amod" and not (a.tok_start <= head.head.i < a.tok_end):
        return False  # a nationality adjective on a noun that is no actor
    place = head
    for _ in range(3):  # "in the capital, Conakry", "in the city of Aleppo": the place phrase's own head
        if place.dep_ == "appos":
            place = place.head
        elif place.dep_ == "pobj" and st.lem(place.head) == "of" and place.head.head.pos_ == "NOUN":
            place = place.head.head
        else:
            break
    if place.dep_ == "pobj" and st.lem(place.head) in st.w.location_preps:
        # "said the epidemic peaked in China": a place, not someone the statement is about; but "said the
        # situation in Rwanda must be resolved" is about Rwanda
        return st.lem(place.head.head) in st.w.topic_nouns
    party = head.head.head if head.dep_ == "pobj" and st.lem(head.head) == "from" else head
    if party.dep_ == "conj":
        party = party.head  # "no investor or company": the determiner of the first conjunct
    if _negated_word(st, party):
        return False  # "said no investor from Japan can demand ...": no party ("no talks with X" still is about X)
    x = head
    while x.i != top.i and x.head.i != x.i:
        if x.dep_ in ("relcl", "acl"):
            return False
        if x.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and st.lem(c) in st.w.time_clause_marks for c in x.children
        ):
            return False  # "said it would be signed when the new government is formed": the time, not the topic
        x = x.head
    return True
