"""Models.

READ /work/main/docs/engineering-contract.md FIRST: it fixes the model and URL names other apps
rely on, the deadline (00:25 UTC), the git rules (never `git add -A`) and the test database names.
"""
