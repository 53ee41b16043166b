"""GDPR: an expert downloads everything held about them and erases their account without a trace."""

import io
import json
import os
import zipfile

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from experts import services
from experts.models import ExpertProfile, ProfileAccessLog
from experts.signals import expert_erased
from tests.experts.factories import make_pdf
from tests.factories import PASSWORD, ExpertProfileFactory, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert():
    profile = ExpertProfileFactory(visibility="staff", external_id="e900")
    EmailAddress.objects.create(user=profile.user, email=profile.user.email, verified=True, primary=True)
    services.attach_cv(profile, SimpleUploadedFile("Mano CV.pdf", make_pdf("Sewer rehabilitation")))
    profile.save()
    return profile


@pytest.fixture
def received_signals():
    calls = []

    def receiver(sender, **kwargs):
        calls.append(kwargs)

    expert_erased.connect(receiver)
    yield calls
    expert_erased.disconnect(receiver)


def test_export_zip_holds_profile_access_log_and_cv(client, expert):
    staff = make_staff()
    client.force_login(staff)
    client.get(reverse("experts:detail", args=[expert.pk]))
    client.force_login(expert.user)
    response = client.get(reverse("experts:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {"profile.json", "access_log.json", "cv.pdf", "engagements.json"} <= names
    data = json.loads(archive.read("profile.json"))
    assert data["name"] == expert.name
    assert data["account"]["email"] == expert.user.email
    assert data["cv_file"] == "Mano CV.pdf"
    assert data["consent_version"] == expert.consent_version
    log = json.loads(archive.read("access_log.json"))
    assert {"viewer": staff.email, "action": "view"}.items() <= log[-1].items()
    assert archive.read("cv.pdf") == expert.cv_file.open("rb").read()
    assert ProfileAccessLog.objects.filter(profile=expert, action="export").count() == 1


def test_erasure_removes_every_row_and_the_file(client, expert, received_signals):
    cv_path = expert.cv_file.path
    assert os.path.exists(cv_path)
    make_staff()
    services.log_access(None, expert, ProfileAccessLog.Action.VIEW)
    other = ExpertProfileFactory()
    user_id, profile_id = expert.user.pk, expert.pk
    client.force_login(expert.user)
    with translation.override("en"):
        page = client.get(reverse("experts:erase"))
        assert b"cannot be undone" in page.content
        response = client.post(reverse("experts:erase"), {"password": PASSWORD})
    assert response.status_code == 302
    assert not ExpertProfile.objects.filter(pk=profile_id).exists()
    assert not get_user_model().objects.filter(pk=user_id).exists()
    assert not EmailAddress.objects.filter(user_id=user_id).exists()
    assert not ProfileAccessLog.objects.filter(profile_id=profile_id).exists()
    assert not os.path.exists(cv_path)
    assert received_signals == [{"signal": expert_erased, "profile_id": profile_id, "external_id": "e900"}]
    assert ExpertProfile.objects.filter(pk=other.pk).exists()
    # The session is gone: account pages ask for a login again.
    assert client.get(reverse("accounts:dashboard")).status_code == 302


def test_wrong_password_erases_nothing(client, expert, received_signals):
    client.force_login(expert.user)
    response = client.post(reverse("experts:erase"), {"password": "wrong"})
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert ExpertProfile.objects.filter(pk=expert.pk).exists()
    assert os.path.exists(expert.cv_file.path)
    assert received_signals == []


def test_erasure_keeps_challenges_and_removes_engagements(expert, received_signals):
    from challenges.models import Challenge, Engagement, Municipality

    municipality = Municipality.objects.create(name="Alytaus miesto savivaldybė", city_name="Alytus", slug="alytus")
    challenge = Challenge.objects.create(
        municipality=municipality, kind="expert_opinion", title="Water plan", description="Review", status="open"
    )
    Engagement.objects.create(challenge=challenge, expert=expert, initiated_by="expert")
    services.erase_expert(expert)
    assert Challenge.objects.filter(pk=challenge.pk).exists()
    assert not Engagement.objects.exists()
    assert len(received_signals) == 1


def test_member_without_profile_can_erase_account(client, received_signals):
    from tests.factories import UserFactory

    user = UserFactory()
    client.force_login(user)
    assert client.post(reverse("experts:erase"), {"password": PASSWORD}).status_code == 302
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert received_signals == []


def test_erasing_imported_profile_without_user(received_signals, tmp_path):
    profile = ExpertProfileFactory(user=None, external_id="e001")
    services.erase_expert(profile)
    assert not ExpertProfile.objects.exists()
    assert received_signals[0]["external_id"] == "e001"


def test_erase_expert_command_for_imported_profile(received_signals):
    from django.core.management import CommandError, call_command

    profile = ExpertProfileFactory(user=None, external_id="e042")
    call_command("erase_expert", external_id="e042")
    assert not ExpertProfile.objects.filter(pk=profile.pk).exists()
    assert received_signals[0]["external_id"] == "e042"
    with pytest.raises(CommandError, match="No expert profile"):
        call_command("erase_expert", external_id="e042")
