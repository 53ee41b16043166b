"""Mentoring: cross-lingual proposals under hard constraints, the coordinator's confirmation, both sides' consent."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError

from challenges.models import Municipality, StaffMembership
from home.models import CityPage
from mentoring import services
from mentoring.models import HelpRequest, MentorOffer, Pairing

pytestmark = pytest.mark.django_db


def person(username):
    return get_user_model().objects.create_user(username=username, email=f"{username}@example.com", password="x")


@pytest.fixture
def city(demo_site):
    return CityPage.objects.get(slug="alytus", locale__language_code="lt")


@pytest.fixture
def coordinator(city):
    municipality, _ = Municipality.objects.get_or_create(
        slug="alytus", defaults={"name": "Alytaus miesto savivaldybė", "city_name": "Alytus"}
    )
    municipality.city_page = city
    municipality.save()
    user = person("koordinatore")
    StaffMembership.objects.create(user=user, municipality=municipality, approved=True, is_coordinator=True)
    return user


def ask(user, city, text, languages):
    return HelpRequest.objects.create(
        user=user, city=city, text=text, languages=languages, contact_phone="+37060000001"
    )


def test_ukrainian_request_finds_the_documents_mentor_written_in_lithuanian(city):
    newcomer = person("atvykusi")
    request = ask(
        newcomer, city, "Мені потрібна допомога з документами на посвідку на проживання і з пошуком садочка.", ["uk"]
    )
    assert services.propose_mentors(request.pk) >= 1
    best = request.pairings.order_by("-score").first()
    assert best.offer.user.username == "mentore-ruta"
    # Jonas speaks no Ukrainian: a hard constraint, whatever the text says.
    assert not request.pairings.filter(offer__user__username="mentorius-jonas").exists()


def test_language_city_and_capacity_are_hard_constraints(city):
    klaipeda = CityPage.objects.get(slug="klaipeda", locale__language_code="lt")
    far = MentorOffer.objects.create(
        user=person("klaipedietis"), city=klaipeda, about="Dokumentai", topics=["documents"], languages=["uk"]
    )
    full = MentorOffer.objects.create(
        user=person("uzimta"), city=city, about="Dokumentai", topics=["documents"], languages=["uk"], capacity=1
    )
    other = ask(person("kitas"), city, "Dokumentai ir leidimas gyventi", ["uk"])
    Pairing.objects.create(request=other, offer=full, status=Pairing.Status.ACTIVE)
    request = ask(person("naujokas"), city, "Потрібна допомога з документами", ["uk"])
    services.propose_mentors(request.pk, scorer=lambda query, passages: [1.0] * len(passages))
    proposed = set(request.pairings.values_list("offer_id", flat=True))
    assert far.pk not in proposed and full.pk not in proposed


def test_contacts_appear_only_after_the_coordinator_confirms_and_both_accept(client, city, coordinator):
    mentee = person("mentee")
    request = ask(mentee, city, "Reikia pagalbos su darželiu", ["lt"])
    services.propose_mentors(request.pk, scorer=lambda query, passages: list(range(len(passages))))
    pairing = request.pairings.order_by("-score").first()
    mentor = pairing.offer.user

    assert services.contact_details(mentee, pairing) is None
    with pytest.raises(ValidationError):
        services.respond(mentee, pairing.pk, True)  # not confirmed yet
    outsider = person("pasalinis")
    client.force_login(outsider)
    assert client.get("/lt/mentoring/coordinate/").status_code == 403
    client.force_login(coordinator)
    assert client.post("/lt/mentoring/coordinate/", {"pairing": pairing.pk, "action": "confirm"}).status_code == 302
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.CONFIRMED

    client.force_login(mentee)
    client.post(f"/lt/mentoring/pairings/{pairing.pk}/", {"action": "accept"})
    page = client.get("/lt/mentoring/mine/").content.decode()
    assert mentor.email not in page
    client.force_login(mentor)
    client.post(f"/lt/mentoring/pairings/{pairing.pk}/", {"action": "accept"})
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.ACTIVE
    assert "+37060000001" in client.get("/lt/mentoring/mine/").content.decode()
    client.force_login(mentee)
    assert mentor.email in client.get("/lt/mentoring/mine/").content.decode()

    client.post(f"/lt/mentoring/pairings/{pairing.pk}/", {"action": "report", "problem": "Neatsako į žinutes"})
    client.post(f"/lt/mentoring/pairings/{pairing.pk}/", {"action": "end", "feedback": "Ačiū"})
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.CLOSED and pairing.mentee_feedback == "Ačiū"
    assert "Neatsako" in pairing.problem_report


def test_coordinator_of_another_city_cannot_confirm(city, coordinator):
    klaipeda = CityPage.objects.get(slug="klaipeda", locale__language_code="lt")
    request = ask(person("klaipedos-naujokas"), klaipeda, "Reikia pagalbos", ["lt"])
    offer = MentorOffer.objects.create(
        user=person("klaipedos-mentorius"), city=klaipeda, about="Padedu", topics=[], languages=["lt"]
    )
    pairing = Pairing.objects.create(request=request, offer=offer)
    with pytest.raises(PermissionDenied):
        services.confirm(coordinator, pairing.pk)
    pairing.refresh_from_db()
    assert pairing.status == Pairing.Status.PROPOSED


def test_forms_validate(client, city):
    client.force_login(person("forma"))
    assert (
        client.post("/lt/mentoring/ask/", {"city": city.pk, "text": "Padėkit", "languages": ["lt"]}).status_code == 400
    )
    assert (
        client.post(
            "/lt/mentoring/ask/", {"city": city.pk, "text": "Reikia pagalbos su dokumentais", "languages": ["xx"]}
        ).status_code
        == 400
    )
    assert (
        client.post(
            "/lt/mentoring/offer/",
            {"city": city.pk, "about": "Padedu", "topics": ["documents"], "languages": ["lt"], "capacity": 11},
        ).status_code
        == 400
    )
    assert not HelpRequest.objects.filter(user__username="forma").exists()


def test_erasure_takes_offers_requests_and_pairings(city):
    user = person("istrinama")
    offer = MentorOffer.objects.create(user=user, city=city, about="Unikalus-zenklas-77", topics=[], languages=["lt"])
    Pairing.objects.create(request=ask(person("kita"), city, "Reikia", ["lt"]), offer=offer)
    user.delete()
    assert not MentorOffer.objects.filter(about__contains="Unikalus-zenklas-77").exists()
    assert not Pairing.objects.filter(offer_id=offer.pk).exists()
