"""AES-256-GCM sealing and the Argon2id key-encryption key.

Every sealed value is ``nonce (12 bytes) || ciphertext+tag``; the nonce is
fresh from the OS for every seal, and the associated data names what the
value is, so a sealed value moved to another place fails to open.
"""

from __future__ import annotations

import os

import msgspec
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12

__all__ = [
    "KEY_BYTES",
    "NONCE_BYTES",
    "InvalidTag",
    "KdfParams",
    "derive_kek",
    "derive_subkey",
    "new_key",
    "open_sealed",
    "seal",
    "sha256",
]


def new_key() -> bytes:
    """A fresh random 256-bit key."""
    return os.urandom(KEY_BYTES)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt and authenticate ``plaintext``; returns nonce || ciphertext."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, aad)


def open_sealed(key: bytes, sealed: bytes, aad: bytes) -> bytes:
    """Reverse :func:`seal`. Raises ``InvalidTag`` on any tampering or wrong key."""
    if len(sealed) < NONCE_BYTES + 16:
        raise InvalidTag
    return AESGCM(key).decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)


def sha256(data: bytes) -> bytes:
    """SHA-256 of ``data``, through cryptography, which the vault has loaded already.

    For the view's digests (the clipboard's, the single-instance socket's name): hashlib
    would load the system's OpenSSL beside cryptography's own before the first window
    (~1.7 ms, and its memory for the life of the process).
    """
    digest = hashes.Hash(hashes.SHA256())
    digest.update(data)
    return digest.finalize()


def derive_subkey(master: bytes, purpose: str) -> bytes:
    """A purpose-bound subkey, so the master key itself never encrypts data."""
    return HKDF(
        algorithm=hashes.SHA256(),
        length=KEY_BYTES,
        salt=None,
        info=f"talentdesk/{purpose}".encode(),
    ).derive(master)


class KdfParams(msgspec.Struct, frozen=True):
    """Argon2id parameters, stored with the vault so they can be raised later.

    The defaults are DESIGN.md's floor: 64 MiB, 3 passes, 4 lanes.
    """

    salt: bytes
    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    MIN_MEMORY_KIB = 64 * 1024
    MAX_MEMORY_KIB = 4 * 1024 * 1024  # a damaged file must not make us allocate forever

    @classmethod
    def fresh(cls) -> KdfParams:
        return cls(salt=os.urandom(16))

    def check(self) -> None:
        """Refuse parameters below the floor or absurdly high (a damaged or hostile file)."""
        if not (self.MIN_MEMORY_KIB <= self.memory_kib <= self.MAX_MEMORY_KIB):
            raise ValueError(f"Argon2id memory {self.memory_kib} KiB out of range")
        if not (3 <= self.iterations <= 100) or not (1 <= self.lanes <= 64):
            raise ValueError("Argon2id passes or lanes out of range")
        if len(self.salt) < 16:
            raise ValueError("Argon2id salt too short")

    def to_json(self) -> dict[str, object]:
        return {
            "alg": "argon2id",
            "salt": self.salt.hex(),
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> KdfParams:
        if data.get("alg") != "argon2id":
            raise ValueError("unknown key-derivation algorithm")
        salt, memory, passes, lanes = (
            data.get("salt"),
            data.get("memory_kib"),
            data.get("iterations"),
            data.get("lanes"),
        )
        if not (
            isinstance(salt, str)
            and isinstance(memory, int)
            and isinstance(passes, int)
            and isinstance(lanes, int)
        ):
            raise ValueError("damaged key-derivation parameters")
        params = cls(salt=bytes.fromhex(salt), memory_kib=memory, iterations=passes, lanes=lanes)
        params.check()
        return params


def derive_kek(passphrase: str, params: KdfParams) -> bytes:
    """The key-encryption key that wraps the master key in passphrase mode."""
    params.check()
    return Argon2id(
        salt=params.salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(passphrase.encode("utf-8"))
