"""The clipboard: a handle goes on it marked secret and comes off after 30 s, if still there."""

from __future__ import annotations

import struct

from PySide6.QtGui import QClipboard, QGuiApplication
from pytestqt.qtbot import QtBot

from talentdesk.ui.clipboard import (
    KDE_HINT,
    MAC_CONCEALED,
    SECRET_SECONDS,
    WINDOWS_CLOUD,
    WINDOWS_EXCLUDE,
    WINDOWS_HISTORY,
    SecretClipboard,
    is_marked_secret,
    secret_mime_data,
)

HANDLE = "@contoh.kucing.oranye"


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def system_text() -> str:
    return QGuiApplication.clipboard().text(QClipboard.Mode.Clipboard)


def test_secret_mime_data_carries_every_platforms_mark(qapp: object) -> None:
    mime = secret_mime_data(HANDLE)
    assert mime.text() == HANDLE
    assert bytes(mime.data(KDE_HINT).data()) == b"secret"
    assert WINDOWS_EXCLUDE == (
        'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"'
    )
    assert mime.hasFormat(WINDOWS_EXCLUDE)
    assert struct.unpack("<I", bytes(mime.data(WINDOWS_HISTORY).data())) == (0,)
    assert struct.unpack("<I", bytes(mime.data(WINDOWS_CLOUD).data())) == (0,)
    assert mime.hasFormat(MAC_CONCEALED)
    assert is_marked_secret(mime)


def test_a_handle_is_marked_and_cleared_after_thirty_seconds(qtbot: QtBot) -> None:
    clock = Clock()
    clipboard = SecretClipboard(clock=clock, check_ms=10)
    with qtbot.waitSignal(clipboard.copied) as copied:
        clipboard.copy_secret(HANDLE)
    assert copied.args == [True]
    assert system_text() == HANDLE
    assert is_marked_secret(QGuiApplication.clipboard().mimeData())
    assert clipboard.holds_secret
    assert clipboard.seconds_left() == SECRET_SECONDS == 30.0

    clock.now += 29.9
    qtbot.wait(50)  # the timer looks several times: still there
    assert system_text() == HANDLE
    with qtbot.waitSignal(clipboard.secret_cleared, timeout=2000) as cleared:
        clock.now += 0.2
    assert cleared.args == ["expired"]
    assert system_text() == ""
    assert not clipboard.holds_secret


def test_something_copied_since_is_left_alone(qtbot: QtBot) -> None:
    clock = Clock()
    clipboard = SecretClipboard(clock=clock, check_ms=10_000)
    clipboard.copy_secret(HANDLE)
    QGuiApplication.clipboard().setText("catatan pribadi")
    clock.now += 31
    clipboard.check()
    assert system_text() == "catatan pribadi"
    assert not clipboard.clear_secret("quit")
    assert system_text() == "catatan pribadi"


def test_cleared_early_when_the_session_is_over_or_at_quit(qtbot: QtBot) -> None:
    clipboard = SecretClipboard(clock=Clock())
    for reason in ("session_over", "locked", "quit"):
        clipboard.copy_secret(HANDLE)
        with qtbot.waitSignal(clipboard.secret_cleared) as cleared:
            assert clipboard.clear_secret(reason)
        assert cleared.args == [reason]
        assert system_text() == ""
    assert not clipboard.clear_secret("quit")  # nothing of ours left


def test_a_reply_is_plain_text_and_replaces_a_secret(qtbot: QtBot) -> None:
    clipboard = SecretClipboard(clock=Clock())
    clipboard.copy_secret(HANDLE)
    clipboard.copy_text("Maaf ya, untuk hal itu aku nggak bisa.")
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == "Maaf ya, untuk hal itu aku nggak bisa."
    assert not is_marked_secret(mime)
    assert not clipboard.holds_secret
    assert clipboard.seconds_left() == 0.0


def test_the_handle_itself_is_not_kept_by_the_clipboard_object(qtbot: QtBot) -> None:
    clipboard = SecretClipboard(clock=Clock())
    clipboard.copy_secret(HANDLE)
    assert all(HANDLE not in repr(value) for value in vars(clipboard).values())
    clipboard.clear_secret()


REPLY = "Halo Kak Sentinel-Balasan-7731, aku siap nemenin kamu malam ini."


def test_a_session_reply_is_cleared_when_the_session_ends(qtbot: QtBot) -> None:
    clipboard = SecretClipboard(clock=Clock())
    clipboard.copy_text(REPLY, session=True)
    assert system_text() == REPLY
    with qtbot.waitSignal(clipboard.secret_cleared) as cleared:
        assert clipboard.end_session()
    assert cleared.args == ["session_over"]
    assert system_text() == ""
    assert not clipboard.end_session()  # nothing of the session is left to clear


def test_what_the_talent_copied_after_a_session_reply_is_left_alone(qtbot: QtBot) -> None:
    clipboard = SecretClipboard(clock=Clock())
    clipboard.copy_text(REPLY, session=True)
    QGuiApplication.clipboard().setText("catatan pribadi")
    assert not clipboard.end_session()
    assert system_text() == "catatan pribadi"


def test_text_copied_outside_a_session_is_not_cleared(qtbot: QtBot) -> None:
    clipboard = SecretClipboard(clock=Clock())
    clipboard.copy_text("Template tanpa data pelanggan", session=False)
    assert not clipboard.end_session()
    assert system_text() == "Template tanpa data pelanggan"
