from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("", views.results, name="results"),
    path("autocomplete/", views.autocomplete, name="autocomplete"),
    path("experts/", views.experts, name="experts"),
]
