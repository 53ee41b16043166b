from django.urls import path

from rotations import views

app_name = "rotations"

urlpatterns = [
    path("<int:meeting_id>/", views.programme, name="programme"),
    path("<int:meeting_id>/group/<int:group_id>/", views.group_agenda, name="group_agenda"),
    path("<int:meeting_id>/table/<int:table_id>/", views.table_agenda, name="table_agenda"),
    path("<int:meeting_id>/questionnaire/", views.questionnaire, name="questionnaire"),
    path("<int:meeting_id>/manage/", views.manage, name="manage"),
    path("<int:meeting_id>/generate/", views.generate, name="generate"),
    path("<int:meeting_id>/pins/<int:pin_id>/delete/", views.unpin, name="unpin"),
    path("<int:meeting_id>/sessions/<int:session_id>/", views.session_record, name="session"),
]
