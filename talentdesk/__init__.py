"""TalentDesk: a shift desk for talents who work agency-booked chat and call sessions."""

__version__ = "0.1.0"
