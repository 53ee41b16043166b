"""The demo has experts with accounts and open Alytus challenges that the city's staff can invite them to."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from challenges import services as challenge_services
from challenges.models import Challenge, Engagement
from experts.demo import CHALLENGES, EXPERTS
from experts.models import ExpertProfile, Visibility
from home.demo import DEMO_PASSWORD, load_demo


def test_demo_experts_log_in_and_staff_invite_them_to_open_challenges(db, client):
    users = load_demo()
    load_demo()  # a second run refreshes, never duplicates
    demo_ids = [expert["external_id"] for expert in EXPERTS]
    profiles = ExpertProfile.objects.filter(external_id__in=demo_ids)
    assert profiles.count() == 3
    for expert in EXPERTS:
        assert expert["username"] in users
        profile = profiles.get(external_id=expert["external_id"])
        assert profile.user.username == expert["username"] and profile.visibility == Visibility.PUBLIC
        assert profile.consent_given_at is not None and profile.cv_text
        assert EmailAddress.objects.get(user=profile.user).verified
        assert client.login(username=expert["username"], password=DEMO_PASSWORD)
        client.logout()
    assert {p.country for p in profiles} == {"NO", "GB", "DE"}

    challenges = Challenge.objects.filter(external_id__in=[c["external_id"] for c in CHALLENGES])
    assert challenges.count() == 2
    assert set(challenges.values_list("status", flat=True)) == {Challenge.Status.OPEN}
    assert set(challenges.values_list("municipality__slug", flat=True)) == {"alytus"}
    english = challenges.get(languages_required=["en"])
    assert english.title == "Safer cycling and walking routes to schools"

    staff = get_user_model().objects.get(username="alytus-darbuotojas")
    invitable = challenge_services.invitable_experts(staff)
    assert set(demo_ids) <= set(invitable.values_list("external_id", flat=True))
    tomas = profiles.get(external_id="demo-expert-tomas")
    engagement = challenge_services.invite_expert(staff, english, tomas, "Would you lead the workshop?")
    assert (
        engagement.status == Engagement.Status.PENDING and engagement.initiated_by == Engagement.Initiator.MUNICIPALITY
    )

    client.login(username="alytus-darbuotojas", password=DEMO_PASSWORD)
    directory = client.get("/en/experts/", follow=True).content.decode()
    assert "Rasa Vaitkutė" in directory and "Tomas Petrauskas" in directory and "Ieva Kazlauskienė" in directory
