"""Erasure reaches every copy: a unique token put in every field a member can fill is found nowhere afterwards."""

import io
import json
import logging
import os
import uuid
import zipfile

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

from experts import services
from tests.experts.factories import make_pdf
from tests.factories import ExpertProfileFactory, UserFactory
from tests.home.test_registration import make_event
from tests.ideas.conftest import make_call, make_idea, make_member

PASSWORD = "pw-123456!"


@pytest.fixture
def eager(settings):
    """Run tasks in-process (index and vector clean-up after the erasure) even with a broker configured."""
    from config.celery import app

    settings.MATCHING_AUTO_EMBED = False
    old = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = old


def token_hits(token):
    """Return 'table.column' for every text-castable column of every table that still contains the token."""
    hits = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                name = connection.ops.quote_name(column.name)
                cursor.execute(
                    f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} "  # noqa: S608 - names from introspection
                    f"WHERE LOWER(CAST({name} AS TEXT)) LIKE %s",
                    [f"%{token}%"],
                )
                if cursor.fetchone()[0]:
                    hits.append(f"{table}.{column.name}")
    return hits


def file_hits(token):
    """Return files under the media and private roots whose name or bytes contain the token."""
    hits = []
    for root in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        for folder, _dirs, names in os.walk(root):
            for name in names:
                path = os.path.join(folder, name)
                with open(path, "rb") as handle:
                    if token in name.lower() or token.encode() in handle.read().lower():
                        hits.append(path)
    return hits


def fill_member(site_tree, client, token, with_profile):
    """Create a member who used every feature, with the token in every field they could fill."""
    from wagtail.log_actions import log

    from challenges.models import Engagement
    from home.services import register_attendee
    from ideas.models import Ballot, Follow, IdeaAttachment, IdeaFlag
    from tests.factories import ChallengeFactory

    user = make_member(f"{token}@example.com", first_name=token, last_name=token)
    other_call = make_call(site_tree["city"], slug="call")
    others_idea = make_idea(other_call, "Someone else's idea")
    make_idea(other_call, f"{token} draft", status="draft", author=user, description=token, address=token)
    public = make_idea(other_call, f"{token} public", status="accepted", author=user, description=token)
    IdeaAttachment.objects.create(
        idea=public, file=ContentFile(token.encode(), name=f"{token}.txt"), original_name=f"{token}.txt"
    )
    Follow.objects.create(idea=others_idea, user=user)
    IdeaFlag.objects.create(idea=others_idea, user=user, reason=token)
    ballot = Ballot.objects.create(call=other_call, voter=user, tie="resident")
    ballot.ideas.add(others_idea, public)
    event = make_event(site_tree["city"], title="Vakaronė")
    register_attendee(event, f"{token} Vardenis", f"{token}@example.com", "lt")
    admin = UserFactory(is_superuser=True, is_staff=True)
    log(instance=user, action="wagtail.edit", user=admin)
    if with_profile:
        profile = ExpertProfileFactory(
            user=user,
            name=f"{token} Pavardenis",
            headline=token,
            cv_text=token,
            competencies=[token],
            help_topics=[token],
            city_ties=["Alytus", token],
        )
        services.attach_cv(profile, SimpleUploadedFile(f"{token}.pdf", make_pdf(f"CV {token}")))
        profile.save()
        log(instance=profile, action="wagtail.edit", user=admin)
        someone = ExpertProfileFactory()
        services.log_access(user, someone, "view")
        challenge = ChallengeFactory()
        Engagement.objects.create(challenge=challenge, expert=profile, initiated_by="expert", message=token)
    return user


@pytest.mark.parametrize("with_profile", [True, False], ids=["expert", "member"])
def test_erasure_leaves_no_copy_anywhere(
    site_tree, client, eager, caplog, django_capture_on_commit_callbacks, with_profile
):
    caplog.set_level(logging.DEBUG)
    token = f"zqx{uuid.uuid4().hex[:10]}"
    with django_capture_on_commit_callbacks(execute=True):
        user = fill_member(site_tree, client, token, with_profile)
    assert token_hits(token), "the test put no token in the database"

    client.force_login(user)
    export = zipfile.ZipFile(io.BytesIO(client.get(reverse("experts:export")).content))
    assert {"account.json", "ideas.json", "ballots.json", "supports.json", "follows.json"} <= set(export.namelist())
    registrations = json.loads(export.read("event_registrations.json"))
    assert [r["email"] for r in registrations] == [f"{token}@example.com"]
    assert len(json.loads(export.read("ideas.json"))) == 2
    assert len(json.loads(export.read("ballots.json"))[0]["ideas"]) == 2
    assert len(json.loads(export.read("follows.json"))) == 1
    assert ("profile.json" in export.namelist()) is with_profile

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("experts:erase"), {"password": PASSWORD})
    assert response.status_code == 302

    assert token_hits(token) == []
    assert file_hits(token) == []
    assert token not in caplog.text
    # Public ideas stay as (redacted) projects so others' ballots still count; drafts are gone.
    from ideas.models import Idea

    assert Idea.objects.filter(author__isnull=True, title__contains="#").count() == 1
    assert Idea.objects.filter(title="Someone else's idea").exists()
