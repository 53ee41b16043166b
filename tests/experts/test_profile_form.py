"""The expert's own profile form: validation, consent, CV uploads checked by content."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from experts.models import ExpertProfile
from tests.experts.factories import ELF_BYTES, make_docx, make_encrypted_pdf, make_pdf
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Rasa Vaitkutė",
        "headline": "Water engineer in Norway",
        "cv_text": "",
        "competencies": "asset management\nleakage",
        "languages": ["lt", "en", "no"],
        "help_topics": "drinking water safety, storm water",
        "hours_per_month": "6",
        "can_travel_to_lithuania": "on",
        "country": "no",
        "city_ties": "Alytus, Birštonas",
        "visibility": "public",
        "consent": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def member(client):
    user = UserFactory()
    client.force_login(user)
    return user


def post(client, data, upload=None):
    """Post the form to the English page, so messages can be compared whatever the catalogues hold."""
    if upload is not None:
        data = {**data, "cv_upload": upload}
    with translation.override("en"):
        return client.post(reverse("experts:profile_edit"), data)


def test_create_profile_records_consent_and_lists(client, member, settings):
    response = post(client, form_data())
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=member)
    assert response["Location"] == f"/en/experts/{profile.pk}/"
    assert profile.languages == ["lt", "en", "no"]
    assert profile.country == "NO"
    assert profile.city_ties == ["Alytus", "Birštonas"]
    assert profile.help_topics == ["drinking water safety", "storm water"]
    assert profile.consent_given_at is not None
    assert profile.consent_version == settings.CONSENT_VERSION


def test_form_page_shows_consent_text(client, member):
    body = client.get(reverse("experts:profile_edit")).content.decode()
    assert 'name="consent"' in body
    assert "consent" in body.lower()
    assert 'enctype="multipart/form-data"' in body


def test_consent_is_required(client, member):
    data = form_data()
    del data["consent"]
    response = post(client, data)
    assert response.status_code == 200
    assert not ExpertProfile.objects.filter(user=member).exists()
    assert response.context["form"].errors["consent"]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("languages", ["lt", "xx"]),
        ("languages", ["english"]),
        ("country", "UK"),
        ("country", "LTU"),
        ("hours_per_month", "-1"),
    ],
)
def test_invalid_codes_and_hours_are_refused(client, member, field, value):
    response = post(client, form_data(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not ExpertProfile.objects.filter(user=member).exists()


@pytest.mark.parametrize(
    ("language", "country", "norwegian"),
    [("lt", "Norvegija", "norvegų"), ("en", "Norway", "Norwegian")],
)
def test_countries_and_languages_are_chosen_by_name_in_the_pages_language(client, member, language, country, norwegian):
    with translation.override(language):
        response = client.get(reverse("experts:profile_edit"))
    body = response.content.decode()
    assert f'<option value="NO">{country}</option>' in body
    assert f'<option value="no">{norwegian}</option>' in body
    assert '<select name="country"' in body and '<select name="languages"' in body and "multiple" in body


def test_saved_codes_come_back_selected(client, member):
    post(client, form_data())
    with translation.override("en"):
        body = client.get(reverse("experts:profile_edit")).content.decode()
    assert '<option value="NO" selected>Norway</option>' in body
    assert '<option value="lt" selected>Lithuanian</option>' in body
    assert '<option value="de">German</option>' in body


def test_unknown_codes_are_named_in_the_error(client, member):
    response = post(client, form_data(languages=["lt", "xx", "qq"], country="UK"))
    errors = response.context["form"].errors
    with translation.override("en"):  # the messages are lazy: read them in the page's language
        assert errors["languages"] == ["Unknown ISO 639-1 language codes: xx, qq. Use two letters, e.g. lt, en, de."]
        assert errors["country"] == ["Unknown country code UK. Use two letters, e.g. GB."]


def test_pdf_upload_fills_empty_cv_text(client, member, settings):
    response = post(client, form_data(), SimpleUploadedFile("my cv.pdf", make_pdf("Leakage reduction programme")))
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=member)
    assert "Leakage reduction programme" in profile.cv_text
    assert profile.cv_file_name == "my cv.pdf"
    assert profile.cv_file.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert profile.cv_file.name.endswith(".pdf")
    assert "my cv" not in profile.cv_file.name


def test_docx_upload_does_not_overwrite_written_cv_text(client, member):
    response = post(
        client, form_data(cv_text="My own words."), SimpleUploadedFile("cv.docx", make_docx("Vandentvarka"))
    )
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=member)
    assert profile.cv_text == "My own words."
    assert profile.cv_file.name.endswith(".docx")


def test_docx_text_is_extracted(client, member):
    post(client, form_data(), SimpleUploadedFile("cv.docx", make_docx("Vandentvarkos inžinierė")))
    assert "Vandentvarkos inžinierė" in ExpertProfile.objects.get(user=member).cv_text


def test_txt_upload_accepted(client, member):
    post(client, form_data(), SimpleUploadedFile("cv.txt", b"Miesto planavimas\n"))
    profile = ExpertProfile.objects.get(user=member)
    assert profile.cv_text == "Miesto planavimas"
    assert profile.cv_file.name.endswith(".txt")


@pytest.mark.parametrize(
    ("name", "content", "code", "message"),
    [
        ("cv.pdf", ELF_BYTES, "type", "Only PDF, Word (.docx) and plain-text CVs are accepted"),
        ("cv.pdf", make_encrypted_pdf(), "encrypted", "password-protected"),
        ("cv.pdf", make_pdf()[:300], "broken", "could not be read"),
        ("cv.docx", b"PK\x03\x04" + b"\x00" * 100, "type", "Only PDF, Word (.docx) and plain-text CVs are accepted"),
        ("cv.txt", b"", "empty", "empty"),
    ],
    ids=["elf-named-pdf", "encrypted-pdf", "broken-pdf", "fake-docx", "empty"],
)
def test_bad_uploads_are_refused_with_a_clear_message(client, member, settings, name, content, code, message):
    response = post(client, form_data(), SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["cv_upload"]] == [code]
    assert message in response.content.decode()
    assert not ExpertProfile.objects.filter(user=member).exists()
    assert not list(settings.PRIVATE_MEDIA_ROOT.glob("**/*.*"))


def test_oversized_upload_is_refused(client, member, settings):
    settings.EXPERTS_CV_MAX_BYTES = 1000
    response = post(client, form_data(), SimpleUploadedFile("cv.txt", b"a" * 1001))
    assert response.status_code == 200
    assert [error.code for error in response.context["form"].errors.as_data()["cv_upload"]] == ["too_large"]
    assert "too large" in response.content.decode()


def test_replacing_and_removing_cv_deletes_old_files(client, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data(), SimpleUploadedFile("a.pdf", make_pdf("first")))
    first = ExpertProfile.objects.get(user=member).cv_file.path
    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data(cv_text="kept"), SimpleUploadedFile("b.docx", make_docx("second")))
    profile = ExpertProfile.objects.get(user=member)
    second = profile.cv_file.path
    assert second != first
    import os

    assert not os.path.exists(first)
    assert os.path.exists(second)
    with django_capture_on_commit_callbacks(execute=True):
        post(client, form_data(cv_text="kept", remove_cv="on"))
    profile.refresh_from_db()
    assert not profile.cv_file
    assert not os.path.exists(second)
