"""Strict schema of knowledge-base files (bundled data and user ``--kb`` files).

Every file is a mapping with any of the sections ``states``, ``organisations``,
``places``, ``persons``.  Unknown keys are errors (``extra="forbid"``) so that a typo in
a user file is reported instead of silently ignored.

Id scheme (documented here because every stage relies on it):

* ``state:<ISO3>``   a state, e.g. ``state:RUS``; its government is the same actor, with
  the sector (GOV, MIL, …) carried by the mention/event.
* ``person:<slug>``  a person, e.g. ``person:vladimir-putin``.
* ``org:<slug>``     an organisation: IGO (``org:nato``), institution (``org:kremlin``,
  ``org:pentagon``), company, party, media outlet.
* ``group:<slug>``   a loose collective ("die Europäer", "der Westen").
* ``loc:<slug>``     a place read as a place (a capital that is attacked, a region).
"""
from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "SECTORS", "RoleIn", "StateIn", "OrgIn", "PlaceIn", "PersonIn", "KBFile",
]

# PLOVER sector codes (PLOVER manual, "Sector Codes"); IGO/UN/EU are PLOVER country codes.
SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK",
    "AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
    "IGO", "NGO",
})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_WIKIDATA = re.compile(r"^Q\d+$")
_ACTOR_ID = re.compile(r"^(person|state|org|group|loc):[A-Za-z0-9-]+$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _check_country(v: str | None) -> str | None:
    if v is not None and not _COUNTRY.match(v):
        raise ValueError(f"country must be an ISO 3166 alpha-3 code like 'RUS' (or IGO/EUR), got {v!r}")
    return v


def _check_sector(v: str | None) -> str | None:
    if v is not None and v not in SECTORS:
        raise ValueError(f"sector must be a PLOVER sector code ({', '.join(sorted(SECTORS))}), got {v!r}")
    return v


def _check_wikidata(v: str | None) -> str | None:
    if v is not None and not _WIKIDATA.match(v):
        raise ValueError(f"wikidata must look like 'Q7747' (leave it out when unsure), got {v!r}")
    return v


class RoleIn(_Strict):
    title: str = Field(description="canonical English role title, e.g. 'president', 'foreign minister'")
    of: str | None = Field(None, description="actor id the role belongs to, e.g. 'state:USA'")
    start: str | None = Field(None, description="ISO date YYYY[-MM[-DD]]; open when unknown")
    end: str | None = Field(None, description="ISO date; leave out while the role is held")
    labels: list[str] = Field(default_factory=list, description="extra phrases naming this role")

    @field_validator("start", "end", mode="before")
    @classmethod
    def _date(cls, v: object) -> str | None:
        if v is None:
            return None
        v = str(v)  # YAML turns 2025-01-20 into a date object
        if not _DATE.match(v):
            raise ValueError(f"dates must be ISO 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', got {v!r}")
        return v

    @field_validator("of")
    @classmethod
    def _of(cls, v: str | None) -> str | None:
        if v is not None and not _ACTOR_ID.match(v):
            raise ValueError(f"'of' must be an actor id like 'state:USA' or 'org:nato', got {v!r}")
        return v

    @model_validator(mode="after")
    def _order(self) -> "RoleIn":
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"role {self.title!r} ends ({self.end}) before it starts ({self.start})")
        return self


class StateIn(_Strict):
    iso3: str = Field(description="ISO 3166-1 alpha-3 code")
    en: str = Field(description="English short name")
    de: str = Field(description="German short name")
    aliases: list[str] = Field(default_factory=list, description="other names and short forms, any language")
    adj_de: list[str] = Field(default_factory=list, description="German adjective stems without ending: 'russisch'")
    adj_en: list[str] = Field(default_factory=list, description="English adjectives: 'Russian'")
    demonym: list[str] = Field(default_factory=list, description="plural people nouns: 'Russen', 'Russians'")
    prefix: list[str] = Field(default_factory=list, description="compound prefixes: 'US' in 'US-Präsident'")
    capital: list[str] = Field(default_factory=list, description="seat of government; first = English name")
    wikidata: str | None = None

    _c = field_validator("wikidata")(_check_wikidata)

    @field_validator("iso3")
    @classmethod
    def _iso(cls, v: str) -> str:
        if not _COUNTRY.match(v):
            raise ValueError(f"iso3 must be three capital letters like 'UKR', got {v!r}")
        return v


class OrgIn(_Strict):
    id: str
    name: str
    kind: Literal["organisation", "group"] = "organisation"
    aliases: list[str] = Field(default_factory=list)
    adj_de: list[str] = Field(default_factory=list, description="adjective stems, e.g. 'europäisch' for group:europeans")
    prefix: list[str] = Field(default_factory=list, description="compound prefixes: 'NATO' in 'NATO-Partner'")
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    metonym_for: str | None = Field(None, description="the state whose government this seat of power stands for")
    roles: list[RoleIn] = Field(default_factory=list)

    _c = field_validator("country")(_check_country)
    _s = field_validator("sector")(_check_sector)
    _w = field_validator("wikidata")(_check_wikidata)

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not re.match(r"^(org|group):[a-z0-9-]+$", v):
            raise ValueError(f"organisation ids look like 'org:nato' or 'group:europeans', got {v!r}")
        return v


class PlaceIn(_Strict):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    metonym_for: str | None = Field(None, description="actor this place stands for when it acts (Brüssel → org:eu)")
    adj_de: list[str] = Field(default_factory=list, description="German adjective stems: 'bayerisch' (der bayerische Ministerpräsident)")

    _c = field_validator("country")(_check_country)

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not re.match(r"^loc:[a-z0-9-]+$", v):
            raise ValueError(f"place ids look like 'loc:kyiv', got {v!r}")
        return v


class PersonIn(_Strict):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    gender: Literal["m", "f"] | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    descriptors: list[str] = Field(default_factory=list, description="nouns that describe the person: 'Republikaner'")
    roles: list[RoleIn] = Field(default_factory=list)

    _c = field_validator("country")(_check_country)
    _s = field_validator("sector")(_check_sector)
    _w = field_validator("wikidata")(_check_wikidata)

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not re.match(r"^person:[a-z0-9-]+$", v):
            raise ValueError(f"person ids look like 'person:vladimir-putin' (lower case, hyphens), got {v!r}")
        return v


class KBFile(_Strict):
    states: list[StateIn] = Field(default_factory=list)
    organisations: list[OrgIn] = Field(default_factory=list)
    places: list[PlaceIn] = Field(default_factory=list)
    persons: list[PersonIn] = Field(default_factory=list)
