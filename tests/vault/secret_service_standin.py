"""A stand-in Secret Service on a private session bus, for what gnome-keyring never does.

gnome-keyring, the Secret Service CI runs, sends a prompt's ``Completed`` signal to the
caller alone, never asks a prompt for a write, and always offers the encrypted session.
Other services differ: KeePassXC sends ``Completed`` to everyone and answers every
``CreateItem`` with a prompt. This program is a small Secret Service with those ways
(chosen by ``STANDIN_*`` variables), run by ``tests/vault/test_keys_other_services.py``
on a bus of its own so it never meets the real keyring. It logs each method called, one
per line, to the file named by ``STANDIN_LOG``.

STANDIN_BROADCAST=1   a prompt's Completed goes to everyone (no destination)
STANDIN_DISMISS=1     every prompt is dismissed
STANDIN_LOCKED=1      the default collection starts locked
STANDIN_NO_DEFAULT=1  no default collection until CreateCollection's prompt completes
STANDIN_PLAIN=1       no encrypted session (OpenSession with DH is NotSupported)
STANDIN_SERVER_KEY=p-1  the public key the service sends in the exchange
STANDIN_BAD_PADDING=1   GetSecret pads wrongly
STANDIN_CREATE_PROMPT=1 CreateItem answers with a prompt (as KeePassXC does)
"""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

from talentdesk.vault.keys import _DH_PRIME_1024

BUS = "org.freedesktop.secrets"
ALIAS = "/org/freedesktop/secrets/aliases/default"
COLLECTION = "/org/freedesktop/secrets/collection/login"


def main() -> None:
    chosen = os.environ.get
    log = open(os.environ["STANDIN_LOG"], "a", buffering=1)  # noqa: SIM115 (lives as long)
    connection = open_dbus_connection(bus="SESSION")
    connection.send_and_get_reply(message_bus.RequestName(BUS))
    log.write("ready\n")
    state: dict[str, Any] = {
        "locked": bool(chosen("STANDIN_LOCKED")),
        "default": not chosen("STANDIN_NO_DEFAULT"),
        "items": {},
        "sessions": {},
        "prompts": {},
        "n": 0,
    }

    def answer(message: Any, signature: str | None = None, *body: Any) -> None:
        connection.send(new_method_return(message, signature, body))

    def refuse(message: Any, name: str, text: str = "") -> None:
        connection.send(new_error(message, name, "s", (text,)))

    def new_path(kind: str) -> str:
        state["n"] += 1
        return f"/org/freedesktop/secrets/{kind}/{state['n']}"

    def collection(path: str) -> str | None:
        if path in (ALIAS, COLLECTION):
            return COLLECTION if state["default"] else None
        return None

    while True:
        message = connection.receive()
        header = message.header
        if header.message_type is not MessageType.method_call:
            continue
        path = header.fields.get(HeaderFields.path)
        interface = header.fields.get(HeaderFields.interface)
        member = header.fields.get(HeaderFields.member)
        caller = header.fields.get(HeaderFields.sender)
        log.write(f"{member}\n")
        if member == "ReadAlias":
            answer(message, "o", COLLECTION if state["default"] else "/")
        elif member == "Get" and interface == "org.freedesktop.DBus.Properties":
            if collection(path) is None:
                refuse(message, "org.freedesktop.DBus.Error.UnknownObject", "no such object")
            elif message.body[1] == "Locked":
                answer(message, "v", ("b", state["locked"]))
            else:
                answer(message, "v", ("s", "Login"))
        elif member == "OpenSession":
            algorithm, (_signature, value) = message.body
            session = new_path("session")
            if algorithm == "plain":
                state["sessions"][session] = None
                answer(message, "vo", ("s", ""), session)
            elif chosen("STANDIN_PLAIN"):
                refuse(message, "org.freedesktop.DBus.Error.NotSupported", "no dh")
            else:
                private = int.from_bytes(os.urandom(32), "big")
                public = pow(2, private, _DH_PRIME_1024)
                if chosen("STANDIN_SERVER_KEY") == "p-1":
                    public = _DH_PRIME_1024 - 1
                client = int.from_bytes(bytes(value), "big")
                shared = pow(client, private, _DH_PRIME_1024).to_bytes(128, "big")
                prk = hmac.new(b"\0" * 32, shared, hashlib.sha256).digest()
                state["sessions"][session] = hmac.new(prk, b"\1", hashlib.sha256).digest()[:16]
                answer(message, "vo", ("ay", public.to_bytes(128, "big")), session)
        elif member == "SearchItems":
            wanted = message.body[0]
            found = [
                item
                for item, entry in state["items"].items()
                if all(entry["attributes"].get(k) == v for k, v in wanted.items())
            ]
            locked = state["locked"]
            answer(message, "aoao", [] if locked else found, found if locked else [])
        elif member == "Unlock":
            if state["locked"]:
                prompt = new_path("prompt")
                state["prompts"][prompt] = ("unlock", message.body[0], caller)
                answer(message, "aoo", [], prompt)
            else:
                answer(message, "aoo", message.body[0], "/")
        elif member == "CreateCollection":
            prompt = new_path("prompt")
            state["prompts"][prompt] = ("collection", COLLECTION, caller)
            answer(message, "oo", "/", prompt)
        elif member == "CreateItem":
            if collection(path) is None or state["locked"]:
                refuse(message, "org.freedesktop.Secret.Error.IsLocked", "locked")
                continue
            properties, (session, parameters, value, _type), replace = message.body
            key = state["sessions"].get(session)
            if key is not None:
                decryptor = Cipher(algorithms.AES(key), modes.CBC(bytes(parameters))).decryptor()
                padded = decryptor.update(bytes(value)) + decryptor.finalize()
                value = padded[: -padded[-1]]
            attributes = properties["org.freedesktop.Secret.Item.Attributes"][1]
            for item, entry in list(state["items"].items()):
                if replace and entry["attributes"] == attributes:
                    del state["items"][item]
            item = f"{COLLECTION}/{state['n'] + 1}"
            state["n"] += 1
            state["items"][item] = {"attributes": attributes, "secret": bytes(value)}
            if chosen("STANDIN_CREATE_PROMPT"):
                prompt = new_path("prompt")
                state["prompts"][prompt] = ("item", item, caller)
                answer(message, "oo", "/", prompt)
            else:
                answer(message, "oo", item, "/")
        elif member == "GetSecret":
            entry = state["items"].get(path)
            if entry is None:
                refuse(message, "org.freedesktop.Secret.Error.NoSuchObject", "gone")
                continue
            session = message.body[0]
            key = state["sessions"].get(session)
            if key is None:
                answer(message, "(oayays)", (session, b"", entry["secret"], "text/plain"))
                continue
            size = 16 - len(entry["secret"]) % 16
            padding = bytes((size,) * size)
            if chosen("STANDIN_BAD_PADDING"):
                padding = bytes(range(17 - size, 17))
            iv = os.urandom(16)
            encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
            sealed = encryptor.update(entry["secret"] + padding) + encryptor.finalize()
            answer(message, "(oayays)", (session, iv, sealed, "text/plain"))
        elif member == "Delete":
            state["items"].pop(path, None)
            answer(message, "o", "/")
        elif member == "Prompt":
            kind, payload, asker = state["prompts"].pop(path)
            answer(message)
            dismissed = bool(chosen("STANDIN_DISMISS"))
            if not dismissed and kind == "unlock":
                state["locked"] = False
            if not dismissed and kind == "collection":
                state["default"] = True
            result = ("ao", payload) if kind == "unlock" else ("o", "/" if dismissed else payload)
            address = DBusAddress(path, BUS, "org.freedesktop.Secret.Prompt")
            signal = new_signal(address, "Completed", "bv", (dismissed, result))
            if not chosen("STANDIN_BROADCAST"):
                signal.header.fields[HeaderFields.destination] = asker
            connection.send(signal)
        else:
            refuse(message, "org.freedesktop.DBus.Error.UnknownMethod", str(member))


if __name__ == "__main__":
    main()
