"""Survey pages: the coordinator's builder and results, and the public anonymous questionnaire."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from coordination.permissions import can_manage, can_see_free_text, require
from coordination.views.base import form_page, workspace
from surveys import services
from surveys.forms import LANGUAGE_NAMES, ImportForm, QuestionForm, SurveyForm, public_text, respondent_form
from surveys.models import Question, Survey, pick

COOKIE_AGE = 365 * 24 * 3600


def _survey(municipality, pk):
    return get_object_or_404(Survey.objects.for_municipality(municipality), pk=pk)


@login_required
def survey_list(request, slug):
    """List the municipality's surveys."""
    municipality, access, context = workspace(request, slug)
    context["surveys"] = Survey.objects.for_municipality(municipality)
    context["import_form"] = ImportForm()
    return render(request, "surveys/survey_list.html", context)


@login_required
def survey_edit(request, slug, pk=None):
    """Create or edit a survey's title, languages and status (coordinator)."""
    municipality, access, context = workspace(request, slug)
    require(can_manage(access, municipality))
    instance = _survey(municipality, pk) if pk else Survey(municipality=municipality, created_by=request.user)
    form = SurveyForm(request.POST or None, instance=instance, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        survey = form.save()
        messages.success(request, _("Saved."))
        return redirect("surveys:detail", slug, survey.pk)
    return form_page(request, context, form, _("Survey"), reverse("surveys:list", args=[slug]))


@login_required
def survey_detail(request, slug, pk):
    """Show the questionnaire with its public links and the builder's actions."""
    municipality, access, context = workspace(request, slug)
    survey = _survey(municipality, pk)
    links = [
        (code, LANGUAGE_NAMES[code], request.build_absolute_uri(f"/{code}/surveys/s/{survey.token}/"))
        for code in survey.languages
    ]
    context.update({"survey": survey, "questions": survey.questions.prefetch_related("choices"), "links": links})
    return render(request, "surveys/survey_detail.html", context)


@login_required
def question_edit(request, slug, survey_pk, pk=None):
    """Add or edit a question with its translations and answer options (coordinator)."""
    municipality, access, context = workspace(request, slug)
    require(can_manage(access, municipality))
    survey = _survey(municipality, survey_pk)
    if pk:
        instance = get_object_or_404(survey.questions, pk=pk)
    else:
        instance = Question(survey=survey, position=survey.questions.count() + 1)
    form = QuestionForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_question(form)
        messages.success(request, _("Saved."))
        return redirect("surveys:detail", slug, survey.pk)
    return form_page(request, context, form, _("Question"), reverse("surveys:detail", args=[slug, survey.pk]))


@login_required
def results(request, slug, pk):
    """Show counts per question, per language of answer and per year; free text to staff only."""
    municipality, access, context = workspace(request, slug)
    survey = _survey(municipality, pk)
    data = services.results(survey, include_text=can_see_free_text(access, municipality))
    context.update({"survey": survey, **data, "language_names": LANGUAGE_NAMES})
    return render(request, "surveys/results.html", context)


@login_required
def export(request, slug, pk, fmt):
    """Download the responses (CSV, XLSX) or the questionnaire definition (JSON)."""
    municipality, access, context = workspace(request, slug)
    survey = _survey(municipality, pk)
    if fmt == "csv":
        response = HttpResponse(services.export_csv(survey), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(
            services.export_xlsx(survey),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "json":
        body = json.dumps(services.export_definition(survey), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}.{fmt}"'
    return response


@login_required
def import_definition(request, slug):
    """Create a draft survey from an exported definition (coordinator)."""
    municipality, access, context = workspace(request, slug)
    require(can_manage(access, municipality))
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            data = json.loads(form.cleaned_data["definition"].read().decode("utf-8"))
            survey = services.import_definition(data, municipality, request.user)
        except (ValueError, KeyError, TypeError, IndexError) as error:
            form.add_error("definition", _("The file is not a survey definition: %(error)s") % {"error": error})
        else:
            messages.success(request, _("The survey was imported as a draft."))
            return redirect("surveys:detail", slug, survey.pk)
    back = reverse("surveys:list", args=[slug])
    return form_page(request, context, form, _("Import a survey"), back, multipart=True)


# --- public ---


def _client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def respond(request, token):
    """The public questionnaire in the language of the URL; anonymous, one answer per browser unless allowed."""
    survey = get_object_or_404(Survey.objects.exclude(status=Survey.Status.DRAFT), token=token)
    language = get_language()
    if language not in survey.languages:
        return redirect(f"/{survey.languages[0]}/surveys/s/{survey.token}/")
    words = public_text(language)
    cookie = f"survey-{survey.token.hex[:12]}"
    context = {
        "survey": survey,
        "survey_title": survey.title_in(language),
        "survey_intro": pick(survey.intro, language) if survey.intro else "",
        "language": language,
        "words": words,
        "languages": [(code, LANGUAGE_NAMES[code], f"/{code}/surveys/s/{survey.token}/") for code in survey.languages],
    }
    answered = request.get_signed_cookie(cookie, default=None, salt="surveys") is not None
    if survey.status != Survey.Status.OPEN:
        return render(request, "surveys/respond.html", {**context, "notice": words["closed"]})
    if answered and not survey.allow_repeat and request.GET.get("done") is None:
        status = 409 if request.method == "POST" else 200
        return render(request, "surveys/respond.html", {**context, "notice": words["already"]}, status=status)
    if request.GET.get("done") is not None:
        return render(request, "surveys/respond.html", {**context, "notice": words["thanks"]})
    form = respondent_form(survey, language, request.POST or None)
    if request.method == "POST":
        if services.rate_limited(survey, _client_address(request)):
            return render(request, "surveys/respond.html", {**context, "notice": words["too_many"]}, status=429)
        if form.is_valid():
            services.submit(survey, language, form.cleaned_data)
            response = redirect(f"{request.path}?done")
            response.set_signed_cookie(cookie, "1", salt="surveys", max_age=COOKIE_AGE, httponly=True, samesite="Lax")
            return response
    return render(request, "surveys/respond.html", {**context, "form": form}, status=400 if form.errors else 200)
