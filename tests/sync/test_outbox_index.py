"""The outbox's index (sending, counting and finding without reading every item), and what
a session's shred keeps of the items typed during it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import msgspec
import pytest

from talentdesk.sync.outbox import KIND, Outbox, OutboxState
from talentdesk.sync.requests import AnswerBooking, FileReport, RaiseEscalation
from talentdesk.vault import Vault
from talentdesk_contract import wire
from talentdesk_contract.values import BookingAnswer, ReportCategory

AT = datetime(2026, 11, 22, 14, 0, tzinfo=UTC)
PASSPHRASE = "indeks kotak keluar"
SENTINEL = "SENTINEL-note-51ab"


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    v = Vault.create(data_dir / "vault.sqlite3", passphrase=PASSPHRASE)
    yield v
    v.close()


def escalation(note: str | None = None) -> RaiseEscalation:
    return RaiseEscalation(body=wire.EscalationRequest(level="urgent", at=AT, note=note))


def answer(booking_id: str, accept: bool = True) -> AnswerBooking:
    verdict = BookingAnswer.ACCEPT if accept else BookingAnswer.DECLINE
    reason = None if accept else "busy"
    return AnswerBooking(
        booking_id=booking_id, body=wire.BookingAnswerRequest(answer=verdict, reason=reason)
    )


def test_sending_and_counting_read_only_what_is_queued(
    vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    outbox = Outbox(vault)
    items = [outbox.enqueue(escalation(), ref=f"esc-{n}") for n in range(30)]
    for item in items[:25]:
        outbox.mark_delivered(item, b'{"id": "R-%d"}' % items.index(item), f"R-{items.index(item)}")
    outbox.mark_failed(items[25], "refused")
    assert outbox.counts() == (4, 1)
    assert outbox.waiting() == 4

    read: list[str] = []
    real_get = vault.get

    def counting_get(kind: str, record_id: str) -> bytes | None:
        read.append(record_id)
        return real_get(kind, record_id)

    monkeypatch.setattr(vault, "read_all", lambda _kind: pytest.fail("scanned every item"))
    monkeypatch.setattr(vault, "get", counting_get)
    pending = outbox.pending()
    assert [i.id for i in pending] == [i.id for i in items[26:]]
    assert sorted(read) == sorted(i.id for i in items[26:])
    found = outbox.find_by_remote_id("R-7")
    assert found is not None and found.id == items[7].id
    assert outbox.state_of(items[25].id) is OutboxState.FAILED
    assert outbox.entry(items[0].id) is not None
    assert outbox.counts() == (4, 1)


def test_the_newest_answer_about_each_booking(vault: Vault) -> None:
    outbox = Outbox(vault)
    outbox.enqueue(answer("bk-1", accept=False), ref="bk-1")
    newest = outbox.enqueue(answer("bk-1"), ref="bk-1")
    other = outbox.enqueue(answer("bk-2"), ref="bk-2")
    outbox.enqueue(escalation(), ref="bk-1")  # another kind about the same ref
    latest = outbox.latest_for(answer("x").kind, ["bk-1", "bk-2", "bk-3"])
    assert {ref: item.id for ref, item in latest.items()} == {"bk-1": newest.id, "bk-2": other.id}


def test_another_outbox_over_the_vault_is_seen(vault: Vault) -> None:
    first, second = Outbox(vault), Outbox(vault)
    assert first.counts() == (0, 0)
    second.enqueue(escalation(), ref="esc-1")  # the first one's index never saw it
    assert first.counts() == (1, 0)
    assert [i.ref for i in first.pending()] == ["esc-1"]


def test_a_rolled_back_enqueue_leaves_nothing_in_the_index(vault: Vault) -> None:
    outbox = Outbox(vault)
    outbox.enqueue(escalation(), ref="kept")
    with pytest.raises(RuntimeError), vault.transaction():
        outbox.enqueue(escalation(), ref="lost")
        raise RuntimeError("boom")
    assert [i.ref for i in outbox.pending()] == ["kept"]
    assert outbox.counts() == (1, 0)


def test_typed_items_are_sealed_with_the_session_and_kept_by_its_shred(vault: Vault) -> None:
    outbox = Outbox(vault)
    vault.put_customer("bk-1", "customer_contact", "bk-1", b"the customer")
    sent = outbox.enqueue(escalation(SENTINEL), ref="esc-1", seal_for="bk-1")
    waiting = outbox.enqueue(
        FileReport(
            body=wire.ReportRequest(
                session_id="bk-1",
                booking_id="bk-1",
                category=ReportCategory.INSULTS,
                description=SENTINEL,
                at=AT,
            )
        ),
        ref="inc-1",
        seal_for="bk-1",
    )
    assert vault.sealed_for(KIND, sent.id) == "bk-1"
    outbox.mark_delivered(sent, msgspec.json.encode({"id": "R-1", "note": SENTINEL}), "R-1")
    assert vault.sealed_for(KIND, sent.id) == "bk-1"  # moving on keeps its key

    vault.shred_booking("bk-1")

    kept = outbox.get(sent.id)
    assert kept is not None and kept.state is OutboxState.DELIVERED
    assert SENTINEL not in kept.body and SENTINEL not in (kept.response or "")
    assert kept.remote_id == "R-1"
    still = outbox.get(waiting.id)  # not delivered yet: kept whole, to be sent
    assert still is not None and SENTINEL in still.body
    assert vault.sealed_for(KIND, waiting.id) is None
    assert [i.id for i in outbox.pending()] == [waiting.id]
