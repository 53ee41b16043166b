"""Search views: site search, expert search and the JSON autocomplete of the header box."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from common.pagecache import fragment, is_anonymous_read, mark_cacheable

from .autocomplete import autocomplete as suggest_for_box
from .content_search import city_choices, search_content
from .expert_search import ExpertFilters, search_experts
from .forms import ExpertSearchForm, SiteSearchForm
from .models import ContentKind


def _language():
    """Return the active content language (lt or en)."""
    return (get_language() or "lt").split("-")[0]


def _query_string(request, drop=("page",)):
    """Return the current GET parameters without `drop`, for pagination and facet links."""
    params = request.GET.copy()
    for key in drop:
        params.pop(key, None)
    return params.urlencode()


@require_GET
def results(request):
    """Show site search results for the visitor's language, filters and page."""
    if is_anonymous_read(request):
        mark_cacheable(request)  # public pages only, the same for every anonymous visitor; index writes bump it
    language = _language()
    cities = fragment("city-choices", (language,), lambda: city_choices(language), request=request)
    form = SiteSearchForm(request.GET or None, cities=cities)
    outcome = None
    if form.is_bound:
        form.is_valid()
        query = form.cleaned_data.get("q", "")
        outcome = search_content(query, language, form.filters(), page_number=request.GET.get("page", 1))
    kind_facets = []
    for kind, count in sorted((outcome.facets.get("kind", {}) if outcome else {}).items()):
        params = request.GET.copy()
        params.pop("page", None)
        params.setlist("kind", [kind])
        kind_facets.append({"label": ContentKind(kind).label, "count": count, "url": "?" + params.urlencode()})
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "outcome": outcome,
            "kind_facets": kind_facets if len(kind_facets) > 1 else [],
            "search_query": outcome.query if outcome else "",
            "query_string": _query_string(request),
        },
    )


FACET_LABELS = {
    "country": _("Country"),
    "language": _("Language"),
    "topic": _("Topic"),
    "hours": _("Hours a month"),
    "can_travel": _("Can travel to Lithuania"),
    "city": _("City tie"),
}


def _facet_value_label(name, value):
    """Return a readable label for a facet value (language names where Django knows them)."""
    if name == "language":
        try:
            return get_language_info(value)["name_translated"]
        except KeyError:
            return value
    if name == "can_travel":
        return _("Yes")
    return value


def expert_facets(request, facets):
    """Return facet groups with, per value, its count and links that add or remove that filter."""
    groups = []
    for name, label in FACET_LABELS.items():
        values = []
        for value, count in facets.get(name, []):
            raw = "on" if name == "can_travel" else value
            params = request.GET.copy()
            params.pop("page", None)
            active = params.get(name) == raw or (name == "can_travel" and bool(params.get(name)))
            if active:
                params.pop(name, None)
            else:
                params[name] = raw
            values.append(
                {
                    "label": _facet_value_label(name, value),
                    "count": count,
                    "active": active,
                    "url": "?" + params.urlencode(),
                }
            )
        if values:
            groups.append({"name": name, "label": label, "values": values})
    return groups


@require_GET
def experts(request):
    """Show expert search with facets, only over profiles and fields the viewer may see."""
    language = _language()
    form = ExpertSearchForm(request.GET or None)
    if form.is_bound:
        form.is_valid()  # invalid fields are left out of cleaned_data, so they are simply not applied
    data = getattr(form, "cleaned_data", {})
    outcome = search_experts(
        data.get("q", ""),
        language,
        request.user,
        form.filters() if form.is_bound else ExpertFilters(),
        semantic=bool(data.get("semantic")),
        page_number=request.GET.get("page", 1),
    )
    return render(
        request,
        "search/experts.html",
        {
            "form": form,
            "outcome": outcome,
            "query_string": _query_string(request),
            "facets": expert_facets(request, outcome.facets),
        },
    )


@require_GET
def autocomplete(request):
    """Return header-box suggestions as JSON: titles, city names, visible expert headlines."""
    suggestions = suggest_for_box(request.GET.get("q", ""), _language(), request.user)
    return JsonResponse({"results": suggestions})
