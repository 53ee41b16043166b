from django.urls import path

from common.health import healthz

urlpatterns = [path("healthz", healthz, name="healthz")]
