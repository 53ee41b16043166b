"""Real test files (PDF, DOCX, a binary) for the experts tests; the model factories are in tests/factories.py."""

import io

from tests.factories import ExpertProfileFactory, UserFactory, make_staff

# The shared factories stay importable from here for other apps' tests; new tests import tests.factories.
__all__ = [
    "ELF_BYTES",
    "ExpertProfileFactory",
    "UserFactory",
    "make_docx",
    "make_encrypted_pdf",
    "make_pdf",
    "make_staff",
]


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
