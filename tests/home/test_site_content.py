"""Site contacts from a Wagtail setting; demo images on stories and events, rendered with fill and srcset."""

from wagtail.models import Site

from home.models import EventPage, SiteContacts, StoryPage


def test_footer_shows_the_site_contacts_and_social_links(client, demo_site):
    contacts = SiteContacts.for_site(Site.objects.get(is_default_site=True))
    contacts.contact_email = "info@miestai.lt"
    contacts.facebook_url = "https://www.facebook.com/miestai"
    contacts.save()
    html = client.get("/lt/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert 'href="mailto:info@miestai.lt"' in footer
    assert '<a href="https://www.facebook.com/miestai" rel="me">Facebook</a>' in footer
    assert "Instagram" not in footer


def test_settings_page_opens_for_admins(client, demo_site):
    client.force_login(demo_site["admin"])
    site = Site.objects.get(is_default_site=True)
    assert client.get(f"/admin/settings/home/sitecontacts/{site.pk}/").status_code == 200


def test_every_demo_story_and_event_has_a_generated_image(demo_site):
    for model in (StoryPage, EventPage):
        assert model.objects.count() > 0
        assert not model.objects.filter(lead_image__isnull=True).exists(), model.__name__


def test_images_render_with_fill_and_srcset(client, demo_site):
    story = StoryPage.objects.filter(locale__language_code="en").first()
    html = client.get(story.url).content.decode()
    assert 'class="lead-image"' in html and "srcset=" in html
    assert "fill-480x270" in html and "fill-1440x810" in html
    city_html = client.get(story.get_parent().get_parent().url).content.decode()
    assert 'class="card-image"' in city_html and "fill-320x180" in city_html


def test_home_page_says_what_to_do_next_and_links_about_and_privacy(client, demo_site, site_catalogue):
    lt = client.get("/lt/").content.decode()
    en = client.get("/en/").content.decode()
    assert "Ką čia galite nuveikti" in lt and "What you can do here" in en
    assert 'href="/lt/experts/me/"' in lt and 'href="/en/challenges/"' in en
    assert "/lt/alytus/zalesnis-alytus/" in lt  # an open call to vote in
    assert "/lt/apie/" in lt and "/lt/privatumas/" in lt
    assert "/en/about-the-platform/" in en and "/en/privacy-policy/" in en


def test_demo_has_calls_in_voting_and_results_with_ballots(client, demo_site):
    from home.models import CallForIdeasPage
    from ideas.models import Ballot, Idea

    results = CallForIdeasPage.objects.get(slug="kiemai-2026", locale__language_code="lt")
    voting = CallForIdeasPage.objects.get(slug="krantine-2027", locale__language_code="lt")
    assert Ballot.objects.filter(call=results).count() == 12
    assert Idea.objects.filter(call=voting, status=Idea.Status.SUBMITTED).exists()  # one waits for moderation
    html = client.get(f"/lt/ideas/call/{results.pk}/results/").content.decode()
    assert "Žalias kiemas Taikos prospekte" in html and "60\u00a0000,00\u00a0€" in html
    assert client.get(f"/lt/ideas/call/{voting.pk}/vote/").status_code in (200, 302)
