"""How often the event calendar dates German WikiNews articles, and whether it is right.

The SpkAtt-2023 task-2 articles (../shared/benchmarks/spkatt-2023-task2-news) carry their
publication date in the file name, so they are a held-out check of the calendar matcher:
for every article the script estimates the date with and without the calendar and counts
calendar estimates whose window misses the true date (false matches).

    python benchmarks/calendar_wikinews.py
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
import time

from lagebild.extract.timex import estimate_publication_date
from lagebild.kb.calendar import CalendarMatcher
from lagebild.paths import shared_dir


def _detok(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?)\]“])", r"\1", text)
    return re.sub(r"([(\[„]) ", r"\1", text)


def main() -> int:
    root = shared_dir()
    if root is None:
        print("../shared is not present; nothing to measure")
        return 0
    files = sorted((root / "benchmarks" / "spkatt-2023-task2-news").glob("*/*.json"))
    matcher = CalendarMatcher("de")
    n_refs = n_changed = n_wrong = 0
    t0 = time.perf_counter()
    for path in files:
        m = re.search(r"\((\d{4}-\d{2}-\d{2})\)\.json$", path.name)
        if not m:
            continue
        truth = dt.date.fromisoformat(m.group(1))
        data = json.loads(path.read_text(encoding="utf-8"))
        text = "\n".join(_detok(s["Tokens"]) for s in data["Sentences"])
        refs = matcher.references(text)
        n_refs += bool(refs)
        for ref in refs:
            ok = ref.lo <= truth and (ref.hi is None or truth <= ref.hi)
            print(f"  ref {'ok  ' if ok else 'MISS'} {path.name[:60]!r}: {ref.event} {ref.lo}..{ref.hi} cue={ref.cue!r}")
        before = estimate_publication_date(text, "de", use_calendar=False)
        after = estimate_publication_date(text, "de")
        if after != before and after is not None:
            n_changed += 1
            est = matcher.estimate(text)
            wrong = est is not None and not (est.lo <= truth and (est.hi is None or truth <= est.hi))
            n_wrong += wrong
            print(f"  changed {'WRONG' if wrong else 'ok'}: {path.name[:60]!r} {before and before.value} -> "
                  f"{after.value} ({after.precision})")
    secs = time.perf_counter() - t0
    print(f"articles: {len(files)}; with a calendar reference: {n_refs}; estimate changed: {n_changed}; "
          f"changed and wrong: {n_wrong}; {secs / max(1, len(files)) * 1000:.1f} ms/article (both estimates)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
