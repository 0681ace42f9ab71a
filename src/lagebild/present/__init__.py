"""Rendering the picture: JSON/JSONL/CSV exports and the static HTML report.  No facts are computed here."""
from __future__ import annotations

from lagebild.present.export import export, picture_dict
from lagebild.present.report import render_report, write_report

__all__ = ["export", "picture_dict", "render_report", "write_report"]
