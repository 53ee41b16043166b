"""Surveys: answering in each language, one answer per browser, rate limit, skips, results, exports, round trip."""

import csv
import io
import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook

from surveys import services
from surveys.models import Answer, Choice, Question, Response, Survey

LANGUAGES = {
    "lt": ("Kaip vertinate paslaugas?", "Siųsti atsakymus", "Ačiū!"),
    "en": ("How do you rate the services?", "Send answers", "Thank you!"),
    "ru": ("Как вы оцениваете услуги?", "Отправить ответы", "Спасибо!"),
    "uk": ("Як ви оцінюєте послуги?", "Надіслати відповіді", "Дякуємо!"),
}


@pytest.fixture
def survey(world):
    """A four-language survey: a single choice, a conditional number, a scale, an optional free text."""
    cache.clear()
    survey = Survey.objects.create(
        municipality=world["alytus"],
        year=2026,
        title={
            "lt": "Gyventojų poreikiai",
            "en": "Needs of residents",
            "ru": "Потребности жителей",
            "uk": "Потреби мешканців",
        },
        languages=["lt", "en", "ru", "uk"],
        status="open",
    )
    works = Question.objects.create(
        survey=survey,
        position=1,
        kind="single",
        text={"lt": "Ar dirbate?", "en": "Do you work?", "ru": "Вы работаете?", "uk": "Ви працюєте?"},
    )
    yes = Choice.objects.create(question=works, position=0, text={"lt": "Taip", "en": "Yes", "ru": "Да", "uk": "Так"})
    Choice.objects.create(question=works, position=1, text={"lt": "Ne", "en": "No", "ru": "Нет", "uk": "Ні"})
    hours = Question.objects.create(
        survey=survey,
        position=2,
        kind="number",
        show_if_choice=yes,
        text={
            "lt": "Kiek valandų per savaitę?",
            "en": "How many hours a week?",
            "ru": "Сколько часов в неделю?",
            "uk": "Скільки годин на тиждень?",
        },
    )
    scale = Question.objects.create(
        survey=survey,
        position=3,
        kind="scale",
        scale_min=1,
        scale_max=5,
        text={code: words[0] for code, words in LANGUAGES.items()},
    )
    comment = Question.objects.create(
        survey=survey,
        position=4,
        kind="text",
        required=False,
        text={"lt": "Komentaras", "en": "Comment", "ru": "Комментарий", "uk": "Коментар"},
    )
    return {"survey": survey, "works": works, "yes": yes, "hours": hours, "scale": scale, "comment": comment}


def url(survey, language):
    return f"/{language}/surveys/s/{survey.token}/"


@pytest.mark.parametrize("language", ["lt", "en", "ru", "uk"])
def test_a_resident_answers_in_each_language(survey, client, language):
    s = survey["survey"]
    question_text, button, thanks = LANGUAGES[language]
    page = client.get(url(s, language))
    html = page.content.decode()
    assert page.status_code == 200
    assert s.title[language] in html and question_text in html and button in html
    assert f'lang="{language}"' in html
    data = {
        f"q{survey['works'].pk}": str(survey["yes"].pk),
        f"q{survey['hours'].pk}": "20",
        f"q{survey['scale'].pk}": "4",
    }
    response = client.post(url(s, language), data)
    assert response.status_code == 302
    assert thanks in client.get(response["Location"]).content.decode()
    stored = Response.objects.get(survey=s)
    assert stored.language == language
    assert {a.question_id: (a.choice_id, a.number) for a in stored.answers.all()} == {
        survey["works"].pk: (survey["yes"].pk, None),
        survey["hours"].pk: (None, 20),
        survey["scale"].pk: (None, 4),
    }


def test_a_language_not_offered_redirects_to_the_first(survey, client):
    s = survey["survey"]
    s.languages = ["lt", "uk"]
    s.save()
    assert client.get(url(s, "ru"))["Location"] == url(s, "lt")


def test_required_questions_and_the_skip_condition(survey, client):
    s = survey["survey"]
    no = survey["works"].choices.get(position=1)
    # Missing the required scale: refused, nothing stored.
    response = client.post(url(s, "en"), {f"q{survey['works'].pk}": str(no.pk)})
    assert response.status_code == 400 and "Please answer this question." in response.content.decode()
    assert not Response.objects.exists()
    # "No" skips the hours question: an hours answer sent anyway is dropped, and it is not required.
    client.post(
        url(s, "en"),
        {f"q{survey['works'].pk}": str(no.pk), f"q{survey['hours'].pk}": "35", f"q{survey['scale'].pk}": "2"},
    )
    assert not Answer.objects.filter(question=survey["hours"]).exists()
    assert Answer.objects.filter(question=survey["scale"], number=2).exists()


def test_numbers_must_be_non_negative(survey, client):
    s = survey["survey"]
    data = {
        f"q{survey['works'].pk}": str(survey["yes"].pk),
        f"q{survey['hours'].pk}": "-3",
        f"q{survey['scale'].pk}": "3",
    }
    assert client.post(url(s, "lt"), data).status_code == 400
    assert not Response.objects.exists()


def test_one_answer_per_browser_unless_allowed(survey, client):
    s = survey["survey"]
    data = {
        f"q{survey['works'].pk}": str(survey["yes"].pk),
        f"q{survey['hours'].pk}": "5",
        f"q{survey['scale'].pk}": "5",
    }
    client.post(url(s, "lt"), data)
    assert client.post(url(s, "lt"), data).status_code == 409
    assert "jau atsakyta" in client.get(url(s, "lt")).content.decode()
    assert Response.objects.count() == 1
    s.allow_repeat = True
    s.save()
    assert client.post(url(s, "lt"), data).status_code == 302
    assert Response.objects.count() == 2


def test_rate_limit_per_address(survey, client, settings):
    settings.SURVEY_RATE_LIMIT = 3
    s = survey["survey"]
    s.allow_repeat = True
    s.save()
    data = {
        f"q{survey['works'].pk}": str(survey["yes"].pk),
        f"q{survey['hours'].pk}": "5",
        f"q{survey['scale'].pk}": "5",
    }
    codes = [client.post(url(s, "lt"), data).status_code for _ in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert Response.objects.count() == 3


def test_draft_survey_is_not_public_and_closed_takes_no_answers(survey, client):
    s = survey["survey"]
    s.status = "draft"
    s.save()
    assert client.get(url(s, "lt")).status_code == 404
    s.status = "closed"
    s.save()
    assert client.post(url(s, "lt"), {}).status_code == 200
    assert not Response.objects.exists()


def test_responses_keep_nothing_that_identifies_the_person():
    fields = {f.name for f in Response._meta.get_fields()}
    assert fields == {"id", "survey", "language", "submitted_on", "answers"}


def _answer(s, survey, language, works, hours=None, scale=3, comment=""):
    data = {
        f"q{survey['works'].pk}": works,
        f"q{survey['hours'].pk}": hours,
        f"q{survey['scale'].pk}": str(scale),
        f"q{survey['comment'].pk}": comment,
    }
    from surveys.forms import respondent_form

    form = respondent_form(s, language, {k: v for k, v in data.items() if v is not None})
    assert form.is_valid(), form.errors
    return services.submit(s, language, form.cleaned_data)


def test_results_count_per_question_language_and_year(survey, world, client_as):
    s = survey["survey"]
    yes, no = str(survey["yes"].pk), str(survey["works"].choices.get(position=1).pk)
    _answer(s, survey, "uk", yes, "10", 5, "Потрібні курси")
    _answer(s, survey, "uk", no, None, 4)
    _answer(s, survey, "lt", yes, "40", 2)
    data = services.results(s, include_text=True)
    assert data["responses"] == 3 and data["languages"] == ["lt", "uk"]
    works = data["questions"][0]
    assert [(o["label"], o["count"], o["by_language"]) for o in works["options"]] == [
        ("Taip", 2, [1, 1]),
        ("Ne", 1, [0, 1]),
    ]
    assert data["questions"][1]["mean"] == 25
    assert data["questions"][3]["text"] == ["Потрібні курси"]
    html = (
        client_as(world["users"]["own_staff"]).get(reverse("surveys:results", args=["alytus", s.pk])).content.decode()
    )
    assert "Потрібні курси" in html and "3 atsakymai" in html


def test_csv_and_xlsx_exports(survey, world, client_as):
    s = survey["survey"]
    _answer(s, survey, "ru", str(survey["yes"].pk), "12", 3, "ok")
    client = client_as(world["users"]["own_coordinator"])
    body = client.get(reverse("surveys:export", args=["alytus", s.pk, "csv"])).content.decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0][:4] == ["response", "language", "date", "Q1. Ar dirbate?"]
    assert rows[1][0] == "1" and rows[1][1] == "ru" and rows[1][3:] == ["Taip", "12", "3", "ok"]
    book = load_workbook(io.BytesIO(client.get(reverse("surveys:export", args=["alytus", s.pk, "xlsx"])).content))
    assert [c.value for c in book.active[2]][3:] == ["Taip", "12", "3", "ok"]


def test_definition_round_trips(survey, world, client_as):
    s = survey["survey"]
    client = client_as(world["users"]["own_coordinator"])
    exported = client.get(reverse("surveys:export", args=["alytus", s.pk, "json"])).content
    upload = io.BytesIO(exported)
    upload.name = "survey.json"
    response = client.post(reverse("surveys:import", args=["alytus"]), {"definition": upload})
    assert response.status_code == 302
    copy = Survey.objects.exclude(pk__in=[s.pk, world["survey"].pk]).get()
    assert copy.status == "draft" and copy.token != s.token
    assert services.export_definition(copy) == json.loads(exported)
    # The copied condition points at the copy's own option, not the original's.
    assert copy.questions.get(position=1).show_if_choice.question.survey_id == copy.pk


def test_a_bad_definition_creates_nothing(world):
    bad = {
        "version": 1,
        "year": 2026,
        "title": {"lt": "X"},
        "languages": ["lt"],
        "questions": [{"kind": "scale", "text": {"lt": "Q"}, "scale_min": 5, "scale_max": 1}],
    }
    with pytest.raises(services.DefinitionError):
        services.import_definition(bad, world["alytus"])
    assert not [s for s in Survey.objects.all() if s.title.get("lt") == "X"]


def test_builder_creates_a_translated_choice_question(survey, world, client_as):
    s = survey["survey"]
    client = client_as(world["users"]["own_coordinator"])
    data = {
        "position": 5,
        "kind": "multiple",
        "required": "on",
        "scale_min": 1,
        "scale_max": 5,
        "text_lt": "Ko reikia?",
        "text_en": "What do you need?",
        "text_ru": "",
        "text_uk": "Що потрібно?",
        "choices_lt": "Kalbos kursų\nBūsto",
        "choices_en": "Language courses\nHousing",
        "choices_ru": "",
        "choices_uk": "Мовних курсів\nЖитла",
    }
    assert client.post(reverse("surveys:question_new", args=["alytus", s.pk]), data).status_code == 302
    question = s.questions.get(position=5)
    assert question.text == {"lt": "Ko reikia?", "en": "What do you need?", "uk": "Що потрібно?"}
    assert [c.text for c in question.choices.all()] == [
        {"lt": "Kalbos kursų", "en": "Language courses", "uk": "Мовних курсів"},
        {"lt": "Būsto", "en": "Housing", "uk": "Житла"},
    ]
    # A translation with a different number of options is refused.
    data.update({"position": 6, "choices_en": "Only one"})
    assert client.post(reverse("surveys:question_new", args=["alytus", s.pk]), data).status_code == 400


def test_editing_a_question_keeps_its_options_by_position_and_drops_the_rest(survey, world, client_as):
    s = survey["survey"]
    client = client_as(world["users"]["own_coordinator"])
    data = {
        "position": 5,
        "kind": "single",
        "required": "on",
        "scale_min": 1,
        "scale_max": 5,
        "text_lt": "Ar mokotės?",
        "choices_lt": "Taip\nNe\nNežinau",
    }
    assert client.post(reverse("surveys:question_new", args=["alytus", s.pk]), data).status_code == 302
    question = s.questions.get(position=5)
    first, second, _third = question.choices.all()
    data["choices_lt"] = "Taip, kursuose\nNe"
    url = reverse("surveys:question_edit", args=["alytus", s.pk, question.pk])
    assert client.post(url, data).status_code == 302
    assert [(c.pk, c.text) for c in question.choices.all()] == [
        (first.pk, {"lt": "Taip, kursuose"}),
        (second.pk, {"lt": "Ne"}),
    ]
