"""The actor knowledge base: canonical actors, an alias index, roles over time."""
from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.kb.loader import KBError, read_bundled, read_lang, user_files
from lagebild.kb.schema import KBFile
from lagebild.kb.text import alias_tokens, inflected_variants, norm, skeleton, slug, strip_genitive
from lagebild.model import Actor, DateValue, Role

__all__ = ["KnowledgeBase", "AliasHit", "ActorInfo", "RoleWord", "load_kb", "as_date"]

# How an alias names its actor, best first (used to rank competing hits).
HOW_RANK = {"name": 0, "alias": 1, "prefix": 2, "capital": 3, "adjective": 4, "demonym": 5}
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")


@dataclass(frozen=True)
class AliasHit:
    actor: str
    how: str                 # name, alias, prefix, capital, adjective, demonym
    case_sensitive: bool = False


@dataclass
class ActorInfo:
    """What the resolver needs beyond :class:`lagebild.model.Actor`."""

    gender: str | None = None
    descriptors: list[str] = field(default_factory=list)
    metonym_for: str | None = None       # seat of power / capital place → the actor it stands for
    capital_of: str | None = None        # loc:kyiv → state:UKR


@dataclass(frozen=True)
class RoleWord:
    titles: tuple[str, ...]
    of: str | None = None
    default_of: str | None = None     # owner when the text names none ("die Kanzlerin" → Germany)


def as_date(value: DateValue | dt.date | str | None) -> dt.date | None:
    """A comparable day for a (possibly partial) date: mid-month / mid-year for coarse ones."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    text = value.value if isinstance(value, DateValue) else str(value)
    parts = text.split("-")
    try:
        if len(parts) >= 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2][:2]))
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 15)
        return dt.date(int(parts[0]), 7, 1)
    except ValueError:
        return None


def _bound(value: str | None, upper: bool) -> str | None:
    """Pad a partial ISO date so that string comparison works ('2012-05' → '2012-05-01')."""
    if value is None:
        return None
    if len(value) == 4:
        return value + ("-12-31" if upper else "-01-01")
    if len(value) == 7:
        return value + ("-31" if upper else "-01")
    return value


def role_active(role: Role, day: dt.date) -> bool:
    """Held on ``day``: start ≤ day < end (the successor takes over on the end date)."""
    d = day.isoformat()
    start, end = _bound(role.start, False), _bound(role.end, True if role.end and len(role.end) < 10 else False)
    return (start is None or start <= d) and (end is None or d < end)


class KnowledgeBase:
    """Canonical actors with aliases in several languages and roles with time spans.

    Build one with :func:`load_kb`.  ``resolve_name`` maps a surface form ("Selenskyjs",
    "Kreml", "russischen") to an actor id; ``holder`` answers "who was president of
    state:USA on 2025-10-17".
    """

    def __init__(self, files: Sequence[KBFile]) -> None:
        self.actors: dict[str, Actor] = {}
        self.info: dict[str, ActorInfo] = {}
        self._index: dict[tuple[str, ...], list[AliasHit]] = defaultdict(list)
        self._skel: dict[tuple[str, ...], list[AliasHit]] = defaultdict(list)
        self._roles: dict[tuple[str, str], list[tuple[str, Role]]] = defaultdict(list)
        self._role_labels: dict[str, list[tuple[str, Role]]] = defaultdict(list)
        self.max_alias_len = 1
        for f in files:
            self._add_file(f)
        self._index_roles()
        self._lang: dict[str, dict[str, Any]] = {}

    # ------------------------------------------------------------------ building
    def _put(self, actor: Actor, info: ActorInfo | None = None) -> None:
        if actor.id in self.actors:
            # A later file (the user's) overrides an entry of the same id: drop its old aliases.
            for hits in self._index.values():
                hits[:] = [h for h in hits if h.actor != actor.id]
            for hits in self._skel.values():
                hits[:] = [h for h in hits if h.actor != actor.id]
        self.actors[actor.id] = actor
        self.info[actor.id] = info or ActorInfo()

    def _alias(self, alias: str, actor_id: str, how: str, inflect: bool = True) -> None:
        alias = alias.strip()
        if not alias:
            return
        forms = inflected_variants(alias) if inflect and " " in alias else {alias}
        for form in forms:
            toks = alias_tokens(form)
            if not toks:
                continue
            # Short all-capital acronyms (US, EU, UN, AP) only match as written.
            cs = form.isupper() and len(form.replace(".", "")) <= 4
            hit = AliasHit(actor_id, how, cs)
            if hit not in self._index[toks]:
                self._index[toks].append(hit)
            self.max_alias_len = max(self.max_alias_len, len(toks))
            # Transliteration folding is for names written in other scripts (persons, Kyiv);
            # state names are listed in every spelling, and folding them makes false friends
            # ("Cameron" ~ "Cameroon").
            if how in ("name", "alias", "capital") and not cs and not actor_id.startswith("state:"):
                sk = tuple(skeleton(t) for t in toks)
                if hit not in self._skel[sk]:
                    self._skel[sk].append(hit)

    def _add_file(self, f: KBFile) -> None:
        for s in f.states:
            sid = f"state:{s.iso3}"
            self._put(Actor(sid, s.de, "state", country=s.iso3, sector=None,
                            aliases=[s.en, *s.aliases], wikidata=s.wikidata), ActorInfo())
            self._alias(s.de, sid, "name")
            self._alias(s.en, sid, "name")
            self._alias(s.iso3, sid, "alias", inflect=False)
            for a in s.aliases:
                self._alias(a, sid, "alias")
            for stem in s.adj_de:
                if stem[:1].isupper():               # "Schweizer" is invariable
                    self._alias(stem, sid, "adjective", inflect=False)
                    continue
                for end in _ADJ_ENDINGS:
                    self._alias(stem + end, sid, "adjective", inflect=False)
            for adj in s.adj_en:
                self._alias(adj, sid, "adjective", inflect=False)
            for dem in s.demonym:
                self._alias(dem, sid, "demonym", inflect=False)
            for pre in s.prefix:
                self._alias(pre, sid, "prefix", inflect=False)
            if s.capital:
                cid = f"loc:{slug(s.capital[0])}"
                self._put(Actor(cid, s.capital[0], "location", country=s.iso3, aliases=list(s.capital[1:])),
                          ActorInfo(metonym_for=sid, capital_of=sid))
                for c in s.capital:
                    self._alias(c, cid, "capital")
        for o in f.organisations:
            roles = [Role(r.title, r.of, r.start, r.end, list(r.labels)) for r in o.roles]
            self._put(Actor(o.id, o.name, o.kind, country=o.country, sector=o.sector,
                            aliases=list(o.aliases), wikidata=o.wikidata, roles=roles),
                      ActorInfo(metonym_for=o.metonym_for))
            self._alias(o.name, o.id, "name")
            for a in o.aliases:
                self._alias(a, o.id, "alias")
            for pre in o.prefix:
                self._alias(pre, o.id, "prefix", inflect=False)
            for stem in o.adj_de:
                for end in _ADJ_ENDINGS:
                    self._alias(stem + end, o.id, "adjective", inflect=False)
        for p in f.places:
            self._put(Actor(p.id, p.name, "location", country=p.country, aliases=list(p.aliases)),
                      ActorInfo(metonym_for=p.metonym_for))
            self._alias(p.name, p.id, "capital" if p.metonym_for else "name")
            for a in p.aliases:
                self._alias(a, p.id, "capital" if p.metonym_for else "alias")
            for stem in p.adj_de:
                for end in _ADJ_ENDINGS:
                    self._alias(stem + end, p.id, "adjective", inflect=False)
        for pe in f.persons:
            roles = [Role(r.title, r.of, r.start, r.end, list(r.labels)) for r in pe.roles]
            self._put(Actor(pe.id, pe.name, "person", country=pe.country, sector=pe.sector,
                            aliases=list(pe.aliases), wikidata=pe.wikidata, roles=roles),
                      ActorInfo(gender=pe.gender, descriptors=list(pe.descriptors)))
            self._alias(pe.name, pe.id, "name", inflect=False)
            for a in pe.aliases:
                self._alias(a, pe.id, "alias", inflect=False)

    def _index_roles(self) -> None:
        self._roles.clear()
        self._role_labels.clear()
        for actor in self.actors.values():
            for role in actor.roles:
                self._roles[(role.title, role.of or "")].append((actor.id, role))
                for label in role.labels:
                    self._role_labels[norm(label)].append((actor.id, role))

    # ------------------------------------------------------------------ queries
    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def lang(self, lang: str) -> dict[str, Any]:
        """Resolver word lists for ``lang`` (role words, former-markers, …), cached."""
        if lang not in self._lang:
            self._lang[lang] = read_lang(lang)
        return self._lang[lang]

    def lookup(self, tokens: Sequence[str], *, exact_case: Sequence[str] | None = None,
               fuzzy: bool = True) -> list[AliasHit]:
        """Alias hits for a token sequence (already split); tries exact, genitive, skeleton."""
        key = tuple(norm(t) for t in tokens)
        hits = self._filter_case(self._index.get(key, []), exact_case or tokens)
        if hits:
            return hits
        gen = strip_genitive(tokens[-1])
        if gen:
            key2 = key[:-1] + (norm(gen),)
            hits = [h for h in self._filter_case(self._index.get(key2, []), exact_case or tokens)
                    if h.how in ("name", "alias", "capital")]
            if hits:
                return hits
        if fuzzy and all(t[:1].isupper() for t in tokens):
            hits = self._skel.get(tuple(skeleton(t) for t in tokens), [])
            if not hits and gen:
                hits = self._skel.get(tuple(skeleton(t) for t in tokens[:-1]) + (skeleton(gen),), [])
            return list(hits)
        return []

    @staticmethod
    def _filter_case(hits: list[AliasHit], written: Sequence[str]) -> list[AliasHit]:
        if not any(h.case_sensitive for h in hits):
            return hits
        text = " ".join(written)
        # written in capitals, also with a genitive ending ("USAs", "NATO's"); "Is" is not "IS"
        stem = text[:-2] if text.endswith(("'s", "’s")) else text[:-1] if text.endswith("s") else text
        caps = text.isupper() or (len(stem) >= 2 and stem.isupper())
        return [h for h in hits if not h.case_sensitive or caps]

    def resolve_name(self, text: str, date: dt.date | DateValue | None = None, lang: str = "de") -> str | None:
        """Actor id for a name, alias, inflected or transliterated form, or None.

        Seats of government resolve to the actor they stand for when they act: "Moskau" →
        ``state:RUS``; "Kreml" → ``org:kremlin`` (itself marked ``metonym_for`` Russia);
        "Brüssel" → ``org:eu``.  A nationality adjective resolves to its state.  A role
        description ("der russische Präsident") resolves to its holder at ``date``.
        """
        toks = list(alias_tokens(text))
        raw = text.strip(" .,;:").split()
        if not toks:
            return None
        from lagebild.kb.roles import resolve_role_phrase  # local: roles imports this module
        hits = self.lookup(raw)
        if not hits and len(raw) > 1:
            # a role description wins over a name inside it ("der Generalsekretär der NATO")
            holder = resolve_role_phrase(self, raw, as_date(date), lang)
            if holder:
                return holder
            # drop leading determiners/adjectives: "der Kreml", "die USA"
            for i in range(1, len(raw)):
                hits = self.lookup(raw[i:])
                if hits:
                    break
        if hits:
            best = min(hits, key=lambda h: HOW_RANK.get(h.how, 9))
            info = self.info.get(best.actor)
            if best.how == "capital" and info and info.metonym_for:
                return info.metonym_for
            if best.how == "adjective" and len(raw) > 1:
                return None                       # "der russische Präsident" without a holder
            return best.actor
        return resolve_role_phrase(self, raw, as_date(date), lang)

    def holder(self, role_title: str, of: str | None, date: dt.date | DateValue | str | None = None) -> str | None:
        """Who held ``role_title`` of ``of`` on ``date`` (None date: the current holder)."""
        day = as_date(date) if not isinstance(date, dt.date) else date
        cands = self._roles.get((role_title, of or ""), [])
        if day is None:
            open_roles = [(aid, r) for aid, r in cands if r.end is None]
            if not open_roles:
                return None
            return max(open_roles, key=lambda x: _bound(x[1].start, False) or "")[0]
        active = [aid for aid, r in cands if role_active(r, day)]
        return active[0] if len(set(active)) == 1 else (active[0] if active else None)

    def roles_of(self, actor_id: str, date: dt.date | None = None) -> list[Role]:
        actor = self.actors.get(actor_id)
        if actor is None:
            return []
        if date is None:
            return [r for r in actor.roles if r.end is None]
        return [r for r in actor.roles if role_active(r, date)]

    def role_label_hits(self, phrase: str) -> list[tuple[str, Role]]:
        """(person, role) pairs whose role carries this exact label ("Kremlsprecher")."""
        return self._role_labels.get(norm(phrase), [])

    def persons_with_descriptor(self, word: str) -> list[str]:
        w = norm(word)
        return [aid for aid, info in self.info.items()
                if any(norm(d) == w or norm(d) + "s" == w for d in info.descriptors)]


@functools.lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    return KnowledgeBase(read_bundled())


def load_kb(extra: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The bundled knowledge base plus the user's files (later entries override by id).

    The default (no extra files) is built once per process and shared.  A bad user file
    raises :class:`KBError` naming the file, entry and field.
    """
    if not extra:
        return _default_kb()
    return KnowledgeBase([*read_bundled(), *user_files(extra)])


_ = KBError  # re-exported through lagebild.kb
