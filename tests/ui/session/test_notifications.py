"""The notifier: the tray where there is one, else banners; looked for only when needed."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from talentdesk.ui.session.notifications import Notice, Notifier


def no_tray(asked: list[bool]) -> Callable[[], bool]:
    """A desktop without a tray that notes each time it is asked."""

    def tray_available() -> bool:
        asked.append(True)
        return False

    return tray_available


def test_the_tray_is_looked_for_once_and_not_when_the_notifier_is_made(qtbot: QtBot) -> None:
    asked: list[bool] = []
    notifier = Notifier(tray_available=no_tray(asked))
    # Asking the X server for a tray is on the way to the first window: not yet.
    assert (notifier.looked_for_tray, asked) == (False, [])

    notifier.put_up()
    notifier.put_up()
    assert asked == [True]
    assert notifier.looked_for_tray
    assert not notifier.uses_tray


def test_the_first_notice_looks_for_the_tray_and_falls_back_to_a_banner(qtbot: QtBot) -> None:
    asked: list[bool] = []
    notifier = Notifier(tray_available=no_tray(asked))
    notice = Notice("reminder:BK-1", lambda: ("Segera mulai", "Booking 21:00"))
    with qtbot.waitSignal(notifier.banner_requested) as shown:
        notifier.tell(notice)
    assert shown.args == [notice]
    assert asked == [True]
    notifier.discard()  # no tray was put up: nothing to take away, no error


def test_where_there_is_a_tray_notices_go_there_not_to_a_banner(qtbot: QtBot) -> None:
    notifier = Notifier(tray_available=lambda: True)
    assert not notifier.looked_for_tray  # not when the notifier is made
    notice = Notice("reminder:BK-1", lambda: ("Segera mulai", "Booking 21:00"))
    with qtbot.assertNotEmitted(notifier.banner_requested):
        notifier.tell(notice)
    tray = notifier.tray
    assert tray is not None and notifier.uses_tray
    assert tray.toolTip() == "TalentDesk"
    assert tray.isVisible()
    notifier.discard()
    assert not tray.isVisible()
