"""Errors with codes and a hint on how to fix the problem.

Library code raises :class:`LagebildError` subclasses; the CLI turns them into a one-line
message plus exit code in one place (``lagebild.cli.main``).
"""
from __future__ import annotations


class LagebildError(Exception):
    """Base error: ``code`` is stable (E1xx input, E2xx store, E3xx config/data, E4xx usage)."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}" + (f" — hint: {self.hint}" if self.hint else "")


class InputError(LagebildError):
    code = "E101"
    exit_code = 2


class StoreError(LagebildError):
    code = "E201"
    exit_code = 3


class ConfigError(LagebildError):
    code = "E301"
    exit_code = 4


class UsageError(LagebildError):
    code = "E401"
    exit_code = 2
