"""Where TalentDesk keeps its files, and how it writes them.

Folders are 0700 and files 0600 from the moment they exist: the mode is set
when the file is created, never tightened afterwards.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

DATA_DIR_ENV = "TALENTDESK_DATA_DIR"
VAULT_FILE = "vault.sqlite3"


def default_data_dir() -> Path:
    """``TALENTDESK_DATA_DIR`` if set, else the platform's user data dir."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs  # here: only needed without --data-dir, ~30 ms to import

    return Path(platformdirs.user_data_dir("TalentDesk", appauthor=False, roaming=False))


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) as 0700 and make sure it is 0700."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file that is 0600 from birth; fails if it exists."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def fsync_dir(path: Path) -> None:
    """Make a rename or create in ``path`` durable."""
    with contextlib.suppress(OSError):  # some file systems cannot fsync a folder
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(path: Path, data: bytes, *, private_dir: bool = True) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old or the new file, never half.

    Permissions are set on the temporary file before any byte is written, the
    data is fsynced, then the file replaces the old one and the folder is fsynced.

    Args:
        private_dir: make the folder 0700 first (our data dir); False for a folder of
            the talent's own choosing (an export to ~/Documents), which is left as it is.
    """
    if private_dir:
        ensure_private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)
