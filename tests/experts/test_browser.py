"""End to end in Chromium: sign up, confirm the e-mail, log in, build an expert profile with a CV, find it."""

import re

import pytest
from django.core import mail

from experts.models import ExpertProfile
from tests.browser_session import log_in
from tests.experts.factories import make_pdf
from tests.factories import UserFactory

PASSWORD = "Ilgas-slaptazodis-42"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_signup_to_directory(page, live_server, settings):
    # Embedding runs inline on the embedded default (eager Celery) and loads a model; this test is about
    # accounts and profiles, so leave embedding to the matching tests.
    settings.MATCHING_AUTO_EMBED = False
    base = live_server.url
    page.goto(f"{base}/en/accounts/signup/")
    page.get_by_label("Email").fill("egle@example.org")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.get_by_role("heading", name="Confirm your e-mail address").wait_for()

    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[0].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Confirm").click()
    if "/accounts/login/" in page.url:
        page.get_by_label("Email").fill("egle@example.org")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
    page.goto(f"{base}/en/account/")
    page.get_by_role("heading", name="My account").wait_for()

    page.get_by_role("link", name="Create my expert profile").first.click()
    page.get_by_label("Name").fill("Eglė Jankauskienė")
    page.get_by_label("Headline").fill("Public transport planner in Copenhagen")
    page.get_by_label("Country of residence").select_option(label="Denmark")
    page.get_by_label("Languages").select_option(label=["Lithuanian", "English", "Danish"])
    page.get_by_label("Lithuanian cities I am tied to").fill("Alytus")
    page.get_by_label("Topics I would help with for free").fill("bus network redesign")
    page.get_by_label("Hours a month").fill("6")
    page.get_by_label("Can travel to Lithuania").check()
    page.locator("input[name=cv_upload]").set_input_files(
        files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": make_pdf("Bus network redesign lead")}]
    )
    page.get_by_label("Public directory").check()
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Save profile").click()
    page.get_by_role("heading", name="Eglė Jankauskienė").wait_for()

    profile = ExpertProfile.objects.get(user__email="egle@example.org")
    assert "Bus network redesign lead" in profile.cv_text
    assert profile.cv_file
    assert profile.country == "DK" and sorted(profile.languages) == ["da", "en", "lt"]

    page.goto(f"{base}/en/experts/?language=da")
    page.get_by_role("link", name="Eglė Jankauskienė").wait_for()
    page.goto(f"{base}/en/experts/?country=NO")
    assert page.get_by_role("link", name="Eglė Jankauskienė").count() == 0


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["lt", "en"])
def test_profile_form_lists_fit_a_phone(page, live_server, language):
    """Long country and language names in the selects must not make a 390 px screen scroll sideways."""
    log_in(page, live_server, UserFactory())
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/{language}/experts/me/")
    widths = page.evaluate(
        "[document.documentElement.scrollWidth, ...['#id_country', '#id_languages'].map("
        "(s) => document.querySelector(s).getBoundingClientRect().right)]"
    )
    assert max(widths) <= 390, widths
