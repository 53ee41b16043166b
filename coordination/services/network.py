"""Networking services: what is stored about a contact person (GDPR access) and erasing them."""

from django.db import transaction


def contact_data(contact):
    """Return everything stored about one contact person, as plain data."""
    return {
        "name": contact.name,
        "role": contact.role,
        "email": contact.email,
        "phone": contact.phone,
        "consent_given_on": contact.consent_given_on.isoformat(),
        "partner": contact.partner.name,
    }


@transaction.atomic
def erase_contact(contact):
    """Erase a contact person (GDPR erasure); return the partner's id."""
    partner_id = contact.partner_id
    contact.delete()
    return partner_id
