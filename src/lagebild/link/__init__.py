"""Cross-document work over the store: event clusters and the timeline."""
from __future__ import annotations

from lagebild.link.events import cluster_events, link_store, timeline

__all__ = ["cluster_events", "link_store", "timeline"]
