"""Working meetings through the site: programme, agendas, managing, notes, follow-ups, questionnaire."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model

from challenges.models import Municipality
from rotations.models import FollowUpAction, QuestionnaireAnswer, RotationSession, WorkingMeeting
from rotations.schedule import Rotation, validation_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(demo_site):
    return WorkingMeeting.objects.get(event__slug="politikos-laboratorija", event__locale__language_code="lt")


def signed_in(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def rotation_of(meeting):
    """Rebuild the stored sessions as a Rotation, to check them with the generator's own validator."""
    groups = [g.pk for g in meeting.groups.all()]
    tables = [t.pk for t in meeting.tables.all()]
    slots = [s.pk for s in meeting.slots.all()]
    rotation = Rotation(len(groups), len(tables), len(slots))
    for session in meeting.sessions.all():
        rotation.slot_of[(groups.index(session.group_id), tables.index(session.table_id))] = slots.index(
            session.slot_id
        )
    return rotation


def test_demo_meeting_has_a_valid_rotation_honouring_its_pin(meeting):
    assert meeting.sessions.count() == 25
    pin = meeting.pins.get()
    assert RotationSession.objects.filter(group=pin.group, table=pin.table, slot=pin.slot).exists()
    assert validation_errors(rotation_of(meeting)) == []


@pytest.mark.parametrize("language", ["lt", "en"])
def test_programme_and_printable_agendas_are_public(client, meeting, language):
    response = client.get(f"/{language}/meetings/{meeting.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("grupė</a>") == 25 + 5  # every cell of the grid, and the list of groups
    group = meeting.groups.first()
    agenda = client.get(f"/{language}/meetings/{meeting.pk}/group/{group.pk}/")
    assert agenda.status_code == 200
    assert agenda.content.decode().count("<tr>") == 1 + 5  # header and one row per slot
    table = meeting.tables.last()
    assert "Motyvacija" in client.get(f"/{language}/meetings/{meeting.pk}/table/{table.pk}/").content.decode()


def test_manage_is_for_the_events_own_editors_and_admins(client, meeting):
    url = f"/lt/meetings/{meeting.pk}/manage/"
    assert client.get(url).status_code == 302
    assert signed_in(client, "klaipeda-editor").get(url).status_code == 403
    assert signed_in(client, "alytus-editor").get(url).status_code == 200
    assert signed_in(client, "admin").get(url).status_code == 200


def test_another_citys_editor_cannot_generate_or_pin(client, meeting):
    before = list(meeting.sessions.values_list("group", "table", "slot"))
    signed_in(client, "klaipeda-editor")
    assert client.post(f"/lt/meetings/{meeting.pk}/generate/").status_code == 403
    group, table, slot = meeting.groups.first(), meeting.tables.first(), meeting.slots.last()
    response = client.post(
        f"/lt/meetings/{meeting.pk}/manage/", {"group": group.pk, "table": table.pk, "slot": slot.pk}
    )
    assert response.status_code == 403
    assert list(meeting.sessions.values_list("group", "table", "slot")) == before
    assert meeting.pins.count() == 1


def test_editor_pins_a_choice_and_the_regenerated_rotation_honours_it(client, meeting):
    signed_in(client, "alytus-editor")
    group, table, slot = meeting.groups.first(), meeting.tables.all()[1], meeting.slots.all()[3]
    response = client.post(
        f"/lt/meetings/{meeting.pk}/manage/", {"group": group.pk, "table": table.pk, "slot": slot.pk}
    )
    assert response.status_code == 302
    client.post(f"/lt/meetings/{meeting.pk}/generate/")
    assert RotationSession.objects.filter(meeting=meeting, group=group, table=table, slot=slot).exists()
    assert validation_errors(rotation_of(meeting)) == []


def test_impossible_rotation_is_explained_and_keeps_the_old_one(client, meeting):
    signed_in(client, "alytus-editor")
    meeting.slots.last().delete()  # four slots for five tables
    before = meeting.sessions.count()
    response = client.post(f"/en/meetings/{meeting.pk}/generate/", follow=True)
    assert "No rotation is possible" in response.content.decode()
    assert "only 4 time slots" in response.content.decode()
    assert meeting.sessions.count() == before


def test_recorded_sessions_are_never_overwritten_by_regeneration(client, meeting):
    signed_in(client, "alytus-editor")
    session = meeting.sessions.first()
    response = client.post(
        f"/lt/meetings/{meeting.pk}/sessions/{session.pk}/", {"notes": "Aptarta: vertėjų trūkumas.", "conclusions": ""}
    )
    assert response.status_code == 302
    response = client.post(f"/en/meetings/{meeting.pk}/generate/", follow=True)
    assert "can no longer be regenerated" in response.content.decode()
    session.refresh_from_db()
    assert session.notes == "Aptarta: vertėjų trūkumas."


def test_follow_up_actions_validate_their_due_date(client, meeting):
    signed_in(client, "alytus-editor")
    session = meeting.sessions.first()
    municipality = Municipality.objects.get(slug="alytus")
    url = f"/lt/meetings/{meeting.pk}/sessions/{session.pk}/"
    too_early = (session.slot.starts_at - timedelta(days=3)).date().isoformat()
    response = client.post(
        url,
        {
            "add_action": "1",
            "description": "Parengti atmintinę",
            "municipality": municipality.pk,
            "due_date": too_early,
        },
    )
    assert response.status_code == 400
    assert not FollowUpAction.objects.exists()
    due = (session.slot.starts_at + timedelta(days=30)).date().isoformat()
    response = client.post(
        url, {"add_action": "1", "description": "Parengti atmintinę", "municipality": municipality.pk, "due_date": due}
    )
    assert response.status_code == 302
    action = FollowUpAction.objects.get()
    client.post(url, {"toggle_action": str(action.pk)})
    action.refresh_from_db()
    assert action.done
    assert client.post(url, {"toggle_action": "²"}).status_code == 404


def test_questionnaire_is_one_answer_per_participant(client, meeting):
    url = f"/lt/meetings/{meeting.pk}/questionnaire/"
    assert client.get(url).status_code == 302
    signed_in(client, "klaipeda-editor")
    group = meeting.groups.all()[1]
    assert client.post(url, {"group": group.pk, "expectations": "Gerosios praktikos", "topics": ""}).status_code == 302
    assert (
        client.post(
            url, {"group": group.pk, "expectations": "Gerosios praktikos ir ryšiai", "topics": "Vertimai"}
        ).status_code
        == 302
    )
    answer = QuestionnaireAnswer.objects.get()
    assert answer.expectations == "Gerosios praktikos ir ryšiai"
    other_meeting_group = 10**9
    response = client.post(url, {"group": other_meeting_group, "expectations": "x"})
    assert response.status_code == 400
    assert QuestionnaireAnswer.objects.count() == 1


def test_answers_are_erased_with_the_participant(client, meeting):
    user = get_user_model().objects.get(username="klaipeda-editor")
    signed_in(client, "klaipeda-editor").post(
        f"/lt/meetings/{meeting.pk}/questionnaire/",
        {"group": meeting.groups.first().pk, "expectations": "Unikalus-zenklas-42"},
    )
    user.delete()
    assert not QuestionnaireAnswer.objects.filter(expectations__contains="Unikalus-zenklas-42").exists()


@pytest.mark.parametrize("language", ["lt", "en"])
def test_the_event_page_links_its_working_meeting(client, meeting, language):
    event = meeting.event if language == "lt" else meeting.event.get_translations().get()
    assert f'href="/{language}/meetings/{meeting.pk}/"' in client.get(event.url).content.decode()
