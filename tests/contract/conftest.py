"""The agency's own tests run on SQLite and on PostgreSQL: ``agency_db`` here is the
parametrized fixture of tests/reference_agency.py (the desk's tests keep SQLite)."""

from tests.reference_agency import agency_db_each_backend as agency_db

__all__ = ["agency_db"]
