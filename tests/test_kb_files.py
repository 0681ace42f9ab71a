"""User knowledge-base files: validation errors that say how to fix them, and extension."""
from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.kb import KBError, load_kb


def test_kb_user_file_bad_entry_has_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "my-actors.yaml"
    bad.write_text(
        "persons:\n"
        "- id: person:jane-doe\n"
        "  name: Jane Doe\n"
        "  country: Ukraine\n"
        "  roles:\n"
        "  - {title: mayor, start: last year}\n"
        "  wikipedia: x\n",
        encoding="utf-8",
    )
    with pytest.raises(KBError) as err:
        load_kb([bad])
    msg = str(err.value)
    assert "my-actors.yaml: persons[0] (person:jane-doe).country" in msg
    assert "ISO 3166 alpha-3" in msg
    assert "roles[0].start" in msg and "YYYY-MM-DD" in msg
    assert "wikipedia: unknown field" in msg


def test_kb_user_file_bad_id_and_missing_name(tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text("organisations:\n- {id: Acme Corp}\n", encoding="utf-8")
    with pytest.raises(KBError, match=r"organisations\[0\] \(Acme Corp\)\.id: organisation ids look like"):
        load_kb([bad])
    with pytest.raises(KBError, match=r"name: required field is missing"):
        load_kb([bad])


def test_kb_user_file_not_yaml_or_missing(tmp_path: Path) -> None:
    bad = tmp_path / "broken.yaml"
    bad.write_text("persons: [\n", encoding="utf-8")
    with pytest.raises(KBError, match="broken.yaml: not valid YAML"):
        load_kb([bad])
    with pytest.raises(KBError, match="not found"):
        load_kb([tmp_path / "nope.yaml"])
    lst = tmp_path / "list.yaml"
    lst.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(KBError, match="must be a mapping"):
        load_kb([lst])


def test_kb_user_file_extends_and_overrides(tmp_path: Path) -> None:
    good = tmp_path / "mine.yaml"
    good.write_text(
        "persons:\n"
        "- id: person:olena-kowalenko\n"
        "  name: Olena Kowalenko\n"
        "  aliases: [Kowalenko]\n"
        "  country: UKR\n"
        "  roles:\n"
        "  - {title: mayor, of: loc:kharkiv, start: 2024-01-01}\n",
        encoding="utf-8",
    )
    kb = load_kb([good])
    assert kb.resolve_name("Kowalenkos") == "person:olena-kowalenko"
    assert kb.holder("mayor", "loc:kharkiv", "2025-03-01") == "person:olena-kowalenko"
    assert load_kb().resolve_name("Kowalenko") is None       # the shared default is untouched


def test_kb_user_file_impossible_date_is_a_kb_error(tmp_path: Path) -> None:
    f = tmp_path / "dates.yaml"
    f.write_text("persons:\n  - id: person:jane-doe\n    name: Jane Doe\n    roles:\n"
                 "      - {title: president, start: 2030-02-30}\n", encoding="utf-8")
    with pytest.raises(KBError, match="not a calendar date"):
        load_kb([f])
