"""Factories and real test files (PDF, DOCX) for the experts tests."""

import io

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from experts.models import ExpertProfile, Visibility


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "s3cret-Passw0rd")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ExpertProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertProfile

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Expert {n}")
    headline = "Water engineer"
    cv_text = "Managed sewer rehabilitation programmes."
    languages = ["lt", "en"]
    help_topics = ["leakage reduction"]
    competencies = ["asset management"]
    hours_per_month = 8
    can_travel_to_lithuania = True
    country = "GB"
    city_ties = ["Alytus"]
    visibility = Visibility.PUBLIC
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_version = "test"


def make_staff(user=None, approved=True, municipality_name="Alytus", coordinator=False):
    """Return a user who is (approved or pending) staff of a municipality."""
    from challenges.models import Municipality, StaffMembership

    user = user or UserFactory()
    municipality, _ = Municipality.objects.get_or_create(
        slug=municipality_name.lower(),
        defaults={"name": f"{municipality_name} municipality", "city_name": municipality_name},
    )
    StaffMembership.objects.create(user=user, municipality=municipality, approved=approved, is_coordinator=coordinator)
    return user


def _pdf_escape(text):
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(text="Curriculum vitae of a water engineer"):
    """Return the bytes of a real one-page PDF whose page shows `text` (built with pypdf)."""
    from pypdf import PdfWriter
    from pypdf.generic import ContentStream, DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F1 12 Tf 72 760 Td ({_pdf_escape(text)}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(ContentStream(stream, writer))
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_encrypted_pdf(text="Secret CV"):
    """Return a password-protected PDF."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(text))))
    writer.encrypt(user_password="hunter2", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_docx(text="Darbo patirtis: vandentvarkos inžinierė"):
    """Return the bytes of a real Word document written with python-docx."""
    import docx

    document = docx.Document()
    document.add_heading("CV", level=1)
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


ELF_BYTES = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200
