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
    their dates agree at the coarser of the two precisions (undated events only join
    a cluster of undated reports from *other* documents — a cautious choice: an undated
    phone call is not merged with a dated one).  Near-duplicate documents join their
    original's clusters through the same rule.
    """
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
        if len({e.doc for e in undated}) > 1:
            cid = stable_id(*key, "undated", prefix="cl:")
            for e in undated:
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
