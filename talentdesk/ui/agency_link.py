"""The link with the agency as the window shows it: pairing, the sync status, busy.

:class:`AgencyLink` is UI state over the workspace of one unlocked vault: the newest sync
status and pairing delivered to the GUI thread, whether pairing or unpairing is under
way, and the signals the pages follow. The rules (pairing, what tonight's bookings are,
the settings transaction) are the workspace's; this only runs them on the bridge and
says what changed, always on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from talentdesk.ui.bridge import WorkspaceBridge

if TYPE_CHECKING:
    from talentdesk.sync.pairing import PairingInfo
    from talentdesk.sync.status import SyncStatus
    from talentdesk.workspace import Changes, DemoAgency, Workspace

log = logging.getLogger(__name__)


class AgencyLink(QObject):
    """The agency side of one unlocked vault, for the pages: pairing, status, news.

    Args:
        view: the workspace on the GUI thread (its change event, its runner).

    Attributes:
        workspace: the workspace (call its blocking methods through :attr:`run`).
        run: runs blocking work on the bridge (:meth:`WorkspaceBridge.run`).

    Signals:
        status_changed(object): the newest ``SyncStatus``.
        pairing_changed(object): ``PairingInfo`` after pairing; None after unpairing.
        pairing_failed(object): the exception a pairing or unpairing ended with.
        busy_changed(bool): pairing or unpairing started (True) or ended (False).
        bookings_changed(): bookings changed (a feed page, an answer, a session).
        outbox_changed(): an outbox item was added or moved on (queued, delivered...).
    """

    status_changed = Signal(object)
    pairing_changed = Signal(object)
    pairing_failed = Signal(object)
    busy_changed = Signal(bool)
    bookings_changed = Signal()
    outbox_changed = Signal()

    def __init__(self, view: WorkspaceBridge, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.workspace: Workspace = view.workspace
        self.run = view.run
        self._pairing = self.workspace.pairing()
        self._status = self.workspace.sync_status()
        self._busy = False
        self._releaser: threading.Thread | None = None
        view.changed.connect(self._changed)

    # ------------------------------------------------------------------ state

    @property
    def demo(self) -> DemoAgency | None:
        """The sample agency of a demo run, or None."""
        return self.workspace.demo

    @property
    def clock(self) -> Callable[[], float]:
        """The monotonic clock of the sync status (``SyncStatus.retry_at`` is on it)."""
        return self.workspace.sync_tuning.clock

    @property
    def status(self) -> SyncStatus:
        """The newest sync status delivered to the GUI thread."""
        return self._status

    @property
    def pairing(self) -> PairingInfo | None:
        """Who the app is paired as, and with which agency; None when not paired."""
        return self._pairing

    @property
    def busy(self) -> bool:
        """True while pairing or unpairing."""
        return self._busy

    @property
    def closed(self) -> bool:
        """True once released: nothing more is emitted or started."""
        return self.view.closed

    def _changed(self, changes: Changes) -> None:
        if changes.pairing:  # pairing_changed follows when the pairing call returns
            self._pairing = self.workspace.pairing()
        if changes.sync_status:
            self._status = self.workspace.sync_status()
            self.status_changed.emit(self._status)
        if changes.bookings:
            self.bookings_changed.emit()
        if changes.outbox:
            self.outbox_changed.emit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy_changed.emit(busy)

    # ------------------------------------------------------------------ sync and pairing

    def start(self) -> None:
        """Start syncing when paired (on the bridge); a demo run pairs with its agency first."""
        if self.closed:
            return
        workspace = self.workspace
        demo = workspace.demo_pairing()
        if demo is not None:
            self.pair(*demo)
            return
        self.run(workspace.start_sync, lambda _started: None)

    def retry_now(self) -> None:
        """Ask the agency again at once (the status line's "Retry now")."""
        if not self.closed:
            self.workspace.retry_sync_now()

    def pair(self, agency_url: str, code: str) -> None:
        """Pair with an agency on the bridge; then sync starts.

        The outcome arrives as ``pairing_changed`` or ``pairing_failed``.
        """
        if self.closed or self._busy:
            return
        self._set_busy(True)
        workspace = self.workspace

        def paired(info: PairingInfo) -> None:
            self._pairing = info
            self._set_busy(False)
            self.pairing_changed.emit(info)

        def failed(exc: Exception) -> None:
            log.info("pairing failed: %s", type(exc).__name__)
            self._set_busy(False)
            self.pairing_failed.emit(exc)

        self.run(lambda: workspace.pair(agency_url, code), paired, failed)

    def unpair(self) -> None:
        """Stop syncing and forget the device token and the pairing, on the bridge."""
        if self.closed or self._busy:
            return
        self._set_busy(True)

        def done(_: None) -> None:
            self._pairing = None
            self._set_busy(False)
            self.pairing_changed.emit(None)

        def failed(exc: Exception) -> None:
            log.warning("unpairing failed: %s", type(exc).__name__)
            self._set_busy(False)
            self.pairing_failed.emit(exc)

        self.run(self.workspace.unpair, done, failed)

    # ------------------------------------------------------------------ release

    def release(self, then: Callable[[], None]) -> None:
        """Close the workspace, then call ``then`` on the GUI thread (where the vault may close).

        A long-poll in flight is not cut short by the sync service, so the workspace
        is closed on a helper thread and the window does not freeze meanwhile. When
        nothing runs, ``then`` is called at once.
        """
        self.view.close()
        workspace = self.workspace
        if not workspace.syncing:
            workspace.close()
            then()
            return
        bridge = self.view.bridge

        def stop() -> None:
            workspace.close()
            bridge.post(then)

        self._releaser = threading.Thread(target=stop, name="sync-release", daemon=True)
        self._releaser.start()

    def release_now(self) -> None:
        """Close the workspace and wait until sync has stopped (at quit, no event loop runs)."""
        self.view.close()
        if self._releaser is not None:
            self._releaser.join(self.workspace.sync_tuning.stop_timeout)
        else:
            self.workspace.close()
