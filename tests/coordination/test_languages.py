"""Languages: ru and uk exist for content and surveys, the interface switcher stays lt/en, untranslated pages say so."""

from django.conf import settings


def test_content_languages_include_ru_and_uk_interface_stays_lt_en():
    codes = [code for code, _ in settings.LANGUAGES]
    assert codes[:2] == ["lt", "en"] and {"ru", "uk"} <= set(codes)
    assert [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES] == codes
    assert settings.INTERFACE_LANGUAGES == ["lt", "en"]


def test_switcher_offers_lt_and_en_only(site_tree, client):
    html = client.get("/lt/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    assert 'hreflang="en"' in switcher and 'hreflang="ru"' not in switcher and 'hreflang="uk"' not in switcher


def test_a_page_not_yet_translated_falls_back_visibly(site_tree, client):
    html = client.get("/uk/alytus/").content.decode()
    assert "<h1>Alytus" in html or "Alytus" in html
    assert "Цю сторінку ще не перекладено українською, тому її показано литовською." in html
    assert "Эта страница ещё не переведена" in client.get("/ru/alytus/").content.decode()
    # A translated page shows no notice.
    assert 'id="translation-fallback"' not in client.get("/en/alytus/").content.decode()
    assert 'id="translation-fallback"' not in client.get("/lt/alytus/").content.decode()


def test_information_pages_for_newcomers_carry_the_iom_link(site_tree, client):
    from home.models import InformationPage

    city = site_tree["city"]
    newcomers = city.add_child(instance=InformationPage(title="Atvykusiems", slug="atvykusiems", audience="newcomers"))
    returnees = city.add_child(instance=InformationPage(title="Grįžtantiems", slug="grizusiems", audience="returnees"))
    assert 'class="notice iom-link"' in client.get(newcomers.url).content.decode()
    assert 'class="notice iom-link"' not in client.get(returnees.url).content.decode()
