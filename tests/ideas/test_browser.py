"""End to end in Chromium: a member submits an idea, a city editor accepts it, another member votes, results show."""

import pytest

from ideas.models import Ballot, CallSettings, Idea, Phase
from tests.browser_session import log_in

from .conftest import make_call, make_idea, make_member, set_phase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("lang", ["lt", "en"])
def test_idea_from_submission_to_results(page, live_server, cities, settings, lang):
    settings.IDEAS_SIMILARITY = "lexical"
    call = make_call(cities["alytus"], ballot_type=CallSettings.BallotType.KNAPSACK)
    make_idea(call, "Apšviesti taką prie ežero", cost=30, summary="Žibintai aplink Dailidės ežerą")
    author = make_member("autore@example.com")
    voter = make_member("balsuotojas@example.com")
    editor = make_member("redaktorius@example.com")
    editor.groups.add(cities["alytus_editors"])

    # The call page (Lithuanian original or its English translation) shows the phase and the submit link.
    shown = call
    if lang == "en":
        shown = call.copy_for_translation(cities["city_en"].locale)
        shown.save_revision().publish()
    page.goto(live_server.url + shown.url)
    page.locator(f"a[href='/{lang}/ideas/call/{call.pk}/submit/']").first.wait_for()

    # 1. A member writes an idea; similar existing ideas are suggested while typing.
    log_in(page, live_server, author)
    page.goto(f"{live_server.url}/{lang}/ideas/call/{call.pk}/submit/")
    page.fill("#id_title", "Ežero tako apšvietimas")
    page.fill("#id_summary", "Daugiau žibintų prie ežero tako")
    page.locator("#similar-ideas").get_by_text("Apšviesti taką prie ežero").wait_for()
    page.fill("#id_description", "Dešimt naujų žibintų.")
    page.fill("#id_estimated_cost", "40")
    page.fill("#id_address", "Dailidės ežeras, Alytus")
    page.select_option("#id_language", lang)
    page.click("button[name=submit]")
    page.wait_for_url(f"**/{lang}/ideas/*/")
    idea = Idea.objects.get(title="Ežero tako apšvietimas")
    assert idea.status == Idea.Status.SUBMITTED and idea.language == lang

    # 2. An Alytus editor accepts it in the Wagtail admin.
    page.context.clear_cookies()
    log_in(page, live_server, editor)
    page.goto(f"{live_server.url}/admin/ideas/")
    page.click(f"a[href='/admin/ideas/{idea.pk}/']")
    page.select_option("#id_action", "accept")
    page.click(f"form[action='/admin/ideas/{idea.pk}/'] button[type=submit]")
    page.wait_for_url("**/admin/ideas/")
    idea.refresh_from_db()
    assert idea.status == Idea.Status.ACCEPTED

    # 3. Voting opens; another member votes within the budget.
    set_phase(call, Phase.VOTING)
    page.context.clear_cookies()
    log_in(page, live_server, voter)
    page.goto(f"{live_server.url}/{lang}/ideas/call/{call.pk}/vote/")
    page.check(f"#idea-{idea.pk}")
    page.locator("#ballot-total", has_text="40").wait_for()  # the budget counter (progressive enhancement)
    page.check("input[name=tie][value=born]")
    page.click(".ballot-form button[type=submit]")
    page.locator(".messages").wait_for()
    assert list(Ballot.objects.get(voter=voter).ideas.all()) == [idea]

    # 4. Results: everyone sees the totals and the winning idea.
    set_phase(call, Phase.RESULTS)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/{lang}/ideas/call/{call.pk}/results/")
    winners = page.locator("ol.winners")
    winners.get_by_text("Ežero tako apšvietimas").wait_for()
    assert "Apšviesti taką prie ežero" not in winners.inner_text()
    row = page.locator("table.results-table tr", has_text="Ežero tako apšvietimas")
    assert "1" in row.locator("td").first.inner_text()
