"""A session's reply pace survives a lock, a restart and a crash, sealed with the session."""

from __future__ import annotations

import multiprocessing
import signal
from datetime import timedelta

from talentdesk.domain import PaceThreshold
from talentdesk.sessions.pace import KIND, SessionPace, agency_thresholds
from talentdesk.sessions.runner import SessionRunner
from tests.sessions.conftest import PASSPHRASE, Desk, FakeClock, open_desk
from tests.sessions.pace_worker import mark_then_die


def runner(desk: Desk, clock: FakeClock) -> SessionRunner:
    return SessionRunner(desk.vault, desk.outbox, monotonic=clock.monotonic, wall=clock.wall)


def test_counts_and_the_running_wait_survive_a_restart(desk: Desk, clock: FakeClock) -> None:
    desk.config(pace_thresholds=(PaceThreshold(60, 3),))
    desk.book()
    live = runner(desk, clock).start("bk-1")
    pace = SessionPace(desk.vault, "bk-1", live.elapsed, agency_thresholds(desk.vault))
    for wait in (90, 20, 75):  # two slow replies: one more breaks the rule
        pace.customer_wrote()
        clock.advance(wait)
        pace.talent_answered()
    pace.customer_wrote()
    clock.advance(40)
    before = pace.status()
    assert before.slow_replies == 2 and before.warned == (PaceThreshold(60, 3),)
    assert before.waiting_seconds == 40

    path = desk.vault.path
    desk.vault.close()
    clock.advance(30)  # the app was down for 30 s; the customer still waits
    again = open_desk(path, clock, create=False)
    try:
        resumed = runner(again, clock).resume()
        assert resumed is not None
        # Agency rules changed meanwhile: the session keeps the ones it started with.
        again.config(pace_thresholds=(PaceThreshold(300, 9),))
        back = SessionPace(again.vault, "bk-1", resumed.elapsed, agency_thresholds(again.vault))
        status = back.status()
        assert back.thresholds == (PaceThreshold(60, 3),)
        assert status.slow_replies == 2
        assert status.warned == before.warned
        assert status.waiting_seconds is not None and abs(status.waiting_seconds - 70) < 1e-6
        answer = back.talent_answered()
        assert answer.slow and answer.new_breaches == (PaceThreshold(60, 3),)
        assert answer.new_warnings == ()  # warned once a session, before the restart
    finally:
        again.vault.close()


def test_it_is_sealed_with_the_session_and_shredded_with_it(desk: Desk, clock: FakeClock) -> None:
    desk.book()
    live = runner(desk, clock).start("bk-1")
    pace = SessionPace(desk.vault, "bk-1", live.elapsed)
    pace.customer_wrote()
    assert desk.vault.sealed_for(KIND, "bk-1") == "bk-1"
    clock.advance(31 * 60)
    live.end("id")
    finished = live.finish(slow_replies=pace.slow_replies)
    assert finished.customer_data_destroyed
    assert desk.vault.get(KIND, "bk-1") is None
    assert desk.vault.ids(KIND) == []


def test_marks_survive_a_crash(desk: Desk, clock: FakeClock) -> None:
    desk.book(start=clock.wall() - timedelta(minutes=1))
    runner(desk, clock).start("bk-1")
    path = desk.vault.path
    desk.vault.close()
    ctx = multiprocessing.get_context("forkserver")
    marks = [("wrote", 0.0), ("answered", 150.0), ("wrote", 10.0), ("answered", 30.0)]
    marks += [("wrote", 5.0)]
    proc = ctx.Process(target=mark_then_die, args=(str(path), PASSPHRASE, marks))
    proc.start()
    proc.join(60)
    assert proc.exitcode == -signal.SIGKILL

    again = open_desk(path, clock, create=False)
    try:
        resumed = runner(again, clock).resume()
        assert resumed is not None
        status = SessionPace(again.vault, "bk-1", resumed.elapsed).status()
        assert status.slow_replies == 1  # the 150 s reply, not the 30 s one
        assert status.waiting_seconds is not None  # the customer's last message still waits
    finally:
        again.vault.close()
