"""Both import formats under generated input: a clear refusal that leaves the database unchanged, or an import."""

import json

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from challenges import importing as challenge_importing
from challenges.models import Challenge, Municipality
from experts.importing import ImportFailed, import_experts
from experts.models import ExpertProfile
from ideas import services as idea_services
from ideas.models import Ballot, Idea
from tests.fuzz.conftest import tried
from tests.fuzz.strategies import NASTY_TEXTS, field_values

pytestmark = pytest.mark.django_db

# --- .pb ---

cells = st.one_of(field_values, st.sampled_from(["A", "B", "10", "-5", "1e30", "1/3", "A,B", "A,Z", ";", "\x00"]))


@st.composite
def pb_files(draw):
    """A pabulib file whose sections are mostly well formed and whose cells are hostile."""
    projects = draw(st.lists(st.tuples(cells, cells, cells), max_size=5))
    votes = draw(st.lists(st.tuples(cells, cells), max_size=8))
    budget = draw(cells)
    lines = ["META", "key;value", f"budget;{budget}", "vote_type;approval", "PROJECTS", "project_id;cost;name"]
    lines += [";".join(row) for row in projects]
    lines += ["VOTES", "voter_id;vote"] + [";".join(row) for row in votes]
    if draw(st.booleans()):  # sometimes drop or duplicate a line
        index = draw(st.integers(0, len(lines) - 1))
        lines.insert(index, lines[index]) if draw(st.booleans()) else lines.pop(index)
    return "\n".join(lines) + "\n"


def pb_state(call):
    return (
        list(Idea.objects.filter(call=call).order_by("pk").values_list("pk", "title", "estimated_cost", "status")),
        list(Ballot.objects.filter(call=call).values_list("pk", flat=True)),
    )


@pytest.fixture
def pb_call(site_tree):
    from tests.ideas.conftest import make_call, make_idea

    call = make_call(site_tree["city"], slug="fuzz-pb")
    make_idea(call, "Already here", external_id="A")
    return call


@given(text=st.one_of(pb_files(), st.text(max_size=300)))
@example(
    text="META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;1e30\nVOTES\nvoter_id;vote\n1;A\n"
)
@example(
    text="META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\nA;5\nVOTES\nvoter_id;vote\n1;A\n1;A\n"
)
def test_pb_import(pb_call, text):
    tried(".pb import")
    before = pb_state(pb_call)
    try:
        idea_services.import_pb(pb_call, text)
    except idea_services.IdeasError as exc:
        assert "Error(" not in str(exc)
        assert pb_state(pb_call) == before  # a refused import changes nothing
    else:
        Ballot.objects.filter(call=pb_call).delete()  # the next case starts from an empty call again


# --- JSON lines ---

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.sampled_from(NASTY_TEXTS),
        st.text(max_size=30),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)

EXPERT = {
    "id": "x1", "name": "Jonas", "country": "DE", "city_ties": ["Kaunas"], "languages": ["lt"], "hours_per_month": 5,
    "can_travel_to_lithuania": False, "headline": "Planner", "cv": "Planner.", "help_topics": ["mobility"],
}  # fmt: skip
CHALLENGE = {
    "id": "c1", "municipality": "Alytus", "kind": "workshop", "title": "Dirbtuvės", "description": "Aprašas",
    "languages_required": ["lt"], "hours_needed_per_month": 6, "in_person": True,
}  # fmt: skip


@st.composite
def jsonl_files(draw, template):
    """Lines that start from a valid record and replace a few fields with hostile JSON, or are raw text."""
    lines = []
    for number in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 9))
        if kind == 0:
            lines.append(draw(st.text(max_size=80)))
        elif kind == 1:
            depth = draw(st.integers(1, 100_000))
            lines.append('{"id": "deep", "x": ' + "[" * depth + "]" * depth + "}")
        else:
            record = {**template, "id": f"{template['id']}-{number}"}
            for key in draw(
                st.lists(st.sampled_from([*template, "department", "places", "deadline", "notable"]), max_size=3)
            ):
                record[key] = draw(json_values)
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
    return lines


def challenge_state():
    return list(Challenge.objects.values_list("pk", "external_id", "title")), Municipality.objects.count()


@given(lines=jsonl_files(CHALLENGE))
@example(lines=[json.dumps({**CHALLENGE, "department": ["x"]})])
@example(lines=[json.dumps({**CHALLENGE, "hours_needed_per_month": 2**31})])
def test_challenge_import(db, lines):
    tried("challenges JSON-lines import")
    before = challenge_state()
    try:
        report = challenge_importing.import_challenges(lines)
    except UnicodeEncodeError:  # a lone surrogate written with ensure_ascii=False never reaches us from a file
        return
    if report.errors:
        assert challenge_state() == before
    Challenge.objects.all().delete()
    Municipality.objects.all().delete()


@given(lines=jsonl_files(EXPERT))
@example(lines=[json.dumps({**EXPERT, "name": "a\x00b"})])
@example(lines=[json.dumps({**EXPERT, "hours_per_month": 2**31})])
def test_expert_import(db, tmp_path, lines):
    tried("experts JSON-lines import")
    path = tmp_path / "experts.jsonl"
    try:
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    except UnicodeEncodeError:  # such a file cannot exist on disk
        return
    before = list(ExpertProfile.objects.values_list("pk", "external_id", "name"))
    try:
        import_experts(path)
    except ImportFailed as exc:
        assert all(isinstance(number, int) and reason for number, reason in exc.errors)
        assert list(ExpertProfile.objects.values_list("pk", "external_id", "name")) == before
    ExpertProfile.objects.all().delete()
