"""The reference agency server on a loopback port, for every test that needs an agency.

No mocks: every test talks HTTP to :class:`ServerThread` (or a child process), and the
staff commands run as real ``python -m talentdesk_agency.cli`` processes where the test
is about another process writing to the database.
"""

from __future__ import annotations

import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest

from talentdesk_agency import AgencyStore, ServerThread
from talentdesk_contract import wire


@dataclass
class Paired:
    """A talent paired with the server: an authenticated client and the talent's name."""

    client: httpx.Client
    token: str
    talent: str
    talent_id: str
    db: Path
    url: str

    def write(
        self,
        method: str,
        path: str,
        body: Any,
        *,
        key: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send a JSON write with an Idempotency-Key (a fresh one unless given)."""
        all_headers = {wire.IDEMPOTENCY_KEY_HEADER: key or uuid.uuid4().hex, **(headers or {})}
        return self.client.request(method, path, json=body, headers=all_headers)

    def feed(self, after: int = 0, wait: int = 0, limit: int = 100) -> wire.FeedPage:
        """One feed page, strictly decoded."""
        response = self.client.get(
            "/v1/feed", params={"after": after, "wait": wait, "limit": limit}, timeout=wait + 10
        )
        assert response.status_code == 200, response.text
        return wire.decode(response.content, wire.FeedPage)

    def events(self, after: int = 0) -> list[wire.FeedEvent]:
        """Every event after ``after`` (no waiting)."""
        out: list[wire.FeedEvent] = []
        while True:
            page = self.feed(after, limit=wire.MAX_FEED_LIMIT)
            out.extend(page.events)
            if not page.events:
                return out
            after = page.cursor


def run_cli(db: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run a staff command in its own process, as agency staff would."""
    return subprocess.run(
        [sys.executable, "-m", "talentdesk_agency.cli", *args, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def pair(url: str, db: Path, talent: str, device: str = "test laptop") -> Paired:
    """Issue a code for ``talent`` and pair a new client with it."""
    with AgencyStore(db) as store:
        code = store.create_pairing_code(talent)
    response = httpx.post(f"{url}/v1/pairing", json={"code": code, "device_name": device})
    assert response.status_code == 201, response.text
    paired = wire.decode(response.content, wire.PairingResponse)
    client = httpx.Client(
        base_url=url, headers={"Authorization": f"Bearer {paired.token}"}, timeout=30
    )
    return Paired(client, paired.token, talent, paired.talent.id, db, url)


WIB = timezone(timedelta(hours=7))


def soon(minutes: int = 30) -> datetime:
    """A booking start in the near future, with the WIB offset an agency in Jakarta uses."""
    return (datetime.now(WIB) + timedelta(minutes=minutes)).replace(second=0, microsecond=0)


@pytest.fixture
def agency_db(tmp_path: Path) -> Path:
    """A fresh agency database path (created by the server on start)."""
    return tmp_path / "agency.db"


@pytest.fixture
def agency(agency_db: Path) -> Iterator[ServerThread]:
    """The reference server on a free loopback port, in test mode (injected faults apply)."""
    server = ServerThread(agency_db, faults=True)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sari(agency: ServerThread, agency_db: Path) -> Iterator[Paired]:
    """Talent "Sari", paired."""
    paired = pair(agency.url, agency_db, "Sari")
    yield paired
    paired.client.close()
