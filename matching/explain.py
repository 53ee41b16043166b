"""Turn a suggestion's constraint results and evidence into sentences in the viewer's language."""

from django.utils.translation import gettext as _


def constraint_line(result) -> tuple[bool, str]:
    """Return (holds, sentence) for one constraint result."""
    p = result.params
    if result.code == "languages":
        if not p["required"]:
            return True, _("No particular language is required.")
        if result.ok:
            return True, _("Speaks every required language: %(langs)s.") % {"langs": ", ".join(p["required"])}
        return False, _("Does not speak a required language: %(langs)s.") % {"langs": ", ".join(p["missing"])}
    if result.code == "hours":
        if result.ok:
            return True, _("Can give %(given)s hours a month (%(needed)s needed).") % p
        return False, _("Can give only %(given)s hours a month, less than half of the %(needed)s needed.") % p
    if result.code == "hours_full":
        if result.ok:
            return True, ""
        return False, _("Can give %(given)s of the %(needed)s hours a month: a partial commitment.") % p
    if result.code == "travel":
        if result.ok:
            return True, _("Can travel to Lithuania, as this in-person challenge needs.")
        return False, _("Cannot travel to Lithuania, but this challenge is in person.")
    return result.ok, result.code


def explain(suggestion) -> dict:
    """Return the explanation of a suggestion: constraint lines, covered skills with evidence, missing skills."""
    constraints = []
    for result in suggestion.constraints:
        ok, line = constraint_line(result)
        if line:
            constraints.append({"ok": ok, "hard": result.hard, "text": line})
    covered = [{"skill": e.skill, "sentence": e.sentence, "score": round(e.score, 3)} for e in suggestion.covered]
    missing = suggestion.missing
    if suggestion.violations:
        summary = _("Relevant, but a hard constraint fails.")
    else:
        summary = _("Covers %(covered)s of %(total)s wanted skills; every hard constraint holds.") % {
            "covered": len(covered),
            "total": len(suggestion.evidence),
        }
    return {"summary": summary, "constraints": constraints, "covered": covered, "missing": missing}


def why_not_lines(result) -> list[str]:
    """Return the reasons of a why-not check as sentences."""
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
