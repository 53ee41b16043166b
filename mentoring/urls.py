from django.urls import path

from mentoring import views

app_name = "mentoring"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("offer/", views.offer, name="offer"),
    path("ask/", views.ask, name="ask"),
    path("mine/", views.mine, name="mine"),
    path("pairings/<int:pairing_id>/", views.act, name="act"),
    path("coordinate/", views.coordinate, name="coordinate"),
    path("clubs/<int:club_id>/", views.club, name="club"),
]
