"""Directory filters and pagination (django-filter over the viewer's visible profiles)."""

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
    response = client.get(reverse("experts:directory"), params)
    assert response.status_code == 200
    return {profile.name for profile in response.context["page_obj"].object_list}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Ona", "Jonas", "Rasa"}),
        ({"country": "gb"}, {"Jonas"}),
        ({"language": "lt"}, {"Ona", "Rasa"}),
        ({"language": "e"}, set()),  # a code matches whole items only
        ({"topic": "water"}, {"Ona"}),
        ({"hours": "1-4"}, {"Ona"}),
        ({"hours": "10-19"}, {"Jonas"}),
        ({"hours": "20+"}, {"Rasa"}),
        ({"can_travel": "true"}, {"Jonas", "Rasa"}),
        ({"can_travel": "false"}, {"Ona"}),
        ({"city": "Šiauliai"}, {"Ona"}),
        ({"city": "alytus"}, {"Jonas", "Rasa"}),
        ({"q": "transport"}, {"Jonas"}),
        ({"q": "HYDRO"}, {"Ona"}),
        ({"language": "en", "can_travel": "true", "city": "Kaunas"}, {"Rasa"}),
    ],
)
def test_filters(client, people, params, expected):
    assert names(client, **params) == expected


@pytest.mark.parametrize("params", [{"hours": "lots"}, {"can_travel": "maybe"}, {"page": "999"}, {"page": "x"}])
def test_bad_filter_values_do_not_crash(client, people, params):
    response = client.get(reverse("experts:directory"), params)
    assert response.status_code == 200


def test_pagination_keeps_filters(client, settings):
    settings.EXPERTS_DIRECTORY_PAGE_SIZE = 2
    for n in range(5):
        ExpertProfileFactory(name=f"Person {n}", country="DE")
    ExpertProfileFactory(name="Elsewhere", country="FR")
    response = client.get(reverse("experts:directory"), {"country": "DE"})
    assert response.context["page_obj"].paginator.count == 5
    assert len(response.context["page_obj"].object_list) == 2
    assert "country=DE&amp;page=2" in response.content.decode()
    second = client.get(reverse("experts:directory"), {"country": "DE", "page": 3})
    assert [p.name for p in second.context["page_obj"].object_list] == ["Person 4"]
