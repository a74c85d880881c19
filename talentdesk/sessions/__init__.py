"""The talent's desk services: bookings and their answers, and (later) the session runner."""
