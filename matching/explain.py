"""Explanations of a match: which wanted skills the profile evidences, and which constraints hold.

One implementation serves ``python -m matching explain``, the ranking (``Suggestion.evidence``)
and every page (challenge matches, why-not, the expert's recommendations). ``explain`` is pure:
plain dicts in the eval schema in, a plain dict out, no Django; the pages pass Django's
``gettext`` for the sentences.

Which unit of the profile evidences a skill, and whether it counts, is decided in
``matching.evidence`` for the whole ranked pool at once (the standing of the expert among the
candidates and the unit's margin over competing skills are pool statistics). The command and
the pages therefore explain a pair inside the same kind of pool: every expert of
``--experts``, or the candidates the page ranks. This module turns that evidence and the
constraint results into the explanation and its sentences.
"""

from __future__ import annotations

from matching.evidence import SkillEvidence


def _identity(text: str) -> str:
    """Return the text unchanged (no translation)."""
    return text


# --- sentences -----------------------------------------------------------------------------


def constraint_lines(checks, gettext=_identity) -> list[dict]:
    """Return ``{"name", "ok", "text"}`` for every hard constraint (hours say when only partly met)."""
    _ = gettext
    by_code = {c.code: c for c in checks}
    lines = []
    for result in checks:
        if not result.hard:
            continue
        p = result.params
        if result.code == "languages":
            if not p["required"]:
                text = _("No particular language is required.")
            elif result.ok:
                text = _("Speaks every required language: %(langs)s.") % {"langs": ", ".join(p["required"])}
            else:
                text = _("Does not speak a required language: %(langs)s.") % {"langs": ", ".join(p["missing"])}
        elif result.code == "hours":
            full = by_code.get("hours_full")
            if not result.ok:
                text = _("Can give only %(given)s hours a month, less than half of the %(needed)s needed.") % p
            elif full is not None and not full.ok:
                text = (
                    _(
                        "Can give %(given)s of the %(needed)s hours a month: at least half, so it may work, "
                        "but only as a partial commitment."
                    )
                    % p
                )
            elif p["needed"]:
                text = _("Can give %(given)s hours a month (%(needed)s needed).") % p
            else:
                text = _("No particular number of hours is asked.")
        elif result.code == "travel":
            if result.ok:
                text = _("Can travel to Lithuania, as this in-person challenge needs.")
            else:
                text = _("Cannot travel to Lithuania, but this challenge is in person.")
        else:
            text = result.code
        lines.append({"name": result.code, "ok": bool(result.ok), "text": text})
    return lines


def summary_line(covered: int, total: int, checks, gettext=_identity) -> str:
    """Return one sentence that agrees with the constraint lines and the skill lists."""
    _ = gettext
    failing = [c for c in checks if c.hard and not c.ok]
    partial = any(not c.ok and not c.hard for c in checks)
    skills = _("Covers %(covered)s of %(total)s wanted skills") % {"covered": covered, "total": total}
    if failing:
        return skills + "; " + _("a hard constraint fails, so this expert is listed after those who meet them all.")
    if partial:
        return skills + "; " + _("the hard constraints hold, but only part of the hours needed can be given.")
    return skills + "; " + _("every hard constraint holds.")


def build(challenge_id, expert_id, evidence: list[SkillEvidence], checks, gettext=_identity) -> dict:
    """Return the explanation dict from computed evidence and constraint results."""
    covered = [{"skill": e.skill, "evidence": e.sentence} for e in evidence if e.covered]
    return {
        "challenge_id": challenge_id,
        "expert_id": expert_id,
        "covered": covered,
        "missing": [e.skill for e in evidence if not e.covered],
        "constraints": constraint_lines(checks, gettext),
        "summary": summary_line(len(covered), len(evidence), checks, gettext),
    }


def explain(challenge: dict, expert: dict, embedder=None, *, pool=None, vectors=None, gettext=_identity) -> dict:
    """Return the explanation of one (challenge, expert) pair; pure, no Django.

    ``pool`` holds the candidates the expert is ranked among (``ranking.PreparedExpert``
    objects or expert dicts; the expert is added when missing); ``vectors`` the challenge's
    stored ``ranking.ChallengeVectors``. Whatever is missing ``embedder`` computes.
    """
    return explain_many(challenge, [expert], embedder, pool=pool, vectors=vectors, gettext=gettext)[0]


def explain_many(challenge: dict, experts: list[dict], embedder=None, *, pool=None, vectors=None, gettext=_identity):
    """Return the explanations of several experts for one challenge, ranked in one pool."""
    from matching import ranking

    pool = list(pool or [])
    raw = [p for p in pool if not isinstance(p, ranking.PreparedExpert)]
    prepared = [p for p in pool if isinstance(p, ranking.PreparedExpert)]
    known = {p.id for p in prepared} | {str(e["id"]) for e in raw}
    raw += [e for e in experts if str(e["id"]) not in known]
    if raw:
        prepared += ranking.prepare_experts(raw, embedder)
    if vectors is None:
        vectors = ranking.prepare_challenge(challenge, embedder)
    # The experts explained are ranked even when not suggestable (the why-not page and an
    # expert's own recommendations do the same); the rest of the pool is filtered as usual.
    targets = {str(e["id"]) for e in experts}
    visible = [
        ranking.PreparedExpert({**p.expert, "visibility": "public", "consent": True}, p.doc_vec, p.sentences,
                               p.sent_vecs) if p.id in targets else p
        for p in prepared
    ]  # fmt: skip
    ranked = {s.id: s for s in ranking.rank(challenge, visible, embedder, vectors=vectors)}
    out = []
    for expert in experts:
        suggestion = ranked[str(expert["id"])]
        out.append(build(challenge.get("id"), expert.get("id"), suggestion.evidence, suggestion.constraints, gettext))
    return out


def for_suggestion(suggestion, challenge_id=None) -> dict:
    """Return the explanation of a ranked suggestion in the active language (for the pages)."""
    from django.utils.translation import gettext

    return build(challenge_id, suggestion.id, suggestion.evidence, suggestion.constraints, gettext)


def why_not_lines(result) -> list[str]:
    """Return the reasons of a why-not check as sentences."""
    from django.utils.translation import gettext as _

    texts = {
        "no_consent": _("The expert has not given consent to be suggested, so matching never shows them."),
        "hidden": _("The expert hid their profile, so matching never shows them."),
        "not_visible_to_you": _("This profile is visible to approved municipality staff only."),
        "not_embedded": _("The profile or the challenge has not been processed yet; try again in a minute."),
        "constraints": _("A hard constraint fails, so the expert is listed after everyone who meets them all."),
    }
    lines = [texts[r] for r in result.reasons if r in texts]
    if "ranked_below" in result.reasons:
        lines.append(
            _("Ranked %(rank)s of %(total)s; only the first %(shown)s are suggested.")
            % {"rank": result.rank, "total": result.pool_size, "shown": result.shown}
        )
    elif result.rank is not None and not result.reasons:
        lines.append(
            _("The expert is suggested: ranked %(rank)s of %(total)s.")
            % {"rank": result.rank, "total": result.pool_size}
        )
    return lines
