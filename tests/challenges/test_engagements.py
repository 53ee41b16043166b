"""Interest and invitations: who may start and answer them, their history, and the e-mails they send."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from challenges import emails, permissions, services
from challenges.models import Challenge, Engagement, EngagementEvent
from tests.factories import ChallengeFactory, ExpertProfileFactory, UserFactory
from tests.waiting import wait_for


def test_interest_only_in_open_challenges(world):
    expert_user = world["users"]["expert"]
    for status in ("draft", "in_progress", "closed"):
        challenge = ChallengeFactory(municipality=world["home"], status=status)
        with pytest.raises(services.ChallengeError):
            services.express_interest(expert_user, challenge)
    assert not Engagement.objects.exists()


def test_interest_needs_a_consented_expert_profile(world):
    unconsented = ExpertProfileFactory(consent_given_at=None)
    with pytest.raises(PermissionDenied):
        services.express_interest(unconsented.user, world["open"])
    with pytest.raises(PermissionDenied):
        services.express_interest(world["users"]["member"], world["open"])


def test_interest_twice_is_refused(world):
    services.express_interest(world["users"]["expert"], world["open"])
    with pytest.raises(services.ChallengeError):
        services.express_interest(world["users"]["expert"], world["open"])
    assert Engagement.objects.count() == 1


def test_interest_accepted_by_staff_keeps_history(world):
    engagement = services.express_interest(world["users"]["expert"], world["open"], "Galiu")
    assert permissions.allowed_responses(world["users"]["expert"], engagement) == ("withdraw",)
    assert permissions.allowed_responses(world["users"]["own_staff"], engagement) == ("accept", "decline")
    assert permissions.allowed_responses(world["users"]["other_staff"], engagement) == ()
    services.respond(world["users"]["own_staff"], engagement, "accept")
    engagement.refresh_from_db()
    assert engagement.status == "accepted"
    history = list(engagement.events.values_list("status", "actor"))
    assert history == [("pending", world["users"]["expert"].pk), ("accepted", world["users"]["own_staff"].pk)]
    with pytest.raises(services.ChallengeError):
        services.respond(world["users"]["own_staff"], engagement, "decline")


def test_expert_may_withdraw_own_interest_but_not_accept_it(world):
    engagement = services.express_interest(world["users"]["expert"], world["open"])
    with pytest.raises(services.ChallengeError):
        services.respond(world["users"]["expert"], engagement, "accept")
    services.respond(world["users"]["expert"], engagement, "withdraw")
    engagement.refresh_from_db()
    assert engagement.status == "withdrawn"


def test_invitation_answered_by_the_expert(world):
    engagement = services.invite_expert(world["users"]["own_staff"], world["open"], world["expert"], "Kviečiame")
    assert engagement.initiated_by == "municipality"
    with pytest.raises(services.ChallengeError):
        services.respond(world["users"]["own_staff"], engagement, "accept")
    with pytest.raises(PermissionDenied):
        services.respond(world["users"]["other_staff"], engagement, "accept")
    services.respond(world["users"]["expert"], engagement, "decline")
    engagement.refresh_from_db()
    assert engagement.status == "declined"
    assert list(engagement.events.values_list("status", flat=True)) == ["pending", "declined"]


def test_staff_can_only_invite_experts_they_may_see(world):
    staff = world["users"]["own_staff"]
    hidden = ExpertProfileFactory(visibility="hidden")
    staff_only = ExpertProfileFactory(visibility="staff")
    unconsented = ExpertProfileFactory(consent_given_at=None)
    imported = ExpertProfileFactory(user=None, external_id="e999")
    for profile in (hidden, unconsented, imported):
        with pytest.raises(services.ChallengeError):
            services.invite_expert(staff, world["open"], profile)
    services.invite_expert(staff, world["open"], staff_only)
    assert list(Engagement.objects.values_list("expert", flat=True)) == [staff_only.pk]


def test_invite_view_refuses_hidden_expert_without_crash(client, world):
    hidden = ExpertProfileFactory(visibility="hidden")
    client.force_login(world["users"]["own_staff"])
    response = client.post(reverse("challenges:invite", args=[world["open"].pk]), {"expert_id": hidden.pk}, follow=True)
    assert response.status_code == 200
    response = client.post(reverse("challenges:invite", args=[world["open"].pk]), {"expert_id": "abc"}, follow=True)
    assert response.status_code == 200
    assert not Engagement.objects.exists()


def test_no_invitations_to_drafts_or_closed_challenges(world):
    closed = ChallengeFactory(municipality=world["home"], status="closed")
    for challenge in (world["draft"], closed):
        with pytest.raises(services.ChallengeError):
            services.invite_expert(world["users"]["own_staff"], challenge, world["expert"])


def test_erasing_an_expert_removes_engagements_not_the_challenge(world):
    services.express_interest(world["users"]["expert"], world["open"])
    world["expert"].delete()
    assert not Engagement.objects.exists()
    assert not EngagementEvent.objects.exists()
    assert Challenge.objects.filter(pk=world["open"].pk).exists()


def test_detail_page_shows_answer_buttons_to_the_right_party(client, world):
    engagement = services.express_interest(world["users"]["expert"], world["open"], "Turiu patirties")
    url = reverse("challenges:detail", args=[world["open"].pk])
    respond_url = reverse("challenges:engagement_respond", args=[engagement.pk])
    client.force_login(world["users"]["own_staff"])
    body = client.get(url).content.decode()
    assert respond_url in body and 'value="accept"' in body and "Turiu patirties" in body
    client.force_login(world["users"]["other_staff"])
    assert respond_url not in client.get(url).content.decode()
    client.force_login(world["users"]["expert"])
    body = client.get(url).content.decode()
    assert 'value="withdraw"' in body and 'value="accept"' not in body


# --- E-mails ---


def test_invitation_and_acceptance_mails_in_each_recipients_language(
    client, world, lt_catalogue, eager_tasks, django_capture_on_commit_callbacks
):
    expert_user = world["users"]["expert"]
    staff = world["users"]["own_staff"]
    # The expert last used the English site; the inviting staff member works in Lithuanian.
    services.express_interest(expert_user, ChallengeFactory(municipality=world["other"]))
    Engagement.objects.update(expert_language="en")
    mail.outbox.clear()
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/lt/challenges/{world['open'].pk}/invite/", {"expert_id": world["expert"].pk, "message": "Labas"})
    assert len(mail.outbox) == 1
    invitation = mail.outbox[0]
    assert invitation.to == [expert_user.email]
    assert invitation.extra_headers["Content-Language"] == "en"
    assert "invites you" in invitation.subject
    assert f"/en/challenges/{world['open'].pk}/" in invitation.body
    assert "Labas" in invitation.body

    engagement = Engagement.objects.get(challenge=world["open"])
    client.force_login(expert_user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/challenges/engagements/{engagement.pk}/respond/", {"decision": "accept"})
    assert len(mail.outbox) == 2
    acceptance = mail.outbox[1]
    assert acceptance.to == [staff.email]
    assert acceptance.extra_headers["Content-Language"] == "lt"
    assert "Priimta" in acceptance.subject
    assert "priėmė jūsų kvietimą" in acceptance.body
    assert f"/lt/challenges/{world['open'].pk}/" in acceptance.body


def test_interest_goes_to_coordinators_and_answer_back_to_the_expert(
    client, world, lt_catalogue, eager_tasks, django_capture_on_commit_callbacks
):
    coordinator = world["users"]["own_staff"].staff_membership
    coordinator.is_coordinator = True
    coordinator.save()
    client.force_login(world["users"]["expert"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/lt/challenges/{world['open'].pk}/interest/", {"message": "Galiu"})
    assert [m.to for m in mail.outbox] == [[world["users"]["own_staff"].email]]
    assert "Ekspertas domisi" in mail.outbox[0].subject
    engagement = Engagement.objects.get()
    assert engagement.expert_language == "lt"
    client.force_login(world["users"]["own_staff"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/challenges/engagements/{engagement.pk}/respond/", {"decision": "decline"})
    assert mail.outbox[1].to == [world["users"]["expert"].email]
    assert mail.outbox[1].extra_headers["Content-Language"] == "lt"
    assert "Atmesta" in mail.outbox[1].subject


def test_notification_is_sent_once(world, eager_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        engagement = services.invite_expert(world["users"]["own_staff"], world["open"], world["expert"])
    event = engagement.events.get()
    assert emails.notify_event(event.pk) == 1
    assert emails.notify_event(event.pk) == 0
    assert len(mail.outbox) == 1


def test_expert_language_falls_back_to_profile_languages(db):
    assert emails.expert_language(ExpertProfileFactory(languages=["en", "no"])) == "en"
    assert emails.expert_language(ExpertProfileFactory(languages=["lt", "en"])) == "lt"
    assert emails.expert_language(ExpertProfileFactory(languages=[])) == "lt"


def test_real_worker_sends_invitation_and_acceptance(
    no_auto_embed, purged_broker, celery_worker, world, lt_catalogue, client
):
    expert_user = world["users"]["expert"]
    staff = world["users"]["own_staff"]
    world["expert"].languages = ["en", "de"]  # no Lithuanian: the invitation goes out in English
    world["expert"].save()
    client.force_login(staff)
    client.post(f"/lt/challenges/{world['open'].pk}/invite/", {"expert_id": world["expert"].pk})
    assert wait_for(lambda: any(m.to == [expert_user.email] for m in mail.outbox)), "invitation not sent"
    invitation = next(m for m in mail.outbox if m.to == [expert_user.email])
    assert invitation.extra_headers["Content-Language"] == "en"
    assert "invites you" in invitation.subject

    engagement = Engagement.objects.get()
    client.force_login(expert_user)
    client.post(f"/en/challenges/engagements/{engagement.pk}/respond/", {"decision": "accept"})
    assert wait_for(lambda: any(m.to == [staff.email] for m in mail.outbox)), "acceptance not sent"
    acceptance = next(m for m in mail.outbox if m.to == [staff.email])
    assert acceptance.extra_headers["Content-Language"] == "lt"
    assert "Priimta" in acceptance.subject
    assert wait_for(lambda: not EngagementEvent.objects.filter(notified_at__isnull=True).exists())


def test_member_without_profile_gets_no_mail(world, eager_tasks, django_capture_on_commit_callbacks):
    UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(PermissionDenied):
            services.express_interest(world["users"]["member"], world["open"])
    assert mail.outbox == []


def test_my_engagements_lists_each_partys_own(client, world):
    mine = services.express_interest(world["users"]["expert"], world["open"], "Galiu")
    other_expert = ExpertProfileFactory()
    kaunas = ChallengeFactory(municipality=world["other"], title="Kauno iššūkis")
    theirs = services.express_interest(other_expert.user, kaunas)
    url = reverse("challenges:my_engagements")
    assert client.get(url).status_code == 302  # anonymous: to the login page

    client.force_login(world["users"]["expert"])
    rows = client.get(url).context["engagement_rows"]
    assert [(e, r) for e, r in rows] == [(mine, ("withdraw",))]

    client.force_login(world["users"]["own_staff"])
    rows = client.get(url).context["engagement_rows"]
    assert [(e, r) for e, r in rows] == [(mine, ("accept", "decline"))]

    client.force_login(world["users"]["other_staff"])
    assert [e for e, _r in client.get(url).context["engagement_rows"]] == [theirs]

    client.force_login(world["users"]["member"])
    assert client.get(url).context["engagement_rows"] == []
