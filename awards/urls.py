from django.urls import path

from awards import views

app_name = "awards"

urlpatterns = [
    path("notable/", views.gallery, name="gallery"),
    path("<int:page_id>/jury/", views.jury, name="jury"),
    path("<int:page_id>/winners/", views.winners, name="winners"),
]
