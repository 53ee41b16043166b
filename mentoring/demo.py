"""Demo: two volunteer mentors and a mutual-help club in Alytus."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from home.models import CityPage
from mentoring.models import Club, ClubMeeting, MentorOffer

MENTORS = [
    (
        "mentore-ruta",
        "Rūta",
        "Mentorė",
        "Padedu susitvarkyti dokumentus migracijos tarnyboje ir rasti darželį vaikams.",
        ["documents", "school"],
        ["lt", "uk", "ru"],
    ),
    (
        "mentorius-jonas",
        "Jonas",
        "Mentorius",
        "Parodau, kur pirkti vietinių ūkininkų produktus, ir padedu mokytis lietuvių kalbos.",
        ["produce", "language"],
        ["lt", "en"],
    ),
]


def load_mentoring_demo(password):
    """Create or refresh the demo mentors and club (fictional people)."""
    city = CityPage.objects.get(slug="alytus", locale__language_code="lt")
    for username, first, last, about, topics, languages in MENTORS:
        user, _ = get_user_model().objects.get_or_create(
            username=username, defaults={"email": f"{username}@example.com"}
        )
        user.first_name, user.last_name = first, last
        user.set_password(password)
        user.save()
        MentorOffer.objects.update_or_create(
            user=user, city=city, defaults={"about": about, "topics": topics, "languages": languages, "capacity": 2}
        )
    club, _ = Club.objects.get_or_create(
        city=city,
        name="Ukrainiečių šeimų klubas",
        defaults={"description": "Tėvai dalijasi patirtimi apie mokyklas ir darželius Alytuje."},
    )
    club.meetings.all().delete()
    ClubMeeting.objects.create(
        club=club,
        title="Susitikimas bibliotekoje",
        starts_at=timezone.now() + timedelta(days=10),
        place="Alytaus miesto biblioteka",
    )
    return club
