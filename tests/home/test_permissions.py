"""City editors work inside their own city only; moderated cities go through a workflow."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale

from home.models import CityPage, StoryIndexPage, StoryPage


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def story_index(city_slug, language="lt"):
    return StoryIndexPage.objects.get(url_path__contains=f"/{city_slug}/", locale__language_code=language)


def new_story_post(title):
    return {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
        "kind": "community",
        "date": "2026-11-01",
        "author_name": "Redaktorė",
        "intro": "Įvadas",
        "body-count": "0",
        "tags": "",
        "action-publish": "publish",
    }


@pytest.mark.parametrize("language", ["lt", "en"])
def test_editor_can_edit_pages_in_own_city(client, demo_site, language):
    login(client, "alytus-editor")
    slug = {"lt": "grizau-i-dzukija", "en": "back-in-dzukija-after-ten-years-in-london"}[language]
    story = StoryPage.objects.get(slug=slug, locale__language_code=language)
    assert client.get(f"/admin/pages/{story.pk}/edit/").status_code == 200


@pytest.mark.parametrize("language", ["lt", "en"])
def test_editor_cannot_edit_pages_in_another_city(client, demo_site, language):
    login(client, "alytus-editor")
    story = StoryPage.objects.get(slug="architekte-is-cikagos", locale__language_code="lt")
    story = story.get_translation(Locale.objects.get(language_code=language))
    response = client.get(f"/admin/pages/{story.pk}/edit/")
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or "/admin/" in response["Location"]


def test_editor_creates_and_publishes_in_own_city(client, demo_site):
    login(client, "alytus-editor")
    parent = story_index("alytus")
    response = client.post(f"/admin/pages/add/home/storypage/{parent.pk}/", new_story_post("Nauja istorija"))
    assert response.status_code == 302
    story = StoryPage.objects.get(slug="nauja-istorija")
    assert story.live and story.get_parent().pk == parent.pk


def test_editor_cannot_create_in_another_city(client, demo_site):
    login(client, "alytus-editor")
    parent = story_index("kaunas")
    response = client.post(f"/admin/pages/add/home/storypage/{parent.pk}/", new_story_post("Svetima istorija"))
    assert response.status_code in (302, 403)
    assert not StoryPage.objects.filter(slug="svetima-istorija").exists()


def test_editor_cannot_publish_in_a_moderated_city_but_can_submit(client, demo_site):
    login(client, "kaunas-editor")
    parent = story_index("kaunas")
    response = client.post(f"/admin/pages/add/home/storypage/{parent.pk}/", new_story_post("Kauno istorija"))
    story = StoryPage.objects.get(slug="kauno-istorija")
    assert not story.live, "an editor without publish permission must not publish"
    post = new_story_post("Kauno istorija")
    post.pop("action-publish")
    post["action-submit"] = "submit"
    response = client.post(f"/admin/pages/{story.pk}/edit/", post)
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.current_workflow_state is not None
    assert story.current_workflow_state.status == "in_progress"


def test_moderator_approves_in_the_workflow(client, demo_site):
    editor = get_user_model().objects.get(username="kaunas-editor")
    parent = story_index("kaunas")
    story = parent.add_child(instance=StoryPage(title="Laukia patvirtinimo", slug="laukia", live=False))
    revision = story.save_revision(user=editor)
    workflow = story.get_workflow()
    workflow.start(story, editor)
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    login(client, "kaunas-moderator")
    response = client.post(f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {"comment": "Gerai"})
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live and story.live_revision_id == revision.pk


def test_city_site_serves_its_hub_on_its_own_domain(client, demo_site):
    from home.demo import load_demo

    load_demo(city_sites=True)
    response = client.get("/lt/", HTTP_HOST="alytus.localhost")
    assert response.status_code == 200
    assert (
        CityPage.objects.get(slug="alytus", locale__language_code="lt").municipality_name in response.content.decode()
    )
