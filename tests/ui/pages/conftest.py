"""The pages' tests share the session windows' fixtures: a real vault, fake clocks, the
real workspace with its agency link and session controller."""

from tests.ui.session.conftest import desk, session_clock

__all__ = ["desk", "session_clock"]
