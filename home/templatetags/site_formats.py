"""Template filters that format money and dates the way each language writes them."""

from decimal import Decimal, InvalidOperation

from babel.numbers import format_currency
from django import template
from django.utils import formats
from django.utils.translation import get_language, to_locale

register = template.Library()


def babel_locale(language=None):
    """Return the babel locale for a Django language code ("lt" → "lt_LT", "en" → "en_IE")."""
    language = (language or get_language() or "lt").split("-")[0]
    # English prices in euros are written the Irish way: "€50,000.00".
    return {"lt": "lt_LT", "en": "en_IE"}.get(language, to_locale(language))


def format_money(value, currency="EUR", language=None):
    """Return an amount as "50 000,00 €" in Lithuanian and "€50,000.00" in English."""
    if value is None or value == "":
        return ""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return str(value)
    return format_currency(amount, currency, locale=babel_locale(language))


@register.filter
def money(value, currency="EUR"):
    """Format an amount of money in the page's language ("50 000,00 €" / "€50,000.00")."""
    return format_money(value, currency)


@register.filter
def weekday_datetime(value):
    """Format a date and time with its weekday in the page's language ("šeštadienis, 2026 m. gruodžio 26 d., 18:00")."""
    if not value:
        return ""
    return f"{formats.date_format(value, 'l')}, {formats.date_format(value, 'DATETIME_FORMAT')}"


@register.filter
def weekday_date(value):
    """Format a date with its weekday in the page's language."""
    if not value:
        return ""
    return f"{formats.date_format(value, 'l')}, {formats.date_format(value, 'DATE_FORMAT')}"


def _babel(language=None):
    from babel import Locale

    return Locale.parse((language or get_language() or "lt").split("-")[0])


def country_label(code, language=None):
    """Return the country's name in the page's language ("GB" → "Jungtinė Karalystė"), else the code."""
    if not code:
        return ""
    return _babel(language).territories.get(str(code).upper(), str(code))


def language_label(code, language=None):
    """Return the language's name in the page's language ("en" → "anglų"), else the code."""
    if not code:
        return ""
    return _babel(language).languages.get(str(code).lower(), str(code))


@register.filter
def country_name(code):
    """Show an ISO 3166 country code by name in the page's language."""
    return country_label(code)


@register.filter
def language_names(codes):
    """Show a list of ISO 639 language codes by name in the page's language, comma-separated."""
    return ", ".join(language_label(code) for code in codes or [])
