"""Moderation: only editors of the call's city may moderate; decisions, merges, flags and follow-up e-mails."""

import pytest
from django.core import mail
from django.urls import reverse

from ideas import services
from ideas.models import Ballot, Follow, Idea, IdeaFlag, Phase, StatusUpdate

from .conftest import make_call, make_idea, make_member, set_phase


@pytest.fixture
def editors(cities):
    alytus = make_member("alytus.editor@example.com", is_staff=False)
    alytus.groups.add(cities["alytus_editors"])
    kaunas = make_member("kaunas.editor@example.com")
    kaunas.groups.add(cities["kaunas_editors"])
    return {"alytus": alytus, "kaunas": kaunas}


@pytest.fixture
def pending(cities, member):
    call = make_call(cities["alytus"])
    return make_idea(call, "Lake lights", cost=10, status="submitted", author=member)


def test_editor_of_another_city_cannot_moderate(pending, editors, client):
    assert services.can_moderate(editors["alytus"], pending.call)
    assert not services.can_moderate(editors["kaunas"], pending.call)
    with pytest.raises(PermissionError):
        services.moderate(pending, editors["kaunas"], "accept")
    client.force_login(editors["kaunas"])
    url = reverse("ideas_admin:moderate", args=[pending.pk])
    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard and an error message.
    assert client.get(url).status_code in (302, 403)
    assert client.post(url, {"action": "accept"}).status_code in (302, 403)
    assert "Lake lights" not in client.get(reverse("ideas_admin:index")).content.decode()
    pending.refresh_from_db()
    assert pending.status == Idea.Status.SUBMITTED


def test_member_cannot_reach_moderation(pending, member, client):
    client.force_login(member)
    response = client.post(reverse("ideas_admin:moderate", args=[pending.pk]), {"action": "accept"})
    assert response.status_code in (302, 403)
    pending.refresh_from_db()
    assert pending.status == Idea.Status.SUBMITTED


def test_city_editor_accepts_in_the_admin(pending, editors, client):
    client.force_login(editors["alytus"])
    assert "Lake lights" in client.get(reverse("ideas_admin:index")).content.decode()
    response = client.post(reverse("ideas_admin:moderate", args=[pending.pk]), {"action": "accept"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == Idea.Status.ACCEPTED and pending.moderated_by == editors["alytus"]


def test_changes_and_rejection_need_a_message(pending, editors, member):
    with pytest.raises(services.IdeasError):
        services.moderate(pending, editors["alytus"], "reject", "")
    services.moderate(pending, editors["alytus"], "changes", "Please add the address.")
    pending.refresh_from_db()
    assert pending.status == Idea.Status.CHANGES_REQUESTED and pending.editable_by_author
    pending.address = "Pulko g. 1"
    services.save_idea(pending, member, submit=True)
    assert pending.status == Idea.Status.SUBMITTED
    services.moderate(pending, editors["alytus"], "reject", "Outside the city's competence.")
    pending.refresh_from_db()
    assert pending.status == Idea.Status.REJECTED and "competence" in pending.moderation_message
    assert not pending.editable_by_author


def test_merge_duplicates_moves_supports(pending, editors, other_member):
    call = pending.call
    original = make_idea(call, "Lights by the lake", cost=10)
    duplicate = make_idea(call, "Lake lighting", cost=10)
    set_phase(call, Phase.VOTING)
    services.cast_ballot(call, other_member, [duplicate.pk], "resident")
    with pytest.raises(services.IdeasError):
        services.moderate(duplicate, editors["alytus"], "merge", merge_into=duplicate)
    services.moderate(duplicate, editors["alytus"], "merge", merge_into=original)
    duplicate.refresh_from_db()
    assert duplicate.status == Idea.Status.MERGED and duplicate.merged_into == original
    assert list(Ballot.objects.get(voter=other_member).ideas.all()) == [original]


def test_members_flag_ideas(pending, editors, member, other_member, client):
    services.moderate(pending, editors["alytus"], "accept")
    client.force_login(other_member)
    client.post(reverse("ideas:flag", args=[pending.pk]), {"reason": "Duplicate of another idea"})
    client.post(reverse("ideas:flag", args=[pending.pk]), {"reason": "Really a duplicate"})
    assert IdeaFlag.objects.filter(idea=pending).count() == 1
    client.force_login(editors["alytus"])
    flagged = client.get(reverse("ideas_admin:index") + "?status=flagged").content.decode()
    assert "Lake lights" in flagged


def test_unmoderated_idea_is_private(pending, other_member, member, client):
    url = reverse("ideas:detail", args=[pending.pk])
    assert client.get(url).status_code == 404
    client.force_login(other_member)
    assert client.get(url).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 200


def test_status_update_emails_followers(pending, editors, other_member, client):
    services.moderate(pending, editors["alytus"], "accept")
    client.force_login(other_member)
    client.post(reverse("ideas:follow", args=[pending.pk]), {"on": "1"})
    assert Follow.objects.filter(idea=pending, user=other_member).exists()
    client.force_login(editors["alytus"])
    with_commit = client.post(reverse("ideas_admin:status_update", args=[pending.pk]), {"text": "Works start in May."})
    assert with_commit.status_code == 302
    update = StatusUpdate.objects.get()
    # The e-mail task runs on commit (eagerly on the embedded default); run it here if the test transaction held it.
    if not update.notified_at and not mail.outbox:
        services.send_update_emails(update.pk)
    assert [m.to for m in mail.outbox] == [[other_member.email]]
    assert reverse("ideas:detail", args=[pending.pk]) in mail.outbox[0].body
    assert services.send_update_emails(update.pk) == 0  # idempotent: never sent twice
    assert "Works start in May." in client.get(reverse("ideas:detail", args=[pending.pk])).content.decode()


@pytest.mark.django_db(transaction=True)
def test_status_update_task_on_a_real_worker(cities, celery_worker):
    call = make_call(cities["alytus"], slug="worker-call")
    idea = make_idea(call, "Skatepark", cost=10)
    follower = make_member("follower@example.com")
    Follow.objects.create(idea=idea, user=follower)
    editor = make_member("editor2@example.com")
    editor.groups.add(cities["alytus_editors"])
    from ideas.tasks import notify_followers

    update = StatusUpdate.objects.create(idea=idea, author=editor, text="Done")
    assert notify_followers.delay(update.pk).get(timeout=90) == 1
    update.refresh_from_db()
    assert update.notified_at is not None


def test_call_settings_editable_in_the_wagtail_admin(cities, django_user_model, client):
    call = make_call(cities["alytus"], slug="configurable")
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    from ideas.models import CallSettings

    conf = CallSettings.objects.get(call=call)
    listing = client.get("/admin/snippets/ideas/callsettings/")
    assert listing.status_code == 200
    edit_url = f"/admin/snippets/ideas/callsettings/edit/{conf.pk}/"
    assert client.get(edit_url).status_code == 200
    response = client.post(
        edit_url,
        {
            "call": call.pk,
            "phase_override": "voting",
            "ballot_type": "approval",
            "max_approvals": "3",
            "official_rule": "mes",
            "eligibility": "residents",
            "languages": "lt",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    conf.refresh_from_db()
    assert (conf.phase(), conf.ballot_type, conf.max_approvals, conf.official_rule) == ("voting", "approval", 3, "mes")
    assert not conf.require_verified_email  # unchecked box


def test_editor_cannot_configure_another_citys_call(cities, editors, client):
    from django.contrib.auth.models import Permission

    from ideas.models import CallSettings

    call = make_call(cities["alytus"], slug="alytus-only")
    CallSettings.objects.filter(call=call).delete()
    cities["kaunas_editors"].permissions.add(*Permission.objects.filter(codename__endswith="_callsettings"))
    client.force_login(editors["kaunas"])
    response = client.post(
        "/admin/snippets/ideas/callsettings/add/",
        {
            "call": call.pk,
            "ballot_type": "supports",
            "official_rule": "greedy",
            "eligibility": "tied",
            "languages": "lt",
        },
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["call"]
    assert not CallSettings.objects.filter(call=call).exists()
