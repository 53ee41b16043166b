"""Routes of the coordination workspace and the surveys (one include from config.urls)."""

from django.urls import include, path

from coordination import views

workspace = [
    path("", views.index, name="index"),
    path("overview/", views.overview, name="overview"),
    path("help/<slug:slug>/", views.public_help, name="public_help"),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/partners/", views.partner_list, name="partners"),
    path("<slug:slug>/partners/new/", views.partner_edit, name="partner_new"),
    path("<slug:slug>/partners/<int:pk>/", views.partner_detail, name="partner"),
    path("<slug:slug>/partners/<int:pk>/edit/", views.partner_edit, name="partner_edit"),
    path("<slug:slug>/partners/<int:partner_pk>/contacts/new/", views.contact_edit, name="contact_new"),
    path("<slug:slug>/partners/<int:partner_pk>/contacts/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
    path("<slug:slug>/contacts/<int:pk>/export/", views.contact_export, name="contact_export"),
    path("<slug:slug>/contacts/<int:pk>/erase/", views.contact_erase, name="contact_erase"),
    path("<slug:slug>/network/", views.network, name="network"),
    path("<slug:slug>/network/new/", views.collaboration_edit, name="collaboration_new"),
    path("<slug:slug>/network/<int:pk>/edit/", views.collaboration_edit, name="collaboration_edit"),
    path("<slug:slug>/meetings/", views.meeting_list, name="meetings"),
    path("<slug:slug>/meetings/new/", views.meeting_edit, name="meeting_new"),
    path("<slug:slug>/meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("<slug:slug>/meetings/<int:meeting_pk>/follow-ups/new/", views.follow_up_edit, name="follow_up_new"),
    path(
        "<slug:slug>/meetings/<int:meeting_pk>/follow-ups/<int:pk>/edit/", views.follow_up_edit, name="follow_up_edit"
    ),
    path("<slug:slug>/needs/", views.need_list, name="needs"),
    path("<slug:slug>/needs/new/", views.need_edit, name="need_new"),
    path("<slug:slug>/needs/<int:pk>/edit/", views.need_edit, name="need_edit"),
    path("<slug:slug>/plans/", views.plan_list, name="plans"),
    path("<slug:slug>/plans/new/", views.plan_edit, name="plan_new"),
    path("<slug:slug>/plans/<int:pk>/", views.plan_detail, name="plan"),
    path("<slug:slug>/plans/<int:pk>/edit/", views.plan_edit, name="plan_edit"),
    path("<slug:slug>/plans/<int:pk>/monitoring/", views.monitoring, name="monitoring"),
    path("<slug:slug>/plans/<int:pk>/history/", views.plan_history, name="plan_history"),
    path("<slug:slug>/plans/<int:plan_pk>/measures/new/", views.measure_edit, name="measure_new"),
    path("<slug:slug>/plans/<int:plan_pk>/measures/<int:pk>/edit/", views.measure_edit, name="measure_edit"),
    path("<slug:slug>/measures/<int:measure_pk>/indicators/new/", views.indicator_edit, name="indicator_new"),
    path(
        "<slug:slug>/measures/<int:measure_pk>/indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"
    ),
    path("<slug:slug>/measures/<int:measure_pk>/funding/new/", views.funding_edit, name="funding_new"),
    path("<slug:slug>/measures/<int:measure_pk>/funding/<int:pk>/edit/", views.funding_edit, name="funding_edit"),
    path("<slug:slug>/indicators/<int:indicator_pk>/values/new/", views.value_edit, name="value_new"),
    path("<slug:slug>/indicators/<int:indicator_pk>/values/<int:pk>/edit/", views.value_edit, name="value_edit"),
    path("<slug:slug>/funding/", views.funding_overview, name="funding"),
    path("<slug:slug>/funding/applications/new/", views.application_edit, name="application_new"),
    path("<slug:slug>/funding/applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("<slug:slug>/funding/projects/new/", views.project_edit, name="project_new"),
    path("<slug:slug>/funding/projects/<int:pk>/edit/", views.project_edit, name="project_edit"),
    path("<slug:slug>/reports/<int:year>/", views.report_detail, name="report"),
    path("<slug:slug>/reports/<int:year>/download.<str:fmt>", views.report_download, name="report_download"),
    path("<slug:slug>/reports/<int:year>/<str:action>/", views.report_action, name="report_action"),
]
urlpatterns = [
    path("coordination/", include((workspace, "coordination"))),
    path("surveys/", include("surveys.urls")),
]
