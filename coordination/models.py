"""Integration coordination: partners, meetings, needs, the plan with indicators and funding, reports."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from challenges.models import validate_language_codes

NON_NEGATIVE = [MinValueValidator(Decimal("0"))]
YEAR = [MinValueValidator(2000), MaxValueValidator(2100)]


class Area(models.TextChoices):
    EMPLOYMENT = "employment", _("Employment")
    EDUCATION = "education", _("Education")
    HEALTH = "health", _("Health care")
    HOUSING = "housing", _("Housing")
    SOCIAL = "social", _("Social services")
    LANGUAGE = "language", _("Lithuanian language")
    INFORMATION = "information", _("Information")
    PARTICIPATION = "participation", _("Participation and culture")
    PUBLIC_EDUCATION = "public_education", _("Public education")


class ScopedQuerySet(models.QuerySet):
    """Rows that belong to one municipality (directly or through `municipality_path`)."""

    municipality_path = "municipality"

    def for_municipality(self, municipality):
        """Return the rows of one municipality."""
        return self.filter(**{self.municipality_path: municipality})

    def visible_to(self, access):
        """Return the rows the access may read: everything for overseers, one municipality for its staff."""
        if access.reads_all:
            return self
        if access.municipality is None:
            return self.none()
        return self.filter(**{self.municipality_path: access.municipality})


def scoped(path):
    """Return a ScopedQuerySet subclass whose municipality lives at `path`."""
    return type(f"ScopedQuerySet_{path.replace('__', '_')}", (ScopedQuerySet,), {"municipality_path": path})


class Overseer(models.Model):
    """A national overseer (SPPD): reads every municipality's workspace and accepts reports."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="coordination_overseer", verbose_name=_("user")
    )
    organisation = models.CharField(_("organisation"), max_length=200, default="SPPD")

    class Meta:
        verbose_name = _("national overseer")
        verbose_name_plural = _("national overseers")

    def __str__(self):
        return f"{self.user} ({self.organisation})"


class Partner(models.Model):
    """An institution the coordinator brings together with others."""

    class Kind(models.TextChoices):
        SOCIAL = "social", _("Social services")
        EDUCATION = "education", _("Education")
        HEALTH = "health", _("Health care")
        EMPLOYMENT = "employment", _("Employment")
        LAW = "law", _("Law enforcement")
        ELDERSHIP = "eldership", _("Eldership")
        COMMUNITY = "community", _("Community organisation")
        NGO = "ngo", _("NGO")
        MIGRANT = "migrant", _("Migrant organisation")
        EMPLOYER = "employer", _("Employer")
        PIIA = "piia", _("Refugee Reception and Integration Agency")
        OTHER = "other", _("Other")

    municipality = models.ForeignKey(
        "challenges.Municipality", on_delete=models.CASCADE, related_name="partners", verbose_name=_("municipality")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    services = models.TextField(_("what they do for residents of foreign origin"), blank=True)
    languages = models.JSONField(_("languages served"), default=list, blank=True, validators=[validate_language_codes])
    address = models.CharField(_("address"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    is_public = models.BooleanField(
        _("show in the public help list"), default=False, help_text=_("Residents see it under “Where to get help”.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class ContactPerson(models.Model):
    """A person at a partner institution (personal data: kept with consent, exported and erased on request)."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("partner"))
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent_given_on = models.DateField(_("consent given on"))

    objects = scoped("partner__municipality").as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return self.name


class Meeting(models.Model):
    """A contact or meeting with partners, with what was found and agreed."""

    municipality = models.ForeignKey(
        "challenges.Municipality", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("municipality")
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    partners = models.ManyToManyField(Partner, blank=True, related_name="meetings", verbose_name=_("partners"))
    participants = models.TextField(_("who took part"), blank=True)
    topics = models.TextField(_("topics"), blank=True)
    problems = models.TextField(_("problems identified"), blank=True)
    agreements = models.TextField(_("agreements"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"


class FollowUpQuerySet(scoped("meeting__municipality")):
    def open(self):
        """Return follow-ups not done yet."""
        return self.filter(done=False)

    def overdue(self, today):
        """Return open follow-ups whose due date has passed."""
        return self.open().filter(due_date__lt=today)


class FollowUp(models.Model):
    """Something agreed at a meeting, with an owner and a due date."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("meeting"))
    task = models.CharField(_("task"), max_length=300)
    owner = models.CharField(_("owner"), max_length=200)
    due_date = models.DateField(_("due date"))
    done = models.BooleanField(_("done"), default=False)

    objects = FollowUpQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self):
        return self.task

    def clean(self):
        """Refuse a due date before the meeting."""
        if self.meeting_id and self.due_date and self.due_date < self.meeting.date:
            raise ValidationError({"due_date": _("The due date cannot be before the meeting.")})


class Collaboration(models.Model):
    """Two partners working together on a topic: one cell of the network matrix."""

    municipality = models.ForeignKey(
        "challenges.Municipality",
        on_delete=models.CASCADE,
        related_name="collaborations",
        verbose_name=_("municipality"),
    )
    first = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+", verbose_name=_("partner"))
    second = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="+", verbose_name=_("works with"))
    topic = models.CharField(_("on what"), max_length=200)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["first__name", "second__name"]
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")

    def __str__(self):
        return f"{self.first} – {self.second}: {self.topic}"

    def clean(self):
        """Refuse a partner working with itself."""
        if self.first_id and self.first_id == self.second_id:
            raise ValidationError({"second": _("Choose two different partners.")})


class Need(models.Model):
    """An identified need or integration challenge, with its evidence; it feeds the plan."""

    class Evidence(models.TextChoices):
        SURVEY = "survey", _("Survey")
        MEETING = "meeting", _("Meeting")
        PARTNER_REPORT = "partner_report", _("Partner report")
        OTHER = "other", _("Other")

    class Priority(models.IntegerChoices):
        HIGH = 1, _("High")
        MEDIUM = 2, _("Medium")
        LOW = 3, _("Low")

    municipality = models.ForeignKey(
        "challenges.Municipality", on_delete=models.CASCADE, related_name="needs", verbose_name=_("municipality")
    )
    year = models.PositiveIntegerField(_("year"), validators=YEAR)
    title = models.CharField(_("need or challenge"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices, default=Priority.MEDIUM)
    evidence_kind = models.CharField(_("evidence"), max_length=20, choices=Evidence.choices)
    evidence = models.TextField(_("evidence details"), blank=True)
    survey_question = models.ForeignKey(
        "surveys.Question",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("survey question"),
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="needs", verbose_name=_("meeting")
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "priority", "title"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self):
        return self.title


class Plan(models.Model):
    """A municipality's integration plan for a period, approved by the director's order."""

    municipality = models.ForeignKey(
        "challenges.Municipality",
        on_delete=models.CASCADE,
        related_name="integration_plans",
        verbose_name=_("municipality"),
    )
    title = models.CharField(_("title"), max_length=300)
    start_year = models.PositiveIntegerField(_("first year"), validators=YEAR)
    end_year = models.PositiveIntegerField(_("last year"), validators=YEAR)
    order_number = models.CharField(_("director's order number"), max_length=60, blank=True)
    order_date = models.DateField(_("director's order date"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("integration plan")
        verbose_name_plural = _("integration plans")

    def __str__(self):
        return f"{self.title} ({self.start_year}–{self.end_year})"

    def clean(self):
        """Refuse a period that ends before it starts."""
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot be before the first year.")})

    @property
    def years(self):
        """Return the plan's years."""
        return list(range(self.start_year, self.end_year + 1))


class MeasureQuerySet(scoped("plan__municipality")):
    def overdue(self, today):
        """Return measures past their end date that are not done or cancelled."""
        return self.filter(end_date__lt=today).exclude(status__in=[Measure.Status.DONE, Measure.Status.CANCELLED])

    def unfunded(self):
        """Return measures with neither a funding line nor a 'no funding needed' mark."""
        return self.filter(no_funding_needed=False, funding__isnull=True)


class Measure(models.Model):
    """One measure of the plan: what, for which needs, who, when, and how it is measured and paid for."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="measures", verbose_name=_("plan"))
    title = models.CharField(_("title"), max_length=300)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    description = models.TextField(_("description"), blank=True)
    needs = models.ManyToManyField(Need, blank=True, related_name="measures", verbose_name=_("needs it answers"))
    responsible = models.ForeignKey(
        Partner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_for",
        verbose_name=_("responsible institution"),
    )
    partners = models.ManyToManyField(Partner, blank=True, related_name="measures", verbose_name=_("partners"))
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    no_funding_needed = models.BooleanField(_("no funding needed"), default=False)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        ordering = ["start_date", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")

    def __str__(self):
        return self.title

    def clean(self):
        """Refuse an end before the start."""
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})


class Indicator(models.Model):
    """A measurable result of a measure, with a baseline and per-year targets and actual values."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("measure"))
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60, help_text=_("e.g. persons, events, %"))
    baseline = models.DecimalField(_("baseline"), max_digits=12, decimal_places=2, validators=NON_NEGATIVE)
    common_code = models.CharField(
        _("common indicator code"),
        max_length=40,
        blank=True,
        help_text=_("Set for indicators every municipality reports, so national totals can add them up."),
    )

    objects = scoped("measure__plan__municipality").as_manager()

    class Meta:
        ordering = ["measure", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return f"{self.name} ({self.unit})"


class IndicatorValue(models.Model):
    """An indicator's target and actual value for one year."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    year = models.PositiveIntegerField(_("year"), validators=YEAR)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2, validators=NON_NEGATIVE)
    actual = models.DecimalField(
        _("actual value"), max_digits=12, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )

    objects = scoped("indicator__measure__plan__municipality").as_manager()

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="coordination_one_value_per_year")]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")

    def __str__(self):
        return f"{self.indicator} {self.year}"

    @property
    def progress_percent(self):
        """Return the actual value as a share of the target (0–100), or None without an actual value."""
        if self.actual is None:
            return None
        if not self.target:
            return 100
        return min(100, int(self.actual * 100 / self.target))


class Funding(models.Model):
    """Money for a measure in one year: amount, source and how much was used."""

    class Source(models.TextChoices):
        MUNICIPAL = "municipal", _("Municipal budget")
        STATE = "state", _("State budget")
        PMIF = "pmif", _("PMIF")
        ESF = "esf", _("ESF+")
        OTHER = "other", _("Other")

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="funding", verbose_name=_("measure"))
    year = models.PositiveIntegerField(_("year"), validators=YEAR)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2, validators=NON_NEGATIVE)
    used = models.DecimalField(
        _("used (EUR)"), max_digits=12, decimal_places=2, default=Decimal("0"), validators=NON_NEGATIVE
    )

    objects = scoped("measure__plan__municipality").as_manager()

    class Meta:
        ordering = ["measure", "year", "source"]
        verbose_name = _("funding")
        verbose_name_plural = _("funding")

    def __str__(self):
        return f"{self.measure}: {self.amount} EUR ({self.get_source_display()}, {self.year})"

    def clean(self):
        """Refuse spending more than was allocated."""
        if self.used is not None and self.amount is not None and self.used > self.amount:
            raise ValidationError({"used": _("The amount used cannot exceed the amount allocated.")})


class PlanRevision(models.Model):
    """A snapshot of a whole plan after a change: who changed what and when, so any past state can be shown."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("plan"))
    created_at = models.DateTimeField(_("changed at"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("changed by")
    )
    summary = models.CharField(_("what changed"), max_length=300)
    snapshot = models.JSONField(_("plan as it was"))

    objects = scoped("plan__municipality").as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("plan revision")
        verbose_name_plural = _("plan revisions")

    def __str__(self):
        return f"{self.plan} @ {self.created_at:%Y-%m-%d %H:%M}"


class FundingCall(models.Model):
    """A call for funding applications (e.g. PMIF-2.01-V-03)."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=300)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)

    class Meta:
        ordering = ["-deadline", "code"]
        verbose_name = _("funding call")
        verbose_name_plural = _("funding calls")

    def __str__(self):
        return f"{self.code} {self.title}"


class Application(models.Model):
    """A municipality's application to a funding call."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("Preparing")
        SUBMITTED = "submitted", _("Submitted")
        GRANTED = "granted", _("Granted")
        REJECTED = "rejected", _("Rejected")

    municipality = models.ForeignKey(
        "challenges.Municipality",
        on_delete=models.CASCADE,
        related_name="funding_applications",
        verbose_name=_("municipality"),
    )
    call = models.ForeignKey(FundingCall, on_delete=models.PROTECT, related_name="applications", verbose_name=_("call"))
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREPARING)
    requested = models.DecimalField(_("requested (EUR)"), max_digits=12, decimal_places=2, validators=NON_NEGATIVE)
    granted = models.DecimalField(
        _("granted (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True, validators=NON_NEGATIVE
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    documents = models.TextField(_("documents"), blank=True, help_text=_("Links or file names, one per line."))

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")

    def __str__(self):
        return self.title

    def clean(self):
        """Refuse a grant larger than the request."""
        if self.granted is not None and self.requested is not None and self.granted > self.requested:
            raise ValidationError({"granted": _("The amount granted cannot exceed the amount requested.")})


class Project(models.Model):
    """A funded project that carries out plan measures; payment requests fall due each quarter."""

    municipality = models.ForeignKey(
        "challenges.Municipality",
        on_delete=models.CASCADE,
        related_name="funded_projects",
        verbose_name=_("municipality"),
    )
    application = models.ForeignKey(
        Application,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
        verbose_name=_("application"),
    )
    title = models.CharField(_("title"), max_length=300)
    measures = models.ManyToManyField(Measure, blank=True, related_name="projects", verbose_name=_("measures"))
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    budget = models.DecimalField(_("budget (EUR)"), max_digits=12, decimal_places=2, validators=NON_NEGATIVE)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("funded project")
        verbose_name_plural = _("funded projects")

    def __str__(self):
        return self.title

    def clean(self):
        """Refuse an end before the start."""
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end cannot be before the start.")})


class AnnualReport(models.Model):
    """The annual report on integration coordination (Annex 1), generated from the year's data."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")

    municipality = models.ForeignKey(
        "challenges.Municipality",
        on_delete=models.CASCADE,
        related_name="coordination_reports",
        verbose_name=_("municipality"),
    )
    year = models.PositiveIntegerField(_("year"), validators=YEAR)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    summary = models.TextField(_("summary of the year"), blank=True)
    networking_text = models.TextField(_("networking: comments"), blank=True)
    monitoring_text = models.TextField(_("needs monitoring: comments"), blank=True)
    plan_text = models.TextField(_("plan implementation: comments"), blank=True)
    information_text = models.TextField(_("information and public education: comments"), blank=True)
    difficulties = models.TextField(_("difficulties and proposals"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "municipality"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="coordination_one_report_per_year")
        ]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")

    def __str__(self):
        return f"{self.municipality} {self.year}"


class ReportReminder(models.Model):
    """A reminder sent to a municipality's coordinators on one day, so a retried task does not send it twice."""

    municipality = models.ForeignKey(
        "challenges.Municipality", on_delete=models.CASCADE, related_name="+", verbose_name=_("municipality")
    )
    year = models.PositiveIntegerField(_("report year"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "sent_on"], name="coordination_one_reminder_a_day")
        ]
        verbose_name = _("report reminder")
        verbose_name_plural = _("report reminders")

    def __str__(self):
        return f"{self.municipality} {self.year} ({self.sent_on})"


class PaymentRequestReminder(models.Model):
    """A quarterly payment-request reminder sent for a project (one per project and quarter)."""

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="payment_reminders", verbose_name=_("project")
    )
    quarter = models.CharField(_("quarter"), max_length=7, help_text=_("e.g. 2026-Q1"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["project", "quarter"], name="coordination_one_payment_reminder")]
        verbose_name = _("payment-request reminder")
        verbose_name_plural = _("payment-request reminders")

    def __str__(self):
        return f"{self.project} {self.quarter}"
