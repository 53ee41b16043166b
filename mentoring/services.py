"""Mentoring: offers and requests, engine proposals, the coordinator's confirmation, both sides' consent."""

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mentoring.models import HelpRequest, MentorOffer, Pairing, Topic

PROPOSALS_PER_REQUEST = 3


def _same_city(a, b):
    return a.translation_key == b.translation_key


def is_coordinator_for(user, city):
    """Return True for platform admins and approved coordinators of the city's municipality."""
    if not (user and user.is_authenticated):
        return False
    if user.is_superuser or user.is_staff:
        return True
    membership = getattr(user, "staff_membership", None)
    if membership is None or not (membership.approved and membership.is_coordinator):
        return False
    city_page = membership.municipality.city_page
    return city_page is not None and _same_city(city_page, city)


def coordinated_cities(user):
    """Return the translation keys of the cities the user coordinates (None = every city, for admins)."""
    if user.is_superuser or user.is_staff:
        return None
    membership = getattr(user, "staff_membership", None)
    if (
        membership is None
        or not (membership.approved and membership.is_coordinator)
        or membership.municipality.city_page is None
    ):
        return []
    return [membership.municipality.city_page.translation_key]


def save_offer(user, *, city, about, topics, languages, capacity, contact_phone="", active=True):
    """Create or update the volunteer's offer in a city."""
    offer, _created = MentorOffer.objects.update_or_create(
        user=user,
        city=city,
        defaults={
            "about": about,
            "topics": topics,
            "languages": languages,
            "capacity": capacity,
            "contact_phone": contact_phone,
            "active": active,
        },
    )
    return offer


def ask_for_help(user, *, city, text, languages, contact_phone=""):
    """Record a request for help and let the engine propose mentors after the commit (in the worker)."""
    from matching import worker

    with transaction.atomic():
        request = HelpRequest.objects.create(
            user=user, city=city, text=text, languages=languages, contact_phone=contact_phone
        )
        if worker.local_mode():
            # No broker: the embedding thread ranks mentors, so the model never loads in the request.
            transaction.on_commit(lambda: worker.local_worker().submit(propose_mentors, request.pk))
        else:
            from common.outbox import enqueue

            enqueue("mentoring.tasks.propose_mentors", request.pk)  # by name: services never import tasks
    return request


def _places_left(offer):
    return offer.capacity - offer.pairings.holding_places().count()


def _offer_text(offer):
    labels = dict(Topic.choices)
    return " ".join([offer.about] + [str(labels.get(t, t)) for t in offer.topics])


def semantic_scores(query, passages):
    """Return the cosine of the request against each offer with the project's multilingual model (worker only)."""
    from matching.embedding import default_embedder

    embedder = default_embedder()
    q = embedder.queries([query])[0]
    p = embedder.passages(passages)
    return p @ q / (np.linalg.norm(p, axis=1) * np.linalg.norm(q) + 1e-9)


def propose_mentors(request_id, scorer=None):
    """Propose the best-fitting mentors: same city, a shared language, a place left; best meaning first.

    Language, city and capacity are hard constraints; the multilingual model ranks what is left, so a
    request written in Ukrainian finds an offer written in Lithuanian.
    """
    request = HelpRequest.objects.filter(pk=request_id, status=HelpRequest.Status.OPEN).select_related("city").first()
    if request is None:
        return 0
    wanted = set(request.languages)
    candidates = [
        offer
        for offer in MentorOffer.objects.filter(active=True).exclude(user=request.user).select_related("city")
        if _same_city(offer.city, request.city) and wanted & set(offer.languages) and _places_left(offer) > 0
    ]
    if not candidates:
        return 0
    scores = (scorer or semantic_scores)(request.text, [_offer_text(o) for o in candidates])
    ranked = sorted(zip(candidates, scores, strict=True), key=lambda pair: -float(pair[1]))[:PROPOSALS_PER_REQUEST]
    created = 0
    for offer, score in ranked:
        shared = sorted(wanted & set(offer.languages))
        _pairing, made = Pairing.objects.get_or_create(
            request=request,
            offer=offer,
            defaults={"score": float(score), "reasons": [{"languages": shared, "topics": offer.topics}]},
        )
        created += made
    return created


def _lock(pairing_id):
    return Pairing.objects.select_for_update().select_related("request", "offer", "request__city").get(pk=pairing_id)


@transaction.atomic
def confirm(user, pairing_id):
    """The city's coordinator confirms a proposal; both sides are then asked to accept."""
    pairing = _lock(pairing_id)
    if not is_coordinator_for(user, pairing.request.city):
        raise PermissionDenied
    if pairing.status != Pairing.Status.PROPOSED:
        raise ValidationError(_("Only a proposed pairing can be confirmed."))
    MentorOffer.objects.select_for_update().filter(pk=pairing.offer_id).first()
    if _places_left(pairing.offer) <= 0:
        raise ValidationError(_("This mentor has no place left."))
    pairing.status, pairing.confirmed_by = Pairing.Status.CONFIRMED, user
    pairing.save(update_fields=["status", "confirmed_by"])
    return pairing


@transaction.atomic
def reject_proposal(user, pairing_id):
    pairing = _lock(pairing_id)
    if not is_coordinator_for(user, pairing.request.city):
        raise PermissionDenied
    pairing.status = Pairing.Status.DECLINED
    pairing.save(update_fields=["status"])
    return pairing


def side_of(user, pairing):
    """Return "mentor", "mentee" or None."""
    if pairing.offer.user_id == user.pk:
        return "mentor"
    if pairing.request.user_id == user.pk:
        return "mentee"
    return None


@transaction.atomic
def respond(user, pairing_id, accept):
    """A side accepts or declines a confirmed pairing; when both accept it becomes active."""
    pairing = _lock(pairing_id)
    side = side_of(user, pairing)
    if side is None:
        raise PermissionDenied
    if pairing.status != Pairing.Status.CONFIRMED:
        raise ValidationError(_("This pairing is not waiting for your answer."))
    if not accept:
        pairing.status = Pairing.Status.DECLINED
        pairing.save(update_fields=["status"])
        return pairing
    setattr(pairing, f"{side}_accepted", True)
    if pairing.mentor_accepted and pairing.mentee_accepted:
        pairing.status = Pairing.Status.ACTIVE
        HelpRequest.objects.filter(pk=pairing.request_id).update(status=HelpRequest.Status.PAIRED)
        # The other proposals for this request are no longer needed.
        pairing.request.pairings.exclude(pk=pairing.pk).filter(
            status__in=[Pairing.Status.PROPOSED, Pairing.Status.CONFIRMED]
        ).update(status=Pairing.Status.DECLINED)
    pairing.save(update_fields=["mentor_accepted", "mentee_accepted", "status"])
    return pairing


@transaction.atomic
def end(user, pairing_id, feedback=""):
    """Either side ends an active pairing, with short feedback."""
    pairing = _lock(pairing_id)
    side = side_of(user, pairing)
    if side is None:
        raise PermissionDenied
    if pairing.status != Pairing.Status.ACTIVE:
        raise ValidationError(_("Only an active pairing can be ended."))
    setattr(pairing, f"{side}_feedback", feedback[:1000])
    pairing.status, pairing.closed_at = Pairing.Status.CLOSED, timezone.now()
    pairing.save(update_fields=[f"{side}_feedback", "status", "closed_at"])
    HelpRequest.objects.filter(pk=pairing.request_id).update(status=HelpRequest.Status.CLOSED)
    return pairing


@transaction.atomic
def report_problem(user, pairing_id, text):
    """Either side reports a problem; the coordinator sees it in the coordination list."""
    pairing = _lock(pairing_id)
    if side_of(user, pairing) is None:
        raise PermissionDenied
    if not text.strip():
        raise ValidationError(_("Describe the problem."))
    pairing.problem_report = (pairing.problem_report + "\n\n" if pairing.problem_report else "") + text.strip()[:2000]
    pairing.save(update_fields=["problem_report"])
    return pairing


def contact_details(user, pairing):
    """Return the other side's e-mail and phone, only once the pairing is active."""
    side = side_of(user, pairing)
    if side is None or pairing.status != Pairing.Status.ACTIVE:
        return None
    if side == "mentor":
        return {"email": pairing.request.user.email, "phone": pairing.request.contact_phone}
    return {"email": pairing.offer.user.email, "phone": pairing.offer.contact_phone}


def pairings_to_coordinate(user):
    """Return pairings in the cities the user coordinates that wait on them or report a problem."""
    keys = coordinated_cities(user)
    pairings = Pairing.objects.select_related("request__user", "offer__user", "request__city")
    if keys is not None:
        pairings = pairings.filter(request__city__translation_key__in=keys)
    return pairings.filter(
        status__in=[Pairing.Status.PROPOSED, Pairing.Status.CONFIRMED, Pairing.Status.ACTIVE]
    ).order_by("request", "-score")


def join_club(user, club, join=True):
    (club.members.add if join else club.members.remove)(user)
