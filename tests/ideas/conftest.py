"""Fixtures for the ideas platform: a call in Alytus (lt + en), members, city editors of two cities."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone


def make_member(email, verified=True, **extra):
    """Create a member with an (optionally verified) allauth e-mail address."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user(username=email, email=email, password="pw-123456!", **extra)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    return user


def make_editor_group(name, city_page):
    """Create "<City> editors" with admin access and edit/publish permission on the city's subtree."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for permission_type in ("add", "change", "publish"):
        GroupPagePermission.objects.create(group=group, page=city_page, permission_type=permission_type)
    return group


def make_call(parent, slug="call", budget=Decimal("100"), opens_delta=-10, closes_delta=10, **settings_kwargs):
    """Create a published call for ideas under a city, with its ideas settings."""
    from wagtail.models import Locale

    from home.models import CallForIdeasPage
    from ideas.models import CallSettings

    now = timezone.now()
    call = parent.add_child(
        instance=CallForIdeasPage(
            title=f"Call {slug}",
            slug=slug,
            theme="Green city",
            opens_at=now + timedelta(days=opens_delta),
            closes_at=now + timedelta(days=closes_delta),
            budget=budget,
            locale=Locale.objects.get(language_code="lt"),
        )
    )
    call.save_revision().publish()
    CallSettings.objects.create(call=call, **settings_kwargs)
    return call


def make_idea(call, title, cost=None, status="accepted", author=None, **extra):
    """Create an idea directly (tests of voting and results do not need the form)."""
    from ideas.models import Idea

    return Idea.objects.create(
        call=call,
        title=title,
        summary=extra.pop("summary", f"Summary of {title}"),
        estimated_cost=cost,
        status=status,
        author=author,
        **extra,
    )


def set_phase(call, phase):
    """Switch the call's phase manually, as an editor would."""
    from ideas.models import CallSettings

    CallSettings.objects.filter(call=call).update(phase_override=phase)


@pytest.fixture
def cities(site_tree):
    """Return the Alytus hub (from site_tree) plus a Kaunas hub, each with its editors group."""
    from wagtail.models import Locale

    from home.models import CityPage

    kaunas = site_tree["home"].add_child(
        instance=CityPage(
            title="Kaunas",
            slug="kaunas",
            municipality_name="Kauno miesto savivaldybė",
            locale=Locale.objects.get(language_code="lt"),
        )
    )
    return {
        **site_tree,
        "alytus": site_tree["city"],
        "kaunas": kaunas,
        "alytus_editors": make_editor_group("Alytus editors", site_tree["city"]),
        "kaunas_editors": make_editor_group("Kaunas editors", kaunas),
    }


@pytest.fixture
def call(site_tree):
    """Return an open call in Alytus with a 100 € budget and default settings (supports ballot)."""
    return make_call(site_tree["city"])


@pytest.fixture
def member(db):
    return make_member("ona@example.com")


@pytest.fixture
def other_member(db):
    return make_member("jonas@example.com")


@pytest.fixture(autouse=True)
def english_messages():
    """Run service calls in English so message assertions hold once the Lithuanian catalogue is compiled."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def lt_catalogue(tmp_path, settings):
    """Compile every locale_src/*.lt.tsv, as the integrator will, into a catalogue ahead of locale/."""
    import polib

    from bin.fill_translations import load_translations

    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "lt"}
    for msgid, msgstr in load_translations(sorted((settings.BASE_DIR / "locale_src").glob("*.lt.tsv"))).items():
        if "||" not in msgstr:  # plural forms need the msgid_plural that only makemessages knows
            catalogue.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    folder = tmp_path / "lt" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue.save_as_mofile(str(folder / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
