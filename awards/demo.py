"""Demo: Alytus's diaspora award, nominations closed and the jury scoring."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from awards.models import AwardCategory, AwardJuror, AwardPage, Nomination
from home.models import CityPage

NOMINATIONS = [
    (
        0,
        "Ona Pavyzdienė",
        "Oslas, Norvegija",
        "Dešimt metų veda lietuvišką sekmadieninę mokyklą ir kasmet atveža vaikus į Alytų.",
    ),
    (
        0,
        "Petras Išgalvotas",
        "Dublinas, Airija",
        "Įkūrė diasporos verslininkų tinklą, kuris padėjo trims Alytaus įmonėms rasti partnerių.",
    ),
    (
        1,
        "Rasa Demonstracinė",
        "Alytus",
        "Sugrįžusi iš Vokietijos atidarė jaunimo dirbtuves ir moko programavimo nemokamai.",
    ),
]


def load_award_demo():
    """Create or refresh the demo award with two categories, a jury and three nominations."""
    city = CityPage.objects.get(slug="alytus", locale__language_code="lt")
    now = timezone.now()
    fields = {
        "title": "Alytaus diasporos premija",
        "intro": "Premija žmonėms, kurie garsina Alytų pasaulyje ir kuria jį čia.",
        "nominations_open": now - timedelta(days=40),
        "nominations_close": now - timedelta(days=1),
        "judging_closes": now + timedelta(days=30),
    }
    award = AwardPage.objects.child_of(city).filter(slug="diasporos-premija").first()
    if award is None:
        award = AwardPage(slug="diasporos-premija", locale=city.locale, **fields)
        award.categories.add(AwardCategory(name="Metų diasporos balsas"))
        award.categories.add(AwardCategory(name="Už indėlį į miesto gyvenimą"))
        city.add_child(instance=award)
    else:
        for name, value in fields.items():
            setattr(award, name, value)
    users = get_user_model().objects.filter(username__in=["admin", "klaipeda-editor"])
    award.jurors.all().delete()
    for user in users:
        award.jurors.add(AwardJuror(user=user))
    award.save_revision().publish()
    english = Locale.objects.get(language_code="en")
    translation = award.get_translation_or_none(english) or award.copy_for_translation(english, copy_parents=True)
    translation = translation.specific
    translation.title = "Alytus diaspora award"
    translation.intro = "A prize for people who make Alytus known in the world and build it here."
    translation.save_revision().publish()
    award.nominations.all().delete()
    categories = list(award.categories.all())
    for index, name, place, reason in NOMINATIONS:
        Nomination.objects.create(
            award=award, category=categories[index], nominee_name=name, nominee_place=place, reason=reason
        )
    return award
