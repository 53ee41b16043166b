"""Wagtail's moderation e-mails read in the recipient's language, subject and body alike."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.users.models import UserProfile

from home.models import StoryPage


def kaunas_story():
    return StoryPage.objects.filter(url_path__contains="/kaunas/", locale__language_code="lt").first()


def prefer(username, language):
    user = get_user_model().objects.get(username=username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.mark.parametrize(
    ("language", "subject", "sentence", "english"),
    [
        ("lt", "Laukia jūsų peržiūros etape", "laukia jūsų peržiūros moderavimo etape", "has been submitted"),
        ("en", "Waiting for your review in", "is waiting for your review in the moderation stage", "laukia"),
    ],
)
def test_moderator_gets_the_submission_in_own_language(demo_site, site_catalogue, language, subject, sentence, english):
    moderator = prefer("kaunas-moderator", language)
    editor = get_user_model().objects.get(username="kaunas-editor")
    story = kaunas_story()
    mail.outbox.clear()
    story.get_workflow().start(story, editor)
    [message] = [m for m in mail.outbox if moderator.email in m.to]
    assert subject in message.subject
    assert story.title in message.subject
    assert sentence in message.body
    assert english not in message.body
    assert f"/admin/pages/{story.pk}/edit/" in message.body
    assert message.body.startswith("Sveiki" if language == "lt" else "Hello")


def test_editor_hears_of_rejection_in_lithuanian_with_the_comment(client, demo_site, site_catalogue):
    editor = prefer("kaunas-editor", "lt")
    moderator = get_user_model().objects.get(username="kaunas-moderator")
    story = kaunas_story()
    story.get_workflow().start(story, editor)
    task_state = story.current_workflow_task_state
    mail.outbox.clear()
    client.force_login(moderator)
    response = client.post(
        f"/admin/pages/workflow/action/{story.pk}/reject/{task_state.pk}/", {"comment": "Trūksta nuotraukos"}
    )
    assert response.status_code < 400
    [message] = [m for m in mail.outbox if editor.email in m.to]
    assert message.subject.startswith("Prašoma pakeitimų")
    assert "grąžintas taisyti" in message.body
    assert "Komentaras: „Trūksta nuotraukos“" in message.body
