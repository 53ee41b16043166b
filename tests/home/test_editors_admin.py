"""City editors: their own image/document collection, their events' registrations, a dashboard of what waits."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

from home.models import EventPage, EventRegistration


def login(client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    return user


def register(slug, name, email):
    event = EventPage.objects.get(slug=slug, locale__language_code="lt")
    return EventRegistration.objects.create(
        event=event, name=name, email=email, occurrence_start=event.next_occurrence().start, language="lt"
    )


@pytest.mark.parametrize("path", ["/admin/images/", "/admin/documents/", "/admin/images/multiple/add/"])
def test_city_editor_can_open_images_and_documents(client, demo_site, path):
    login(client, "alytus-editor")
    response = client.get(path)
    assert response.status_code == 200, response.get("Location")


def test_editor_sees_only_own_citys_collection_and_images(client, demo_site):
    alytus, kaunas = Collection.objects.get(name="Alytus"), Collection.objects.get(name="Kaunas")
    Image.objects.create(title="Kauno vaizdas", file=get_test_image_file(), collection=kaunas)
    Image.objects.create(title="Alytaus vaizdas", file=get_test_image_file(), collection=alytus)
    login(client, "alytus-editor")
    html = client.get("/admin/images/").content.decode()
    assert "Alytaus vaizdas" in html and "Kauno vaizdas" not in html


def test_editor_sees_own_citys_registrations_and_exports_csv(client, demo_site):
    register("karjeros-dirbtuves-sugrizusiems", "Ona Alytiškė", "ona@example.com")
    register("pasaulio-kauniecziu-forumas", "Jonas Kaunietis", "jonas@example.com")
    login(client, "alytus-editor")
    listing = client.get("/admin/snippets/home/eventregistration/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Ona Alytiškė" in html and "Jonas Kaunietis" not in html
    export = client.get("/admin/snippets/home/eventregistration/?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "ona@example.com" in body and "jonas@example.com" not in body
    assert body.startswith("\ufeff"), "a BOM so spreadsheet programs read the Lithuanian letters"


def test_registration_csv_headers_are_translated(client, demo_site, site_catalogue):
    register("karjeros-dirbtuves-sugrizusiems", "Ona Alytiškė", "ona@example.com")
    login(client, "alytus-editor")
    export = client.get("/admin/snippets/home/eventregistration/?export=csv", HTTP_ACCEPT_LANGUAGE="lt")
    header = b"".join(export.streaming_content).decode().lstrip("\ufeff").splitlines()[0]
    assert header.startswith("Vardas,El. paštas,Renginys,"), header


def test_dashboard_shows_what_waits_for_the_editor(client, demo_site):
    register("karjeros-dirbtuves-sugrizusiems", "Ona Alytiškė", "ona@example.com")
    register("pasaulio-kauniecziu-forumas", "Jonas Kaunietis", "jonas@example.com")
    login(client, "alytus-editor")
    html = client.get("/admin/").content.decode()
    assert 'class="w-panel waiting-for-editor"' in html
    assert "1 new registration this week" in html or "1 nauja registracija" in html
    assert "Ona Alytiškė" in html and "Jonas Kaunietis" not in html
