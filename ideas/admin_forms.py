"""Admin form for call settings: an editor may configure only calls whose page they can edit."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class CallSettingsForm(WagtailAdminModelForm):
    """Refuse settings for a call the editor cannot edit (another city's call)."""

    def clean_call(self):
        call = self.cleaned_data.get("call")
        user = getattr(self, "for_user", None)
        if call is not None and user is not None and not call.permissions_for_user(user).can_edit():
            raise ValidationError(_("You can only configure calls of your own city."))
        return call
