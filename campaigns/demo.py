"""Demo: a Klaipėda campaign after a storm, with updates, a transparency report and pledges."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from campaigns.models import CampaignPage, CampaignUpdate, Pledge, SpendingLine
from home.models import CityPage


def load_campaign_demo():
    """Create or refresh the demo campaign (Lithuanian original and English translation)."""
    city = CityPage.objects.get(slug="klaipeda", locale__language_code="lt")
    today = timezone.localdate()
    fields = {
        "title": "Pagalba po audros: Smiltynės pušynas",
        "intro": "Audra išvartė šimtus pušų. Diaspora padeda atsodinti pušyną ir sutvarkyti takus.",
        "goal": Decimal("20000.00"),
        "deadline": today + timedelta(days=60),
        "beneficiary": "Klaipėdos bendruomenės fondas (demonstracinis)",
        "iban": "LT601010012345678901",
        "bank": "Demonstracinis bankas",
    }
    page = CampaignPage.objects.child_of(city).filter(slug="pagalba-po-audros").first()
    if page is None:
        page = CampaignPage(slug="pagalba-po-audros", locale=city.locale, **fields)
        city.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
    page.updates.all().delete()
    page.spending.all().delete()
    page.updates.add(
        CampaignUpdate(
            date=today - timedelta(days=10),
            title="Pirmieji 500 sodinukų",
            text="Savanoriai pasodino pirmuosius sodinukus.",
        )
    )
    page.spending.add(
        SpendingLine(
            date=today - timedelta(days=12), description="Pušų sodinukai (500 vnt.)", amount=Decimal("1250.00")
        )
    )
    page.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    translation = page.get_translation_or_none(english) or page.copy_for_translation(english, copy_parents=True)
    translation = translation.specific
    translation.title = "After the storm: the Smiltynė pine forest"
    translation.intro = (
        "A storm felled hundreds of pines. The diaspora helps to replant the forest and repair the paths."
    )
    translation.save_revision().publish()

    users = (
        get_user_model().objects.filter(username__in=["admin", "alytus-editor", "klaipeda-editor"]).order_by("username")
    )
    Pledge.objects.filter(campaign=page).delete()
    for index, user in enumerate(users):
        Pledge.objects.create(
            campaign=page,
            member=user,
            amount=Decimal("150.00") * (index + 1),
            reference=f"MD-DEMO-{index + 1:04d}",
            status=Pledge.Status.RECEIVED if index < 2 else Pledge.Status.PLEDGED,
            received_at=timezone.now() if index < 2 else None,
            show_as_supporter=index != 1,
            supporter_name="" if index == 1 else f"Demo rėmėjas {index + 1}",
        )
    return page
