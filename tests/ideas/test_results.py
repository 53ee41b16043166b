"""Results from stored ballots: both rules, the explanations, the CSV for the council and the .pb round trip."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from ideas import pb, services
from ideas.models import Ballot, CallSettings, Idea, Phase

from .conftest import make_call, make_idea, make_member, set_phase


@pytest.fixture
def voted_call(site_tree):
    """The hand-worked election of test_pb.differing_example, voted through the platform.

    Budget 100 €: A and B cost 50, C costs 30, D costs 10; 6 members choose A+B, 4 choose C.
    Greedy funds A, B (C skipped: €30 exceeds the €0 left); MES funds A, C (B's supporters have 10 € left).
    """
    call = make_call(
        site_tree["city"],
        ballot_type=CallSettings.BallotType.KNAPSACK,
        official_rule=CallSettings.Rule.MES,
        require_verified_email=True,
    )
    ideas = {name: make_idea(call, name, cost=Decimal(cost)) for name, cost in (("A", 50), ("B", 50), ("C", 30))}
    ideas["D"] = make_idea(call, "D", cost=Decimal(10))
    set_phase(call, Phase.VOTING)
    for i in range(10):
        voter = make_member(f"voter{i}@example.com")
        chosen = [ideas["A"].pk, ideas["B"].pk] if i < 6 else [ideas["C"].pk]
        services.cast_ballot(call, voter, chosen, "born" if i % 2 else "resident")
    set_phase(call, Phase.RESULTS)
    return call, ideas


def winners_by_title(outcome, ideas_by_pid):
    return [ideas_by_pid[pid].title for pid in outcome.winners]


def test_stored_ballots_give_the_hand_worked_results(voted_call):
    call, ideas = voted_call
    res = services.compute_results(call)
    assert res.ballots == 10
    assert winners_by_title(res.outcomes["greedy"], res.ideas) == ["A", "B"]
    assert winners_by_title(res.outcomes["mes"], res.ideas) == ["A", "C"]
    assert res.official == "mes"
    greedy_c = next(p for p in res.outcomes["greedy"].projects if p.project_id == ideas["C"].project_id)
    with translation.override("en"):
        assert services.explain(greedy_c, "greedy") == "skipped: cost €30.00 exceeds the €0.00 left"
        mes_b = next(p for p in res.outcomes["mes"].projects if p.project_id == ideas["B"].project_id)
        assert "€10.00" in services.explain(mes_b, "mes") and "€50.00" in services.explain(mes_b, "mes")


@pytest.mark.parametrize(
    ("language", "greedy", "mes"),
    [
        (
            "lt",
            "praleista: kaina 50\xa0000,00\xa0€ viršija likusius 13\xa0666,67\xa0€",
            "atrinkta (Nr. 2): jos rėmėjai (7) iš savo lygių dalių sumokėjo 50\xa0000,00\xa0€, "
            "kiekvienas ne daugiau kaip 7\xa0142,86\xa0€",
        ),
        (
            "en",
            "skipped: cost €50,000.00 exceeds the €13,666.67 left",
            "selected (no. 2): its 7 supporters paid €50,000.00 from their equal shares, at most €7,142.86 each",
        ),
    ],
)
def test_explanations_write_money_in_the_active_language(language, greedy, mes, lt_catalogue):
    """The sentences use site_formats.format_money, the one money formatter, in the active language."""
    skipped = pb.ProjectResult("p1", "Park", Decimal("50000"), 7, reason="over_budget", remaining=Decimal("13666.67"))
    paid = pb.ProjectResult(
        "p2",
        "Library",
        Decimal("50000"),
        7,
        selected=True,
        rank=2,
        reason="selected",
        paid=Decimal("50000"),
        max_share=Decimal("7142.857"),
    )
    with translation.override(language):
        assert services.explain(skipped, "greedy") == greedy
        assert services.explain(paid, "mes") == mes


def test_results_page_in_both_languages(voted_call, client, site_tree):
    call, ideas = voted_call
    url = reverse("ideas:results", args=[call.pk])
    page = client.get(url).content.decode()
    assert "skipped: its 6 supporters had only 10\u00a0€" in page or "10,00\u00a0€" in page or "€10.00" in page
    # MES is official: 80 € used, written as money in the page's language (site_formats.money).
    assert "A" in page and ("80,00\u00a0€" in page or "€80.00" in page)
    with translation.override("en"):
        url_en = reverse("ideas:results", args=[call.pk])
    assert url_en.startswith("/en/")
    assert client.get(url_en).status_code == 200
    # The English translation of the call page shows the same ideas.
    call_en = call.copy_for_translation(site_tree["city_en"].locale)
    call_en.save_revision().publish()
    en_page = client.get(call_en.url).content.decode()
    assert ideas["A"].title in en_page and reverse("ideas:results", args=[call.pk])[3:] in en_page


def test_call_page_lists_accepted_ideas_and_phase(call, client, member):
    make_idea(call, "Accepted one", cost=10)
    make_idea(call, "Hidden pending one", cost=10, status="submitted")
    page = client.get(call.url).content.decode()
    assert "Accepted one" in page and "Hidden pending one" not in page
    assert reverse("ideas:submit", args=[call.pk]) in page


def test_results_csv_round_trips(voted_call, client):
    call, ideas = voted_call
    response = client.get(reverse("ideas:results_csv", args=[call.pk]))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert body.startswith("\ufeff"), "a BOM so spreadsheet programs read the Lithuanian letters"
    rows = services.parse_results_csv(body)
    res = services.compute_results(call)
    by_pid = {row["project_id"]: row for row in rows}
    assert set(by_pid) == {idea.project_id for idea in ideas.values()}
    for project in res.outcomes["greedy"].projects:
        assert by_pid[project.project_id]["greedy_selected"] == project.selected
        assert by_pid[project.project_id]["votes"] == project.votes
        assert by_pid[project.project_id]["cost"] == project.cost
    official = {row["project_id"] for row in rows if row["official"]}
    assert official == set(res.outcomes["mes"].winners)
    assert services.results_csv(res) == response.content.decode()


def test_results_csv_headers_in_the_pages_language(voted_call, client, lt_catalogue):
    call, ideas = voted_call
    with translation.override("lt"):
        lt_url = reverse("ideas:results_csv", args=[call.pk])
    with translation.override("en"):
        en_url = reverse("ideas:results_csv", args=[call.pk])
    lt_body = client.get(lt_url).content.decode("utf-8")
    en_body = client.get(en_url).content.decode("utf-8")
    assert lt_body.splitlines()[0] == (
        "\ufeffProjekto ID,Pavadinimas,Kaina (EUR),Balsai,Atrinkta godžiuoju metodu,Godusis metodas: kodėl,"
        "Atrinkta lygių dalių metodu,Lygių dalių metodas: kodėl,Oficialus rezultatas"
    )
    assert en_body.splitlines()[0] == (
        "\ufeffProject ID,Title,Cost (EUR),Votes,Selected by the greedy method,Greedy method: why,"
        "Selected by the Method of Equal Shares,Method of Equal Shares: why,Official result"
    )
    assert "praleista" in lt_body and "skipped" in en_body
    # Either language reads back into the same rows.
    with translation.override("lt"):
        lt_rows = services.parse_results_csv(lt_body)
    en_rows = services.parse_results_csv(en_body)
    assert [(r["project_id"], r["official"]) for r in lt_rows] == [(r["project_id"], r["official"]) for r in en_rows]
    assert {r["project_id"] for r in lt_rows} == {idea.project_id for idea in ideas.values()}


def test_results_csv_parser_refuses_garbage():
    with pytest.raises(services.IdeasError):
        services.parse_results_csv("project_id,title,cost\nx,y,not-a-number\n")


def test_pb_export_and_reimport_give_the_same_results(voted_call, site_tree, django_user_model, client):
    call, ideas = voted_call
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    text = client.get(reverse("ideas:export_pb", args=[call.pk])).content.decode()
    assert text.startswith("META") and "vote_type;approval" in text
    instance, profile = pb.parse_pb(text)
    assert profile.num_ballots() == 10 and len(instance) == 4
    fresh = make_call(site_tree["city"], slug="imported", ballot_type=CallSettings.BallotType.KNAPSACK)
    projects, ballots = services.import_pb(fresh, text)
    assert (projects, ballots) == (4, 10)
    assert Ballot.objects.filter(call=fresh, voter__isnull=True).count() == 10
    before = services.compute_results(call)
    after = services.compute_results(fresh)
    for rule in pb.RULES:
        assert winners_by_title(after.outcomes[rule], after.ideas) == winners_by_title(
            before.outcomes[rule], before.ideas
        )
    # And the re-exported file describes the same election.
    assert services.export_pb(fresh).split("VOTES")[1] == text.split("VOTES")[1]


def test_bad_pb_import_leaves_the_call_unchanged(site_tree):
    fresh = make_call(site_tree["city"], slug="broken")
    broken = (
        "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;10\nVOTES\nvoter_id;vote\n1;Z\n"
    )
    with pytest.raises(services.IdeasError):
        services.import_pb(fresh, broken)
    assert not Idea.objects.filter(call=fresh).exists()
    assert not Ballot.objects.filter(call=fresh).exists()


def test_prize_call_editor_marks_winners(cities, client):
    call = make_call(cities["alytus"], slug="prize", budget=None)
    idea = make_idea(call, "Best mural", cost=None)
    editor = make_member("redaktore@example.com")
    editor.groups.add(cities["alytus_editors"])
    services.moderate(idea, editor, "winner", "1st prize: 2 000 €")
    set_phase(call, Phase.RESULTS)
    page = client.get(reverse("ideas:results", args=[call.pk])).content.decode()
    assert "Best mural" in page and "1st prize" in page
