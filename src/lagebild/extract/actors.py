"""Actor mentions: names, role descriptions, metonyms, learned persons (``actors.rules.v2``).

v2 (over v1): readable learned ids with a separate matching key, names in any Latin script
and with particles, name extents from the pipeline's person entities, owner phrases between
a role and a name, capitals visited / taken / inside a name read as places, hyphenated
aliases, and a knowledge base covering German and international politics since about 2005.

Every reference to a political actor becomes a :class:`~lagebild.model.Mention` with the
actor id (or None when it cannot be resolved), a type and how it was resolved:

==========  =====================================================================
type        meaning
==========  =====================================================================
PER         a person named ("Trump", "Selenskyjs", "Tymur Tkatschenko")
GPE         a state named ("Russland", "USA", "US-Medien"), or a nationality
            adjective heading an agent noun ("die ukrainische Regierung", sector set)
ORG / GRP   an organisation / a loose collective ("NATO", "die Europäer")
metonym     a seat of power acting ("Moskau fordert", "der Kreml"), sector GOV
role        a role description without a name ("der russische Präsident",
            "Putins Sprecher"), resolved through the roles held at the document date
LOC         a place ("in Kiew", a capital that is attacked)
ADJ         a nationality adjective on another noun ("russische Medien")
demonym     people of a state ("die Russen")
==========  =====================================================================

Persons the knowledge base lacks are learned from appositions ("der ukrainische
Außenminister Andrij Sybiha") as actors with ``in_kb=False``, a role and an affiliation;
their id is a readable slug of the name as written (``person:wolfgang-schaeuble``); spellings
of one person meet through a transliteration-folded matching key (:func:`lagebild.kb.text.name_key`),
so within a document and across the documents one extractor sees, "Tymur Tkatschenko" and
"Tymur Tkachenko" are one actor with the first id seen.
A described role that contradicts the knowledge base at the document's date becomes a
:class:`~lagebild.model.Finding` of kind ``role_contradiction``.

Which references make an actor one of *the document's actors* is decided by
:func:`document_actors` (see there).
"""
from __future__ import annotations

from lagebild.extract.actors_scan import DocState, scan_sentence
from lagebild.extract.base import Context
from lagebild.kb import KnowledgeBase, as_date, load_kb, norm, slug
from lagebild.kb.roles import parse_role, role_holders, role_stem, role_word
from lagebild.model import DateValue, Actor, Extraction, Finding, Mention, ParsedDoc

__all__ = ["ActorExtractor", "resolve_description", "document_actors", "COUNTED_TYPES"]

# Mention types that make their actor one of the document's actors.
COUNTED_TYPES = frozenset({"PER", "GPE", "ORG", "metonym", "role"})


def _role_date(published: DateValue | None) -> DateValue | None:
    """The date roles are resolved at.  A year estimated from the text ("im Jahr 2022") is only
    a lower bound for when the article was written, too weak to pick a role holder or to call a
    title a contradiction, so it is not used."""
    if published is None:
        return None
    if published.precision == "year" and (published.basis or "").startswith("estimated"):
        return None
    return published


class ActorExtractor:
    """Find and resolve actor mentions in one parsed document."""

    name = "actors.rules.v2"

    def __init__(self, use_entities: bool = True) -> None:
        # Entities from the language pipeline, when it provides them, confirm one-word names
        # and fix where a learned name ends.
        self.use_entities = use_entities
        # name_key → id of persons learned from earlier documents of this extractor (one
        # process): the same person keeps one readable id across documents and spellings.
        self.registry: dict[str, tuple[str, str]] = {}

    def __call__(self, parsed: ParsedDoc, ex: Extraction, ctx: Context | None = None) -> None:
        kb: KnowledgeBase = (ctx.kb if ctx is not None and ctx.kb is not None else load_kb())
        doc = parsed.doc
        lang = doc.language if doc.language in ("de", "en") else "de"
        ent_persons = {e.start for e in parsed.ents if e.label == "PER"} if self.use_entities else set()
        st = DocState(day=as_date(_role_date(doc.published)), lang=lang, registry=self.registry,
                      ent_ends={e.start: e.end for e in parsed.ents if e.label == "PER"} if self.use_entities else {})
        known = {a.id for a in ex.actors}
        for sent in parsed.sents:
            toks, found = scan_sentence(kb, sent, st, ent_persons)
            ev = parsed.evidence(sent.start, sent.end)
            for f in found:
                start, end = toks[f.i].start, toks[f.j - 1].end
                ex.mentions.append(Mention(doc.id, start, end, doc.text[start:end], f.actor, f.type,
                                           f"{self.name}:{f.how}", ev, f.sector))
        for actor_id, message, start, end in st.findings:
            ex.findings.append(Finding(doc.id, "role_contradiction", message, parsed.evidence(start, end), actor_id))
        for m in ex.mentions:
            if m.actor and m.actor not in known:
                actor = st.learned.get(m.actor) or kb.get(m.actor)
                if actor is not None:
                    ex.actors.append(actor)
                    known.add(m.actor)

    def pipe(self, docs: list[tuple[ParsedDoc, Extraction]], ctx: Context | None = None) -> None:
        for parsed, ex in docs:
            self(parsed, ex, ctx)


def document_actors(ex: Extraction, kb: KnowledgeBase | None = None) -> set[str]:
    """The document's actors: who is *referred to as acting or being acted on*.

    Policy (general, not tuned to a file):

    * counted: persons (named, by surname, or by a role description resolved at the
      document's date), states named or as compound prefix ("US-Medien", "NATO-Partner"),
      organisations, seats of power acting ("Moskau", "der Kreml") and nationality
      adjectives heading an agent noun ("die ukrainische Regierung", "russische Truppen");
    * an organisation named by a compound counts with its prefix actor ("US-Militär": the
      US army and the USA, "EU-Kommission": the Commission and the EU);
    * a seat of power that stands for a state's government counts as that state
      (the Kreml acting is Russia acting; the mention keeps ``org:kremlin`` for quotes);
    * not counted: places ("in Kiew"), bare nationality adjectives ("russische Medien"),
      demonyms ("die Russen"), loose collectives ("die Europäer", "der Westen") and media
      that only report (sector JRN: Reuters, AP) — they are kept as mentions.
    """
    kb = kb or load_kb()
    learned = {a.id: a for a in ex.actors if not a.in_kb}
    out: set[str] = set()
    for m in ex.mentions:
        if not m.actor or m.type not in COUNTED_TYPES:
            continue
        if m.type in ("ORG", "metonym") and "-" in m.text.strip("-"):
            # a compound names its prefix actor too, as in v1: "US-Militär" is the USA's,
            # "EU-Kommission" the EU's (the mention itself keeps the more precise organisation)
            pre = m.text.split("-", 1)[0]
            hits = [h for h in kb.lookup([pre], fuzzy=False) if h.how == "prefix"]
            if hits:
                out.add(hits[0].actor)
        actor = learned.get(m.actor) or kb.get(m.actor)
        if actor is None or actor.kind in ("location", "group") or actor.sector == "JRN":
            continue
        info = kb.info.get(m.actor)
        if info and info.metonym_for and info.metonym_for.startswith("state:"):
            out.add(info.metonym_for)
            continue
        out.add(m.actor)
    return out


def _learned_gender(kb: KnowledgeBase, actor: Actor | None, lang: str) -> str | None:
    """Gender of a learned person from the role noun that introduced them ("Bürgermeisterin")."""
    if actor is None:
        return None
    for role in actor.roles:
        for label in role.labels:
            for w in label.split():
                nw = norm(w)
                if role_word(kb, [w], lang) is not None:
                    if nw.endswith(("in", "innen", "woman")) and not nw.endswith("kremlin"):
                        return "f"
                    return "m"
    return None


def _mentions_before(ex: Extraction, doc_id: str, position: int) -> list[Mention]:
    return sorted((m for m in ex.mentions if m.doc == doc_id and m.end <= position and m.actor),
                  key=lambda m: m.start)


def resolve_description(text: str, parsed: ParsedDoc, position: int, ex: Extraction,
                        ctx: Context | None = None) -> str | None:
    """Resolve a speaker description to an actor id, using what the document said before ``position``.

    Handles pronouns ("er", "sie": the most recent person of that gender), descriptors ("der
    Republikaner": the most recent person the KB describes so), role descriptions ("Putins
    Sprecher", "der Militärverwaltungschef von Kiew": the KB holder at the document date or
    a person learned in this document with that role) and names (also learned surnames).
    """
    kb: KnowledgeBase = (ctx.kb if ctx is not None and ctx.kb is not None else load_kb())
    doc = parsed.doc
    lang = doc.language if doc.language in ("de", "en") else "de"
    day = as_date(doc.published)
    words = [w for w in text.replace(",", " ").split() if w]
    if not words:
        return None
    data = kb.lang(lang)
    before = _mentions_before(ex, doc.id, position)
    persons = [m for m in before if m.actor and m.actor.startswith("person:")]
    learned = {a.id: a for a in ex.actors if not a.in_kb}
    # pronouns
    pronouns = {norm(k): v for k, v in (data.get("pronouns") or {}).items()}
    if len(words) == 1 and norm(words[0]) in pronouns:
        gender = pronouns[norm(words[0])]
        for m in reversed(persons):
            info = kb.info.get(m.actor or "")
            g = info.gender if info and m.actor in kb.actors else _learned_gender(kb, learned.get(m.actor or ""), lang)
            if g == gender or (g is None and gender == "m"):
                return m.actor
        return None
    # descriptors ("der Republikaner")
    dets = {norm(x) for x in data.get("determiners") or ()}
    content = [w for w in words if norm(w) not in dets]
    if len(content) == 1:
        cands = set(kb.persons_with_descriptor(content[0]))
        for m in reversed(persons):
            if m.actor in cands:
                return m.actor
    # role descriptions: the KB holder at the date, else a person learned in this document
    for i in range(len(words) - 1, -1, -1):
        ph = parse_role(kb, words, i, 1, lang)
        if ph is None:
            continue
        if ph.former or ph.no_holder:
            return None
        holders = role_holders(kb, ph, day)
        if len(holders) == 1:
            return holders[0]
        stems = {role_stem(t) for t in ph.word.titles} | {role_stem(words[i])}
        owners = set(ph.of) | ({f"loc:{slug(ph.of_text)}"} if ph.of_text else set())
        for m in reversed(persons):
            a = learned.get(m.actor or "")
            if a and any(role_stem(r.title) in stems and (not owners or r.of in owners) for r in a.roles):
                return a.id
        return None                       # a role nobody in the KB or the text holds
    # names: KB (with inflection/transliteration), then persons learned here (also by surname)
    hit = kb.resolve_name(text, day, lang)
    if hit:
        return hit
    key = norm(" ".join(content))
    for a in learned.values():
        if key and a.kind == "person" and key.rstrip("s") in (norm(a.name), norm(a.name.split()[-1])):
            return a.id
        if key and a.kind == "person" and key in (norm(a.name), norm(a.name.split()[-1])):
            return a.id
    return None

