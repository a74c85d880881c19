"""Idempotency keys: each write of the app has one effect, and its retries get its answer.

A request first reserves its key (:meth:`Idempotency.begin`); its operation and its
answer then commit in one transaction (:meth:`Idempotency.run_write`), so after a crash
either both exist or neither does.

The common case, a key never seen, takes a shorter way (:meth:`Idempotency.run_fresh`):
the operation runs first and its answer is stored under the key as the last statement of
the same transaction, only if the key is new (and the device still allowed). Whenever
that is not so, the transaction rolls back and the request goes the way above, which
then sees the key's state (done: the answer again; in progress elsewhere: 409).

Several server processes share the table. A reservation names its owner as
``"<process instance>/<request>"``: a second request with the key gets 409 while the
owning process lives (:meth:`.Dialect.process_alive`), and takes the reservation over once
it died. The owner's write is fenced: it commits only while the reservation is still its
own, so a request taken over from a process thought dead can never commit a second time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

from talentdesk_agency.problems import ApiError
from talentdesk_agency.store.engine import Database
from talentdesk_agency.store.records import BeginResult, StoredResponse
from talentdesk_contract import wire
from talentdesk_contract.wire import ProblemType

__all__ = [
    "IDEMPOTENCY_LEASE_SECONDS",
    "IDEMPOTENCY_RETENTION_SECONDS",
    "Idempotency",
    "WriteOp",
]

#: Idempotency records are kept this long: an outbox may retry after days offline.
IDEMPOTENCY_RETENTION_SECONDS: Final = 30 * 24 * 3600
#: An in-progress reservation of this server process older than this is taken to be
#: abandoned. Longer than any request can be held (injected delays stop at 600 s); a
#: crashed process's reservations are taken over at once (see ``begin``).
IDEMPOTENCY_LEASE_SECONDS: Final = 900.0

#: An app write: runs inside the key's transaction, returns (status, JSON body).
WriteOp = Callable[[], tuple[int, bytes]]
_JSON: Final = "application/json"


class _NotFresh(Exception):
    """Rolls back a :meth:`Idempotency.run_fresh` whose key was not new."""


class Idempotency:
    """Reservations and stored answers, per talent and key."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def run_fresh(
        self,
        talent_id: str,
        key: str,
        fingerprint: str,
        owner: str,
        operation: WriteOp,
        token_hash: str,
    ) -> StoredResponse | None:
        """Run a new request's write and store its answer, in one transaction of a few
        statements, if the key is new and the device's token still valid.

        The answer is inserted last, ``ON CONFLICT DO NOTHING``: of two requests racing with
        one key, the second waits there for the first to commit, then finds the key taken.

        Returns:
            The answer, or None (and nothing written) when the key was known, the token
            is revoked or gone, or the operation refused the request: the caller then
            goes the careful way (:meth:`begin`, :meth:`run_write`), which says why.
        """
        try:
            with self._db.write(pipelined=True) as tx:
                # On PostgreSQL the statements go out without waiting for each answer,
                # BEGIN with them: a few round trips instead of one per statement (a read
                # still waits).
                with tx.pipelined():
                    try:
                        status, body = operation()
                    except ApiError:
                        raise _NotFresh from None  # stored by the careful way, with its undo
                    stored = tx.execute(
                        "INSERT INTO idempotency(talent_id, key, fingerprint, state, owner, "
                        "started_at, status, content_type, body) "
                        "SELECT ?, ?, ?, 'done', ?, ?, ?, ?, ? WHERE EXISTS "
                        "(SELECT 1 FROM tokens WHERE token_hash = ? AND revoked_at IS NULL) "
                        "ON CONFLICT DO NOTHING",
                        (
                            talent_id,
                            key,
                            fingerprint,
                            owner,
                            time.time(),
                            status,
                            _JSON,
                            body,
                            token_hash,
                        ),
                    )
                if stored.rowcount != 1:
                    raise _NotFresh
        except _NotFresh:
            return None
        return StoredResponse(status, _JSON, body)

    def begin(self, talent_id: str, key: str, fingerprint: str, owner: str) -> BeginResult:
        """Reserve an idempotency key for a request, or say why not.

        ``owner`` is ``"<process instance>/<request id>"`` (a bare instance id is a request
        of its own). A reservation left ``in_progress`` by a server process that no longer
        lives, or older than the lease, is taken over: its request's effects were never
        committed, because they commit together with the stored answer.
        """
        now = time.time()
        with self._db.write() as tx:
            # Insert-or-nothing first: of two requests racing with one key, one inserts.
            if tx.run(
                "INSERT INTO idempotency(talent_id, key, fingerprint, state, owner, "
                "started_at) VALUES (?, ?, ?, 'in_progress', ?, ?) ON CONFLICT DO NOTHING",
                (talent_id, key, fingerprint, owner, now),
            ):
                return BeginResult("new")
            row = tx.one_locked(
                "SELECT fingerprint, state, owner, started_at, status, content_type, body "
                "FROM idempotency WHERE talent_id = ? AND key = ?",
                (talent_id, key),
            )
            if row is None:  # purged between the two statements
                return BeginResult("in_progress")
            stored_fp, state, stored_owner, started_at, status, content_type, body = row
            if stored_fp != fingerprint:
                return BeginResult("mismatch")
            if state == "done":
                return BeginResult(
                    "replay", StoredResponse(int(status), str(content_type), bytes(body))
                )
            if now - started_at < IDEMPOTENCY_LEASE_SECONDS:
                holder = _instance(str(stored_owner))
                if holder == _instance(owner) or tx.dialect.process_alive(tx, holder):
                    return BeginResult("in_progress")
            tx.execute(
                "UPDATE idempotency SET owner = ?, started_at = ? WHERE talent_id = ? AND key = ?",
                (owner, now, talent_id, key),
            )
            return BeginResult("new")

    def begin_and_run(
        self, talent_id: str, key: str, fingerprint: str, owner: str, operation: WriteOp
    ) -> tuple[BeginResult, StoredResponse | None]:
        """:meth:`begin` and, for a new request, :meth:`run_write`, in one transaction.

        One commit instead of two. A request with the same key meanwhile waits for this
        transaction (PostgreSQL's unique index, SQLite's one writer) and then gets its
        answer; if this one fails, nothing of it remains, not even the reservation.

        Returns:
            What :meth:`begin` said, and the new answer if the operation ran.
        """
        with self._db.write():
            begun = self.begin(talent_id, key, fingerprint, owner)
            if begun.outcome != "new":
                return begun, None
            # The reservation is this transaction's own: no fence needed.
            return begun, self.run_write(talent_id, key, operation)

    def release(self, talent_id: str, key: str, owner: str | None = None) -> None:
        """Forget a reservation whose request failed (5xx): a retry starts afresh.

        With ``owner``, only while the reservation is still that owner's."""
        with self._db.write() as tx:
            if owner is None:
                tx.execute(
                    "DELETE FROM idempotency WHERE talent_id = ? AND key = ? "
                    "AND state = 'in_progress'",
                    (talent_id, key),
                )
            else:
                tx.execute(
                    "DELETE FROM idempotency WHERE talent_id = ? AND key = ? "
                    "AND state = 'in_progress' AND owner = ?",
                    (talent_id, key, owner),
                )

    def run_write(
        self, talent_id: str, key: str, operation: WriteOp, owner: str | None = None
    ) -> StoredResponse:
        """Run a write and store its answer under the key, in one transaction.

        A business refusal (:class:`ApiError`, e.g. 404 or 409) undoes the operation's
        changes but is stored and replayed like a success. Any other exception rolls back
        everything and propagates; the caller then releases the reservation.

        With ``owner`` (the reservation's, from :meth:`begin`), the write runs only while
        the reservation is still that owner's: if another process took it over meanwhile,
        nothing is written and the answer is the stored one (or 409 while it is still in
        progress there).
        """
        with self._db.write() as tx:
            if owner is not None:
                row = tx.one_locked(
                    "SELECT owner, state, status, content_type, body FROM idempotency "
                    "WHERE talent_id = ? AND key = ?",
                    (talent_id, key),
                )
                if row is None or row[0] != owner or row[1] != "in_progress":
                    if row is not None and row[1] == "done":
                        return StoredResponse(int(row[2]), str(row[3]), bytes(row[4]))
                    raise ApiError(
                        409,
                        ProblemType.REQUEST_IN_PROGRESS,
                        "A request with this Idempotency-Key is still being processed. "
                        "Retry shortly.",
                        headers={"Retry-After": "1"},
                    )
            try:
                with tx.savepoint():
                    status, body = operation()
                content_type = "application/json"
            except ApiError as exc:
                status, body, content_type = exc.status, exc.body(), wire.PROBLEM_CONTENT_TYPE
            tx.execute(
                "UPDATE idempotency SET state = 'done', status = ?, content_type = ?, body = ? "
                "WHERE talent_id = ? AND key = ?",
                (status, content_type, body, talent_id, key),
            )
        return StoredResponse(status, content_type, body)

    def purge(self, older_than_seconds: float = IDEMPOTENCY_RETENTION_SECONDS) -> int:
        """Delete idempotency records older than the retention. Returns how many."""
        with self._db.write() as tx:
            return tx.run(
                "DELETE FROM idempotency WHERE started_at < ?", (time.time() - older_than_seconds,)
            )


def _instance(owner: str) -> str:
    """The server process of a reservation's owner ``"<instance>/<request>"``."""
    return owner.split("/", 1)[0]
