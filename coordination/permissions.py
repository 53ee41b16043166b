"""The one rule module for the coordination workspace and surveys: who reads, contributes and manages what.

Roles:
- coordinator: approved municipality staff flagged `is_coordinator`; manages their own municipality
  (plan, funding, surveys, report) and nothing else;
- other approved staff of the municipality: read it and contribute (partners, meetings, needs,
  indicator values), but do not manage the plan, surveys or the report;
- national overseer (SPPD, `coordination.Overseer`): reads every municipality, edits nothing; the
  one action it takes is accepting a submitted report;
- platform administrators (superusers): everything, everywhere.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied

from accounts import roles


@dataclass(frozen=True)
class Access:
    """What one user may do, computed once per request."""

    user_id: int | None
    municipality_id: int | None
    municipality: object
    is_coordinator: bool
    is_overseer: bool
    is_admin: bool

    @classmethod
    def for_user(cls, user):
        """Compute the access of a user (anonymous users get none)."""
        from coordination.models import Overseer

        if not roles.is_member(user):
            return cls(None, None, None, False, False, False)
        municipality = roles.approved_municipality(user)
        return cls(
            user_id=user.pk,
            municipality_id=municipality.pk if municipality else None,
            municipality=municipality,
            is_coordinator=roles.is_coordinator(user),
            is_overseer=Overseer.objects.filter(user=user).exists(),
            is_admin=bool(user.is_superuser),
        )

    @property
    def reads_all(self):
        """Return True for the overseer and administrators."""
        return self.is_overseer or self.is_admin

    @property
    def has_workspace(self):
        """Return True when the user may open the workspace at all."""
        return self.reads_all or self.municipality_id is not None


def access_of(request):
    """Return the request's Access, computing it once."""
    access = getattr(request, "_coordination_access", None)
    if access is None:
        access = Access.for_user(request.user)
        request._coordination_access = access
    return access


def _id(municipality):
    return getattr(municipality, "pk", municipality)


def can_view(access, municipality):
    """Read a municipality's workspace: its staff, the overseer, administrators."""
    return access.reads_all or (access.municipality_id is not None and access.municipality_id == _id(municipality))


def can_contribute(access, municipality):
    """Add and edit partners, meetings, follow-ups, needs and indicator values: the municipality's staff."""
    return access.is_admin or (access.municipality_id is not None and access.municipality_id == _id(municipality))


def can_manage(access, municipality):
    """Edit the plan, measures, indicators, funding, applications, surveys and the report: the coordinator."""
    return access.is_admin or (access.is_coordinator and access.municipality_id == _id(municipality))


def can_accept_report(access, report):
    """Accept a submitted report: the overseer and administrators."""
    return (access.is_overseer or access.is_admin) and report.status == report.Status.SUBMITTED


def can_see_free_text(access, municipality):
    """Read free-text survey answers: staff of the municipality only (not the public, not other cities)."""
    return can_view(access, municipality)


def require(allowed):
    """Raise PermissionDenied unless `allowed`."""
    if not allowed:
        raise PermissionDenied
