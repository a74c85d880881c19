"""The session controller's machine keys in the talent's words (one place, so every screen agrees).

The services say what happened with machine keys (``SessionError.key``, checklist
keys, ``PaceMessage``...); only this module turns them into sentences, through
``tr()``, so both languages stay complete.
"""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtCore import QLocale, QObject, QTime

from talentdesk.domain import BoundaryAnswer, Package, ReplyStyle, Source
from talentdesk.sessions.pace import PaceMessage
from talentdesk.sessions.terms import (
    CHECK_BLOCK_IN_CALLS,
    CHECK_BLOCK_IN_CHAT,
    CHECK_REMOVE_FROM_RECENTS,
    CHECK_SEND_CLOSING_REPLY,
    SessionScope,
    scope_of,
)
from talentdesk.ui.language import current_language, translate_in
from talentdesk.ui.session.stages import BookingStage


def clock_text(seconds: float, *, round_up: bool = True) -> str:
    """A duration as a countdown reads: ``24:13``, or ``1:59:59`` from an hour on.

    Args:
        seconds: The duration (negative counts as 0).
        round_up: Whole seconds rounded up (a countdown shows 00:01 until it is over);
            False rounds down (a count of time elapsed or over).
    """
    whole = math.ceil(seconds - 1e-9) if round_up else math.floor(seconds + 1e-9)
    whole = max(0, whole)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


class SessionMessages(QObject):
    """Translations of the session controller's machine keys; one per widget that needs them."""

    # ------------------------------------------------------------------ the package

    def scope_banner(self, scope: SessionScope) -> str:
        """What the package covers, said plainly for the top of the session window."""
        return {
            SessionScope.CHAT_ONLY: self.tr("Chat only — no calls"),
            SessionScope.CALL_ONLY: self.tr("Call only — no chat"),
            SessionScope.CHAT_AND_CALL: self.tr("Chat + call — both are included"),
        }[scope]

    def scope_rest(self, scope: SessionScope) -> str:
        """The scope banner past its first words, for its second line where it wraps
        (short: at the session window's smallest, beside the escalate buttons)."""
        return {
            SessionScope.CHAT_ONLY: self.tr("no calls"),
            SessionScope.CALL_ONLY: self.tr("no chat"),
            SessionScope.CHAT_AND_CALL: self.tr("you do both"),
        }[scope]

    def scope_short(self, scope: SessionScope) -> str:
        """The scope in two words, for small places."""
        return {
            SessionScope.CHAT_ONLY: self.tr("Chat only"),
            SessionScope.CALL_ONLY: self.tr("Call only"),
            SessionScope.CHAT_AND_CALL: self.tr("Chat + call"),
        }[scope]

    def scope_short_of(self, package: Package) -> str:
        """What a package covers, in two words."""
        return self.scope_short(scope_of(package))

    def extend_note(self) -> str:
        """What to say when the customer (or the talent) wants more time."""
        return self.tr(
            "To extend, ask the agency: the customer books more time there. TalentDesk never "
            "extends a session."
        )

    def clock(self, moment: datetime) -> str:
        """A moment in local time on the 24-hour clock, written the language's way."""
        local = moment.astimezone()
        # Translators: a Qt time format on the 24-hour clock (Indonesian writes "HH.mm").
        return QLocale().toString(QTime(local.hour, local.minute), self.tr("HH:mm"))

    def span(self, start: datetime, end: datetime) -> str:
        """A booked time span, ``21:00–21:30``."""
        return f"{self.clock(start)}–{self.clock(end)}"

    def minutes(self, count: int) -> str:
        """A number of minutes."""
        return self.tr("%n min", "", count)

    # ------------------------------------------------------------------ booking stages

    def stage(self, stage: BookingStage) -> str:
        """Where a booking is on the way to its session."""
        return {
            BookingStage.WAITING: self.tr("Waiting for your answer"),
            BookingStage.UPCOMING: self.tr("Upcoming"),
            BookingStage.CONTACT_OPEN: self.tr("Contact window open"),
            BookingStage.LIVE: self.tr("Live"),
            BookingStage.WRAP_UP: self.tr("Wrap-up"),
            BookingStage.DONE: self.tr("Done"),
            BookingStage.CANCELLED: self.tr("Cancelled"),
            BookingStage.DECLINED: self.tr("Declined"),
            BookingStage.MISSED: self.tr("Time passed"),
        }[stage]

    # ------------------------------------------------------------------ errors

    def session_error(self, key: str) -> str:
        """Why a session step was refused (``SessionError.key``)."""
        return {
            "booking_not_found": self.tr(
                "This booking is no longer here: the agency may have cancelled it."
            ),
            "not_accepted": self.tr("Only an accepted booking can start."),
            "session_live": self.tr("Another session is live. Finish it first."),
            "needs_unblock": self.tr(
                "This returning customer must be unblocked before the session starts."
            ),
            "too_early": self.tr(
                "It is too early: the session can start once the contact window opens."
            ),
            "too_late": self.tr("The booked time is over; this session can no longer start."),
            "finished": self.tr("This session is already finished."),
            "on_break": self.tr("You are on a break. Start anyway, or wait until it ends."),
        }.get(key, self.tr("The session step failed. Try again."))

    def reply_error(self, key: str) -> str:
        """Why a reply change was refused (``ReplyError.key``)."""
        return {
            "reply_not_found": self.tr("This reply no longer exists."),
            "agency_reply": self.tr(
                "Your agency's replies cannot be deleted; edit them, and your wording is kept."
            ),
            "text_empty": self.tr("Write the reply's text first."),
            "text_too_long": self.tr("The reply is too long: at most 1,000 characters."),
            "shortcode_invalid": self.tr(
                "A shortcode uses only small letters, digits, - and _ (at most 32)."
            ),
            "shortcode_taken": self.tr(
                "Another reply in this language already has this shortcode."
            ),
            "language_invalid": self.tr("Choose the reply's language."),
            "pins_full": self.tr("Nine replies are pinned already. Unpin one first."),
        }.get(key, self.tr("The reply could not be saved. Try again."))

    def boundary_error(self, key: str) -> str:
        """Why a boundary change was refused (``BoundaryError.key``)."""
        return {
            "preset_not_found": self.tr("This preset no longer exists."),
            "agency_preset": self.tr(
                "Your agency's presets cannot be deleted; edit one to make your own copy."
            ),
            "item_not_found": self.tr("This boundary is no longer in the preset."),
            "item_exists": self.tr("The preset already has this boundary."),
            "key_invalid": self.tr("The boundary's key is not valid."),
            "name_invalid": self.tr("Give the preset a name of 1 to 80 characters."),
            "label_invalid": self.tr("Describe the boundary in 1 to 200 characters."),
            "too_many_items": self.tr("A preset holds at most 50 boundaries."),
            "too_many_replies": self.tr("Link at most 10 decline replies to one boundary."),
        }.get(key, self.tr("The preset could not be changed. Try again."))

    def import_error(self, key: str, detail: str = "") -> str:
        """Why a preset file could not be imported (``PresetImportError.key``)."""
        text = {
            "file_unreadable": self.tr("The file could not be read."),
            "file_too_large": self.tr("The file is too large to be a boundary preset."),
            "not_json": self.tr("The file is not a boundary preset: it is not JSON."),
            "wrong_format": self.tr("The file is not a TalentDesk boundary preset."),
            "newer_version": self.tr(
                "The file comes from a newer TalentDesk. Update TalentDesk to import it."
            ),
            "invalid": self.tr("The preset file has a mistake in it."),
        }.get(key, self.tr("The preset could not be imported."))
        if detail and key in ("invalid", "file_unreadable"):
            text += " " + self.tr("Details: %1").replace("%1", detail)
        return text

    def missing_blanks(self, names: tuple[str, ...]) -> str:
        """The blanks still to fill in before a reply can be copied."""
        return self.tr("Fill in first: %1").replace("%1", ", ".join(names))

    # ------------------------------------------------------------------ closing

    def checklist_item(self, key: str) -> str:
        """One step of the closing checklist."""
        return {
            CHECK_SEND_CLOSING_REPLY: self.tr("Send the closing reply"),
            CHECK_BLOCK_IN_CHAT: self.tr("Block the customer in your chat app"),
            CHECK_BLOCK_IN_CALLS: self.tr("Block the customer's number for calls"),
            CHECK_REMOVE_FROM_RECENTS: self.tr(
                "Remove the conversation and the number from your recent chats and calls"
            ),
        }.get(key, key)

    # ------------------------------------------------------------------ reply pace

    def message_in_button(self) -> str:
        """The "customer wrote" button's words, the same in every session window."""
        return self.tr("Message in")

    def replied_button(self) -> str:
        """The "I answered" button's words, the same in every session window."""
        return self.tr("Replied")

    def pace_message(self, message: PaceMessage | None) -> str:
        """The pace line's one sentence (empty when all is well)."""
        if message is None:
            return ""
        return {
            PaceMessage.RULE_BROKEN: self.tr(
                "The agency's reply-pace rule was broken in this session."
            ),
            PaceMessage.BREAKING_NOW: self.tr(
                "Answer now: this wait already breaks the agency's reply-pace rule."
            ),
            PaceMessage.ONE_MORE_BREAKS: self.tr(
                "Careful: one more slow reply breaks the agency's reply-pace rule."
            ),
            PaceMessage.SLOW_NOW: self.tr("This reply already counts as slow. Answer now."),
            PaceMessage.REPLY_SOON: self.tr("Reply soon: this wait is about to count as slow."),
        }[message]

    # ------------------------------------------------------------------ replies and boundaries

    def reply_style(self, style: ReplyStyle) -> str:
        """The kind of a ready reply."""
        return {
            ReplyStyle.POLITE: self.tr("Polite decline"),
            ReplyStyle.HUMOUR: self.tr("Humour"),
            ReplyStyle.ALTERNATIVE: self.tr("Offer an alternative"),
            ReplyStyle.OPENING: self.tr("Opening reply"),
            ReplyStyle.CLOSING: self.tr("Closing reply"),
        }[style]

    def answer(self, answer: BoundaryAnswer) -> str:
        """OK / ask me / never."""
        return {
            BoundaryAnswer.OK: self.tr("OK"),
            BoundaryAnswer.ASK: self.tr("Ask me"),
            BoundaryAnswer.NEVER: self.tr("Never"),
        }[answer]

    def answer_in(self, answer: BoundaryAnswer, language: str | None) -> str:
        """OK / ask me / never in ``language`` (a preset's own), whatever the app shows."""
        if language is None:
            return self.answer(answer)
        source = {
            BoundaryAnswer.OK: "OK",
            BoundaryAnswer.ASK: "Ask me",
            BoundaryAnswer.NEVER: "Never",
        }[answer]
        return translate_in(language, "SessionMessages", source)

    def source(self, source: Source, *, edited: bool = False) -> str:
        """Who wrote a reply or preset."""
        if source is Source.AGENCY:
            return self.tr("Agency")
        return self.tr("Mine · edited from the agency's") if edited else self.tr("Mine")

    def app_language(self) -> str:
        """The language the app shows ("id" or "en")."""
        return current_language()

    def language_name(self, code: str | None) -> str:
        """A language, named in the app's language."""
        return {
            "id": self.tr("Indonesian"),
            "en": self.tr("English"),
        }.get(code or "", self.tr("Any language"))
