"""Elasticsearch I/O: the client, document upserts and deletes, alias-swapping rebuilds and queries.

Used only when ``ELASTICSEARCH_URL`` is set. Every failure surfaces as ``ElasticUnavailable`` so
callers can log a warning and fall back to the database path instead of raising a server error.
"""

import logging

from django.conf import settings
from django.utils import timezone
from elasticsearch import Elasticsearch
from elasticsearch.helpers import bulk

from . import documents

logger = logging.getLogger(__name__)
LANGUAGES = ("lt", "en")

_clients = {}


class ElasticUnavailable(Exception):
    """Elasticsearch could not answer: unreachable, an index is missing, or it returned an error."""


def enabled():
    """Return True when a deployment configured Elasticsearch (ELASTICSEARCH_URL is set)."""
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def client():
    """Return a client for ELASTICSEARCH_URL with short timeouts and no retries (fallback must be quick)."""
    url = settings.ELASTICSEARCH_URL
    if url not in _clients:
        _clients[url] = Elasticsearch(
            url,
            request_timeout=float(getattr(settings, "SEARCH_ELASTIC_TIMEOUT", 3)),
            max_retries=0,
            retry_on_timeout=False,
        )
    return _clients[url]


def _call(action, *args, **kwargs):
    """Run one Elasticsearch call, turning any failure into ElasticUnavailable."""
    try:
        return action(*args, **kwargs)
    except Exception as error:  # transport errors, API errors, missing indices
        raise ElasticUnavailable(f"{type(error).__name__}: {error}") from error


def execute(search):
    """Execute an elasticsearch-dsl Search against the configured node."""
    return _call(search.using(client()).execute)


def ping():
    """Return True when the node answers."""
    try:
        return bool(client().ping())
    except Exception:
        return False


# --- documents ------------------------------------------------------------------------------


def content_doc_body(entry):
    """Return the content document body for a ContentEntry."""
    return {
        "source": entry.source,
        "object_id": entry.object_id,
        "kind": entry.kind,
        "locale": entry.locale,
        "title": entry.title,
        "title_suggest": entry.title,
        "body": entry.text,
        "city_name": entry.city_name,
        "city_key": entry.city_key,
        "date": entry.date.isoformat() if entry.date else None,
        "ends_at": entry.ends_at.isoformat() if entry.ends_at else None,
        "url": entry.url,
    }


def content_doc_id(entry):
    """Return the document id of a content entry (source and object id)."""
    return f"{entry.source}-{entry.object_id}"


def content_languages(entry):
    """Return the content indices an entry belongs to: its locale, or both for challenges."""
    return [entry.locale] if entry.locale else list(LANGUAGES)


def expert_doc_body(profile, vector=None):
    """Return the expert document body for an ExpertProfile (the embedding when one is known)."""
    body = {
        "expert_id": profile.pk,
        "name": profile.name,
        "headline": profile.headline,
        "competencies": list(profile.competencies or []),
        "help_topics": list(profile.help_topics or []),
        "cv_text": profile.cv_text,
        "country": profile.country,
        "languages": list(profile.languages or []),
        "topics": list(profile.help_topics or []),
        "city_ties": list(profile.city_ties or []),
        "hours_per_month": profile.hours_per_month,
        "can_travel": profile.can_travel_to_lithuania,
        "visibility": profile.visibility,
        "consented": profile.consent_given_at is not None,
        "owner_id": profile.user_id,
    }
    if vector is not None:
        body["embedding"] = [float(value) for value in vector]
    return body


def _refresh():
    """Return the refresh flag for single-document writes (tests make writes visible at once)."""
    return "true" if getattr(settings, "SEARCH_ELASTIC_REFRESH", False) else "false"


def upsert_content(entry):
    """Index one content entry into its language indices."""
    for language in content_languages(entry):
        _call(
            client().index,
            index=documents.content_alias(language),
            id=content_doc_id(entry),
            document=content_doc_body(entry),
            refresh=_refresh(),
            require_alias=True,  # never auto-create an unmapped index: rebuild_search_index makes them
        )


def delete_content(source, object_id):
    """Remove a page or challenge from every content index (missing documents are fine)."""
    for language in LANGUAGES:
        _call(
            client().options(ignore_status=404).delete,
            index=documents.content_alias(language),
            id=f"{source}-{object_id}",
            refresh=_refresh(),
        )


def upsert_expert(profile, vector=None):
    """Index one expert profile."""
    _call(
        client().index,
        index=documents.experts_alias(),
        id=str(profile.pk),
        document=expert_doc_body(profile, vector),
        refresh=_refresh(),
        require_alias=True,
    )


def delete_expert(profile_id):
    """Remove an expert from the expert index (erasure)."""
    _call(
        client().options(ignore_status=404).delete,
        index=documents.experts_alias(),
        id=str(profile_id),
        refresh=_refresh(),
    )


# --- rebuild with alias swap ----------------------------------------------------------------


def _swap_alias(es, alias, new_name):
    """Point `alias` at `new_name` atomically and delete the indices it pointed to before."""
    old = []
    if es.indices.exists_alias(name=alias):
        old = list(es.indices.get_alias(name=alias).keys())
    elif es.indices.exists(index=alias):
        # A concrete index squats the alias name (first deployment): remove it in the same step.
        actions = [{"add": {"index": new_name, "alias": alias}}, {"remove_index": {"index": alias}}]
        es.indices.update_aliases(actions=actions)
        return
    actions = [{"remove": {"index": name, "alias": alias}} for name in old]
    actions.append({"add": {"index": new_name, "alias": alias}})
    es.indices.update_aliases(actions=actions)
    for name in old:
        if name != new_name:
            es.indices.delete(index=name, ignore_unavailable=True)


def _build(es, alias, index_definition, actions):
    """Create a timestamped index, bulk-load it, then swap the alias to it; return its name."""
    new_name = f"{alias}-{timezone.now():%Y%m%d%H%M%S%f}"
    index_definition(new_name).create(using=es)
    bulk(es, ({"_index": new_name, **action} for action in actions), refresh=True)
    _swap_alias(es, alias, new_name)
    return new_name


def rebuild(content_entries, experts, vectors=None):
    """Rebuild every index into new indices and swap the aliases, so search never goes dark."""
    vectors = vectors or {}
    es = client()

    def run():
        names = []
        for language in LANGUAGES:
            actions = (
                {"_id": content_doc_id(entry), "_source": content_doc_body(entry)}
                for entry in content_entries
                if language in content_languages(entry)
            )
            names.append(
                _build(
                    es,
                    documents.content_alias(language),
                    lambda n, lang=language: documents.content_index(lang, n),
                    actions,
                )
            )
        actions = ({"_id": str(p.pk), "_source": expert_doc_body(p, vectors.get(p.pk))} for p in experts)
        names.append(_build(es, documents.experts_alias(), lambda n: documents.experts_index(n), actions))
        return names

    return _call(run)
