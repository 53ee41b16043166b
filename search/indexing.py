"""Keep the search index tables (and Elasticsearch, when configured) in step with the content.

Every function is idempotent: it reads the current state of the object and writes (or removes)
its entry, so a retried or duplicated Celery task does no harm.
"""

import logging

from django.apps import apps
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from . import elastic
from .lithuanian import fold, indexed, normalise, normalise_all
from .models import ContentEntry, ContentKind, ExpertSearchEntry

logger = logging.getLogger(__name__)

PAGE_KINDS = {
    "storypage": ContentKind.STORY,
    "eventpage": ContentKind.EVENT,
    "callforideaspage": ContentKind.CALL,
    "informationpage": ContentKind.INFORMATION,
    "citypage": ContentKind.CITY,
}
PUBLIC_CHALLENGE_STATUSES = ("open", "in_progress")
MAX_TEXT = 20000


def _elastic(action, *args):
    """Mirror an index change to Elasticsearch when configured; log and carry on if it is down."""
    if not elastic.enabled():
        return
    try:
        action(*args)
    except elastic.ElasticUnavailable as error:
        logger.warning("Elasticsearch index update failed (database index is up to date): %s", error)


def page_kind(page):
    """Return the ContentKind of a page, or None when the page type is not searched."""
    return PAGE_KINDS.get(page.specific_class._meta.model_name) if page.specific_class else None


def _field_text(page, name):
    """Return the plain text of one page field (rich text stripped, StreamField flattened)."""
    value = getattr(page, name, None)
    if value is None:
        return ""
    stream_block = getattr(value, "stream_block", None)
    if stream_block is not None:
        return " ".join(strip_tags(str(part)) for part in stream_block.get_searchable_content(value))
    return strip_tags(str(value))


def page_text(page):
    """Return the searchable plain text of a specific page (its search fields except the title)."""
    from wagtail.search import index

    parts = []
    for field in page.search_fields:
        if isinstance(field, index.SearchField) and field.field_name != "title":
            parts.append(_field_text(page, field.field_name))
    return " ".join(" ".join(part.split()) for part in parts if part)[:MAX_TEXT]


def _event_dates(event):
    """Return (date, ends_at) of an event: next occurrence (or start) and the last end, None if endless."""
    date = event.start.astimezone(event.tz).date()
    if not event.recurrence:
        return date, event.end
    try:
        nxt = event.next_occurrence()
        if nxt is not None:
            date = nxt.start.date()
        rule = event.recurrence_rule()
        if getattr(rule, "_count", None) or getattr(rule, "_until", None):
            starts = list(rule)
            return date, (starts[-1] + (event.end - event.start)) if starts else event.end
    except (ValueError, TypeError):
        return date, event.end
    return date, None


def build_page_entry(page):
    """Return unsaved ContentEntry field values for a live, public page, or None to remove it."""
    from wagtail.models import Page

    kind = page_kind(page)
    if kind is None or not Page.objects.live().public().filter(pk=page.pk).exists():
        return None
    page = page.specific
    from home.models import CityPage

    city = CityPage.objects.ancestor_of(page, inclusive=True).first()
    date, ends_at = None, None
    if kind == ContentKind.STORY:
        date = page.date
    elif kind == ContentKind.EVENT:
        date, ends_at = _event_dates(page)
    elif kind == ContentKind.CALL:
        date, ends_at = timezone.localdate(page.closes_at), None
    elif page.last_published_at:
        date = timezone.localdate(page.last_published_at)
    text = page_text(page)
    language = page.locale.language_code
    return {
        "kind": kind,
        "locale": language,
        "title": page.title[:255],
        "text": text,
        "normalised": indexed(normalise(f"{page.title} {text}", language)),
        "normalised_title": indexed(normalise(page.title, language))[:400],
        "city_name": city.title if city else "",
        "city_key": str(city.translation_key) if city else "",
        "date": date,
        "ends_at": ends_at,
        "url": page.get_url() or "",
    }


def build_challenge_entry(challenge):
    """Return ContentEntry field values for a public (open or in-progress) challenge, or None."""
    if challenge.status not in PUBLIC_CHALLENGE_STATUSES:
        return None
    municipality = challenge.municipality
    city = municipality.city_page
    text = " ".join([challenge.description, *challenge.skills_wanted, municipality.name])[:MAX_TEXT]
    return {
        "kind": ContentKind.CHALLENGE,
        "locale": "",
        "title": challenge.title[:255],
        "text": " ".join(text.split()),
        "normalised": indexed(normalise_all(f"{challenge.title} {text}")),
        "normalised_title": indexed(normalise_all(challenge.title))[:400],
        "city_name": city.title if city else municipality.city_name,
        "city_key": str(city.translation_key) if city else "",
        "date": challenge.deadline,
        "ends_at": None,
        "url": challenge.get_absolute_url(),
    }


def _store(source, object_id, values):
    """Write or delete one content entry and mirror it to Elasticsearch."""
    if values is None:
        remove_content(source, object_id)
        return None
    entry, _ = ContentEntry.objects.update_or_create(source=source, object_id=object_id, defaults=values)
    _elastic(elastic.upsert_content, entry)
    return entry


def index_page(page_id):
    """Index (or un-index) one page by id; return the entry or None."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        remove_content(ContentEntry.Source.PAGE, page_id)
        return None
    return _store(ContentEntry.Source.PAGE, page_id, build_page_entry(page))


def index_page_tree(page_id):
    """Re-index a page and its descendants (a move, a privacy change or a city rename affects them)."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    ids = list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    for pk in ids:
        index_page(pk)
    return len(ids)


def index_challenge(challenge_id):
    """Index (or un-index) one challenge by id; return the entry or None."""
    model = apps.get_model("challenges", "Challenge")
    challenge = model.objects.select_related("municipality__city_page").filter(pk=challenge_id).first()
    if challenge is None:
        remove_content(ContentEntry.Source.CHALLENGE, challenge_id)
        return None
    return _store(ContentEntry.Source.CHALLENGE, challenge_id, build_challenge_entry(challenge))


def remove_content(source, object_id):
    """Remove a page or challenge from every index."""
    ContentEntry.objects.filter(source=source, object_id=object_id).delete()
    _elastic(elastic.delete_content, source, object_id)


def _delimited(values):
    """Return |a|b| delimited folded values, so one value is found with a LIKE on |value|."""
    cleaned = [fold(value).strip().replace("|", " ") for value in values if str(value).strip()]
    return f"|{'|'.join(cleaned)}|" if cleaned else ""


def build_expert_entry(profile):
    """Return ExpertSearchEntry field values for a profile."""
    public_text = " ".join(
        [profile.name, profile.headline, *profile.competencies, *profile.help_topics, *profile.city_ties]
    )
    return {
        "normalised": indexed(normalise_all(public_text)),
        "normalised_cv": indexed(normalise_all(profile.cv_text[:50000])),
        "country": (profile.country or "").upper(),
        "languages": _delimited(code.lower() for code in profile.languages),
        "topics": _delimited(profile.help_topics),
        "city_ties": _delimited(profile.city_ties),
        "hours_per_month": profile.hours_per_month or 0,
        "can_travel": bool(profile.can_travel_to_lithuania),
    }


def stored_expert_vectors(profile_ids):
    """Return {profile id: vector} through matching's public read function (empty without matching)."""
    if not apps.is_installed("matching"):
        return {}
    from matching.vectors import expert_vectors

    return expert_vectors(profile_ids)


def expert_vector(profile_id):
    """Return the matching engine's stored embedding of one expert, or None."""
    return stored_expert_vectors([profile_id]).get(profile_id)


def index_expert(profile_id):
    """Index one expert profile by id (removing it from every index if it is gone)."""
    from experts.models import ExpertProfile

    profile = ExpertProfile.objects.filter(pk=profile_id).first()
    if profile is None:
        remove_expert(profile_id)
        return None
    entry, _ = ExpertSearchEntry.objects.update_or_create(expert=profile, defaults=build_expert_entry(profile))
    _elastic(lambda: elastic.upsert_expert(profile, expert_vector(profile_id)))
    return entry


def remove_expert(profile_id):
    """Remove an expert from every index (erasure or deletion)."""
    ExpertSearchEntry.objects.filter(expert_id=profile_id).delete()
    _elastic(elastic.delete_expert, profile_id)


def _all_page_values():
    """Yield (page id, entry values) for every searchable live, public page."""
    from wagtail.models import Page

    for page in Page.objects.live().public().specific().iterator(chunk_size=200):
        values = build_page_entry(page)
        if values is not None:
            yield page.pk, values


def rebuild_database_index():
    """Rebuild the entry tables from scratch in one transaction; return the counts."""
    from experts.models import ExpertProfile

    challenge_model = apps.get_model("challenges", "Challenge")
    with transaction.atomic():
        ContentEntry.objects.all().delete()
        ExpertSearchEntry.objects.all().delete()
        pages = [ContentEntry(source="page", object_id=pk, **values) for pk, values in _all_page_values()]
        challenges = []
        for challenge in challenge_model.objects.filter(status__in=PUBLIC_CHALLENGE_STATUSES).select_related(
            "municipality__city_page"
        ):
            values = build_challenge_entry(challenge)
            if values is not None:
                challenges.append(ContentEntry(source="challenge", object_id=challenge.pk, **values))
        ContentEntry.objects.bulk_create(pages + challenges, batch_size=500)
        experts = [ExpertSearchEntry(expert=p, **build_expert_entry(p)) for p in ExpertProfile.objects.iterator()]
        ExpertSearchEntry.objects.bulk_create(experts, batch_size=500)
    return {"pages": len(pages), "challenges": len(challenges), "experts": len(experts)}


def rebuild_elastic_index():
    """Rebuild the Elasticsearch indices from the entry tables and swap their aliases."""
    from experts.models import ExpertProfile

    entries = list(ContentEntry.objects.all())
    profiles = list(ExpertProfile.objects.all())
    vectors = stored_expert_vectors([p.pk for p in profiles])
    return elastic.rebuild(entries, profiles, vectors)


def rebuild_all():
    """Rebuild the database entry tables, then Elasticsearch when configured; return a summary."""
    counts = rebuild_database_index()
    if elastic.enabled():
        counts["elasticsearch_indices"] = rebuild_elastic_index()
    return counts
