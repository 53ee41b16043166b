"""Hostile .pb imports: a clear refusal (never a 500 or a raw exception), the database left unchanged, bounded work."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ideas import pb, services
from ideas.models import Ballot, Idea
from tests.ideas.conftest import make_call, make_idea

pytestmark = pytest.mark.django_db

TEMPLATE = "META\nkey;value\nbudget;{budget}\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n{projects}\nVOTES\nvoter_id;vote\n{votes}\n"


def pb_text(budget="100", projects="A;10;Park", votes="1;A"):
    return TEMPLATE.format(budget=budget, projects=projects, votes=votes)


HOSTILE = {
    "duplicate voter ids": (pb_text(votes="1;A\n1;A"), "more than one ballot"),
    "cost 10^30": (pb_text(projects="A;1" + "0" * 30 + ";Park"), "larger than"),
    "cost 1e30": (pb_text(projects="A;1e30;Park"), "larger than"),
    "negative cost": (pb_text(projects="A;-5;Park"), "negative"),
    "negative budget": (pb_text(budget="-1"), "negative"),
    "project id over 64": (pb_text(projects="A" * 65 + ";5;Park", votes="1;" + "A" * 65), "longer than 64"),
    "voter id over 64": (pb_text(votes="v" * 65 + ";A"), "longer than 64"),
    "NUL in a name": (pb_text(projects="A;5;Pa\x00rk"), "NUL"),
    "duplicate project id": (pb_text(projects="A;5;Park\nA;6;Square"), "more than once"),
    "unknown project in a vote": (pb_text(votes="1;Z"), "not in PROJECTS"),
    "cost not a number": (pb_text(projects="A;nan;Park"), "number could not be read"),
    "not a pb file": ("hello world", "missing"),
    "empty": ("", "missing"),
    "too many ballots": (pb_text(votes="\n".join(f"{i};A" for i in range(pb.MAX_BALLOTS + 1))), "more than"),
}


@pytest.fixture
def call_with_idea(site_tree):
    call = make_call(site_tree["city"], slug="hostile")
    idea = make_idea(call, "Existing idea", external_id="A")
    return call, idea


def db_state(call):
    return (
        list(Idea.objects.filter(call=call).order_by("pk").values_list("pk", "title", "estimated_cost", "status")),
        Ballot.objects.filter(call=call).count(),
    )


@pytest.mark.parametrize(("text", "reason"), HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_file_is_refused_clearly_and_changes_nothing(call_with_idea, text, reason):
    call, _idea = call_with_idea
    before = db_state(call)
    with pytest.raises(services.IdeasError) as refused:
        services.import_pb(call, text)
    message = str(refused.value)
    assert reason in message
    assert "Error(" not in message  # no raw exception repr
    assert db_state(call) == before


def test_admin_view_shows_the_reason_for_a_broken_file(call_with_idea, client, django_user_model):
    call, _idea = call_with_idea
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "pw"))
    url = reverse("ideas_admin:import_pb", args=[call.pk])
    for text, reason in HOSTILE.values():
        upload = SimpleUploadedFile("x.pb", text.encode("utf-8"), content_type="text/plain")
        response = client.post(url, {"file": upload})
        assert response.status_code == 200
        body = response.content.decode()
        assert reason in body or not text  # an empty upload is refused by the form itself
        assert "ValueError" not in body and "KeyError" not in body and "Traceback" not in body
    assert db_state(call)[1] == 0


def test_oversized_upload_is_refused_before_reading(call_with_idea, client, django_user_model, settings):
    call, _idea = call_with_idea
    client.force_login(django_user_model.objects.create_superuser("root", "root@example.com", "pw"))
    upload = SimpleUploadedFile("x.pb", b"#" * (pb.MAX_FILE_CHARS + 1), content_type="text/plain")
    response = client.post(reverse("ideas_admin:import_pb", args=[call.pk]), {"file": upload})
    assert response.status_code == 200
    assert "Failas per didelis" in response.content.decode()  # the admin answers in Lithuanian


def test_the_largest_allowed_file_imports_completely(site_tree):
    """The size bound is set so this imports within a request (measured: 9.5 s SQLite, 23.9 s PostgreSQL)."""
    call = make_call(site_tree["city"], slug="big")
    projects = "\n".join(f"P{i};{100 + i};Project {i}" for i in range(50))
    votes = "\n".join(f"v{i};P{i % 50},P{(i * 7) % 50}" for i in range(pb.MAX_BALLOTS))
    assert services.import_pb(call, pb_text(budget="2000", projects=projects, votes=votes)) == (50, pb.MAX_BALLOTS)
    assert Ballot.objects.filter(call=call).count() == pb.MAX_BALLOTS
    approvals = sum(len({i % 50, (i * 7) % 50}) for i in range(pb.MAX_BALLOTS))
    assert Ballot.ideas.through.objects.filter(ballot__call=call).count() == approvals
