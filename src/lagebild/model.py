"""Typed records passed between lagebild's stages.

Every record that states a fact carries an :class:`Evidence` pointing to the
sentence it was read from (document id + character offsets into the cleaned
text).  Stages exchange these dataclasses only, never loose dicts.
"""
from __future__ import annotations

import bisect
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

Precision = Literal["day", "week", "month", "year", "range"]
Genre = Literal["news", "opinion", "analysis", "blog", "unknown"]
QuoteKind = Literal["direct", "partial", "indirect", "reported"]
EventStatus = Literal["occurred", "planned", "hypothetical", "negated", "demanded"]
ActorKind = Literal["person", "state", "organisation", "group", "location", "other"]

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


def stable_id(*parts: Any, prefix: str = "") -> str:
    """A short, deterministic id from the parts (so re-runs produce the same ids)."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]
    return f"{prefix}{h}"


def content_hash(text: str) -> str:
    """Document id: SHA-256 of the cleaned text (first 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class DateValue:
    """A (possibly partial) date: ``value`` is ISO 8601 YYYY, YYYY-MM or YYYY-MM-DD."""

    value: str
    precision: Precision
    text: str | None = None
    basis: str | None = None


@dataclass
class Removed:
    """A piece that cleaning took out of the raw text, with the reason."""

    text: str
    reason: str


@dataclass
class Document:
    id: str
    source: str
    text: str
    language: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: DateValue | None = None
    genre: Genre = "unknown"
    genre_signals: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    duplicate_of: str | None = None
    encoding: str | None = None          # how the bytes were decoded, e.g. "utf-8", "cp1252"
    hints: dict[str, Any] = field(default_factory=dict)  # metadata hints ("vor 5 Tagen", url, ...)
    raw_sha256: str | None = None        # hash of the raw bytes, to skip unchanged re-runs early


@dataclass
class Evidence:
    doc: str
    start: int
    end: int
    text: str


@dataclass
class Token:
    start: int
    end: int
    text: str
    lemma: str = ""
    pos: str = ""        # universal POS tag
    tag: str = ""        # fine tag (STTS for German)
    morph: str = ""
    ent: str = ""        # BIO entity tag, e.g. "B-PER"


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Entity:
    """A proper-name span found by the language pipeline (not yet resolved)."""

    start: int
    end: int
    text: str
    label: str   # PER, LOC, ORG, OTH


@dataclass
class ParsedDoc:
    doc: Document
    sents: list[Sentence] = field(default_factory=list)
    ents: list[Entity] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        # sentences are in text order: bisect instead of a scan (called per mention/quote/event)
        i = bisect.bisect_right(self.sents, offset, key=lambda s: s.start) - 1
        if i >= 0 and self.sents[i].start <= offset < self.sents[i].end:
            return self.sents[i]
        return None

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence covering the sentence(s) that contain [start, end)."""
        first = self.sentence_at(start)
        last = self.sentence_at(max(start, end - 1))
        s = first.start if first else start
        e = last.end if last else end
        return Evidence(self.doc.id, s, e, self.doc.text[s:e])


@dataclass
class Role:
    title: str                      # e.g. "president", "foreign minister"
    of: str | None = None           # actor id of the organisation/state, e.g. "state:USA"
    start: str | None = None        # ISO date
    end: str | None = None
    labels: list[str] = field(default_factory=list)  # phrases that describe the role, per language


@dataclass
class Actor:
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    in_kb: bool = True
    roles: list[Role] = field(default_factory=list)


@dataclass
class Mention:
    doc: str
    start: int
    end: int
    text: str
    actor: str | None = None
    type: str | None = None         # PER/ORG/LOC/... or "metonym", "role", "pronoun"
    how: str | None = None          # how it was resolved (alias, role@date, coref, apposition)
    evidence: Evidence | None = None
    sector: str | None = None       # PLOVER sector the mention acts in (Kreml → GOV, "russische Truppen" → MIL)


@dataclass
class Speaker:
    text: str
    actor: str | None = None
    anonymous: bool = False
    start: int | None = None             # char offsets of the speaker as written (None if not in the text)
    end: int | None = None
    antecedent: str | None = None        # for a pronoun/description: the name it was resolved to in the document


@dataclass
class Quote:
    id: str
    doc: str
    speaker: Speaker | None
    text: str
    kind: QuoteKind
    start: int
    end: int
    evidence: Evidence
    cue: str | None = None
    channel: str | None = None
    date: DateValue | None = None
    hedged: bool = False
    stage: str = ""


@dataclass
class Timex:
    doc: str
    start: int
    end: int
    text: str
    value: str | None
    precision: Precision | None
    kind: Literal["date", "time", "duration", "set", "relative"] = "date"
    basis: str | None = None


@dataclass
class Event:
    id: str
    doc: str
    type: str
    source: list[str]
    target: list[str]
    status: EventStatus
    evidence: Evidence
    mode: str | None = None
    date: DateValue | None = None
    location: str | None = None
    reported_by: str | None = None
    cluster: str | None = None
    item: str | None = None          # extension: weapon/item for AID and SANCTION (e.g. "Tomahawk")
    quantity: float | None = None
    stage: str = ""
    mentions: list[Evidence] = field(default_factory=list)  # further sentences of the same doc reporting this event


@dataclass
class Claim:
    id: str
    doc: str
    value: float
    unit: str
    evidence: Evidence
    approx: bool = False
    about: str | None = None
    claimant: str | None = None
    text: str = ""
    qualifier: str | None = None     # "approx", "at_least", "at_most" as the text states it
    start: int | None = None         # char offsets of the number expression in the cleaned text
    end: int | None = None
    stage: str = ""


@dataclass
class Stance:
    actor: str
    issue: str
    position: float | str
    evidence: Evidence
    date: DateValue | None = None
    how: str | None = None           # where the actor came from ("quote:indirect", "event:REJECT", "subject"), "+reported" if second-hand
    cue: str | None = None           # the stance cue as written ("lehnt ... ab", "nicht verhandelbar")
    stage: str = ""


@dataclass
class Finding:
    """Something a stage noticed that a reader should check (e.g. a role that contradicts the KB)."""

    doc: str
    kind: str
    message: str
    evidence: Evidence
    actor: str | None = None


@dataclass
class Failure:
    source: str
    stage: str
    message: str
    code: str | None = None


@dataclass
class Extraction:
    """Everything the per-document extractors produced for one document."""

    actors: list[Actor] = field(default_factory=list)       # learned (not-in-KB) and referenced actors
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def to_dict(record: Any) -> dict[str, Any]:
    return asdict(record)
