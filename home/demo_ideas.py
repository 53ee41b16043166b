"""Demo calls for ideas in Klaipėda: one in voting, one with published results, ballots included."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

RESULTS_IDEAS = [
    ("Žalias kiemas Taikos prospekte", "A green courtyard on Taikos Avenue", 24000),
    ("Dviračių stovai prie mokyklų", "Bike racks at schools", 8000),
    ("Šviesos Smiltynės pėsčiųjų take", "Lights on the Smiltynė footpath", 18000),
    ("Lauko treniruoklių aikštelė", "An outdoor fitness corner", 15000),
    ("Bendruomenės daržai senamiestyje", "Community gardens in the old town", 9000),
]
VOTING_IDEAS = [
    ("Suoliukai krantinėje", "Benches on the quay", 6000),
    ("Vandens gertuvės parkuose", "Drinking fountains in the parks", 7000),
    ("Mažoji scena Kultūros fabrike", "A small stage at the Culture Factory", 12000),
]
# Ballots in the results call: which ideas (by index) each demo voter chose.
BALLOTS = [(0, 1), (0, 1), (0, 4), (0, 2), (2, 3), (2, 4), (1, 4), (0, 1, 4), (3,), (2, 1), (0, 3), (4, 1)]


def _voter(number):
    """Return a demo resident with a verified address and no usable password (they only vote)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    email = f"balsuotojas{number}@example.com"
    user, created = get_user_model().objects.get_or_create(username=email, defaults={"email": email})
    if created:
        user.set_unusable_password()
        user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _call(city, slug, title, theme, intro, phase, budget, both):
    from home.models import CallForIdeasPage
    from ideas.models import CallSettings

    now = timezone.now()
    page, _ = both(
        city,
        CallForIdeasPage,
        slug,
        {"opens_at": now - timedelta(days=90), "closes_at": now - timedelta(days=30), "budget": budget, "prize": ""},
        {"title": title, "theme": theme, "intro": intro},
    )
    CallSettings.objects.update_or_create(
        call=page,
        defaults={
            "ballot_type": CallSettings.BallotType.KNAPSACK,
            "official_rule": CallSettings.Rule.MES,
            "phase_override": phase,
        },
    )
    return page


def load_demo_ideas(city, both, translated):
    """Create Klaipėda's calls in the voting and results phases with accepted ideas and ballots."""
    from ideas import services
    from ideas.models import CallSettings, Idea, Phase

    results = _call(
        city,
        "kiemai-2026",
        translated("Klaipėdos kiemai 2026", "Klaipėda courtyards 2026"),
        translated("Kiemai ir viešosios erdvės", "Courtyards and public spaces"),
        translated(
            "Gyventojai ir išeivija balsavo, kaip skirstyti 60 000 € kiemams.",
            "Residents and the diaspora voted on how to spend €60,000 on courtyards.",
        ),
        Phase.VOTING,
        Decimal("60000"),
        both,
    )
    voting = _call(
        city,
        "krantine-2027",
        translated("Krantinė 2027", "The quay 2027"),
        translated("Krantinė", "The quay"),
        translated("Balsuokite už krantinės idėjas.", "Vote for ideas for the quay."),
        Phase.VOTING,
        Decimal("20000"),
        both,
    )
    for call, rows in ((results, RESULTS_IDEAS), (voting, VOTING_IDEAS)):
        ideas = []
        for title_lt, title_en, cost in rows:
            idea, _ = Idea.objects.update_or_create(
                call=call,
                title=title_lt,
                defaults={
                    "summary": title_en,
                    "estimated_cost": Decimal(cost),
                    "status": Idea.Status.ACCEPTED,
                },
            )
            ideas.append(idea)
        if call is results:
            for number, chosen in enumerate(BALLOTS, start=1):
                services.cast_ballot(
                    call, _voter(number), [ideas[i].pk for i in chosen], "resident" if number % 3 else "born"
                )
            CallSettings.objects.filter(call=call).update(phase_override=Phase.RESULTS)
    Idea.objects.update_or_create(
        call=voting,
        title="Laiptai prie vandens",
        defaults={
            "summary": "Steps down to the water",
            "estimated_cost": Decimal(9000),
            "status": Idea.Status.SUBMITTED,
        },
    )
    return results, voting
