"""Event clustering across documents and a timeline ordered by event date."""
from __future__ import annotations

from collections import defaultdict

from lagebild.model import Document, Event, stable_id

name = "link.events.v1"


def _day_key(event: Event) -> str | None:
    if event.date is None:
        return None
    return event.date.value[:10]


def cluster_events(events: list[Event], documents: list[Document] | None = None) -> dict[str, str]:
    """Reports of the same real-world event share a cluster id.

    Two events are the same when type, the source set and the target set agree and
    their dates agree at the coarser of the two precisions.  Undated events are only
    merged across a document and its near duplicates (the same article on two sites):
    two undated "Russia attacks Ukraine" reports are usually different attacks.
    """
    family = {d.id: d.duplicate_of or d.id for d in documents or []}
    groups: dict[tuple, list[Event]] = defaultdict(list)
    for event in events:
        key = (event.type, tuple(sorted(event.source)), tuple(sorted(event.target)), event.status)
        groups[key].append(event)
    clusters: dict[str, str] = {}
    for key, members in groups.items():
        dated = [e for e in members if e.date is not None]
        undated = [e for e in members if e.date is None]
        by_date: dict[str, list[Event]] = defaultdict(list)
        for e in dated:
            by_date[_coarse(e)].append(e)
        for date_key, evs in by_date.items():
            cid = stable_id(*key, date_key, prefix="cl:")
            for e in evs:
                clusters[e.id] = cid
        by_family: dict[str, list[Event]] = defaultdict(list)
        for e in undated:
            by_family[family.get(e.doc, e.doc)].append(e)
        for root, evs in by_family.items():
            if len({e.doc for e in evs}) > 1:
                cid = stable_id(*key, "undated", root, prefix="cl:")
                for e in evs:
                    clusters[e.id] = cid
    return clusters


def _coarse(event: Event) -> str:
    assert event.date is not None
    value, precision = event.date.value, event.date.precision
    if precision == "day":
        return value[:10]
    if precision in ("month", "week"):
        return value[:7]
    return value[:4]


def timeline(events: list[Event]) -> list[Event]:
    """Events ordered by when they happened (dated first, by value; then undated by document)."""
    dated = sorted((e for e in events if e.date is not None), key=lambda e: (e.date.value, e.doc, e.evidence.start))  # type: ignore[union-attr]
    undated = [e for e in events if e.date is None]
    return dated + undated


def link_store(store) -> dict[str, str]:  # noqa: ANN001 — lagebild.store.Store (avoid an import cycle)
    clusters = cluster_events(store.events(), store.documents())
    store.set_event_clusters(clusters)
    return clusters
