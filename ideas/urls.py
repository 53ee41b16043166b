"""Public URLs of the ideas platform, mounted at /<lang>/ideas/."""

from django.urls import path

from . import views

app_name = "ideas"
urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("call/<int:call_id>/submit/", views.submit, name="submit"),
    path("call/<int:call_id>/similar/", views.similar, name="similar"),
    path("call/<int:call_id>/vote/", views.ballot, name="ballot"),
    path("call/<int:call_id>/results/", views.results, name="results"),
    path("call/<int:call_id>/results.csv", views.results_csv, name="results_csv"),
    path("call/<int:call_id>/export.pb", views.export_pb, name="export_pb"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.submit, {"call_id": None}, name="edit"),
    path("<int:pk>/flag/", views.flag, name="flag"),
    path("<int:pk>/follow/", views.follow, name="follow"),
    path("<int:pk>/support/", views.support, name="support"),
    path("attachment/<int:pk>/", views.attachment, name="attachment"),
]
