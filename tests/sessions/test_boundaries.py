"""Boundary presets: agency vs personal, copy on edit, the active preset, export and import."""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import msgspec
import pytest

from talentdesk.domain import BoundaryAnswer, BoundaryItem, BoundaryPreset, Source
from talentdesk.sessions.bookings import Bookings
from talentdesk.sessions.boundaries import (
    COPY_PREFIX,
    MAX_FILE_BYTES,
    BoundaryBook,
    BoundaryError,
    PresetImportError,
    copy_of,
    read_preset_file,
)
from talentdesk.sessions.replies import ReplyBook
from talentdesk.sessions.settings import load_settings
from talentdesk.sync.apply import apply_page
from talentdesk.vault import Vault
from talentdesk.vault.records import RecordStore
from talentdesk_agency.defaults import default_config
from talentdesk_contract import wire
from tests.sessions.conftest import Desk


@pytest.fixture
def book(desk: Desk) -> BoundaryBook:
    """The reference agency's defaults, applied as the feed would."""
    page = wire.FeedPage(
        events=(
            wire.FeedEvent(
                seq=1,
                type="config.updated",
                at=datetime.now(UTC),
                data=msgspec.Raw(wire.encode(default_config())),
            ),
        ),
        cursor=1,
    )
    apply_page(desk.vault, page)
    return BoundaryBook(desk.vault)


def test_agency_presets_arrive_and_one_call_activates(book: BoundaryBook, desk: Desk) -> None:
    presets = book.presets()
    assert {p.id for p in presets} == {
        "agency-standar",
        "agency-standard",
        "agency-chat-saja",
        "agency-chat-only",
    }
    assert all(p.source is Source.AGENCY for p in presets)
    assert book.active() is None
    active = book.activate("agency-chat-saja")
    assert active is not None
    assert book.active() == active
    assert load_settings(desk.vault).active_preset_id == "agency-chat-saja"
    # The booking desk reads the same setting for its boundary warnings.
    assert Bookings(desk.vault, desk.outbox).active_preset() == active
    with pytest.raises(BoundaryError) as missing:
        book.activate("agency-nope")
    assert missing.value.key == "preset_not_found"
    assert book.activate(None) is None
    assert book.active() is None


def test_editing_an_agency_preset_makes_a_personal_copy(book: BoundaryBook) -> None:
    book.activate("agency-standar")
    original = book.get("agency-standar")
    assert original is not None
    changed = book.set_answer("agency-standar", "service.call", BoundaryAnswer.ASK)
    assert changed.id == COPY_PREFIX + "agency-standar"
    assert copy_of(changed.id) == "agency-standar"
    assert copy_of("own-123") is None
    assert changed.source is Source.PERSONAL
    assert changed.name == original.name
    assert changed.answer_for("service.call") is BoundaryAnswer.ASK
    assert book.get("agency-standar") == original  # the agency's stays as it was
    active = book.active()
    assert active is not None
    assert active.id == changed.id  # the talent's change stays in force
    assert book.presets()[0].id == changed.id  # own first

    # Editing the agency preset again changes the same copy.
    again = book.set_answer("agency-standar", "topic.sexual", BoundaryAnswer.NEVER)
    assert again.id == changed.id
    assert again.answer_for("service.call") is BoundaryAnswer.ASK
    renamed = book.rename(changed.id, "  Standar (punyaku)  ")
    assert renamed.name == "Standar (punyaku)"

    # Deleting the copy puts the agency original back in force.
    with pytest.raises(BoundaryError) as refused:
        book.delete("agency-standar")
    assert refused.value.key == "agency_preset"
    book.delete(changed.id)
    back = book.active()
    assert back is not None
    assert back.id == "agency-standar"
    with pytest.raises(BoundaryError):
        book.delete(changed.id)


def test_items_and_their_decline_replies(book: BoundaryBook, desk: Desk) -> None:
    replies = ReplyBook(desk.vault)
    linked = book.replies_for("agency-standar", "topic.meet_offline")
    assert [r.id for r in linked] == ["agency-id-offline", "agency-id-alternative"]
    # The talent's wording of a linked agency reply is what gets suggested.
    edit = replies.edit("agency-id-offline", text="Aku cuma nemenin lewat chat dan telepon ya.")
    linked = book.replies_for("agency-standar", "topic.meet_offline")
    assert [r.id for r in linked] == [edit.id, "agency-id-alternative"]

    mine = book.duplicate("agency-standar", "Malam santai")
    assert mine.id.startswith("own-")
    assert mine.items == book.get("agency-standar").items  # type: ignore[union-attr]
    mine = book.add_item(mine.id, "topic.ex_partner", "Cerita soal mantan", BoundaryAnswer.NEVER)
    assert book.nevers_without_replies(mine.id) == ("topic.ex_partner",)
    mine = book.link_replies(mine.id, "topic.ex_partner", ["agency-id-humour", "agency-id-humour"])
    assert book.nevers_without_replies(mine.id) == ()
    assert [r.id for r in book.replies_for(mine.id, "topic.ex_partner")] == ["agency-id-humour"]
    mine = book.remove_item(mine.id, "session.extend")
    assert mine.answer_for("session.extend") is None

    refusals: list[tuple[Callable[[], object], str]] = [
        (
            lambda: book.add_item(mine.id, "topic.ex_partner", "Lagi", BoundaryAnswer.OK),
            "item_exists",
        ),
        (lambda: book.add_item(mine.id, "Bad Key", "Label"), "key_invalid"),
        (lambda: book.add_item(mine.id, "topic.x", "   "), "label_invalid"),
        (lambda: book.set_answer(mine.id, "topic.none", BoundaryAnswer.OK), "item_not_found"),
        (lambda: book.remove_item(mine.id, "topic.none"), "item_not_found"),
        (
            lambda: book.link_replies(mine.id, "topic.sexual", [f"r{n}" for n in range(11)]),
            "too_many_replies",
        ),
        (lambda: book.rename(mine.id, ""), "name_invalid"),
        (lambda: book.create("x" * 81), "name_invalid"),
        (lambda: book.replies_for("agency-nope", "x"), "preset_not_found"),
    ]
    for call, key in refusals:
        with pytest.raises(BoundaryError) as refused:
            call()
        assert refused.value.key == key
    too_many = [BoundaryItem(key=f"k.{n}", label="L", answer=BoundaryAnswer.OK) for n in range(51)]
    with pytest.raises(BoundaryError) as refused:
        book.create("Besar", too_many)
    assert refused.value.key == "too_many_items"
    assert book.problems() == []


# --------------------------------------------------------------------------- files


def test_export_and_import_round_trip(book: BoundaryBook, tmp_path: Path) -> None:
    mine = book.set_answer("agency-chat-only", "service.video", BoundaryAnswer.ASK)
    target = tmp_path / "exports" / "chat-only.json"
    book.export(mine.id, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in target.parent.iterdir()] == ["chat-only.json"]  # no temp left
    document = json.loads(target.read_text("utf-8"))
    assert document["format"] == "talentdesk.boundary-preset"
    assert document["version"] == 1
    assert "id" not in document  # ids are this app's business

    result = book.import_file(target)
    imported = result.preset
    assert imported.id.startswith("own-")
    assert imported.id != mine.id
    assert imported.source is Source.PERSONAL
    assert imported.name == mine.name
    assert imported.items == mine.items
    assert result.dropped_reply_links == 0
    renamed = book.import_file(target, name="Dari laptop lama").preset
    assert renamed.name == "Dari laptop lama"
    book.export(mine.id, target)  # exporting again replaces the file in place


def test_import_never_overwrites_an_agency_preset(book: BoundaryBook, tmp_path: Path) -> None:
    before = {p.id: p for p in book.presets()}
    agency = before["agency-standar"]
    path = tmp_path / "standar.json"
    book.export("agency-standar", path)
    document = json.loads(path.read_text("utf-8"))
    document["items"][0]["answer"] = "never"
    document["items"][0]["decline_reply_ids"] = ["agency-id-polite", "own-i-do-not-exist"]
    path.write_text(json.dumps(document), "utf-8")
    result = book.import_file(path)
    assert result.dropped_reply_links == 1
    assert result.preset.items[0].decline_reply_ids == ("agency-id-polite",)
    after = {p.id: p for p in book.presets()}
    assert after["agency-standar"] == agency
    assert set(after) == set(before) | {result.preset.id}
    # A file that tries to name an id is refused outright.
    document["id"] = "agency-standar"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(PresetImportError) as refused:
        book.import_file(path)
    assert refused.value.key == "invalid"
    assert "id" in refused.value.detail


def valid_document() -> dict[str, object]:
    return {
        "format": "talentdesk.boundary-preset",
        "version": 1,
        "name": "Preset",
        "items": [{"key": "service.call", "label": "Telepon", "answer": "ok"}],
    }


@pytest.mark.parametrize(
    ("content", "key"),
    [
        (b"", "not_json"),
        (b"{not json", "not_json"),
        (b"[1, 2]", "wrong_format"),
        (json.dumps({**valid_document(), "format": "something-else"}).encode(), "wrong_format"),
        (json.dumps({**valid_document(), "version": 2}).encode(), "newer_version"),
        (json.dumps({**valid_document(), "version": "1"}).encode(), "invalid"),
        (json.dumps({**valid_document(), "extra": True}).encode(), "invalid"),
        (json.dumps({**valid_document(), "name": ""}).encode(), "invalid"),
        (
            json.dumps(
                {**valid_document(), "items": [{"key": "x", "label": "y", "answer": "maybe"}]}
            ).encode(),
            "invalid",
        ),
        (
            json.dumps(
                {**valid_document(), "items": [{"key": "UPPER", "label": "y", "answer": "ok"}]}
            ).encode(),
            "invalid",
        ),
        (
            json.dumps(
                {
                    **valid_document(),
                    "items": [{"key": "a", "label": "y", "answer": "ok"}] * 2,
                }
            ).encode(),
            "invalid",
        ),
        (
            json.dumps(
                {
                    **valid_document(),
                    "items": [{"key": f"k{n}", "label": "y", "answer": "ok"} for n in range(51)],
                }
            ).encode(),
            "invalid",
        ),
    ],
)
def test_import_refuses_bad_files_clearly(tmp_path: Path, content: bytes, key: str) -> None:
    path = tmp_path / "preset.json"
    path.write_bytes(content)
    with pytest.raises(PresetImportError) as refused:
        read_preset_file(path)
    assert refused.value.key == key


def test_a_refused_import_adds_nothing(book: BoundaryBook, tmp_path: Path) -> None:
    path = tmp_path / "preset.json"
    document = valid_document()
    document["items"] = [{"key": "a", "label": "y", "answer": "ok"}] * 2
    path.write_text(json.dumps(document), "utf-8")
    count = len(book.presets())
    with pytest.raises(PresetImportError) as refused:
        book.import_file(path)
    assert refused.value.key == "invalid"
    assert "duplicate item key" in refused.value.detail
    assert len(book.presets()) == count


def test_import_size_cap_bom_and_missing_file(book: BoundaryBook, tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    document = valid_document()
    document["name"] = "x"
    padding = " " * (MAX_FILE_BYTES + 1)
    big.write_text(json.dumps(document) + padding, "utf-8")
    with pytest.raises(PresetImportError) as refused:
        book.import_file(big)
    assert refused.value.key == "file_too_large"
    with pytest.raises(PresetImportError) as refused:
        book.import_file(tmp_path / "missing.json")
    assert refused.value.key == "file_unreadable"
    with_bom = tmp_path / "notepad.json"
    with_bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(valid_document()).encode())
    assert book.import_file(with_bom).preset.name == "Preset"


def test_a_preset_is_a_domain_preset(book: BoundaryBook) -> None:
    made = book.create(
        "Baru",
        [BoundaryItem(key="service.chat", label="Chat", answer=BoundaryAnswer.OK)],
    )
    assert isinstance(made, BoundaryPreset)
    assert book.get(made.id) == made
    with pytest.raises(BoundaryError) as refused:
        book.export("agency-nope", Path("unused.json"))
    assert refused.value.key == "preset_not_found"


def test_editing_an_agency_preset_keeps_its_language(tmp_path: Path) -> None:
    vault = Vault.create(tmp_path / "vault.sqlite3", passphrase="boundary passphrase")
    store = RecordStore(vault)
    store.save(
        BoundaryPreset(
            id="agency-standard-id",
            name="Standar",
            source=Source.AGENCY,
            language="id",
            items=(BoundaryItem(key="service.call", label="Telepon", answer=BoundaryAnswer.OK),),
        )
    )
    book = BoundaryBook(vault)
    changed = book.set_answer("agency-standard-id", "service.call", BoundaryAnswer.NEVER)
    assert changed.source is Source.PERSONAL
    assert changed.language == "id"
    renamed = book.rename(changed.id, "Standar malam ini")
    assert renamed.language == "id"
    vault.close()
