#!/usr/bin/env python3
"""Use the Miestai ir diaspora API from outside the project, with the standard library only.

Lists Alytus's upcoming events, posts a challenge as Alytus staff and reads its suggested experts.

    API_BASE=http://127.0.0.1:8000 API_TOKEN=mdk_… python3 docs/api_example.py
"""

import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

BASE = os.environ.get("API_BASE", "http://127.0.0.1:8000").rstrip("/") + "/api/v1"
TOKEN = os.environ.get("API_TOKEN", "")


def call(method, path, body=None, token=None, query=None):
    """Send one request; return (status, decoded JSON body)."""
    url = BASE + path + ("?" + urllib.parse.urlencode(query) if query else "")
    headers = {"Accept": "application/json", "Accept-Language": "en"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def upcoming_events(city):
    """Print the next occurrences of a city's events (first page, English copies)."""
    status, body = call("GET", "/events/", query={"city": city, "language": "en"})
    assert status == 200, (status, body)
    print(f"Upcoming events in {city} ({body['count']} occurrences):")
    for row in body["results"][:5]:
        event = row["event"]
        print(
            f"  {row['start'][:16].replace('T', ' ')}  {event['title']}  [{event['venue_name'] or event['online_url']}]"
        )
        print(f"      iCal: {event['ical_url']}")


def post_challenge():
    """Post and publish a challenge for the token holder's municipality; return it."""
    challenge = {
        "kind": "expert_opinion",
        "title": "Review of our district heating modernisation plan",
        "description": (
            "The municipality is replacing old district heating pipes and adding heat pumps. "
            "We want an expert opinion on the investment plan and the order of the works."
        ),
        "skills_wanted": ["district heating", "energy efficiency", "investment planning"],
        "languages_required": ["lt"],
        "hours_needed_per_month": 6,
        "in_person": False,
        "publish": True,
    }
    status, body = call("POST", "/challenges/", challenge, token=TOKEN)
    assert status == 201, (status, body)
    print(f"\nPosted challenge {body['id']} for {body['municipality']} ({body['status']}): {body['url']}")
    return body


def suggestions(challenge_id, attempts=30):
    """Print suggested experts, asking again while the challenge is still being processed (HTTP 202)."""
    for _ in range(attempts):
        status, body = call("GET", f"/challenges/{challenge_id}/suggestions/", token=TOKEN)
        if status == 200:
            break
        assert status == 202, (status, body)
        print("  suggestions pending, asking again in 5 s …")
        time.sleep(5)
    else:
        sys.exit("No suggestions yet; try again later.")
    print(f"\nSuggested experts for challenge {challenge_id}:")
    for row in body["suggestions"]:
        why = row["explanation"]
        print(f"  {row['rank']}. {row['expert']['name']} – {row['expert']['headline']} (score {row['score']})")
        print(f"      {why['summary']}")
        for line in why["constraints"]:
            print(f"      {'✓' if line['ok'] else '✗'} {line['text']}")
        for covered in why["covered"]:
            print(f"      covers “{covered['skill']}”: {covered['evidence']}")
        if why["missing"]:
            print(f"      missing: {', '.join(why['missing'])}")
    if body["also_relevant"]:
        names = ", ".join(row["expert"]["name"] for row in body["also_relevant"])
        print(f"  Also relevant, but a hard constraint fails: {names}")


if __name__ == "__main__":
    if not TOKEN:
        sys.exit("Set API_TOKEN to a token from your account page (approved municipality staff).")
    upcoming_events("alytus")
    created = post_challenge()
    suggestions(created["id"])
