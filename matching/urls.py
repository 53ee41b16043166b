from django.urls import path

from matching import views

app_name = "matching"
urlpatterns = [
    path("challenge/<int:pk>/", views.challenge_matches, name="challenge_matches"),
    path("challenge/<int:pk>/refresh/", views.refresh_matches, name="refresh"),
    path("challenge/<int:pk>/why-not/", views.why_not, name="why_not"),
    path("for-me/", views.my_recommendations, name="my_recommendations"),
]
