"""Hostile CV uploads: NUL in extracted text, a failed save leaving files, documents that inflate (bounded before parsing)."""

import io
import time
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from experts import cv, services
from experts.models import ExpertProfile
from tests.experts.factories import make_docx, make_pdf
from tests.experts.test_profile_form import form_data, member, post  # noqa: F401 (fixture)
from tests.factories import ExpertProfileFactory

pytestmark = pytest.mark.django_db


def stored_files(root):
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def docx_with(document_xml=None, extra=None):
    """Return a real python-docx document with its body replaced and/or extra members added."""
    source = zipfile.ZipFile(io.BytesIO(make_docx("CV")))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml" and document_xml is not None:
                data = document_xml
            target.writestr(item, data, compress_type=zipfile.ZIP_DEFLATED)
        for name, (chunk, times) in (extra or {}).items():
            with target.open(name, "w") as handle:
                for _ in range(times):
                    handle.write(chunk)
    return buffer.getvalue()


BODY = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>'
)


def test_pdf_with_nul_in_its_text_is_saved_without_it(client, member, private_media):  # noqa: F811
    data = make_pdf("Water\x00engineer")
    assert "\x00" in cv.extract_pdf(data)  # the hostile file really yields a NUL
    response = post(client, form_data(), SimpleUploadedFile("cv.pdf", data))
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=member)
    assert "\x00" not in profile.cv_text and "Water" in profile.cv_text and "engineer" in profile.cv_text
    assert stored_files(private_media) == [private_media / profile.cv_file.name]


def test_clean_text_drops_control_characters_and_lone_surrogates():
    assert cv.clean_text("a\x00b\x07c\ud800d\te\r\nf") == "abc?d\te\nf"


def test_a_failed_save_leaves_no_cv_file_behind(member, private_media):  # noqa: F811
    profile = ExpertProfileFactory(user=member, name="Rasa", cv_text="")
    upload = SimpleUploadedFile("cv.pdf", make_pdf("Leakage"))
    with pytest.raises(RuntimeError), services.discard_new_cv_on_failure(profile):
        services.attach_cv(profile, upload)
        assert len(stored_files(private_media)) == 1  # written ...
        raise RuntimeError("the database refused the profile")
    assert stored_files(private_media) == []  # ... and gone again


def test_a_kept_file_survives_a_failed_later_save(member, private_media):  # noqa: F811
    profile = ExpertProfileFactory(user=member, name="Rasa", cv_text="")
    services.attach_cv(profile, SimpleUploadedFile("cv.pdf", make_pdf("Leakage")))
    profile.save()
    with pytest.raises(RuntimeError), services.discard_new_cv_on_failure(profile):
        raise RuntimeError("refused")
    assert len(stored_files(private_media)) == 1


def refused_quickly(data):
    started = time.monotonic()
    with pytest.raises(ValidationError) as refused:
        cv.inspect_cv(SimpleUploadedFile("cv.docx", data))
    elapsed = time.monotonic() - started
    assert elapsed < 3, f"took {elapsed:.1f} s"
    return refused.value


def test_docx_of_a_million_empty_paragraphs_is_refused_fast():
    data = docx_with(BODY % (b"<w:p/>" * 1_000_000))
    assert len(data) < 200_000  # small on the wire
    assert refused_quickly(data).code == "too_large"


def test_docx_inflating_to_300_mb_is_refused_fast():
    data = docx_with(extra={"word/media/image1.png": (b"\0" * (1024 * 1024), 300)})
    assert len(data) < cv.max_cv_bytes()
    assert refused_quickly(data).code == "too_large"


def test_docx_with_huge_body_xml_is_refused_fast():
    data = docx_with(BODY % (b"<w:p><w:r><w:t>" + b"a" * (6 * 1024 * 1024) + b"</w:t></w:r></w:p>"))
    assert refused_quickly(data).code == "too_large"


def test_docx_with_a_damaged_deflate_stream_is_refused_as_broken():
    """The ZIP directory is intact but the body's compressed bytes are not (found by tests/fuzz)."""
    data = bytearray(docx_with())
    body = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    header = body.header_offset
    name_length, extra_length = (
        int.from_bytes(data[header + 26 : header + 28], "little"),
        int.from_bytes(data[header + 28 : header + 30], "little"),
    )
    start = header + 30 + name_length + extra_length
    data[start : start + body.compress_size] = b"\xff" * body.compress_size  # block type 3: invalid
    with pytest.raises(ValidationError) as refused:
        cv.inspect_cv(SimpleUploadedFile("cv.docx", bytes(data)))
    assert refused.value.code == "broken"


def test_ordinary_docx_still_reads():
    kind, text = cv.inspect_cv(SimpleUploadedFile("cv.docx", make_docx("Vandentvarka")))
    assert kind == "docx" and "Vandentvarka" in text


def test_pdf_with_too_many_pages_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    page = PdfReader(io.BytesIO(make_pdf("x"))).pages[0]
    for _ in range(cv.MAX_PDF_PAGES + 1):
        writer.add_page(page)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ValidationError) as refused:
        cv.inspect_cv(SimpleUploadedFile("cv.pdf", buffer.getvalue()))
    assert refused.value.code == "too_long"
