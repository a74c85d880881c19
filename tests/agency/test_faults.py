"""Injected faults are a test instrument: only a server in test mode applies or reads them."""

from __future__ import annotations

from typing import Any

import httpx

from talentdesk_agency import AgencyApp, AgencyStore, ServerThread
from talentdesk_agency.faults import FaultMiddleware
from talentdesk_agency.store import DbTarget, open_database
from tests.reference_agency import pair


def has_faults_table(db: DbTarget) -> bool:
    database = open_database(db, create=False)
    try:
        with database.read() as tx:
            return database.dialect.table_exists(tx, "faults")
    finally:
        database.close()


AT = "2025-05-01T21:05:00+07:00"


def middleware_stack(app: AgencyApp) -> list[Any]:
    """Every ASGI layer from the outermost in, following each layer's ``app``."""
    layers: list[Any] = []
    layer: Any = app.asgi
    while layer is not None and len(layers) < 50:
        layers.append(layer)
        layer = getattr(layer, "app", None)
    return layers


def test_only_test_mode_installs_the_fault_middleware(agency_db: DbTarget) -> None:
    production = middleware_stack(AgencyApp(agency_db))
    assert production and not any(isinstance(layer, FaultMiddleware) for layer in production)
    testing = middleware_stack(AgencyApp(agency_db, test_faults=True))
    assert sum(isinstance(layer, FaultMiddleware) for layer in testing) == 1


def test_a_production_database_has_no_faults_table(agency_db: DbTarget) -> None:
    with ServerThread(agency_db) as server:
        talent = pair(server.url, agency_db, "Sari")
        try:
            assert talent.client.get("/v1/feed").status_code == 200
            escalation = talent.write("POST", "/v1/escalations", {"level": "urgent", "at": AT})
            assert escalation.status_code == 201
        finally:
            talent.client.close()
    assert not has_faults_table(agency_db)
    with ServerThread(agency_db, faults=True):
        assert has_faults_table(agency_db)  # a test-mode server makes its instrument


def test_a_production_server_never_applies_or_consumes_faults(agency_db: DbTarget) -> None:
    with AgencyStore(agency_db) as store:
        store.add_fault(path_prefix="/v1/", kind="status", status=503, times=3)
    with ServerThread(agency_db) as server:
        talent = pair(server.url, agency_db, "Sari")
        try:
            assert httpx.get(server.url + "/v1/health").status_code == 200
            assert talent.client.get("/v1/feed").status_code == 200
        finally:
            talent.client.close()
    with AgencyStore(agency_db) as store:
        [pending] = store.faults()
    assert pending.remaining == 3  # never even taken

    with ServerThread(agency_db, faults=True) as server:
        assert httpx.get(server.url + "/v1/health").status_code == 503
    with AgencyStore(agency_db) as store:
        assert store.faults()[0].remaining == 2
