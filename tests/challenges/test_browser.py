"""End to end in Chromium: approved municipality staff log in and post a challenge through the site."""

import pytest
from allauth.account.models import EmailAddress

from challenges.models import Challenge
from tests.factories import PASSWORD, MunicipalityFactory, StaffFactory, UserFactory


@pytest.mark.browser
def test_staff_posts_a_challenge_and_sees_it_listed(live_server, page, settings):
    # Eager mode would load the matching model inside the save request (~30 s); that is matching's concern.
    settings.MATCHING_AUTO_EMBED = False
    page.set_default_timeout(45000)  # the machine is shared with other test runs
    municipality = MunicipalityFactory(name="Utenos rajono savivaldybė", city_name="Utena", slug="utena")
    user = UserFactory(email="vadove@utena.lt", password=PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    StaffFactory(user=user, municipality=municipality, approved=True)

    page.goto(f"{live_server.url}/lt/accounts/login/?next=/lt/challenges/new/")
    page.fill("#id_login", user.email)
    page.fill("#id_password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url("**/lt/challenges/new/")

    page.select_option("#id_kind", "job_shadowing")
    page.fill("#id_title", "Pasimatuok darbą Utenos architektūros skyriuje")
    page.fill("#id_description", "Savaitė su savivaldybės architektais: teritorijų planavimas ir leidimai.")
    page.fill("#id_skills_wanted", "teritorijų planavimas\nurbanistika")
    page.fill("#id_languages_required", "lt")
    page.fill("#id_hours_needed_per_month", "30")
    page.check("#id_in_person")
    page.fill("#id_department", "Architektūros ir urbanistikos skyrius")
    page.fill("#id_places", "2")
    # An end before the start is refused and the typed text is kept.
    page.fill("#id_shadowing_start", "2027-05-10")
    page.fill("#id_shadowing_end", "2027-05-03")
    page.check("#id_publish")
    page.click("main form button[type=submit]")
    assert page.locator("#id_shadowing_end_errors").is_visible()
    assert page.input_value("#id_title") == "Pasimatuok darbą Utenos architektūros skyriuje"
    assert not Challenge.objects.exists()

    page.fill("#id_shadowing_end", "2027-05-14")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/lt/challenges/*/")
    assert page.locator("h1").inner_text() == "Pasimatuok darbą Utenos architektūros skyriuje"

    challenge = Challenge.objects.get()
    assert challenge.municipality == municipality
    assert challenge.created_by == user
    assert challenge.status == "open"
    assert challenge.places == 2 and challenge.skills_wanted == ["teritorijų planavimas", "urbanistika"]

    page.goto(f"{live_server.url}/lt/challenges/?municipality=utena")
    link = page.get_by_role("link", name="Pasimatuok darbą Utenos architektūros skyriuje")
    assert link.is_visible()
    link.click()
    page.wait_for_url(f"**/lt/challenges/{challenge.pk}/")
