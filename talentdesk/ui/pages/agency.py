"""Settings → Agency: pair with the agency's address and one-time code, see who you are, unpair.

Pairing runs on the bridge through the agency link; what went wrong is said
plainly (plain http refused and why, a code unknown, used or expired, an
agency that can't be reached), in the current language.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from talentdesk.sync.service import PairingInfo, SyncPhase, SyncStatus
from talentdesk.ui.agency_link import AgencyLink
from talentdesk.ui.sync_messages import SyncMessages
from talentdesk.ui.widgets import (
    Callout,
    Card,
    TranslatedWidget,
    ask_to_confirm,
    field_grid,
    make_button,
    make_label,
)

#: Longest pairing code accepted in the field (the agency's are "XXXX-XXXX").
MAX_CODE_CHARS = 64
MAX_URL_CHARS = 2048


def local_date_time(moment: datetime, date_format: str) -> str:
    """``moment`` in local time, in a Qt date format, with the app language's month names."""
    local = moment.astimezone()
    value = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
    return QLocale().toString(value, date_format)


class AgencySection(TranslatedWidget):
    """The Agency card of Settings: the pairing form, or who you are paired as and Unpair.

    Args:
        agency: the agency link of the unlocked vault; None shows the form, disabled.
    """

    def __init__(self, agency: AgencyLink | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agencySection")
        self._agency = agency
        self._words = SyncMessages(self)
        self._failure: tuple[Exception, str] | None = None
        self._missing_input = False
        self._attempt_url = ""
        self.unpair_dialog: QMessageBox | None = None
        self.heading = make_label("heading", name="agencyHeading")
        self.status = make_label("body", name="agencyStatus")
        self.explanation = make_label("muted", name="agencyExplanation")
        self.demo_note = Callout("note", name="agencyDemoNote")
        self.refused = Callout("warning", name="agencyTokenRefused")
        self.url_label = make_label("fieldLabel", wrap=False)
        self.url_field = QLineEdit()
        self.url_field.setObjectName("agencyUrl")
        self.url_field.setMaxLength(MAX_URL_CHARS)
        self.code_label = make_label("fieldLabel", wrap=False)
        self.code_field = QLineEdit()
        self.code_field.setObjectName("pairingCode")
        self.code_field.setMaxLength(MAX_CODE_CHARS)
        self.pair_button = make_button("primary", name="pairButton")
        self.error = Callout("error", name="pairingError")
        self.unpair_button = make_button(name="unpairButton")
        self.form = QWidget()
        self.form.setObjectName("pairingForm")
        self.paired_box = QWidget()
        self.paired_box.setObjectName("pairedBox")
        self._build_layout()
        self._connect_signals()
        if agency is not None and agency.demo is not None:
            self.url_field.setText(agency.demo.url)
        self.retranslate()

    def _build_layout(self) -> None:
        form = QVBoxLayout(self.form)
        form.setContentsMargins(0, 4, 0, 0)
        form.setSpacing(10)
        form.addLayout(
            field_grid([(self.url_label, self.url_field), (self.code_label, self.code_field)])
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.pair_button)
        buttons.addStretch(1)
        form.addLayout(buttons)
        form.addWidget(self.error)
        self.url_field.setMinimumWidth(320)
        self.code_field.setMinimumWidth(180)

        paired = QHBoxLayout(self.paired_box)
        paired.setContentsMargins(0, 4, 0, 0)
        paired.addWidget(self.unpair_button)
        paired.addStretch(1)

        card = Card(margins=22)
        card.body.setSpacing(10)
        for widget in (
            self.heading,
            self.status,
            self.explanation,
            self.demo_note,
            self.refused,
            self.form,
            self.paired_box,
        ):
            card.body.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)

    def _connect_signals(self) -> None:
        self.pair_button.clicked.connect(self._pair_clicked)
        self.code_field.returnPressed.connect(self._pair_clicked)
        self.unpair_button.clicked.connect(self._unpair_clicked)
        agency = self._agency
        if agency is not None:
            agency.pairing_changed.connect(self._pairing_changed)
            agency.pairing_failed.connect(self._pairing_failed)
            agency.busy_changed.connect(lambda _busy: self.retranslate())
            agency.status_changed.connect(self._status_changed)

    # ------------------------------------------------------------------ pairing

    def _pair_clicked(self) -> None:
        agency = self._agency
        if agency is None or agency.busy:
            return
        url, code = self.url_field.text().strip(), self.code_field.text().strip()
        self._failure = None
        self._missing_input = not (url and code)
        if not self._missing_input:
            self._attempt_url = url
            agency.pair(url, code)
        self.retranslate()

    def _pairing_changed(self, _info: PairingInfo | None) -> None:
        self._failure = None
        self._missing_input = False
        self.code_field.clear()
        self.retranslate()

    def _pairing_failed(self, exc: Exception) -> None:
        agency = self._agency
        url = self._attempt_url or (agency.demo.url if agency is not None and agency.demo else "")
        self._failure = (exc, url)
        self.retranslate()

    def _status_changed(self, _status: SyncStatus) -> None:
        self.retranslate()

    # ------------------------------------------------------------------ unpairing

    def _unpair_clicked(self) -> None:
        agency = self._agency
        if agency is None or agency.pairing is None or agency.busy:
            return
        self.unpair_dialog = ask_to_confirm(
            self,
            name="unpairDialog",
            title=self.tr("Unpair from the agency?"),
            text=self.tr("Unpair from %1?").replace("%1", agency.pairing.agency_name),
            details=self.tr(
                "New bookings stop arriving, and answers not yet delivered wait until you pair "
                "again. The bookings already here stay in your vault."
            ),
            confirm=self.tr("Unpair"),
            keep=self.tr("Stay paired"),
            decided=self._unpair_decided,
        )

    def _unpair_decided(self, unpair: bool) -> None:
        self.unpair_dialog = None
        if unpair and self._agency is not None:
            self._agency.unpair()

    # ------------------------------------------------------------------ texts

    def retranslate(self) -> None:
        agency = self._agency
        pairing = agency.pairing if agency is not None else None
        busy = agency is not None and agency.busy
        self.heading.setText(self.tr("Agency"))
        self.url_label.setText(self.tr("Agency address"))
        self.code_label.setText(self.tr("One-time code"))
        self.url_field.setPlaceholderText("https://agency.example.com")
        self.code_field.setPlaceholderText("ABCD-EFGH")
        self.pair_button.setText(self.tr("Pairing…") if busy else self.tr("Pair with agency"))
        self.unpair_button.setText(self.tr("Unpair…"))
        if pairing is None:
            self.status.setText(self.tr("Not paired with an agency yet."))
            self.explanation.setText(
                self.tr(
                    "Your agency gives you its address and a one-time code. Once paired, your "
                    "bookings arrive here and your answers reach the agency."
                )
            )
        else:
            self.status.setText(
                self.tr("Paired as %1 with %2.")
                .replace("%1", pairing.talent_name)
                .replace("%2", pairing.agency_name)
            )
            self.explanation.setText(
                self.tr("Agency address: %1 · paired on %2")
                .replace("%1", pairing.agency_url)
                .replace(
                    "%2",
                    # Translators: a Qt date format (Indonesian writes "d MMM yyyy, HH.mm").
                    local_date_time(pairing.paired_at, self.tr("d MMM yyyy, HH:mm")),
                )
            )
        self.form.setVisible(pairing is None)
        self.paired_box.setVisible(pairing is not None)
        for widget in (self.url_field, self.code_field, self.pair_button):
            widget.setEnabled(agency is not None and not busy)
        self.unpair_button.setEnabled(agency is not None and not busy)
        demo = agency.demo if agency is not None else None
        self.demo_note.setVisible(demo is not None and bool(demo.url))
        if demo is not None:
            self.demo_note.setText(
                self.tr(
                    "DEMO: the sample agency runs on this computer (%1) and sends sample "
                    "bookings. TalentDesk pairs with it by itself."
                ).replace("%1", demo.url)
            )
        refused = (
            pairing is not None
            and agency is not None
            and agency.status.phase is SyncPhase.UNAUTHORIZED
        )
        self.refused.setVisible(refused)
        if pairing is not None:
            self.refused.setText(
                self.tr(
                    "%1 no longer accepts this device's token. Unpair, then pair again with a "
                    "new code from your agency."
                ).replace("%1", pairing.agency_name)
            )
        if self._missing_input:
            message = self.tr("Type your agency's address and the one-time code it gave you.")
        elif self._failure is not None:
            message = self._words.pairing_error(*self._failure)
        else:
            message = ""
        self.error.setText(message)
        self.error.setVisible(bool(message))
