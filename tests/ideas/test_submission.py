"""Submitting through the form: drafts, uploads checked by content and size, and similar-idea hints."""

import io
import threading
import time

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from ideas import services
from ideas.models import CallSettings, Idea, IdeaAttachment, IdeaImage

from .conftest import make_call, make_idea


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(buffer, format="PNG")
    return buffer.getvalue()


FORM = {
    "title": "Šviesos prie ežero",
    "summary": "Apšviesti taką aplink Dailidės ežerą",
    "description": "Ilgesnis aprašymas",
    "estimated_cost": "40",
    "category": "public_space",
    "address": "Dailidės ežeras, Alytus",
    "latitude": "54.39",
    "longitude": "24.05",
    "language": "lt",
}


def test_member_saves_a_draft_then_submits_with_files(call, member, client):
    client.force_login(member)
    url = reverse("ideas:submit", args=[call.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {**FORM, "save": "1"})
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.status == Idea.Status.DRAFT and idea.author == member
    image = SimpleUploadedFile("lake.png", png_bytes(), content_type="image/png")
    pdf = SimpleUploadedFile(
        "plan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf"
    )
    response = client.post(
        reverse("ideas:edit", args=[idea.pk]), {**FORM, "submit": "1", "images": [image], "attachments": [pdf]}
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.status == Idea.Status.SUBMITTED
    image_row = IdeaImage.objects.get(idea=idea)
    assert "lake" not in image_row.image.name and image_row.image.name.endswith(".png")
    attachment = IdeaAttachment.objects.get(idea=idea)
    assert attachment.original_name == "plan.pdf"
    # Attachments live outside MEDIA_ROOT and are served only to the author/editors before acceptance.
    from django.conf import settings

    assert str(settings.PRIVATE_MEDIA_ROOT) in attachment.file.path
    assert client.get(reverse("ideas:attachment", args=[attachment.pk])).status_code == 200
    client.logout()
    assert client.get(reverse("ideas:attachment", args=[attachment.pk])).status_code == 404


def test_upload_type_is_checked_by_content(call, member, client):
    client.force_login(member)
    fake = SimpleUploadedFile("photo.png", b"<script>alert(1)</script>", content_type="image/png")
    response = client.post(reverse("ideas:submit", args=[call.pk]), {**FORM, "submit": "1", "images": [fake]})
    assert response.status_code == 200
    assert "photo.png" in response.content.decode()
    assert not Idea.objects.exists()  # nothing saved, the form keeps the text


def test_upload_size_is_limited(call, member, client):
    from ideas import forms

    client.force_login(member)
    big = SimpleUploadedFile("big.png", png_bytes() + b"0" * (forms.MAX_IMAGE_BYTES + 1), content_type="image/png")
    response = client.post(reverse("ideas:submit", args=[call.pk]), {**FORM, "submit": "1", "images": [big]})
    assert response.status_code == 200
    assert not Idea.objects.exists()


def test_cost_required_when_the_call_has_a_budget_ballot(site_tree, member, client):
    call = make_call(site_tree["city"], ballot_type=CallSettings.BallotType.KNAPSACK)
    client.force_login(member)
    data = {k: v for k, v in FORM.items() if k != "estimated_cost"}
    response = client.post(reverse("ideas:submit", args=[call.pk]), {**data, "submit": "1"})
    assert response.status_code == 200
    assert not Idea.objects.filter(status=Idea.Status.SUBMITTED).exists()


def test_english_refused_in_a_lithuanian_only_call(site_tree, member, client):
    call = make_call(site_tree["city"], languages=CallSettings.Languages.LT)
    client.force_login(member)
    response = client.post(reverse("ideas:submit", args=[call.pk]), {**FORM, "language": "en", "submit": "1"})
    assert response.status_code == 200
    assert not Idea.objects.exists()


def test_login_required_to_submit(call, client):
    response = client.get(reverse("ideas:submit", args=[call.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_similar_ideas_lexical(call, settings, client):
    settings.IDEAS_SIMILARITY = "lexical"
    lights = make_idea(call, "Apšviesti taką prie ežero", summary="Žibintai aplink Dailidės ežerą")
    make_idea(call, "Naujas krepšinio aikštelės dangos", summary="Sporto aikštelė mokyklos kieme")
    make_idea(call, "Rejected idea about lights", status="rejected")
    make_idea(call, "Ežero apšvietimas žibintais", summary="Žibintai prie ežero", status="submitted")
    found = services.similar_ideas(call, "Ežero apšvietimas", "Daugiau žibintų prie ežero")
    assert found and found[0][0] == lights
    response = client.get(
        reverse("ideas:similar", args=[call.pk]), {"title": "Ežero apšvietimas", "summary": "žibintai ežero take"}
    )
    data = response.json()["results"]
    assert data[0]["id"] == lights.pk and data[0]["url"]
    assert all(item["title"] != "Rejected idea about lights" for item in data)
    # Unmoderated ideas of others are never suggested: their text is not public yet.
    assert all(item["title"] != "Ežero apšvietimas žibintais" for item in data)


def test_similar_ideas_with_embeddings_or_fallback(call, settings):
    """With "auto" the matching engine's embeddings are tried; whichever path runs, the obvious match comes first."""
    settings.IDEAS_SIMILARITY = "auto"
    lights = make_idea(call, "Street lights by the lake", summary="Lamps along the lake path")
    court = make_idea(call, "Basketball court surface", summary="New surface for the school court")
    found = [
        idea for idea, _score in services.similar_ideas(call, "Lighting around the lake", "More lamps by the lake")
    ]
    assert found[0] == lights and court not in found


def test_similar_ideas_never_encode_in_the_web_request(call, settings, client):
    """A busy or absent embedding worker costs the hint request one short timeout; the answer is then lexical.

    The request's own thread never loads nor runs the encoder (a model load alone takes 8-35 s).
    """
    from matching import embedding, worker

    settings.IDEAS_SIMILARITY = "auto"
    settings.MATCHING_QUERY_TIMEOUT = 0.5
    lights = make_idea(call, "Apšviesti taką prie ežero", summary="Žibintai aplink Dailidės ežerą")
    make_idea(call, "Naujas krepšinio aikštelės dangos", summary="Sporto aikštelė mokyklos kieme")
    release = threading.Event()
    if worker.local_mode():
        worker.local_worker().submit(release.wait, 60)  # the embedding thread is busy with an earlier job
    # With a broker no worker runs in this test: the encoding request waits in the queue unanswered.
    del embedding.load_threads[:], embedding.encode_threads[:]
    try:
        started = time.monotonic()
        response = client.get(
            reverse("ideas:similar", args=[call.pk]), {"title": "Ežero apšvietimas", "summary": "žibintai ežero take"}
        )
        elapsed = time.monotonic() - started
    finally:
        release.set()
    assert response.status_code == 200
    results = response.json()["results"]
    assert results and results[0]["id"] == lights.pk
    # Lexical scores: TF-IDF over character n-grams stays far below the embeddings' bar for this pair.
    assert results[0]["score"] < settings.IDEAS_EMBEDDING_THRESHOLD
    assert elapsed < 5, elapsed
    request_thread = threading.current_thread().name
    assert request_thread not in embedding.load_threads and request_thread not in embedding.encode_threads
