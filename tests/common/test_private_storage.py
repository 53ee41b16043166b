"""Private files (CVs, idea attachments) are owner-only: 0600 files in 0700 folders."""

import os
import stat

from django.core.files.uploadedfile import SimpleUploadedFile

from experts import services
from tests.experts.factories import ExpertProfileFactory, make_pdf


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_cv_is_written_0600_in_0700_folders(db, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    old_umask = os.umask(0o022)  # the usual umask that made files 0644 and folders 0755
    try:
        profile = ExpertProfileFactory()
        services.attach_cv(profile, SimpleUploadedFile("cv.pdf", make_pdf("Water supply")))
        profile.save()
    finally:
        os.umask(old_umask)
    path = profile.cv_file.path
    assert mode(path) == 0o600
    assert mode(os.path.dirname(path)) == 0o700
    assert mode(settings.PRIVATE_MEDIA_ROOT) == 0o700


def test_idea_attachment_storage_is_private(settings, tmp_path):
    from django.core.files.base import ContentFile

    from ideas.models import private_storage

    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    storage = private_storage()
    name = storage.save("attachments/2026/12/plan.txt", ContentFile(b"plan"))
    assert mode(storage.path(name)) == 0o600
    assert mode(os.path.dirname(storage.path(name))) == 0o700
