"""Tests of the sync layer: Agency API contract, reference server, client."""
