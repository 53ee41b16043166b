"""Campaigns: pledges, the organiser's marks, progress, supporters, limits, erasure."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache

from campaigns.models import CampaignPage, Pledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign(demo_site):
    cache.clear()
    return CampaignPage.objects.get(slug="pagalba-po-audros", locale__language_code="lt")


def signed_in(client, username):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("language", "received", "goal"), [("lt", "450,00\xa0€", "20\xa0000,00\xa0€"), ("en", "€450.00", "€20,000.00")]
)
def test_page_shows_progress_report_and_opt_in_supporters_in_each_language(client, campaign, language, received, goal):
    page = campaign if language == "lt" else campaign.get_translations().get()
    body = client.get(page.url).content.decode()
    assert received in body and goal in body
    assert '<progress id="campaign-progress" max="100" value="2">' in body
    assert "Demo rėmėjas 1" in body and "Demo rėmėjas 3" in body
    assert "Demo rėmėjas 2" not in body  # did not opt in
    assert "Pušų sodinukai" in body


def test_member_pledges_and_gets_a_reference_code_and_the_bank_details(client, campaign):
    signed_in(client, "kaunas-editor")
    response = client.post(campaign.url + "pledge/", {"amount": "75.50"})
    assert response.status_code == 200
    pledge = Pledge.objects.get(member__username="kaunas-editor")
    body = response.content.decode()
    assert pledge.reference in body and campaign.iban in body
    assert pledge.amount == Decimal("75.50") and pledge.status == Pledge.Status.PLEDGED
    assert pledge.reference.startswith("MD-") and len(pledge.reference) == 12


def test_pledge_on_the_english_page_counts_for_the_original(client, campaign):
    english = campaign.get_translations().get()
    signed_in(client, "kaunas-editor")
    client.post(english.url + "pledge/", {"amount": "10"})
    assert Pledge.objects.get(member__username="kaunas-editor").campaign_id == campaign.pk


@pytest.mark.parametrize("amount", ["0", "-5", "1000000.01", "1e30", "abc", "10.001", ""])
def test_bad_amounts_are_refused_and_nothing_is_stored(client, campaign, amount):
    signed_in(client, "kaunas-editor")
    before = Pledge.objects.count()
    response = client.post(campaign.url + "pledge/", {"amount": amount})
    assert response.status_code == 400
    assert Pledge.objects.count() == before


def test_anonymous_visitors_are_sent_to_log_in(client, campaign):
    response = client.post(campaign.url + "pledge/", {"amount": "10"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_pledges_are_rate_limited_per_member(client, campaign, settings):
    settings.CAMPAIGN_PLEDGE_LIMIT = (3, 3600)
    signed_in(client, "kaunas-editor")
    statuses = [client.post(campaign.url + "pledge/", {"amount": "5"}).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 400, 400]
    assert Pledge.objects.filter(member__username="kaunas-editor").count() == 3


def test_ended_campaign_takes_no_pledges(client, campaign):
    campaign.deadline = campaign.deadline.replace(year=2000)
    campaign.save_revision().publish()
    signed_in(client, "kaunas-editor")
    response = client.post(campaign.url + "pledge/", {"amount": "5"})
    assert response.status_code == 400 and "Ši kampanija baigėsi" in response.content.decode()


def test_only_the_citys_editors_and_admins_mark_pledges(client, campaign):
    pledge = Pledge.objects.get(reference="MD-DEMO-0003")
    url = f"/lt/campaigns/{campaign.pk}/pledges/"
    signed_in(client, "alytus-editor")
    assert client.get(url).status_code == 403
    assert client.post(f"{url}{pledge.pk}/status/", {"status": "received"}).status_code == 403
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.PLEDGED
    signed_in(client, "klaipeda-editor")
    assert client.get(url).status_code == 200
    client.post(f"{url}{pledge.pk}/status/", {"status": "received"})
    pledge.refresh_from_db()
    assert pledge.status == Pledge.Status.RECEIVED and pledge.received_at
    assert campaign.totals() == (Decimal("900.00"), Decimal("900.00"))
    csv_text = client.get(url + "?format=csv").content.decode("utf-8")
    assert csv_text.startswith("\ufeff") and "MD-DEMO-0003" in csv_text


def test_member_withdraws_only_their_own_unreceived_pledge(client, campaign):
    mine = Pledge.objects.get(reference="MD-DEMO-0003")  # klaipeda-editor's, still pledged
    received = Pledge.objects.get(reference="MD-DEMO-0001")
    signed_in(client, "alytus-editor")
    client.post(f"/lt/campaigns/my-pledges/{mine.pk}/withdraw/")
    mine.refresh_from_db()
    assert mine.status == Pledge.Status.PLEDGED
    signed_in(client, "klaipeda-editor")
    client.post(f"/lt/campaigns/my-pledges/{mine.pk}/withdraw/")
    mine.refresh_from_db()
    assert mine.status == Pledge.Status.CANCELLED
    signed_in(client, received.member.username)
    client.post(f"/lt/campaigns/my-pledges/{received.pk}/withdraw/")
    received.refresh_from_db()
    assert received.status == Pledge.Status.RECEIVED


def test_erasing_a_pledger_keeps_the_amount_and_drops_the_name(client, campaign):
    before = campaign.totals()
    user = get_user_model().objects.get(username="admin")
    user.delete()
    assert campaign.totals() == before
    assert not Pledge.objects.filter(supporter_name="Demo rėmėjas 1").exists()
    assert "Demo rėmėjas 1" not in client.get(campaign.url).content.decode()
