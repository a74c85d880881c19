"""Boundary presets: the agency's defaults and the talent's own, kept apart.

* **Agency presets** (ids ``agency-…``) arrive with the agency's config and are
  replaced by the feed applier on every update; this module never writes them.
* **Personal presets** are the talent's. Editing an agency preset makes a personal
  copy (id ``own-of-<agency id>``, same name) and changes that; editing the agency
  preset again changes the same copy, and if the agency preset was the active one the
  copy becomes active. The agency original stays listed beside the copy.
* Each item is OK / ask me / never; a "never" item links the decline replies to
  suggest when a customer pushes on it (by reply slot, see
  :mod:`talentdesk.sessions.replies`, so the talent's edit of a linked agency reply is
  what is suggested).

Export writes one preset to a JSON file (atomically, 0600); import reads one back,
strictly validated and size-capped, always as a new personal preset, so an import can
never overwrite an agency preset (or any other).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Annotated, Final, Literal

import msgspec
from msgspec import Meta

from talentdesk.domain import (
    BoundaryAnswer,
    BoundaryItem,
    BoundaryPreset,
    DeclineReply,
    DomainError,
    Source,
)
from talentdesk.sessions._common import change_settings, is_agency_id, new_own_id
from talentdesk.sessions.replies import ReplyBook, slot_of
from talentdesk.sessions.settings import DeskSettings, load_settings
from talentdesk.vault import IntegrityProblem, RecordIntegrityError, Vault
from talentdesk.vault.paths import atomic_write
from talentdesk.vault.records import RecordStore

__all__ = [
    "COPY_PREFIX",
    "FILE_FORMAT",
    "FILE_VERSION",
    "MAX_FILE_BYTES",
    "MAX_ITEMS",
    "MAX_LINKED_REPLIES",
    "BoundaryBook",
    "BoundaryError",
    "ImportResult",
    "PresetFile",
    "PresetFileItem",
    "PresetImportError",
    "copy_of",
    "read_preset_file",
]

#: A personal copy of agency preset X has the id ``own-of-X``.
COPY_PREFIX: Final = "own-of-"
FILE_FORMAT: Final = "talentdesk.boundary-preset"
FILE_VERSION: Final = 1
#: An exported preset is a few KiB; anything near this is not one.
MAX_FILE_BYTES: Final = 256 * 1024
# The Agency API's limits, so a preset the talent makes could also come from an agency.
MAX_ITEMS: Final = 50
MAX_LINKED_REPLIES: Final = 10
MAX_NAME_CHARS: Final = 80
MAX_LABEL_CHARS: Final = 200

_KEY = re.compile(r"[a-z0-9_.]{1,64}")
_BOM = b"\xef\xbb\xbf"


class BoundaryError(ValueError):
    """A preset change the app refuses. ``key`` is a machine key the UI translates.

    Keys: ``preset_not_found``, ``agency_preset`` (agency presets are copied, not
    deleted), ``item_not_found``, ``item_exists``, ``key_invalid``, ``name_invalid``,
    ``label_invalid``, ``too_many_items``, ``too_many_replies``.
    """

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(f"{key}: {detail}" if detail else key)
        self.key = key
        self.detail = detail


class PresetImportError(ValueError):
    """A preset file that cannot be imported. ``key`` is a machine key the UI translates.

    Keys: ``file_unreadable``, ``file_too_large``, ``not_json``, ``wrong_format`` (not a
    TalentDesk preset file), ``newer_version`` (from a newer TalentDesk), ``invalid``
    (``detail`` says which field and why, never quoting more than the file's own text).
    """

    def __init__(self, key: str, detail: str = "") -> None:
        super().__init__(f"{key}: {detail}" if detail else key)
        self.key = key
        self.detail = detail


# --- the file format --------------------------------------------------------------------

_Key = Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[a-z0-9_.]+$")]
_ReplyId = Annotated[str, Meta(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_-]+$")]


class PresetFileItem(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """One item in a preset file."""

    key: _Key
    label: Annotated[str, Meta(min_length=1, max_length=MAX_LABEL_CHARS)]
    answer: BoundaryAnswer
    decline_reply_ids: Annotated[tuple[_ReplyId, ...], Meta(max_length=MAX_LINKED_REPLIES)] = ()


class PresetFile(msgspec.Struct, frozen=True, kw_only=True, forbid_unknown_fields=True):
    """An exported boundary preset (``*.json``). Unknown fields are refused."""

    format: Literal["talentdesk.boundary-preset"]
    version: Literal[1]
    name: Annotated[str, Meta(min_length=1, max_length=MAX_NAME_CHARS)]
    items: Annotated[tuple[PresetFileItem, ...], Meta(max_length=MAX_ITEMS)]


class ImportResult(msgspec.Struct, frozen=True, kw_only=True):
    """What an import made.

    Attributes:
        preset: The new personal preset.
        dropped_reply_links: Linked reply ids in the file that this app does not have
            (replies are not part of the file; links to them are kept only if they exist).
    """

    preset: BoundaryPreset
    dropped_reply_links: int = 0


def copy_of(preset_id: str) -> str | None:
    """The agency preset a personal copy was made from, or None."""
    if preset_id.startswith(COPY_PREFIX):
        original = preset_id[len(COPY_PREFIX) :]
        if is_agency_id(original):
            return original
    return None


# --- the boundary book ------------------------------------------------------------------


class BoundaryBook:
    """The talent's boundary presets over the vault.

    Args:
        vault: The open vault.
        replies: Used to resolve linked decline replies (a fresh one if omitted).
    """

    def __init__(self, vault: Vault, replies: ReplyBook | None = None) -> None:
        self.vault = vault
        self.store = RecordStore(vault)
        self.replies = replies or ReplyBook(vault)

    # ----------------------------------------------------------------- reading

    def presets(self) -> list[BoundaryPreset]:
        """Every preset, the talent's own first, each group by name."""
        items = self.store.load_all(BoundaryPreset).items
        items.sort(key=lambda p: (p.source is Source.AGENCY, p.name.casefold(), p.id))
        return items

    def problems(self) -> list[IntegrityProblem]:
        """Presets that could not be read, by name."""
        return self.store.load_all(BoundaryPreset).problems

    def get(self, preset_id: str) -> BoundaryPreset | None:
        """One preset, or None (also when it is damaged: see :meth:`problems`)."""
        try:
            return self.store.load(BoundaryPreset, preset_id)
        except RecordIntegrityError:
            return None

    def active(self) -> BoundaryPreset | None:
        """The preset in force, or None (none chosen, or the agency withdrew it)."""
        active_id = load_settings(self.vault).active_preset_id
        return None if active_id is None else self.get(active_id)

    def activate(self, preset_id: str | None) -> BoundaryPreset | None:
        """Choose the preset in force (None: no preset).

        Raises:
            BoundaryError: ``preset_not_found``.
        """
        with self.vault.transaction():
            preset = None
            if preset_id is not None:
                preset = self._require(preset_id)

            def choose(settings: DeskSettings) -> None:
                settings.active_preset_id = preset_id

            change_settings(self.vault, choose)
        return preset

    def replies_for(self, preset_id: str, key: str) -> list[DeclineReply]:
        """The decline replies linked to one item (the talent's edits stand in)."""
        item = _item(self._require(preset_id), key)
        return self.replies.resolve(item.decline_reply_ids)

    def nevers_without_replies(self, preset_id: str) -> tuple[str, ...]:
        """Keys of "never" items that link no existing reply, for the editor to point out."""
        preset = self._require(preset_id)
        return tuple(
            item.key
            for item in preset.items
            if item.answer is BoundaryAnswer.NEVER
            and not self.replies.resolve(item.decline_reply_ids)
        )

    # ----------------------------------------------------------------- editing

    def create(self, name: str, items: Iterable[BoundaryItem] = ()) -> BoundaryPreset:
        """A new personal preset.

        Raises:
            BoundaryError: ``name_invalid`` or an item problem.
        """
        preset = _validated(new_own_id(), name, tuple(items))
        self.store.save(preset)
        return preset

    def duplicate(self, preset_id: str, name: str | None = None) -> BoundaryPreset:
        """A new personal preset with the same items ("Standar" → a variant of it)."""
        source = self._require(preset_id)
        return self.create(name or source.name, source.items)

    def rename(self, preset_id: str, name: str) -> BoundaryPreset:
        """Rename; an agency preset is copied first."""
        return self._change(preset_id, lambda p: _validated(p.id, name, p.items, p.language))

    def set_answer(self, preset_id: str, key: str, answer: BoundaryAnswer) -> BoundaryPreset:
        """OK / ask me / never for one item; an agency preset is copied first.

        Raises:
            BoundaryError: ``preset_not_found`` or ``item_not_found``.
        """
        answer = BoundaryAnswer(answer)

        def change(preset: BoundaryPreset) -> BoundaryPreset:
            return _with_item(preset, key, lambda i: msgspec.structs.replace(i, answer=answer))

        return self._change(preset_id, change)

    def link_replies(self, preset_id: str, key: str, reply_ids: Iterable[str]) -> BoundaryPreset:
        """Set the decline replies an item suggests (in order); an agency preset is copied first.

        Raises:
            BoundaryError: ``preset_not_found``, ``item_not_found``, ``too_many_replies``.
        """
        ids = tuple(dict.fromkeys(reply_ids))
        if len(ids) > MAX_LINKED_REPLIES:
            raise BoundaryError("too_many_replies", str(MAX_LINKED_REPLIES))

        def change(preset: BoundaryPreset) -> BoundaryPreset:
            return _with_item(
                preset, key, lambda i: msgspec.structs.replace(i, decline_reply_ids=ids)
            )

        return self._change(preset_id, change)

    def add_item(
        self,
        preset_id: str,
        key: str,
        label: str,
        answer: BoundaryAnswer = BoundaryAnswer.ASK,
        reply_ids: Iterable[str] = (),
    ) -> BoundaryPreset:
        """Add a boundary question; an agency preset is copied first.

        Raises:
            BoundaryError: ``item_exists``, ``key_invalid``, ``label_invalid``,
                ``too_many_items``, ``too_many_replies``.
        """
        item = BoundaryItem(
            key=key, label=label, answer=BoundaryAnswer(answer), decline_reply_ids=tuple(reply_ids)
        )

        def change(preset: BoundaryPreset) -> BoundaryPreset:
            if preset.answer_for(key) is not None:
                raise BoundaryError("item_exists", key)
            return _validated(preset.id, preset.name, (*preset.items, item), preset.language)

        return self._change(preset_id, change)

    def remove_item(self, preset_id: str, key: str) -> BoundaryPreset:
        """Remove a boundary question; an agency preset is copied first."""

        def change(preset: BoundaryPreset) -> BoundaryPreset:
            _item(preset, key)
            items = tuple(i for i in preset.items if i.key != key)
            return _validated(preset.id, preset.name, items, preset.language)

        return self._change(preset_id, change)

    def delete(self, preset_id: str) -> None:
        """Delete a personal preset. If it was active, its agency original (if any) takes over.

        Raises:
            BoundaryError: ``agency_preset`` or ``preset_not_found``.
        """
        if is_agency_id(preset_id):
            raise BoundaryError("agency_preset", preset_id)
        with self.vault.transaction():
            if not self.store.delete(BoundaryPreset, preset_id):
                raise BoundaryError("preset_not_found", preset_id)
            original = copy_of(preset_id)
            fallback = original if original is not None and self.get(original) else None

            def step_back(settings: DeskSettings) -> None:
                if settings.active_preset_id == preset_id:
                    settings.active_preset_id = fallback

            change_settings(self.vault, step_back)

    # ----------------------------------------------------------------- files

    def export(self, preset_id: str, path: Path) -> None:
        """Write one preset to a JSON file, atomically and readable only by the talent.

        Raises:
            BoundaryError: ``preset_not_found``.
            OSError: The file could not be written (the old one, if any, is intact).
        """
        preset = self._require(preset_id)
        document = PresetFile(
            format=FILE_FORMAT,
            version=FILE_VERSION,
            name=preset.name,
            items=tuple(
                PresetFileItem(
                    key=i.key,
                    label=i.label,
                    answer=i.answer,
                    decline_reply_ids=i.decline_reply_ids,
                )
                for i in preset.items
            ),
        )
        data = msgspec.json.format(msgspec.json.encode(document), indent=2) + b"\n"
        atomic_write(path, data)

    def import_file(self, path: Path, name: str | None = None) -> ImportResult:
        """Read a preset file and add it as a new personal preset.

        Never overwrites anything: the preset always gets a fresh personal id, whatever
        the file says. Linked replies this app does not have are dropped (and counted).

        Args:
            path: The file.
            name: A name to use instead of the file's.

        Raises:
            PresetImportError: See its keys.
        """
        document = read_preset_file(path)
        live = {slot_of(r.id) for r in self.replies.replies()}
        dropped = 0
        items = []
        for entry in document.items:
            kept = tuple(rid for rid in entry.decline_reply_ids if slot_of(rid) in live)
            dropped += len(entry.decline_reply_ids) - len(kept)
            items.append(
                BoundaryItem(
                    key=entry.key,
                    label=entry.label,
                    answer=entry.answer,
                    decline_reply_ids=kept,
                )
            )
        try:
            preset = _validated(new_own_id(), name or document.name, tuple(items))
        except BoundaryError as exc:
            raise PresetImportError("invalid", str(exc)) from None
        self.store.save(preset)
        return ImportResult(preset=preset, dropped_reply_links=dropped)

    # ----------------------------------------------------------------- internals

    def _require(self, preset_id: str) -> BoundaryPreset:
        preset = self.get(preset_id)
        if preset is None:
            raise BoundaryError("preset_not_found", preset_id)
        return preset

    def _change(
        self, preset_id: str, change: Callable[[BoundaryPreset], BoundaryPreset]
    ) -> BoundaryPreset:
        """Apply ``change`` to a personal preset, copying an agency preset first."""
        with self.vault.transaction():
            preset = self._require(preset_id)
            if preset.source is Source.AGENCY or is_agency_id(preset.id):
                copy_id = COPY_PREFIX + preset.id
                existing = self.get(copy_id)
                preset = existing or BoundaryPreset(
                    id=copy_id,
                    name=preset.name,
                    items=preset.items,
                    source=Source.PERSONAL,
                    language=preset.language,
                )

                def follow(settings: DeskSettings) -> None:
                    # The talent changed the preset in force: their copy stays in force.
                    if settings.active_preset_id == preset_id:
                        settings.active_preset_id = copy_id

                change_settings(self.vault, follow)
            changed = change(preset)
            self.store.save(changed)
        return changed


def read_preset_file(path: Path) -> PresetFile:
    """Read and strictly validate a preset file.

    Raises:
        PresetImportError: ``file_unreadable``, ``file_too_large``, ``not_json``,
            ``wrong_format``, ``newer_version`` or ``invalid``.
    """
    try:
        with path.open("rb") as fh:
            # Read one byte past the cap rather than trusting stat(): a pipe or a
            # growing file has no honest size.
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise PresetImportError("file_unreadable", exc.strerror or type(exc).__name__) from None
    if len(data) > MAX_FILE_BYTES:
        raise PresetImportError("file_too_large", f"over {MAX_FILE_BYTES // 1024} KiB")
    data = data.removeprefix(_BOM)  # Windows editors like to add one
    try:
        loose = msgspec.json.decode(data)
    except msgspec.DecodeError:
        raise PresetImportError("not_json") from None
    if not isinstance(loose, dict) or loose.get("format") != FILE_FORMAT:
        raise PresetImportError("wrong_format")
    version = loose.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FILE_VERSION:
        raise PresetImportError("newer_version", str(version))
    try:
        document = msgspec.json.decode(data, type=PresetFile)
    except msgspec.ValidationError as exc:
        raise PresetImportError("invalid", str(exc)[:300]) from None
    seen: set[str] = set()
    for item in document.items:
        if item.key in seen:
            raise PresetImportError("invalid", f"duplicate item key {item.key!r}")
        seen.add(item.key)
    return document


def _item(preset: BoundaryPreset, key: str) -> BoundaryItem:
    for item in preset.items:
        if item.key == key:
            return item
    raise BoundaryError("item_not_found", key)


def _with_item(
    preset: BoundaryPreset, key: str, change: Callable[[BoundaryItem], BoundaryItem]
) -> BoundaryPreset:
    _item(preset, key)
    items = tuple(change(i) if i.key == key else i for i in preset.items)
    return _validated(preset.id, preset.name, items, preset.language)


def _validated(
    preset_id: str,
    name: str,
    items: tuple[BoundaryItem, ...],
    language: str | None = None,
) -> BoundaryPreset:
    """A personal preset, checked against the same limits as the agency's."""
    name = name.strip()
    if not 1 <= len(name) <= MAX_NAME_CHARS:
        raise BoundaryError("name_invalid", name[:MAX_NAME_CHARS])
    if len(items) > MAX_ITEMS:
        raise BoundaryError("too_many_items", str(MAX_ITEMS))
    for item in items:
        if not _KEY.fullmatch(item.key):
            raise BoundaryError("key_invalid", item.key[:64])
        if not 1 <= len(item.label.strip()) <= MAX_LABEL_CHARS:
            raise BoundaryError("label_invalid", item.key)
        if len(item.decline_reply_ids) > MAX_LINKED_REPLIES:
            raise BoundaryError("too_many_replies", item.key)
    try:
        return BoundaryPreset(
            id=preset_id, name=name, items=items, source=Source.PERSONAL, language=language
        )
    except DomainError as exc:
        raise BoundaryError("item_exists", str(exc)) from None
