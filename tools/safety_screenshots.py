"""Grab the safety screens with sample data, to look at them (Indonesian by default).

Usage:
    uv run python tools/safety_screenshots.py --out /tmp/shots [--lang id]

Runs the real app offscreen against the reference agency on loopback, seeded like a
demo run (``seed_demo``), in a throw-away data folder: unlocks, pairs itself, accepts
and starts tonight's first booking, then saves

* ``live-session.png``: the session window with the escalate button in its header;
* ``escalation-queued.png``, ``escalation-details.png``, ``escalation-delivered.png``,
  ``escalation-acknowledged.png``, ``escalation-resolved.png``: the session window while
  the agency is unreachable, then delivered, acknowledged and resolved by "Rina";
* ``compact.png``: the compact window with a second escalation, acknowledged;
* ``playbook.png``: the crisis playbook with a sign picked;
* ``report.png``: the report dialog filled in;
* ``are-you-ok.png`` and ``are-you-ok-escalated.png``: the lone-worker prompt, asking
  and after no answer;
* ``after-care.png``: after-care once the session is finished;
* ``safety-page.png``: the Safety page with its escalations, a report with a ticket
  update, and the playbook.

The session's monotonic clock is a fake one moved by this script; everything else is
real.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


from _screens import (
    Monotonic,
    accept_first,
    sample_desk,
    save,
    settle,
    start_session,
    unlocked,
    wait_until,
)

from talentdesk.domain import IncidentCategory
from talentdesk.safety import EscalationState, EscalationView
from talentdesk.ui.application import TalentDeskApp
from talentdesk.ui.main_window import Page
from talentdesk_agency import AgencyStore, ServerThread
from talentdesk_contract.values import CrisisSign, ReportStatus, ResolutionReason, TicketLevel

SIZE = (1180, 780)


def shoot(app: TalentDeskApp, clock: Monotonic, server: ServerThread, out: Path) -> None:
    """Every safety screen, in the order a night would bring them."""
    agency = AgencyStore(server.db_path)
    window = unlocked(app)
    today = window.today
    wait_until(lambda: today.model.rowCount() == 4)
    safety = app.safety
    session = app.session
    prompts = app.safety_windows
    assert safety is not None
    assert session is not None
    assert prompts is not None

    def escalation(escalation_id: str) -> EscalationView:
        found = safety.service.escalations.get(escalation_id)
        assert found is not None
        return found

    screens, live = start_session(app, accept_first(today))
    box = live.escalate
    assert box is not None
    live.resize(*SIZE)
    clock.now += 9 * 60 + 12
    session.tick_now()
    save(live, out / "live-session.png")

    # Escalate while the agency cannot be reached, then watch it arrive and be handled.
    agency.add_fault(path_prefix="/v1/escalations", kind="status", status=503, times=3)
    box.button.click()
    view = box.panel.view
    assert view is not None
    wait_until(lambda: escalation(view.id).attempts >= 1)
    save(live, out / "escalation-queued.png")
    box.panel.details_toggle.click()
    box.panel.sign_buttons[CrisisSign.AGGRESSION].setChecked(True)
    save(live, out / "escalation-details.png")
    box.panel.note.setPlainText("Pelanggan mengancam, chat sudah aku akhiri.")
    box.panel.send_details()
    wait_until(lambda: box.panel.property("state") == "delivered")
    save(live, out / "escalation-delivered.png")
    remote = escalation(view.id).remote_id
    assert remote is not None
    agency.acknowledge_escalation(remote, "Rina", "Aku telepon kamu sebentar lagi ya.")
    wait_until(lambda: box.panel.property("state") == "acknowledged")
    save(live, out / "escalation-acknowledged.png")
    agency.resolve_escalation(
        remote, "Rina", "Pelanggan sudah diblokir agensi.", ResolutionReason.HANDLED
    )
    wait_until(lambda: box.panel.property("state") == "resolved")
    save(live, out / "escalation-resolved.png")

    screens.show_compact()
    compact = screens.compact
    assert compact is not None
    small = compact.escalate
    assert small is not None
    small.button.click()
    second = small.view
    assert second is not None
    wait_until(lambda: escalation(second.id).remote_id is not None)
    agency.acknowledge_escalation(escalation(second.id).remote_id or "", "Rina")
    # The compact line follows the state: its words differ by language and were reworded.
    wait_until(lambda: escalation(second.id).state is EscalationState.ACKNOWLEDGED)
    settle()
    save(compact, out / "compact.png")
    screens.show_session()

    playbook = prompts.show_playbook()
    playbook.panel.choose(CrisisSign.THREAT_OF_HARM)
    save(playbook, out / "playbook.png")
    playbook.hide()

    dialog = prompts.show_report()
    wait_until(lambda: dialog.chosen_session() is not None)
    dialog.category.setCurrentIndex(list(IncidentCategory).index(IncidentCategory.THREATS))
    dialog.description.setPlainText(
        "Pelanggan mengancam akan mencari alamatku kalau aku mengakhiri chat."
    )
    save(dialog, out / "report.png")
    dialog.file()
    wait_until(lambda: len(agency.reports()) == 1)
    agency.update_ticket(
        agency.reports()[0].ticket,
        status=ReportStatus.IN_PROGRESS,
        level=TicketLevel.SUPERVISOR,
        note="Kami sudah memblokir pelanggan ini.",
    )
    dialog.close()

    # Well over time with no answer: the lone-worker check asks, then escalates.
    clock.now += 21 * 60 + 10 * 60
    wait_until(lambda: prompts.prompt is not None and prompts.prompt.isVisible())
    assert prompts.prompt is not None
    save(prompts.prompt, out / "are-you-ok.png")
    clock.now += 2 * 60
    wait_until(lambda: prompts.prompt is not None and prompts.prompt.phase == "escalated")
    save(prompts.prompt, out / "are-you-ok-escalated.png")
    prompts.prompt.hide()

    session.end()
    wait_until(lambda: session.routine is not None)
    session.finish()
    wait_until(lambda: prompts.after_care is not None and prompts.after_care.isVisible())
    assert prompts.after_care is not None
    prompts.after_care.start_check_in()
    save(prompts.after_care, out / "after-care.png")
    prompts.after_care.take_break()
    prompts.after_care.close()

    window.show_page(Page.SAFETY)
    window.resize(1120, 1500)
    window.safety.scroll_area.setMinimumHeight(1300)
    settle(1.5)
    save(window, out / "safety-page.png")
    agency.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--lang", choices=("id", "en"), default="id")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with sample_desk("talentdesk-safety-shots-", args.lang, faults=True) as desk:
        shoot(desk.app, desk.clock, desk.server, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
