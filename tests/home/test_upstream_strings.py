"""Strings Django and Wagtail leave in English get Lithuanian from the project's catalogue."""

from django.contrib.auth.password_validation import password_validators_help_texts
from django.utils import translation

from home.upstream_strings import UPSTREAM_STRINGS


def test_every_listed_string_has_a_lithuanian_translation(site_catalogue):
    missing = [text for text in UPSTREAM_STRINGS if text not in site_catalogue]
    assert not missing
    assert "Your password must contain at least %(min_length)d character." in site_catalogue


def test_the_password_hints_we_list_are_the_ones_django_shows():
    with translation.override("en"):
        hints = password_validators_help_texts()
    singular = [hint for hint in hints if "%" not in hint and "8 characters" not in hint]
    assert singular and all(hint in UPSTREAM_STRINGS for hint in singular), singular


def test_sign_up_hints_are_all_lithuanian(site_catalogue):
    with translation.override("lt"):
        hints = password_validators_help_texts()
    english = [hint for hint in hints if "password" in hint.lower() and "characters" not in hint]
    assert not english, english
    with translation.override("lt"):
        assert translation.gettext("Norwegian") == "Norvegų"
        assert (
            translation.gettext("Submit to %(workflow_name)s") % {"workflow_name": "Kaunas"}
            == "Pateikti moderuoti („Kaunas“)"
        )
