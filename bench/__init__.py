"""Benchmarks: each prints figures; none is a test. Run `uv run python -m bench.<name>`."""
