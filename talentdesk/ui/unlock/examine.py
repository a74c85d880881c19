"""What there is to open, found before any window is shown: no widgets here.

At start the app examines the vault on the bridge while it builds the rest of
itself; a keyring vault is opened in the same job, so a talent whose vault opens
by itself sees the main window straight away and never the unlock screen. The
unlock screen uses the same examination after a lock and on Try again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from talentdesk.vault import KeyringStatus, Protection, Vault, VaultInfo, probe


@dataclass(frozen=True)
class Examination:
    """What is found before unlocking: the vault (None on a first run) and, then, the keyring.

    A keyring vault is opened in the same background job (``opened``, or why not in
    ``failed``): one trip through the event loop less at every start.
    """

    info: VaultInfo | None
    keyring: KeyringStatus | None
    opened: Vault | None = None
    failed: Exception | None = None


def examine(
    path: Path, keyring_probe: Callable[[], KeyringStatus], *, locked: bool = False
) -> Examination:
    """Blocking (run it on the bridge): look at ``path`` and open it if it needs nobody.

    Args:
        path: the vault file.
        keyring_probe: asked on a first run only: can a keyring hold the new vault's key?
        locked: coming back from a lock: a keyring vault waits for the talent's click.
    """
    info = probe(path)
    if info is None:
        return Examination(None, keyring_probe())
    if info.protection is Protection.KEYRING and not locked:
        try:
            return Examination(info, None, opened=Vault.open(path))
        except Exception as exc:  # shown as the problem it is, as a later open would
            return Examination(info, None, failed=exc)
    return Examination(info, None)
