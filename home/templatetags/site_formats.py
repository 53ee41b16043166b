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
