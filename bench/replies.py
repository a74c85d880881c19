"""Decline replies: search as the talent types, and a click to the filled text on the clipboard.

- Search over 2,000 replies, per keystroke (each prefix of a few typed queries), p95.
  Target: at most 16 ms.
- Click on a reply to the filled text on the clipboard (ReplyBook.copy + Qt's clipboard,
  as the reply list's click handler does), p95. Target: at most 16 ms.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from pathlib import Path

from bench._support import ensure_keyring, report
from talentdesk.domain import ReplyStyle
from talentdesk.sessions.replies import ReplyBook, ReplyValues
from talentdesk.vault import Vault, forget_keys

REPLIES = 2_000
_SAMPLE = (
    "maaf aku nggak bisa berbagi kontak pribadi semua obrolan lewat agensi ya sesi kita "
    "sudah selesai makasih banyak sampai jumpa lagi kalau mau tambah waktu pesan lewat "
    "agensi sorry i cannot share my personal contact let us keep chatting here thank you"
)
WORDS = tuple(_SAMPLE.split(" "))
TYPED = ("kontak", "/tol", "sesi selesai", "agensi", "thank", "maaf ya")


def main() -> None:
    ensure_keyring()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "vault.sqlite3")
        book = ReplyBook(vault)
        styles = list(ReplyStyle)
        with vault.transaction():
            for i in range(REPLIES):
                text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
                book.create(
                    style=styles[i % len(styles)],
                    language="id" if i % 3 else "en",
                    text=f"{text} {{talent}} {{minutes_left|sebentar lagi}}",
                    shortcode=f"r{i}",
                )
        keystrokes = []
        for query in TYPED:
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                book.search(query[:end], "id")
                keystrokes.append((time.perf_counter() - start) * 1000)
        report(f"search over {REPLIES} replies, per keystroke", keystrokes, target_ms=16)

        from PySide6.QtCore import QMimeData
        from PySide6.QtWidgets import QApplication

        app = QApplication([])
        clipboard = app.clipboard()
        values = ReplyValues(talent="Sari", minutes_left=12, package="Teman Curhat 30 menit")
        hits = [h.reply.id for h in book.search("", "id", limit=200)]
        clicks = []
        for reply_id in hits:
            start = time.perf_counter()
            text = book.copy(reply_id, values)
            mime = QMimeData()
            mime.setText(text)
            clipboard.setMimeData(mime)
            clicks.append((time.perf_counter() - start) * 1000)
        assert clipboard.text().startswith(text[:20])
        report(
            f"click to filled text on the clipboard ({len(clicks)} clicks)", clicks, target_ms=16
        )
        forget_keys(vault.info)
        vault.close()


if __name__ == "__main__":
    main()
