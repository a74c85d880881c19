"""The link to the agency in plain words: sync status, failure reasons, pairing problems.

The sync service reports machine keys (a phase, a reason such as
``rate_limited``); this is the one place that turns them into sentences, so
the status line and Settings → Agency always say the same thing.
"""

from __future__ import annotations

import math
from urllib.parse import urlsplit

from PySide6.QtCore import QObject

from talentdesk.sync.outbox import OutboxState
from talentdesk.sync.status import SyncPhase, SyncStatus
from talentdesk_contract import wire

#: Seconds past which a wait reads in minutes, hours, days.
_MINUTE, _HOUR, _DAY = 60, 3600, 86_400


class SyncMessages(QObject):
    """Sentences about the sync state, in the current language (ask again after a switch)."""

    def reason(self, key: str | None) -> str:
        """Why the last attempt failed, from the sync service's reason key."""
        words = {
            "timeout": self.tr("the agency did not answer in time"),
            "slow": self.tr("the agency is answering very slowly"),
            "network": self.tr("the agency can't be reached (no connection)"),
            "rate_limited": self.tr("the agency asked to slow down (too many requests)"),
            "server_error": self.tr("the agency's server has a problem"),
            "malformed": self.tr("the agency's answer could not be read"),
            "unauthorized": self.tr("the agency refused this device's token"),
            "revoked": self.tr("the agency removed this device"),
            "forbidden": self.tr("the agency isn't letting this device sync for now"),
            "moved": self.tr("the agency's address no longer serves bookings"),
            "refused": self.tr("the agency refused the request"),
            "rejected": self.tr("the agency refused a request"),
            "in_progress": self.tr("the agency is still handling an earlier try"),
            "reset": self.tr("the agency keeps saying its data was reset"),
            "internal": self.tr("TalentDesk ran into an internal problem"),
        }
        return words.get(key or "", self.tr("something went wrong"))

    def duration(self, seconds: float) -> str:
        """A wait in words: seconds, minutes, hours or days, rounded up."""
        if math.ceil(seconds) < 100:
            return self.tr("%n s", "", max(0, math.ceil(seconds)))
        if seconds < 2 * _HOUR:
            return self.tr("%n min", "", math.ceil(seconds / _MINUTE))
        if seconds < 2 * _DAY:
            return self.tr("%n hour(s)", "", math.ceil(seconds / _HOUR))
        if seconds < 365 * _DAY:
            return self.tr("%n day(s)", "", math.ceil(seconds / _DAY))
        return self.tr("more than a year")

    def status(self, status: SyncStatus, now: float) -> str:
        """The whole status line: the link, then any counts worth knowing."""
        parts = [self.link(status, now), *self.counts(status)]
        return " · ".join(part for part in parts if part)

    def link(self, status: SyncStatus, now: float) -> str:
        """The state of the link to the agency."""
        name = status.talent_name or "?"
        agency = status.agency_name or self.tr("the agency")
        seconds = status.retry_in(now)
        phase = status.phase
        if phase is SyncPhase.CONNECTED:
            return self.tr("Connected to %2 as %1").replace("%1", name).replace("%2", agency)
        if phase is SyncPhase.CONNECTING:
            return self.tr("Connecting to %1…").replace("%1", agency)
        if phase is SyncPhase.RETRYING:
            return self._retrying(status, agency, seconds)
        if phase is SyncPhase.OFFLINE:
            if seconds is None:
                return self.tr("Offline: %1").replace("%1", self.reason(status.reason))
            return (
                self.tr("Offline, retrying in %1: %2")
                .replace("%1", self.duration(seconds))
                .replace("%2", self.reason(status.reason))
            )
        if phase is SyncPhase.UNAUTHORIZED:
            if status.reason == "revoked":
                return self.tr(
                    "%1 removed this device: unpair and pair again in Settings with a new code"
                ).replace("%1", agency)
            return self.tr("Token refused by %1: unpair and pair again in Settings").replace(
                "%1", agency
            )
        if phase is SyncPhase.REFUSED:
            return (
                self.tr(
                    "%1 refused to send your bookings (HTTP %2), so TalentDesk stopped asking. "
                    "Tell your agency, then press Retry now."
                )
                .replace("%1", agency)
                .replace("%2", str(status.http_status or "?"))
            )
        if phase is SyncPhase.STOPPED and status.talent_name:
            return (
                self.tr("Paired as %1 with %2, not syncing")
                .replace("%1", name)
                .replace("%2", agency)
            )
        return self.tr("Not paired with an agency")

    def _retrying(self, status: SyncStatus, agency: str, seconds: int | None) -> str:
        reason = status.reason
        when = self.duration(seconds) if seconds is not None else None
        if reason == "forbidden" and when is not None:
            return (
                self.tr("%1 isn't letting this device sync for now. Trying again in %2.")
                .replace("%1", agency)
                .replace("%2", when)
            )
        if reason == "moved" and when is not None:
            return (
                self.tr(
                    "%1's address no longer serves bookings (HTTP %2). Trying again in %3; "
                    "ask your agency whether its address changed."
                )
                .replace("%1", agency)
                .replace("%2", str(status.http_status or "?"))
                .replace("%3", when)
            )
        if reason == "internal" and when is not None:
            return self.tr(
                "TalentDesk ran into an internal problem and starts syncing again in %1"
            ).replace("%1", when)
        if when is None:
            return self.tr("Retrying: %1").replace("%1", self.reason(reason))
        line = self.tr("Retrying in %1: %2").replace("%1", when).replace("%2", self.reason(reason))
        if status.asked_wait is not None:
            # Here, not with the module: the HTTP client is not imported before the
            # first window is painted (start-up time).
            from talentdesk.sync.client import MAX_RETRY_AFTER_SECONDS

            # The agency asked for longer than TalentDesk waits: say so, and why less.
            line += " " + self.tr(
                "(it asked to wait %1; TalentDesk waits at most %2, or press Retry now)"
            ).replace("%1", self.duration(status.asked_wait)).replace(
                "%2", self.duration(MAX_RETRY_AFTER_SECONDS)
            )
        return line

    def short(self, status: SyncStatus, now: float) -> str:
        """The link in two or three words, for the session windows and the lock screen."""
        phase = status.phase
        waiting = status.outbox_queued
        if phase is SyncPhase.CONNECTED:
            text = self.tr("Connected")  # the status line's word too (the glossary's)
        elif phase is SyncPhase.CONNECTING:
            text = self.tr("Connecting…")
        elif phase in (SyncPhase.RETRYING, SyncPhase.OFFLINE):
            seconds = status.retry_in(now)
            word = self.tr("Offline") if phase is SyncPhase.OFFLINE else self.tr("Retrying")
            text = (
                word
                if seconds is None
                else self.tr("%1 · retry in %2 s").replace("%1", word).replace("%2", str(seconds))
            )
        elif phase is SyncPhase.UNAUTHORIZED:
            text = self.tr("Token refused")
        elif phase is SyncPhase.STOPPED and status.talent_name:
            text = self.tr("Not syncing")
        else:
            return self.tr("Not paired")
        if waiting:
            text += " · " + self.tr("%n waiting", "", waiting)
        return text

    def counts(self, status: SyncStatus) -> list[str]:
        """What is waiting or was skipped, only the counts that are not zero."""
        counts = []
        if status.outbox_queued:
            if status.outbox_reason:
                counts.append(
                    self.tr("%n item(s) waiting to be sent: %1", "", status.outbox_queued).replace(
                        "%1", self.reason(status.outbox_reason)
                    )
                )
            else:
                counts.append(self.tr("%n item(s) waiting to be sent", "", status.outbox_queued))
        if status.outbox_failed:
            counts.append(self.tr("%n item(s) refused by the agency", "", status.outbox_failed))
        if status.unknown_skipped:
            counts.append(self.tr("%n unknown event(s) skipped", "", status.unknown_skipped))
        if status.rejected_total:
            counts.append(self.tr("%n unreadable event(s) skipped", "", status.rejected_total))
        return counts

    def tone(self, status: SyncStatus) -> str:
        """ "ok", "busy", "warning" or "error": how the status line is coloured."""
        phase = status.phase
        if phase is SyncPhase.CONNECTED:
            return "warning" if status.outbox_failed else "ok"
        if phase in (SyncPhase.RETRYING, SyncPhase.OFFLINE):
            return "warning"
        if phase in (SyncPhase.UNAUTHORIZED, SyncPhase.REFUSED):
            return "error"
        return "busy" if phase is SyncPhase.CONNECTING else "idle"

    def retry_now(self) -> str:
        """The button that asks the agency again at once."""
        return self.tr("Retry now")

    def retry_now_tip(self) -> str:
        """What "Retry now" does."""
        return self.tr("Ask your agency again now instead of waiting")

    def answer_state(self, state: OutboxState) -> str:
        """Where an answer (or any outbox item) is on its way to the agency."""
        return {
            OutboxState.QUEUED: self.tr("queued"),
            OutboxState.DELIVERED: self.tr("delivered"),
            OutboxState.ACKNOWLEDGED: self.tr("acknowledged"),
            OutboxState.RESOLVED: self.tr("resolved"),
            OutboxState.FAILED: self.tr("refused by the agency"),
        }[state]

    def pairing_error(self, exc: Exception, agency_url: str) -> str:
        """Why pairing did not work, and what to do about it."""
        # Here, not with the module: the HTTP client is not imported before the first
        # window is painted (start-up time); pairing imported it long before this.
        from talentdesk.sync.client import (
            InsecureUrlError,
            MalformedResponseError,
            RejectedError,
            RetryableError,
        )

        if isinstance(exc, InsecureUrlError):
            if urlsplit(agency_url.strip()).scheme.lower() == "http":
                return self.tr(
                    "TalentDesk refuses plain http:// for this address: the device token "
                    "would travel unencrypted, and anyone on the network could read it and "
                    "act as you. Use the agency's https:// address."
                )
            return self.tr(
                "This is not an agency address. It starts with https://, for example "
                "https://agency.example.com."
            )
        if isinstance(exc, RejectedError):
            problem = exc.problem
            kind = problem.type if problem is not None else ""
            if kind == wire.ProblemType.PAIRING_CODE_UNKNOWN:
                return self.tr(
                    "The agency doesn't know this code. Check it, or ask your agency for a new one."
                )
            if kind == wire.ProblemType.PAIRING_CODE_USED:
                return self.tr(
                    "This code was already used: each code works only once. Ask your agency "
                    "for a new one."
                )
            if kind == wire.ProblemType.PAIRING_CODE_EXPIRED:
                return self.tr("This code has expired. Ask your agency for a new one.")
            said = (problem.detail or problem.title) if problem is not None else ""
            return self.tr("The agency refused the pairing: %1").replace(
                "%1", said or f"HTTP {exc.status}"
            )
        if isinstance(exc, RetryableError | MalformedResponseError):
            return (
                self.tr(
                    "Can't reach the agency at %1: %2. Check the address and your internet "
                    "connection, then try again."
                )
                .replace("%1", agency_url.strip())
                .replace("%2", self.reason(exc.reason))
            )
        return self.tr("Pairing didn't finish because of a problem on this computer: %1").replace(
            "%1", type(exc).__name__
        )
