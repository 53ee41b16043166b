"""Money in the page's language: "50 000,00 €" in Lithuanian, "€50,000.00" in English."""

from babel.numbers import format_currency
from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()


@register.filter
def eur(amount):
    """Format an amount in euro with the active language's conventions."""
    if amount in (None, ""):
        return ""
    return format_currency(amount, "EUR", locale=to_locale(get_language() or "lt"))
