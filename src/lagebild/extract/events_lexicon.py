"""Compiled event knowledge for one language (from ``lang/<code>/events.yaml``).

The YAML holds the words; this module turns them into regular expressions and sets
once per process, and answers small questions ("is this token a trigger?", "which
weapon item does this token name?") for :mod:`lagebild.extract.events`.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from lagebild import lang as lang_data
from lagebild.model import EVENT_TYPES


@dataclass(frozen=True)
class TriggerRule:
    type: str
    pattern: re.Pattern[str]
    mode: str | None = None
    kind: str = "verb"                  # "verb" or "noun"
    particle: str | None = None         # separable-verb particle that must close the clause
    needs: str | None = None            # "delivery": only with a delivery word/item in the clause
    delivery: bool = False              # a delivery word (AID reading, may be overridden)
    governs: str | None = None          # status this trigger imposes on events it governs
    mode_from: bool = False             # ASSAULT: read the mode from words (drone, missile)
    not_after: re.Pattern[str] | None = None   # previous token that cancels it ("diplomatische Offensive")
    not_before: frozenset[str] = frozenset()   # next token that cancels it ("sprechen von")
    next_word: frozenset[str] = frozenset()    # next token that it requires ("called for")


@dataclass
class EventLexicon:
    lang: str
    triggers: list[TriggerRule]
    assault_modes: dict[str, tuple[str, ...]]
    delivery: re.Pattern[str]
    items: list[tuple[str, tuple[str, ...]]]
    generic_items: list[tuple[str, tuple[str, ...]]]
    target_preps: dict[str, frozenset[str]]
    source_preps: frozenset[str]
    other_preps: frozenset[str]
    between: frozenset[str]
    coordinators: frozenset[str]
    np_filler: re.Pattern[str]
    clause_breaks: frozenset[str]
    negation: frozenset[str]
    negation_exceptions: frozenset[str]
    hypothetical: frozenset[str]
    planned: frozenset[str]
    perfect_infinitive: frozenset[str]
    governing: dict[str, frozenset[str]]
    proximity: tuple[str, ...]
    reported_by: list[re.Pattern[str]]
    demonyms: dict[str, str | None]
    wh_words: frozenset[str]
    passive_aux: frozenset[str]
    case_nouns: bool                    # German: nouns are capitalised, verbs are not
    genitive_articles: frozenset[str] = field(default_factory=frozenset)
    subordinators: frozenset[str] = field(default_factory=frozenset)
    threat_words: tuple[str, ...] = ()
    conditional_openers: frozenset[str] = field(default_factory=frozenset)
    relative_pronouns: frozenset[str] = field(default_factory=frozenset)
    participle: re.Pattern[str] = re.compile(r"(?!)")
    mode_words: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    np_stop: re.Pattern[str] = re.compile(r"(?!)")
    reciprocal_words: tuple[str, ...] = ()
    future_aux: frozenset[str] = field(default_factory=frozenset)
    delivery_source_preps: frozenset[str] = field(default_factory=frozenset)
    first_singular: frozenset[str] = field(default_factory=frozenset)
    first_plural: frozenset[str] = field(default_factory=frozenset)
    pronouns: frozenset[str] = field(default_factory=frozenset)
    genitive_preps: frozenset[str] = field(default_factory=frozenset)

    def mode_from_words(self, type_: str, words: list[str]) -> str | None:
        """A mode named by a word of the clause ("telefonisch", "by phone") when the trigger has none."""
        for mode, subs in self.mode_words.get(type_, {}).items():
            if any(s in w for w in words for s in subs):
                return mode
        return None
    finite_aux: frozenset[str] = field(default_factory=frozenset)
    media_nouns: frozenset[str] = field(default_factory=frozenset)
    support_verbs: tuple[str, ...] = ()
    objective_genitive: tuple[str, ...] = ()
    force_words: tuple[str, ...] = ()
    hit_verbs: frozenset[str] = field(default_factory=frozenset)
    skip_adverbs: frozenset[str] = field(default_factory=frozenset)
    institutions: frozenset[str] = field(default_factory=frozenset)
    actor_heads: tuple[str, ...] = ()
    np_titles: frozenset[str] = field(default_factory=frozenset)
    name_heads: tuple[str, ...] = ()
    # word -> names an item (see is_item); bounded, cleared when full
    item_memo: dict[str, bool] = field(default_factory=dict, repr=False, compare=False)

    def is_item(self, word: str) -> bool:
        """``item_of(word) or generic_item_of(word)``, memoised: the party finder asks it for
        every word of the clause once per trigger (a 200-word run-on clause: seconds)."""
        hit = self.item_memo.get(word)
        if hit is None:
            if len(self.item_memo) > 50_000:
                self.item_memo.clear()
            hit = self.item_memo[word] = bool(self.item_of(word) or self.generic_item_of(word))
        return hit

    def has_force(self, words: list[str]) -> bool:
        """Does a word of ``words`` show armed force ("Armee", "Raketen", "getötet")?"""
        return any(f in w for w in words for f in self.force_words) or bool(self.assault_mode(words))

    def trigger_at(self, word: str, lemma: str, capitalised: bool, sentence_initial: bool) -> TriggerRule | None:
        """The first rule (YAML order) whose pattern matches the token, its lemma, or the
        last part of a hyphenated compound ("Patriot-Lieferungen" -> "lieferungen")."""
        tail = word.rsplit("-", 1)[-1] if "-" in word.strip("-") else ""
        for rule in self.triggers:
            if not (rule.pattern.fullmatch(word) or (lemma and rule.pattern.fullmatch(lemma))
                    or (tail and (self.case_nouns or rule.kind == "noun") and rule.pattern.fullmatch(tail))):
                # (an English hyphen compound is an adjective: "so-called" is no phone call)
                continue
            if self.case_nouns and not sentence_initial:
                # German capitalisation separates "Treffen" (noun) from "treffen" (verb).
                if rule.kind == "noun" and not capitalised:
                    continue
                if rule.kind == "verb" and capitalised:
                    continue
            return rule
        return None

    def item_of(self, word: str) -> str | None:
        for name, subs in self.items:
            if any(s in word for s in subs):
                return name
        return None

    def generic_item_of(self, word: str) -> str | None:
        for name, subs in self.generic_items:
            if any(word == s or word.endswith(s) for s in subs):
                return name
        return None

    def assault_mode(self, words: list[str]) -> str | None:
        found = [mode for mode, subs in self.assault_modes.items() if any(s in w for w in words for s in subs)]
        # PLOVER allows several modes; they are joined in a fixed order for stable ids.
        return "+".join(sorted(found)) if found else None

    def demonym_actor(self, word: str) -> str | None:
        for stem, actor in self.demonyms.items():
            if actor and word.startswith(stem) and len(word) - len(stem) <= 3:
                return actor
        return None


def _words(values: object) -> frozenset[str]:
    return frozenset(str(v).lower() for v in (values or []))  # type: ignore[union-attr]


def _rx(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns))


@functools.lru_cache(maxsize=None)
def get_lexicon(lang: str) -> EventLexicon:
    """The compiled lexicon for ``lang``; languages without data fall back to German."""
    data = lang_data.load(lang, "events") or lang_data.load("de", "events")
    if not data:
        raise FileNotFoundError(f"no events.yaml for language {lang!r} (expected lagebild/lang/{lang}/events.yaml)")
    rules = []
    for i, spec in enumerate(data["triggers"]):
        if spec.get("type") not in EVENT_TYPES:
            raise ValueError(f"events.yaml ({lang}) trigger #{i}: unknown PLOVER type {spec.get('type')!r}")
        rules.append(TriggerRule(
            type=spec["type"], pattern=_rx(spec["match"]), mode=spec.get("mode"), kind=spec.get("kind", "verb"),
            particle=spec.get("particle"), needs=spec.get("needs"), delivery=bool(spec.get("delivery")),
            governs=spec.get("governs"), mode_from=bool(spec.get("mode_from")),
            not_after=_rx(spec["not_after"]) if spec.get("not_after") else None,
            not_before=_words(spec.get("not_before")),
            next_word=_words(spec.get("next")),
        ))
    status = data.get("status", {})
    preps = data.get("target_preps", {})
    default = _words(preps.get("default"))
    target_preps = {t: default | _words(preps.get(t)) for t in EVENT_TYPES}
    return EventLexicon(
        lang=lang,
        triggers=rules,
        assault_modes={k: tuple(v) for k, v in (data.get("assault_modes") or {}).items()},
        delivery=_rx(data.get("delivery_words") or ["(?!)"]),
        items=[(k, tuple(v)) for k, v in (data.get("items") or {}).items()],
        generic_items=[(k, tuple(v)) for k, v in (data.get("generic_items") or {}).items()],
        target_preps=target_preps,
        source_preps=_words(data.get("source_preps")),
        other_preps=_words(data.get("other_preps")),
        between=_words(data.get("between")),
        coordinators=_words(data.get("coordinators")),
        np_filler=re.compile(data.get("np_filler") or r"(?!)"),
        clause_breaks=frozenset(data.get("clause_breaks") or [","]),
        negation=_words(status.get("negation")),
        negation_exceptions=_words(status.get("negation_exceptions")),
        hypothetical=_words(status.get("hypothetical")),
        planned=_words(status.get("planned")),
        perfect_infinitive=_words(status.get("perfect_infinitive")),
        governing={k: _words(v) for k, v in (status.get("governing") or {}).items()},
        proximity=tuple(str(p).lower() for p in data.get("proximity_cues") or []),
        reported_by=[re.compile(p) for p in data.get("reported_by") or []],
        demonyms={str(k).lower(): v for k, v in (data.get("demonyms") or {}).items()},
        wh_words=_words(data.get("wh_words")),
        passive_aux=_words(data.get("passive_aux")),
        case_nouns=bool(data.get("case_nouns", False)),
        genitive_articles=_words(data.get("genitive_articles")),
        subordinators=_words(data.get("subordinators")),
        threat_words=tuple(str(w).lower() for w in data.get("threat_words") or []),
        conditional_openers=_words(data.get("conditional_openers")),
        relative_pronouns=_words(data.get("relative_pronouns")),
        participle=re.compile(data.get("participle") or r"(?!)"),
        np_stop=re.compile(data.get("np_stop") or r"(?!)"),
        reciprocal_words=tuple(str(w).lower() for w in data.get("reciprocal_words") or []),
        future_aux=_words(data.get("future_aux")),
        delivery_source_preps=_words(data.get("delivery_source_preps")),
        first_singular=_words((data.get("first_person") or {}).get("singular")),
        first_plural=_words((data.get("first_person") or {}).get("plural")),
        pronouns=_words(data.get("pronouns")),
        genitive_preps=_words(data.get("genitive_preps")),
        mode_words={t: {m: tuple(v) for m, v in modes.items()} for t, modes in (data.get("mode_words") or {}).items()},
        finite_aux=_words(data.get("finite_aux")),
        media_nouns=_words(data.get("media_nouns")),
        support_verbs=tuple(str(w).lower() for w in data.get("support_verbs") or []),
        objective_genitive=tuple(str(w).lower() for w in data.get("objective_genitive") or []),
        force_words=tuple(str(w).lower() for w in data.get("force_words") or []),
        hit_verbs=_words(data.get("hit_verbs")),
        skip_adverbs=_words(data.get("skip_adverbs")),
        institutions=_words(data.get("institutions")),
        np_titles=_words(data.get("np_titles")),
        name_heads=tuple(str(w).lower() for w in data.get("name_heads") or []),
        actor_heads=tuple(str(w).lower() for w in (data.get("institutions") or []) + (data.get("actor_heads") or [])),
    )
