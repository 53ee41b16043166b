"""Survey forms: the builder (one text field per language) and the respondent's questionnaire."""

from django import forms
from django.utils.translation import gettext_lazy as _

from surveys.models import SURVEY_LANGUAGES, Choice, Question, Survey

LANGUAGE_NAMES = {"lt": "lietuvių", "en": "English", "ru": "русский", "uk": "українська"}

# The few interface words a respondent sees; Russian and Ukrainian have no interface catalogue.
PUBLIC_TEXT = {
    "lt": {
        "submit": "Siųsti atsakymus",
        "optional": "neprivaloma",
        "only_if": "Atsakykite, tik jei pasirinkote „%(choice)s“.",
        "thanks": "Ačiū! Jūsų atsakymai įrašyti anonimiškai.",
        "already": "Iš šios naršyklės jau atsakyta. Ačiū!",
        "closed": "Ši apklausa šiuo metu nepriima atsakymų.",
        "too_many": "Per daug atsakymų iš šio adreso. Pabandykite vėliau.",
        "anonymous": "Apklausa anoniminė: neklausiame vardo ir nesaugome jūsų adreso.",
        "language": "Kalba",
        "errors": "Patikrinkite pažymėtus klausimus.",
        "required": "Atsakykite į šį klausimą.",
    },
    "en": {
        "submit": "Send answers",
        "optional": "optional",
        "only_if": "Answer only if you chose “%(choice)s”.",
        "thanks": "Thank you! Your answers were recorded anonymously.",
        "already": "This browser has already answered. Thank you!",
        "closed": "This survey is not taking answers at the moment.",
        "too_many": "Too many answers from this address. Please try again later.",
        "anonymous": "The survey is anonymous: we do not ask your name or keep your address.",
        "language": "Language",
        "errors": "Please check the marked questions.",
        "required": "Please answer this question.",
    },
    "ru": {
        "submit": "Отправить ответы",
        "optional": "необязательно",
        "only_if": "Отвечайте, только если вы выбрали «%(choice)s».",
        "thanks": "Спасибо! Ваши ответы записаны анонимно.",
        "already": "С этого браузера уже ответили. Спасибо!",
        "closed": "Этот опрос сейчас не принимает ответы.",
        "too_many": "Слишком много ответов с этого адреса. Попробуйте позже.",
        "anonymous": "Опрос анонимный: мы не спрашиваем имя и не храним ваш адрес.",
        "language": "Язык",
        "errors": "Проверьте отмеченные вопросы.",
        "required": "Ответьте на этот вопрос.",
    },
    "uk": {
        "submit": "Надіслати відповіді",
        "optional": "необов'язково",
        "only_if": "Відповідайте, лише якщо ви обрали «%(choice)s».",
        "thanks": "Дякуємо! Ваші відповіді записано анонімно.",
        "already": "З цього браузера вже відповіли. Дякуємо!",
        "closed": "Це опитування зараз не приймає відповідей.",
        "too_many": "Забагато відповідей з цієї адреси. Спробуйте пізніше.",
        "anonymous": "Опитування анонімне: ми не питаємо імені й не зберігаємо вашу адресу.",
        "language": "Мова",
        "errors": "Перевірте позначені питання.",
        "required": "Дайте відповідь на це питання.",
    },
}


def public_text(language):
    """Return the respondent interface words in a survey language."""
    return PUBLIC_TEXT.get(language, PUBLIC_TEXT["en"])


class TranslatedFieldsMixin:
    """Add one text field per survey language for each JSON translations field named in `translated`."""

    translated = ()
    textarea = ()

    def add_translated_fields(self, instance):
        for name in self.translated:
            current = getattr(instance, name) or {}
            for code in SURVEY_LANGUAGES:
                widget = forms.Textarea(attrs={"rows": 2}) if name in self.textarea else forms.TextInput
                self.fields[f"{name}_{code}"] = forms.CharField(
                    label=f"{self.base_labels[name]} ({LANGUAGE_NAMES[code]})",
                    required=code == "lt" and name not in self.textarea,
                    initial=current.get(code, ""),
                    widget=widget,
                )

    def collect(self, name):
        return {
            code: self.cleaned_data[f"{name}_{code}"].strip()
            for code in SURVEY_LANGUAGES
            if self.cleaned_data.get(f"{name}_{code}", "").strip()
        }


class SurveyForm(TranslatedFieldsMixin, forms.ModelForm):
    translated = ("title", "intro")
    textarea = ("intro",)
    base_labels = {"title": _("Title"), "intro": _("Introduction")}
    languages = forms.MultipleChoiceField(
        label=_("Languages offered"),
        choices=[(c, LANGUAGE_NAMES[c]) for c in SURVEY_LANGUAGES],
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Survey
        fields = ["year", "status", "allow_repeat", "languages"]

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.add_translated_fields(self.instance)

    def clean(self):
        cleaned = super().clean()
        self.instance.title = self.collect("title")
        self.instance.intro = self.collect("intro")
        return cleaned

    def save(self, commit=True):
        self.instance.municipality = self.municipality
        return super().save(commit)


class QuestionForm(TranslatedFieldsMixin, forms.ModelForm):
    translated = ("text",)
    base_labels = {"text": _("Question")}
    choices_lt = forms.CharField(
        label=_("Answer options, one per line (Lithuanian)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    choices_en = forms.CharField(
        label=_("Answer options (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    choices_ru = forms.CharField(
        label=_("Answer options (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    choices_uk = forms.CharField(
        label=_("Answer options (Ukrainian)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    class Meta:
        model = Question
        fields = ["position", "kind", "required", "scale_min", "scale_max", "show_if_choice"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_translated_fields(self.instance)
        survey = self.instance.survey
        self.fields["show_if_choice"].queryset = Choice.objects.filter(question__survey=survey).exclude(
            question=self.instance.pk
        )
        if self.instance.pk:
            for code in SURVEY_LANGUAGES:
                self.fields[f"choices_{code}"].initial = "\n".join(
                    c.text.get(code, "") for c in self.instance.choices.all()
                )

    def option_texts(self):
        """Return one translations dict per answer option."""
        columns = {
            code: [line.strip() for line in self.cleaned_data.get(f"choices_{code}", "").splitlines() if line.strip()]
            for code in SURVEY_LANGUAGES
        }
        return [
            {code: columns[code][i] for code in SURVEY_LANGUAGES if i < len(columns[code])}
            for i in range(len(columns["lt"]))
        ]

    def clean(self):
        cleaned = super().clean()
        self.instance.text = self.collect("text")
        kind = cleaned.get("kind")
        options = self.option_texts()
        if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE) and len(options) < 2:
            self.add_error("choices_lt", _("A choice question needs at least two options."))
        for code in ("en", "ru", "uk"):
            extra = [line for line in cleaned.get(f"choices_{code}", "").splitlines() if line.strip()]
            if extra and len(extra) != len(options):
                self.add_error(f"choices_{code}", _("Give as many options as in Lithuanian, in the same order."))
        return cleaned


class ImportForm(forms.Form):
    definition = forms.FileField(label=_("Survey definition (JSON)"))


def respondent_form(survey, language, data=None):
    """Build the questionnaire for one language; conditional questions are checked when the form is cleaned."""
    words = public_text(language)
    questions = list(survey.questions.prefetch_related("choices").select_related("show_if_choice"))
    fields = {}
    for question in questions:
        label = question.text_in(language)
        name = f"q{question.pk}"
        help_text = ""
        if question.show_if_choice_id:
            help_text = words["only_if"] % {"choice": question.show_if_choice.text_in(language)}
        options = [(str(c.pk), c.text_in(language)) for c in question.choices.all()]
        common = {"label": label, "required": False, "help_text": help_text}
        if question.kind == Question.Kind.SINGLE:
            field = forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
        elif question.kind == Question.Kind.MULTIPLE:
            field = forms.MultipleChoiceField(choices=options, widget=forms.CheckboxSelectMultiple, **common)
        elif question.kind == Question.Kind.SCALE:
            scale = [(str(v), str(v)) for v in range(question.scale_min, question.scale_max + 1)]
            field = forms.ChoiceField(choices=scale, widget=forms.RadioSelect, **common)
        elif question.kind == Question.Kind.NUMBER:
            field = forms.DecimalField(min_value=0, max_digits=12, decimal_places=2, **common)
        else:
            field = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=4000, **common)
        field.question = question
        fields[name] = field

    def clean(self):
        cleaned = forms.Form.clean(self)
        chosen = set()
        for question in questions:
            name = f"q{question.pk}"
            value = cleaned.get(name)
            applies = question.show_if_choice_id is None or question.show_if_choice_id in chosen
            if not applies:
                cleaned[name] = None
                continue
            if question.required and value in (None, "", []):
                self.add_error(name, words["required"])
            if question.kind == Question.Kind.SINGLE and value:
                chosen.add(int(value))
            if question.kind == Question.Kind.MULTIPLE and value:
                chosen.update(int(v) for v in value)
        return cleaned

    form_class = type("RespondentForm", (forms.Form,), {**fields, "clean": clean})
    return form_class(data)
