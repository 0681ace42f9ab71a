"""Record <-> JSON for the store: dataclasses in, dataclasses out (never loose dicts)."""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")


def dumps(record: Any) -> str:
    return json.dumps(dataclasses.asdict(record) if dataclasses.is_dataclass(record) else record,
                      ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_dict(cls: type[T], data: Any) -> T:
    """Build dataclass ``cls`` from ``data``; unknown keys are ignored (older/newer rows)."""
    return _convert(cls, data)


def _convert(tp: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(tp):
            if arg is type(None):
                continue
            if dataclasses.is_dataclass(arg) and isinstance(value, dict):
                return _convert(arg, value)
        return value
    if origin is list:
        (item,) = typing.get_args(tp) or (Any,)
        return [_convert(item, v) for v in value]
    if dataclasses.is_dataclass(tp) and isinstance(value, dict):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _convert(hints[k], v) for k, v in value.items() if k in names})
    return value


def loads(cls: type[T], text: str | None) -> T | None:
    return None if text is None else from_dict(cls, json.loads(text))
