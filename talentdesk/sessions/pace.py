"""The reply-pace meter for chat sessions, against the agency's thresholds.

The agency's refund rule counts slow replies per session (by default: slower than
2 minutes five times, or slower than 5 minutes three times). The talent marks
"customer wrote" and "I answered" (copying a ready reply counts as answering: wire
:meth:`ReplyPace.talent_answered` to :meth:`ReplyBook.add_copy_listener
<talentdesk.sessions.replies.ReplyBook.add_copy_listener>`); times come from the
monotonic clock. The meter warns while there is still time: when one more slow reply
would break a threshold, and, while the customer waits, how long until this reply
counts as slow or breaks the rule.

Calls have no reply pace: :func:`applies_to` says whether a package gets a meter.

**A session's pace survives a lock, a restart and a crash** (:class:`SessionPace`): every
mark is written at once, sealed under the session's booking data key (the times the
customer wrote are the customer's too: the shred at the session's end destroys them), and
read back when the session is resumed. Its clock is the session's own elapsed time (the
runner's monotonic clock, recovered from the wall-clock start after a restart), so a wait
that began before a restart goes on counting after it.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Iterable
from typing import Final

import msgspec

from talentdesk.domain import (
    DEFAULT_PACE_THRESHOLDS,
    AgencyConfig,
    DomainError,
    PaceThreshold,
    Package,
    SlowReplyCounter,
)
from talentdesk.sessions._common import MonotonicClock, system_monotonic
from talentdesk.vault import RecordIntegrityError, Vault, VaultError
from talentdesk.vault.records import RecordStore

__all__ = [
    "FLAG_PACE_RULE_BROKEN",
    "KIND",
    "SOON_SECONDS",
    "PaceAnswer",
    "PaceMessage",
    "PaceState",
    "PaceStatus",
    "ReplyPace",
    "SessionPace",
    "agency_thresholds",
    "applies_to",
]

log = logging.getLogger(__name__)

#: Vault kind of a live session's saved pace (one record per booking, under its data key).
KIND: Final = "reply_pace"

#: SessionRecord flag when a threshold was reached in the session.
FLAG_PACE_RULE_BROKEN: Final = "pace_rule_broken"
#: How early "reply soon" shows before a wait turns slow.
SOON_SECONDS: Final = 30.0


class PaceMessage(enum.StrEnum):
    """What the pace line says, most serious first; the UI translates each."""

    RULE_BROKEN = "pace_rule_broken"  # a threshold was reached this session
    BREAKING_NOW = "pace_breaking_now"  # this wait is past an at-risk threshold already
    ONE_MORE_BREAKS = "pace_one_more_breaks_rule"  # one more slow reply breaks a threshold
    SLOW_NOW = "pace_slow_now"  # this wait already counts as slow
    REPLY_SOON = "pace_reply_soon"  # this wait turns slow within SOON_SECONDS


def applies_to(package: Package) -> bool:
    """Whether a session of this package gets a reply-pace meter (chat is included)."""
    return package.channel.allows_chat


def agency_thresholds(vault: Vault) -> tuple[PaceThreshold, ...]:
    """The agency's current thresholds, or the defaults until its config arrives."""
    try:
        config = RecordStore(vault).load(AgencyConfig, "current")
    except RecordIntegrityError:
        config = None
    if config is None or not config.pace_thresholds:
        return DEFAULT_PACE_THRESHOLDS
    return config.pace_thresholds


class PaceAnswer(msgspec.Struct, frozen=True):
    """What one answer did.

    Attributes:
        wait: Seconds the customer waited, or None if nothing was pending (not counted).
        slow: The reply counts as slow (slower than the smallest threshold).
        new_warnings: Thresholds that this reply brought to one slow reply away from
            breaking (each threshold warns once a session).
        new_breaches: Thresholds this reply broke.
    """

    wait: float | None
    slow: bool = False
    new_warnings: tuple[PaceThreshold, ...] = ()
    new_breaches: tuple[PaceThreshold, ...] = ()


class PaceStatus(msgspec.Struct, frozen=True):
    """A snapshot for the pace line.

    Attributes:
        waiting_seconds: How long the customer has waited, or None if nobody waits.
        slow_in_seconds: Until this wait counts as slow (0 once it does); None if nobody
            waits or there are no thresholds.
        breaking_in_seconds: Until this wait breaks an at-risk threshold (0 once it
            does); None if nobody waits or no threshold is at risk.
        at_risk: Thresholds one slow reply away from breaking (a rule of "once" is at
            risk from the start: its countdown shows while the customer waits).
        warned: Thresholds that slow replies brought to one away from breaking.
        breached: Thresholds broken this session.
        slow_replies: Slow replies so far (for the SessionRecord).
    """

    waiting_seconds: float | None
    slow_in_seconds: float | None
    breaking_in_seconds: float | None
    at_risk: tuple[PaceThreshold, ...]
    warned: tuple[PaceThreshold, ...]
    breached: tuple[PaceThreshold, ...]
    slow_replies: int

    @property
    def message(self) -> PaceMessage | None:
        """The one thing to say now, or None when all is well."""
        if self.breached:
            return PaceMessage.RULE_BROKEN
        if self.breaking_in_seconds is not None and self.breaking_in_seconds <= 0:
            return PaceMessage.BREAKING_NOW
        if self.warned:
            return PaceMessage.ONE_MORE_BREAKS
        if self.slow_in_seconds is not None:
            if self.slow_in_seconds <= 0:
                return PaceMessage.SLOW_NOW
            if self.slow_in_seconds <= SOON_SECONDS:
                return PaceMessage.REPLY_SOON
        return None


class ReplyPace:
    """One chat session's reply pace. Not thread-safe: drive it from one thread.

    Args:
        thresholds: The agency's rules (see :func:`agency_thresholds`).
        monotonic: The clock, shared with the session runner.
    """

    def __init__(
        self,
        thresholds: Iterable[PaceThreshold] = DEFAULT_PACE_THRESHOLDS,
        monotonic: MonotonicClock = system_monotonic,
    ) -> None:
        self._meter = SlowReplyCounter(thresholds)
        self._clock = monotonic
        self._warned: set[PaceThreshold] = set()

    @classmethod
    def for_vault(cls, vault: Vault, monotonic: MonotonicClock = system_monotonic) -> ReplyPace:
        """A meter with the agency's thresholds as last pushed."""
        return cls(agency_thresholds(vault), monotonic)

    @property
    def thresholds(self) -> tuple[PaceThreshold, ...]:
        """The rules counted against."""
        return self._meter.thresholds

    @property
    def slow_replies(self) -> int:
        """Replies slower than the smallest threshold, for ``SessionRecord.slow_replies``."""
        return self._meter.slow_replies

    def customer_wrote(self) -> None:
        """Mark a customer message; only the first unanswered one starts the wait."""
        self._meter.customer_wrote(self._clock())

    def talent_answered(self) -> PaceAnswer:
        """Mark the talent's answer (or a copied reply) and count it."""
        before_breached = set(self._meter.breached())
        before_slow = self._meter.slow_replies
        wait = self._meter.talent_replied(self._clock())
        if wait is None:
            return PaceAnswer(wait=None)
        new_warnings = tuple(t for t in self._warned_thresholds() if t not in self._warned)
        self._warned.update(new_warnings)
        return PaceAnswer(
            wait=wait,
            slow=self._meter.slow_replies > before_slow,
            new_warnings=new_warnings,
            new_breaches=tuple(t for t in self._meter.breached() if t not in before_breached),
        )

    def status(self) -> PaceStatus:
        """Where the session stands now."""
        since = self._meter.waiting_since
        waiting = None if since is None else max(0.0, self._clock() - since)
        at_risk = self._meter.warnings()
        slow_in = breaking_in = None
        if waiting is not None:
            limits = [t.slower_than_seconds for t in self.thresholds]
            if limits:
                slow_in = max(0.0, min(limits) - waiting)
            if at_risk:
                breaking_in = max(0.0, min(t.slower_than_seconds for t in at_risk) - waiting)
        return PaceStatus(
            waiting_seconds=waiting,
            slow_in_seconds=slow_in,
            breaking_in_seconds=breaking_in,
            at_risk=at_risk,
            warned=self._warned_thresholds(),
            breached=self._meter.breached(),
            slow_replies=self._meter.slow_replies,
        )

    def _warned_thresholds(self) -> tuple[PaceThreshold, ...]:
        # One away *because of* slow replies: a rule of "once" starts one away, and
        # warning about it before anything happened would be noise.
        counts = self._meter.counts()
        return tuple(t for t in self._meter.warnings() if counts[t] >= 1)

    def record_flags(self) -> tuple[str, ...]:
        """Flags for the SessionRecord: ``pace_rule_broken`` if a threshold was reached."""
        return (FLAG_PACE_RULE_BROKEN,) if self._meter.breached() else ()


class PaceState(msgspec.Struct, kw_only=True):
    """A session's reply pace as saved: numbers and session times, nothing said.

    Attributes:
        thresholds: The rules counted against (as at the session's start).
        counts: Slow replies per threshold, in the order of ``thresholds``.
        slow_replies: Replies slower than the smallest threshold.
        waits: Every measured wait, in seconds.
        waiting_since: Session seconds when the customer's unanswered message came.
        warned: Indexes of the thresholds already warned about.
    """

    booking_id: str
    thresholds: tuple[PaceThreshold, ...]
    counts: tuple[int, ...]
    slow_replies: int = 0
    waits: tuple[float, ...] = ()
    waiting_since: float | None = None
    warned: tuple[int, ...] = ()


class SessionPace:
    """The reply pace of one live chat session, written to the vault at every mark.

    Same questions as :class:`ReplyPace`; thread-safe (the GUI's buttons, the global
    hotkeys and a copied reply may mark at once). A mark that cannot be saved (the vault
    closed under it) still counts in memory and is logged.

    Args:
        vault: The open vault.
        booking_id: The session's booking.
        clock: The session's elapsed seconds (``LiveSession.elapsed``).
        thresholds: The agency's rules; used when nothing was saved for the session yet.
    """

    def __init__(
        self,
        vault: Vault,
        booking_id: str,
        clock: MonotonicClock,
        thresholds: Iterable[PaceThreshold] = DEFAULT_PACE_THRESHOLDS,
    ) -> None:
        self.vault = vault
        self.booking_id = booking_id
        self._lock = threading.Lock()
        saved = self._load()
        rules = saved.thresholds if saved is not None else tuple(thresholds)
        self._pace = ReplyPace(rules, clock)
        if saved is not None:
            self._restore(saved)

    @property
    def thresholds(self) -> tuple[PaceThreshold, ...]:
        """The rules counted against."""
        return self._pace.thresholds

    @property
    def slow_replies(self) -> int:
        """Slow replies so far."""
        with self._lock:
            return self._pace.slow_replies

    def customer_wrote(self) -> None:
        """Mark a customer message (saved at once)."""
        with self._lock:
            self._pace.customer_wrote()
            self._save()

    def talent_answered(self) -> PaceAnswer:
        """Mark the talent's answer (saved at once)."""
        with self._lock:
            answer = self._pace.talent_answered()
            if answer.wait is not None:
                self._save()
            return answer

    def status(self) -> PaceStatus:
        """Where the session stands now."""
        with self._lock:
            return self._pace.status()

    def record_flags(self) -> tuple[str, ...]:
        """Flags for the SessionRecord."""
        with self._lock:
            return self._pace.record_flags()

    def state(self) -> PaceState:
        """What is saved of the pace now."""
        pace = self._pace
        meter = pace._meter
        counts = meter.counts()
        rules = pace.thresholds
        return PaceState(
            booking_id=self.booking_id,
            thresholds=rules,
            counts=tuple(counts[t] for t in rules),
            slow_replies=meter.slow_replies,
            waits=meter.waits,
            waiting_since=meter.waiting_since,
            warned=tuple(i for i, t in enumerate(rules) if t in pace._warned),
        )

    def _restore(self, saved: PaceState) -> None:
        pace = self._pace
        try:
            pace._meter.restore(
                counts=saved.counts,
                slow_replies=saved.slow_replies,
                waits=saved.waits,
                waiting_since=saved.waiting_since,
            )
        except DomainError:
            log.warning(
                "saved reply pace of booking %s does not fit; counting anew", self.booking_id
            )
            return
        pace._warned = {saved.thresholds[i] for i in saved.warned if 0 <= i < len(saved.thresholds)}

    def _load(self) -> PaceState | None:
        try:
            payload = self.vault.get(KIND, self.booking_id)
            if payload is None:
                return None
            return msgspec.json.decode(payload, type=PaceState)
        except (RecordIntegrityError, msgspec.DecodeError, msgspec.ValidationError):
            log.warning("saved reply pace of booking %s is unreadable", self.booking_id)
            return None

    def _save(self) -> None:
        try:
            self.vault.put_typed(
                self.booking_id, KIND, self.booking_id, msgspec.json.encode(self.state())
            )
        except VaultError as exc:
            log.warning("reply pace of booking %s not saved: %s", self.booking_id, exc)
