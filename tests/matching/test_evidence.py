"""Per-skill evidence: the unit most about a skill, pool statistics, the shipped coefficients."""

import numpy as np

from matching import evidence, evidence_fit, ranking


def _expert(ident, units, vecs):
    record = {"id": ident, "headline": units[0], "cv": " ".join(units[1:]), "help_topics": []}
    vecs = np.asarray(vecs, np.float32)
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    return ranking.PreparedExpert(record, vecs.mean(axis=0), list(units), vecs)


def _vectors(*skills):
    eye = np.eye(4, dtype=np.float32)
    return ranking.ChallengeVectors(eye[3], list(skills), eye[: len(skills)])


def test_the_evidence_is_the_unit_about_the_skill_not_the_one_near_every_skill():
    # "generic" is closer to the first skill than "specific" (cosine 0.71 against 0.67) but
    # just as close to the second; only "specific" is about the first skill. (CV sentences of
    # five words or more: shorter fragments naming no skill are never evidence, see below.)
    generic, specific = "a generic sentence near everything", "a specific sentence about one thing"
    expert = _expert("a", [generic, specific], [[1, 1, 0, 0], [1, 0, 0, 1.1]])
    assert (expert.sent_vecs @ np.eye(4)[0]).argmax() == 0
    others = [_expert(f"o{i}", ["other unit", "more"], [[0, 0, 1, i], [0.1, 0.1, 1, 0]]) for i in range(4)]
    pool = [expert, *others]
    found = evidence.pool_features(pool, _vectors("first", "second"), np.zeros(len(pool)))
    best, features = found[0]
    assert expert.sentences[best[0]] == specific
    assert features[0, 1] > 0  # positive margin over the competing skill
    assert features[1, 1] < features[0, 1]


def test_a_short_cv_fragment_about_no_skill_is_never_the_evidence():
    # The fragment is the unit closest to the skill, but three words naming no wanted skill
    # ("Born in Šiauliai;" once split off a CV at ";") are about nothing.
    units = ["Water engineer", "Born in Šiauliai;", "I led the renewal of old water mains across the city."]
    expert = _expert("a", units, [[0, 1, 0, 0], [1, 0, 0, 0], [1, 0.6, 0, 0.6]])
    others = [_expert(f"o{i}", ["other unit", "more"], [[0, 0, 1, i], [0.1, 0.1, 1, 0]]) for i in range(4)]
    skills = _vectors("pipe renovation")
    assert (expert.sent_vecs @ skills.kvecs[0]).argmax() == 1
    best, _ = evidence.pool_features([expert, *others], skills, np.zeros(5))[0]
    assert expert.sentences[best[0]] == units[2]
    keys = frozenset().union(*(evidence.stem_keys(k) for k in ["pipe renovation", "leak reduction"]))
    short = _expert("b", ["Engineer", "Leak reduction.", "From Kaunas;"], np.eye(4)[:3])
    short.expert["help_topics"] = ["GIS"]
    short.sentences.append("GIS")
    # The headline and help topics always can be evidence; a short fragment naming a skill too.
    assert evidence.evidence_candidates(short, keys).tolist() == [True, True, False, True]


def test_relevance_is_clipped_and_units_are_standardised_per_language_group():
    sims = np.array([[0.9] * 40 + [0.7] * 40 + [0.75] * 2], dtype=np.float64)
    sims[0, :40] += np.linspace(-0.01, 0.01, 40)
    sims[0, 40:80] += np.linspace(-0.01, 0.01, 40)
    groups = np.array([True] * 40 + [False] * 42)
    z = evidence._standardise(sims, groups)
    # Each group is centred on its own mean: the other language's lower cosines are not a penalty.
    assert abs(z[0, :40].mean()) < 1e-6 and abs(z[0, 40:].mean()) < 1e-6
    found = evidence.pool_features([_expert("a", ["u"], [[1, 0, 0, 0]])], _vectors("s"), np.array([40.0]))
    assert found[0][1][0, 0] == evidence.RELEVANCE_CLIP[1]


def test_shipped_coefficients_match_the_features():
    coef = evidence.model()
    assert coef["features"] == list(evidence.FEATURES)
    assert set(coef["weights"]) == set(evidence.FEATURES) and 0 < coef["threshold"] < 1


def test_cross_validation_holds_challenges_out():
    rng = np.random.default_rng(0)
    groups = np.repeat([f"c{i}" for i in range(10)], 12)
    covered = rng.random(len(groups)) < 0.5
    separable = np.c_[covered * 4.0 - 2 + rng.normal(0, 0.1, len(groups)), rng.normal(0, 1, (len(groups), 2))]
    none = np.zeros(len(groups), bool)
    assert evidence_fit.cross_validate(separable, covered, groups, none) == (1.0, 1.0)
    noise = rng.normal(0, 1, (len(groups), 3))
    precision, recall = evidence_fit.cross_validate(noise, covered, groups, none)
    assert precision < 0.8


def test_evidence_and_text_never_import_ranking_or_explain():
    """ranking imports evidence, explain imports ranking: nothing may point back (no cycle)."""
    import ast
    import inspect

    from matching import text

    for module in (evidence, text):
        tree = ast.parse(inspect.getsource(module))
        names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom) for a in n.names}
        names |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
        assert not names & {"ranking", "explain", "matching.ranking", "matching.explain"}, module.__name__


def test_fold_spread_and_held_out_features_from_other_pools():
    rng = np.random.default_rng(1)
    groups = np.repeat([f"c{i}" for i in range(10)], 12)
    covered = rng.random(len(groups)) < 0.5
    separable = np.c_[covered * 4.0 - 2 + rng.normal(0, 0.1, len(groups)), rng.normal(0, 1, (len(groups), 2))]
    none = np.zeros(len(groups), bool)
    assert evidence_fit.fold_spread(separable, covered, groups, none) == (1.0, 0.0, 1.0, 0.0)
    # Held-out rows judged on other features: the model trained on ``separable`` sees only noise.
    noise = rng.normal(0, 1, separable.shape)
    precision, recall = evidence_fit.cross_validate(separable, covered, groups, none, test_features=noise)
    assert precision < 0.8 and recall < 0.8
