"""Errors the reference agency server raises, and their problem+json form."""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus

from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType

__all__ = ["AgencyError", "ApiError"]

#: Problem ``detail`` is capped by the contract; longer text is cut.
_MAX_DETAIL = 2_000


class AgencyError(Exception):
    """An agency operation failed in a way its caller (a CLI user, a client) must be told.

    The message is written for a person and never holds customer data. ``code`` (with
    ``values``) names the error for the console, which says it in the page's language
    (``store.<code>`` in its words); the command line prints the message.
    """

    def __init__(self, message: str, *, code: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.code = code
        self.values = values


class ApiError(AgencyError):
    """An error answer of the Agency API, rendered as ``application/problem+json``.

    Args:
        status: HTTP status code.
        kind: The problem type URI.
        detail: What went wrong and, where it helps, what to do about it.
        headers: Extra response headers (``Retry-After``, ``WWW-Authenticate``, ``Allow``).
    """

    def __init__(
        self,
        status: int,
        kind: ProblemType,
        detail: str,
        *,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.detail = detail[:_MAX_DETAIL]
        self.headers: dict[str, str] = dict(headers or {})

    @property
    def title(self) -> str:
        """The standard reason phrase of the status (or ``"Error"``)."""
        try:
            return HTTPStatus(self.status).phrase
        except ValueError:
            return "Error"

    def problem(self) -> wire.Problem:
        """The problem document."""
        return wire.Problem(
            type=str(self.kind), title=self.title, status=self.status, detail=self.detail
        )

    def body(self) -> bytes:
        """The encoded problem document."""
        return wire.encode(self.problem())
