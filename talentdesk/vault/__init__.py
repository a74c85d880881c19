"""Storage: the encrypted vault, its keys, and the few plain files beside it."""

from talentdesk.vault.errors import (
    KeyringUnavailable,
    MasterKeyMissing,
    RecordIntegrityError,
    VaultError,
    VaultExists,
    VaultFormatError,
    VaultLocked,
    VaultNotFound,
    VaultTooNew,
    WeakPassphrase,
    WrongPassphrase,
)
from talentdesk.vault.keys import (
    KeyringSecretStore,
    KeyringStatus,
    SecretStore,
    keyring_status,
    warm_up_keyring,
)
from talentdesk.vault.paths import VAULT_FILE, default_data_dir
from talentdesk.vault.store import (
    MIN_PASSPHRASE_CHARS,
    SCHEMA_VERSION,
    IntegrityProblem,
    Listing,
    Protection,
    Vault,
    VaultInfo,
    forget_keys,
    probe,
)

__all__ = [
    "MIN_PASSPHRASE_CHARS",
    "SCHEMA_VERSION",
    "VAULT_FILE",
    "IntegrityProblem",
    "KeyringSecretStore",
    "KeyringStatus",
    "KeyringUnavailable",
    "Listing",
    "MasterKeyMissing",
    "Protection",
    "RecordIntegrityError",
    "SecretStore",
    "Vault",
    "VaultError",
    "VaultExists",
    "VaultFormatError",
    "VaultInfo",
    "VaultLocked",
    "VaultNotFound",
    "VaultTooNew",
    "WeakPassphrase",
    "WrongPassphrase",
    "default_data_dir",
    "forget_keys",
    "keyring_status",
    "probe",
    "warm_up_keyring",
]
