"""What every workspace page shares: the municipality and access check, and one editing view for every form."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from challenges.models import Municipality
from coordination import services
from coordination.permissions import access_of, can_contribute, can_manage, can_view, require


def workspace(request, slug):
    """Return (municipality, access, context) or refuse: only those who may view it get in."""
    municipality = get_object_or_404(Municipality, slug=slug)
    access = access_of(request)
    require(can_view(access, municipality))
    context = {
        "municipality": municipality,
        "access": access,
        "can_contribute": can_contribute(access, municipality),
        "can_manage": can_manage(access, municipality),
    }
    return municipality, access, context


def workspace_url(name, slug, *args):
    """Return the URL of a workspace page of the municipality `slug`."""
    return reverse(f"coordination:{name}", args=[slug, *args])


def form_page(request, context, form, title, back, **extra):
    """Render the shared form page (400 when the form has errors), with a back link."""
    context.update({"form": form, "title": title, "back": back, **extra})
    return render(request, "coordination/form.html", context, status=400 if form.errors else 200)


class EditView(LoginRequiredMixin, View):
    """Add (no `pk`) or edit one row of the municipality with a ScopedForm, then go back to its list.

    A row that belongs to a parent (a contact of a partner, a measure of a plan) names the parent's
    foreign key in `parent`; the URL then carries `<parent>_pk`. Rows are looked up within the
    municipality of the URL, so another city's id gives 404.
    """

    form_class = None
    title = ""
    rule = staticmethod(can_contribute)  # or can_manage
    parent = None
    back = None  # a URL name, or a callable(instance) returning (URL name, *args)

    def instance(self, municipality):
        """Return the row to edit, or a new one attached to its parent."""
        model = self.form_class._meta.model
        pk = self.kwargs.get("pk")
        if self.parent is None:
            rows, defaults = model.objects.for_municipality(municipality), {}
        else:
            parent_model = model._meta.get_field(self.parent).related_model
            owner = get_object_or_404(
                parent_model.objects.for_municipality(municipality), pk=self.kwargs[f"{self.parent}_pk"]
            )
            rows, defaults = model.objects.filter(**{self.parent: owner}), {self.parent: owner}
        return get_object_or_404(rows, pk=pk) if pk else model(**defaults)

    def back_url(self, slug, instance):
        """Return where to go after saving (and the form's back link)."""
        name, *args = self.back(instance) if callable(self.back) else (self.back,)
        return workspace_url(name, slug, *args)

    def save(self, form):
        """Save the form; plan parts override this to record a revision."""
        form.save()

    def dispatch(self, request, *args, **kwargs):
        """Check the login first (the mixin), then answer GET and POST alike."""
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        slug = kwargs["slug"]
        municipality, access, context = workspace(request, slug)
        require(self.rule(access, municipality))
        instance = self.instance(municipality)
        back = self.back_url(slug, instance)
        form = self.form_class(request.POST or None, instance=instance, municipality=municipality)
        if request.method == "POST" and form.is_valid():
            self.save(form)
            messages.success(request, _("Saved."))
            return redirect(back)
        return form_page(request, context, form, self.title, back)


class PlanPartEditView(EditView):
    """Edit a plan, measure, indicator, value or funding line: the coordinator's, and each save is a revision."""

    rule = staticmethod(can_manage)

    def back(self, part):
        """Go back to the plan the part belongs to."""
        return ("plan", services.plan_of(part).pk)

    def save(self, form):
        """Save through the plan service, which records the revision."""
        services.save_plan_part(form, self.request.user)
