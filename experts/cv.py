"""Check an uploaded CV by its content (PDF, DOCX or plain text) and extract its text."""

import io
import re
import zipfile
import zlib

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

PDF = "pdf"
DOCX = "docx"
TXT = "txt"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CONTENT_TYPES = {PDF: "application/pdf", DOCX: DOCX_MIME, TXT: "text/plain; charset=utf-8"}
MAX_TEXT_CHARS = 50_000
# Bounds checked before a document is parsed (docs/limits.md): a small upload can inflate to far more.
MAX_PDF_PAGES = 100
MAX_DOCX_UNCOMPRESSED_BYTES = 30 * 1024 * 1024  # all members of the ZIP together (images included)
MAX_DOCX_XML_BYTES = 5 * 1024 * 1024  # word/document.xml
MAX_DOCX_MEMBERS = 1_000
MAX_DOCX_PARAGRAPHS = 10_000  # paragraphs and table cells


def max_cv_bytes():
    """Return the upload size limit in bytes (settings.EXPERTS_CV_MAX_BYTES, 5 MB by default)."""
    return getattr(settings, "EXPERTS_CV_MAX_BYTES", 5 * 1024 * 1024)


def detect_kind(data):
    """Return "pdf", "docx" or "txt" judged by the bytes themselves, or None for anything else."""
    guess = filetype.guess(data)
    if guess is not None:
        if guess.mime == "application/pdf":
            return PDF
        if guess.mime in (DOCX_MIME, "application/zip") and _is_docx_zip(data):
            return DOCX
        return None
    if data.lstrip().startswith(b"%PDF-"):
        return PDF
    if _looks_like_text(data):
        return TXT
    return None


def _is_docx_zip(data):
    """Return True when the bytes are a ZIP holding a Word document body."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, ValueError):
        return False


def _looks_like_text(data):
    """Return True for UTF-8 text without control bytes other than whitespace."""
    if b"\x00" in data:
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return all(ch.isprintable() or ch in "\n\r\t\f" for ch in text)


def extract_pdf(data):
    """Return the text of a PDF, refusing encrypted or unreadable files with a clear message."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is password-protected. Please upload a copy without a password."), code="encrypted"
            )
        if len(reader.pages) > MAX_PDF_PAGES:
            raise ValidationError(
                _("This PDF has more than %(pages)s pages; a CV should be shorter."),
                code="too_long",
                params={"pages": MAX_PDF_PAGES},
            )
        texts, length = [], 0
        for page in reader.pages:
            texts.append(page.extract_text() or "")
            length += len(texts[-1])
            if length > MAX_TEXT_CHARS:  # the rest would be cut off anyway
                break
        return "\n".join(texts)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as exc:
        raise ValidationError(
            _("This PDF could not be read; it may be damaged. Please export it again and retry."), code="broken"
        ) from exc


def check_docx_size(data):
    """Refuse a Word document whose ZIP would inflate past the limits, judged by the members' declared sizes."""
    too_big = ValidationError(
        _("This Word document is too large or too complex to read; please save a simpler copy or a PDF."),
        code="too_large",
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_DOCX_MEMBERS:
                raise too_big
            if sum(member.file_size for member in members) > MAX_DOCX_UNCOMPRESSED_BYTES:
                raise too_big
            body = archive.getinfo("word/document.xml")
            if body.file_size > MAX_DOCX_XML_BYTES:
                raise too_big
            # Read at most the declared size plus one byte: a member that lies about its size is cut short.
            with archive.open(body) as handle:
                xml = handle.read(MAX_DOCX_XML_BYTES + 1)
    except ValidationError:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        KeyError,
        ValueError,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
    ) as exc:  # zlib.error: a deflate stream damaged inside an intact ZIP directory
        raise ValidationError(_("This Word document could not be read; it may be damaged."), code="broken") from exc
    if len(xml) > MAX_DOCX_XML_BYTES:
        raise too_big
    if len(PARAGRAPH_TAG.findall(xml)) > MAX_DOCX_PARAGRAPHS:
        raise too_big


PARAGRAPH_TAG = re.compile(rb"<w:(?:p|tc)[\s>/]")


def extract_docx(data):
    """Return the paragraphs and table cells of a Word document as text (after check_docx_size)."""
    import docx

    check_docx_size(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds of errors on damaged files
        raise ValidationError(_("This Word document could not be read; it may be damaged."), code="broken") from exc
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def inspect_cv(uploaded):
    """Validate an uploaded CV and return (kind, extracted_text); raise ValidationError with a clear reason."""
    limit = max_cv_bytes()
    if uploaded.size is not None and uploaded.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
        )
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    uploaded.seek(0)
    if len(data) > limit:
        raise ValidationError(
            _("The file is too large. The limit is %(limit)s."),
            code="too_large",
            params={"limit": filesizeformat(limit)},
        )
    if not data:
        raise ValidationError(_("The file is empty."), code="empty")
    kind = detect_kind(data)
    if kind is None:
        raise ValidationError(
            _("Only PDF, Word (.docx) and plain-text CVs are accepted; this file is something else."),
            code="type",
        )
    if kind == PDF:
        text = extract_pdf(data)
    elif kind == DOCX:
        text = extract_docx(data)
    else:
        text = data.decode("utf-8-sig")
    return kind, clean_text(text)


def strip_unstorable(text):
    """Remove NUL and other control characters (except tab and newline) and lone surrogates from a text."""
    text = text.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(text) else text
    return CONTROL_CHARS.sub("", text)


CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _has_surrogates(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def clean_text(text):
    """Drop characters no database column can hold, collapse runs of blank lines and trim to a sane length."""
    text = strip_unstorable(text).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    cleaned, blank = [], False
    for line in lines:
        if not line.strip():
            if not blank and cleaned:
                cleaned.append("")
            blank = True
            continue
        cleaned.append(line)
        blank = False
    return "\n".join(cleaned).strip()[:MAX_TEXT_CHARS]
