"""Private file storage: outside MEDIA_ROOT, no public URL, owner-only permissions."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateMediaStorage(FileSystemStorage):
    """Store files under PRIVATE_MEDIA_ROOT[/subdir], 0600 in 0700 folders, served only through views."""

    def __init__(self, subdir="", **kwargs):
        self.subdir = subdir
        super().__init__(**kwargs)

    @property
    def base_location(self):
        """Read the setting on every use, so overriding it (tests, deployments) always takes effect."""
        return (
            os.path.join(str(settings.PRIVATE_MEDIA_ROOT), self.subdir)
            if self.subdir
            else str(settings.PRIVATE_MEDIA_ROOT)
        )

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def file_permissions_mode(self):
        return getattr(settings, "PRIVATE_FILE_PERMISSIONS", 0o600)

    @property
    def directory_permissions_mode(self):
        return getattr(settings, "PRIVATE_DIRECTORY_PERMISSIONS", 0o700)

    def _save(self, name, content):
        """Create the private root owner-only too (makedirs only sets modes on folders it creates)."""
        mode = self.directory_permissions_mode
        root = str(settings.PRIVATE_MEDIA_ROOT)
        for folder in {root, self.location}:
            old_umask = os.umask(0o777 & ~mode)
            try:
                os.makedirs(folder, mode, exist_ok=True)
            finally:
                os.umask(old_umask)
            os.chmod(folder, mode)
        return super()._save(name, content)

    def url(self, name):
        """Refuse to build a public URL: private files are served by an access-checked view."""
        raise ValueError("Private files have no public URL.")
