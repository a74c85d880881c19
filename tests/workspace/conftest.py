"""The workspace's tests use the session services' fixtures: a real vault, fake clocks."""

from tests.sessions.conftest import clock, desk

__all__ = ["clock", "desk"]
