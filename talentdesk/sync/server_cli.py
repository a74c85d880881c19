"""Entry point of the ``talentdesk-agency`` console script."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run a ``talentdesk-agency`` command; see :mod:`talentdesk.sync.server.cli`.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).

    Returns:
        The exit code.
    """
    from talentdesk.sync.server.cli import main as run

    return run(argv)
