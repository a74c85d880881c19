"""What the window needs to know about ``talentdesk --demo``.

The composition layer starts the sample agency (the reference server on
loopback, with sample bookings) and hands the view layer its address and a
pairing code; the view layer says DEMO plainly and pairs itself.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoAgency:
    """The sample agency of a demo run.

    Attributes:
        url: the agency's address (a loopback ``http://127.0.0.1:PORT``).
        pairing_code: a one-time code to pair with it after unlocking, when the
            vault is not paired yet; None to only say DEMO and pair by hand.
    """

    url: str
    pairing_code: str | None = None
