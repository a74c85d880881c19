"""What there is to open, found before any window is shown: no widgets here.

At start the app examines the vault on the bridge while it builds the rest of
itself; a keyring vault is opened in the same job, so a talent whose vault opens
by itself sees the main window straight away and never the unlock screen. The
unlock screen uses the same examination after a lock and on Try again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec

from talentdesk.vault import KeyringStatus, Protection, Vault, VaultInfo, WrongPassphrase, probe


class Examination(msgspec.Struct, frozen=True):
    """What is found before unlocking: the vault (None on a first run) and, then, the keyring.

    A keyring vault is opened in the same background job (``opened``, or why not in
    ``failed``): one trip through the event loop less at every start.
    """

    info: VaultInfo | None
    keyring: KeyringStatus | None
    opened: Vault | None = None
    failed: Exception | None = None


def examine(
    path: Path,
    keyring_probe: Callable[[], KeyringStatus],
    *,
    locked: bool = False,
    vault_key: str | None = None,
) -> Examination:
    """Blocking (run it on the bridge): look at ``path`` and open it if it needs nobody.

    Args:
        path: the vault file.
        keyring_probe: asked on a first run only: can a keyring hold the new vault's key?
        locked: coming back from a lock: a vault that opens by itself waits for a click.
        vault_key: a key kept beside the vault (the demo's): the vault is created with it
            and opened with it, no passphrase asked. A vault it does not open (a demo
            vault of an older run, with a passphrase the talent chose) asks as before.
    """
    info = probe(path)
    if info is None:
        if vault_key is not None:
            try:
                return Examination(None, None, opened=Vault.create(path, passphrase=vault_key))
            except Exception as exc:  # shown as the problem it is
                return Examination(None, None, failed=exc)
        return Examination(None, keyring_probe())
    if locked:
        return Examination(info, None)
    if info.protection is Protection.KEYRING:
        try:
            return Examination(info, None, opened=Vault.open(path))
        except Exception as exc:  # shown as the problem it is, as a later open would
            return Examination(info, None, failed=exc)
    if vault_key is not None:
        try:
            return Examination(info, None, opened=Vault.open(path, passphrase=vault_key))
        except WrongPassphrase:
            return Examination(info, None)  # not the key's vault: ask for its passphrase
        except Exception as exc:
            return Examination(info, None, failed=exc)
    return Examination(info, None)
