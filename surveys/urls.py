from django.urls import path

from surveys import views

app_name = "surveys"
urlpatterns = [
    path("s/<uuid:token>/", views.respond, name="respond"),
    path("<slug:slug>/", views.survey_list, name="list"),
    path("<slug:slug>/new/", views.survey_edit, name="new"),
    path("<slug:slug>/import/", views.import_definition, name="import"),
    path("<slug:slug>/<int:pk>/", views.survey_detail, name="detail"),
    path("<slug:slug>/<int:pk>/edit/", views.survey_edit, name="edit"),
    path("<slug:slug>/<int:pk>/results/", views.results, name="results"),
    path("<slug:slug>/<int:pk>/export.<str:fmt>", views.export, name="export"),
    path("<slug:slug>/<int:survey_pk>/questions/new/", views.question_edit, name="question_new"),
    path("<slug:slug>/<int:survey_pk>/questions/<int:pk>/edit/", views.question_edit, name="question_edit"),
]
