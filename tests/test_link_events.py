from __future__ import annotations

from lagebild.link import cluster_events, timeline
from lagebild.model import DateValue, Document, Event, Evidence


def _ev(i: str, doc: str, date: str | None, precision: str = "day") -> Event:
    return Event(i, doc, "CONSULT", ["person:a"], ["person:b"], "occurred", Evidence(doc, 0, 1, "x"),
                 date=DateValue(date, precision) if date else None)  # type: ignore[arg-type]


def _doc(i: str, dup: str | None = None) -> Document:
    return Document(id=i, source=i, text="x", language="de", duplicate_of=dup)


def test_link_events_same_call_in_two_documents_is_one_cluster():
    clusters = cluster_events([_ev("e1", "d1", "2025-07-03"), _ev("e2", "d2", "2025-07-03"), _ev("e3", "d3", "2025-08-01")],
                              [_doc("d1"), _doc("d2"), _doc("d3")])
    assert clusters["e1"] == clusters["e2"] != clusters["e3"]


def test_link_events_month_precision_joins_at_month():
    clusters = cluster_events([_ev("e1", "d1", "2025-07", "month"), _ev("e2", "d2", "2025-07", "month")], [_doc("d1"), _doc("d2")])
    assert clusters["e1"] == clusters["e2"]


def test_link_events_undated_only_merged_with_near_duplicates():
    events = [_ev("e1", "d1", None), _ev("e2", "d2", None), _ev("e3", "d3", None)]
    clusters = cluster_events(events, [_doc("d1"), _doc("d2", dup="d1"), _doc("d3")])
    assert clusters["e1"] == clusters["e2"] and "e3" not in clusters


def test_link_events_timeline_orders_by_event_date_not_document():
    events = [_ev("late", "d1", "2025-10-17"), _ev("none", "d1", None), _ev("early", "d2", "2025-07-03")]
    assert [e.id for e in timeline(events)] == ["early", "late", "none"]
