"""Digests per member and period, notices addressed to one person, expert alerts, unsubscribing."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from notifications.models import Frequency, Kind, Notification, Preference

PERIODS = {Frequency.WEEKLY: timedelta(days=7), Frequency.MONTHLY: timedelta(days=30)}
ALERT_INTERVAL = timedelta(days=7)
UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def site_url(path):
    """Return an absolute address on the site for e-mails."""
    return getattr(settings, "SITE_URL", "http://127.0.0.1:8000").rstrip("/") + path


def preference_for(user):
    """Return the member's preference, creating the default (weekly, every city and kind)."""
    preference, _created = Preference.objects.get_or_create(
        user=user, defaults={"language": (translation.get_language() or settings.LANGUAGE_CODE)[:2]}
    )
    return preference


def unsubscribe_token(user):
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe(token):
    """Stop every bulk message to the token's member; return the preference, or None for a bad token."""
    try:
        user_id = signing.loads(token, salt=UNSUBSCRIBE_SALT)["u"]
    except (signing.BadSignature, KeyError, TypeError):
        return None
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        return None
    preference = preference_for(user)
    preference.frequency = Frequency.NEVER
    preference.expert_alerts = False
    preference.save(update_fields=["frequency", "expert_alerts"])
    return preference


# --- notices addressed to one person ---------------------------------------------------------


def notify(user, type, title, *, text="", url="", subject_key="", in_digest=False):
    """Record a notice for the member; unless it waits for the digest, e-mail it after the commit."""
    try:
        with transaction.atomic():
            notice = Notification.objects.create(
                user=user,
                type=type,
                title=title[:300],
                text=text,
                url=url,
                subject_key=subject_key,
                in_digest=in_digest,
            )
    except IntegrityError:
        return None  # this member already has this notice (e.g. the alert for this challenge)
    if not in_digest:
        from common.outbox import enqueue

        enqueue("notifications.tasks.mail_notification", notice.pk)  # by name: services never import tasks
    return notice


def mail_notification(notification_id):
    """Send one notice by e-mail in the member's language (skipped if it or the member is gone)."""
    notice = Notification.objects.select_related("user").filter(pk=notification_id, delivered_at__isnull=True).first()
    if notice is None or not notice.user.email:
        return False
    preference = preference_for(notice.user)
    with translation.override(preference.language):
        context = {
            "notice": notice,
            "url": site_url(notice.url) if notice.url else "",
            "list_url": site_url(reverse("notifications:list")),
        }
        subject = render_to_string("notifications/email/notice_subject.txt", context).strip()
        message = EmailMultiAlternatives(
            subject, render_to_string("notifications/email/notice_body.txt", context), to=[notice.user.email]
        )
        message.attach_alternative(render_to_string("notifications/email/notice_body.html", context), "text/html")
    message.send()
    Notification.objects.filter(pk=notice.pk).update(delivered_at=timezone.now())
    return True


# --- digests --------------------------------------------------------------------------------


def _city_filter(preference):
    """Return the chosen city hubs (with their translations), or None for every city."""
    from home.models import CityPage

    chosen = list(preference.cities.all())
    if not chosen:
        return None
    keys = [city.translation_key for city in chosen]
    return list(CityPage.objects.filter(translation_key__in=keys))


def _in_cities(queryset, cities):
    """Keep pages below one of the cities (all pages when cities is None)."""
    if cities is None:
        return queryset
    from django.db.models import Q

    condition = Q()
    for city in cities:
        condition |= Q(path__startswith=city.path)
    return queryset.filter(condition)


def digest_items(preference, since, until):
    """Return {kind: [(title, path)]} of what is new for the member between since and until."""
    from challenges.models import Challenge
    from home.models import CallForIdeasPage, EventPage, StoryPage
    from ideas.models import Idea

    language = preference.language
    cities = _city_filter(preference)
    kinds = set(preference.kinds or Kind.values)
    items = {}

    def pages(model):
        queryset = (
            model.objects.live()
            .public()
            .filter(locale__language_code=language, first_published_at__gt=since, first_published_at__lte=until)
        )
        return [(page.title, page.url) for page in _in_cities(queryset, cities).order_by("first_published_at")[:20]]

    if Kind.STORIES in kinds:
        items[Kind.STORIES] = pages(StoryPage)
    if Kind.EVENTS in kinds:
        items[Kind.EVENTS] = pages(EventPage)
    if Kind.CHALLENGES in kinds:
        challenges = Challenge.objects.open().filter(updated_at__gt=since, created_at__lte=until)
        if cities is not None:
            challenges = challenges.filter(
                municipality__city_page__translation_key__in=[c.translation_key for c in cities]
            )
        items[Kind.CHALLENGES] = [
            (c.title, reverse("challenges:detail", args=[c.pk])) for c in challenges.order_by("created_at")[:20]
        ]
    calls = _in_cities(CallForIdeasPage.objects.live().public(), cities)
    if Kind.IDEAS in kinds:
        ideas = Idea.objects.filter(
            status=Idea.Status.ACCEPTED, moderated_at__gt=since, moderated_at__lte=until, call__in=calls
        )
        items[Kind.IDEAS] = [
            (idea.title, reverse("ideas:detail", args=[idea.pk])) for idea in ideas.order_by("moderated_at")[:20]
        ]
    if Kind.RESULTS in kinds:
        from ideas.models import CallSettings

        closed = CallSettings.objects.filter(voting_closes_at__gt=since, voting_closes_at__lte=until).values_list(
            "call_id", flat=True
        )
        items[Kind.RESULTS] = [
            (call.title, call.url) for call in calls.filter(pk__in=list(closed), locale__language_code=language)
        ]
    return {kind: rows for kind, rows in items.items() if rows}


def _due(preference, now, has_alerts):
    period = PERIODS.get(preference.frequency)
    digest_due = period is not None and (preference.last_digest_at is None or now - preference.last_digest_at >= period)
    alert_due = (
        has_alerts
        and preference.expert_alerts
        and (preference.last_alert_mail_at is None or now - preference.last_alert_mail_at >= ALERT_INTERVAL)
    )
    return digest_due, alert_due


def send_digest(preference_id, now=None):
    """Send the member's digest if one is due and something is new; return True when a mail went out.

    The preference row is locked (skip_locked) so two workers never send the same digest twice.
    """
    now = now or timezone.now()
    with transaction.atomic():
        preference = (
            Preference.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("user")
            .filter(pk=preference_id)
            .first()
        )
        if preference is None or not preference.user.is_active or not preference.user.email:
            return False
        alerts = list(Notification.objects.filter(user=preference.user).awaiting_digest().order_by("created_at"))
        digest_due, alert_due = _due(preference, now, bool(alerts))
        if not (digest_due or alert_due):
            return False
        since = preference.last_digest_at or now - PERIODS.get(preference.frequency, timedelta(days=7))
        items = digest_items(preference, since, now) if digest_due else {}
        if not alert_due:
            alerts = []
        if not items and not alerts:
            return False
        _mail_digest(preference, items, alerts)
        if digest_due:
            preference.last_digest_at = now
        if alerts:
            preference.last_alert_mail_at = now
            Notification.objects.filter(pk__in=[a.pk for a in alerts]).update(delivered_at=now)
        preference.save(update_fields=["last_digest_at", "last_alert_mail_at"])
    return True


def _mail_digest(preference, items, alerts):
    """Render and send the digest with one-click unsubscribe headers (RFC 8058)."""
    unsubscribe_url = site_url(reverse("notifications:unsubscribe", args=[unsubscribe_token(preference.user)]))
    with translation.override(preference.language):
        labels = dict(Kind.choices)
        sections = [
            (str(labels[kind]), [(title, site_url(path)) for title, path in rows]) for kind, rows in items.items()
        ]
        context = {
            "sections": sections,
            "alerts": [(a.title, site_url(a.url) if a.url else "") for a in alerts],
            "unsubscribe_url": unsubscribe_url,
            "preferences_url": site_url(reverse("notifications:preferences")),
        }
        subject = render_to_string("notifications/email/digest_subject.txt", context).strip()
        message = EmailMultiAlternatives(
            subject,
            render_to_string("notifications/email/digest_body.txt", context),
            to=[preference.user.email],
            headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )
        message.attach_alternative(render_to_string("notifications/email/digest_body.html", context), "text/html")
    message.send()


def send_due_digests(now=None):
    """Send every digest that is due; return how many went out."""
    ids = Preference.objects.exclude(frequency=Frequency.NEVER, expert_alerts=False).values_list("pk", flat=True)
    return sum(1 for pk in list(ids) if send_digest(pk, now))


# --- expert alerts --------------------------------------------------------------------------


class NotReady(Exception):
    """The challenge's vector is not there yet; try again later."""


def alert_experts(challenge_id):
    """Queue a digest alert for each consenting expert who fits an open challenge; return how many."""
    from challenges.models import Challenge
    from matching.services import suggestions_for_challenge

    challenge = Challenge.objects.filter(pk=challenge_id).first()
    if challenge is None or challenge.status != Challenge.Status.OPEN:
        return 0
    result = suggestions_for_challenge(challenge, top=int(getattr(settings, "NOTIFICATIONS_ALERT_TOP", 10)))
    if not result.ready:
        raise NotReady
    threshold = float(getattr(settings, "NOTIFICATIONS_ALERT_MIN_SCORE", 0.0))
    from experts.models import ExpertProfile

    fitting = [int(s.id) for s in result.suggestions if not s.violations and s.score >= threshold]
    profiles = ExpertProfile.objects.suggestable().filter(pk__in=fitting, user__isnull=False).select_related("user")
    created = 0
    for profile in profiles:
        preference = preference_for(profile.user)
        if not preference.expert_alerts:
            continue
        with translation.override(preference.language):
            title = _("A challenge that fits you: %(title)s") % {"title": challenge.title}
        if notify(
            profile.user,
            Notification.Type.CHALLENGE_ALERT,
            title,
            url=reverse("challenges:detail", args=[challenge.pk]),
            subject_key=f"challenge:{challenge.pk}",
            in_digest=True,
        ):
            created += 1
    return created


def alert_experts_if_ready(challenge_id):
    """Alert fitting experts, or return None while the challenge has no vector yet."""
    try:
        return alert_experts(challenge_id)
    except NotReady:
        return None


def sweep_alerts(days=14):
    """Alert experts for every challenge opened in the last days (idempotent: one alert per expert)."""
    from challenges.models import Challenge

    recent = Challenge.objects.open().filter(updated_at__gte=timezone.now() - timedelta(days=days))
    return sum(alert_experts_if_ready(pk) or 0 for pk in recent.values_list("pk", flat=True))
