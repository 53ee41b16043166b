from django.urls import path

from challenges import views

app_name = "challenges"
urlpatterns = [
    path("", views.challenge_list, name="list"),
    path("new/", views.challenge_create, name="create"),
    path("engagements/", views.my_engagements, name="my_engagements"),
    path("<int:pk>/", views.challenge_detail, name="detail"),
    path("<int:pk>/edit/", views.challenge_edit, name="edit"),
    path("<int:pk>/status/", views.challenge_transition, name="transition"),
    path("<int:pk>/interest/", views.express_interest, name="express_interest"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path("engagements/<int:pk>/respond/", views.engagement_respond, name="engagement_respond"),
]
