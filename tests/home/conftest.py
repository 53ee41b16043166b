"""Fixtures for the site tests: the Lithuanian catalogue as the integrator will compile it."""

import polib
import pytest
from django.conf import settings

SITE_TSV = settings.BASE_DIR / "locale_src" / "site.lt.tsv"


@pytest.fixture
def site_catalogue(tmp_path, settings):
    """Compile locale_src/site.lt.tsv into a catalogue that takes precedence over locale/."""
    from bin.fill_translations import load_translations  # noqa: PLC0415

    catalogue = polib.POFile()
    catalogue.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "lt"}
    for msgid, msgstr in load_translations([SITE_TSV]).items():
        if "||" in msgstr:  # plural forms need the msgid_plural that only makemessages knows
            continue
        catalogue.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    folder = tmp_path / "lt" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalogue.save_as_mofile(str(folder / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    return load_translations([SITE_TSV])
