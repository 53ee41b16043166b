"""One vector store under concurrency, erasure racing an embedding, and no model in a web request."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest
from django.db import connection, connections, transaction
from django.urls import reverse

from experts.models import ExpertProfile
from matching import embedding, indexing, query_encoding, ranking, vectors, worker
from matching.index import normalise
from matching.models import Embedding
from matching.records import expert_record
from tests.experts.factories import ExpertProfileFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="races need PostgreSQL (DATABASE_URL)")


def _prepared(profile, seed):
    """Return a PreparedExpert with synthetic vectors for a real profile (no model needed)."""
    rng = np.random.default_rng(seed)
    record = expert_record(profile)
    sentences = ranking.expert_sentences(record)
    return ranking.PreparedExpert(
        record,
        normalise(rng.standard_normal(384))[0],
        sentences,
        normalise(rng.standard_normal((len(sentences), 384))),
    )


WRITER = """
import json, sys, time
sys.path.insert(0, {root!r}); sys.path.insert(0, {root!r} + "/platform")
import django; django.setup()
from experts.models import ExpertProfile
from matching import indexing, vectors
from matching.records import expert_record
from tests.matching.test_scale import _prepared
ids, seed, total = json.loads(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
index = vectors.SyncedIndex("expert")
for n, pk in enumerate(ids):
    profile = ExpertProfile.objects.get(pk=pk)
    item = _prepared(profile, seed * 100000 + pk)
    indexing._write_experts([item], {{pk: indexing._expert_digest(expert_record(profile))}})
    if n % 5 == 0:
        index.refresh()  # this process reads while the other one writes
deadline = time.monotonic() + 60
while vectors.Embedding.objects.filter(kind="expert").count() < total and time.monotonic() < deadline:
    time.sleep(0.1)
print(json.dumps(sorted(int(i) for i in index.refresh().ids())))
"""


@on_postgresql
def test_two_processes_updating_vectors_concurrently_lose_nothing(transactional_db, no_auto_embed):
    profiles = [ExpertProfileFactory(user=None, cv_text=f"I plan water networks. Case {i}.") for i in range(60)]
    ids = [p.pk for p in profiles]
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "MATCHING_AUTO_EMBED": "0",
        "MATCHING_INDEX_CHECK_SECONDS": "0",  # recheck late commits on every refresh
    }
    script = WRITER.format(root=str(ROOT))
    # Each process owns 20 experts and both write the middle 20, in opposite orders.
    jobs = [(ids[:40], 1), (list(reversed(ids[20:])), 2)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, json.dumps(part), str(seed), str(len(ids))],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part, seed in jobs
    ]
    outputs = [p.communicate(timeout=180) for p in procs]
    for proc, (_out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err[-3000:]
    rows = {r.object_id: r for r in Embedding.objects.filter(kind="expert")}
    assert sorted(rows) == sorted(ids)  # no write was lost
    for _out, _err in outputs:  # each process's own index ends up holding every vector
        assert json.loads(_out.strip().splitlines()[-1]) == sorted(ids)
    index = vectors.SyncedIndex("expert").refresh()  # and so does a third process's
    for pk, row in rows.items():
        assert np.allclose(index.get(str(pk)), row.doc_vector())
        assert len(row.sentences) == len(row.sentence_matrix())


@on_postgresql
def test_an_erasure_during_embedding_leaves_no_vector_and_no_sentences(transactional_db, no_auto_embed):
    """The eraser holds its transaction open while the embedding writes: the write waits, then finds no one."""
    from experts.services import erase_expert

    profile = ExpertProfileFactory(cv_text="I reduced leakage in the water network. I chair a forum.")
    item = _prepared(profile, 1)
    digests = {profile.pk: indexing._expert_digest(expert_record(profile))}
    erased, written = threading.Event(), []

    def eraser():
        try:
            with transaction.atomic():
                erase_expert(ExpertProfile.objects.get(pk=profile.pk))
                erased.set()
                time.sleep(1.5)  # the encoder finishes while the erasure has not committed yet
        finally:
            connections.close_all()

    def embedder():
        try:
            erased.wait(10)
            written.append(indexing._write_experts([item], digests))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=eraser), threading.Thread(target=embedder)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert written == [0]
    assert not Embedding.objects.filter(kind="expert", object_id=profile.pk).exists()
    assert not ExpertProfile.objects.filter(pk=profile.pk).exists()


def test_a_vector_is_not_written_for_an_erased_or_withdrawn_profile(db, no_auto_embed):
    gone, withdrawn = ExpertProfileFactory(), ExpertProfileFactory()
    items = [_prepared(gone, 1), _prepared(withdrawn, 2)]
    digests = {p.pk: indexing._expert_digest(expert_record(p)) for p in (gone, withdrawn)}
    gone.delete()
    ExpertProfile.objects.filter(pk=withdrawn.pk).update(consent_given_at=None)
    assert indexing._write_experts(items, digests) == 0
    assert not Embedding.objects.filter(kind="expert").exists()


def test_a_stale_embedding_does_not_overwrite_a_newer_text(db, no_auto_embed):
    profile = ExpertProfileFactory(cv_text="Old text about roads.")
    item = _prepared(profile, 1)
    digests = {profile.pk: indexing._expert_digest(expert_record(profile))}
    ExpertProfile.objects.filter(pk=profile.pk).update(cv_text="New text about water.")
    assert indexing._write_experts([item], digests) == 0  # the later save's task embeds the new text


def test_candidate_pool_comes_from_the_index_and_respects_the_filter(db, no_auto_embed):
    profiles = [ExpertProfileFactory(user=None) for _ in range(30)]
    rng = np.random.default_rng(0)
    for p in profiles:
        vectors.save(
            "expert", p.pk, content_hash="x", model_name="m", vector=normalise(rng.standard_normal(384))[0].tobytes()
        )
    query = vectors.Embedding.objects.get(object_id=profiles[0].pk).doc_vector()
    allowed = ExpertProfile.objects.exclude(pk=profiles[0].pk)
    ids = vectors.candidate_ids("expert", query, 5, allowed)
    assert len(ids) == 5 and profiles[0].pk not in ids
    assert vectors.candidate_ids("expert", query, 1, None) == [profiles[0].pk]
    none_allowed = ExpertProfile.objects.none()
    assert vectors.candidate_ids("expert", query, 5, none_allowed) == []


def test_expert_embedded_signal_is_sent_after_commit(db, django_capture_on_commit_callbacks, no_auto_embed):
    from matching.signals import expert_embedded

    seen = []

    def receiver(sender, profile_id, vector, **kwargs):
        seen.append((profile_id, len(vector)))

    expert_embedded.connect(receiver)
    try:
        profile = ExpertProfileFactory()
        with django_capture_on_commit_callbacks(execute=True):
            indexing._write_experts(
                [_prepared(profile, 3)], {profile.pk: indexing._expert_digest(expert_record(profile))}
            )
            assert seen == []
    finally:
        expert_embedded.disconnect(receiver)
    assert seen == [(profile.pk, 384)]


def test_no_web_request_loads_the_model_or_runs_the_encoder(transactional_db, client, settings):
    """Save a profile, search experts semantically: the requests return, the background thread encodes."""
    if not worker.local_mode():
        pytest.skip("A broker is configured: the Celery worker embeds (test_services covers it).")
    settings.MATCHING_QUERY_TIMEOUT = 0.2
    user = UserFactory()
    client.force_login(user)
    del embedding.load_threads[:], embedding.encode_threads[:]
    data = {
        "name": "Rasa Vaitkutė",
        "headline": "Water engineer in Norway",
        "cv_text": "I manage leakage reduction in the Bergen water network. I train young engineers.",
        "competencies": "asset management",
        "languages": ["lt", "en"],
        "help_topics": "drinking water safety",
        "hours_per_month": "6",
        "can_travel_to_lithuania": "on",
        "country": "no",
        "city_ties": "Alytus",
        "visibility": "public",
        "consent": "on",
    }
    started = time.monotonic()
    response = client.post(reverse("experts:profile_edit"), data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    profile = ExpertProfile.objects.get(user=user)
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-embedding="pending"' in page or vectors.is_embedded("expert", profile.pk)
    search = client.get(reverse("search:experts"), {"q": "nuotėkių mažinimas", "semantic": "on"})
    assert search.status_code == 200
    assert time.monotonic() - started < 20  # nothing above waited for a model load (8-35 s)
    request_thread = threading.current_thread().name
    assert request_thread not in embedding.load_threads and request_thread not in embedding.encode_threads
    assert worker.local_worker().join(timeout=180)
    assert vectors.is_embedded("expert", profile.pk)
    assert embedding.encode_threads and set(embedding.encode_threads) == {worker.THREAD_NAME}
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-embedding="pending"' not in page


def test_query_encoding_goes_to_the_celery_worker(celery_worker, embedder):
    """With a broker a web request's query is encoded by the worker, which answers within the timeout."""
    del embedding.encode_threads[:]
    found = query_encoding.encode_remote(["vandens nuotėkių mažinimas (worker test)"], timeout=120)
    assert found is not None and found.shape == (1, embedding.dimension())
    assert embedding.encode_threads and threading.current_thread().name not in embedding.encode_threads


def test_import_embeds_many_experts_per_encoder_call_and_writes_in_bulk(transactional_db, tmp_path, embedder, request):
    """Six imported experts: two encoder calls in all (profiles, then CV sentences), not two per expert."""
    from django.core.management import call_command

    if not worker.local_mode():
        request.getfixturevalue("celery_worker")  # with a broker the real worker embeds

    from matching.bench import dev_experts

    path = tmp_path / "experts.jsonl"
    records = dev_experts(None, 6)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    embedding._default_embedder = None  # no memoised vectors
    del embedding.encode_threads[:]
    call_command("import_experts", str(path), stdout=open(os.devnull, "w"))
    if not worker.local_mode():
        deadline = time.monotonic() + 180
        while Embedding.objects.filter(kind="expert").count() < 6 and time.monotonic() < deadline:
            time.sleep(0.5)
    assert Embedding.objects.filter(kind="expert").count() == 6
    assert len(embedding.encode_threads) == 2
    profile = ExpertProfile.objects.get(external_id=records[0]["id"])
    assert not indexing.embedding_pending(profile)


def test_query_encoding_gives_up_after_the_timeout_so_callers_go_lexical(db, settings):
    """A busy (or absent) embedding process: the request waits the short timeout, gets None, loads nothing."""
    settings.MATCHING_QUERY_TIMEOUT = 0.3
    release = threading.Event()
    if worker.local_mode():
        worker.local_worker().submit(release.wait, 30)  # the embedding thread is busy with an import
    del embedding.load_threads[:], embedding.encode_threads[:]
    try:
        started = time.monotonic()
        assert query_encoding.encode_remote(["vandens nuotėkių mažinimas"]) is None
        assert time.monotonic() - started < 3
    finally:
        release.set()
    assert threading.current_thread().name not in embedding.load_threads + embedding.encode_threads
