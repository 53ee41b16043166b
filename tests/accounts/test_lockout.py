"""The public login's brute-force guard: django-axes counts failures under the submitted login and locks it."""

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client

LOGIN = "/lt/accounts/login/"
PASSWORD = "correct-horse-battery"


@pytest.fixture
def axes_on(settings):
    from django.core.cache import cache

    cache.clear()  # allauth's own login rate limit lives in the cache; start each test from zero
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    from axes.handlers.proxy import AxesProxyHandler

    AxesProxyHandler.implementation = None  # rebuild the handler with the test's settings
    yield
    AxesProxyHandler.implementation = None


@pytest.fixture
def ona(db):
    user = get_user_model().objects.create_user("ona", "ona@example.org", PASSWORD)
    EmailAddress.objects.create(user=user, email="ona@example.org", verified=True, primary=True)
    return user


def attempt(password, login="ona@example.org", ip="203.0.113.7"):
    return Client(REMOTE_ADDR=ip).post(LOGIN, {"login": login, "password": password})


@pytest.mark.django_db
def test_failed_logins_are_counted_under_the_login_and_lock_it(axes_on, ona):
    for _ in range(3):
        response = attempt("wrong-password")
    assert AccessAttempt.objects.filter(username="ona@example.org").exists()
    assert not AccessAttempt.objects.filter(username__in=["", None]).exists()
    assert AccessAttempt.objects.get(username="ona@example.org").failures_since_start == 3
    # The right password no longer gets in: the account is locked.
    response = attempt(PASSWORD)
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in response.wsgi_request.session


@pytest.mark.django_db
def test_case_of_the_login_does_not_reset_the_count(axes_on, ona):
    for login in ("ona@example.org", "Ona@Example.org", "ONA@EXAMPLE.ORG"):
        attempt("wrong-password", login=login)
    assert AccessAttempt.objects.get(username="ona@example.org").failures_since_start == 3


@pytest.mark.django_db
def test_a_correct_login_below_the_limit_gets_in(axes_on, ona):
    attempt("wrong-password")
    response = attempt(PASSWORD)
    assert response.status_code == 302
