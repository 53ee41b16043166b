"""Survey services: anonymous submission, rate limit, results, CSV/XLSX export, definition import/export."""

import csv
import io
from collections import Counter, defaultdict
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from common.ratelimit import over_limit
from surveys.models import SURVEY_LANGUAGES, Answer, Choice, Question, Response, Survey, pick

DEFINITION_VERSION = 1


# --- answering ---


def condition_met(question, chosen_choice_ids):
    """Return True when the question has no condition or its condition's option was chosen."""
    return question.show_if_choice_id is None or question.show_if_choice_id in chosen_choice_ids


def rate_limited(survey, client_address):
    """Count an attempt from this address; return True past SURVEY_RATE_LIMIT per hour.

    Only a salted hash of the address is kept, in the cache, for an hour: never in the database.
    """
    return over_limit(
        f"survey:{survey.pk}", f"{settings.SECRET_KEY}:{client_address}", settings.SURVEY_RATE_LIMIT, 3600
    )


@transaction.atomic
def submit(survey, language, cleaned, today=None):
    """Store one anonymous response from a valid respondent form's cleaned data."""
    if language not in survey.languages:
        raise ValueError(f"language {language} not offered")
    response = Response.objects.create(survey=survey, language=language, submitted_on=today or timezone.localdate())
    chosen = set()
    answers = []
    for question in survey.questions.prefetch_related("choices"):
        if not condition_met(question, chosen):
            continue
        value = cleaned.get(f"q{question.pk}")
        if value in (None, "", []):
            continue
        if question.kind == Question.Kind.SINGLE:
            choice = question.choices.get(pk=int(value))
            chosen.add(choice.pk)
            answers.append(Answer(response=response, question=question, choice=choice))
        elif question.kind == Question.Kind.MULTIPLE:
            for choice in question.choices.filter(pk__in=[int(v) for v in value]):
                chosen.add(choice.pk)
                answers.append(Answer(response=response, question=question, choice=choice))
        elif question.kind in (Question.Kind.SCALE, Question.Kind.NUMBER):
            answers.append(Answer(response=response, question=question, number=Decimal(value)))
        else:
            answers.append(Answer(response=response, question=question, text=str(value).strip()))
    Answer.objects.bulk_create(answers)
    return response


# --- results ---


@transaction.atomic
def save_question(form):
    """Save a QuestionForm and its answer options together; options are matched to the old ones by position."""
    question = form.save()
    existing = list(question.choices.all())
    options = form.option_texts()
    for i, texts in enumerate(options):
        if i < len(existing):
            existing[i].text, existing[i].position = texts, i
            existing[i].save()
        else:
            Choice.objects.create(question=question, position=i, text=texts)
    for stale in existing[len(options) :]:
        stale.delete()
    return question


def results(survey, include_text=False):
    """Return per-question counts overall, per language of answer and per year of answer."""
    responses = survey.responses.all()
    language_of = dict(responses.values_list("pk", "language"))
    year_of = {pk: day.year for pk, day in responses.values_list("pk", "submitted_on")}
    languages = sorted(
        set(language_of.values()), key=lambda c: SURVEY_LANGUAGES.index(c) if c in SURVEY_LANGUAGES else 99
    )
    years = sorted(set(year_of.values()))
    out = []
    answers_by_question = defaultdict(list)
    for answer in Answer.objects.filter(response__survey=survey).order_by("pk"):
        answers_by_question[answer.question_id].append(answer)
    for question in survey.questions.prefetch_related("choices"):
        answers = answers_by_question.get(question.pk, [])
        respondents = len({a.response_id for a in answers})
        row = {"question": question, "respondents": respondents, "options": [], "text": []}
        if question.has_choices or question.kind == Question.Kind.SCALE:
            if question.has_choices:
                options = [(c.pk, c.text_in("lt")) for c in question.choices.all()]
                key = lambda a: a.choice_id  # noqa: E731
            else:
                options = [(Decimal(v), str(v)) for v in range(question.scale_min, question.scale_max + 1)]
                key = lambda a: a.number  # noqa: E731
            total = Counter(key(a) for a in answers)
            per_language = Counter((language_of[a.response_id], key(a)) for a in answers)
            per_year = Counter((year_of[a.response_id], key(a)) for a in answers)
            for value, label in options:
                count = total.get(value, 0)
                row["options"].append(
                    {
                        "label": label,
                        "count": count,
                        "percent": round(100 * count / respondents) if respondents else 0,
                        "by_language": [per_language.get((code, value), 0) for code in languages],
                        "by_year": [per_year.get((year, value), 0) for year in years],
                    }
                )
        if question.kind in (Question.Kind.NUMBER, Question.Kind.SCALE) and answers:
            numbers = [a.number for a in answers]
            row["mean"] = round(sum(numbers) / len(numbers), 2)
        if question.kind == Question.Kind.TEXT and include_text:
            row["text"] = [a.text for a in answers]
        out.append(row)
    return {"questions": out, "languages": languages, "years": years, "responses": len(language_of)}


def _table(survey):
    """Return the header and one row per response (answers in Lithuanian labels)."""
    questions = list(survey.questions.prefetch_related("choices"))
    header = ["response", "language", "date"] + [f"Q{i}. {q.text_in('lt')}" for i, q in enumerate(questions, 1)]
    rows = []
    by_response = defaultdict(lambda: defaultdict(list))
    for answer in Answer.objects.filter(response__survey=survey).select_related("choice"):
        if answer.choice_id:
            value = answer.choice.text_in("lt")
        elif answer.number is not None:
            value = (
                str(answer.number.normalize()) if answer.number == answer.number.to_integral() else str(answer.number)
            )
        else:
            value = answer.text
        by_response[answer.response_id][answer.question_id].append(value)
    # Numbered 1..n in submission order: the database key is not shown, so nothing links back.
    for n, response in enumerate(survey.responses.order_by("submitted_on", "pk"), 1):
        answers = by_response.get(response.pk, {})
        rows.append(
            [n, response.language, response.submitted_on.isoformat()]
            + ["; ".join(answers.get(q.pk, [])) for q in questions]
        )
    return header, rows


def export_csv(survey):
    """Return the responses as CSV text (UTF-8, one row per response)."""
    header, rows = _table(survey)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def export_xlsx(survey):
    """Return the responses as XLSX bytes."""
    from openpyxl import Workbook

    header, rows = _table(survey)
    book = Workbook()
    sheet = book.active
    sheet.title = "responses"
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- definition import/export ---


def export_definition(survey):
    """Return the questionnaire (not the answers) as plain data that import_definition reads back."""
    questions = list(survey.questions.prefetch_related("choices"))
    choice_index = {c.pk: (qi, ci) for qi, q in enumerate(questions) for ci, c in enumerate(q.choices.all())}
    return {
        "version": DEFINITION_VERSION,
        "year": survey.year,
        "title": survey.title,
        "intro": survey.intro,
        "languages": survey.languages,
        "allow_repeat": survey.allow_repeat,
        "questions": [
            {
                "kind": q.kind,
                "text": q.text,
                "required": q.required,
                "scale_min": q.scale_min,
                "scale_max": q.scale_max,
                "choices": [c.text for c in q.choices.all()],
                "show_if": list(choice_index[q.show_if_choice_id]) if q.show_if_choice_id else None,
            }
            for q in questions
        ],
    }


class DefinitionError(ValueError):
    """The survey definition cannot be imported."""


@transaction.atomic
def import_definition(data, municipality, user=None):
    """Create a draft survey from export_definition's data; validate everything or create nothing."""
    if not isinstance(data, dict) or data.get("version") != DEFINITION_VERSION:
        raise DefinitionError("unknown definition version")
    survey = Survey(
        municipality=municipality,
        year=int(data["year"]),
        title=data.get("title") or {},
        intro=data.get("intro") or {},
        languages=data.get("languages") or ["lt"],
        allow_repeat=bool(data.get("allow_repeat")),
        created_by=user,
    )
    _validated(survey)
    created = []
    for position, item in enumerate(data.get("questions") or []):
        condition = None
        if item.get("show_if"):
            qi, ci = item["show_if"]
            if not 0 <= qi < position:
                raise DefinitionError(f"question {position + 1}: the condition must point to an earlier question")
            condition = list(created[qi].choices.all())[ci]
        question = Question(
            survey=survey,
            position=position,
            kind=item["kind"],
            text=item.get("text") or {},
            required=bool(item.get("required", True)),
            scale_min=int(item.get("scale_min", 1)),
            scale_max=int(item.get("scale_max", 5)),
            show_if_choice=condition,
        )
        _validated(question)
        for ci, text in enumerate(item.get("choices") or []):
            _validated(Choice(question=question, position=ci, text=text))
        created.append(question)
    return survey


def _validated(obj):
    """Validate and save a model instance, turning ValidationError into DefinitionError."""
    from django.core.exceptions import ValidationError

    try:
        obj.full_clean()
    except ValidationError as error:
        raise DefinitionError(str(error)) from error
    obj.save()


def title_in(survey, language):
    """Return the survey title in a language."""
    return pick(survey.title, language)
