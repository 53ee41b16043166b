"""Search index tables for the database path: normalised text and filter/facet fields.

Wagtail's own index keeps the raw text of pages; these tables add what it cannot do on the
database backend: Lithuanian-normalised text (see ``search.lithuanian``), the city, kind and
date of every searchable item, and expert facets. They are rebuilt by ``rebuild_search_index``
and kept in sync by Celery tasks fired after commit.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentKind(models.TextChoices):
    STORY = "story", _("Stories")
    EVENT = "event", _("Events")
    CALL = "call", _("Calls for ideas")
    CHALLENGE = "challenge", _("Challenges")
    INFORMATION = "information", _("Information")
    CITY = "city", _("City hubs")


SINGULAR_LABELS = {
    ContentKind.STORY: _("Story"),
    ContentKind.EVENT: _("Event"),
    ContentKind.CALL: _("Call for ideas"),
    ContentKind.CHALLENGE: _("Challenge"),
    ContentKind.INFORMATION: _("Information"),
    ContentKind.CITY: _("City hub"),
}


class ContentEntryQuerySet(models.QuerySet):
    def for_locale(self, language):
        """Return entries in the given language, plus language-neutral ones (challenges)."""
        return self.filter(models.Q(locale=language) | models.Q(locale=""))

    def matching(self, terms):
        """Return entries whose normalised text holds every term (prefix match at a word start)."""
        return self.filter(term_filter("normalised", terms))


class ContentEntry(models.Model):
    """One searchable page or challenge, with its normalised text and filter fields."""

    class Source(models.TextChoices):
        PAGE = "page", "page"
        CHALLENGE = "challenge", "challenge"

    source = models.CharField(max_length=10, choices=Source.choices)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, choices=ContentKind.choices, db_index=True)
    locale = models.CharField(max_length=8, blank=True, db_index=True, help_text="Empty: shown in every language.")
    title = models.CharField(max_length=255)
    text = models.TextField(blank=True, help_text="Plain text for snippets.")
    normalised = models.TextField(blank=True)
    normalised_title = models.CharField(max_length=400, blank=True)
    city_name = models.CharField(max_length=120, blank=True)
    city_key = models.CharField(max_length=64, blank=True, db_index=True, help_text="Translation key of the city hub.")
    date = models.DateField(null=True, blank=True, help_text="Story date, event start, call closing, deadline.")
    ends_at = models.DateTimeField(null=True, blank=True, help_text="Event end; empty for open-ended recurrences.")
    url = models.CharField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContentEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search entry")
        constraints = [models.UniqueConstraint(fields=["source", "object_id"], name="unique_search_content_entry")]

    def __str__(self):
        return f"{self.kind}: {self.title}"


def term_filter(field, terms):
    """Return a Q requiring every term in a space-padded normalised column (prefix match for long terms)."""
    condition = models.Q()
    for term in terms:
        needle = f" {term}" if len(term) >= 4 else f" {term} "
        condition &= models.Q(**{f"{field}__contains": needle})
    return condition


class ExpertEntryQuerySet(models.QuerySet):
    def matching(self, terms, include_cv):
        """Return entries matching every term in the public text (or in the CV too, when allowed)."""
        condition = models.Q()
        for term in terms:
            one = term_filter("normalised", [term])
            if include_cv:
                one |= term_filter("normalised_cv", [term])
            condition &= one
        return self.filter(condition)


class ExpertSearchEntry(models.Model):
    """One expert's normalised search text and facet fields, for the database path."""

    expert = models.OneToOneField(
        "experts.ExpertProfile", on_delete=models.CASCADE, related_name="search_entry", verbose_name=_("expert")
    )
    normalised = models.TextField(blank=True, help_text="Name, headline, competencies, topics, cities.")
    normalised_cv = models.TextField(blank=True, help_text="CV text; matched only for viewers who may read CVs.")
    country = models.CharField(max_length=2, blank=True, db_index=True)
    languages = models.CharField(max_length=200, blank=True, help_text="|lt|en| delimited codes.")
    topics = models.TextField(blank=True, help_text="|topic|topic| delimited, folded.")
    city_ties = models.TextField(blank=True, help_text="|city|city| delimited, folded.")
    hours_per_month = models.PositiveIntegerField(default=0)
    can_travel = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExpertEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert search entry")
        verbose_name_plural = _("expert search entries")

    def __str__(self):
        return f"search entry of expert #{self.expert_id}"
