"""CV uploads under generated and mutated bytes: a clear refusal or a text, never a crash or a stray file."""

import tempfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from experts import cv
from experts.models import ExpertProfile
from tests.experts.factories import make_docx, make_pdf
from tests.fuzz.conftest import assert_no_server_error, tried

pytestmark = pytest.mark.django_db

SEEDS = [make_pdf("Curriculum vitae\x00 of a water engineer"), make_docx("Vandentvarkos inžinierė")]


@st.composite
def mutated_documents(draw):
    """A real PDF or DOCX with a few bytes overwritten, inserted or cut off, or plain random bytes."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=4096))
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(0, 8))):
        position = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "cut"]))
        if action == "flip":
            data[position] = draw(st.integers(0, 255))
        elif action == "insert":
            data[position:position] = draw(st.binary(min_size=1, max_size=64))
        else:
            del data[position:]
            if not data:
                data = bytearray(b"%")
    return bytes(data)


@given(data=mutated_documents())
@example(data=SEEDS[0])
def test_inspect_cv_refuses_or_reads(data):
    tried("CV bytes (inspect)")
    try:
        kind, text = cv.inspect_cv(SimpleUploadedFile("cv.bin", data))
    except ValidationError:
        return
    assert kind in ("pdf", "docx", "txt")
    assert "\x00" not in text
    text.encode("utf-8")  # storable


@given(data=mutated_documents())
@example(data=SEEDS[0])
def test_cv_upload_through_the_profile_form(fuzz_client, site_tree, django_user_model, settings, tmp_path, data):
    tried("CV upload (profile form)")
    # A fresh member and private folder per case: a replaced CV is deleted only on commit, which tests never reach.
    root = Path(tempfile.mkdtemp(dir=tmp_path))
    settings.PRIVATE_MEDIA_ROOT = root
    user = django_user_model.objects.create_user(username=root.name, email=f"{root.name}@example.com")
    fuzz_client.force_login(user)
    form = {"name": "Rasa", "languages": "lt", "hours_per_month": "1", "country": "NO", "visibility": "staff"}
    response = fuzz_client.post(
        reverse("experts:profile_edit"), {**form, "consent": "on", "cv_upload": SimpleUploadedFile("cv.pdf", data)}
    )
    assert_no_server_error("CV upload (profile form)", response)
    profile = ExpertProfile.objects.filter(user=user).first()
    stored = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
    assert stored == ({profile.cv_file.name} if profile and profile.cv_file else set())  # no orphaned private file
