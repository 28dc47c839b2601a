"""Groups of CAMEO actor codes, and the single codes the actor rules give (``data/code_groups.yaml``).

READS ``data/code_groups.yaml`` once, at import. ADDS the named sets every actors module checks codes
against (``ROLE_CODES``, ``RELIGION_CODES``, ``INTERNATIONAL`` ...) and one named constant per code a rule
gives (``CIVILIAN`` for "ethnic Albanians", ``FORMER_OFFICIAL`` for "former President X" ...).
"""

from __future__ import annotations

import re

from .._data import load_yaml

_DATA = load_yaml("eventwire.actors", "code_groups.yaml")

ROLE_CODES = frozenset[str](_DATA["roles"])  # CAMEO role codes allowed in ``sectors``
RELIGION_CODES = frozenset[str](_DATA["religions"])  # written after the role codes
GENERIC_INTERNATIONAL = frozenset[str](_DATA["international"])  # generic codes in the country position (IGO ...)
WORLD_REGIONS = frozenset[str](_DATA["world_regions"])  # CAMEO regions in the country position (AFR, EUR ...)
INTERNATIONAL = GENERIC_INTERNATIONAL | WORLD_REGIONS  # no state: never a sentence's or story's country evidence
STATE_SECTORS = frozenset[str](_DATA["state_sectors"])  # state institutions (rules story-dominant, foreign)
PREFIX_ORGS = frozenset[str](_DATA["prefix_orgs"])  # organisation codes written before the roles (UNO)

_GIVEN: dict[str, str] = _DATA["given"]
CAPITAL_SECTOR: str = _GIVEN["capital"]  # "Moscow said" -> RUS GOV
CIVILIAN: str = _GIVEN["civilian"]  # ethnic groups, counted peoples, religious communities
FORMER_OFFICIAL: str = _GIVEN["former"]  # "former" before a title
FOREIGN_STATE: str = _GIVEN["foreign_state"]  # "foreign diplomats": the country position
PARTY: str = _GIVEN["party"]  # an organisation with governing terms is a party ...
GOVERNING: str = _GIVEN["governing"]  # ... GOV PTY inside a term
OPPOSITION: str = _GIVEN["opposition"]  # ... OPP PTY outside
CIVIC_BODY: str = _GIVEN["civic_body"]  # the head of an association (words.yaml civic_bodies) ...
BUSINESS_BODY: str = _GIVEN["business_body"]  # ... or of a company (business_bodies)
STATE_FORCE: str = _GIVEN["state_force"]  # a state's armed forces ...
PEOPLE_FORCE: str = _GIVEN["people_force"]  # ... a people's are rebels ("Tigrayan forces")
MEDIA: str = _GIVEN["media"]  # a news medium (no state speaker: fallbacks.speaker_country)

NO_COUNTRY = "---"  # the country of a period without one (persons.yaml, PETRARCH's "---GOV")
CODE3 = re.compile(r"^[A-Z]{3}$")  # the event schema's actor-code alphabet
