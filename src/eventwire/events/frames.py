"""Load the event pattern data files and compile them into lookup tables keyed by lemma.

Every file in ``events/data`` whose name matches ``verbs*.yaml``, ``nouns*.yaml``, ``lightverbs*.yaml`` or
``modality*.yaml`` is loaded (so another dictionary can be dropped next to the shipped ones); later files
add patterns to the same lemma. The formats are documented at the top of each shipped file and in
``docs/events.md``. Each file's shape is checked at load by its JSON Schema (``events-verbs``,
``events-nouns``, ``events-lightverbs``, ``events-modality``: an error names file, line and field); here
every CAMEO code is checked with ``cameo.is_code`` and every ``@class`` must exist, a bad one raising
``DictionaryError`` naming the file and the lemma.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from typing import Any

from .._data import load_yaml
from ..errors import EventwireError, error
from . import cameo
from .tables import load_codes

PACKAGE = "eventwire.events"

# Argument slots a pattern may name for its target (``tgt``) or source (``src``):
#   obj     direct object (the passive subject when the verb is passive)
#   iobj    dative / indirect object
#   subj    grammatical subject (the ``by`` agent when passive)
#   poss    possessor ("Iran's attack")        amod     adjective ("Israeli strikes")
#   compound  noun modifier ("Kurdish rebels")  <prep>  object of that preposition ("with", "on", ...)
# The keys a pattern may have are listed by the schemas (eventwire/schema/data/events-verbs.schema.json ...).
ROLE_SLOTS = frozenset({"obj", "iobj", "subj", "poss", "amod", "compound"})


@dataclass(frozen=True, slots=True)
class Frame:
    """One compiled pattern: a trigger lemma, its constraints and the CAMEO code it gives."""

    code: str
    lemma: str
    kind: str  # verb | light | noun
    rule: str  # "verbs.yaml:meet/with" - the answer to "why this code?"
    prt: str | None = None  # particle or bound preposition ("shoot down", "call for")
    obj: frozenset[str] | None = None  # allowed lemmas of the direct object (or light-verb noun)
    preps: tuple[tuple[str, frozenset[str] | None], ...] = ()  # required (prep, allowed pobj lemmas | None)
    mods: frozenset[str] | None = None  # noun frames: required compound/amod lemma ("hunger strike")
    tgt: tuple[str, ...] = ("obj",)
    src: tuple[str, ...] = ("subj",)
    recip: bool = False
    violent: bool = False  # needs a violence-capable target (see falsefriends.py)
    conf: float = 0.8
    noun: str | None = None  # light verbs: the event noun
    from_noun: bool = False  # light verbs without their own code: code and target come from the noun frame
    via: tuple[str, ...] = ("obj",)  # light verbs: slots where the event noun may sit ("obj", "for", "in")
    need_tgt: bool = False  # weak verbs ("help", "back", "supply"): only with a target actor
    need_src: bool = False  # "faced criticism from X": only with a source actor
    subj: frozenset[str] | None = None  # allowed lemmas of the subject (or of its modifiers / "of" noun)

    @property
    def specificity(self) -> int:
        return (
            (4 if self.prt else 0)
            + (3 if self.obj is not None else 0)
            + 2 * len(self.preps)
            + (2 if self.mods is not None else 0)
            + (3 if self.subj is not None else 0)
        )


@dataclass(slots=True)
class Family:
    """Governing verbs that turn a complement event into another code (intent, appeal, demand, reject,
    threaten): ``map`` goes from the complement's code prefix (longest match) to the new code."""

    name: str
    lemmas: frozenset[str]
    map: dict[str, str]
    default: str
    modality: str
    addressee: tuple[str, ...]  # slots giving the addressee (the event target) of the governing verb
    keep: bool = False  # the complement keeps its own code ("is scheduled to visit X": 042, intended)
    adjectives: frozenset[str] = frozenset()  # lemmas that govern only as adjectives ("open to talks")
    infinitive_only: frozenset[str] = frozenset()  # lemmas that govern only an infinitive ("told X to leave")


@dataclass(slots=True)
class Modality:
    negations: frozenset[str]
    hypothetical_aux: frozenset[str]
    future_aux: frozenset[str]
    conditional_marks: frozenset[str]
    speech: dict[str, str]  # speech verb lemma -> its 01x code
    families: dict[str, Family]
    by_lemma: dict[str, Family] = field(default_factory=dict)
    special: dict[tuple[str, str], str] = field(default_factory=dict)  # (governor, complement) -> code
    obligation: dict[str, str] = field(default_factory=dict)  # reported "must"/"should" -> family name
    pending_marks: frozenset[str] = frozenset()  # "before/until X withdraws": a present tense not yet done
    future_clause_marks: frozenset[str] = frozenset()  # "will sign when they meet": the future of the main clause
    aspect_verbs: frozenset[str] = frozenset()  # "will continue shelling": the complement shares the tense
    allegation: frozenset[str] = frozenset()  # speech verbs whose content is an unproven charge ("claimed")
    clause_codes: dict[str, str] = field(default_factory=dict)  # verb with a that-clause -> code ("agreed that")

    def family_code(self, fam: Family, code: str) -> str:
        if fam.keep:
            return code
        for n in range(len(code), 1, -1):
            got = fam.map.get(code[:n])
            if got:
                return got
        return fam.default


@dataclass(slots=True)
class Patterns:
    """All compiled pattern tables."""

    verbs: dict[str, list[Frame]]  # verb lemma -> frames, most specific first
    light: dict[tuple[str, str], list[Frame]]  # (verb lemma, noun lemma) -> frames
    nouns: dict[str, list[Frame]]  # noun lemma -> frames
    classes: dict[str, frozenset[str]]
    modality: Modality
    files: list[str]
    lemma_fixes: dict[str, str] = field(default_factory=dict)  # lemmatiser slips: "stag" -> "stage"
    form_fixes: dict[str, str] = field(default_factory=dict)  # word forms lemmatised wrongly: "bases" -> "base"
    prts: dict[str, frozenset[str]] = field(default_factory=dict)  # verb lemma -> particles some frame needs

    trigger_lemmas: frozenset[str] = frozenset()  # every lemma that can start a frame (set by ``load``)
    # the trigger lemmas a sentence needs one of to hold an event: not a light verb with no frame of its own
    # whose event nouns are all triggers ("be" of "was on strike": "strike" is there anyway) (set by ``load``)
    needed_lemmas: frozenset[str] = frozenset()
    light_via: tuple[str, ...] = ()  # prepositions whose object may be a light-verb noun (set by ``load``)
    # verb lemma -> the event nouns of its light-verb frames (set by ``load``): a sentence with none of
    # them cannot match a light frame of the verb
    light_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    # the words of the dictionaries: a word the tokenizer splits at a hyphen ("sit-in", "cease-fire" for
    # "ceasefire", "walk-out" for "walkout") is read as the lemma of its last part (set by ``load``)
    dictionary_words: frozenset[str] = frozenset()

    def _compute(self) -> None:
        out = set(self.verbs) | set(self.nouns) | {v for v, _ in self.light}
        out |= set(self.modality.speech) | set(self.modality.by_lemma)
        out |= {k for k, v in self.lemma_fixes.items() if v in out}
        self.trigger_lemmas = frozenset(out)
        self.light_via = tuple(sorted({s for fr in self.light.values() for f in fr for s in f.via} - {"obj"}))
        by_verb: dict[str, set[str]] = {}
        for v, n in self.light:
            by_verb.setdefault(v, set()).add(n)
        self.light_nouns = {v: frozenset(ns) for v, ns in by_verb.items()}
        own = set(self.verbs) | set(self.nouns) | set(self.modality.speech) | set(self.modality.by_lemma)
        light_only = {
            v
            for v, ns in by_verb.items()
            if v not in own and not any(n.startswith("@") or n == "*" or n not in out for n in ns)
        }
        self.needed_lemmas = self.trigger_lemmas - light_only
        words = out | {n for _, n in self.light} | {w for ws in self.classes.values() for w in ws}
        self.dictionary_words = frozenset(w for w in words if " " not in w)


def _data_files(prefix: str) -> list[str]:
    folder = resources.files(PACKAGE).joinpath("data")
    names = sorted(p.name for p in folder.iterdir() if p.name.startswith(prefix) and p.name.endswith(".yaml"))
    return names


def _word(x: Any) -> str:
    """A lemma from YAML: YAML 1.1 reads bare on/off/yes/no as booleans, so map them back."""
    if x is True:
        return "on"
    if x is False:
        return "off"
    return str(x).strip().lower()


def _err(msg: str, where: str) -> EventwireError:
    return error("E320", where=where, problem=msg)


def _check_code(code: Any, where: str) -> str:
    """``code`` as a string; an error naming ``where`` when the codebook lacks it."""
    text = str(code)
    if not cameo.is_code(text):
        raise _err(f"unknown CAMEO code {text!r}", where)
    return text


class _Compiler:
    def __init__(self) -> None:
        self.classes: dict[str, frozenset[str]] = {}

    def lemmas(self, spec: Any, where: str) -> frozenset[str]:
        """A lemma set from a string, a list, or ``@class`` references (mixed freely)."""
        items = spec if isinstance(spec, list) else [spec]
        out: set[str] = set()
        for it in items:
            it = _word(it)
            if it.startswith("@"):
                if it[1:] not in self.classes:
                    raise _err(f"unknown noun class {it!r}", where)
                out |= self.classes[it[1:]]
            elif it:
                out.add(it)
        return frozenset(out)

    def slots(self, spec: Any, default: tuple[str, ...], where: str) -> tuple[str, ...]:
        if spec is None:
            return default
        items = spec if isinstance(spec, list) else [spec]
        out = tuple(_word(s) for s in items)
        return tuple(s for s in out if s != "none")  # [none]: no target; [to, none]: "to", else none needed

    def frame(
        self,
        kind: str,
        key: str,
        row: Any,
        fname: str,
        *,
        noun_code: str | None = None,
        default_tgt: tuple[str, ...] = ("obj",),
        default_src: tuple[str, ...] = ("subj",),
        noun: str | None = None,
        lemma: str | None = None,
    ) -> Frame:
        where = f"events/data/{fname}: {key}"
        if isinstance(row, str):  # the shorthand ``LEMMA: CODE``
            row = {"code": row}
        code_spec = row.get("code", noun_code)
        if code_spec is None:
            raise _err("pattern has no code", where)
        code = _check_code(code_spec, where)
        words = key.split()
        lem = lemma or words[0].lower()
        prt = words[1].lower() if len(words) > 1 and kind == "verb" else None
        obj = self.lemmas(row["obj"], where) if row.get("obj") is not None else None
        preps: list[tuple[str, frozenset[str] | None]] = []
        for p, allowed in (row.get("prep") or {}).items():
            preps.append((_word(p), None if allowed in (None, "*") else self.lemmas(allowed, where)))
        mods = self.lemmas(row["mod"], where) if row.get("mod") is not None else None
        subj = self.lemmas(row["subj"], where) if row.get("subj") is not None else None
        tgt = self.slots(row.get("tgt"), default_tgt, where)
        src = self.slots(row.get("src"), default_src, where)
        detail = row.get("id") or "/".join(
            [
                *([f"obj={_show(row['obj'])}"] if obj is not None else []),
                *[f"{_word(p)}={_show(a) if a is not None else '*'}" for p, a in (row.get("prep") or {}).items()],
                *([f"mod={_show(row['mod'])}"] if mods is not None else []),
                *([f"subj={_show(row['subj'])}"] if subj is not None else []),
                *([">" + tgt[0]] if tgt else []),
            ]
        )
        rule = f"{fname}:{key}" + (f"+{noun}" if noun and noun not in key else "") + (f"/{detail}" if detail else "")
        conf = float(row.get("conf", 0.8 if kind == "verb" else 0.75 if kind == "light" else 0.6))
        via = self.slots(row.get("via"), ("obj",), where)
        return Frame(
            code=code,
            lemma=lem,
            kind=kind,
            rule=rule,
            prt=prt,
            obj=obj,
            preps=tuple(preps),
            mods=mods,
            tgt=tgt,
            src=src,
            recip=bool(row.get("recip", False)),
            via=via,
            need_tgt=str(row.get("need", "")).lower() in ("tgt", "target"),
            need_src=str(row.get("need", "")).lower() == "src",
            violent=bool(row.get("violent", cameo.root_of(code) in load_codes().violent_roots)),
            conf=conf,
            noun=noun,
            subj=subj,
        )


def _show(spec: Any) -> str:
    return ",".join(_word(s) for s in spec) if isinstance(spec, list) else _word(spec)


def _rows(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _sort(table: dict[Any, list[Frame]]) -> None:
    for frames in table.values():
        frames.sort(key=lambda f: -f.specificity)


@lru_cache(maxsize=1)
def load() -> Patterns:
    """Load and compile every pattern file once per process."""
    comp = _Compiler()
    files: list[str] = []
    nouns = _load_nouns(comp, files)
    verbs, fixes, forms = _load_verbs(comp, files)
    light = _load_light(comp, files, nouns)  # reads each noun's first frame in file order: sort after
    mod = _modality(comp)
    files.extend(_data_files("modality"))
    _sort(verbs)
    _sort(nouns)
    _sort(light)
    prts: dict[str, set[str]] = {}
    all_frames: list[list[Frame]] = [*verbs.values(), *light.values()]
    for frames in all_frames:
        for f in frames:
            if f.prt:
                prts.setdefault(f.lemma, set()).add(f.prt)
    out = Patterns(
        verbs=verbs,
        light=light,
        nouns=nouns,
        classes=dict(comp.classes),
        modality=mod,
        files=files,
        lemma_fixes=fixes,
        form_fixes=forms,
        prts={k: frozenset(v) for k, v in prts.items()},
    )
    out._compute()
    return out


def _load_nouns(comp: _Compiler, files: list[str]) -> dict[str, list[Frame]]:
    """The noun classes of every ``nouns*.yaml`` (into ``comp``), then their noun frames by lemma."""
    noun_docs: list[tuple[str, dict[str, Any]]] = []
    for fname in _data_files("nouns"):
        data = load_yaml(PACKAGE, fname)
        files.append(fname)
        for cname, members in (data.get("classes") or {}).items():
            comp.classes[str(cname)] = comp.classes.get(str(cname), frozenset()) | comp.lemmas(
                members, f"events/data/{fname}: classes/{cname}"
            )
        noun_docs.append((fname, data))
    nouns: dict[str, list[Frame]] = {}
    for fname, data in noun_docs:
        for key, value in (data.get("nouns") or {}).items():
            for row in _rows(value):
                f = comp.frame(
                    "noun",
                    str(key),
                    row,
                    fname,
                    default_tgt=("on", "against", "with", "to"),
                    default_src=("poss", "amod", "compound", "by", "from"),
                )
                nouns.setdefault(f.lemma, []).append(f)
    return nouns


def _load_verbs(comp: _Compiler, files: list[str]) -> tuple[dict[str, list[Frame]], dict[str, str], dict[str, str]]:
    """The verb frames of every ``verbs*.yaml`` by lemma, their lemma fixes and word-form fixes."""
    verbs: dict[str, list[Frame]] = {}
    fixes: dict[str, str] = {}
    forms: dict[str, str] = {}
    for fname in _data_files("verbs"):
        data = load_yaml(PACKAGE, fname)
        files.append(fname)
        for wrong, right in (data.get("lemma_fixes") or {}).items():
            fixes[_word(wrong)] = _word(right)
        for form, right in (data.get("form_fixes") or {}).items():
            forms[_word(form)] = _word(right)
        for key, value in (data.get("verbs") or {}).items():
            for row in _rows(value):
                f = comp.frame("verb", str(key), row, fname)
                verbs.setdefault(f.lemma, []).append(f)
    return verbs, fixes, forms


def _load_light(comp: _Compiler, files: list[str], nouns: dict[str, list[Frame]]) -> dict[tuple[str, str], list[Frame]]:
    """The light-verb frames of every ``lightverbs*.yaml`` by (verb lemma, noun lemma)."""
    light: dict[tuple[str, str], list[Frame]] = {}
    for fname in _data_files("lightverbs"):
        data = load_yaml(PACKAGE, fname)
        files.append(fname)
        for n, entry in enumerate(data.get("lightverbs") or []):
            where = f"events/data/{fname}: entry {n + 1}"
            row = {k: v for k, v in entry.items() if k not in ("verbs", "nouns")}
            noun_set = set(nouns) if entry["nouns"] in ("*", ["*"]) else comp.lemmas(entry["nouns"], where)
            for noun in sorted(noun_set):
                noun_code = nouns[noun][0].code if noun in nouns else None
                noun_tgt = nouns[noun][0].tgt if noun in nouns else ("on", "against", "with", "to")
                for verb in _rows(entry["verbs"]):
                    vwords = str(verb).split()
                    f = comp.frame(
                        "light",
                        str(verb),
                        row,
                        fname,
                        noun_code=noun_code,
                        default_tgt=noun_tgt,
                        noun=noun,
                        lemma=vwords[0].lower(),
                    )
                    if "code" not in row:
                        f = replace(f, from_noun=True)
                    if len(vwords) > 1:
                        f = _with_prt(f, vwords[1].lower())
                    light.setdefault((f.lemma, noun), []).append(f)
    return light


def _with_prt(f: Frame, prt: str) -> Frame:
    return replace(f, prt=prt)


def _modality(comp: _Compiler) -> Modality:
    neg: set[str] = set()
    hyp: set[str] = set()
    fut: set[str] = set()
    cond: set[str] = set()
    speech: dict[str, str] = {}
    families: dict[str, Family] = {}
    special: dict[tuple[str, str], str] = {}
    obligation: dict[str, str] = {}
    pending: set[str] = set()
    future_marks: set[str] = set()
    aspect: set[str] = set()
    clause_codes: dict[str, str] = {}
    allegation: set[str] = set()
    for fname in _data_files("modality"):
        data = load_yaml(PACKAGE, fname)
        where = f"events/data/{fname}"
        neg |= comp.lemmas(data.get("negation") or [], where)
        hyp |= comp.lemmas(data.get("hypothetical_aux") or [], where)
        fut |= comp.lemmas(data.get("future_aux") or [], where)
        cond |= comp.lemmas(data.get("conditional_marks") or [], where)
        pending |= comp.lemmas(data.get("pending_marks") or [], where)
        future_marks |= comp.lemmas(data.get("future_clause_marks") or [], where)
        aspect |= comp.lemmas(data.get("aspect_verbs") or [], where)
        allegation |= comp.lemmas(data.get("allegation_verbs") or [], where)
        for lemma, code in (data.get("clause_codes") or {}).items():
            clause_codes[_word(lemma)] = _check_code(code, f"{where}: clause_codes/{lemma}")
        for lemma, code in (data.get("speech") or {}).items():
            speech[str(lemma).lower()] = _check_code(code, f"{where}: speech/{lemma}")
        for name, fam in (data.get("families") or {}).items():
            fw = f"{where}: families/{name}"
            adjectives = comp.lemmas(fam.get("adjectives") or [], fw)
            infinitive_only = comp.lemmas(fam.get("infinitive_only") or [], fw)
            mapping = {str(k): _check_code(v, fw) for k, v in (fam.get("map") or {}).items()}
            families[str(name)] = Family(
                name=str(name),
                lemmas=comp.lemmas(fam.get("verbs") or [], fw) | adjectives | infinitive_only,
                map=mapping,
                default=_check_code(fam.get("default"), fw),
                modality=str(fam.get("modality", "asserted")),
                addressee=comp.slots(fam.get("addressee"), (), fw),
                keep=bool(fam.get("keep", False)),
                adjectives=adjectives,
                infinitive_only=infinitive_only,
            )
        for aux, fam_name in (data.get("obligation_aux") or {}).items():
            obligation[_word(aux)] = str(fam_name)
        for key, code in (data.get("special") or {}).items():
            gov, _, compl = str(key).partition("+")
            special[(gov.strip().lower(), compl.strip().lower())] = _check_code(code, f"{where}: special/{key}")
    by_lemma: dict[str, Family] = {}
    for fam in families.values():
        for lem in fam.lemmas:
            by_lemma[lem] = fam
    return Modality(
        negations=frozenset(neg),
        hypothetical_aux=frozenset(hyp),
        future_aux=frozenset(fut),
        conditional_marks=frozenset(cond),
        speech=speech,
        families=families,
        by_lemma=by_lemma,
        special=special,
        obligation=obligation,
        pending_marks=frozenset(pending),
        future_clause_marks=frozenset(future_marks),
        aspect_verbs=frozenset(aspect),
        allegation=frozenset(allegation),
        clause_codes=clause_codes,
    )
