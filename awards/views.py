"""Nominating on the award page, the jury's private scoring page, choosing winners, the gallery."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from accounts.request_params import parse_id
from awards import services
from awards.forms import NominationForm, ScoreForm
from awards.models import AwardPage, Nomination


def nominate_view(request, award):
    """Show the nomination form, or record a nomination."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = NominationForm(award, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.nominate(request.user, award, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you, your nomination is recorded."))
            return redirect(award.url)
    return TemplateResponse(
        request, "awards/nominate.html", {"page": award, "form": form}, status=400 if form.errors else 200
    )


def _award(page_id):
    award = AwardPage.objects.filter(pk=page_id).first()
    if award is None:
        raise Http404
    return award


@login_required
def jury(request, page_id):
    """Let a juror score nominations; their own scores only, everyone's once judging is closed."""
    award = _award(page_id)
    rows = services.jury_view(request.user, award)
    if request.method == "POST":
        form = ScoreForm(request.POST)
        nomination_id = parse_id(request.POST.get("nomination", ""))
        if form.is_valid() and nomination_id:
            try:
                services.score(
                    request.user, nomination_id, value=form.cleaned_data["score"], note=form.cleaned_data["note"]
                )
            except (ValidationError, Nomination.DoesNotExist) as error:
                messages.error(request, " ".join(getattr(error, "messages", [_("No such nomination.")])))
            else:
                messages.success(request, _("Your score is saved."))
                return redirect("awards:jury", award.pk)
        else:
            messages.error(request, _("A score is a whole number from 1 to 10."))
        return render(request, "awards/jury.html", {"award": award.original, "rows": rows}, status=400)
    return render(request, "awards/jury.html", {"award": award.original, "rows": rows})


@login_required
def winners(request, page_id):
    """Let the award's organiser see the ranking and publish the winners."""
    award = _award(page_id)
    if not services.may_organise(request.user, award):
        raise PermissionDenied
    if request.method == "POST":
        ids = [pk for pk in map(parse_id, request.POST.getlist("winner")) if pk]
        try:
            story = services.publish_winners(request.user, award, ids)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The winners are published."))
            if story is not None:
                return redirect(story.url)
        return redirect("awards:winners", award.pk)
    return render(request, "awards/winners.html", {"award": award.original, "nominations": services.ranking(award)})


def gallery(request):
    """Show notable compatriots: public, consenting profiles that editors marked notable."""
    return render(request, "awards/gallery.html", {"profiles": services.notable_gallery()})
