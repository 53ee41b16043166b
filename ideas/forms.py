"""Forms of the ideas platform: the idea form with checked uploads, the ballot, flags and moderation."""

import filetype
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Ballot, Idea

IMAGE_TYPES = {"image/jpeg", "image/png", "image/webp"}
ATTACHMENT_TYPES = {"application/pdf", "image/jpeg", "image/png"}
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_FILES = 5


class MultipleFileInput(forms.ClearableFileInput):
    """A file input that accepts several files."""

    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field returning a list of uploaded files."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(f, initial) for f in files]


def check_upload(upload, allowed, max_bytes):
    """Raise ValidationError unless the file's content (not its name) is an allowed type within the size limit."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("%(name)s is too large (maximum %(size)s MB).")
            % {"name": upload.name, "size": max_bytes // (1024 * 1024)}
        )
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in allowed:
        raise ValidationError(_("%(name)s is not an accepted file type.") % {"name": upload.name})
    return kind.mime


class IdeaForm(forms.ModelForm):
    """The author's idea form; the call's settings decide the languages and whether a cost is asked."""

    images = MultipleFileField(
        required=False, label=_("Images"), help_text=_("JPEG, PNG or WebP, up to 5 MB each; shown after moderation.")
    )
    attachments = MultipleFileField(
        required=False, label=_("Attachments"), help_text=_("PDF, JPEG or PNG, up to 10 MB each.")
    )

    class Meta:
        model = Idea
        fields = list(Idea.AUTHOR_FIELDS)
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "description": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, call_settings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.call_settings = call_settings
        if call_settings is not None:
            allowed = call_settings.allowed_languages
            self.fields["language"].choices = [c for c in self.fields["language"].choices if c[0] in allowed]
            if not call_settings.call.budget:
                del self.fields["estimated_cost"]
        self.fields["title"].widget.attrs.update({"data-similar-source": "title", "autocomplete": "off"})
        self.fields["summary"].widget.attrs.update({"data-similar-source": "summary"})

    def clean_latitude(self):
        value = self.cleaned_data.get("latitude")
        if value is not None and not -90 <= value <= 90:
            raise ValidationError(_("Latitude must be between -90 and 90."))
        return value

    def clean_longitude(self):
        value = self.cleaned_data.get("longitude")
        if value is not None and not -180 <= value <= 180:
            raise ValidationError(_("Longitude must be between -180 and 180."))
        return value

    def clean_estimated_cost(self):
        value = self.cleaned_data.get("estimated_cost")
        if value is not None and value < 0:
            raise ValidationError(_("The cost cannot be negative."))
        return value

    def clean_images(self):
        files = self.cleaned_data.get("images") or []
        if len(files) > MAX_FILES:
            raise ValidationError(_("At most %(count)s files.") % {"count": MAX_FILES})
        for upload in files:
            check_upload(upload, IMAGE_TYPES, MAX_IMAGE_BYTES)
        return files

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FILES:
            raise ValidationError(_("At most %(count)s files.") % {"count": MAX_FILES})
        for upload in files:
            check_upload(upload, ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES)
        return files


class BallotForm(forms.Form):
    """The ballot: ideas chosen, the declared tie to the city and, when required, the voting code."""

    ideas = forms.MultipleChoiceField(required=False, widget=forms.CheckboxSelectMultiple, label=_("Ideas"))
    tie = forms.ChoiceField(choices=Ballot.Tie.choices, widget=forms.RadioSelect, label=_("Your tie to the city"))
    code = forms.CharField(required=False, max_length=40, label=_("Voting code"))

    def __init__(self, *args, ideas=(), call_settings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ideas"].choices = [(str(idea.pk), idea.title) for idea in ideas]
        if call_settings is not None:
            from .models import CallSettings

            if call_settings.eligibility == CallSettings.Eligibility.RESIDENTS:
                self.fields["tie"].choices = [(Ballot.Tie.RESIDENT, Ballot.Tie.RESIDENT.label)]
            if not call_settings.require_voting_code:
                del self.fields["code"]


class FlagForm(forms.Form):
    """A member's flag on an idea."""

    reason = forms.CharField(max_length=500, label=_("Why should the moderators look at this idea?"))


class ModerationForm(forms.Form):
    """An editor's moderation decision."""

    ACTIONS = [
        ("accept", _("Accept")),
        ("changes", _("Ask for changes")),
        ("reject", _("Reject")),
        ("merge", _("Merge into another idea")),
        ("winner", _("Mark as prize winner")),
        ("not_winner", _("Remove prize")),
    ]
    action = forms.ChoiceField(choices=ACTIONS, label=_("Decision"))
    message = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Message to the author / reason / prize")
    )
    merge_into = forms.ModelChoiceField(queryset=Idea.objects.none(), required=False, label=_("Merge into"))

    def __init__(self, *args, idea=None, **kwargs):
        super().__init__(*args, **kwargs)
        if idea is not None:
            self.fields["merge_into"].queryset = (
                Idea.objects.for_call(idea.call)
                .exclude(pk=idea.pk)
                .exclude(status__in=[Idea.Status.MERGED, Idea.Status.REJECTED, Idea.Status.DRAFT])
            )


class StatusUpdateForm(forms.Form):
    """An editor's implementation update on a winning idea."""

    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), label=_("Implementation update"))


class CodesForm(forms.Form):
    """How many voting codes to issue."""

    count = forms.IntegerField(min_value=1, max_value=5000, label=_("Number of codes"))


class ImportPbForm(forms.Form):
    """A pabulib file to import into a call."""

    file = forms.FileField(label=_(".pb file"))

    def clean_file(self):
        """Refuse a file over the size an import may read (ideas.pb.MAX_FILE_CHARS) before reading it."""
        from . import pb

        uploaded = self.cleaned_data["file"]
        if uploaded.size > pb.MAX_FILE_CHARS:
            raise forms.ValidationError(
                _("The file is too large: at most %(mb)s MB.") % {"mb": pb.MAX_FILE_CHARS // (1024 * 1024)}
            )
        return uploaded
