"""The session clock both session windows draw: its text and its look per phase."""

from __future__ import annotations

from talentdesk.sessions.runner import SessionPhase, SessionTick
from talentdesk.ui.session.clock_window import clock_face


def test_the_clock_counts_down_then_counts_the_time_over_then_the_length() -> None:
    running = SessionTick(SessionPhase.RUNNING, elapsed=60.0, time_left=1452.4, overrun=0.0)
    over = SessionTick(SessionPhase.OVERRUN, elapsed=1900.0, time_left=0.0, overrun=95.7)
    ended = SessionTick(SessionPhase.CLOSING, elapsed=1905.2, time_left=0.0, overrun=100.0)
    assert clock_face(running, warned=False) == ("24:13", "normal")
    assert clock_face(running, warned=True) == ("24:13", "warning")
    assert clock_face(over, warned=True) == ("+01:35", "overrun")
    assert clock_face(ended, warned=False) == ("31:45", "closing")
