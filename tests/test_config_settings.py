from __future__ import annotations

import pytest

from lagebild.config import Settings, load_settings
from lagebild.errors import ConfigError


def test_config_every_setting_is_documented():
    for name, field in Settings.model_fields.items():
        assert field.description and len(field.description) > 15, f"setting {name} needs a help string"


def test_config_partial_override_from_toml(tmp_path):
    cfg = tmp_path / "l.toml"
    cfg.write_text('workers = 2\ndb = "x.db"\n', encoding="utf-8")
    s = load_settings(cfg)
    assert s.workers == 2 and s.db == "x.db" and s.max_bytes == Settings().max_bytes


def test_config_unknown_key_is_an_error_with_hint(tmp_path):
    cfg = tmp_path / "l.yaml"
    cfg.write_text("wokers: 2\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(cfg)
    assert "wokers" in err.value.message and "lagebild settings" in err.value.hint


def test_config_bad_value_and_missing_file(tmp_path):
    with pytest.raises(ConfigError):
        load_settings(workers=0)
    with pytest.raises(ConfigError, match="cannot read"):
        load_settings(tmp_path / "missing.toml")
