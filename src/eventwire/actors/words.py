"""The words the actor rules read besides the dictionaries: one named set per list of the data files.

READS ``data/words.yaml`` (phrase, name and reference words), ``data/place_words.yaml`` (locatives, place
nouns, verbs around places), ``data/place_targets.yaml``, ``data/context.yaml``, ``data/org_words.yaml`` and
the shared calendar (``eventwire.words``: months and weekdays are never names), once, at import.
ADDS frozensets of lowercase words or lemmas (and of their spaCy string ids where rules compare ids).
Parse labels (dependency relations, tags) are no words: they stay in the modules that read the parse.
"""

from __future__ import annotations

from typing import Any

from spacy.strings import get_string_id

from .._data import load_yaml
from ..words import calendar


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("eventwire.actors", name)
    return data


_WORDS = _load("words.yaml")
_PLACES = _load("place_words.yaml")
_CONTEXT = _load("context.yaml")


def _set(data: dict[str, Any], key: str) -> frozenset[str]:
    return frozenset(data[key])


# -- phrases (draft.py, clause.py, fallbacks.py) -------------------------------------------------------
FORMER = _set(_WORDS, "former")  # "former", "ousted" ... before a title
FORMER_IDS = frozenset(get_string_id(w) for w in FORMER)
ALIEN = _set(_WORDS, "alien")  # "foreign", "visiting" ... before a role
ALIEN_STATE = _set(_WORDS, "alien_state")  # "foreign" before a state role: UIS
STANCE_PREFIXES = _set(_WORDS, "stance_prefixes")  # "pro-", "anti-" before a country
ETHNIC_IDS = frozenset(get_string_id(w) for w in _WORDS["ethnic"])
DEFINITE = _set(_WORDS, "definite")  # "the minister"
NATIONAL = _set(_WORDS, "national")  # "the national Red Cross"
ONE = _set(_WORDS, "one")  # "a Christian"
TITLE_CONNECTORS = _set(_WORDS, "title_connectors")  # between the titles of a title run
COORDINATORS = _set(_WORDS, "coordinators")  # "Trump and ... Modi"
FOR_HEADS = _set(_WORDS, "for_heads")  # "a spokesman for the ministry"
TO_HEADS = _set(_WORDS, "to_heads")  # "an aide to the president"
ALLEGIANCE = _set(_WORDS, "allegiance_words")  # "fighters loyal to the Islamic State"
ENVOY_HEADS = _set(_WORDS, "envoy_heads")  # "the French ambassador": FRA is not the host state
RELIEF_WORDS = _set(_WORDS, "relief_words")  # "an aid group in Gaza": no national NGO
HEADLINE_VERBS = _set(_WORDS, "headline_verbs")  # "Thai police arrest protest leaders": no actor across "arrest"
ROLE_CLAUSE_VERBS = _set(_WORDS, "role_clause_verbs")  # "X, who heads Jordan's intelligence service"
REPORTING_PREPS = _set(_WORDS, "reporting_preps")  # "according to the ministry"
REPORTING_VERBS = _set(_WORDS, "reporting_verbs")  # "state news agency IRNA reported"
CITING_VERBS = _set(_WORDS, "citing_verbs")  # "..., quoting the ministry"

# -- names (recognize.py, __init__.py) -----------------------------------------------------------------
_CALENDAR = calendar()
NOT_NAMES = _set(_WORDS, "not_names") | frozenset(_CALENDAR.all_months) | frozenset(_CALENDAR.weekdays)
TIME_NOUNS = _set(_WORDS, "time_nouns") | frozenset(_CALENDAR.all_months) | frozenset(_CALENDAR.weekdays)
NOT_NAME_NEIGHBOURS = _set(_WORDS, "not_name_neighbours")
TITLES_BEFORE_PLACES = _set(_WORDS, "titles_before_places")
CURRENCY_WORDS = _set(_WORDS, "currency_words")  # "U.S. $53 million": a currency, no actor
AMBIGUOUS_ACRONYMS = _set(_WORDS, "ambiguous_acronyms")  # "US"/"us": not restored in recased text
TITLE_SMALL_WORDS = _set(_WORDS, "title_small_words")  # "... In Nairobi": lower-cased in a Title-Case line
CONTEXT_ACRONYMS = _set(_WORDS, "context_acronyms")  # ... except "US" where the context says so
PRONOUN_GOVERNORS = _set(_WORDS, "pronoun_governors")  # ... not after "TOLD", "FOR"
ACRONYM_DETERMINERS = _set(_WORDS, "acronym_determiners")  # "the us"
# weekdays and full month names a recased text writes with a capital ("may", "march" are also words)
CALENDAR_NAMES = frozenset(_CALENDAR.weekdays) | (frozenset(_CALENDAR.months) - _set(_WORDS, "ambiguous_months"))
GIVEN_NAMES = _set(_CONTEXT, "given_names")  # "Chad Smith"
SURNAMES = _set(_CONTEXT, "surnames")  # "Michael Jordan" (vs "Brexit Britain")
# words that make a name chain an organisation ("Air China") -> the sectors they give
# the heads of these bodies head them, not the state ("president of the Spanish Football Federation")
CIVIC_BODIES = _set(_WORDS, "civic_bodies")
BUSINESS_BODIES = _set(_WORDS, "business_bodies")
ORG_WORDS: dict[str, tuple[str, ...]] = {k.lower(): tuple(v) for k, v in _load("org_words.yaml")["words"].items()}

# -- references (references.py) ------------------------------------------------------------------------
PERSON_PRONOUNS = _set(_WORDS, "person_pronouns")
IT_PRONOUNS = _set(_WORDS, "it_pronouns")
COUNTERPARTS = _set(_WORDS, "counterparts")  # "his Iraqi counterpart": the subject's sectors
OWN_POSSESSIVES = _set(_WORDS, "own_possessives")  # "its troops": the possessor's (fallbacks.possessor)
SPEAKER_POSSESSIVES = _set(_WORDS, "speaker_possessives")  # "X said his government ...": the speaker's
IT_VERBS = _set(_WORDS, "it_verbs")
COUNTRY_NOUNS = _set(_WORDS, "country_nouns")
GROUP_NOUNS = _set(_WORDS, "group_nouns")  # "the group said": memory:group (references.py)
GROUP_SECTORS = frozenset(str(x) for x in _WORDS["group_sectors"])
INSTITUTION_NOUNS = _set(_WORDS, "institution_nouns")
COUNTRY_DESCRIPTIONS = _set(_WORDS, "country_descriptions")  # "the island nation": still the reference
COUNTRY_REGION_WORDS = _set(_WORDS, "country_region_words")  # "the Baltic country": the story's country
COUNTRY_POSSESSIVES = _set(_WORDS, "country_possessives")  # "his country": the governing subject's
REGION_STATE_NOUNS = _set(_WORDS, "region_state_nouns")  # "the West African nation": one country

# -- institutions (fallbacks.py) -----------------------------------------------------------------------
PLURAL_GENERIC = _set(_CONTEXT, "plural_generic")  # "governments": several states
SUBNATIONAL = _set(_CONTEXT, "subnational")  # "local governments": domestic again

# -- places (draft.py, places.py, clause.py, titles.py) ------------------------------------------------
LOCATIVES = _set(_PLACES, "locatives")
PLACE_PREPOSITIONS = _set(_PLACES, "place_prepositions")  # "in Ganja"
PLACE_NOUNS = _set(_PLACES, "place_nouns")  # "the town of Samarra"
ADMIN_WORDS = _set(_PLACES, "admin_words")  # "in Zamfara state"
REGION_WORDS = _set(_PLACES, "region_words")  # "Gulf Arab leaders": no town of a role
STATE_NOUNS = _set(_PLACES, "state_nouns")  # "the state of Georgia"
IN_COUNTRY_PREPOSITIONS = _set(_PLACES, "in_country_prepositions")  # "security forces in Guinea"
CONFLICT_NOUNS = _set(_PLACES, "conflict_nouns")  # "both sides in the Yemen conflict"
VERB_PLACE_PREPOSITIONS = _set(_PLACES, "verb_place_prepositions")  # "hit a school in Kharkiv"
ORIGIN_PREPOSITIONS = _set(_PLACES, "origin_prepositions")  # "troops from Chad"
DESTINATION_PREPOSITIONS = _set(_PLACES, "destination_prepositions")  # "to Cuba"
VENUE_PREPOSITIONS = _set(_PLACES, "venue_prepositions")  # "met in Geneva"
MEETING_WORDS = _set(_PLACES, "meeting_words")
TRAVEL_VERBS = _set(_PLACES, "travel_verbs")
OTHER_PARTY_PREPOSITIONS = _set(_PLACES, "other_party_prepositions")  # "the sale to Riyadh"
PATRON_VERBS = _set(_PLACES, "patron_verbs")  # "Turkey-backed rebels": the patron's country is no evidence
LEADER_VERBS = _set(_PLACES, "leader_verbs")  # "Saudi-led coalition": the leader's country
CAPITAL_ACTOR_PREPOSITIONS = _set(_PLACES, "capital_actor_prepositions")  # "talks with Tehran"
PLACE_TARGET_VERBS = frozenset[str](_load("place_targets.yaml")["verbs"])  # "missiles struck Kyiv"
PLACE_TARGET_NOUNS = frozenset[str](_load("place_targets.yaml")["nouns"])  # "the shelling of Kharkiv"
