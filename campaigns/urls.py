from django.urls import path

from campaigns import views

app_name = "campaigns"

urlpatterns = [
    path("my-pledges/", views.my_pledges, name="mine"),
    path("my-pledges/<int:pledge_id>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:page_id>/pledges/", views.organiser_pledges, name="organiser"),
    path("<int:page_id>/pledges/<int:pledge_id>/status/", views.organiser_set_status, name="set_status"),
]
