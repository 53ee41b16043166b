"""The docs page works in a browser under the site's Content-Security-Policy (no inline scripts)."""


def test_swagger_ui_renders_every_section(live_server, page):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_selector(".opblock-tag")
    tags = set(page.locator(".opblock-tag").all_inner_texts())
    assert {"events", "challenges", "experts", "pages", "ideas"} <= {tag.strip().split("\n")[0] for tag in tags}
    assert not errors
