"""Routes of the coordination workspace and the surveys (one include from config.urls)."""

from django.urls import include, path

from coordination.views import network, plan, report, workspace


def add_and_edit(route, view, name):
    """Return the two routes of an editing view: `<route>new/` (`<name>_new`) and `<route><pk>/edit/`."""
    return [
        path(f"<slug:slug>/{route}new/", view, name=f"{name}_new"),
        path(f"<slug:slug>/{route}<int:pk>/edit/", view, name=f"{name}_edit"),
    ]


routes = [
    path("", workspace.index, name="index"),
    path("overview/", workspace.overview, name="overview"),
    path("help/<slug:slug>/", workspace.public_help, name="public_help"),
    path("<slug:slug>/", workspace.dashboard, name="dashboard"),
    path("<slug:slug>/partners/", network.partner_list, name="partners"),
    *add_and_edit("partners/", network.partner_edit, "partner"),
    path("<slug:slug>/partners/<int:pk>/", network.partner_detail, name="partner"),
    *add_and_edit("partners/<int:partner_pk>/contacts/", network.contact_edit, "contact"),
    path("<slug:slug>/contacts/<int:pk>/export/", network.contact_export, name="contact_export"),
    path("<slug:slug>/contacts/<int:pk>/erase/", network.contact_erase, name="contact_erase"),
    path("<slug:slug>/network/", network.network, name="network"),
    *add_and_edit("network/", network.collaboration_edit, "collaboration"),
    path("<slug:slug>/meetings/", network.meeting_list, name="meetings"),
    *add_and_edit("meetings/", network.meeting_edit, "meeting"),
    *add_and_edit("meetings/<int:meeting_pk>/follow-ups/", network.follow_up_edit, "follow_up"),
    path("<slug:slug>/needs/", plan.need_list, name="needs"),
    *add_and_edit("needs/", plan.need_edit, "need"),
    path("<slug:slug>/plans/", plan.plan_list, name="plans"),
    *add_and_edit("plans/", plan.plan_edit, "plan"),
    path("<slug:slug>/plans/<int:pk>/", plan.plan_detail, name="plan"),
    path("<slug:slug>/plans/<int:pk>/monitoring/", plan.monitoring, name="monitoring"),
    path("<slug:slug>/plans/<int:pk>/history/", plan.plan_history, name="plan_history"),
    *add_and_edit("plans/<int:plan_pk>/measures/", plan.measure_edit, "measure"),
    *add_and_edit("measures/<int:measure_pk>/indicators/", plan.indicator_edit, "indicator"),
    *add_and_edit("measures/<int:measure_pk>/funding/", plan.funding_edit, "funding"),
    *add_and_edit("indicators/<int:indicator_pk>/values/", plan.value_edit, "value"),
    path("<slug:slug>/funding/", report.funding_overview, name="funding"),
    *add_and_edit("funding/applications/", report.application_edit, "application"),
    *add_and_edit("funding/projects/", report.project_edit, "project"),
    path("<slug:slug>/reports/<int:year>/", report.report_detail, name="report"),
    path("<slug:slug>/reports/<int:year>/download.<str:fmt>", report.report_download, name="report_download"),
    path("<slug:slug>/reports/<int:year>/<str:action>/", report.report_action, name="report_action"),
]
urlpatterns = [
    path("coordination/", include((routes, "coordination"))),
    path("surveys/", include("surveys.urls")),
]
