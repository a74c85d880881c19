"""The session desk's view: the session and compact windows, replies, boundaries, reminders.

Modules import what they need directly (``talentdesk.ui.session.window`` ...); this
package imports nothing itself, so the agency desk can use
:mod:`talentdesk.ui.session.services` without importing the windows.
"""
