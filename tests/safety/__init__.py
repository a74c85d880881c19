"""Tests of the safety services against the real reference agency."""
