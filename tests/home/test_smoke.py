"""Smoke test of the page tree fixture."""


def test_city_hub_renders_in_both_languages(client, site_tree):
    assert client.get(site_tree["city"].url).status_code == 200
    assert client.get(site_tree["city_en"].url).status_code == 200
    assert site_tree["city"].url.startswith("/lt/")
    assert site_tree["city_en"].url.startswith("/en/")
