"""Reading the console's forms with the same care as the API's bodies.

Only ``application/x-www-form-urlencoded``, at most 64 KiB, at most 2,000 fields, strict
UTF-8 once percent-decoded; anything else is a :class:`FormError` that the console shows as
a 400 page, never a 500.
"""

from __future__ import annotations

import enum
from typing import Final, TypeVar
from urllib.parse import parse_qsl

from starlette.requests import ClientDisconnect, Request

__all__ = ["MAX_FORM_BYTES", "Form", "FormError", "read_form"]

MAX_FORM_BYTES: Final = 64 * 1024
_MAX_FIELDS: Final = 2_000
_FORM_TYPE: Final = "application/x-www-form-urlencoded"

_E = TypeVar("_E", bound=enum.StrEnum)


class FormError(Exception):
    """A form that cannot be read or holds a bad value.

    ``key`` (with ``values``; ``field`` the form field, if one) is what the console says,
    in the page's language (``form.<key>``); the message is the same in English.
    """

    def __init__(self, message: str, key: str, field: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.key = key
        self.field = field
        self.values = values


class Form:
    """The fields of a submitted form."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs

    def get(self, name: str, default: str = "") -> str:
        """The first value of ``name`` (stripped), or ``default``."""
        for key, value in self._pairs:
            if key == name:
                return value.strip()
        return default

    def raw(self, name: str) -> str:
        """The first value of ``name`` as typed (not stripped), or ``""``."""
        return next((value for key, value in self._pairs if key == name), "")

    def has(self, name: str) -> bool:
        """Whether the form has the field (a checked checkbox)."""
        return any(key == name for key, _ in self._pairs)

    def text(self, name: str, limit: int) -> str:
        """The value (stripped), at most ``limit`` characters.

        Raises:
            FormError: If it is longer.
        """
        value = self.get(name)
        if len(value) > limit:
            raise FormError(f"{name}: at most {limit} characters", "too_long", name, limit=limit)
        return value

    def optional(self, name: str) -> str | None:
        """The value, or None when it is empty."""
        return self.get(name) or None

    def integer(self, name: str, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high``.

        Raises:
            FormError: If it is missing, not a number or out of range.
        """
        text = self.get(name)
        if not text.isdigit() or len(text) > 9 or not low <= int(text) <= high:
            raise FormError(
                f"{name}: a whole number from {low} to {high}", "number", name, low=low, high=high
            )
        return int(text)

    def choice(self, name: str, kind: type[_E]) -> _E:
        """One of an enum's values.

        Raises:
            FormError: If it is none of them.
        """
        try:
            return kind(self.get(name))
        except ValueError:
            raise FormError(f"{name}: one of {', '.join(kind)}", "choice", name) from None

    def names(self) -> list[str]:
        """Every field name, in order."""
        return [key for key, _ in self._pairs]


async def read_form(request: Request) -> Form:
    """The submitted form.

    Raises:
        FormError: If it is not a urlencoded form, too large, or not UTF-8.
    """
    media_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media_type != _FORM_TYPE:
        raise FormError("send the form as application/x-www-form-urlencoded", "not_a_form")
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise FormError(f"the form is larger than {MAX_FORM_BYTES} bytes", "too_large")
    chunks: list[bytes] = []
    size = 0
    try:
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_FORM_BYTES:
                raise FormError(f"the form is larger than {MAX_FORM_BYTES} bytes", "too_large")
            chunks.append(chunk)
    except ClientDisconnect:
        raise FormError("the form was cut short", "cut_short") from None
    try:
        text = b"".join(chunks).decode("ascii")
        pairs = parse_qsl(
            text,
            keep_blank_values=True,
            encoding="utf-8",
            errors="strict",
            max_num_fields=_MAX_FIELDS,
        )
    except UnicodeDecodeError:
        raise FormError("the form is not valid UTF-8", "not_utf8") from None
    except ValueError:
        raise FormError("the form has too many fields", "too_many_fields") from None
    # NUL has no place in any field (and PostgreSQL text cannot hold it).
    return Form([(k, v.replace("\x00", "")) for k, v in pairs])
