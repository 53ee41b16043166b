"""In Chromium: an editor pins a seat, generates the rotation and records a session; a participant answers."""

import pytest

from rotations.models import QuestionnaireAnswer, RotationSession, WorkingMeeting
from tests.browser_session import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["lt", "en"])
def test_editor_runs_a_working_meeting(page, live_server, transactional_demo_site, lang):
    meeting = WorkingMeeting.objects.get(event__slug="politikos-laboratorija", event__locale__language_code="lt")
    group, table, slot = meeting.groups.first(), meeting.tables.all()[2], meeting.slots.all()[4]

    log_in(page, live_server, "alytus-editor")
    page.goto(f"{live_server.url}/{lang}/meetings/{meeting.pk}/manage/")
    page.select_option("#id_group", str(group.pk))
    page.select_option("#id_table", str(table.pk))
    page.select_option("#id_slot", str(slot.pk))
    page.locator("form:has(#id_group) button[type=submit]").click()
    page.locator("form[action$='/generate/'] button").click()
    page.locator(".messages .message.success").wait_for()
    assert RotationSession.objects.filter(group=group, table=table, slot=slot).exists()

    # The group's printable agenda shows the pinned table in the last slot.
    page.goto(f"{live_server.url}/{lang}/meetings/{meeting.pk}/group/{group.pk}/")
    assert page.locator("tbody tr").nth(4).locator("td").nth(1).inner_text() == table.name

    # Notes on a session, then a participant's questionnaire.
    session = RotationSession.objects.get(group=group, table=table)
    page.goto(f"{live_server.url}/{lang}/meetings/{meeting.pk}/sessions/{session.pk}/")
    page.fill("#id_notes", "Trūksta vertėjų paslaugų")
    page.locator("form:has(#id_notes) button").click()
    page.locator(".messages .message.success").wait_for()
    session.refresh_from_db()
    assert session.notes == "Trūksta vertėjų paslaugų"

    page.context.clear_cookies()
    log_in(page, live_server, "klaipeda-editor")
    page.goto(f"{live_server.url}/{lang}/meetings/{meeting.pk}/questionnaire/")
    page.select_option("#id_group", str(meeting.groups.all()[1].pk))
    page.fill("#id_expectations", "Pasidalinti patirtimi")
    page.locator("form:has(#id_expectations) button").click()
    page.wait_for_url(f"**/{lang}/meetings/{meeting.pk}/")
    assert QuestionnaireAnswer.objects.get().expectations == "Pasidalinti patirtimi"
