"""Anonymous multilingual needs surveys: questionnaires, questions with translations, responses."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.models.base import ScopedQuerySet, municipality_fk, optional_user_fk, scoped

SURVEY_LANGUAGES = ["lt", "en", "ru", "uk"]


def validate_translations(value):
    """Accept a dict of survey-language code → text."""
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValidationError(_("Translations must map language codes to texts."))
    bad = sorted(set(value) - set(SURVEY_LANGUAGES))
    if bad:
        raise ValidationError(_("Unknown languages: %(codes)s"), params={"codes": ", ".join(bad)})


def pick(translations, language):
    """Return the text in `language`, else Lithuanian, else any text there is."""
    if not translations:
        return ""
    return translations.get(language) or translations.get("lt") or next(iter(translations.values()), "")


class SurveyQuerySet(ScopedQuerySet):
    def open(self):
        """Return surveys that take answers."""
        return self.filter(status=Survey.Status.OPEN)


class Survey(models.Model):
    """A questionnaire a coordinator publishes at a public, anonymous link."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    municipality = municipality_fk("surveys")
    token = models.UUIDField(_("public link key"), default=uuid.uuid4, unique=True, editable=False)
    year = models.PositiveIntegerField(_("year"))
    title = models.JSONField(_("title"), default=dict, validators=[validate_translations])
    intro = models.JSONField(_("introduction"), default=dict, blank=True, validators=[validate_translations])
    languages = models.JSONField(_("languages offered"), default=list)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    allow_repeat = models.BooleanField(
        _("allow several answers from one browser"), default=False, help_text=_("For a shared computer at an event.")
    )
    created_by = optional_user_fk(_("created by"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self):
        return pick(self.title, "lt")

    def clean(self):
        """Offer only survey languages, Lithuanian included."""
        if not isinstance(self.languages, list) or not self.languages:
            raise ValidationError({"languages": _("Choose at least one language.")})
        bad = [code for code in self.languages if code not in SURVEY_LANGUAGES]
        if bad:
            raise ValidationError({"languages": _("Unknown languages: %(codes)s") % {"codes": ", ".join(bad)}})

    def title_in(self, language):
        """Return the title in a language (falling back to Lithuanian)."""
        return pick(self.title, language)


class Question(models.Model):
    """One question; shown only when its condition (an earlier choice) holds."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Scale")
        NUMBER = "number", _("Number")
        TEXT = "text", _("Free text")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions", verbose_name=_("survey"))
    position = models.PositiveIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text = models.JSONField(_("question"), default=dict, validators=[validate_translations])
    required = models.BooleanField(_("required"), default=True)
    scale_min = models.IntegerField(_("scale from"), default=1)
    scale_max = models.IntegerField(_("scale to"), default=5)
    show_if_choice = models.ForeignKey(
        "Choice",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dependent_questions",
        verbose_name=_("show only if this answer was chosen"),
    )

    objects = scoped("survey__municipality").as_manager()

    class Meta:
        ordering = ["survey", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return pick(self.text, "lt")

    def clean(self):
        """Keep the scale in order and the condition on an earlier question of the same survey."""
        if self.kind == self.Kind.SCALE and self.scale_max <= self.scale_min:
            raise ValidationError({"scale_max": _("The scale must end above where it starts.")})
        if self.show_if_choice_id:
            source = self.show_if_choice.question
            foreign = source.survey_id != self.survey_id or (self.pk and source.pk == self.pk)
            if foreign or source.position > self.position:
                raise ValidationError(
                    {"show_if_choice": _("The condition must be an earlier question of this survey.")}
                )

    def text_in(self, language):
        """Return the question text in a language (falling back to Lithuanian)."""
        return pick(self.text, language)

    @property
    def has_choices(self):
        """Return True for single and multiple choice questions."""
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)


class Choice(models.Model):
    """An answer option of a choice question."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question"))
    position = models.PositiveIntegerField(_("position"), default=0)
    text = models.JSONField(_("answer option"), default=dict, validators=[validate_translations])

    class Meta:
        ordering = ["question", "position", "pk"]
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self):
        return pick(self.text, "lt")

    def text_in(self, language):
        """Return the option text in a language (falling back to Lithuanian)."""
        return pick(self.text, language)


class Response(models.Model):
    """One anonymous submission: only the language and the day are kept, nothing about the person."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses", verbose_name=_("survey"))
    language = models.CharField(_("language of answer"), max_length=5)
    submitted_on = models.DateField(_("submitted on"))

    objects = scoped("survey__municipality").as_manager()

    class Meta:
        ordering = ["survey", "submitted_on"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self):
        return f"{self.survey} #{self.pk}"


class Answer(models.Model):
    """The answer to one question (a multiple choice answer is several rows, one per option)."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers", verbose_name=_("response"))
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question"))
    choice = models.ForeignKey(
        Choice, null=True, blank=True, on_delete=models.CASCADE, related_name="answers", verbose_name=_("option")
    )
    number = models.DecimalField(_("number"), max_digits=12, decimal_places=2, null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["response", "question"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return f"{self.question_id}: {self.choice_id or self.number or self.text[:20]}"
