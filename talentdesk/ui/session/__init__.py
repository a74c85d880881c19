"""The session's windows: the session and compact windows, replies, boundaries, reminders.

Modules import what they need directly (``talentdesk.ui.session.window`` ...); this
package imports nothing itself, so importing one module does not import the windows.
"""
