"""The expert directory: /experts/ redirects to the one expert search; its filters and pagination."""

import pytest
from django.urls import reverse

from tests.factories import ExpertProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "ona": ExpertProfileFactory(
            name="Ona", country="NO", languages=["lt", "no"], hours_per_month=3, can_travel_to_lithuania=False,
            city_ties=["Šiauliai"], help_topics=["Drinking water safety"], competencies=["hydrology"],
        ),
        "jonas": ExpertProfileFactory(
            name="Jonas", country="GB", languages=["en"], hours_per_month=12, can_travel_to_lithuania=True,
            city_ties=["Alytus"], help_topics=["bus networks"], headline="Transport planner",
        ),
        "rasa": ExpertProfileFactory(
            name="Rasa", country="US", languages=["lt", "en", "de"], hours_per_month=25,
            can_travel_to_lithuania=True, city_ties=["Kaunas", "Alytus"], help_topics=["fundraising"],
        ),
    }  # fmt: skip


def names(client, **params):
    response = client.get(reverse("search:experts"), params)
    assert response.status_code == 200
    return {hit.profile.name for hit in response.context["outcome"].hits}


def test_directory_redirects_permanently_keeping_the_query(client):
    response = client.get(reverse("experts:directory"), {"q": "vanduo", "country": "NO", "page": "2"})
    assert response.status_code == 301
    assert response["Location"] == reverse("search:experts") + "?q=vanduo&country=NO&page=2"
    old_values = client.get(reverse("experts:directory"), {"hours": "20+", "can_travel": "true"})
    assert old_values["Location"] == reverse("search:experts") + "?hours=21%2B&can_travel=on"
    assert client.get(reverse("experts:directory"))["Location"] == reverse("search:experts")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Ona", "Jonas", "Rasa"}),
        ({"country": "gb"}, {"Jonas"}),
        ({"language": "lt"}, {"Ona", "Rasa"}),
        ({"language": "e"}, set()),  # a code matches whole items only
        ({"topic": "drinking water safety"}, {"Ona"}),
        ({"topic": "water"}, set()),  # a topic facet value matches whole topics only
        ({"hours": "1-5"}, {"Ona"}),
        ({"hours": "11-20"}, {"Jonas"}),
        ({"hours": "21+"}, {"Rasa"}),
        ({"can_travel": "on"}, {"Jonas", "Rasa"}),
        ({"city": "Šiauliai"}, {"Ona"}),
        ({"city": "alytus"}, {"Jonas", "Rasa"}),
        ({"q": "transport"}, {"Jonas"}),
        ({"q": "HYDRO"}, {"Ona"}),
        ({"language": "en", "can_travel": "on", "city": "Kaunas"}, {"Rasa"}),
    ],
)
def test_filters(client, people, params, expected):
    assert names(client, **params) == expected


@pytest.mark.parametrize("params", [{"hours": "lots"}, {"can_travel": "maybe"}, {"page": "999"}, {"page": "x"}])
def test_bad_filter_values_do_not_crash(client, people, params):
    response = client.get(reverse("search:experts"), params)
    assert response.status_code == 200


def test_pagination_keeps_filters(client, settings):
    settings.EXPERTS_DIRECTORY_PAGE_SIZE = 2
    for n in range(5):
        ExpertProfileFactory(name=f"Person {n}", country="DE")
    ExpertProfileFactory(name="Elsewhere", country="FR")
    response = client.get(reverse("search:experts"), {"country": "DE"})
    assert response.context["outcome"].paginator.count == 5
    assert len(response.context["outcome"].hits) == 2
    assert "country=DE&amp;page=2" in response.content.decode()
    second = client.get(reverse("search:experts"), {"country": "DE", "page": 3})
    assert [hit.profile.name for hit in second.context["outcome"].hits] == ["Person 4"]
