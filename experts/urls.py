from django.urls import path

from experts import views

app_name = "experts"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/cv/", views.cv_download, name="cv_download"),
    path("me/", views.profile_edit, name="profile_edit"),
    path("me/export/", views.export, name="export"),
    path("me/erase/", views.erase, name="erase"),
]
