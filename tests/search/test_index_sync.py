"""Index sync: saves, publications and erasures reach the index through Celery tasks after commit."""

import pytest
from django.conf import settings

from search import content_search, expert_search
from search.models import ContentEntry, ExpertSearchEntry
from tests.conftest import broker_configured
from tests.search.conftest import add_story, make_expert
from tests.waiting import wait_for

eager_only = pytest.mark.skipif(
    broker_configured(), reason="a broker is configured: tasks go to the worker (see the worker tests)"
)


@eager_only
@pytest.mark.django_db
def test_publish_and_unpublish_reach_the_index(site, django_capture_on_commit_callbacks):
    page = site["pages"]["draft"]
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert ContentEntry.objects.filter(source="page", object_id=page.pk).exists()
    page.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not ContentEntry.objects.filter(source="page", object_id=page.pk).exists()


@eager_only
@pytest.mark.django_db
def test_expert_save_and_erasure_reach_the_index(users, django_capture_on_commit_callbacks):
    from experts.services import erase_expert

    with django_capture_on_commit_callbacks(execute=True):
        profile = make_expert(name="Sinchronas", headline="Vandentvarkos tyrėjas")
    assert ExpertSearchEntry.objects.filter(expert=profile, normalised__contains=" vandentvark").exists()
    with django_capture_on_commit_callbacks(execute=True):
        profile.headline = "Energetikos tyrėjas"
        profile.save()
    assert ExpertSearchEntry.objects.get(expert=profile).normalised.count(" vandentvark") == 0
    with django_capture_on_commit_callbacks(execute=True):
        erase_expert(profile)
    assert not ExpertSearchEntry.objects.exists()


@eager_only
@pytest.mark.django_db
def test_page_deletion_and_challenge_status_reach_the_index(site, challenges, django_capture_on_commit_callbacks):
    from search import indexing

    indexing.rebuild_database_index()
    page = site["pages"]["water"]
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert not ContentEntry.objects.filter(source="page", object_id=page.pk).exists()
    challenge = challenges["draft"]
    with django_capture_on_commit_callbacks(execute=True):
        challenge.status = "open"
        challenge.save()
    assert ContentEntry.objects.filter(source="challenge", object_id=challenge.pk).exists()


@pytest.mark.worker
def test_worker_indexes_published_pages_and_erases_experts(celery_worker, site_tree):
    """With a real broker and worker: the request path only enqueues, the worker updates the index."""

    from django.contrib.auth.models import AnonymousUser

    from experts.services import erase_expert
    from home.models import StoryIndexPage

    assert settings.CELERY_BROKER_URL
    stories = site_tree["city"].add_child(instance=StoryIndexPage(title="Istorijos", slug="istorijos"))
    page = add_story(stories, "Darbininko istorija", intro="Vandentvarkos darbai.", live=False)
    page.save_revision().publish()  # commits (transactional test): on_commit fires, the worker indexes
    profile = make_expert(name="Darbininkas", headline="Vandentvarkos meistras")

    assert wait_for(lambda: ContentEntry.objects.filter(source="page", object_id=page.pk).exists())
    assert wait_for(lambda: ExpertSearchEntry.objects.filter(expert_id=profile.pk).exists())
    assert [hit.object.pk for hit in content_search.search_content("vandentvarka", "lt").hits] == [page.pk]
    pk = profile.pk
    erase_expert(profile)
    assert wait_for(lambda: not ExpertSearchEntry.objects.filter(expert_id=pk).exists())
    assert expert_search.search_experts("vandentvarka", "lt", AnonymousUser()).hits == []
