"""The reply-pace meter: the agency's thresholds, early warnings, and counting for the record."""

from __future__ import annotations

from talentdesk.domain import (
    DEFAULT_PACE_THRESHOLDS,
    Channel,
    PaceThreshold,
    ReplyStyle,
)
from talentdesk.sessions.pace import (
    FLAG_PACE_RULE_BROKEN,
    SOON_SECONDS,
    PaceMessage,
    ReplyPace,
    agency_thresholds,
    applies_to,
)
from talentdesk.sessions.replies import ReplyBook
from talentdesk.sessions.runner import SessionRunner
from tests.sessions.conftest import Desk, FakeClock, package


def exchange(pace: ReplyPace, clock: FakeClock, wait: float) -> None:
    pace.customer_wrote()
    clock.advance(wait)
    pace.talent_answered()


def test_thresholds_come_from_the_agency(desk: Desk, clock: FakeClock) -> None:
    assert agency_thresholds(desk.vault) == DEFAULT_PACE_THRESHOLDS  # before any config
    desk.config(pace_thresholds=(PaceThreshold(90, 4),))
    pace = ReplyPace.for_vault(desk.vault, clock.monotonic)
    assert pace.thresholds == (PaceThreshold(90, 4),)


def test_only_packages_with_chat_get_a_meter() -> None:
    assert applies_to(package(Channel.CHAT))
    assert applies_to(package(Channel.CHAT_CALL))
    assert not applies_to(package(Channel.CALL))


def test_warns_one_slow_reply_before_the_rule_breaks(clock: FakeClock) -> None:
    pace = ReplyPace(DEFAULT_PACE_THRESHOLDS, clock.monotonic)
    two_min, five_min = DEFAULT_PACE_THRESHOLDS
    assert pace.status().message is None
    answers = []
    for _ in range(3):
        pace.customer_wrote()
        clock.advance(150)  # slower than 2 minutes, not 5
        answers.append(pace.talent_answered())
    assert [a.slow for a in answers] == [True, True, True]
    assert [a.new_warnings for a in answers] == [(), (), ()]
    pace.customer_wrote()
    clock.advance(121)
    fourth = pace.talent_answered()
    assert fourth.new_warnings == (two_min,)  # the fifth would break "2 minutes, 5 times"
    status = pace.status()
    assert status.warned == (two_min,)
    assert status.message is PaceMessage.ONE_MORE_BREAKS
    assert pace.slow_replies == 4

    # While the customer waits, the countdown to breaking the rule shows.
    pace.customer_wrote()
    clock.advance(100)
    status = pace.status()
    assert status.waiting_seconds == 100
    assert status.slow_in_seconds == 20
    assert status.breaking_in_seconds == 20
    clock.advance(25)
    assert pace.status().message is PaceMessage.BREAKING_NOW
    fifth = pace.talent_answered()
    assert fifth.new_breaches == (two_min,)
    assert fifth.new_warnings == ()  # warned once only
    assert pace.status().message is PaceMessage.RULE_BROKEN
    assert pace.status().breached == (two_min,)
    assert pace.record_flags() == (FLAG_PACE_RULE_BROKEN,)
    assert five_min not in pace.status().breached


def test_fast_replies_and_waits_without_an_answer(clock: FakeClock) -> None:
    pace = ReplyPace(DEFAULT_PACE_THRESHOLDS, clock.monotonic)
    assert pace.talent_answered().wait is None  # the talent wrote first: nothing counted
    pace.customer_wrote()
    clock.advance(10)
    pace.customer_wrote()  # a second message does not restart the wait
    clock.advance(20)
    answer = pace.talent_answered()
    assert answer.wait == 30
    assert not answer.slow
    pace.customer_wrote()
    clock.advance(120 - SOON_SECONDS + 1)
    assert pace.status().message is PaceMessage.REPLY_SOON
    clock.advance(SOON_SECONDS)
    assert pace.status().message is PaceMessage.SLOW_NOW
    assert pace.status().slow_in_seconds == 0
    assert pace.record_flags() == ()


def test_a_rule_of_once_warns_only_while_waiting(clock: FakeClock) -> None:
    once = PaceThreshold(600, 1)
    pace = ReplyPace([once], clock.monotonic)
    status = pace.status()
    assert status.at_risk == (once,)
    assert status.message is None  # nothing to say before anyone waits
    pace.customer_wrote()
    clock.advance(590)
    assert pace.status().breaking_in_seconds == 10
    assert pace.talent_answered().new_warnings == ()


def test_copying_a_reply_counts_as_answering(desk: Desk, clock: FakeClock) -> None:
    desk.agency_reply("id-polite", "Maaf ya, aku nggak bisa.", style=ReplyStyle.POLITE)
    desk.book(pkg=package(Channel.CHAT))
    replies = ReplyBook(desk.vault)
    runner = SessionRunner(
        desk.vault, desk.outbox, monotonic=clock.monotonic, wall=clock.wall, replies=replies
    )
    session = runner.start("bk-1")
    pace = ReplyPace.for_vault(desk.vault, clock.monotonic)
    replies.add_copy_listener(lambda _reply: pace.talent_answered())
    for wait in (200, 30, 400):
        pace.customer_wrote()
        clock.advance(wait)
        replies.copy("agency-id-polite")
    assert pace.slow_replies == 2
    record = session.finish(slow_replies=pace.slow_replies, flags=pace.record_flags()).record
    assert record.slow_replies == 2
    assert record.flags == ()
