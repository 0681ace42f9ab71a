"""One self-contained HTML report (opens offline; every piece of article text is escaped)."""
from __future__ import annotations

import datetime as _dt
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from lagebild.api import Picture
from lagebild.link import timeline
from lagebild.model import Document

_ENV = Environment(loader=PackageLoader("lagebild.present", "templates"),
                   autoescape=select_autoescape(default=True, default_for_string=True))


def _anchor(doc: str, start: int) -> str:
    return f"s-{doc}-{start}"


def _doc_chunks(doc: Document, starts: set[int]) -> list[tuple[str | None, str]]:
    """The cleaned text cut at every evidence start, so each evidence link has a target."""
    cuts = sorted(s for s in starts if 0 <= s < len(doc.text))
    if not cuts or cuts[0] != 0:
        cuts = [0, *cuts]
    ends = [*cuts[1:], len(doc.text)]
    return [(_anchor(doc.id, start) if start in starts else None, doc.text[start:end]) for start, end in zip(cuts, ends)]


def render_report(picture: Picture, *, scenario_html: str | None = None, title: str = "lagebild report") -> str:
    docs = {d.id: d for d in picture.documents}
    actors = {a.id: a for a in picture.actors}
    evidence: dict[str, set[int]] = defaultdict(set)

    for rec in (*picture.quotes, *picture.events, *picture.claims, *picture.stances, *picture.findings, *picture.mentions):
        if rec.evidence is not None:   # mentions may lack one
            evidence[rec.evidence.doc].add(rec.evidence.start)

    mention_count: Counter[str] = Counter(m.actor for m in picture.mentions if m.actor)
    actor_docs: dict[str, set[str]] = defaultdict(set)
    for m in picture.mentions:
        if m.actor:
            actor_docs[m.actor].add(m.doc)
    actor_rows = []
    for actor in sorted(picture.actors, key=lambda a: (-mention_count[a.id], a.name)):
        role = ", ".join(_role_text(r, actors) for r in actor.roles[:3])
        actor_rows.append({"actor": actor, "role": role, "count": mention_count[actor.id],
                           "docs": sorted(docs[d].title or Path(docs[d].source).name for d in actor_docs[actor.id] if d in docs)})
    quotes_by_actor: dict[str, list[Any]] = defaultdict(list)
    for q in picture.quotes:
        key = q.speaker.actor if q.speaker and q.speaker.actor else (q.speaker.text if q.speaker else "(unknown)")
        quotes_by_actor[key].append(q)
    speaker_rows = sorted(quotes_by_actor.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    per_doc = []
    for doc in picture.documents:
        per_doc.append({
            "doc": doc,
            "quotes": [q for q in picture.quotes if q.doc == doc.id],
            "events": [e for e in picture.events if e.doc == doc.id],
            "claims": [c for c in picture.claims if c.doc == doc.id],
            "mentions": Counter(actors[m.actor].name if m.actor in actors else m.text for m in picture.mentions if m.doc == doc.id),
            "chunks": _doc_chunks(doc, evidence.get(doc.id, set())),
        })
    return _ENV.get_template("report.html.j2").render(
        title=title,
        generated=_dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        picture=picture, docs=docs, actors=actors, actor_rows=actor_rows, speaker_rows=speaker_rows,
        per_doc=per_doc, timeline=timeline(picture.events), anchor=_anchor,
        scenario_html=Markup(scenario_html) if scenario_html else None,  # produced by lagebild.scenario, escaped there
        name_of=lambda i: actors[i].name if i in actors else i,
        label={d.id: d.title or Path(d.source).name for d in picture.documents},
    )


def _role_text(role: Any, actors: dict[str, Any]) -> str:
    of = actors[role.of].name if role.of in actors else (role.of or "")
    span = f" ({role.start or '…'}–{role.end or ''})" if (role.start or role.end) else ""
    return f"{role.title}{' of ' + of if of else ''}{span}"


def write_report(picture: Picture, out: str | Path, **kwargs: Any) -> Path:
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    tmp.write_text(render_report(picture, **kwargs), encoding="utf-8")
    tmp.replace(out)
    return out
